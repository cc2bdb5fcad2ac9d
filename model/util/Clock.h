#pragma once

#include <QDate>
#include <QDateTime>

#include <cstdint>

namespace cb {

// The time as the model sees it. Tests and the demo generator drive time through FixedClock.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
    // Today's calendar date where the unit works (local time).
    virtual QDate today() const = 0;
    std::int64_t nowMs() const { return nowUtc().toMSecsSinceEpoch(); }
};

class SystemClock final : public Clock {
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
    QDate today() const override { return QDate::currentDate(); }
};

class FixedClock final : public Clock {
public:
    explicit FixedClock(QDateTime utc) : m_now(std::move(utc)) {}
    QDateTime nowUtc() const override { return m_now; }
    QDate today() const override { return m_now.toLocalTime().date(); }
    void set(QDateTime utc) { m_now = std::move(utc); }
    void advanceSecs(qint64 s) { m_now = m_now.addSecs(s); }

private:
    QDateTime m_now;
};

} // namespace cb
