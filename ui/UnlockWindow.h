#pragma once

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QThread;

namespace cb {
class CaseFile;
}

namespace cb::ui {

class NewCaseFileForm;

// The first window: choose a case file and unlock it, create a new one, or open the demo.
// Problems are shown inline and the window stays; once a file is open it emits caseFileOpened()
// and whoever listens takes the file with takeCaseFile().
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
    // A problem met on the way that did not stop the opening (the demo could not be filled).
    QString takeNotice();

    void openSelectedFile();
    // Opens the demo, creating and filling it first if needed; the filling runs on a worker
    // thread and ends in caseFileOpened() or an error shown in the window.
    void openDemo();
    bool isBusy() const;
    void showCreatePage();
    void showOpenPage();

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
    void finish(std::unique_ptr<CaseFile> file, const QString &notice);

    QWidget *m_openPage = nullptr;
    QComboBox *m_file = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QPushButton *m_open = nullptr;
    NewCaseFileForm *m_newForm = nullptr;
    QLabel *m_heading = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_actions = nullptr;
    QWidget *m_busy = nullptr;
    QThread *m_demoThread = nullptr;
    std::unique_ptr<CaseFile> m_opened;
    QString m_notice;
};

} // namespace cb::ui
