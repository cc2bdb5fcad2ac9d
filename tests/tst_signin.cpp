// Per-person sign-in in the desktop app: each account sees what its role may do, wrong
// passphrases and unknown or locked accounts are told apart and change no database byte, the
// recovery key of a new case file is shown once and kept only as long as it must be, the
// administrator manages accounts, and the demo has one account per role.

#include "TestSupport.h"

#include "model/auth/Accounts.h"
#include "model/auth/KdfParams.h"
#include "model/auth/PassphrasePolicy.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Error.h"
#include "model/storage/Schema.h"
#include "model/store/CaseStore.h"
#include "ui/AccountsDialog.h"
#include "ui/BackupRunner.h"
#include "ui/CaseListModel.h"
#include "ui/CaseListView.h"
#include "ui/CaseSummaryDialog.h"
#include "ui/ClipboardGuard.h"
#include "ui/DemoCaseFile.h"
#include "ui/DemoFile.h"
#include "ui/MainWindow.h"
#include "ui/RecentFiles.h"
#include "ui/RecoveryKeyDialog.h"
#include "ui/RestoreBackupDialog.h"
#include "ui/SessionController.h"
#include "ui/SessionSettings.h"
#include "ui/UnlockWindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTableWidget>
#include <QTest>
#include <QTimeZone>

using namespace cb;
using namespace cb::ui;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QString kAdmin = u"A-100"_s;
const QString kDetective = u"D-200"_s;
const QString kSergeant = u"S-300"_s;
const QString kAdminPass = u"copper kettle morning rain"_s;
const QString kDetectivePass = u"violet canal under snow"_s;
const QString kSergeantPass = u"quiet orchard brass lamp"_s;

template<typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

FixedClock testClock()
{
    return FixedClock(QDateTime(QDate(2024, 6, 15), QTime(12, 0), QTimeZone::utc()));
}

// A unit's case file: an administrator (who made it), a detective and their sergeant with
// accounts, and one case assigned to the detective.
QString makeUnitFile(const QString &dir)
{
    const QString path = dir + u"/unit.caseboard"_s;
    CaseFile::Created created = CaseFile::create(path, kAdmin, u"Avery Admin"_s, test::secret(kAdminPass));
    const FixedClock clock = testClock();
    {
        CaseStore store(*created.file, clock);
        store.setActor({std::nullopt, u"system:test"_s});
        const Id detective = store.addMember(
            {0, u"Dana Reyes"_s, kDetective, u"Detective"_s, u"Team 1"_s, Role::Detective, true});
        store.addMember({0, u"Sam Okafor"_s, kSergeant, u"Sergeant"_s, u"Team 1"_s, Role::Sergeant, true});
        store.addMember({0, u"Lee Park"_s, u"D-201"_s, u"Detective"_s, u"Team 1"_s, Role::Detective, true});
        CaseRecord c;
        c.caseNumber = u"HZ-2024-001"_s;
        c.incidentDate = QDate(2024, 3, 2);
        c.weapon = Weapon::Handgun;
        c.circumstance = Circumstance::Argument;
        Victim v;
        v.name = u"Victim One"_s;
        const Id caseId = store.createCase(c, {v});
        store.assign(caseId, detective, AssignmentRole::Primary, QDate(2024, 3, 3), u"on call"_s);
    }
    auth::Accounts accounts(*created.file, clock);
    accounts.add(kDetective, test::secret(kDetectivePass));
    accounts.add(kSergeant, test::secret(kSergeantPass));
    return path;
}

void signIn(UnlockWindow *w, const QString &login, const QString &passphrase)
{
    auto *field = child<QLineEdit>(w, "passphrase");
    if (child<QComboBox>(w, "login")->isEnabled())
        child<QComboBox>(w, "login")->setEditText(login);
    QTest::keyClicks(field, passphrase);
    QTest::keyClick(field, Qt::Key_Return);
}

QAction *action(MainWindow *main, const char *name)
{
    return child<QAction>(main, name);
}

QString errorText(UnlockWindow *w)
{
    return child<QLabel>(w, "error")->text();
}

void makeOldFormatFile(const QString &path, const QString &passphrase)
{
    db::Database db = CaseFile::rawConnection(path, SignIn{QString(), test::secret(passphrase)},
                                              db::OpenMode::ReadWriteCreate);
    db.addSha256Function();
    db.execScript("PRAGMA application_id = " + std::to_string(schema::kApplicationId));
    schema::migrate(db);
}

} // namespace

