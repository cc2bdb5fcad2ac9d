#include "model/cli/Cli.h"

#include "model/cli/BenchCommand.h"
#include "model/cli/StatsCommand.h"
#include "model/cli/Tabular.h"

#include "model/auth/Accounts.h"
#include "model/demo/DemoGenerator.h"
#include "model/io/JsonExchange.h"
#include "model/io/PublicImport.h"
#include "model/storage/AuditChain.h"
#include "model/storage/Backup.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Database.h"
#include "model/storage/SecretBytes.h"
#include "model/store/CaseStore.h"
#include "model/util/Clock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimeZone>

#include <openssl/crypto.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <functional>
#include <optional>

namespace cb::cli {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::cli::Cli)
};

// A usage error: wrong command, option or argument (exit status 1).
struct UsageProblem {
    QString message;
};

QString defaultCaseFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/caseboard.caseboard");
}

struct Context {
    QTextStream &out;
    QTextStream &err;
    const QProcessEnvironment &env;
    QString dbPath;
    QString passphraseFile;
    QStringList positional;
    QCommandLineParser *parser = nullptr;
    QString user;            // --user: the account that signs in
    QString recoveryKeyFile; // --recovery-key-file: sign in with the recovery key instead
};

// Reads the passphrase from --passphrase-file (a file, or - for standard input), else from
// CASEBOARD_PASSPHRASE, else asks on the terminal without echo. Never from an argument.
SecretBytes readPassphrase(Context &ctx, bool confirm)
{
    auto stripNewline = [](QByteArray &bytes) {
        if (bytes.endsWith('\n'))
            bytes.chop(1);
        if (bytes.endsWith('\r'))
            bytes.chop(1);
    };
    if (!ctx.passphraseFile.isEmpty()) {
        QFile f(ctx.passphraseFile);
        const bool opened = ctx.passphraseFile == QLatin1String("-") ? f.open(stdin, QIODevice::ReadOnly)
                                                                      : f.open(QIODevice::ReadOnly);
        if (!opened)
            throw Error(ErrorKind::Invalid,
                        Tr::tr("--passphrase-file %1: %2").arg(ctx.passphraseFile, f.errorString()));
        QByteArray bytes = f.readLine(64 * 1024);
        stripNewline(bytes);
        SecretBytes s = SecretBytes::fromPassphrase(QString::fromUtf8(bytes));
        OPENSSL_cleanse(bytes.data(), static_cast<std::size_t>(bytes.size()));
        if (s.isEmpty())
            throw Error(ErrorKind::Invalid, Tr::tr("--passphrase-file %1: the file is empty").arg(ctx.passphraseFile));
        return s;
    }
    if (ctx.env.contains(QStringLiteral("CASEBOARD_PASSPHRASE"))) {
        const QString value = ctx.env.value(QStringLiteral("CASEBOARD_PASSPHRASE"));
        if (value.isEmpty())
            throw Error(ErrorKind::Invalid, Tr::tr("CASEBOARD_PASSPHRASE is set but empty"));
        return SecretBytes::fromPassphrase(value);
    }
    if (!isatty(STDIN_FILENO))
        throw UsageProblem{Tr::tr("no passphrase: use --passphrase-file FILE or set CASEBOARD_PASSPHRASE")};

    auto ask = [&](const QString &prompt) {
        ctx.err << prompt << Qt::flush;
        termios old{};
        tcgetattr(STDIN_FILENO, &old);
        termios quiet = old;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        QFile in;
        in.open(stdin, QIODevice::ReadOnly);
        QByteArray bytes = in.readLine(64 * 1024);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        ctx.err << '\n' << Qt::flush;
        stripNewline(bytes);
        SecretBytes s = SecretBytes::fromPassphrase(QString::fromUtf8(bytes));
        OPENSSL_cleanse(bytes.data(), static_cast<std::size_t>(bytes.size()));
        return s;
    };
    SecretBytes first = ask(Tr::tr("Passphrase: "));
    if (confirm) {
        SecretBytes again = ask(Tr::tr("Passphrase again: "));
        if (again.size() != first.size() || CRYPTO_memcmp(again.data(), first.data(), first.size()) != 0)
            throw Error(ErrorKind::Invalid, Tr::tr("the two passphrases differ"));
    }
    return first;
}

void requireNoExtraArguments(const Context &ctx, int expected)
{
    if (ctx.positional.size() > expected)
        throw UsageProblem{Tr::tr("unexpected argument: %1").arg(ctx.positional.at(expected))};
}

