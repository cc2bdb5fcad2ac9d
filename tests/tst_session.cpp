// Sessions: the app locks after the idle time and on demand, and a locked app shows no case data
// and holds no open case file; copied case text leaves the clipboard; core dumps are off; backups
// are made on demand and daily, and a damaged case file is offered a restore from them.

#include "TestSupport.h"

#include "model/storage/AutoBackup.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Error.h"
#include "model/store/CaseStore.h"
#include "model/util/ProcessHardening.h"
#include "ui/BackupRunner.h"
#include "ui/CaseListModel.h"
#include "ui/CaseListView.h"
#include "ui/CaseSummaryDialog.h"
#include "ui/ClipboardGuard.h"
#include "ui/IdleMonitor.h"
#include "ui/MainWindow.h"
#include "ui/RestoreBackupDialog.h"
#include "ui/SessionController.h"
#include "ui/SessionSettings.h"
#include "ui/SettingsDialog.h"
#include "ui/UnlockWindow.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <sys/prctl.h>
#include <sys/resource.h>

using namespace cb;
using namespace cb::ui;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QString kCaseNumber = u"HZ-2024-001"_s;
const QString kVictim = u"Victim One"_s;

template<typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

// A case file with one case (kCaseNumber, victim kVictim), closed.
QString makeCaseFile(const QString &dir, const QString &name = u"unit.caseboard"_s)
{
    test::Fixture fx(dir, name);
    test::addSampleCase(*fx.store, kCaseNumber);
    return fx.path;
}

int caseCount(const QString &path)
{
    auto file = CaseFile::openReadOnly(path, test::secret());
    const FixedClock clock(QDateTime(QDate(2024, 6, 15), QTime(12, 0), QTimeZone::utc()));
    return CaseStore(*file, clock).caseCount();
}

// Where a widget shows `needle`: label and line edit text, window titles, any item view's model.
QStringList showing(const QString &needle)
{
    QStringList found;
    const QList<QWidget *> widgets = QApplication::allWidgets();
    for (QWidget *w : widgets) {
        const QString where = QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName();
        if (w->windowTitle().contains(needle))
            found << where + u" title"_s;
        if (auto *label = qobject_cast<QLabel *>(w); label && label->text().contains(needle))
            found << where;
        if (auto *edit = qobject_cast<QLineEdit *>(w); edit && edit->text().contains(needle))
            found << where;
        if (auto *view = qobject_cast<QAbstractItemView *>(w); view && view->model()) {
            const QAbstractItemModel *m = view->model();
            for (int r = 0; r < m->rowCount(); ++r)
                for (int c = 0; c < m->columnCount(); ++c)
                    if (m->index(r, c).data().toString().contains(needle))
                        found << where + u" row %1"_s.arg(r);
        }
    }
    return found;
}

int liveCaseListModels()
{
    int n = 0;
    const QList<QWidget *> widgets = QApplication::allWidgets();
    for (QWidget *w : widgets)
        n += static_cast<int>(w->findChildren<CaseListModel *>(Qt::FindDirectChildrenOnly).size());
    return n + static_cast<int>(qApp->findChildren<CaseListModel *>().size());
}

template<typename T>
int liveWidgets()
{
    int n = 0;
    const QList<QWidget *> widgets = QApplication::allWidgets();
    for (QWidget *w : widgets)
        n += qobject_cast<T *>(w) ? 1 : 0;
    return n;
}

void typePassphraseAndOpen(UnlockWindow *w, const QString &passphrase = test::passphrase())
{
    auto *field = child<QLineEdit>(w, "passphrase");
    QTest::keyClicks(field, passphrase);
    QTest::keyClick(field, Qt::Key_Return);
}

MainWindow *openSession(SessionController &session, const QString &path)
{
    session.showUnlock(path);
    typePassphraseAndOpen(session.unlockWindow());
    return session.mainWindow();
}

QTableView *caseTable(MainWindow *main)
{
    return child<QTableView>(main, "caseTable");
}

// The hard limit is what a process cannot raise again; a test process whose own hard limit is
// already 0 cannot tell whether a child lowered it.
rlim_t hardCoreLimit()
{
    rlimit l{};
    getrlimit(RLIMIT_CORE, &l);
    return l.rlim_max;
}

