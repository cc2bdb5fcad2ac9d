#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace cb::ui {

class BackupRunner;
class ClipboardGuard;
class IdleMonitor;
class MainWindow;
class UnlockWindow;

// Which window is up: the unlock window while no case file is open, the main window while one
// is. Locking (on demand, or after the idle time of SessionSettings::lockMinutes()) destroys the
// main window and everything in it that shows case data, closes the case file (SQLCipher wipes
// the key), wipes the passphrase kept for backups, takes copied case text off the clipboard, and
// brings the unlock window back for the same file.
class SessionController : public QObject {
    Q_OBJECT
public:
    explicit SessionController(QObject *parent = nullptr);
    ~SessionController() override;

    // Shows the unlock window, with path (if any) chosen as the file to open.
    void showUnlock(const QString &path = {});
    // Opens the demo straight away; the unlock window shows the progress, or why it failed.
    void openDemo();

    enum class LockReason { OnDemand, Idle };
    // Does nothing when no case file is open.
    void lock(LockReason reason = LockReason::OnDemand);
    bool isLocked() const { return !m_main; }

    // Where automatic backups go: SessionSettings::automaticBackupsRoot() unless set; applies from
    // the next open.
    void setBackupsRoot(const QString &root) { m_backupsRoot = root; }
    QString backupsRoot() const { return m_backupsRoot; }

    UnlockWindow *unlockWindow() const { return m_unlock.get(); }
    MainWindow *mainWindow() const { return m_main.get(); }
    IdleMonitor *idleMonitor() const { return m_idle.get(); }
    ClipboardGuard *clipboardGuard() const { return m_clipboard.get(); }
    // Null while locked.
    BackupRunner *backupRunner() const { return m_backups.get(); }

signals:
    void locked();

private:
    void onCaseFileOpened();
    void endSession();
    void closeMainWindow();
    void applySettings();

    std::unique_ptr<UnlockWindow> m_unlock;
    std::unique_ptr<MainWindow> m_main;
    std::unique_ptr<IdleMonitor> m_idle;
    std::unique_ptr<ClipboardGuard> m_clipboard;
    std::unique_ptr<BackupRunner> m_backups;
    QString m_backupsRoot;
};

} // namespace cb::ui
