#pragma once

#include "model/domain/Domain.h"
#include "ui/BackupRunner.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;

namespace cb {
class CaseFile;
class CaseStore;
class Clock;
struct Session;
}

namespace cb::ui {

class CaseListView;

// The window over one open case file: menus, the case list, a status bar. Owns the case file
// and the store over it; closing the file (Lock) is the session's business, see SessionController.
//
// No method runs a nested event loop (dialogs and message boxes are opened with open(), menus
// with popup()): the session may lock, and destroy the window's content, at any moment the
// event loop has control.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // clock: the system clock in the app; tests pass a fixed one.
    MainWindow(std::unique_ptr<CaseFile> file, std::unique_ptr<const Clock> clock, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Closes the store and the case file now, and destroys every widget that shows case data (the
    // case list and its model, open dialogs, message boxes); the window shows nothing afterwards.
    void closeCaseFile();
    void reload();
    // A problem worth telling but not worth stopping for, shown once the window is up.
    void showNotice(const QString &text);
    // Enables "Back Up Now…" and reports the runner's backups in the status bar; not owned.
    void setBackupRunner(BackupRunner *runner);

    // Who is signed in; null once the file is closed.
    const Session *session() const;
    // A read-only connection to the open case file with its key (for a backup on a worker thread).
    std::unique_ptr<CaseFile> openBackupConnection() const;
    // Removes an account and re-keys the file (auth::Accounts::remove): the store and every dialog
    // over it are closed first and the store made again over the re-keyed file. Throws cb::Error;
    // on failure the file is left as it was.
    void removeAccount(const QString &login);
    void showAccounts();
    void showChangePassphrase();

    CaseListView *caseList() const { return m_caseList; }
    CaseStore *store() const { return m_store.get(); }
    QString caseFilePath() const { return m_path; }

signals:
    void lockRequested();
    // The user chose another case file to open.
    void openRequested(const QString &path);
    // The settings dialog was accepted.
    void settingsChanged();

private:
    void createMenus();
    void showSession();
    void applyRole();
    void chooseAnotherFile();
    void chooseBackupDestination();
    void showSettings();
    void showCase(Id caseId);
    void showAbout();
    void showWarning(const QString &title, const QString &text);
    void onBackupStarted(BackupRunner::Kind kind);
    void onBackupFinished(BackupRunner::Kind kind, bool ok, const QString &path, const QString &message, const QStringList &pruned);

    // Declared in this order so that the store goes before the file it works on.
    std::unique_ptr<const Clock> m_clock;
    std::unique_ptr<CaseFile> m_file;
    std::unique_ptr<CaseStore> m_store;
    QString m_path;
    CaseListView *m_caseList = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_pathLabel = nullptr;
    QLabel *m_sessionLabel = nullptr;
    QAction *m_backupAction = nullptr;
    QAction *m_accountsAction = nullptr;
    QAction *m_passphraseAction = nullptr;
    BackupRunner *m_backups = nullptr;
};

} // namespace cb::ui
