#include "ui/MainWindow.h"

#include "model/storage/CaseFile.h"
#include "model/storage/Error.h"
#include "model/store/CaseStore.h"
#include "model/auth/Accounts.h"
#include "model/util/Clock.h"
#include "ui/AccountsDialog.h"
#include "ui/CaseListModel.h"
#include "ui/CaseListView.h"
#include "ui/CaseSummaryDialog.h"
#include "ui/ChangePassphraseDialog.h"
#include "ui/SessionRole.h"
#include "ui/SettingsDialog.h"
#include "ui/WaitCursor.h"

#include <QAction>
#include <QApplication>
#include <QDate>
#include <QDialog>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStandardPaths>
#include <QStatusBar>

namespace cb::ui {

MainWindow::MainWindow(std::unique_ptr<CaseFile> file, std::unique_ptr<const Clock> clock, QWidget *parent)
    : QMainWindow(parent), m_clock(std::move(clock)), m_file(std::move(file)),
      m_store(std::make_unique<CaseStore>(*m_file, *m_clock)), m_path(m_file->path())
{
    // Every action is the signed-in person's, checked by the store against their role. An
    // old-format file has no accounts: its changes are attributed to this desktop, as before.
    const Session &session = m_file->session();
    m_store->setActor(session.legacy ? Actor{std::nullopt, QStringLiteral("desktop")}
                                     : Actor{session.memberId, session.login});

    const QFileInfo info(m_path);
    setWindowTitle(tr("CaseBoard — %1").arg(info.fileName()));

    m_caseList = new CaseListView(*m_clock, this);
    setCentralWidget(m_caseList);
    connect(m_caseList, &CaseListView::caseActivated, this, &MainWindow::showCase);

    m_countLabel = new QLabel(this);
    m_pathLabel = new QLabel(QDir::toNativeSeparators(info.absoluteFilePath()), this);
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sessionLabel = new QLabel(this);
    m_sessionLabel->setObjectName(QStringLiteral("sessionLabel"));
    statusBar()->addWidget(m_countLabel);
    statusBar()->addPermanentWidget(m_sessionLabel);
    statusBar()->addPermanentWidget(m_pathLabel);

    createMenus();
    showSession();
    applyRole();
    reload();
    const QRect screen = this->screen()->availableGeometry();
    resize(std::min(1320, screen.width() * 9 / 10), std::min(800, screen.height() * 9 / 10));
}

MainWindow::~MainWindow()
{
    // The case list refers to m_clock, which goes before QWidget's destructor deletes children.
    delete m_caseList;
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *open = fileMenu->addAction(tr("&Open Another Case File…"), this, &MainWindow::chooseAnotherFile);
    open->setShortcut(QKeySequence::Open);
    m_backupAction = fileMenu->addAction(tr("Back &Up Now…"), this, &MainWindow::chooseBackupDestination);
    m_backupAction->setObjectName(QStringLiteral("backupAction"));
    m_backupAction->setToolTip(tr("Write an encrypted copy of the case file to a file of your choice"));
    m_backupAction->setEnabled(false);
    m_passphraseAction = fileMenu->addAction(tr("Change &Passphrase…"), this, &MainWindow::showChangePassphrase);
    m_passphraseAction->setObjectName(QStringLiteral("changePassphraseAction"));
    m_accountsAction = fileMenu->addAction(tr("&Accounts…"), this, &MainWindow::showAccounts);
    m_accountsAction->setObjectName(QStringLiteral("accountsAction"));
    m_accountsAction->setToolTip(tr("Add and remove the accounts of this case file, release locked ones"));
    QAction *settings = fileMenu->addAction(tr("&Settings…"), this, &MainWindow::showSettings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setMenuRole(QAction::PreferencesRole);
    fileMenu->addSeparator();
    QAction *lock = fileMenu->addAction(tr("&Lock"), this, &MainWindow::lockRequested);
    lock->setObjectName(QStringLiteral("lockAction"));
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    // The shortcut works wherever the focus is, in a case summary or a message box too.
    lock->setShortcutContext(Qt::ApplicationShortcut);
    lock->setToolTip(tr("Close the case file and return to the unlock window"));
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), qApp, &QCoreApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(tr("&About CaseBoard"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
}

const Session *MainWindow::session() const
{
    return m_file ? &m_file->session() : nullptr;
}

void MainWindow::showSession()
{
    const Session &s = m_file->session();
    QString name;
    if (s.memberId) {
        try {
            if (const std::optional<Member> m = m_store->member(*s.memberId))
                name = m->name;
        } catch (const Error &) {
            // The login says who it is well enough.
        }
    }
    const QString text = describeSession(s, name);
    m_sessionLabel->setText(text);
    m_sessionLabel->setToolTip(text);
}

// Hides what the signed-in person's role may not do (model/auth/Permissions.h); the store would
// refuse it anyway.
void MainWindow::applyRole()
{
    const Session &s = m_file->session();
    m_backupAction->setVisible(sessionMay(s, auth::Permission::BackUp));
    m_accountsAction->setVisible(m_file->hasKeySlots() && s.canManageAccounts());
    m_passphraseAction->setVisible(m_file->hasKeySlots() && !s.recovery);
}

std::unique_ptr<CaseFile> MainWindow::openBackupConnection() const
{
    if (!m_file)
        throw Error(ErrorKind::Refused, tr("The case file is closed."));
    return m_file->openCopyReadOnly(m_file->path(), SecretBytes());
}

void MainWindow::removeAccount(const QString &login)
{
    if (!m_file)
        throw Error(ErrorKind::Refused, tr("The case file is closed."));
    // Re-keying needs the only connection to the file: no backup reading it, no store over it,
    // no case summary reading through that store.
    if (m_backups && m_backups->isBusy())
        m_backups->waitForFinished();
    const QList<CaseSummaryDialog *> summaries = findChildren<CaseSummaryDialog *>();
    for (CaseSummaryDialog *d : summaries)
        delete d;
    m_store.reset();
    try {
        auth::Accounts::remove(m_file, login, *m_clock);
    } catch (...) {
        m_store = std::make_unique<CaseStore>(*m_file, *m_clock);
        m_store->setActor({m_file->session().memberId, m_file->session().login});
        throw;
    }
    m_store = std::make_unique<CaseStore>(*m_file, *m_clock);
    m_store->setActor({m_file->session().memberId, m_file->session().login});
    reload();
}

void MainWindow::showAccounts()
{
    if (!m_file)
        return;
    if (auto *open = findChild<AccountsDialog *>()) {
        open->raise();
        return;
    }
    AccountsDialog::Access access{[this] { return m_file.get(); }, [this](const QString &login) { removeAccount(login); }};
    auto *dialog = new AccountsDialog(std::move(access), *m_clock, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showChangePassphrase()
{
    if (!m_file)
        return;
    auto *dialog = new ChangePassphraseDialog([this] { return m_file.get(); }, *m_clock, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this] { statusBar()->showMessage(tr("Your passphrase was changed."), 15000); });
    dialog->open();
}

void MainWindow::reload()
{
    if (!m_store)
        return;
    try {
        m_caseList->setCases(m_store->caseSummaries());
        const qsizetype n = m_caseList->model()->rowCount();
        m_countLabel->setText(n == 1 ? tr("1 case") : tr("%n cases", nullptr, static_cast<int>(n)));
    } catch (const Error &e) {
        showWarning(tr("Cannot read the case list"), e.message());
    }
}

void MainWindow::closeCaseFile()
{
    // Dialogs, message boxes and file choosers first: a case summary refers to the store.
    // Direct children only: a dialog's own message box goes with it.
    const QList<QDialog *> dialogs = findChildren<QDialog *>(Qt::FindDirectChildrenOnly);
    for (QDialog *d : dialogs)
        delete d;
    delete m_caseList;
    m_caseList = nullptr;
    m_store.reset();
    m_file.reset();
    m_countLabel->clear();
    m_pathLabel->clear();
    m_sessionLabel->clear();
    statusBar()->clearMessage();
    // Nothing left to act on; and a hidden window's Ctrl+L must not compete with the next one's.
    const QList<QAction *> actions = findChildren<QAction *>();
    for (QAction *a : actions)
        a->setEnabled(false);
    if (m_backups)
        disconnect(m_backups, nullptr, this, nullptr);
    m_backups = nullptr;
}

void MainWindow::showNotice(const QString &text)
{
    showWarning(tr("CaseBoard"), text);
}

void MainWindow::showWarning(const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::setBackupRunner(BackupRunner *runner)
{
    if (m_backups)
        disconnect(m_backups, nullptr, this, nullptr);
    m_backups = runner;
    m_backupAction->setEnabled(runner && !runner->isBusy() && m_file);
    if (!runner)
        return;
    connect(runner, &BackupRunner::started, this, &MainWindow::onBackupStarted);
    connect(runner, &BackupRunner::finished, this, &MainWindow::onBackupFinished);
    connect(runner, &QObject::destroyed, this, [this] {
        m_backups = nullptr;
        m_backupAction->setEnabled(false);
    });
}

void MainWindow::chooseAnotherFile()
{
    auto *dialog = new QFileDialog(this, tr("Open Case File"), QFileInfo(m_path).absolutePath(),
                                   tr("Case files (*.caseboard);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::openRequested);
    dialog->open();
}

void MainWindow::chooseBackupDestination()
{
    if (!m_backups || m_backups->isBusy())
        return;
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    // A name that says what and when; a file name, not a sentence, so not translated.
    const QString suggested = documents + QLatin1Char('/') + QFileInfo(m_path).completeBaseName() +
                              QStringLiteral("-backup-") + QDate::currentDate().toString(Qt::ISODate) +
                              QStringLiteral(".caseboard");
    auto *dialog = new QFileDialog(this, tr("Back Up the Case File"), suggested, tr("Case files (*.caseboard)"));
    dialog->setObjectName(QStringLiteral("backupDestinationDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setDefaultSuffix(QStringLiteral("caseboard"));
    // A backup never overwrites a file (backupCaseFile refuses, and says so): no "replace?" question.
    dialog->setOption(QFileDialog::DontConfirmOverwrite);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        if (m_backups && !m_backups->backUpTo(path))
            showWarning(tr("Backup"), tr("Another backup is being written; try again in a moment."));
    });
    dialog->open();
}

void MainWindow::onBackupStarted(BackupRunner::Kind kind)
{
    if (kind == BackupRunner::Kind::Manual) {
        m_backupAction->setEnabled(false);
        statusBar()->showMessage(tr("Writing the backup…"));
    }
}

void MainWindow::onBackupFinished(BackupRunner::Kind kind, bool ok, const QString &path, const QString &message,
                                  const QStringList &pruned)
{
    m_backupAction->setEnabled(m_backups && m_file);
    const QString where = QDir::toNativeSeparators(path);
    if (kind == BackupRunner::Kind::Manual) {
        if (ok) {
            statusBar()->showMessage(tr("Backup written to %1").arg(where), 15000);
        } else {
            statusBar()->clearMessage();
            showWarning(tr("Backup failed"), message);
        }
        return;
    }
    if (ok) {
        statusBar()->showMessage(pruned.isEmpty()
                                     ? tr("Automatic backup written to %1").arg(where)
                                     : tr("Automatic backup written to %1; the oldest ones beyond the number kept "
                                          "were deleted.")
                                           .arg(where),
                                 15000);
        // The backup is fine, but an old one that could not be deleted takes room; worth saying.
        if (!message.isEmpty())
            showWarning(tr("Automatic backup"), message);
    } else {
        showWarning(tr("Automatic backup failed"),
                    tr("The daily automatic backup could not be written; the earlier backups were kept. %1")
                        .arg(message));
    }
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &MainWindow::settingsChanged);
    dialog->open();
}

void MainWindow::showCase(Id caseId)
{
    if (!m_store)
        return;
    try {
        auto *dialog = new CaseSummaryDialog(*m_store, caseId, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->offerReassign(*m_store, m_file->session());
        connect(dialog, &CaseSummaryDialog::caseChanged, this, &MainWindow::reload);
        dialog->open();
    } catch (const Error &e) {
        showWarning(tr("Cannot show the case"), e.message());
    }
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About CaseBoard"));
    box->setIconPixmap(QApplication::windowIcon().pixmap(64, 64));
    box->setText(tr("<h3>CaseBoard %1</h3>"
                    "<p>Case management for homicide units, over an encrypted case file.</p>"
                    "<p>Built with Qt %2 and SQLCipher.</p>")
                     .arg(QStringLiteral(CASEBOARD_VERSION), QString::fromLatin1(qVersion())));
    box->open();
}

} // namespace cb::ui
