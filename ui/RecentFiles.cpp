#include "ui/RecentFiles.h"

#include <QFileInfo>
#include <QSettings>

namespace cb::ui {

namespace {
QString settingsKey()
{
    return QStringLiteral("unlock/recentFiles");
}
} // namespace

QStringList RecentFiles::list()
{
    return QSettings().value(settingsKey()).toStringList();
}

void RecentFiles::remember(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = list();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > kMax)
        files.removeLast();
    QSettings().setValue(settingsKey(), files);
}

} // namespace cb::ui
