#include "ui/IdleMonitor.h"

#include "ui/SessionSettings.h"

#include <QCoreApplication>
#include <QEvent>

#include <algorithm>

namespace cb::ui {

namespace {
bool isInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::ShortcutOverride:
    case QEvent::InputMethod:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd:
    case QEvent::TabletPress:
    case QEvent::TabletMove:
    case QEvent::TabletRelease:
        return true;
    default:
        return false;
    }
}

std::chrono::milliseconds steadyNow()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch());
}
} // namespace

IdleMonitor::IdleMonitor(QObject *parent)
    : QObject(parent), m_clock(steadyNow), m_timeout(std::chrono::minutes(SessionSettings::kDefaultLockMinutes))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &IdleMonitor::check);
}

IdleMonitor::~IdleMonitor()
{
    stop();
}

void IdleMonitor::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = std::max(timeout, std::chrono::milliseconds(1));
    if (m_running)
        arm();
}

void IdleMonitor::setClock(Clock clock)
{
    m_clock = std::move(clock);
    m_lastInput = m_clock();
    if (m_running)
        arm();
}

void IdleMonitor::start()
{
    if (!m_running)
        QCoreApplication::instance()->installEventFilter(this);
    m_running = true;
    m_lastInput = m_clock();
    arm();
}

void IdleMonitor::stop()
{
    if (m_running && QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
    m_running = false;
    m_timer.stop();
}

void IdleMonitor::check()
{
    if (!m_running)
        return;
    if (m_clock() - m_lastInput >= m_timeout) {
        stop();
        emit idle();
        return;
    }
    arm();
}

void IdleMonitor::arm()
{
    const auto left = std::max(m_timeout - (m_clock() - m_lastInput), std::chrono::milliseconds(0));
    m_timer.start(left);
}

bool IdleMonitor::eventFilter(QObject *watched, QEvent *event)
{
    // An input event passes here once for each widget it travels up through; a clock read is
    // all the work, so that is cheap enough.
    if (isInput(event->type()))
        m_lastInput = m_clock();
    return QObject::eventFilter(watched, event);
}

} // namespace cb::ui
