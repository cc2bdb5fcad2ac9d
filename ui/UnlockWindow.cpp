#include "ui/UnlockWindow.h"

#include "model/storage/AutoBackup.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Error.h"
#include "ui/DemoCaseFile.h"
#include "ui/DemoFile.h"
#include "ui/NewCaseFileForm.h"
#include "ui/RecentFiles.h"
#include "ui/RecoveryKeyDialog.h"
#include "ui/RestoreBackupDialog.h"
#include "ui/SessionSettings.h"
#include "ui/TakePassphrase.h"
#include "ui/WaitCursor.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QThread>
#include <QVBoxLayout>

namespace cb::ui {

namespace {

// Anything but cb::Error is a bug; it is shown rather than let loose in the event loop.
QString unexpected(const std::exception &e)
{
    return UnlockWindow::tr("Unexpected error: %1").arg(QString::fromLocal8Bit(e.what()));
}

// Kinds of failure a backup can mend. A wrong passphrase is among them because SQLCipher cannot
// tell it from a damaged first page; the restore dialog tries the file itself first, so a mere
// typing mistake never has a good file replaced.
bool restorable(ErrorKind kind)
{
    return kind == ErrorKind::Damaged || kind == ErrorKind::NotACaseFile || kind == ErrorKind::WrongPassphrase;
}
} // namespace

UnlockWindow::UnlockWindow(QWidget *parent) : QWidget(parent)
{
    setWindowTitle(tr("CaseBoard"));

    auto *title = new QLabel(tr("CaseBoard"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("heading"));
    m_heading->setWordWrap(true);

    // Two pages shown one at a time; not a QStackedWidget, which would give the short open page
    // the height of the create page.
    m_openPage = createOpenPage();
    m_newForm = new NewCaseFileForm(this);
    connect(m_newForm, &NewCaseFileForm::submitted, this, &UnlockWindow::createFile);
    connect(m_newForm, &NewCaseFileForm::cancelled, this, &UnlockWindow::showOpenPage);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel#error { color: #8b1a1a; background: #fbe3e3; "
                                          "border: 1px solid #e8b4b4; border-radius: 4px; padding: 6px; }"));
    m_error->hide();

    m_restoreRow = new QWidget(this);
    auto *restore = new QPushButton(tr("&Restore from Backup…"), m_restoreRow);
    restore->setObjectName(QStringLiteral("restoreOfferButton"));
    restore->setToolTip(tr("Put a backup of this case file in its place; the damaged file is kept beside it"));
    connect(restore, &QPushButton::clicked, this, &UnlockWindow::offerRestore);
    auto *restoreLayout = new QHBoxLayout(m_restoreRow);
    restoreLayout->setContentsMargins(0, 0, 0, 0);
    restoreLayout->addStretch(1);
    restoreLayout->addWidget(restore);
    m_restoreRow->hide();

    m_actions = createActionsRow();
    m_busy = createBusyIndicator();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(10);
    layout->addWidget(title);
    layout->addWidget(m_heading);
    layout->addSpacing(6);
    layout->addWidget(m_openPage);
    layout->addWidget(m_newForm);
    layout->addWidget(m_error);
    layout->addWidget(m_restoreRow);
    layout->addWidget(m_busy);
    layout->addStretch(1);
    layout->addWidget(m_actions);

    reloadRecentFiles(RecentFiles::list().value(0));
    showOpenPage();
    setMinimumWidth(560);
}

UnlockWindow::~UnlockWindow()
{
    if (m_demoThread)
        m_demoThread->wait();
}

QWidget *UnlockWindow::createBusyIndicator()
{
    auto *box = new QWidget(this);
    box->setObjectName(QStringLiteral("busy"));
    auto *label = new QLabel(tr("Creating the demo unit: several years of invented cases. This takes a moment."), box);
    label->setWordWrap(true);
    auto *bar = new QProgressBar(box);
    bar->setRange(0, 0); // no steps to report: an endless "working" bar
    bar->setTextVisible(false);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(bar);
    box->hide();
    return box;
}

