#include "ui/RecentFiles.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QSettings>

namespace cb::ui {

namespace {
QString settingsKey()
{
    return QStringLiteral("unlock/recentFiles");
}
// A path is no settings key ('/' separates groups): its hash is.
QString loginKey(const QString &path)
{
    const QByteArray absolute = QFileInfo(path).absoluteFilePath().toUtf8();
    return QStringLiteral("unlock/lastLogin/") +
           QString::fromLatin1(QCryptographicHash::hash(absolute, QCryptographicHash::Sha256).toHex().left(32));
}
} // namespace

QString RecentFiles::lastLogin(const QString &path)
{
    return path.isEmpty() ? QString() : QSettings().value(loginKey(path)).toString();
}

void RecentFiles::rememberLogin(const QString &path, const QString &login)
{
    if (login.isEmpty())
        QSettings().remove(loginKey(path));
    else
        QSettings().setValue(loginKey(path), login);
}

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
