#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

namespace cb::ui {

// Tells when the user has not touched the application (keyboard, mouse, wheel, touch, tablet) for
// a given time. An application-wide event filter notes the time of the last input; one timer is
// armed for the moment the time runs out, and re-armed from the last input when that moment
// comes, so that input costs one clock read and no timer restart.
class IdleMonitor : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<std::chrono::milliseconds()>;

    explicit IdleMonitor(QObject *parent = nullptr);
    ~IdleMonitor() override;

    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }
    // A monotonic clock (steady_clock by default); tests drive their own and call check().
    void setClock(Clock clock);

    // Starts watching from now; stop() removes the event filter.
    void start();
    void stop();
    bool isRunning() const { return m_running; }

    // Emits idle() if the timeout has passed since the last input, else re-arms the timer.
    void check();

signals:
    // Once per start(): the monitor stops itself.
    void idle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void arm();

    Clock m_clock;
    std::chrono::milliseconds m_timeout;
    std::chrono::milliseconds m_lastInput{0};
    QTimer m_timer;
    bool m_running = false;
};

} // namespace cb::ui