QWidget *UnlockWindow::createOpenPage()
{
    auto *page = new QWidget(this);
    m_file = new QComboBox(page);
    m_file->setObjectName(QStringLiteral("caseFile"));
    m_file->setEditable(true);
    m_file->setInsertPolicy(QComboBox::NoInsert);
    m_file->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_file->setMinimumContentsLength(32);
    m_file->lineEdit()->setPlaceholderText(tr("Path of a .caseboard file"));
    m_browse = new QPushButton(tr("&Browse…"), page);
    m_browse->setObjectName(QStringLiteral("browseButton"));
    connect(m_browse, &QPushButton::clicked, this, &UnlockWindow::browse);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);

    m_login = new QComboBox(page);
    m_login->setObjectName(QStringLiteral("login"));
    m_login->setEditable(true);
    m_login->setInsertPolicy(QComboBox::NoInsert);
    m_login->lineEdit()->setPlaceholderText(tr("Your badge number or account name"));
    m_login->setToolTip(tr("Leave it empty for a case file with a single account"));

    m_passphrase = new QLineEdit(page);
    m_passphrase->setObjectName(QStringLiteral("passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);

    m_useRecovery = new QCheckBox(tr("Use the recovery ke&y instead"), page);
    m_useRecovery->setObjectName(QStringLiteral("useRecoveryKey"));
    m_useRecovery->setToolTip(tr("The key shown once when the case file was created: it opens the file when every "
                                 "passphrase is lost"));

    m_demoHint = new QLabel(page);
    m_demoHint->setObjectName(QStringLiteral("demoHint"));
    m_demoHint->setWordWrap(true);
    m_demoHint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_demoHint->hide();

    auto *fileLabel = new QLabel(tr("Case &file:"), page);
    fileLabel->setBuddy(m_file);
    auto *loginLabel = new QLabel(tr("&Account:"), page);
    loginLabel->setBuddy(m_login);
    m_secretLabel = new QLabel(page);
    m_secretLabel->setBuddy(m_passphrase);
    auto *form = new QFormLayout;
    form->addRow(fileLabel, fileRow);
    form->addRow(loginLabel, m_login);
    form->addRow(m_secretLabel, m_passphrase);
    form->addRow(QString(), m_useRecovery);
    form->addRow(QString(), m_demoHint);

    m_someoneElse = new QPushButton(tr("Sign in as S&omeone Else"), page);
    m_someoneElse->setObjectName(QStringLiteral("signInAsSomeoneElse"));
    m_someoneElse->hide();
    m_open = new QPushButton(tr("Sign &In"), page);
    m_open->setObjectName(QStringLiteral("openButton"));
    m_open->setDefault(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_someoneElse);
    buttons->addStretch(1);
    buttons->addWidget(m_open);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addLayout(buttons);

    connect(m_open, &QPushButton::clicked, this, &UnlockWindow::openSelectedFile);
    connect(m_someoneElse, &QPushButton::clicked, this, &UnlockWindow::signInAsSomeoneElse);
    connect(m_passphrase, &QLineEdit::returnPressed, this, &UnlockWindow::openSelectedFile);
    connect(m_passphrase, &QLineEdit::textChanged, this, &UnlockWindow::updateOpenButton);
    connect(m_file, &QComboBox::editTextChanged, this, &UnlockWindow::updateOpenButton);
    connect(m_file, &QComboBox::editTextChanged, this, &UnlockWindow::updateLogins);
    connect(m_useRecovery, &QCheckBox::toggled, this, &UnlockWindow::updateSecretMode);
    updateSecretMode();
    return page;
}

QWidget *UnlockWindow::createActionsRow()
{
    auto *row = new QWidget(this);
    auto *line = new QFrame(row);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    auto *create = new QPushButton(tr("&Create a New Case File…"), row);
    create->setObjectName(QStringLiteral("createButton"));
    auto *demo = new QPushButton(tr("Open the &Demo"), row);
    demo->setObjectName(QStringLiteral("demoButton"));
    demo->setToolTip(tr("A case file of invented cases to try CaseBoard with"));
    connect(create, &QPushButton::clicked, this, &UnlockWindow::showCreatePage);
    connect(demo, &QPushButton::clicked, this, &UnlockWindow::openDemo);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(create);
    buttons->addStretch(1);
    buttons->addWidget(demo);
    auto *layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(line);
    layout->addLayout(buttons);
    return row;
}

void UnlockWindow::reloadRecentFiles(const QString &selected)
{
    m_file->clear();
    for (const QString &path : RecentFiles::list())
        m_file->addItem(QDir::toNativeSeparators(path));
    setFilePath(selected);
}

void UnlockWindow::setFilePath(const QString &path)
{
    m_file->setEditText(QDir::toNativeSeparators(path));
    updateLogins();
    (path.isEmpty() ? static_cast<QWidget *>(m_file)
     : m_login->currentText().isEmpty() && !m_useRecovery->isChecked() ? static_cast<QWidget *>(m_login)
                                                                        : m_passphrase)
        ->setFocus();
    updateOpenButton();
}

QString UnlockWindow::login() const
{
    return m_login->currentText().trimmed();
}

bool UnlockWindow::isDemoPath(const QString &path) const
{
    return !path.isEmpty() && QFileInfo(path).absoluteFilePath() == QFileInfo(demoFilePath()).absoluteFilePath();
}

void UnlockWindow::updateLogins()
{
    if (m_locked)
        return;
    const QString path = filePath();
    const QString last = RecentFiles::lastLogin(path);
    m_login->clear();
    m_demoHint->hide();
    if (isDemoPath(path)) {
        // The demo's accounts are public (so is their passphrase): offer them all. Real files'
        // accounts are not listed; the person types their own login.
        QStringList logins;
        for (const DemoAccount &a : std::as_const(m_demoAccounts))
            logins << a.login;
        if (logins.isEmpty() && QFileInfo(path).isFile()) {
            try {
                logins = CaseFile::accountLogins(path);
            } catch (const Error &) {
                // Opening says what is wrong with it.
            }
        }
        QStringList lines;
        for (const QString &login : std::as_const(logins)) {
            const auto it = std::find_if(m_demoAccounts.cbegin(), m_demoAccounts.cend(),
                                         [&](const DemoAccount &a) { return a.login == login; });
            m_login->addItem(login);
            lines << (it == m_demoAccounts.cend() ? login : tr("%1: %2").arg(login, describeDemoAccount(*it)));
        }
        if (!lines.isEmpty()) {
            m_demoHint->setText(tr("Demo accounts, each with the passphrase \u201c%1\u201d:\n%2")
                                    .arg(demoPassphrase(), lines.join(u'\n')));
            m_demoHint->show();
        }
    } else if (!last.isEmpty()) {
        m_login->addItem(last);
    }
    m_login->setEditText(last.isEmpty() ? m_login->itemText(0) : last);
}

void UnlockWindow::updateSecretMode()
{
    const bool recovery = m_useRecovery->isChecked();
    m_secretLabel->setText(recovery ? tr("Recovery &key:") : tr("&Passphrase:"));
    m_passphrase->setPlaceholderText(recovery ? tr("XXXX-XXXX-…, as it was shown when the file was created")
                                              : QString());
    m_login->setEnabled(!recovery && !m_locked);
}

QString UnlockWindow::filePath() const
{
    return QDir::fromNativeSeparators(m_file->currentText().trimmed());
}

void UnlockWindow::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void UnlockWindow::clearError()
{
    m_error->clear();
    m_error->hide();
    m_restoreRow->hide();
    m_damagedPath.clear();
}

void UnlockWindow::showOpenError(const QString &path, const Error &e, const QString &who)
{
    showError(e.message());
    bool offer = restorable(e.kind()) && !isDemoPath(path);
    // A login the file does not have is a typing mistake, not damage.
    if (offer && !who.isEmpty()) {
        try {
            const QStringList logins = CaseFile::accountLogins(path);
            offer = logins.isEmpty() || logins.contains(who);
        } catch (const Error &) {
        }
    }
    // The demo is made again by opening it; a backup is for the files people keep.
    if (offer) {
        m_damagedPath = path;
        m_restoreRow->show();
    }
    // A window already up keeps its height; the wrapped message and the offer need more.
    adjustSize();
}

bool UnlockWindow::isRestoreOffered() const
{
    return !m_damagedPath.isEmpty();
}

void UnlockWindow::offerRestore()
{
    if (m_damagedPath.isEmpty())
        return;
    const QString path = m_damagedPath;
    auto *dialog = new RestoreBackupDialog(
        path, autobackup::folderFor(SessionSettings::automaticBackupsRoot(), path), this);
    dialog->setSignIn(login(), m_useRecovery->isChecked());
    connect(dialog, &QDialog::finished, dialog, &QObject::deleteLater);
    connect(dialog, &QDialog::accepted, this, [this, dialog, path] {
        std::unique_ptr<CaseFile> file = dialog->takeCaseFile();
        if (!file)
            return;
        RecentFiles::remember(path);
        reloadRecentFiles(path);
        finish(std::move(file), dialog->takeSecret(), dialog->notice());
    });
    dialog->open();
}

std::unique_ptr<CaseFile> UnlockWindow::takeCaseFile()
{
    return std::move(m_opened);
}

SecretBytes UnlockWindow::takeSecret()
{
    return std::move(m_openedSecret);
}

QString UnlockWindow::takeNotice()
{
    return std::exchange(m_notice, QString());
}

void UnlockWindow::showOpenPage()
{
    clearError();
    m_heading->setText(tr("Sign in to a case file with your account and passphrase."));
    m_newForm->hide();
    m_openPage->show();
    m_actions->show();
    adjustSize();
    (filePath().isEmpty() ? static_cast<QWidget *>(m_file) : m_passphrase)->setFocus();
}

void UnlockWindow::showLocked(const QString &message, const QString &login, bool recovery)
{
    m_locked = false;
    showOpenPage();
    // The same person, on the same file: nothing else to choose until they say so.
    m_locked = true;
    m_login->setEditText(login);
    m_useRecovery->setChecked(recovery);
    m_file->setEnabled(false);
    m_browse->setEnabled(false);
    m_login->setEnabled(false);
    m_useRecovery->setEnabled(false);
    m_actions->hide();
    m_someoneElse->show();
    m_heading->setText(message);
    adjustSize();
    m_passphrase->setFocus();
}

void UnlockWindow::freeChoices()
{
    m_locked = false;
    m_file->setEnabled(true);
    m_browse->setEnabled(true);
    m_useRecovery->setEnabled(true);
    m_someoneElse->hide();
    updateSecretMode();
}

void UnlockWindow::signInAsSomeoneElse()
{
    // The locked session is already closed (SessionController::lock); this frees the choice.
    freeChoices();
    m_useRecovery->setChecked(false);
    m_passphrase->clear();
    showOpenPage();
    updateLogins();
    m_login->setEditText(QString());
    updateSecretMode();
    m_login->setFocus();
}

void UnlockWindow::showCreatePage()
{
    clearError();
    m_passphrase->clear();
    m_heading->setText(tr("Create a new, empty case file, with yourself as its administrator. Everything in it is "
                          "encrypted; each person signs in with their own account."));
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_newForm->reset(QDir::toNativeSeparators(documents + QStringLiteral("/cases.caseboard")));
    m_openPage->hide();
    m_newForm->show();
    m_actions->hide();
    adjustSize();
    m_newForm->focusFirstField();
}

void UnlockWindow::updateOpenButton()
{
    m_open->setEnabled(!filePath().isEmpty() && !m_passphrase->text().isEmpty());
}

void UnlockWindow::browse()
{
    const QString current = filePath();
    const QString dir = current.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                          : QFileInfo(current).absolutePath();
    const QString chosen = QFileDialog::getOpenFileName(this, tr("Open Case File"), dir,
                                                        tr("Case files (*.caseboard);;All files (*)"));
    if (!chosen.isEmpty())
        setFilePath(chosen);
}

void UnlockWindow::openSelectedFile()
{
    const QString path = filePath();
    if (path.isEmpty() || m_passphrase->text().isEmpty())
        return;
    clearError();
    const bool recovery = m_useRecovery->isChecked();
    const QString who = recovery ? QString() : login();
    std::unique_ptr<CaseFile> file;
    SecretBytes secret;
    try {
        secret = takePassphrase(*m_passphrase);
        // Signing in derives a key from the passphrase (Argon2id, about half a second).
        const WaitCursor wait;
        file = CaseFile::open(path, SignIn{who, secret, recovery});
    } catch (const Error &e) {
        showOpenError(path, e, who);
        m_passphrase->setFocus();
        return;
    } catch (const std::exception &e) {
        showError(unexpected(e));
        return;
    }
    RecentFiles::remember(path);
    if (!recovery)
        RecentFiles::rememberLogin(path, file->session().login);
    if (!m_locked)
        reloadRecentFiles(path);
    finish(std::move(file), std::move(secret), {});
}

void UnlockWindow::createFile()
{
    const QString problem = m_newForm->problem();
    if (!problem.isEmpty()) {
        showError(problem);
        return;
    }
    clearError();
    const QString path = m_newForm->path();
    CaseFile::Created created;
    try {
        const WaitCursor wait;
        created = m_newForm->createFile();
    } catch (const Error &e) {
        showError(e.message());
        m_newForm->focusFirstField();
        return;
    } catch (const std::exception &e) {
        showError(unexpected(e));
        return;
    }
    RecentFiles::remember(path);
    RecentFiles::rememberLogin(path, created.file->session().login);
    reloadRecentFiles(path);
    if (created.recoveryKey.isEmpty()) {
        finish(std::move(created.file), {}, {});
        return;
    }
    // The recovery key first, while nothing else is open: it is shown this once.
    m_created = std::move(created.file);
    auto *dialog = new RecoveryKeyDialog(std::move(created.recoveryKey), path, m_clipboard, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] { finish(std::move(m_created), {}, {}); });
    dialog->open();
}

