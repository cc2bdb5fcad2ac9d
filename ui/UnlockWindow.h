#pragma once

#include "model/storage/SecretBytes.h"

#include <QWidget>

#include <memory>

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

class NewCaseFileForm;

// The first window: choose a case file and unlock it, create a new one, or open the demo.
// Problems are shown inline and the window stays; once a file is open it emits caseFileOpened()
// and whoever listens takes the file with takeCaseFile() and its passphrase with takeSecret().
// A file that cannot be opened because it is damaged gets the offer to restore it from a backup.
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
    // The passphrase the file was opened with (backups are keyed with it); wiped by whoever takes it.
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
    // The open page, with `message` (why the window is back: the app locked) as its heading.
    void showLocked(const QString &message);
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
    void showOpenError(const QString &path, const Error &e);

    QWidget *m_openPage = nullptr;
    QComboBox *m_file = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QPushButton *m_open = nullptr;
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