// "Max core file size  <soft>  <hard>  bytes" from /proc/<pid>/limits.
QStringList coreLimitsOf(qint64 pid)
{
    QFile f(u"/proc/%1/limits"_s.arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("Max core file size")) {
            const QStringList parts = QString::fromLatin1(line.mid(18)).simplified().split(u' ');
            return parts.mid(0, 2);
        }
    }
    return {};
}

} // namespace

class TestSession : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    // Child processes first: once this process has turned its own core dumps off, children
    // would inherit the limit and prove nothing.
    void appsStartWithCoreDumpsOff_data();
    void appsStartWithCoreDumpsOff();
    void coreDumpsOff();

    void idleLocksAfterTheTimeout();
    void idleLocksWithTheRealTimer();
    void lockOnDemandWithCtrlL();
    void lockClosesOpenDialogs();
    void lockTimeIsClamped_data();
    void lockTimeIsClamped();
    void settingsRefuseMoreThan30Minutes();

    void copiedTextIsClearedAfterTheDelay();
    void copiedTextIsKeptWhenReplaced();
    void copiedTextIsClearedOnLock();

    void automaticBackupOnOpen();
    void lockWaitsForARunningBackup();
    void backUpNowWritesTheChosenFile();
    void backUpNowRefusesAnExistingFile();

    void damagedFileIsRestoredFromBackup();
    void mistypedPassphraseNeverReplacesAGoodFile();
    void restoreRefusedWithWrongPassphrase();
    void noRestoreOfferForAMissingFile();

    void screenshots();

private:
    QString dir() const { return m_dir->path(); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSession::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // A name of its own keeps this run's settings and backups apart from other tests running now.
    QCoreApplication::setOrganizationName(u"CaseBoardTest"_s);
    QCoreApplication::setApplicationName(u"tst_session-%1"_s.arg(QCoreApplication::applicationPid()));
}

void TestSession::cleanupTestCase()
{
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    QFile::remove(QSettings().fileName());
}

void TestSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QSettings().clear();
    // Most tests want the case file closed when they lock, with no backup thread reading it.
    SessionSettings::setAutomaticBackups(false);
    QDir(SessionSettings::automaticBackupsRoot()).removeRecursively();
    QGuiApplication::clipboard()->clear();
}

void TestSession::cleanup()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        w->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

void TestSession::appsStartWithCoreDumpsOff_data()
{
    QTest::addColumn<QString>("program");
    QTest::newRow("caseboard-cli") << u"app/caseboard-cli"_s;
    QTest::newRow("caseboard") << u"app/caseboard"_s;
}

void TestSession::appsStartWithCoreDumpsOff()
{
    QFETCH(QString, program);
    if (hardCoreLimit() == 0)
        QSKIP("this process's hard core limit is already 0: a child's could not be told apart");
    const QString exe = qEnvironmentVariable("CASEBOARD_BUILD_DIR") + u'/' + program;
    if (!QFileInfo(exe).isExecutable())
        QSKIP(qPrintable(exe + u" is not built"_s));
    const QString path = makeCaseFile(dir());

    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, dir() + u"/config"_s);
    env.insert(u"XDG_DATA_HOME"_s, dir() + u"/data"_s);
    p.setProcessEnvironment(env);
    // The CLI waits for its passphrase on standard input, the app in its unlock window: both stay
    // up long enough to be looked at.
    const QStringList args = program.endsWith(u"-cli"_s)
                                 ? QStringList{u"--db"_s, path, u"--passphrase-file"_s, u"-"_s, u"verify"_s}
                                 : QStringList{u"--file"_s, path};
    p.start(exe, args);
    QVERIFY(p.waitForStarted());
    // main() lowers the limit first thing; until then the child has this process's limits.
    QTRY_COMPARE_WITH_TIMEOUT(coreLimitsOf(p.processId()), (QStringList{u"0"_s, u"0"_s}), 20000);
    p.kill();
    p.waitForFinished();
}

