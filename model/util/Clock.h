#pragma once

#include <QDate>
#include <QDateTime>

#include <algorithm>
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
    // The local date costs a time-zone lookup (glibc stats /etc/localtime on every call), which
    // an import of 50,000 cases would pay 50,000 times. It is kept for at most a minute, and
    // never past the next local midnight, so a date or zone change shows within a minute.
    QDate today() const override
    {
        thread_local QDate date;
        thread_local qint64 validUntilMs = 0;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now >= validUntilMs || now < validUntilMs - 60'000) {
            const QDateTime local = QDateTime::currentDateTime();
            date = local.date();
            const qint64 midnight = QDateTime(date.addDays(1), QTime(0, 0)).toMSecsSinceEpoch();
            validUntilMs = std::min(midnight, local.toMSecsSinceEpoch() + 60'000);
        }
        return date;
    }
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
