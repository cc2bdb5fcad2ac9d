// A writer for tst_durability's crash test, run as a child process and killed with SIGKILL at a
// random moment. It opens (or creates) the case file, prints "ready N" (N: the row it will write
// first, one past the highest in the file), waits for "go" on stdin, then commits numbered rows
// one action at a time through CaseStore; after each commit returns it prints "ack N" and
// flushes: a row it has acknowledged must survive the kill.
//
//   crash_writer <case file>      passphrase in CASEBOARD_PASSPHRASE
//
// Row N is one of three shapes, so that the test can tell a half-applied action from a whole one:
//   N % 5 == 0       a lead              "row N sha256=<hex> <payload>"
//   N % 10 == 3      a note and a lead, in one batch (both or neither may survive)
//   otherwise        a note
// <payload> starts with "payload N " and its SHA-256 is <hex>; payload sizes vary so that some
// rows spill onto overflow pages.

#include "model/domain/Domain.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Error.h"
#include "model/storage/SecretBytes.h"
#include "model/store/CaseStore.h"
#include "model/util/Clock.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cstdio>
#include <cstring>

using namespace cb;
using namespace Qt::StringLiterals;

namespace {

const QString kCaseNumber = u"DUR-0001"_s;
// A bound on one run, in case the test that should kill it is gone (a closed pipe ends it anyway).
constexpr qint64 kMaxRowsPerRun = 20000;

QString payload(qint64 n)
{
    QRandomGenerator gen(static_cast<quint32>(n * 2654435761u));
    // Mostly a few hundred bytes; one row in fifty larger than a page, onto overflow pages.
    const int length = n % 50 == 7 ? 4100 + int(gen.bounded(600)) : 20 + int(gen.bounded(250));
    QString text = u"payload %1 "_s.arg(n);
    text.reserve(text.size() + length);
    for (int i = 0; i < length; ++i)
        text += QChar(char16_t(u'a' + gen.bounded(26)));
    return text;
}

QString rowText(qint64 n)
{
    const QString p = payload(n);
    const QByteArray hex = QCryptographicHash::hash(p.toUtf8(), QCryptographicHash::Sha256).toHex();
    return u"row %1 sha256=%2 %3"_s.arg(n).arg(QString::fromLatin1(hex), p);
}

qint64 highestRow(CaseStore &store, Id caseId)
{
    static const QRegularExpression rowNumber(u"^row (\\d+) "_s);
    qint64 highest = 0;
    auto consider = [&](const QString &text) {
        const auto m = rowNumber.match(text);
        if (m.hasMatch())
            highest = std::max(highest, m.captured(1).toLongLong());
    };
    for (const Note &note : store.notes(caseId))
        consider(note.body);
    for (const Lead &lead : store.leads(caseId))
        consider(lead.description);
    return highest;
}

Id ensureCase(CaseStore &store)
{
    if (const auto existing = store.caseByNumber(kCaseNumber))
        return existing->id;
    CaseRecord c;
    c.caseNumber = kCaseNumber;
    c.incidentDate = QDate(2024, 3, 2);
    c.address = u"1300 block S Durability Ave"_s;
    Victim v;
    v.name = u"Victim Durable"_s;
    return store.createCase(c, { v });
}

Lead leadFor(Id caseId, qint64 n)
{
    Lead l;
    l.caseId = caseId;
    l.description = rowText(n);
    l.source = LeadSource::TipLine;
    l.createdDate = QDate(2024, 6, 1);
    return l;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // The file it creates is a test's: key slots at a test cost (every run signs in again).
    auth::weakenNewSlotsForTests();
    if (argc != 2) {
        std::fputs("usage: crash_writer <case file>  (passphrase in CASEBOARD_PASSPHRASE)\n", stderr);
        return 64;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    QByteArray phrase = qgetenv("CASEBOARD_PASSPHRASE");
    const SecretBytes secret = SecretBytes::fromPassphrase(QString::fromUtf8(phrase));
    phrase.fill('\0');
    try {
        auto file = QFileInfo::exists(path) ? CaseFile::open(path, secret) : CaseFile::create(path, secret);
        const FixedClock clock(QDateTime(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC));
        CaseStore store(*file, clock);
        store.setActor({ std::nullopt, u"system:crash-writer"_s });
        const Id caseId = ensureCase(store);
        const qint64 first = highestRow(store, caseId) + 1;
        // The test may be reading the file, checking the last crash: no write until it says go.
        std::printf("ready %lld\n", static_cast<long long>(first));
        std::fflush(stdout);
        char go[8] = {};
        if (!std::fgets(go, sizeof go, stdin) || std::strcmp(go, "go\n") != 0)
            return 3;
        for (qint64 n = first; n < first + kMaxRowsPerRun; ++n) {
            if (n % 10 == 3) {
                store.batch([&] {
                    store.addNote(caseId, rowText(n));
                    store.addLead(leadFor(caseId, n));
                });
            } else if (n % 5 == 0) {
                store.addLead(leadFor(caseId, n));
            } else {
                store.addNote(caseId, rowText(n));
            }
            std::printf("ack %lld\n", static_cast<long long>(n));
            std::fflush(stdout);
        }
    } catch (const Error &e) {
        std::fprintf(stderr, "crash_writer: %s\n", e.what());
        return 2;
    }
    return 0;
}
