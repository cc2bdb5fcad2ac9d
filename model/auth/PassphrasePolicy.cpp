#include "model/auth/PassphrasePolicy.h"

#include "model/storage/Error.h"
#include "model/storage/SecretBytes.h"

#include <QCoreApplication>
#include <QFile>
#include <QSet>

namespace cb {

namespace {

// The messages keep the context they had in CaseFile.cpp, where their translations are filed.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::CaseFile)
};

QString normalized(const QString &s)
{
    return s.normalized(QString::NormalizationForm_KC).toLower();
}

const QSet<QString> &blocklist()
{
    static const QSet<QString> list = [] {
        QSet<QString> set;
        QFile f(QStringLiteral(":/caseboard/auth/common-passwords.txt"));
        if (!f.open(QIODevice::ReadOnly))
            return set;
        while (!f.atEnd()) {
            QString line = QString::fromUtf8(f.readLine());
            while (line.endsWith(u'\n') || line.endsWith(u'\r'))
                line.chop(1);
            if (!line.isEmpty() && !line.startsWith(u'#'))
                set.insert(normalized(line));
        }
        return set;
    }();
    if (list.isEmpty())
        throw Error(ErrorKind::Database, Tr::tr("The list of common passwords is missing from this build."));
    return list;
}

QString withoutSpaces(QString s)
{
    s.removeIf([](QChar c) { return c.isSpace(); });
    return s;
}

// The letters in the middle: digits, punctuation, symbols and spaces around them stripped
// ("Password2024!" becomes "password").
QString core(const QString &s)
{
    qsizetype begin = 0, end = s.size();
    while (begin < end && !s.at(begin).isLetter())
        ++begin;
    while (end > begin && !s.at(end - 1).isLetter())
        --end;
    return s.mid(begin, end - begin);
}

// The unit a string repeats ("abcabcabc" gives "abc"), or an empty string.
QString repeatedUnit(const QString &s)
{
    for (qsizetype n = 1; n <= s.size() / 2; ++n) {
        if (s.size() % n != 0)
            continue;
        const QString unit = s.left(n);
        if (unit.repeated(s.size() / n) == s)
            return unit;
    }
    return {};
}

// The forms of a candidate that are compared with a list: as typed, without spaces, its core,
// and the unit it repeats. The first form is the passphrase itself.
QStringList forms(const QString &norm)
{
    const QString bare = withoutSpaces(norm);
    const QString middle = core(norm);
    QStringList out = {norm, bare, middle, withoutSpaces(middle), repeatedUnit(bare), repeatedUnit(withoutSpaces(middle))};
    out.removeAll(QString());
    out.removeDuplicates();
    return out;
}

} // namespace

QString PassphrasePolicy::check(const QString &passphrase, const QStringList &context)
{
    const QString norm = normalized(passphrase);
    const auto codePoints = norm.toUcs4().size();
    if (codePoints < kMinLength)
        return Tr::tr("A passphrase needs at least %1 characters; this one has %2. "
                      "A few words with spaces make a good one.")
            .arg(kMinLength)
            .arg(codePoints);
    const QSet<QString> &common = blocklist();
    if (common.contains(norm) || common.contains(withoutSpaces(norm)))
        return Tr::tr("This passphrase is on the list of commonly used passwords; choose another.");
    const QStringList candidates = forms(norm);
    for (const QString &form : candidates)
        if (common.contains(form))
            return Tr::tr("This passphrase is a commonly used password with digits or symbols added, or repeated; "
                          "choose another.");
    for (const QString &word : context) {
        const QString w = withoutSpaces(normalized(word));
        if (w.size() >= 3 && candidates.contains(w))
            return Tr::tr("A passphrase cannot be made of your login or your name; choose another.");
    }
    return {};
}

int PassphrasePolicy::blocklistSize()
{
    return static_cast<int>(blocklist().size());
}

void PassphrasePolicy::require(const SecretBytes &passphrase, const QStringList &context)
{
    const QString reason =
        check(QString::fromUtf8(passphrase.data(), static_cast<qsizetype>(passphrase.size())), context);
    if (!reason.isEmpty())
        throw Error(ErrorKind::Invalid, reason);
}

void PassphrasePolicy::requireLogin(const QString &login)
{
    bool ok = !login.trimmed().isEmpty() && login == login.trimmed() && login.size() <= 64;
    for (QChar c : login)
        ok = ok && c.category() != QChar::Other_Control;
    if (!ok)
        throw Error(ErrorKind::Invalid, Tr::tr("\"%1\" cannot be a login: a login is a member's badge, 1 to 64 "
                                               "characters without spaces around it.")
                                            .arg(login));
}

} // namespace cb
