#pragma once

#include <QStringList>

namespace cb::ui {

// The case files opened last, newest first, kept in QSettings. Paths only, never a passphrase.
class RecentFiles {
public:
    static constexpr int kMax = 8;
    static QStringList list();
    static void remember(const QString &path);
};

} // namespace cb::ui
