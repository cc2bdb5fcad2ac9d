#include "ui/SessionController.h"

#include "model/storage/CaseFile.h"
#include "model/util/Clock.h"
#include "ui/MainWindow.h"
#include "ui/UnlockWindow.h"

namespace cb::ui {

SessionController::SessionController(QObject *parent)
    : QObject(parent), m_unlock(std::make_unique<UnlockWindow>())
{
    connect(m_unlock.get(), &UnlockWindow::caseFileOpened, this, &SessionController::onCaseFileOpened);
}

SessionController::~SessionController() = default;

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
    if (!file)
        return;
    closeMainWindow();
    m_main = std::make_unique<MainWindow>(std::move(file), std::make_unique<SystemClock>());
    // The unlock window comes up before the main window goes, so that there is never a moment
    // without a visible window (the application would take it as the last one closed).
    connect(m_main.get(), &MainWindow::lockRequested, this, [this] {
        showUnlock();
        closeMainWindow();
    });
    connect(m_main.get(), &MainWindow::openRequested, this, [this](const QString &path) {
        showUnlock(path);
        closeMainWindow();
    });
    m_main->show();
    m_unlock->hide();
    const QString notice = m_unlock->takeNotice();
    if (!notice.isEmpty())
        m_main->showNotice(notice);
}

void SessionController::closeMainWindow()
{
    if (!m_main)
        return;
    // The file is closed now; the window itself may be inside one of its own signals, so it
    // is deleted once control is back in the event loop.
    m_main->hide();
    m_main->closeCaseFile();
    m_main.release()->deleteLater();
}

} // namespace cb::ui
