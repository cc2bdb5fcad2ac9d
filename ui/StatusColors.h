#pragma once

#include "model/domain/Domain.h"

#include <QBrush>
#include <QColor>
#include <QIcon>

namespace cb::ui {

// The colour cue of a case status, the same wherever a status is shown: open cases blue,
// cleared ones green (by arrest darker than exceptionally), unfounded ones grey.
QColor statusColor(CaseStatus status);
// A small filled dot in the status colour.
QIcon statusIcon(CaseStatus status);

// Overdue leads stand out: dark red on a pale red background, readable on light and dark themes.
QBrush overdueBackground();
QBrush overdueForeground();

} // namespace cb::ui