void TestSession::coreDumpsOff()
{
    const HardeningResult result = disableCoreDumps();
    QVERIFY2(result.ok(), qPrintable(result.describe()));
    rlimit limit{1, 1};
    QCOMPARE(getrlimit(RLIMIT_CORE, &limit), 0);
    QCOMPARE(limit.rlim_cur, rlim_t(0));
    QCOMPARE(limit.rlim_max, rlim_t(0));
    QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
    const CoreDumpState state = coreDumpState();
    QVERIFY(state.coreLimitZero);
    QVERIFY(!state.dumpable);
    // The limit cannot be raised again by this process (nor by a library it loads).
    const rlimit raise{RLIM_INFINITY, RLIM_INFINITY};
    if (geteuid() != 0)
        QVERIFY(setrlimit(RLIMIT_CORE, &raise) != 0);
}

void TestSession::idleLocksAfterTheTimeout()
{
    const QString path = makeCaseFile(dir());
    SessionController session;
    MainWindow *main = openSession(session, path);
    QVERIFY(main);
    QCOMPARE(session.idleMonitor()->timeout(), std::chrono::milliseconds(15min));

    // The check below must be able to see case data, or its silence after the lock means nothing.
    QVERIFY(!showing(kCaseNumber).isEmpty());
    QVERIFY(liveCaseListModels() > 0);

    std::chrono::milliseconds now{0};
    session.idleMonitor()->setClock([&] { return now; });
    now = 14min + 59s;
    session.idleMonitor()->check();
    QVERIFY(!session.isLocked());
    // Input at 14:59 starts the 15 minutes again.
    QTest::keyClick(caseTable(main), Qt::Key_Down);
    now = 29min + 58s;
    session.idleMonitor()->check();
    QVERIFY(!session.isLocked());
    now = 29min + 59s;
    QSignalSpy locked(&session, &SessionController::locked);
    session.idleMonitor()->check();
    QCOMPARE(locked.size(), 1);

    // Checked before the event loop runs again: nothing of the case is left for it to paint.
    QVERIFY(session.isLocked());
    QVERIFY(!session.mainWindow());
    QCOMPARE(showing(kCaseNumber), QStringList());
    QCOMPARE(showing(kVictim), QStringList());
    QCOMPARE(liveCaseListModels(), 0);
    QCOMPARE(liveWidgets<CaseListView>(), 0);
    // The case file is closed: its last connection folded the log in and removed it.
    QVERIFY(!QFile::exists(path + u"-wal"_s));

    UnlockWindow *unlock = session.unlockWindow();
    QVERIFY(unlock->isVisible());
    QCOMPARE(unlock->filePath(), path);
    QVERIFY2(child<QLabel>(unlock, "heading")->text().contains(u"locked itself"_s),
             qPrintable(child<QLabel>(unlock, "heading")->text()));
    // Unlocking needs the passphrase again.
    QVERIFY(child<QLineEdit>(unlock, "passphrase")->text().isEmpty());
    QVERIFY(!child<QPushButton>(unlock, "openButton")->isEnabled());
    QTest::keyClick(child<QLineEdit>(unlock, "passphrase"), Qt::Key_Return);
    QVERIFY(session.isLocked());
    typePassphraseAndOpen(unlock);
    QVERIFY(!session.isLocked());
    QCOMPARE(session.mainWindow()->caseList()->model()->rowCount(), 1);
    QVERIFY(session.idleMonitor()->isRunning());
}

void TestSession::idleLocksWithTheRealTimer()
{
    SessionController session;
    QVERIFY(openSession(session, makeCaseFile(dir())));
    session.idleMonitor()->setTimeout(50ms);
    QTRY_VERIFY(session.isLocked());
    QCOMPARE(liveCaseListModels(), 0);
    QVERIFY(session.unlockWindow()->isVisible());
    QVERIFY(!session.idleMonitor()->isRunning());
}