void UnlockWindow::openDemo()
{
    if (m_demoThread)
        return;
    clearError();
    // Filling a new demo writes a few years of a unit's work; on a worker thread the window
    // stays alive and says what is happening. The case file is handed back once the thread is
    // done with it, so it is never used by two threads at once.
    struct Outcome {
        DemoOpening demo;
        QString error;
    };
    auto outcome = std::make_shared<Outcome>();
    const demo::DemoOptions options = standardDemoOptions();
    m_demoThread = QThread::create([outcome, options] {
        try {
            outcome->demo = openDemoCaseFile(options);
        } catch (const Error &e) {
            outcome->error = tr("The demo could not be opened: %1").arg(e.message());
        } catch (const std::exception &e) {
            outcome->error = unexpected(e);
        }
    });
    connect(m_demoThread, &QThread::finished, this, [this, outcome] {
        m_demoThread->deleteLater();
        m_demoThread = nullptr;
        setBusy(false);
        if (!outcome->error.isEmpty()) {
            showError(outcome->error);
            return;
        }
        m_demoAccounts = outcome->demo.accounts;
        QString notice = outcome->demo.problem;
        if (!outcome->demo.movedAside.isEmpty())
            notice = tr("The demo case file of an earlier version, without accounts, was moved to %1 and a new demo "
                        "was made. %2")
                         .arg(QDir::toNativeSeparators(outcome->demo.movedAside), notice)
                         .trimmed();
        const QString path = outcome->demo.file->path();
        RecentFiles::rememberLogin(path, outcome->demo.file->session().login);
        finish(std::move(outcome->demo.file), {}, notice);
    });
    setBusy(true);
    m_demoThread->start();
}

bool UnlockWindow::isBusy() const
{
    return m_demoThread != nullptr;
}

void UnlockWindow::setBusy(bool busy)
{
    m_openPage->setEnabled(!busy);
    m_newForm->setEnabled(!busy);
    m_actions->setEnabled(!busy);
    m_busy->setVisible(busy);
    if (busy)
        QGuiApplication::setOverrideCursor(Qt::BusyCursor);
    else
        QGuiApplication::restoreOverrideCursor();
}

void UnlockWindow::closeEvent(QCloseEvent *event)
{
    // The demo is written in one transaction; closing now would leave the thread running on. A
    // new file's recovery key is shown once: not closed past.
    if (isBusy() || m_created)
        event->ignore();
    else
        QWidget::closeEvent(event);
}

void UnlockWindow::finish(std::unique_ptr<CaseFile> file, SecretBytes secret, const QString &notice)
{
    m_opened = std::move(file);
    // Copies of a file with accounts are keyed by the open file itself; no passphrase is kept.
    if (m_opened && m_opened->session().legacy)
        m_openedSecret = std::move(secret);
    else
        secret.wipe();
    m_notice = notice;
    freeChoices();
    showOpenPage();
    emit caseFileOpened();
}

} // namespace cb::ui
