#include "ui/DemoCaseFile.h"

#include "model/auth/Accounts.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Error.h"
#include "model/storage/SecretBytes.h"
#include "model/store/CaseStore.h"
#include "model/util/Clock.h"
#include "ui/DemoFile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimeZone>

namespace cb::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::ui::DemoCaseFile)
};

// The account the demo is made with; it leaves once the members' accounts are in.
const QString kSetupLogin = QStringLiteral("demo-setup");

int caseCount(CaseFile &file)
{
    const SystemClock clock;
    const CaseStore store(file, clock);
    return store.caseCount();
}

void removeWithSidecars(const QString &path)
{
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".signins")})
        QFile::remove(path + suffix);
}

// The demo holds generated data only, but it is moved aside rather than deleted all the same.
QString moveAside(const QString &path)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QString aside = path + QStringLiteral(".old-") + stamp;
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = path + QStringLiteral(".old-") + stamp + QStringLiteral("-%1").arg(n);
    if (!QFile::rename(path, aside))
        throw Error(ErrorKind::Io, Tr::tr("Cannot move the old demo case file %1 aside to make a new one.").arg(path));
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral(".signins")})
        if (QFileInfo::exists(path + suffix))
            QFile::rename(path + suffix, aside + suffix);
    return aside;
}

// The members worth signing in as: the first active sergeant, an active detective of their team,
// the first active command member and the unit's administrator, sergeant first.
QList<DemoAccount> pickAccounts(CaseFile &file)
{
    const SystemClock clock;
    CaseStore store(file, clock);
    store.setActor({std::nullopt, QStringLiteral("system:demo")});
    const QList<Member> members = store.members();
    auto first = [&](Role role, const QString &team = {}) -> std::optional<Member> {
        for (const Member &m : members)
            if (m.active && m.role == role && (team.isEmpty() || m.team == team))
                return m;
        return std::nullopt;
    };
    QList<DemoAccount> out;
    const std::optional<Member> sergeant = first(Role::Sergeant);
    for (const std::optional<Member> &m : {sergeant, first(Role::Detective, sergeant ? sergeant->team : QString()),
                                           first(Role::Command), first(Role::Administrator)})
        if (m)
            out << DemoAccount{m->badge, m->role, m->name, m->team};
    return out;
}

QList<DemoAccount> accountsOf(CaseFile &file, const QStringList &logins)
{
    const SystemClock clock;
    CaseStore store(file, clock);
    store.setActor({std::nullopt, QStringLiteral("system:demo")});
    QList<DemoAccount> out;
    for (const QString &login : logins) {
        DemoAccount a{login, std::nullopt, {}, {}};
        if (const std::optional<Member> m = store.memberByBadge(login)) {
            a.role = m->role;
            a.name = m->name;
            a.team = m->team;
        }
        // The sergeant first: the account the demo opens with.
        if (a.role == Role::Sergeant && !out.isEmpty() && out.first().role != Role::Sergeant)
            out.prepend(a);
        else
            out << a;
    }
    return out;
}

DemoOpening createDemo(const QString &path, const demo::DemoOptions &options)
{
    const SecretBytes secret = SecretBytes::fromPassphrase(demoPassphrase());
    NewCaseFile spec;
    spec.adminLogin = kSetupLogin;
    spec.kdf = demoKdf();
    CaseFile::Created created = CaseFile::create(path, spec, secret);
    DemoOpening out;
    try {
        demo::generate(*created.file, options);
        created.file.reset();
        // The recovery key makes the accounts (the setup account is no member, so no administrator);
        // it is wiped here, never shown: the demo's passphrase is public anyway.
        std::unique_ptr<CaseFile> file = CaseFile::openWithRecoveryKey(path, created.recoveryKey);
        created.recoveryKey.wipe();
        out.accounts = pickAccounts(*file);
        if (out.accounts.isEmpty())
            throw Error(ErrorKind::Invalid, Tr::tr("The demo unit has no members to sign in as."));
        const SystemClock clock;
        auth::Accounts accounts(*file, clock);
        for (const DemoAccount &a : std::as_const(out.accounts))
            accounts.add(a.login, secret, std::nullopt, demoKdf());
        auth::Accounts::remove(file, kSetupLogin, clock);
        file.reset();
        out.file = CaseFile::open(path, SignIn{out.accounts.first().login, secret});
    } catch (...) {
        // Made a moment ago and holding nothing but generated data: nothing half-made is left.
        created.file.reset();
        out.file.reset();
        removeWithSidecars(path);
        throw;
    }
    return out;
}
} // namespace

demo::DemoOptions standardDemoOptions()
{
    demo::DemoOptions options;
    options.seed = 1;
    options.endDate = QDate::currentDate();
    return options;
}

QString describeDemoAccount(const DemoAccount &account)
{
    if (!account.role)
        return Tr::tr("not a member of the unit");
    const QString role = label(*account.role);
    const bool hasTeam = (account.role == Role::Sergeant || account.role == Role::Detective) && !account.team.isEmpty();
    return hasTeam ? Tr::tr("%1, %2 (%3)").arg(role, account.team, account.name)
                   : Tr::tr("%1 (%2)").arg(role, account.name);
}

DemoOpening openDemoCaseFile(const demo::DemoOptions &options)
{
    const QString path = demoFilePath();
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        throw Error(ErrorKind::Io, Tr::tr("Cannot create the folder %1 for the demo case file.").arg(dir));
    if (!QFileInfo::exists(path))
        return createDemo(path, options);

    const SecretBytes secret = SecretBytes::fromPassphrase(demoPassphrase());
    const QStringList logins = CaseFile::accountLogins(path);
    if (logins.isEmpty()) {
        // No key header: an old-format demo (it opens with the demo passphrase), or not a case file
        // at all, which is left where it is and reported.
        CaseFile::open(path, secret).reset();
        const QString aside = moveAside(path);
        DemoOpening out = createDemo(path, options);
        out.movedAside = aside;
        return out;
    }

    DemoOpening out;
    {
        std::unique_ptr<CaseFile> probe = CaseFile::open(path, SignIn{logins.first(), secret}, {nullptr, false});
        out.accounts = accountsOf(*probe, logins);
    }
    out.file = CaseFile::open(path, SignIn{out.accounts.first().login, secret});
    // A demo left without cases by a failed fill gets them now.
    if (caseCount(*out.file) == 0) {
        try {
            demo::generate(*out.file, options);
        } catch (const Error &e) {
            out.problem = Tr::tr("The demo case file could not be filled with cases: %1").arg(e.message());
        }
    }
    return out;
}

} // namespace cb::ui