void TestSession::lockOnDemandWithCtrlL()
{
    const QString path = makeCaseFile(dir());
    SessionController session;
    MainWindow *main = openSession(session, path);
    QVERIFY(main);
    auto *lock = child<QAction>(main, "lockAction");
    QCOMPARE(lock->shortcut(), QKeySequence(u"Ctrl+L"_s));
    // It is in the File menu.
    QMenu *fileMenu = main->menuBar()->actions().value(0)->menu();
    QVERIFY(fileMenu);
    QVERIFY(fileMenu->actions().contains(lock));

    QVERIFY(QTest::qWaitForWindowActive(main));
    QTest::keyClick(caseTable(main), Qt::Key_L, Qt::ControlModifier);
    QVERIFY(session.isLocked());
    QCOMPARE(showing(kCaseNumber), QStringList());
    QCOMPARE(liveCaseListModels(), 0);
    QVERIFY(!QFile::exists(path + u"-wal"_s));
    QVERIFY2(child<QLabel>(session.unlockWindow(), "heading")->text().contains(u"is locked"_s),
             qPrintable(child<QLabel>(session.unlockWindow(), "heading")->text()));
    QCOMPARE(session.unlockWindow()->filePath(), path);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCOMPARE(liveWidgets<MainWindow>(), 0);
}

void TestSession::lockClosesOpenDialogs()
{
    SessionController session;
    MainWindow *main = openSession(session, makeCaseFile(dir()));
    QVERIFY(main);
    const QModelIndex first = main->caseList()->model()->index(0, 0);
    emit main->caseList()->caseActivated(first.data(CaseListModel::CaseIdRole).toLongLong());
    QCOMPARE(liveWidgets<CaseSummaryDialog>(), 1);
    QVERIFY(!showing(kVictim).isEmpty());
    main->showNotice(u"Notice about %1"_s.arg(kCaseNumber));
    QCOMPARE(liveWidgets<QMessageBox>(), 1);

    session.lock();
    QCOMPARE(liveWidgets<CaseSummaryDialog>(), 0);
    QCOMPARE(liveWidgets<QMessageBox>(), 0);
    QCOMPARE(showing(kVictim), QStringList());
    QCOMPARE(showing(kCaseNumber), QStringList());
}

void TestSession::lockTimeIsClamped_data()
{
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<int>("minutes");
    QTest::newRow("not set") << QVariant() << 15;
    QTest::newRow("10") << QVariant(10) << 10;
    QTest::newRow("1") << QVariant(1) << 1;
    QTest::newRow("30") << QVariant(30) << 30;
    QTest::newRow("31") << QVariant(31) << 30;
    QTest::newRow("120") << QVariant(120) << 30;
    QTest::newRow("0 (never)") << QVariant(0) << 15;
    QTest::newRow("-5") << QVariant(-5) << 15;
    QTest::newRow("text") << QVariant(u"an hour"_s) << 15;
    QTest::newRow("20 as text") << QVariant(u"20"_s) << 20;
}

void TestSession::lockTimeIsClamped()
{
    QFETCH(QVariant, stored);
    QFETCH(int, minutes);
    if (stored.isValid())
        QSettings().setValue(u"session/lockAfterMinutes"_s, stored);
    QCOMPARE(SessionSettings::lockMinutes(), minutes);
    SessionController session;
    QVERIFY(openSession(session, makeCaseFile(dir())));
    QCOMPARE(session.idleMonitor()->timeout(), std::chrono::milliseconds(std::chrono::minutes(minutes)));
}

void TestSession::settingsRefuseMoreThan30Minutes()
{
    SessionController session;
    MainWindow *main = openSession(session, makeCaseFile(dir()));
    QVERIFY(main);
    child<QAction>(main, "settingsAction")->trigger();
    auto *dialog = main->findChild<SettingsDialog *>();
    QVERIFY(dialog);
    auto *minutes = child<QSpinBox>(dialog, "lockMinutes");
    QCOMPARE(minutes->value(), 15);
    QCOMPARE(minutes->maximum(), 30);

    // Typed: the field takes no number above 30.
    minutes->selectAll();
    QTest::keyClicks(minutes, u"45"_s);
    QVERIFY2(minutes->value() <= 30, qPrintable(minutes->text()));
    minutes->setValue(45);
    QCOMPARE(minutes->value(), 30);
    minutes->selectAll();
    QTest::keyClicks(minutes, u"20"_s);
    QCOMPARE(minutes->value(), 20);
    dialog->accept();
    QCOMPARE(QSettings().value(u"session/lockAfterMinutes"_s).toInt(), 20);
    // The open session takes the new time at once.
    QCOMPARE(session.idleMonitor()->timeout(), std::chrono::milliseconds(20min));

    SessionSettings::setLockMinutes(90);
    QCOMPARE(QSettings().value(u"session/lockAfterMinutes"_s).toInt(), 30);
}

