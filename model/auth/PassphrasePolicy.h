#pragma once

#include <QString>
#include <QStringList>

namespace cb {

class SecretBytes;

// Rules a new passphrase must meet, as NIST SP 800-63B and the CJIS Security Policy (IA-5) ask
// (README, "Accounts and key slots"): at least kMinLength characters (Unicode code points, after
// NFKC normalisation), any characters, spaces welcome, no composition rules, never truncated, and
// not a commonly used password. A value shaped like a raw SQLCipher key (x'...') is an ordinary
// passphrase: no passphrase ever reaches SQLCipher as a key.
struct PassphrasePolicy {
    static constexpr int kMinLength = 12; // Unicode code points
    // An empty string when acceptable, else the reason, ready to show. `context` holds words a
    // passphrase must not be made of (the login, the person's name), as NIST asks.
    static QString check(const QString &passphrase, const QStringList &context = {});
    // check() for a passphrase given as UTF-8 bytes: throws cb::Error (Invalid) with the reason.
    static void require(const SecretBytes &passphrase, const QStringList &context);
    // A login is a member's badge: 1 to 64 characters, no spaces around it, no control
    // characters. Throws cb::Error (Invalid) naming it otherwise.
    static void requireLogin(const QString &login);
    // The number of passwords on the blocklist (resources in model/auth/common-passwords.txt).
    static int blocklistSize();
};

} // namespace cb
