#pragma once

#include <QStringList>

namespace cb::ui {

// The case files opened last, newest first, kept in QSettings, and the login last used for each.
// Paths and logins only, never a passphrase.
class RecentFiles {
public:
    static constexpr int kMax = 8;
    static QStringList list();
    static void remember(const QString &path);
    // The account that signed in to the file at `path` last (never a passphrase); empty if none.
    static QString lastLogin(const QString &path);
    static void rememberLogin(const QString &path, const QString &login);
};

} // namespace cb::ui
