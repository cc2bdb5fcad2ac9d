#include "ui/RelativeTime.h"

#include <QCoreApplication>

namespace cb::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::ui::RelativeTime)
};
} // namespace

QString daysAgo(const QDate &date, const QDate &today)
{
    if (!date.isValid() || !today.isValid())
        return {};
    const qint64 days = date.daysTo(today);
    if (days <= 0)
        return Tr::tr("today");
    if (days == 1)
        return Tr::tr("yesterday");
    // The English source texts are right for the counts they get (2 or more), so English needs
    // no numerus translation; other languages get their plural forms through %n.
    if (days < 14)
        return Tr::tr("%n days ago", nullptr, static_cast<int>(days));
    if (days < 60)
        return Tr::tr("%n weeks ago", nullptr, static_cast<int>(days / 7));
    // Calendar months, not days / 30, so that the count agrees with the date in the tooltip.
    int months = (today.year() - date.year()) * 12 + (today.month() - date.month());
    if (today.day() < date.day())
        --months;
    if (months < 2)
        return Tr::tr("a month ago");
    if (months < 24)
        return Tr::tr("%n months ago", nullptr, months);
    return Tr::tr("%n years ago", nullptr, months / 12);
}

} // namespace cb::ui