// The first line of --recovery-key-file.
SecretBytes readRecoveryKey(const Context &ctx)
{
    QFile f(ctx.recoveryKeyFile);
    if (!f.open(QIODevice::ReadOnly))
        throw Error(ErrorKind::Invalid, Tr::tr("--recovery-key-file %1: %2").arg(ctx.recoveryKeyFile, f.errorString()));
    QByteArray bytes = f.readLine(1024).trimmed();
    SecretBytes key = SecretBytes::fromRaw(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    OPENSSL_cleanse(bytes.data(), static_cast<std::size_t>(bytes.size()));
    return key;
}

// The account that signs in to `path`: --user, else the file's only account (or none for an
// old-format file). A file with several accounts needs --user.
QString loginFor(const Context &ctx, const QString &path)
{
    if (!ctx.user.isEmpty())
        return ctx.user;
    const QStringList logins = CaseFile::accountLogins(path);
    if (logins.size() > 1)
        throw UsageProblem{Tr::tr("%1 has %2 accounts (%3): pass --user LOGIN")
                               .arg(QDir::toNativeSeparators(path))
                               .arg(logins.size())
                               .arg(logins.join(QStringLiteral(", ")))};
    return QString();
}

// Signs in to --db as --user (or with --recovery-key-file). `secretOut` receives the passphrase,
// for commands that key a copy of an old-format file with it.
std::unique_ptr<CaseFile> signIn(Context &ctx, bool readOnly, SecretBytes *secretOut = nullptr)
{
    const bool recovery = !ctx.recoveryKeyFile.isEmpty();
    const QString login = recovery ? QString() : loginFor(ctx, ctx.dbPath);
    SecretBytes secret = recovery ? readRecoveryKey(ctx) : readPassphrase(ctx, false);
    const SignIn in{login, secret, recovery};
    std::unique_ptr<CaseFile> file = readOnly ? CaseFile::openReadOnly(ctx.dbPath, in) : CaseFile::open(ctx.dbPath, in);
    if (secretOut && !recovery)
        *secretOut = std::move(secret);
    return file;
}

void printRecoveryKey(Context &ctx, const SecretBytes &key)
{
    if (key.isEmpty())
        return;
    ctx.out << Tr::tr("Recovery key of %1 (shown this once only):").arg(QDir::toNativeSeparators(ctx.dbPath)) << '\n'
            << "    " << QString::fromLatin1(key.data(), static_cast<qsizetype>(key.size())) << '\n'
            << Tr::tr("Keep it offline and apart from the case file, e.g. printed in a safe: it opens the file when "
                      "every passphrase is lost, and anyone who holds it can open the file.")
            << '\n';
}

// Creates a case file that must not exist yet; on failure of fill, removes it again. Its first
// account is --user (default "admin"); with `adminName`, that account is a member of the unit
// with the role Administrator. The recovery key is printed once the file is complete.
void createAndFill(Context &ctx, const std::function<void(CaseFile &)> &fill, const QString &adminName = {})
{
    SecretBytes pass = readPassphrase(ctx, true);
    QDir().mkpath(QFileInfo(ctx.dbPath).absolutePath());
    NewCaseFile spec;
    if (!ctx.user.isEmpty())
        spec.adminLogin = ctx.user;
    spec.adminName = adminName;
    CaseFile::Created created = CaseFile::create(ctx.dbPath, spec, pass);
    pass.wipe();
    try {
        fill(*created.file);
    } catch (...) {
        created.file.reset();
        QFile::remove(ctx.dbPath);
        QFile::remove(ctx.dbPath + QStringLiteral("-wal"));
        QFile::remove(ctx.dbPath + QStringLiteral("-shm"));
        throw;
    }
    created.file.reset();
    printRecoveryKey(ctx, created.recoveryKey);
}

std::unique_ptr<CaseFile> openExisting(Context &ctx)
{
    return signIn(ctx, false);
}

// Who acts on the file: the member signed in (their role is checked by CaseStore), or, for an
// account that is no member (an old-format file, a file made for an import), the system under
// `systemLabel`.
Actor actorOf(const CaseFile &file, const QString &systemLabel)
{
    if (file.session().memberId)
        return {file.session().memberId, file.session().login};
    return {std::nullopt, systemLabel};
}

// Refuses, audited in the file, what the signed-in member's role does not allow on the whole
// file (model/auth/Permissions.h). `file` must be open for work (the refusal is written).
void requirePermission(CaseFile &file, auth::Permission permission)
{
    SystemClock clock;
    CaseStore store(file, clock);
    store.setActor(actorOf(file, QStringLiteral("cli")));
    store.require(permission);
}

// An import goes into the case file at --db, which is created for it when missing (and removed
// again if the import fails).
void openOrCreate(Context &ctx, const std::function<void(CaseFile &)> &fill)
{
    if (QFileInfo::exists(ctx.dbPath)) {
        auto file = openExisting(ctx);
        fill(*file);
    } else {
        createAndFill(ctx, fill);
    }
}

// --- commands --------------------------------------------------------------------------------

int cmdInit(Context &ctx)
{
    requireNoExtraArguments(ctx, 0);
    const QString name = ctx.parser->isSet(QStringLiteral("name")) ? ctx.parser->value(QStringLiteral("name"))
                                                                   : Tr::tr("Administrator");
    if (name.trimmed().isEmpty())
        throw UsageProblem{Tr::tr("--name: the administrator's name cannot be empty")};
    createAndFill(ctx, [](CaseFile &) {}, name);
    ctx.out << Tr::tr("Created %1 with the administrator account %2")
                   .arg(QDir::toNativeSeparators(ctx.dbPath), ctx.user.isEmpty() ? QStringLiteral("admin") : ctx.user)
            << '\n';
    return Success;
}

int cmdDemo(Context &ctx)
{
    requireNoExtraArguments(ctx, 0);
    demo::DemoOptions options;
    bool ok = true;
    if (ctx.parser->isSet(QStringLiteral("seed"))) {
        options.seed = ctx.parser->value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            throw UsageProblem{Tr::tr("--seed: not a non-negative integer: %1").arg(ctx.parser->value(QStringLiteral("seed")))};
    }
    options.endDate = QDate::currentDate();
    if (ctx.parser->isSet(QStringLiteral("end-date"))) {
        options.endDate = QDate::fromString(ctx.parser->value(QStringLiteral("end-date")), Qt::ISODate);
        if (!options.endDate.isValid())
            throw UsageProblem{Tr::tr("--end-date: not a date (YYYY-MM-DD): %1").arg(ctx.parser->value(QStringLiteral("end-date")))};
    }
    if (ctx.parser->isSet(QStringLiteral("years"))) {
        options.years = ctx.parser->value(QStringLiteral("years")).toInt(&ok);
        if (!ok)
            throw UsageProblem{Tr::tr("--years: not an integer: %1").arg(ctx.parser->value(QStringLiteral("years")))};
    }
    demo::DemoSummary summary;
    createAndFill(ctx, [&](CaseFile &file) { summary = demo::generate(file, options); });
    ctx.out << Tr::tr("Created the demo unit in %1: %2 members, %3 cases, %4 victims, %5 leads, %6 notes")
                   .arg(QDir::toNativeSeparators(ctx.dbPath))
                   .arg(summary.members)
                   .arg(summary.cases)
                   .arg(summary.victims)
                   .arg(summary.leads)
                   .arg(summary.notes)
            << '\n';
    return Success;
}

int cmdExport(Context &ctx)
{
    requireNoExtraArguments(ctx, 0);
    auto file = openExisting(ctx);
    SystemClock clock;
    CaseStore store(*file, clock);
    store.setActor(actorOf(*file, QStringLiteral("cli")));
    const QString outPath = ctx.parser->value(QStringLiteral("out"));
    if (outPath.isEmpty() || outPath == QLatin1String("-")) {
        QFile out;
        out.open(stdout, QIODevice::WriteOnly);
        io::exportJson(store, out);
        return Success;
    }
    // Written atomically: a failure leaves the old file or none.
    QSaveFile out(outPath);
    if (!out.open(QIODevice::WriteOnly))
        throw Error(ErrorKind::Io, Tr::tr("%1: %2").arg(outPath, out.errorString()));
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const io::ExchangeSummary s = io::exportJson(store, out);
    if (!out.commit())
        throw Error(ErrorKind::Io, Tr::tr("%1: %2").arg(outPath, out.errorString()));
    ctx.err << Tr::tr("Exported %1 cases, %2 audit entries to %3").arg(s.cases).arg(s.auditEntries).arg(outPath) << '\n';
    return Success;
}

int cmdImportPublic(Context &ctx, io::PublicFormat format, const QString &inPath, QFile &in)
{
    io::PublicImportOptions options;
    options.format = format;
    options.city = ctx.parser->value(QStringLiteral("city"));
    options.skipBad = ctx.parser->isSet(QStringLiteral("skip-bad"));
    options.fileName = inPath;
    io::PublicImportReport report;
    auto importInto = [&](CaseFile &file) {
        SystemClock clock;
        CaseStore store(file, clock);
        store.setActor(actorOf(file, QStringLiteral("import:") + io::publicFormatKey(format)));
        report = io::importPublic(store, in, options);
    };
    openOrCreate(ctx, importInto);
    for (const io::RowProblem &p : report.problems)
        ctx.err << inPath << ": " << p.text() << '\n';
    for (const io::RowProblem &w : report.warnings)
        ctx.err << inPath << ": " << Tr::tr("warning") << ": " << w.text() << '\n';
    ctx.out << Tr::tr("Read %1 rows: %2 cases created, %3 updated with new victims, %4 unchanged, %5 victims added, "
                      "%6 bad rows skipped")
                   .arg(report.rows)
                   .arg(report.casesCreated)
                   .arg(report.casesUpdated)
                   .arg(report.unchanged)
                   .arg(report.victimsAdded)
                   .arg(report.skipped)
            << '\n';
    return Success;
}

int cmdImport(Context &ctx)
{
    if (ctx.positional.isEmpty())
        throw UsageProblem{Tr::tr("import: which file? caseboard-cli import [--format FORMAT] FILE")};
    requireNoExtraArguments(ctx, 1);
    const QString format = ctx.parser->value(QStringLiteral("format"));
    std::optional<io::PublicFormat> publicFormat;
    if (!format.isEmpty() && format != QLatin1String("json")) {
        publicFormat = io::publicFormatFromKey(format);
        if (!publicFormat)
            throw UsageProblem{Tr::tr("--format: unknown format %1 (known: json, wapo, chicago-portal)").arg(format)};
    }
    if (!publicFormat && (ctx.parser->isSet(QStringLiteral("city")) || ctx.parser->isSet(QStringLiteral("skip-bad"))))
        throw UsageProblem{Tr::tr("--city and --skip-bad apply to --format wapo or chicago-portal only")};
    if (publicFormat == io::PublicFormat::ChicagoPortal && ctx.parser->isSet(QStringLiteral("city")))
        throw UsageProblem{Tr::tr("--city applies to --format wapo only")};
    const QString inPath = ctx.positional.at(0);
    QFile in(inPath);
    if (!in.open(QIODevice::ReadOnly))
        throw Error(ErrorKind::Invalid, Tr::tr("%1: %2").arg(inPath, in.errorString()));
    if (publicFormat)
        return cmdImportPublic(ctx, *publicFormat, inPath, in);

    io::ExchangeSummary s;
    auto importInto = [&](CaseFile &file) {
        SystemClock clock;
        CaseStore store(file, clock);
        store.setActor(actorOf(file, QStringLiteral("cli")));
        s = io::importJson(store, in, QFileInfo(inPath).fileName());
    };
    openOrCreate(ctx, importInto);
    ctx.out << Tr::tr("Imported %1 members, %2 cases, %3 victims, %4 leads, %5 notes, %6 audit entries")
                   .arg(s.members)
                   .arg(s.cases)
                   .arg(s.victims)
                   .arg(s.leads)
                   .arg(s.notes)
                   .arg(s.auditEntries)
            << '\n';
    return Success;
}

int cmdVerify(Context &ctx)
{
    requireNoExtraArguments(ctx, 0);
    SecretBytes secret;
    auto file = signIn(ctx, true, &secret);
    QList<CaseFile::Check> checks = file->verify();
    // --against: the trail must still hold every entry of an earlier copy (a backup keeps its own
    // chain head), which catches a trail cut short, and old pages written back over new ones.
    const QString against = ctx.parser->value(QStringLiteral("against"));
    if (!against.isEmpty()) {
        CaseFile::Check c;
        c.name = Tr::tr("audit trail against %1").arg(QDir::toNativeSeparators(against));
        const bool recovery = !ctx.recoveryKeyFile.isEmpty();
        if (recovery)
            secret = readRecoveryKey(ctx);
        std::unique_ptr<CaseFile> copy =
            CaseFile::openReadOnly(against, SignIn{file->session().login, secret, recovery});
        c.problems = audit::compareWithCopy(file->db(), copy->db(), QDir::toNativeSeparators(against));
        c.ok = c.problems.isEmpty();
        checks << c;
    }
    bool allOk = true;
    for (const CaseFile::Check &c : checks) {
        ctx.out << c.name << ": " << (c.ok ? Tr::tr("ok") : Tr::tr("FAILED")) << '\n';
        for (const QString &p : c.problems)
            ctx.out << "  " << p << '\n';
        allOk = allOk && c.ok;
    }
    ctx.out << Tr::tr("schema version %1").arg(file->schemaVersion()) << '\n';
    if (!allOk) {
        ctx.err << Tr::tr("%1 failed verification").arg(ctx.dbPath) << '\n';
        return Failure;
    }
    return Success;
}

int cmdStats(Context &ctx)
{
    if (ctx.positional.isEmpty())
        throw UsageProblem{Tr::tr("stats: which statistic? one of %1").arg(statsKinds().join(QStringLiteral(", ")))};
    requireNoExtraArguments(ctx, 1);
    QCommandLineParser &p = *ctx.parser;
    StatsRequest r;
    r.kind = ctx.positional.at(0);
    if (!statsKinds().contains(r.kind))
        throw UsageProblem{Tr::tr("stats: unknown statistic %1 (one of %2)").arg(r.kind, statsKinds().join(QStringLiteral(", ")))};
    auto date = [&](const QString &name, const QDate &fallback) {
        if (!p.isSet(name))
            return fallback;
        const QDate d = QDate::fromString(p.value(name), Qt::ISODate);
        if (!d.isValid())
            throw UsageProblem{Tr::tr("--%1: not a date (YYYY-MM-DD): %2").arg(name, p.value(name))};
        return d;
    };
    auto integer = [&](const QString &name, int fallback) {
        if (!p.isSet(name))
            return fallback;
        bool ok = false;
        const int v = p.value(name).toInt(&ok);
        if (!ok || v < 0)
            throw UsageProblem{Tr::tr("--%1: not a non-negative integer: %2").arg(name, p.value(name))};
        return v;
    };
    r.asOf = date(QStringLiteral("as-of"), QDate::currentDate());
    r.to = date(QStringLiteral("to"), r.asOf);
    r.from = date(QStringLiteral("from"), QDate(r.to.year() - 4, 1, 1));
    if (r.from > r.to)
        throw UsageProblem{Tr::tr("--from %1 is after --to %2").arg(r.from.toString(Qt::ISODate), r.to.toString(Qt::ISODate))};
    const QString by = p.isSet(QStringLiteral("by")) ? p.value(QStringLiteral("by"))
                                                      : (r.kind == QLatin1String("cohort") ? QStringLiteral("year")
                                                                                           : QStringLiteral("month"));
    const auto granularity = stats::granularityFromKey(by);
    if (!granularity)
        throw UsageProblem{Tr::tr("--by: one of month, quarter, year, ytd, rolling12; not %1").arg(by)};
    r.by = *granularity;
    if (p.isSet(QStringLiteral("group"))) {
        const auto g = stats::groupByFromKey(p.value(QStringLiteral("group")));
        if (!g)
            throw UsageProblem{Tr::tr("--group: one of %1; not %2")
                                   .arg(stats::groupByKeys().join(QStringLiteral(", ")), p.value(QStringLiteral("group")))};
        r.group = *g;
    }
    r.caseload.newAssignmentGuideline = integer(QStringLiteral("guideline"), r.caseload.newAssignmentGuideline);
    r.caseload.staleDays = integer(QStringLiteral("stale-days"), r.caseload.staleDays);
    r.curve = p.isSet(QStringLiteral("curve"));
    const QString format = p.isSet(QStringLiteral("format")) ? p.value(QStringLiteral("format")) : QStringLiteral("table");
    if (format != QLatin1String("csv") && format != QLatin1String("json") && format != QLatin1String("table"))
        throw UsageProblem{Tr::tr("--format: one of csv, json, table; not %1").arg(format)};

    SecretBytes secret;
    auto file = signIn(ctx, true, &secret);
    const Session &who = file->session();
    if (who.memberId && (!who.role || !auth::decide(*who.role, auth::Permission::ReadStatistics, {}).allowed)) {
        // Refused: a second connection, for work, only to audit the refusal in the file.
        const bool recovery = !ctx.recoveryKeyFile.isEmpty();
        requirePermission(*CaseFile::open(ctx.dbPath, SignIn{who.login, secret, recovery}),
                          auth::Permission::ReadStatistics);
    }
    r.reader.memberId = who.memberId;
    const Tabular t = statsTable(file->db(), r);
    if (format == QLatin1String("csv"))
        writeCsv(t, ctx.out);
    else if (format == QLatin1String("json"))
        writeJson(t, ctx.out);
    else
        writeTable(t, ctx.out);
    return Success;
}

int cmdGenerate(Context &ctx)
{
    requireNoExtraArguments(ctx, 0);
    QCommandLineParser &p = *ctx.parser;
    // A big-city unit over 20 years (the scale the statistics are benchmarked at).
    demo::DemoOptions o;
    o.detectives = 100;
    o.sergeants = 12;
    o.years = 20;
    o.casesPerYear = 800;
    o.victimsPerCase = 1.2;
    o.leadsPerCase = 50;
    o.notesPerCase = 30;
    o.endDate = QDate::currentDate();
    auto integer = [&](const QString &name, int &target) {
        if (!p.isSet(name))
            return;
        bool ok = false;
        target = p.value(name).toInt(&ok);
        if (!ok || target < 0)
            throw UsageProblem{Tr::tr("--%1: not a non-negative integer: %2").arg(name, p.value(name))};
    };
    integer(QStringLiteral("detectives"), o.detectives);
    integer(QStringLiteral("years"), o.years);
    integer(QStringLiteral("cases-per-year"), o.casesPerYear);
    integer(QStringLiteral("leads-per-case"), o.leadsPerCase);
    integer(QStringLiteral("notes-per-case"), o.notesPerCase);
    if (p.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        o.seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            throw UsageProblem{Tr::tr("--seed: not a non-negative integer: %1").arg(p.value(QStringLiteral("seed")))};
    }
    if (p.isSet(QStringLiteral("end-date"))) {
        o.endDate = QDate::fromString(p.value(QStringLiteral("end-date")), Qt::ISODate);
        if (!o.endDate.isValid())
            throw UsageProblem{Tr::tr("--end-date: not a date (YYYY-MM-DD): %1").arg(p.value(QStringLiteral("end-date")))};
    }
    o.sergeants = std::max(1, o.detectives / 8);
    demo::DemoSummary summary;
    createAndFill(ctx, [&](CaseFile &file) { summary = demo::generate(file, o); });
    ctx.out << Tr::tr("Generated %1: %2 members, %3 cases, %4 victims, %5 leads, %6 notes")
                   .arg(QDir::toNativeSeparators(ctx.dbPath))
                   .arg(summary.members)
                   .arg(summary.cases)
                   .arg(summary.victims)
                   .arg(summary.leads)
                   .arg(summary.notes)
            << '\n';
    return Success;
}

int cmdBench(Context &ctx)
{
    requireNoExtraArguments(ctx, 1);
    BenchOptions o;
    o.caseFile = ctx.positional.value(0, ctx.dbPath);
    if (ctx.parser->isSet(QStringLiteral("runs"))) {
        bool ok = false;
        o.runs = ctx.parser->value(QStringLiteral("runs")).toInt(&ok);
        if (!ok || o.runs < 1)
            throw UsageProblem{Tr::tr("--runs: not a positive integer: %1").arg(ctx.parser->value(QStringLiteral("runs")))};
    }
    o.wapoFile = ctx.parser->value(QStringLiteral("wapo"));
    if (o.wapoFile.isEmpty() && ctx.env.contains(QStringLiteral("CASEBOARD_REAL_DATA")))
        o.wapoFile = ctx.env.value(QStringLiteral("CASEBOARD_REAL_DATA")) + QStringLiteral("/wapo-homicide-data.csv");
    if (!o.wapoFile.isEmpty() && !QFileInfo::exists(o.wapoFile)) {
        ctx.err << Tr::tr("bench: %1 not found; the import benchmark is skipped").arg(o.wapoFile) << '\n';
        o.wapoFile.clear();
    }
    SecretBytes pass = readPassphrase(ctx, false);
    const Tabular t = runBench(o, pass, [&](const QString &line) { ctx.err << line << '\n' << Qt::flush; });
    const QString format = ctx.parser->isSet(QStringLiteral("format")) ? ctx.parser->value(QStringLiteral("format"))
                                                                       : QStringLiteral("table");
    if (format == QLatin1String("csv"))
        writeCsv(t, ctx.out);
    else if (format == QLatin1String("json"))
        writeJson(t, ctx.out);
    else
        writeTable(t, ctx.out);
    return Success;
}

int cmdBackup(Context &ctx)
{
    requireNoExtraArguments(ctx, 0);
    const QString out = ctx.parser->value(QStringLiteral("out"));
    if (out.isEmpty())
        throw UsageProblem{Tr::tr("backup: where to? caseboard-cli backup --out FILE")};
    SecretBytes pass;
    auto file = signIn(ctx, false, &pass);
    requirePermission(*file, auth::Permission::BackUp);
    backupCaseFile(*file, out, pass);
    ctx.out << Tr::tr("Backed up %1 to %2").arg(QDir::toNativeSeparators(ctx.dbPath), QDir::toNativeSeparators(out))
            << '\n';
    return Success;
}

int cmdRestore(Context &ctx)
{
    if (ctx.positional.isEmpty())
        throw UsageProblem{Tr::tr("restore: from which backup? caseboard-cli --db FILE restore BACKUP")};
    requireNoExtraArguments(ctx, 1);
    const bool recovery = !ctx.recoveryKeyFile.isEmpty();
    const QString login =
        recovery || !QFileInfo(ctx.positional.at(0)).isFile() ? QString() : loginFor(ctx, ctx.positional.at(0));
    const SecretBytes secret = recovery ? readRecoveryKey(ctx) : readPassphrase(ctx, false);
    restoreCaseFile(ctx.positional.at(0), ctx.dbPath, SignIn{login, secret, recovery});
    ctx.out << Tr::tr("Restored %1 from %2; the file it replaced was kept beside it")
                   .arg(QDir::toNativeSeparators(ctx.dbPath), QDir::toNativeSeparators(ctx.positional.at(0)))
            << '\n';
    return Success;
}

// A new passphrase: from --new-passphrase-file, else asked twice on the terminal (never from
// CASEBOARD_PASSPHRASE, which holds the current one).
SecretBytes readNewPassphrase(Context &ctx)
{
    const QString file = ctx.parser->value(QStringLiteral("new-passphrase-file"));
    const QProcessEnvironment none;
    Context asked{ctx.out, ctx.err, none, ctx.dbPath, file, ctx.positional, ctx.parser, ctx.user, {}};
    if (file.isEmpty()) {
        if (!isatty(STDIN_FILENO))
            throw UsageProblem{Tr::tr("no new passphrase: use --new-passphrase-file FILE")};
        ctx.err << Tr::tr("The new passphrase.") << '\n';
    }
    return readPassphrase(asked, file.isEmpty());
}

QString roleLabel(const std::optional<Role> &role)
{
    return role ? label(*role) : QString();
}

int cmdAccount(Context &ctx)
{
    static const QStringList kActions = {QStringLiteral("list"),   QStringLiteral("add"),    QStringLiteral("remove"),
                                         QStringLiteral("passwd"), QStringLiteral("unlock"), QStringLiteral("recovery-key"),
                                         QStringLiteral("upgrade")};
    const QString action = ctx.positional.value(0);
    if (!kActions.contains(action))
        throw UsageProblem{action.isEmpty() ? Tr::tr("account: which action? one of %1").arg(kActions.join(QStringLiteral(", ")))
                                            : Tr::tr("account: unknown action %1 (one of %2)")
                                                  .arg(action, kActions.join(QStringLiteral(", ")))};
    const bool needsLogin = action == QLatin1String("add") || action == QLatin1String("remove") ||
                            action == QLatin1String("unlock");
    if (needsLogin && ctx.positional.size() < 2)
        throw UsageProblem{Tr::tr("account %1: which account? caseboard-cli account %1 LOGIN").arg(action)};
    requireNoExtraArguments(ctx, needsLogin || action == QLatin1String("passwd") ? 2 : 1);
    const QString login = ctx.positional.value(1);
    const QString dbPath = QDir::toNativeSeparators(ctx.dbPath);
    SystemClock clock;

    if (action == QLatin1String("upgrade")) {
        SecretBytes pass = readPassphrase(ctx, false);
        NewCaseFile spec;
        if (!ctx.user.isEmpty())
            spec.adminLogin = ctx.user;
        spec.adminName = ctx.parser->value(QStringLiteral("name"));
        CaseFile::Created created = CaseFile::upgrade(ctx.dbPath, pass, spec);
        created.file.reset();
        ctx.out << Tr::tr("Upgraded %1: it now has accounts; the first is %2, with the passphrase it had.")
                       .arg(dbPath, spec.adminLogin)
                << '\n';
        printRecoveryKey(ctx, created.recoveryKey);
        return Success;
    }
    if (action == QLatin1String("list")) {
        auto file = signIn(ctx, true);
        Tabular t;
        t.columns = {QStringLiteral("login"), QStringLiteral("name"), QStringLiteral("role"), QStringLiteral("state"),
                     QStringLiteral("failed_sign_ins")};
        for (const auth::AccountInfo &a : auth::Accounts(*file, clock).list()) {
            const QString state = a.recovery ? Tr::tr("recovery key")
                                  : a.locked ? Tr::tr("locked since %1 UTC")
                                                   .arg(QDateTime::fromMSecsSinceEpoch(a.lockedAtMs, QTimeZone::utc())
                                                            .toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                                             : Tr::tr("active");
            t.rows << QVariantList{a.login, a.name, roleLabel(a.role), state, qint64(a.pendingFailures)};
        }
        writeTable(t, ctx.out);
        return Success;
    }
    std::unique_ptr<CaseFile> file = signIn(ctx, false);
    auth::Accounts accounts(*file, clock);
    if (action == QLatin1String("add")) {
        std::optional<Member> member;
        if (ctx.parser->isSet(QStringLiteral("name"))) {
            const QString roleKey = ctx.parser->value(QStringLiteral("role"));
            const std::optional<Role> role = fromKey<Role>(roleKey);
            if (!role)
                throw UsageProblem{Tr::tr("--role: one of detective, sergeant, command, administrator; not %1")
                                       .arg(roleKey.isEmpty() ? Tr::tr("(none)") : roleKey)};
            member = Member{0, ctx.parser->value(QStringLiteral("name")), login, QString(), QString(), *role, true};
        } else if (ctx.parser->isSet(QStringLiteral("role"))) {
            throw UsageProblem{Tr::tr("--role goes with --name, for a new member")};
        }
        SecretBytes pass = readNewPassphrase(ctx);
        accounts.add(login, pass, member);
        ctx.out << Tr::tr("Added the account %1 to %2").arg(login, dbPath) << '\n';
    } else if (action == QLatin1String("remove")) {
        auth::Accounts::remove(file, login, clock);
        ctx.out << Tr::tr("Removed the account %1 from %2 and re-encrypted it under a new key; backups made before "
                          "still open with the passphrases they had.")
                       .arg(login, dbPath)
                << '\n';
    } else if (action == QLatin1String("passwd")) {
        const QString whose = login.isEmpty() ? file->session().login : login;
        SecretBytes pass = readNewPassphrase(ctx);
        accounts.changePassphrase(whose, pass);
        ctx.out << Tr::tr("Changed the passphrase of %1").arg(whose) << '\n';
    } else if (action == QLatin1String("unlock")) {
        accounts.release(login);
        ctx.out << Tr::tr("Released the account %1").arg(login) << '\n';
    } else {
        const SecretBytes key = accounts.replaceRecoveryKey();
        ctx.out << Tr::tr("Replaced the recovery key; the old one opens nothing any more.") << '\n';
        printRecoveryKey(ctx, key);
    }
    return Success;
}

int cmdVersion(Context &ctx)
{
    requireNoExtraArguments(ctx, 0);
    const db::LibraryInfo info = db::libraryInfo();
    ctx.out << "caseboard-cli " << QStringLiteral(CASEBOARD_VERSION) << '\n';
    ctx.out << "SQLCipher " << info.cipherVersion << " (SQLite " << info.sqliteVersion << ", " << info.libraryPath
            << ")\n";
    return Success;
}

struct Command {
    const char *name;
    const char *summary; // translated through QT_TRANSLATE_NOOP
    QList<QCommandLineOption> options;
    QString arguments;
    int (*run)(Context &);
};

QList<Command> commands()
{
    return {
        {"init",
         QT_TRANSLATE_NOOP("cb::cli::Cli", "Create a new, empty case file at --db, with the administrator account --user "
                                           "(default admin), and print its recovery key once."),
         {QCommandLineOption(QStringLiteral("name"), Tr::tr("The administrator's name (default: Administrator)."),
                             QStringLiteral("NAME"))},
         {},
         &cmdInit},
        {"demo",
         QT_TRANSLATE_NOOP("cb::cli::Cli", "Create a demo case file at --db with a realistic synthetic unit."),
         {QCommandLineOption(QStringLiteral("seed"), Tr::tr("Random seed (default 1)."), QStringLiteral("N")),
          QCommandLineOption(QStringLiteral("end-date"), Tr::tr("The demo's today (default: today)."),
                             QStringLiteral("YYYY-MM-DD")),
          QCommandLineOption(QStringLiteral("years"), Tr::tr("Years of cases (default 5)."), QStringLiteral("N"))},
         {},
         &cmdDemo},
        {"export",
         QT_TRANSLATE_NOOP("cb::cli::Cli", "Write the whole case file as JSON (docs/json-format.md)."),
         {QCommandLineOption(QStringLiteral("out"), Tr::tr("Output file (default: standard output)."),
                             QStringLiteral("FILE"))},
         {},
         &cmdExport},
        {"import",
         QT_TRANSLATE_NOOP("cb::cli::Cli", "Import a JSON export into an empty case file, or a public homicide file "
                                           "(created if missing)."),
         {QCommandLineOption(QStringLiteral("format"),
                             Tr::tr("json (default: a CaseBoard export), wapo (the Washington Post homicide file) or "
                                    "chicago-portal (the City of Chicago portal extract)."),
                             QStringLiteral("FORMAT")),
          QCommandLineOption(QStringLiteral("city"), Tr::tr("wapo: import only this city."), QStringLiteral("NAME")),
          QCommandLineOption(QStringLiteral("skip-bad"),
                             Tr::tr("wapo, chicago-portal: import the good rows and list the bad ones, instead of "
                                    "rejecting the whole file."))},
         QStringLiteral("FILE"),
         &cmdImport},
        {"verify",
         QT_TRANSLATE_NOOP("cb::cli::Cli",
                           "Check SQLite and cipher integrity, schema version, foreign keys and audit completeness."),
         {QCommandLineOption(QStringLiteral("against"),
                             Tr::tr("Also check that the audit trail still holds every entry of an earlier copy of "
                                    "the file (a backup), opened with the same sign-in."),
                             QStringLiteral("BACKUP"))},
         {},
         &cmdVerify},
        {"stats",
         QT_TRANSLATE_NOOP("cb::cli::Cli",
                           "Clearance and caseload statistics: clearance, cohort, time-to-clear or caseload."),
         {QCommandLineOption(QStringLiteral("from"), Tr::tr("First day (default: January 1, four years before --to)."),
                             QStringLiteral("YYYY-MM-DD")),
          QCommandLineOption(QStringLiteral("to"), Tr::tr("Last day (default: --as-of)."), QStringLiteral("YYYY-MM-DD")),
          QCommandLineOption(QStringLiteral("as-of"), Tr::tr("The date T the figures are as of (default: today)."),
                             QStringLiteral("YYYY-MM-DD")),
          QCommandLineOption(QStringLiteral("by"), Tr::tr("month, quarter, year, ytd or rolling12."), QStringLiteral("PERIOD")),
          QCommandLineOption(QStringLiteral("group"),
                             Tr::tr("Break down by %1.").arg(stats::groupByKeys().join(QStringLiteral(", "))),
                             QStringLiteral("FIELD")),
          QCommandLineOption(QStringLiteral("format"), Tr::tr("csv, json or table (default)."), QStringLiteral("FORMAT")),
          QCommandLineOption(QStringLiteral("guideline"), Tr::tr("caseload: new primary cases a year (default 5)."),
                             QStringLiteral("N")),
          QCommandLineOption(QStringLiteral("stale-days"), Tr::tr("caseload: days without activity (default 30)."),
                             QStringLiteral("N")),
          QCommandLineOption(QStringLiteral("curve"), Tr::tr("time-to-clear: print the Kaplan-Meier curve."))},
         QStringLiteral("clearance|cohort|time-to-clear|caseload"),
         &cmdStats},
        {"generate",
         QT_TRANSLATE_NOOP("cb::cli::Cli",
                           "Create a synthetic archive at --db at big-city scale (100 detectives, 20 years, 800 "
                           "cases a year, 50 leads and 30 notes a case by default)."),
         {QCommandLineOption(QStringLiteral("seed"), Tr::tr("Random seed (default 1)."), QStringLiteral("N")),
          QCommandLineOption(QStringLiteral("end-date"), Tr::tr("The archive's today (default: today)."),
                             QStringLiteral("YYYY-MM-DD")),
          QCommandLineOption(QStringLiteral("years"), Tr::tr("Years of cases (default 20)."), QStringLiteral("N")),
          QCommandLineOption(QStringLiteral("detectives"), Tr::tr("Detectives (default 100)."), QStringLiteral("N")),
          QCommandLineOption(QStringLiteral("cases-per-year"), Tr::tr("Cases a year (default 800)."), QStringLiteral("N")),
          QCommandLineOption(QStringLiteral("leads-per-case"), Tr::tr("Mean leads a case (default 50)."), QStringLiteral("N")),
          QCommandLineOption(QStringLiteral("notes-per-case"), Tr::tr("Mean notes a case (default 30)."), QStringLiteral("N"))},
         {},
         &cmdGenerate},
        {"bench",
         QT_TRANSLATE_NOOP("cb::cli::Cli",
                           "Time opening, every statistic and the whole dashboard on a case file (medians), the Post "
                           "file import when available, and peak memory."),
         {QCommandLineOption(QStringLiteral("runs"), Tr::tr("Runs of each measurement (default 5)."), QStringLiteral("N")),
          QCommandLineOption(QStringLiteral("wapo"),
                             Tr::tr("The Washington Post file to time importing (default: "
                                    "$CASEBOARD_REAL_DATA/wapo-homicide-data.csv when set)."),
                             QStringLiteral("FILE")),
          QCommandLineOption(QStringLiteral("format"), Tr::tr("csv, json or table (default)."), QStringLiteral("FORMAT"))},
         QStringLiteral("[FILE]"),
         &cmdBench},
        {"backup",
         QT_TRANSLATE_NOOP("cb::cli::Cli",
                           "Write an encrypted, consistent copy of the case file (SQLite's online backup), checked "
                           "before it is put in place."),
         {QCommandLineOption(QStringLiteral("out"), Tr::tr("The backup file to write (must not exist)."),
                             QStringLiteral("FILE"))},
         {},
         &cmdBackup},
        {"restore",
         QT_TRANSLATE_NOOP("cb::cli::Cli",
                           "Replace the case file at --db with a backup, after every verify check has passed on it; "
                           "the replaced file is kept beside it."),
         {},
         QStringLiteral("BACKUP"),
         &cmdRestore},
        {"account",
         QT_TRANSLATE_NOOP("cb::cli::Cli",
                           "Accounts: list; add LOGIN; remove LOGIN (re-keys the file); passwd [LOGIN]; unlock LOGIN; "
                           "recovery-key (a new one); upgrade (give an old-format file accounts)."),
         {QCommandLineOption(QStringLiteral("name"), Tr::tr("add: the new member's name; upgrade: the administrator's."),
                             QStringLiteral("NAME")),
          QCommandLineOption(QStringLiteral("role"),
                             Tr::tr("add: the new member's role (detective, sergeant, command, administrator)."),
                             QStringLiteral("ROLE")),
          QCommandLineOption(QStringLiteral("new-passphrase-file"),
                             Tr::tr("add, passwd: read the new passphrase from the first line of FILE."),
                             QStringLiteral("FILE"))},
         QStringLiteral("list|add|remove|passwd|unlock|recovery-key|upgrade [LOGIN]"),
         &cmdAccount},
        {"version", QT_TRANSLATE_NOOP("cb::cli::Cli", "Print the versions of CaseBoard and SQLCipher."), {}, {},
         &cmdVersion},
    };
}

QList<QCommandLineOption> globalOptions()
{
    return {
        QCommandLineOption(QStringLiteral("db"), Tr::tr("The case file (default: %1).").arg(defaultCaseFile()),
                           QStringLiteral("FILE")),
        QCommandLineOption(QStringLiteral("passphrase-file"),
                           Tr::tr("Read the passphrase from the first line of FILE (- for standard input). "
                                  "Otherwise CASEBOARD_PASSPHRASE, otherwise a prompt."),
                           QStringLiteral("FILE")),
        QCommandLineOption(QStringLiteral("user"),
                           Tr::tr("The account that signs in (a member's badge). Default: the file's only account."),
                           QStringLiteral("LOGIN")),
        QCommandLineOption(QStringLiteral("recovery-key-file"),
                           Tr::tr("Sign in with the recovery key in the first line of FILE instead of a passphrase."),
                           QStringLiteral("FILE")),
        // Declared only to refuse it with a reason.
        QCommandLineOption(QStringLiteral("passphrase"), Tr::tr("Not accepted: see --passphrase-file."),
                           QStringLiteral("TEXT")),
        QCommandLineOption(QStringList{QStringLiteral("h"), QStringLiteral("help")}, Tr::tr("Show this help.")),
    };
}

QString usage()
{
    QString text = Tr::tr("Usage: caseboard-cli [--db FILE] [--user LOGIN] [--passphrase-file FILE] COMMAND [OPTIONS]") + u'\n';
    text += u'\n' + Tr::tr("Commands:") + u'\n';
    for (const Command &c : commands())
        text += QStringLiteral("  %1%2\n").arg(QString::fromLatin1(c.name), -10).arg(QCoreApplication::translate("cb::cli::Cli", c.summary));
    text += u'\n' + Tr::tr("Global options:") + u'\n';
    for (const QCommandLineOption &o : globalOptions()) {
        if (o.names().contains(QStringLiteral("passphrase")))
            continue;
        const QString names = QStringLiteral("--") + o.names().constLast() +
                              (o.valueName().isEmpty() ? QString() : u' ' + o.valueName());
        text += QStringLiteral("  %1%2\n").arg(names, -26).arg(o.description());
    }
    text += u'\n' + Tr::tr("Exit status: 0 success, 1 usage error, 2 bad input, wrong passphrase or refused.") + u'\n';
    return text;
}

QString commandUsage(const Command &c)
{
    QString text = QStringLiteral("Usage: caseboard-cli [--db FILE] [--passphrase-file FILE] %1").arg(QString::fromLatin1(c.name));
    if (!c.options.isEmpty())
        text += QStringLiteral(" [OPTIONS]");
    if (!c.arguments.isEmpty())
        text += u' ' + c.arguments;
    text += u'\n' + QCoreApplication::translate("cb::cli::Cli", c.summary) + u'\n';
    for (const QCommandLineOption &o : c.options)
        text += QStringLiteral("  %1%2\n")
                    .arg(QStringLiteral("--") + o.names().constLast() + u' ' + o.valueName(), -26)
                    .arg(o.description());
    return text;
}

} // namespace

int run(const QStringList &args, QTextStream &out, QTextStream &err, const QProcessEnvironment &env)
{
    const QString program = QStringLiteral("caseboard-cli");
    try {
        // First pass: global options up to the command name.
        QCommandLineParser global;
        global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
        global.addOptions(globalOptions());
        if (!global.parse(QStringList{program} + args))
            throw UsageProblem{global.errorText()};
        if (global.positionalArguments().isEmpty()) {
            if (global.isSet(QStringLiteral("help"))) {
                out << usage();
                return Success;
            }
            throw UsageProblem{Tr::tr("no command given")};
        }
        const QString name = global.positionalArguments().constFirst();
        if (name == QLatin1String("help")) {
            out << usage();
            return Success;
        }
        const QList<Command> all = commands();
        const auto it = std::find_if(all.begin(), all.end(), [&](const Command &c) { return name == QLatin1String(c.name); });
        if (it == all.end())
            throw UsageProblem{Tr::tr("unknown command: %1").arg(name)};

        // Second pass: the command's options, with the global ones accepted anywhere.
        QCommandLineParser parser;
        parser.addOptions(globalOptions());
        parser.addOptions(it->options);
        QStringList rest = global.positionalArguments().mid(1);
        if (!parser.parse(QStringList{program} + rest))
            throw UsageProblem{parser.errorText()};
        if (parser.isSet(QStringLiteral("help")) || global.isSet(QStringLiteral("help"))) {
            out << commandUsage(*it);
            return Success;
        }
        if (global.isSet(QStringLiteral("passphrase")) || parser.isSet(QStringLiteral("passphrase")))
            throw UsageProblem{Tr::tr("--passphrase is not accepted: a passphrase on the command line shows in the "
                                    "process list and shell history. Use --passphrase-file FILE or CASEBOARD_PASSPHRASE.")};

        Context ctx{out, err, env, {}, {}, parser.positionalArguments(), &parser, {}, {}};
        auto pick = [&](const QString &opt) {
            return parser.isSet(opt) ? parser.value(opt) : global.value(opt);
        };
        ctx.dbPath = pick(QStringLiteral("db"));
        if (ctx.dbPath.isEmpty())
            ctx.dbPath = defaultCaseFile();
        ctx.passphraseFile = pick(QStringLiteral("passphrase-file"));
        ctx.user = pick(QStringLiteral("user"));
        ctx.recoveryKeyFile = pick(QStringLiteral("recovery-key-file"));
        const int rc = it->run(ctx);
        out.flush();
        return rc;
    } catch (const UsageProblem &e) {
        out.flush();
        err << program << ": " << e.message << '\n' << Tr::tr("Try 'caseboard-cli --help'.") << '\n';
        err.flush();
        return UsageError;
    } catch (const Error &e) {
        out.flush();
        err << program << ": " << e.message() << '\n';
        err.flush();
        return Failure;
    } catch (const std::exception &e) {
        out.flush();
        err << program << ": " << QString::fromLocal8Bit(e.what()) << '\n';
        err.flush();
        return Failure;
    }
}

} // namespace cb::cli
