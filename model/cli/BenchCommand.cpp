#include "model/cli/BenchCommand.h"

#include "model/auth/Crypto.h"
#include "model/auth/KdfParams.h"
#include "model/io/PublicImport.h"
#include "model/stats/Dashboard.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Error.h"
#include "model/storage/SecretBytes.h"
#include "model/store/CaseStore.h"
#include "model/util/Clock.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <sys/resource.h>

#include <algorithm>

namespace cb::cli {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::cli::Bench)
};

struct Timing {
    QString name;
    QList<double> ms;
};

Timing measure(const QString &name, int runs, const std::function<void()> &fn)
{
    Timing t{name, {}};
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        fn();
        t.ms << static_cast<double>(timer.nsecsElapsed()) / 1e6;
    }
    return t;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

} // namespace

Tabular runBench(const BenchOptions &options, const SecretBytes &passphrase,
                 const std::function<void(const QString &)> &progress)
{
    Tabular table;
    table.columns = {QStringLiteral("measure"), QStringLiteral("runs"), QStringLiteral("median_ms"),
                     QStringLiteral("min_ms"), QStringLiteral("max_ms")};
    auto record = [&](const Timing &t) {
        const auto [lo, hi] = std::minmax_element(t.ms.begin(), t.ms.end());
        table.rows << QVariantList{t.name, static_cast<int>(t.ms.size()), median(t.ms), *lo, *hi};
        progress(QStringLiteral("%1: median %2 ms").arg(t.name).arg(median(t.ms), 0, 'f', 1));
    };
    const int runs = std::max(1, options.runs);

    // The KDF alone, as signing in to this file runs it: Argon2id at the standard cost for a file
    // with key slots (each slot stores its cost; new slots get the standard one), PBKDF2-HMAC-SHA512
    // with 256,000 iterations for an old-format file (SQLCipher 4 derives its key so).
    if (CaseFile::databaseOffset(options.caseFile) > 0) {
        const auth::KdfParams kdf = auth::KdfParams::standard();
        record(measure(QStringLiteral("kdf_argon2id_64m_t3"), runs, [&] {
            QByteArray salt(16, '\0');
            RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), static_cast<int>(salt.size()));
            auth::crypto::argon2id(passphrase, salt, kdf.iterations, kdf.memoryKiB, kdf.lanes, 32);
        }));
    } else {
        record(measure(QStringLiteral("kdf_pbkdf2_sha512_256k"), runs, [&] {
            unsigned char salt[16];
            unsigned char out[64];
            RAND_bytes(salt, sizeof salt);
            PKCS5_PBKDF2_HMAC(passphrase.data(), static_cast<int>(passphrase.size()), salt, sizeof salt, 256000,
                              EVP_sha512(), sizeof out, out);
        }));
    }
    record(measure(QStringLiteral("open"), runs, [&] { CaseFile::openReadOnly(options.caseFile, passphrase); }));

    auto file = CaseFile::openReadOnly(options.caseFile, passphrase);
    db::Database &db = file->db();
    const QDate asOf = QDate::currentDate();
    const QDate fiveYears(asOf.year() - 4, 1, 1);
    using namespace cb::stats;
    record(measure(QStringLiteral("snapshot_load"), runs, [&] { Snapshot::load(db, asOf); }));
    record(measure(QStringLiteral("clearance_by_month_5y"), runs, [&] {
        periodRates(Snapshot::load(db, asOf), periods(Granularity::Month, fiveYears, asOf), GroupBy::None);
    }));
    record(measure(QStringLiteral("cohort_by_year_5y"), runs, [&] {
        cohortRates(Snapshot::load(db, asOf), periods(Granularity::Year, fiveYears, asOf), GroupBy::None, asOf);
    }));
    record(measure(QStringLiteral("cohort_by_area"), runs, [&] {
        cohortRates(Snapshot::load(db, asOf), periods(Granularity::Year, fiveYears, asOf), GroupBy::Area, asOf);
    }));
    record(measure(QStringLiteral("time_to_clear_5y"), runs,
                   [&] { timeToClear(Snapshot::load(db, asOf), fiveYears, asOf, GroupBy::None, asOf); }));
    record(measure(QStringLiteral("caseload"), runs, [&] { caseload(db, asOf, CaseloadOptions{}); }));
    record(measure(QStringLiteral("dashboard"), runs, [&] { computeDashboard(db, asOf); }));
    file.reset();

    if (!options.wapoFile.isEmpty()) {
        QTemporaryDir scratch(options.scratchDir.isEmpty() ? QDir::tempPath() + QStringLiteral("/caseboard-bench-XXXXXX")
                                                           : options.scratchDir + QStringLiteral("/bench-XXXXXX"));
        if (!scratch.isValid())
            throw Error(ErrorKind::Io, Tr::tr("Cannot create a scratch folder for the import benchmark."));
        int n = 0;
        Timing t{QStringLiteral("import_wapo"), {}};
        for (int i = 0; i < std::min(runs, 3); ++i) {
            auto target = CaseFile::create(scratch.filePath(QStringLiteral("import-%1.caseboard").arg(++n)), passphrase);
            SystemClock clock;
            CaseStore store(*target, clock);
            store.setActor({std::nullopt, QStringLiteral("bench")});
            QFile in(options.wapoFile);
            if (!in.open(QIODevice::ReadOnly))
                throw Error(ErrorKind::Invalid, Tr::tr("%1: %2").arg(options.wapoFile, in.errorString()));
            io::PublicImportOptions o;
            o.format = io::PublicFormat::Wapo;
            o.skipBad = true; // the Post file has two rows with impossible dates
            o.fileName = options.wapoFile;
            QElapsedTimer timer;
            timer.start();
            io::importPublic(store, in, o);
            t.ms << static_cast<double>(timer.nsecsElapsed()) / 1e6;
        }
        record(t);
    }

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double peakMb = static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
    table.rows << QVariantList{QStringLiteral("peak_rss_mb"), 1, peakMb, peakMb, peakMb};
    progress(QStringLiteral("peak memory: %1 MB").arg(peakMb, 0, 'f', 1));
    return table;
}

} // namespace cb::cli