class TestSignIn : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void eachAccountSeesItsRolesActions();
    void sergeantMayReassignDetectiveMayNot();
    void wrongPassphraseIsShownAndChangesNoDatabaseByte();
    void unknownAndLockedAccountsAreTold();
    void lastLoginIsRememberedNeverThePassphrase();
    void lockScreenAsksTheSamePerson();
    void recoveryKeyOpensTheFile();

    void recoveryKeyDialogClosesOnlyOnceStored();
    void recoveryKeyLeavesTheClipboard();
    void recoveryKeyIsSavedOwnerOnly();
    void newCaseFileThroughTheForm();

    void backupAndRestoreWithSeveralAccounts();
    void administratorAddsAndRemovesAccounts();
    void ownPassphraseChanges();

    void demoPassphraseMeetsThePolicy();
    void demoHasOneAccountPerRole();
    void oldFormatDemoIsMovedAside();

    void screenshots();

private:
    QString dir() const { return m_dir->path(); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSignIn::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"CaseBoardTest"_s);
    QCoreApplication::setApplicationName(u"tst_signin-%1"_s.arg(QCoreApplication::applicationPid()));
    auth::weakenNewSlotsForTests();
}

void TestSignIn::cleanupTestCase()
{
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    QFile::remove(QSettings().fileName());
}

void TestSignIn::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QSettings().clear();
    SessionSettings::setAutomaticBackups(false);
    QGuiApplication::clipboard()->clear();
}