void TestSession::copiedTextIsClearedAfterTheDelay()
{
    SessionController session;
    MainWindow *main = openSession(session, makeCaseFile(dir()));
    QVERIFY(main);
    ClipboardGuard *guard = session.clipboardGuard();
    guard->setDelay(100ms);
    guard->setOriginTest([](QClipboard::Mode) { return true; });
    QClipboard *clipboard = QGuiApplication::clipboard();

    // Ctrl+C in the case list copies the current cell.
    QTableView *table = caseTable(main);
    table->setCurrentIndex(table->model()->index(0, CaseListModel::CaseNumber));
    QSignalSpy expired(guard, &ClipboardGuard::expired);
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(clipboard->text(), kCaseNumber);
    QVERIFY(expired.wait());
    QCOMPARE(expired.at(0).at(1).toBool(), true);
    QCOMPARE(clipboard->text(), QString());

    // The case list's own copy action too.
    table->setCurrentIndex(table->model()->index(0, CaseListModel::Victims));
    child<QAction>(main, "copyCaseNumberAction")->trigger();
    QCOMPARE(clipboard->text(), kCaseNumber);
    QVERIFY(expired.wait());
    QCOMPARE(clipboard->text(), QString());
}

void TestSession::copiedTextIsKeptWhenReplaced()
{
    SessionController session;
    MainWindow *main = openSession(session, makeCaseFile(dir()));
    QVERIFY(main);
    ClipboardGuard *guard = session.clipboardGuard();
    guard->setDelay(100ms);
    bool fromHere = true;
    guard->setOriginTest([&](QClipboard::Mode) { return fromHere; });
    QClipboard *clipboard = QGuiApplication::clipboard();

    QTableView *table = caseTable(main);
    table->setCurrentIndex(table->model()->index(0, CaseListModel::CaseNumber));
    QSignalSpy expired(guard, &ClipboardGuard::expired);
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(clipboard->text(), kCaseNumber);
    // The user copies something in another program before the delay is over.
    fromHere = false;
    clipboard->setText(u"milk, eggs"_s);
    QVERIFY(expired.wait());
    QCOMPARE(expired.at(0).at(1).toBool(), false);
    QCOMPARE(clipboard->text(), u"milk, eggs"_s);
}

void TestSession::copiedTextIsClearedOnLock()
{
    SessionController session;
    MainWindow *main = openSession(session, makeCaseFile(dir()));
    QVERIFY(main);
    ClipboardGuard *guard = session.clipboardGuard();
    QCOMPARE(guard->delay(), std::chrono::milliseconds(30s));
    guard->setOriginTest([](QClipboard::Mode) { return true; });
    QClipboard *clipboard = QGuiApplication::clipboard();

    QTableView *table = caseTable(main);
    table->setCurrentIndex(table->model()->index(0, CaseListModel::CaseNumber));
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(clipboard->text(), kCaseNumber);
    session.lock();
    QCOMPARE(clipboard->text(), QString());

    // Another program's text is not ours to clear, lock or not.
    main = openSession(session, QFileInfo(session.unlockWindow()->filePath()).absoluteFilePath());
    QVERIFY(main);
    bool fromHere = true;
    guard->setOriginTest([&](QClipboard::Mode) { return fromHere; });
    table = caseTable(main);
    table->setCurrentIndex(table->model()->index(0, CaseListModel::CaseNumber));
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(clipboard->text(), kCaseNumber);
    fromHere = false;
    clipboard->setText(u"milk, eggs"_s);
    session.lock();
    QCOMPARE(clipboard->text(), u"milk, eggs"_s);
}

