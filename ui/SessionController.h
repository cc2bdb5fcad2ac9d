#pragma once

#include <QObject>

#include <memory>

namespace cb::ui {

class MainWindow;
class UnlockWindow;

// Which window is up: the unlock window while no case file is open, the main window while one
// is. Locking closes the file and brings the unlock window back.
class SessionController : public QObject {
    Q_OBJECT
public:
    explicit SessionController(QObject *parent = nullptr);
    ~SessionController() override;

    // Shows the unlock window, with path (if any) chosen as the file to open.
    void showUnlock(const QString &path = {});
    // Opens the demo straight away; the unlock window shows the progress, or why it failed.
    void openDemo();

    UnlockWindow *unlockWindow() const { return m_unlock.get(); }
    MainWindow *mainWindow() const { return m_main.get(); }

private:
    void onCaseFileOpened();
    void closeMainWindow();

    std::unique_ptr<UnlockWindow> m_unlock;
    std::unique_ptr<MainWindow> m_main;
};

} // namespace cb::ui
