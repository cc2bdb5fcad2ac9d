#include "ui/SessionController.h"

#include "model/storage/AutoBackup.h"
#include "model/storage/CaseFile.h"
#include "model/util/Clock.h"
#include "ui/BackupRunner.h"
#include "ui/ClipboardGuard.h"
#include "ui/DemoFile.h"
#include "ui/IdleMonitor.h"
#include "ui/MainWindow.h"
#include "ui/SessionSettings.h"
#include "ui/UnlockWindow.h"
#include "ui/WaitCursor.h"

#include <QFileInfo>

namespace cb::ui {

namespace {
// The demo holds invented cases and is made again from nothing; it gets no daily backups.
bool isDemo(const QString &path)
{
    return QFileInfo(path).absoluteFilePath() == QFileInfo(demoFilePath()).absoluteFilePath();
}
} // namespace

SessionController::SessionController(QObject *parent)
    : QObject(parent), m_unlock(std::make_unique<UnlockWindow>()), m_idle(std::make_unique<IdleMonitor>()),
      m_clipboard(std::make_unique<ClipboardGuard>()), m_backupsRoot(SessionSettings::automaticBackupsRoot())
{
    m_unlock->setClipboardGuard(m_clipboard.get());
    connect(m_unlock.get(), &UnlockWindow::caseFileOpened, this, &SessionController::onCaseFileOpened);
    connect(m_idle.get(), &IdleMonitor::idle, this, [this] { lock(LockReason::Idle); });
}

SessionController::~SessionController()
{
    m_idle->stop();
    // Quitting leaves nothing behind either: no case text on the clipboard, no backup thread.
    m_clipboard->clearNow();
    m_backups.reset();
}

void SessionController::showUnlock(const QString &path)
{
    if (!path.isEmpty())
        m_unlock->setFilePath(path);
    m_unlock->show();
    m_unlock->raise();
    m_unlock->activateWindow();
}

void SessionController::openDemo()
{
    // The unlock window shows the progress, and any error, while the demo is made.
    showUnlock();
    m_unlock->openDemo();
}

void SessionController::onCaseFileOpened()
{
    std::unique_ptr<CaseFile> file = m_unlock->takeCaseFile();
    SecretBytes secret = m_unlock->takeSecret();
    if (!file)
        return;
    // Only a session that is still open is ended: a new file's recovery key, copied a moment
    // ago, stays on the clipboard for its 30 seconds.
    if (m_main)
        endSession();
    const QString path = file->path();
    const bool keySlots = file->hasKeySlots();
    m_main = std::make_unique<MainWindow>(std::move(file), std::make_unique<SystemClock>());
    // The unlock window comes up before the main window goes, so that there is never a moment
    // without a visible window (the application would take it as the last one closed).
    connect(m_main.get(), &MainWindow::lockRequested, this, [this] { lock(LockReason::OnDemand); });
    connect(m_main.get(), &MainWindow::openRequested, this, [this](const QString &other) {
        showUnlock(other);
        endSession();
    });
    connect(m_main.get(), &MainWindow::settingsChanged, this, &SessionController::applySettings);

    m_backups = std::make_unique<BackupRunner>(path, std::move(secret));
    // A file with accounts is read for backups through a copy of the open file's connection; the
    // runner never needs a passphrase for it.
    if (keySlots)
        m_backups->setOpener([main = m_main.get()] { return main->openBackupConnection(); });
    m_main->setBackupRunner(m_backups.get());
    m_clipboard->setActive(true);
    applySettings();
    m_idle->start();

    m_main->show();
    m_unlock->hide();
    const QString notice = m_unlock->takeNotice();
    if (!notice.isEmpty())
        m_main->showNotice(notice);
}

void SessionController::applySettings()
{
    m_idle->setTimeout(std::chrono::minutes(SessionSettings::lockMinutes()));
    if (!m_backups || !m_main)
        return;
    const QString path = m_main->caseFilePath();
    const bool automatic = SessionSettings::automaticBackups() && !isDemo(path);
    if (automatic && !m_backups->isAutomatic())
        m_backups->startAutomatic(autobackup::folderFor(m_backupsRoot, path), SessionSettings::backupsToKeep());
    else if (!automatic)
        m_backups->stopAutomatic();
    m_backups->setKeep(SessionSettings::backupsToKeep());
}

void SessionController::lock(LockReason reason)
{
    if (!m_main)
        return;
    const QString path = m_main->caseFilePath();
    const QString name = QFileInfo(path).fileName();
    // The same person signs in again; someone else may, after "Sign in as someone else".
    QString login;
    bool recovery = false;
    if (const Session *s = m_main->session()) {
        login = s->login;
        recovery = s->recovery;
    }
    const QString who = recovery ? tr("the recovery key") : login.isEmpty() ? tr("the passphrase")
                                                                            : tr("the passphrase of %1").arg(login);
    showUnlock(path);
    m_unlock->showLocked(reason == LockReason::Idle
                             ? tr("CaseBoard locked itself after a time without use. Enter %1 to open %2 again.")
                                   .arg(who, name)
                             : tr("CaseBoard is locked. Enter %1 to open %2 again.").arg(who, name),
                         recovery ? QString() : login, recovery);
    endSession();
    emit locked();
}

void SessionController::endSession()
{
    m_idle->stop();
    m_clipboard->clearNow();
    m_clipboard->setActive(false);
    if (m_backups) {
        // A backup holds its own connection and passphrase copy: the lock waits until they are gone.
        if (m_backups->isBusy()) {
            const WaitCursor wait;
            m_backups->waitForFinished();
        }
        m_backups.reset();
    }
    closeMainWindow();
}

void SessionController::closeMainWindow()
{
    if (!m_main)
        return;
    // The file and every widget showing case data go now; the empty shell may be inside one of
    // its own signals, so it is deleted once control is back in the event loop.
    m_main->hide();
    m_main->closeCaseFile();
    m_main.release()->deleteLater();
}

} // namespace cb::ui