void TestSession::automaticBackupOnOpen()
{
    SessionSettings::setAutomaticBackups(true);
    const QString path = makeCaseFile(dir());
    const QString root = dir() + u"/backups"_s;
    const QString folder = autobackup::folderFor(root, path);
    SessionController session;
    session.setBackupsRoot(root);
    MainWindow *main = openSession(session, path);
    QVERIFY(main);
    BackupRunner *runner = session.backupRunner();
    QVERIFY(runner);
    QCOMPARE(runner->automaticFolder(), folder);
    QTRY_VERIFY_WITH_TIMEOUT(!runner->isBusy(), 60000);
    const auto backups = autobackup::list(folder);
    QCOMPARE(backups.size(), 1);
    QVERIFY2(main->statusBar()->currentMessage().contains(QDir::toNativeSeparators(backups.at(0).path)),
             qPrintable(main->statusBar()->currentMessage()));
    QCOMPARE(caseCount(backups.at(0).path), 1);

    // Opened again the same day: the backup of this morning will do.
    session.lock();
    QVERIFY(!QFile::exists(path + u"-wal"_s));
    QVERIFY(openSession(session, path));
    runner = session.backupRunner();
    QTRY_VERIFY_WITH_TIMEOUT(!runner->isBusy(), 60000);
    QCOMPARE(autobackup::list(folder).size(), 1);

    // None with automatic backups off.
    session.lock();
    SessionSettings::setAutomaticBackups(false);
    QVERIFY(openSession(session, path));
    QVERIFY(!session.backupRunner()->isAutomatic());
}

void TestSession::lockWaitsForARunningBackup()
{
    SessionSettings::setAutomaticBackups(true);
    const QString path = makeCaseFile(dir());
    const QString root = dir() + u"/backups"_s;
    SessionController session;
    session.setBackupsRoot(root);
    QVERIFY(openSession(session, path));
    // Unlocking a connection for the backup alone takes longer than getting here.
    QVERIFY(session.backupRunner()->isBusy());
    session.lock();
    // The backup finished before the lock did: no connection is left, and the copy is whole.
    QVERIFY(!session.backupRunner());
    QVERIFY(!QFile::exists(path + u"-wal"_s));
    const QString folder = autobackup::folderFor(root, path);
    const auto backups = autobackup::list(folder);
    QCOMPARE(backups.size(), 1);
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 1);
    QCOMPARE(caseCount(backups.at(0).path), 1);
}

void TestSession::backUpNowWritesTheChosenFile()
{
    const QString path = makeCaseFile(dir());
    const QString destination = dir() + u"/copy.caseboard"_s;
    SessionController session;
    MainWindow *main = openSession(session, path);
    QVERIFY(main);
    QAction *backup = child<QAction>(main, "backupAction");
    QVERIFY(backup->isEnabled());
    QMenu *fileMenu = main->menuBar()->actions().value(0)->menu();
    QVERIFY(fileMenu->actions().contains(backup));

    backup->trigger();
    auto *chooser = main->findChild<QFileDialog *>(u"backupDestinationDialog"_s);
    QVERIFY(chooser);
    QCOMPARE(chooser->acceptMode(), QFileDialog::AcceptSave);
    chooser->selectFile(destination);
    static_cast<QDialog *>(chooser)->accept(); // QFileDialog makes accept() protected
    QTRY_VERIFY_WITH_TIMEOUT(!session.backupRunner()->isBusy(), 60000);
    QVERIFY(QFile::exists(destination));
    QCOMPARE(caseCount(destination), 1);
    QVERIFY2(main->statusBar()->currentMessage().contains(QDir::toNativeSeparators(destination)),
             qPrintable(main->statusBar()->currentMessage()));
    QVERIFY(backup->isEnabled());
    QCOMPARE(liveWidgets<QMessageBox>(), 0);
}

void TestSession::backUpNowRefusesAnExistingFile()
{
    const QString path = makeCaseFile(dir());
    const QString destination = dir() + u"/exists.caseboard"_s;
    {
        QFile f(destination);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("keep me");
    }
    SessionController session;
    MainWindow *main = openSession(session, path);
    QVERIFY(main);
    QVERIFY(session.backupRunner()->backUpTo(destination));
    QTRY_VERIFY_WITH_TIMEOUT(!session.backupRunner()->isBusy(), 60000);
    auto *box = main->findChild<QMessageBox *>();
    QVERIFY(box);
    QVERIFY2(box->text().contains(u"already exists"_s), qPrintable(box->text()));
    QFile f(destination);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("keep me"));
}