void TestSignIn::cleanup()
{
    for (QWidget *w : QApplication::topLevelWidgets())
        w->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

void TestSignIn::eachAccountSeesItsRolesActions()
{
    const QString path = makeUnitFile(dir());
    SessionController session;
    session.showUnlock(path);

    // The detective: cases to read, no accounts to manage, no backups to take.
    signIn(session.unlockWindow(), kDetective, kDetectivePass);
    MainWindow *main = session.mainWindow();
    QVERIFY2(main, qPrintable(errorText(session.unlockWindow())));
    QCOMPARE(main->session()->login, kDetective);
    QCOMPARE(main->session()->role, std::optional<Role>(Role::Detective));
    QVERIFY(!action(main, "accountsAction")->isVisible());
    QVERIFY(!action(main, "backupAction")->isVisible());
    QVERIFY(action(main, "changePassphraseAction")->isVisible());
    const QString label = child<QLabel>(main, "sessionLabel")->text();
    QVERIFY2(label.contains(kDetective) && label.contains(u"Dana Reyes"_s) && label.contains(u"Detective"_s),
             qPrintable(label));
    QCOMPARE(main->caseList()->model()->rowCount(), 1);
    QCOMPARE(main->store()->actor().label, kDetective);

    // Locked, then someone else: the administrator manages accounts and backs up.
    session.lock();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    session.unlockWindow()->signInAsSomeoneElse();
    signIn(session.unlockWindow(), kAdmin, kAdminPass);
    main = session.mainWindow();
    QVERIFY2(main, qPrintable(errorText(session.unlockWindow())));
    QCOMPARE(main->session()->role, std::optional<Role>(Role::Administrator));
    QVERIFY(action(main, "accountsAction")->isVisible());
    QVERIFY(action(main, "backupAction")->isVisible());
    QVERIFY2(child<QLabel>(main, "sessionLabel")->text().contains(u"Administrator"_s),
             qPrintable(child<QLabel>(main, "sessionLabel")->text()));
    // An administrator reads no case content: the store shows them none.
    QCOMPARE(main->caseList()->model()->rowCount(), 0);
}

void TestSignIn::sergeantMayReassignDetectiveMayNot()
{
    const QString path = makeUnitFile(dir());
    const FixedClock clock = testClock();
    Id caseId = 0;
    {
        auto file = CaseFile::open(path, kSergeant, test::secret(kSergeantPass));
        CaseStore store(*file, clock);
        store.setActor({file->session().memberId, kSergeant});
        caseId = store.caseByNumber(u"HZ-2024-001"_s)->id;
    }
    struct Case {
        QString login;
        QString passphrase;
        bool offered;
    };
    for (const Case &c : {Case{kDetective, kDetectivePass, false}, Case{kSergeant, kSergeantPass, true}}) {
        auto file = CaseFile::open(path, c.login, test::secret(c.passphrase));
        CaseStore store(*file, clock);
        store.setActor({file->session().memberId, c.login});
        CaseSummaryDialog summary(store, caseId);
        summary.offerReassign(store, file->session());
        QCOMPARE(summary.offersReassign(), c.offered);
        QCOMPARE(child<QPushButton>(&summary, "reassignButton")->isHidden(), !c.offered);
    }

    // The sergeant's reassignment goes through, in the sergeant's name.
    auto file = CaseFile::open(path, kSergeant, test::secret(kSergeantPass));
    CaseStore store(*file, clock);
    store.setActor({file->session().memberId, kSergeant});
    CaseSummaryDialog summary(store, caseId);
    summary.offerReassign(store, file->session());
    QTest::mouseClick(child<QPushButton>(&summary, "reassignButton"), Qt::LeftButton);
    auto *dialog = child<QDialog>(&summary, "reassignDialog");
    auto *to = child<QComboBox>(dialog, "reassignTo");
    QCOMPARE(to->count(), 1); // the other detective; the current primary is not offered
    child<QLineEdit>(dialog, "reassignReason")->setText(u"caseload"_s);
    QSignalSpy changed(&summary, &CaseSummaryDialog::caseChanged);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(changed.size(), 1);
    const std::optional<Assignment> primary = store.currentPrimary(caseId);
    QVERIFY(primary);
    QCOMPARE(store.member(primary->memberId)->badge, u"D-201"_s);
    QCOMPARE(primary->assignedById, file->session().memberId);
}

void TestSignIn::wrongPassphraseIsShownAndChangesNoDatabaseByte()
{
    const QString path = makeUnitFile(dir());
    const QByteArray before = test::databaseChecksum(path);
    QVERIFY(!before.isEmpty());
    SessionController session;
    session.showUnlock(path);
    UnlockWindow *w = session.unlockWindow();
    signIn(w, kDetective, u"not the detective's passphrase"_s);
    QVERIFY(!session.mainWindow());
    QVERIFY(child<QLabel>(w, "error")->isVisible());
    QVERIFY2(errorText(w).contains(u"passphrase is wrong"_s) && errorText(w).contains(kDetective), qPrintable(errorText(w)));
    QVERIFY(child<QLineEdit>(w, "passphrase")->text().isEmpty());
    QCOMPARE(w->login(), kDetective);
    QCOMPARE(test::databaseChecksum(path), before);

    // The right one still works afterwards.
    signIn(w, kDetective, kDetectivePass);
    QVERIFY(session.mainWindow());
}

void TestSignIn::unknownAndLockedAccountsAreTold()
{
    const QString path = makeUnitFile(dir());
    SessionController session;
    session.showUnlock(path);
    UnlockWindow *w = session.unlockWindow();

    signIn(w, u"X-999"_s, kDetectivePass);
    QVERIFY(!session.mainWindow());
    QVERIFY2(errorText(w).contains(u"no account X-999"_s), qPrintable(errorText(w)));
    // A login the file does not have is a typing mistake: no restore from a backup is offered.
    QVERIFY(!w->isRestoreOffered());

    // Five failures lock the account; then even the right passphrase is refused, with the reason.
    for (int i = 0; i < 5; ++i)
        signIn(w, kSergeant, u"wrong guess number %1"_s.arg(i));
    signIn(w, kSergeant, kSergeantPass);
    QVERIFY(!session.mainWindow());
    QVERIFY2(errorText(w).contains(u"locked"_s) && errorText(w).contains(u"administrator"_s, Qt::CaseInsensitive),
             qPrintable(errorText(w)));
    QVERIFY(!w->isRestoreOffered());

    // The administrator releases it from the Accounts dialog; then the sergeant gets in.
    signIn(w, kAdmin, kAdminPass);
    MainWindow *main = session.mainWindow();
    QVERIFY2(main, qPrintable(errorText(w)));
    action(main, "accountsAction")->trigger();
    auto *accounts = main->findChild<AccountsDialog *>();
    QVERIFY(accounts);
    QVERIFY(accounts->releaseAccount(kSergeant));
    session.lock();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    w->signInAsSomeoneElse();
    signIn(w, kSergeant, kSergeantPass);
    QVERIFY2(session.mainWindow(), qPrintable(errorText(w)));
}

void TestSignIn::lastLoginIsRememberedNeverThePassphrase()
{
    const QString path = makeUnitFile(dir());
    {
        SessionController session;
        session.showUnlock(path);
        signIn(session.unlockWindow(), kSergeant, kSergeantPass);
        QVERIFY(session.mainWindow());
    }
    UnlockWindow fresh;
    QCOMPARE(fresh.filePath(), QFileInfo(path).absoluteFilePath());
    QCOMPARE(fresh.login(), kSergeant);
    QCOMPARE(RecentFiles::lastLogin(path), kSergeant);
    // Another file has its own.
    fresh.setFilePath(dir() + u"/other.caseboard"_s);
    QCOMPARE(fresh.login(), QString());

    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray stored = file.readAll();
    QVERIFY(stored.contains(kSergeant.toUtf8()));
    QVERIFY(!stored.contains(kSergeantPass.toUtf8()));
    QVERIFY(!stored.contains("orchard"));
}

void TestSignIn::lockScreenAsksTheSamePerson()
{
    const QString path = makeUnitFile(dir());
    SessionController session;
    session.showUnlock(path);
    UnlockWindow *w = session.unlockWindow();
    signIn(w, kSergeant, kSergeantPass);
    QVERIFY(session.mainWindow());
    session.lock();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

    QVERIFY(w->isLockedToPerson());
    auto *login = child<QComboBox>(w, "login");
    QCOMPARE(login->currentText(), kSergeant);
    QVERIFY(!login->isEnabled());
    QVERIFY(!child<QComboBox>(w, "caseFile")->isEnabled());
    QVERIFY(child<QPushButton>(w, "signInAsSomeoneElse")->isVisible());
    QVERIFY2(child<QLabel>(w, "heading")->text().contains(kSergeant),
             qPrintable(child<QLabel>(w, "heading")->text()));

    // Another person's passphrase does not open the sergeant's lock screen.
    signIn(w, QString(), kDetectivePass);
    QVERIFY(!session.mainWindow());
    QCOMPARE(login->currentText(), kSergeant);

    QTest::mouseClick(child<QPushButton>(w, "signInAsSomeoneElse"), Qt::LeftButton);
    QVERIFY(!w->isLockedToPerson());
    QVERIFY(login->isEnabled());
    QVERIFY(login->currentText().isEmpty());
    QVERIFY(!child<QPushButton>(w, "signInAsSomeoneElse")->isVisible());
    signIn(w, kDetective, kDetectivePass);
    QVERIFY(session.mainWindow());
    QCOMPARE(session.mainWindow()->session()->login, kDetective);
}

void TestSignIn::recoveryKeyOpensTheFile()
{
    const QString path = dir() + u"/rk.caseboard"_s;
    QString key;
    {
        CaseFile::Created created = CaseFile::create(path, kAdmin, u"Avery Admin"_s, test::secret(kAdminPass));
        key = QString::fromLatin1(created.recoveryKey.data(), static_cast<qsizetype>(created.recoveryKey.size()));
    }
    SessionController session;
    session.showUnlock(path);
    UnlockWindow *w = session.unlockWindow();
    auto *useKey = child<QCheckBox>(w, "useRecoveryKey");
    useKey->setChecked(true);
    QVERIFY(!child<QComboBox>(w, "login")->isEnabled());
    auto *field = child<QLineEdit>(w, "passphrase");
    QTest::keyClicks(field, key);
    QTest::keyClick(field, Qt::Key_Return);
    MainWindow *main = session.mainWindow();
    QVERIFY2(main, qPrintable(errorText(w)));
    QVERIFY(main->session()->recovery);
    QVERIFY(action(main, "accountsAction")->isVisible());
    QVERIFY(!action(main, "changePassphraseAction")->isVisible());
    QVERIFY2(child<QLabel>(main, "sessionLabel")->text().contains(u"recovery key"_s),
             qPrintable(child<QLabel>(main, "sessionLabel")->text()));
}

void TestSignIn::recoveryKeyDialogClosesOnlyOnceStored()
{
    RecoveryKeyDialog dialog(SecretBytes::fromPassphrase(u"ABCD-EFGH-JKLM-NPQR"_s), dir() + u"/x.caseboard"_s, nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(child<QLabel>(&dialog, "recoveryKey")->text(), u"ABCD-EFGH-JKLM-NPQR"_s);
    auto *close = child<QPushButton>(&dialog, "closeRecoveryKey");
    QVERIFY(!close->isEnabled());
    // Neither Escape, nor the window's close button, nor reject() closes it yet.
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(dialog.isVisible());
    dialog.close();
    QVERIFY(dialog.isVisible());
    dialog.reject();
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.holdsKey());

    child<QCheckBox>(&dialog, "storedRecoveryKey")->setChecked(true);
    QVERIFY(close->isEnabled());
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    // Closed: the key's bytes are wiped and nothing shows it.
    QVERIFY(!dialog.holdsKey());
    QVERIFY(child<QLabel>(&dialog, "recoveryKey")->text().isEmpty());
}

void TestSignIn::recoveryKeyLeavesTheClipboard()
{
    ClipboardGuard guard;
    guard.setDelay(300ms);
    // Not active (no case file open): the recovery key is noted all the same.
    QVERIFY(!guard.isActive());
    QSignalSpy expired(&guard, &ClipboardGuard::expired);
    RecoveryKeyDialog dialog(SecretBytes::fromPassphrase(u"WXYZ-2345-6789-ABCD"_s), dir() + u"/x.caseboard"_s, &guard);
    dialog.show();
    QTest::mouseClick(child<QPushButton>(&dialog, "copyRecoveryKey"), Qt::LeftButton);
    QClipboard *clipboard = QGuiApplication::clipboard();
    QCOMPARE(clipboard->text(), u"WXYZ-2345-6789-ABCD"_s);
    QVERIFY(expired.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(expired.size(), 1, 10000);
    QCOMPARE(expired.at(0).at(1).toBool(), true);
    QVERIFY(clipboard->text().isEmpty());

    // Copied again and replaced by the user's own text before the delay: that text stays.
    QTest::mouseClick(child<QPushButton>(&dialog, "copyRecoveryKey"), Qt::LeftButton);
    clipboard->setText(u"something else"_s);
    QTRY_COMPARE_WITH_TIMEOUT(expired.size(), 2, 10000);
    QCOMPARE(clipboard->text(), u"something else"_s);
}

void TestSignIn::recoveryKeyIsSavedOwnerOnly()
{
    RecoveryKeyDialog dialog(SecretBytes::fromPassphrase(u"KEEP-THIS-SAFE-0001"_s), dir() + u"/unit.caseboard"_s,
                             nullptr);
    const QString out = dir() + u"/key.txt"_s;
    QVERIFY(dialog.saveTo(out));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY(text.contains(u"KEEP-THIS-SAFE-0001"_s));
    QVERIFY(text.contains(u"unit.caseboard"_s));
    QCOMPARE(f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                                 QFileDevice::WriteOther),
             QFileDevice::Permissions());
    // Nothing else was left beside it (QSaveFile's temporary file is gone).
    QCOMPARE(QDir(dir()).entryList(QDir::Files), QStringList{u"key.txt"_s});

    // A folder that does not exist: the reason is shown, no file appears.
    QVERIFY(!dialog.saveTo(dir() + u"/missing/key.txt"_s));
    QVERIFY(!child<QLabel>(&dialog, "recoveryKeyStatus")->text().isEmpty());
}

void TestSignIn::newCaseFileThroughTheForm()
{
    const QString path = dir() + u"/new-unit"_s;
    const QString pass = u"seven silver ferries at dawn"_s;
    SessionController session;
    session.showUnlock();
    UnlockWindow *w = session.unlockWindow();
    w->showCreatePage();
    child<QLineEdit>(w, "newPath")->setText(path);
    auto *login = child<QLineEdit>(w, "adminLogin");
    auto *name = child<QLineEdit>(w, "adminName");
    login->setText(u"E-7"_s);
    name->setText(u"Eve Example"_s);
    auto *create = child<QPushButton>(w, "createFileButton");
    QVERIFY(!create->isEnabled());
    // Feedback as the user types: the login is no passphrase.
    QTest::keyClicks(child<QLineEdit>(w, "newPassphrase"), u"eveexample"_s);
    QVERIFY2(child<QLabel>(w, "passphraseCheck")->text().contains(u"12"_s),
             qPrintable(child<QLabel>(w, "passphraseCheck")->text()));
    child<QLineEdit>(w, "newPassphrase")->clear();
    QTest::keyClicks(child<QLineEdit>(w, "newPassphrase"), pass);
    QTest::keyClicks(child<QLineEdit>(w, "newPassphraseRepeat"), pass);
    QVERIFY(create->isEnabled());
    name->clear();
    QVERIFY(!create->isEnabled());
    name->setText(u"Eve Example"_s);
    QTest::mouseClick(create, Qt::LeftButton);

    // The recovery key comes first; the case file is handed over once it is stored.
    const QString created = path + u".caseboard"_s;
    QVERIFY2(QFile::exists(created), qPrintable(errorText(w)));
    auto *keyDialog = w->findChild<RecoveryKeyDialog *>();
    QVERIFY(keyDialog);
    QVERIFY(!session.mainWindow());
    const QString key = child<QLabel>(keyDialog, "recoveryKey")->text();
    QVERIFY2(QRegularExpression(u"^[A-Z0-9]{4}(-[A-Z0-9]{4})+$"_s).match(key).hasMatch(), qPrintable(key));
    child<QCheckBox>(keyDialog, "storedRecoveryKey")->setChecked(true);
    QTest::mouseClick(child<QPushButton>(keyDialog, "closeRecoveryKey"), Qt::LeftButton);
    MainWindow *main = session.mainWindow();
    QVERIFY(main);
    QCOMPARE(main->session()->login, u"E-7"_s);
    QCOMPARE(main->session()->role, std::optional<Role>(Role::Administrator));
    QVERIFY(action(main, "accountsAction")->isVisible());
    session.lock();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

    // Openable with the new account, and with the key that was shown.
    {
        auto file = CaseFile::open(created, u"E-7"_s, test::secret(pass));
        QCOMPARE(file->session().role, std::optional<Role>(Role::Administrator));
    }
    QCOMPARE(CaseFile::accountLogins(created), QStringList{u"E-7"_s});
    QVERIFY(CaseFile::openWithRecoveryKey(created, SecretBytes::fromPassphrase(key))->session().recovery);
}

void TestSignIn::backupAndRestoreWithSeveralAccounts()
{
    const QString path = makeUnitFile(dir());
    const QString backup = dir() + u"/backup.caseboard"_s;
    {
        SessionController session;
        session.showUnlock(path);
        signIn(session.unlockWindow(), kAdmin, kAdminPass);
        QVERIFY(session.mainWindow());
        BackupRunner *runner = session.backupRunner();
        QVERIFY(runner);
        QVERIFY(runner->backUpTo(backup));
        QTRY_VERIFY_WITH_TIMEOUT(!runner->isBusy(), 60000);
        QVERIFY2(QFile::exists(backup), qPrintable(session.mainWindow()->statusBar()->currentMessage()));
    }
    // The backup has the file's accounts: each opens it with their own passphrase.
    QCOMPARE(CaseFile::open(backup, kDetective, test::secret(kDetectivePass))->session().role,
             std::optional<Role>(Role::Detective));
    QCOMPARE(CaseFile::open(backup, kSergeant, test::secret(kSergeantPass))->session().role,
             std::optional<Role>(Role::Sergeant));

    // Damaged, and restored by the detective signing in to the backup.
    QFile::resize(path, 4095);
    SessionController session;
    session.showUnlock(path);
    UnlockWindow *w = session.unlockWindow();
    signIn(w, kDetective, kDetectivePass);
    QVERIFY(!session.mainWindow());
    QVERIFY2(w->isRestoreOffered(), qPrintable(errorText(w)));
    w->offerRestore();
    auto *dialog = w->findChild<RestoreBackupDialog *>();
    QVERIFY(dialog);
    QCOMPARE(child<QLineEdit>(dialog, "restoreLogin")->text(), kDetective);
    dialog->selectBackup(backup);
    QTest::keyClicks(child<QLineEdit>(dialog, "restorePassphrase"), kDetectivePass);
    dialog->restore();
    QTRY_VERIFY_WITH_TIMEOUT(session.mainWindow(), 60000);
    QCOMPARE(session.mainWindow()->session()->login, kDetective);
    QCOMPARE(session.mainWindow()->caseList()->model()->rowCount(), 1);
}

void TestSignIn::administratorAddsAndRemovesAccounts()
{
    const QString path = makeUnitFile(dir());
    SessionController session;
    session.showUnlock(path);
    signIn(session.unlockWindow(), kAdmin, kAdminPass);
    MainWindow *main = session.mainWindow();
    QVERIFY(main);
    action(main, "accountsAction")->trigger();
    auto *accounts = main->findChild<AccountsDialog *>();
    QVERIFY(accounts);
    QCOMPARE(accounts->logins(), (QStringList{kAdmin, kDetective, kSergeant}));

    // Adding: the other detective, who is a member already.
    accounts->showAddAccount();
    auto *add = child<QDialog>(accounts, "addAccountDialog");
    child<QLineEdit>(add, "newLogin")->setText(u"D-201"_s);
    QVERIFY2(child<QLabel>(add, "newLoginMember")->text().contains(u"Lee Park"_s),
             qPrintable(child<QLabel>(add, "newLoginMember")->text()));
    auto *confirm = child<QPushButton>(add, "confirmAddAccount");
    QTest::keyClicks(child<QLineEdit>(add, "newAccountPassphrase"), u"password1234"_s);
    QTest::keyClicks(child<QLineEdit>(add, "newAccountPassphraseRepeat"), u"password1234"_s);
    QVERIFY2(child<QLabel>(add, "newAccountPassphraseCheck")->text().contains(u"commonly used"_s),
             qPrintable(child<QLabel>(add, "newAccountPassphraseCheck")->text()));
    QVERIFY(!confirm->isEnabled());
    child<QLineEdit>(add, "newAccountPassphrase")->clear();
    child<QLineEdit>(add, "newAccountPassphraseRepeat")->clear();
    QTest::keyClicks(child<QLineEdit>(add, "newAccountPassphrase"), u"lantern over the bay"_s);
    QTest::keyClicks(child<QLineEdit>(add, "newAccountPassphraseRepeat"), u"lantern over the bay"_s);
    QVERIFY(confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
    QCOMPARE(accounts->logins(), (QStringList{kAdmin, kDetective, kSergeant, u"D-201"_s}));

    // Removing re-keys the file; the window goes on over the re-keyed file.
    QVERIFY2(accounts->removeAccount(kDetective), qPrintable(child<QLabel>(accounts, "accountsStatus")->text()));
    QCOMPARE(accounts->logins(), (QStringList{kAdmin, kSergeant, u"D-201"_s}));
    QVERIFY(main->store());
    QCOMPARE(main->session()->login, kAdmin);
    // Nobody removes their own account from under themselves.
    QVERIFY(!accounts->removeAccount(kAdmin));
    QVERIFY(!child<QLabel>(accounts, "accountsStatus")->text().isEmpty());
    session.lock();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

    QVERIFY_THROWS_EXCEPTION(Error, CaseFile::open(path, kDetective, test::secret(kDetectivePass)));
    QCOMPARE(CaseFile::open(path, u"D-201"_s, test::secret(u"lantern over the bay"_s))->session().role,
             std::optional<Role>(Role::Detective));
}

void TestSignIn::ownPassphraseChanges()
{
    const QString path = makeUnitFile(dir());
    SessionController session;
    session.showUnlock(path);
    signIn(session.unlockWindow(), kDetective, kDetectivePass);
    MainWindow *main = session.mainWindow();
    QVERIFY(main);
    action(main, "changePassphraseAction")->trigger();
    auto *dialog = child<QDialog>(main, "changePassphraseDialog");
    const QString next = u"harbour bells at noon"_s;
    // A wrong current passphrase changes nothing.
    QTest::keyClicks(child<QLineEdit>(dialog, "currentPassphrase"), u"not my passphrase at all"_s);
    QTest::keyClicks(child<QLineEdit>(dialog, "changedPassphrase"), next);
    QTest::keyClicks(child<QLineEdit>(dialog, "changedPassphraseRepeat"), next);
    QTest::mouseClick(child<QPushButton>(dialog, "confirmChangePassphrase"), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY2(child<QLabel>(dialog, "changePassphraseError")->text().contains(u"wrong"_s),
             qPrintable(child<QLabel>(dialog, "changePassphraseError")->text()));

    QTest::keyClicks(child<QLineEdit>(dialog, "currentPassphrase"), kDetectivePass);
    QTest::keyClicks(child<QLineEdit>(dialog, "changedPassphrase"), next);
    QTest::keyClicks(child<QLineEdit>(dialog, "changedPassphraseRepeat"), next);
    QTest::mouseClick(child<QPushButton>(dialog, "confirmChangePassphrase"), Qt::LeftButton);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(!main->findChild<QDialog *>(u"changePassphraseDialog"_s));
    session.lock();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY_THROWS_EXCEPTION(Error, CaseFile::open(path, kDetective, test::secret(kDetectivePass)));
    QVERIFY(CaseFile::open(path, kDetective, test::secret(next)));
}

void TestSignIn::demoPassphraseMeetsThePolicy()
{
    QCOMPARE(PassphrasePolicy::check(demoPassphrase()), QString());
    // The demo's key slots are cheaper than a real file's, but not the test suites' cost.
    QVERIFY(demoKdf().plausible());
    QVERIFY(demoKdf().memoryKiB < auth::KdfParams::standard().memoryKiB);
    QVERIFY(demoKdf().memoryKiB > auth::KdfParams::weakForTestsOnly().memoryKiB);
}

void TestSignIn::demoHasOneAccountPerRole()
{
    demo::DemoOptions options;
    options.endDate = QDate(2024, 6, 15);
    options.years = 1;
    options.detectives = 4;
    options.sergeants = 2;
    options.casesPerYear = 6;
    QFile::remove(demoFilePath());
    DemoOpening demo = openDemoCaseFile(options);
    QVERIFY(demo.file);
    QVERIFY2(demo.problem.isEmpty(), qPrintable(demo.problem));
    QCOMPARE(demo.accounts.size(), 4);
    QList<std::optional<Role>> roles;
    for (const DemoAccount &a : std::as_const(demo.accounts))
        roles << a.role;
    QCOMPARE(roles, (QList<std::optional<Role>>{Role::Sergeant, Role::Detective, Role::Command, Role::Administrator}));
    QCOMPARE(demo.accounts.at(1).team, demo.accounts.at(0).team);
    QCOMPARE(demo.file->session().login, demo.accounts.at(0).login);
    QCOMPARE(demo.file->session().role, std::optional<Role>(Role::Sergeant));
    demo.file.reset();

    // Exactly those accounts, each a member's badge, each with the documented passphrase.
    QStringList logins;
    for (const DemoAccount &a : std::as_const(demo.accounts))
        logins << a.login;
    QStringList inFile = CaseFile::accountLogins(demoFilePath());
    inFile.sort();
    logins.sort();
    QCOMPARE(inFile, logins);
    for (const DemoAccount &a : std::as_const(demo.accounts)) {
        auto file = CaseFile::open(demoFilePath(), a.login, SecretBytes::fromPassphrase(demoPassphrase()));
        QCOMPARE(file->session().role, a.role);
    }

    // Opened again: as it is, signed in as the sergeant, with the same accounts described.
    DemoOpening again = openDemoCaseFile(options);
    QCOMPARE(again.file->session().role, std::optional<Role>(Role::Sergeant));
    QCOMPARE(again.accounts.size(), 4);
    QVERIFY(again.movedAside.isEmpty());
    again.file.reset();

    // The sign-in window offers them, with the passphrase to use.
    UnlockWindow w;
    w.setFilePath(demoFilePath());
    auto *login = child<QComboBox>(&w, "login");
    QCOMPARE(login->count(), 4);
    QVERIFY2(child<QLabel>(&w, "demoHint")->text().contains(demoPassphrase()),
             qPrintable(child<QLabel>(&w, "demoHint")->text()));
    QFile::remove(demoFilePath());
}

void TestSignIn::oldFormatDemoIsMovedAside()
{
    QVERIFY(QDir().mkpath(QFileInfo(demoFilePath()).absolutePath()));
    QFile::remove(demoFilePath());
    makeOldFormatFile(demoFilePath(), demoPassphrase());
    demo::DemoOptions options;
    options.endDate = QDate(2024, 6, 15);
    options.years = 1;
    options.detectives = 3;
    options.sergeants = 1;
    options.casesPerYear = 3;
    DemoOpening demo = openDemoCaseFile(options);
    QVERIFY(demo.file);
    QVERIFY(demo.file->hasKeySlots());
    QVERIFY(!demo.movedAside.isEmpty());
    QVERIFY2(QFileInfo(demo.movedAside).fileName().startsWith(u"demo.caseboard.old-"_s), qPrintable(demo.movedAside));
    demo.file.reset();
    // The old demo is kept whole: it still opens, as the old-format file it was.
    QVERIFY(CaseFile::open(demo.movedAside, SecretBytes::fromPassphrase(demoPassphrase()))->session().legacy);
    QFile::remove(demo.movedAside);
    QFile::remove(demoFilePath());
}

// Not a check: writes the sign-in window, the recovery key, the accounts and the main window of a
// small demo into CASEBOARD_SCREENSHOT_DIR, when it is set. Synthetic names only.
void TestSignIn::screenshots()
{
    const QString out = qEnvironmentVariable("CASEBOARD_SCREENSHOT_DIR");
    if (out.isEmpty())
        QSKIP("set CASEBOARD_SCREENSHOT_DIR to write screenshots");
    QVERIFY(QDir().mkpath(out));
    auto save = [&](QWidget &w, const QString &name) {
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QTest::qWait(50);
        QVERIFY(w.grab().save(out + u'/' + name));
    };
    demo::DemoOptions options = standardDemoOptions();
    options.years = 2;
    options.detectives = 10;
    options.sergeants = 2;
    options.casesPerYear = 40;
    QFile::remove(demoFilePath());
    QString sergeant;
    {
        DemoOpening demo = openDemoCaseFile(options);
        QVERIFY(demo.file);
        sergeant = demo.accounts.first().login;
    }

    SessionController session;
    session.openDemo();
    QTRY_VERIFY_WITH_TIMEOUT(session.mainWindow(), 120000);
    MainWindow *main = session.mainWindow();
    main->resize(1200, 560);
    save(*main, u"main-window.png"_s);

    // The sign-in window, as "Sign in as someone else" leaves it on the demo.
    session.lock();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    UnlockWindow *w = session.unlockWindow();
    w->signInAsSomeoneElse();
    child<QComboBox>(w, "login")->setEditText(sergeant);
    QTest::keyClicks(child<QLineEdit>(w, "passphrase"), u"demo pass"_s);
    w->adjustSize();
    save(*w, u"sign-in.png"_s);

    // The administrator's accounts, with one account locked.
    const QString path = makeUnitFile(dir());
    for (int i = 0; i < 5; ++i) {
        try {
            CaseFile::open(path, kSergeant, test::secret(u"wrong guess %1"_s.arg(i)));
        } catch (const Error &) {
        }
    }
    session.showUnlock(path);
    w->signInAsSomeoneElse();
    signIn(w, kAdmin, kAdminPass);
    QVERIFY(session.mainWindow());
    action(session.mainWindow(), "accountsAction")->trigger();
    auto *accounts = session.mainWindow()->findChild<AccountsDialog *>();
    QVERIFY(accounts);
    accounts->resize(680, 300);
    child<QTableWidget>(accounts, "accounts")->selectRow(2);
    save(*accounts, u"accounts.png"_s);

    RecoveryKeyDialog key(SecretBytes::fromPassphrase(u"7K2Q-M9XD-4HRT-P3WB-ZC6N-18FV-GQ5J-A0YE"_s),
                          dir() + u"/homicide-unit.caseboard"_s, nullptr);
    key.show();
    save(key, u"recovery-key.png"_s);
    child<QCheckBox>(&key, "storedRecoveryKey")->setChecked(true);
    key.accept();
    QFile::remove(demoFilePath());
}

QTEST_MAIN(TestSignIn)
#include "tst_signin.moc"
