#pragma once

#include "model/storage/SecretBytes.h"
#include "ui/DemoCaseFile.h"

#include <QList>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QThread;

namespace cb {
class CaseFile;
class Error;
}

namespace cb::ui {

class ClipboardGuard;
class NewCaseFileForm;

// The first window: choose a case file and sign in to it (an account and its passphrase, or the
// recovery key), create a new one, or open the demo. The login used last for each file is
// remembered (never the passphrase). Problems (a wrong passphrase, an unknown or locked account)
// are shown inline with the model's message and the window stays; once a file is open it emits
// caseFileOpened() and whoever listens takes the file with takeCaseFile(). A file that cannot be
// opened because it is damaged gets the offer to restore it from a backup. A new case file's
// recovery key is shown once (RecoveryKeyDialog) before the file is handed over.
class UnlockWindow : public QWidget {
    Q_OBJECT
public:
    explicit UnlockWindow(QWidget *parent = nullptr);
    ~UnlockWindow() override;

    void setFilePath(const QString &path);
    QString filePath() const;
    void showError(const QString &message);
    void clearError();

    std::unique_ptr<CaseFile> takeCaseFile();
    // The passphrase an old-format file was opened with (copies of it are keyed with it); empty for
    // a file with accounts, whose copies are keyed by the open file. Wiped by whoever takes it.
    SecretBytes takeSecret();
    // A problem met on the way that did not stop the opening (the demo could not be filled).
    QString takeNotice();

    void openSelectedFile();
    // Opens the demo, creating and filling it first if needed; the filling runs on a worker
    // thread and ends in caseFileOpened() or an error shown in the window.
    void openDemo();
    bool isBusy() const;
    void showCreatePage();
    void showOpenPage();
    // The lock screen: the open page for the same file and person (`login`, or the recovery key),
    // with `message` (why the window is back) as its heading. "Sign in as someone else" frees the
    // file and the login again.
    void showLocked(const QString &message, const QString &login = {}, bool recovery = false);
    bool isLockedToPerson() const { return m_locked; }
    void signInAsSomeoneElse();
    QString login() const;
    // Where a copied recovery key is noted to be cleared; not owned.
    void setClipboardGuard(ClipboardGuard *guard) { m_clipboard = guard; }
    // Whether "Restore from Backup…" is offered for the file that just failed to open.
    bool isRestoreOffered() const;
    // Opens the restore dialog for that file; what it restores is opened like any file.
    void offerRestore();

signals:
    void caseFileOpened();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *createOpenPage();
    QWidget *createBusyIndicator();
    void setBusy(bool busy);
    QWidget *createActionsRow();
    void reloadRecentFiles(const QString &selected);
    void browse();
    void createFile();
    void updateOpenButton();
    void finish(std::unique_ptr<CaseFile> file, SecretBytes secret, const QString &notice);
    void showOpenError(const QString &path, const Error &e, const QString &login);
    void updateLogins();
    void freeChoices();
    void updateSecretMode();
    bool isDemoPath(const QString &path) const;

    QWidget *m_openPage = nullptr;
    QComboBox *m_file = nullptr;
    QPushButton *m_browse = nullptr;
    QComboBox *m_login = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLabel *m_secretLabel = nullptr;
    QCheckBox *m_useRecovery = nullptr;
    QLabel *m_demoHint = nullptr;
    QPushButton *m_someoneElse = nullptr;
    QPushButton *m_open = nullptr;
    bool m_locked = false;
    QList<DemoAccount> m_demoAccounts;
    ClipboardGuard *m_clipboard = nullptr;
    std::unique_ptr<CaseFile> m_created; // while its recovery key is shown
    NewCaseFileForm *m_newForm = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_restoreRow = nullptr;
    QString m_damagedPath;
    QWidget *m_actions = nullptr;
    QWidget *m_busy = nullptr;
    QThread *m_demoThread = nullptr;
    std::unique_ptr<CaseFile> m_opened;
    SecretBytes m_openedSecret;
    QString m_notice;
};

} // namespace cb::ui