void TestSession::damagedFileIsRestoredFromBackup()
{
    const QString path = makeCaseFile(dir());
    // The automatic backup of yesterday, where the unlock window looks for it.
    const QString folder = autobackup::folderFor(SessionSettings::automaticBackupsRoot(), path);
    {
        auto file = CaseFile::open(path, test::secret());
        const FixedClock yesterday(QDateTime::currentDateTimeUtc().addDays(-1));
        QVERIFY(autobackup::runIfDue(*file, test::secret(), folder, yesterday).written);
        // A change after the backup, which the restore will not bring back.
        FixedClock clock(QDateTime::currentDateTimeUtc());
        CaseStore store(*file, clock);
        test::addSampleCase(store, u"HZ-2024-002"_s);
    }
    QCOMPARE(caseCount(path), 2);
    // Damage: a tail that is not a whole page.
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::Append));
        f.write(QByteArray(100, 'x'));
    }
    const QByteArray damaged = test::fileChecksum(path);

    SessionController session;
    session.showUnlock(path);
    UnlockWindow *unlock = session.unlockWindow();
    auto *offer = child<QPushButton>(unlock, "restoreOfferButton");
    QVERIFY(!offer->isVisible());
    typePassphraseAndOpen(unlock);
    QVERIFY(session.isLocked());
    QVERIFY2(child<QLabel>(unlock, "error")->text().contains(u"damaged"_s),
             qPrintable(child<QLabel>(unlock, "error")->text()));
    QVERIFY(unlock->isRestoreOffered());
    QVERIFY(offer->isVisible());

    QTest::mouseClick(offer, Qt::LeftButton);
    auto *dialog = unlock->findChild<RestoreBackupDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->backupCount(), 1);
    QCOMPARE(dialog->selectedBackup(), autobackup::list(folder).at(0).path);
    QTest::keyClicks(child<QLineEdit>(dialog, "restorePassphrase"), test::passphrase());
    QTest::mouseClick(child<QPushButton>(dialog, "restoreButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!session.isLocked(), 60000);

    // The backup's state: one case; the damaged file kept beside it, byte for byte.
    MainWindow *main = session.mainWindow();
    QCOMPARE(main->caseList()->model()->rowCount(), 1);
    const QStringList aside = QDir(dir()).entryList({u"unit.caseboard.before-restore-*"_s}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QCOMPARE(test::fileChecksum(dir() + u'/' + aside.at(0)), damaged);
    auto *notice = main->findChild<QMessageBox *>();
    QVERIFY(notice);
    QVERIFY2(notice->text().contains(u"restored from the backup"_s) && notice->text().contains(aside.at(0)),
             qPrintable(notice->text()));
}

void TestSession::mistypedPassphraseNeverReplacesAGoodFile()
{
    const QString path = makeCaseFile(dir());
    const QString folder = autobackup::folderFor(SessionSettings::automaticBackupsRoot(), path);
    {
        auto file = CaseFile::open(path, test::secret());
        const FixedClock yesterday(QDateTime::currentDateTimeUtc().addDays(-1));
        QVERIFY(autobackup::runIfDue(*file, test::secret(), folder, yesterday).written);
        FixedClock clock(QDateTime::currentDateTimeUtc());
        CaseStore store(*file, clock);
        test::addSampleCase(store, u"HZ-2024-002"_s);
    }

    SessionController session;
    session.showUnlock(path);
    UnlockWindow *unlock = session.unlockWindow();
    typePassphraseAndOpen(unlock, u"blue harbour lantern 24"_s);
    // "Wrong, or damaged": SQLCipher cannot tell, so the restore is offered...
    QVERIFY(unlock->isRestoreOffered());
    unlock->offerRestore();
    auto *dialog = unlock->findChild<RestoreBackupDialog *>();
    QVERIFY(dialog);
    QTest::keyClicks(child<QLineEdit>(dialog, "restorePassphrase"), test::passphrase());
    QTest::mouseClick(child<QPushButton>(dialog, "restoreButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!session.isLocked(), 60000);
    // ...but the file opens with the right passphrase, so nothing is replaced.
    QCOMPARE(session.mainWindow()->caseList()->model()->rowCount(), 2);
    QVERIFY(QDir(dir()).entryList({u"*.before-restore-*"_s}, QDir::Files).isEmpty());
    auto *notice = session.mainWindow()->findChild<QMessageBox *>();
    QVERIFY(notice);
    QVERIFY2(notice->text().contains(u"nothing was restored"_s), qPrintable(notice->text()));
}

void TestSession::restoreRefusedWithWrongPassphrase()
{
    const QString path = makeCaseFile(dir());
    const QString folder = autobackup::folderFor(SessionSettings::automaticBackupsRoot(), path);
    {
        auto file = CaseFile::open(path, test::secret());
        QVERIFY(autobackup::runIfDue(*file, test::secret(), folder, SystemClock()).written);
    }
    QFile::resize(path, 4095);
    const QByteArray before = test::fileChecksum(path);

    RestoreBackupDialog dialog(path, folder);
    QCOMPARE(dialog.backupCount(), 1);
    QTest::keyClicks(child<QLineEdit>(&dialog, "restorePassphrase"), u"not the passphrase at all"_s);
    dialog.restore();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 60000);
    auto *error = child<QLabel>(&dialog, "restoreError");
    QVERIFY(!error->isHidden());
    QVERIFY2(error->text().contains(u"refused"_s), qPrintable(error->text()));
    QVERIFY(!dialog.takeCaseFile());
    QCOMPARE(test::fileChecksum(path), before);
}

void TestSession::noRestoreOfferForAMissingFile()
{
    SessionController session;
    session.showUnlock(dir() + u"/nowhere.caseboard"_s);
    typePassphraseAndOpen(session.unlockWindow());
    QVERIFY(child<QLabel>(session.unlockWindow(), "error")->isVisible());
    QVERIFY(!session.unlockWindow()->isRestoreOffered());
    QVERIFY(!child<QPushButton>(session.unlockWindow(), "restoreOfferButton")->isVisible());
}

// Not a check: writes pictures of the lock screen, the File menu with the backup action, the
// settings and the restore offer into CASEBOARD_SCREENSHOT_DIR, when it is set.
void TestSession::screenshots()
{
    const QString out = qEnvironmentVariable("CASEBOARD_SCREENSHOT_DIR");
    if (out.isEmpty())
        QSKIP("set CASEBOARD_SCREENSHOT_DIR to write screenshots");
    QVERIFY(QDir().mkpath(out));
    auto save = [&](QWidget &w, const QString &name) {
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.grab().save(out + u'/' + name));
    };
    const QString path = makeCaseFile(dir(), u"homicide-unit.caseboard"_s);
    SessionController session;
    MainWindow *main = openSession(session, path);
    QVERIFY(main);
    main->resize(1100, 520);

    QMenu *fileMenu = main->menuBar()->actions().value(0)->menu();
    fileMenu->popup(main->mapToGlobal(QPoint(0, main->menuBar()->height())));
    save(*fileMenu, u"file-menu.png"_s);
    fileMenu->hide();

    child<QAction>(main, "settingsAction")->trigger();
    auto *settings = main->findChild<SettingsDialog *>();
    QVERIFY(settings);
    save(*settings, u"settings.png"_s);
    settings->reject();

    session.lock(SessionController::LockReason::Idle);
    save(*session.unlockWindow(), u"locked.png"_s);

    {
        auto file = CaseFile::open(path, test::secret());
        const QString folder = autobackup::folderFor(SessionSettings::automaticBackupsRoot(), path);
        for (int days = 3; days >= 1; --days) {
            const FixedClock then(QDateTime::currentDateTimeUtc().addDays(-days));
            autobackup::runIfDue(*file, test::secret(), folder, then);
        }
    }
    QFile::resize(path, 4095);
    typePassphraseAndOpen(session.unlockWindow());
    save(*session.unlockWindow(), u"unlock-damaged.png"_s);
    session.unlockWindow()->offerRestore();
    auto *restore = session.unlockWindow()->findChild<RestoreBackupDialog *>();
    QVERIFY(restore);
    save(*restore, u"restore.png"_s);
    restore->reject();
}

QTEST_MAIN(TestSession)
#include "tst_session.moc"
