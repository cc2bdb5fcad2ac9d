#pragma once

#include <QDate>
#include <QString>

namespace cb::ui {

// How long ago a day was, as people say it: "today", "yesterday", "3 days ago", "2 weeks ago",
// "5 months ago", "2 years ago". A date after today (a clock set wrong) reads as "today".
QString daysAgo(const QDate &date, const QDate &today);

} // namespace cb::ui
