// The audit trail as a hash chain (schema 3): every row written through CaseStore is linked to the
// one before, the migration chains the rows of older files, a JSON round trip keeps the chain, and
// verify() names the first row where an edit, deletion, reordering or insertion broke it.
// Expected hashes are recomputed here with QCryptographicHash from the definition
// (docs/json-format.md): sha256(previous hash hex + "\n" + json_array(the row's columns)).

#include "TestSupport.h"

#include "model/io/JsonExchange.h"
#include "model/storage/Backup.h"
#include "model/storage/AuditChain.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Database.h"
#include "model/storage/Error.h"
#include "model/storage/Schema.h"
#include "model/store/CaseStore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace cb;
using namespace cb::test;
using namespace Qt::StringLiterals;

namespace {

// A new path becomes an old-format file, keyed with the passphrase itself (CaseFile::rawConnection).
db::Database rawKeyed(const QString &path, db::OpenMode mode = db::OpenMode::ReadWrite)
{
    const SecretBytes pass = secret();
    db::Database db = CaseFile::rawConnection(path, SignIn{QString(), pass}, mode);
    db.setBusyTimeout(5000);
    return db;
}

struct Row {
    qint64 id = 0;
    QByteArray hash; // empty when NULL
    bool hashNull = false;
    QByteArray canonical;
};

QList<Row> auditRows(db::Database &db)
{
    QList<Row> rows;
    db::Statement s = db.prepare("SELECT id, hash, json_array(id, at, actor_id, actor, action, entity, entity_id, "
                                 "case_id, field, old_value, new_value) FROM audit ORDER BY id");
    while (s.step())
        rows << Row{s.int64(0), s.text(1).toLatin1(), s.isNull(1), s.text(2).toUtf8()};
    return rows;
}

QByteArray sha256Hex(const QByteArray &previous, const QByteArray &canonical)
{
    return QCryptographicHash::hash(QByteArray(previous + '\n' + canonical), QCryptographicHash::Sha256).toHex();
}

// Every stored hash must be the link recomputed here.
void checkChain(const QList<Row> &rows)
{
    QByteArray previous;
    for (const Row &r : rows) {
        QVERIFY2(!r.hashNull, qPrintable(u"row %1 has no hash"_s.arg(r.id)));
        QCOMPARE(r.hash, sha256Hex(previous, r.canonical));
        previous = r.hash;
    }
}

const CaseFile::Check *findCheck(const QList<CaseFile::Check> &checks, const QString &name)
{
    for (const auto &c : checks)
        if (c.name == name)
            return &c;
    return nullptr;
}

QString describe(const QList<CaseFile::Check> &checks)
{
    QStringList out;
    for (const auto &c : checks)
        out << c.name + (c.ok ? u": ok"_s : u": "_s + c.problems.join(u" | "_s));
    return out.join(u"\n"_s);
}

// A case with some history: creates, updates (a REAL among them), notes.
void addHistory(CaseStore &store)
{
    const SampleCase s = addSampleCase(store);
    CaseRecord c = *store.caseById(s.caseId);
    c.summary = u"Shot outside the corner store"_s;
    c.latitude = 41.8781136;
    c.longitude = -87.6297982;
    store.updateCase(c);
    const Id note = store.addNote(s.caseId, u"Canvass of the 1200 block done."_s);
    store.addNote(s.caseId, u"Canvass of the 1300 block, not 1200."_s, note);
}

} // namespace

class TestAuditChain : public QObject {
    Q_OBJECT

private slots:
    void freshFileChains();
    void tampering_data();
    void tampering();
    void truncationIsNotSeenFromTheFile();
    void aBackupCatchesACutTrail();
    void aBackupCatchesARewrittenTrail();
    void triggerRefusesEveryChange();
    void chainHeadAndContains();
    void migrationChainsExistingRows();
    void jsonRoundTripKeepsTheChain();
    void jsonImportRefusesABrokenChain();
};

void TestAuditChain::freshFileChains()
{
    QTemporaryDir dir;
    Fixture f(dir.path());
    addHistory(*f.store);
    db::Database raw = rawKeyed(f.path);
    const QList<Row> rows = auditRows(raw);
    QVERIFY(rows.size() >= 8);
    // The first two links spelled out: the first row links to "".
    QCOMPARE(rows[0].hash, QCryptographicHash::hash(QByteArray("\n" + rows[0].canonical), QCryptographicHash::Sha256).toHex());
    QCOMPARE(rows[1].hash,
             QCryptographicHash::hash(QByteArray(rows[0].hash + "\n" + rows[1].canonical), QCryptographicHash::Sha256).toHex());
    QCOMPARE(rows[0].hash.size(), 64);
    checkChain(rows);

    const QList<CaseFile::Check> checks = f.file->verify();
    const CaseFile::Check *chain = findCheck(checks, u"audit chain"_s);
    QVERIFY(chain);
    QVERIFY2(chain->ok, qPrintable(describe(checks)));
}

void TestAuditChain::tampering_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<int>("brokenRow"); // 0: the row after the last one
    QTest::addColumn<QString>("expected");
    const QString mismatch = u"does not match its hash"_s;
    QTest::newRow("row edited") << u"edit"_s << 3 << mismatch;
    QTest::newRow("row deleted") << u"delete"_s << 4 << mismatch; // row 3 gone: row 4's link breaks
    QTest::newRow("two rows swapped") << u"swap"_s << 2 << mismatch;
    QTest::newRow("row inserted with a forged hash") << u"forge"_s << 0 << mismatch;
    QTest::newRow("row inserted without a hash") << u"nohash"_s << 0 << u"has no hash"_s;
}

void TestAuditChain::tampering()
{
    QFETCH(QString, how);
    QFETCH(int, brokenRow);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    Fixture f(dir.path());
    addHistory(*f.store);
    {
        // An attacker with the passphrase and a raw connection removes the guards first.
        db::Database raw = rawKeyed(f.path);
        const QList<Row> before = auditRows(raw);
        QVERIFY(before.size() >= 6);
        if (brokenRow == 0)
            brokenRow = static_cast<int>(before.last().id + 1);
        raw.execScript("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;");
        if (how == u"edit"_s) {
            raw.execScript("UPDATE audit SET actor = 'someone else' WHERE id = 3");
        } else if (how == u"delete"_s) {
            raw.execScript("DELETE FROM audit WHERE id = 3");
        } else if (how == u"swap"_s) {
            raw.execScript("UPDATE audit SET id = -2 WHERE id = 2; UPDATE audit SET id = 2 WHERE id = 4; "
                           "UPDATE audit SET id = 4 WHERE id = -2;");
        } else {
            db::Statement ins = raw.prepare("INSERT INTO audit (at, actor, action, entity, hash) "
                                            "VALUES (1718452800000, 'cli', 'export', 'case_file', ?1)");
            if (how == u"forge"_s)
                ins.bind(1, QString::fromLatin1(before.last().hash)); // a well-formed hash, not the link
            else
                ins.bindNull(1);
            ins.run();
        }
        QCOMPARE(raw.changes(), 1);
    }
    const QList<CaseFile::Check> checks = f.file->verify();
    const CaseFile::Check *chain = findCheck(checks, u"audit chain"_s);
    QVERIFY(chain);
    QVERIFY(!chain->ok);
    QCOMPARE(chain->problems.size(), 1); // the first broken link only
    const QString problem = chain->problems.first();
    QVERIFY2(problem.startsWith(u"entry %1 "_s.arg(brokenRow)), qPrintable(problem));
    QVERIFY2(problem.contains(expected), qPrintable(problem));
}

void TestAuditChain::truncationIsNotSeenFromTheFile()
{
    // Documented limitation: the rest of the chain is still valid. Backups record the head.
    QTemporaryDir dir;
    Fixture f(dir.path());
    addHistory(*f.store);
    {
        db::Database raw = rawKeyed(f.path);
        raw.execScript("DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = (SELECT max(id) FROM audit);");
        QCOMPARE(raw.changes(), 1);
    }
    const CaseFile::Check *chain = nullptr;
    const QList<CaseFile::Check> checks = f.file->verify();
    chain = findCheck(checks, u"audit chain"_s);
    QVERIFY(chain);
    QVERIFY2(chain->ok, qPrintable(describe(checks)));
}

namespace {
// A file with history, a backup of it, and more work after the backup.
struct WithBackup {
    explicit WithBackup(const QString &dir)
        : f(dir)
    {
        addHistory(*f.store);
        backup = dir + u"/backup.caseboard"_s;
        backupCaseFile(*f.file, backup, secret());
        copy = CaseFile::openReadOnly(backup, secret());
        backupHead = audit::head(copy->db()).id;
        addSampleCase(*f.store, u"HZ-2024-002"_s); // after the backup
    }
    Fixture f;
    QString backup;
    std::unique_ptr<CaseFile> copy;
    qint64 backupHead = 0;
};

void deleteEntriesAfter(const QString &path, qint64 id)
{
    db::Database raw = rawKeyed(path);
    raw.execScript("DROP TRIGGER audit_no_delete;");
    db::Statement del = raw.prepare("DELETE FROM audit WHERE id > ?1");
    del.bind(1, id);
    del.run();
}
} // namespace

void TestAuditChain::aBackupCatchesACutTrail()
{
    QTemporaryDir dir;
    WithBackup w(dir.path());
    QVERIFY(w.backupHead > 3);
    QVERIFY(audit::head(w.f.file->db()).id > w.backupHead);
    // The trail grew after the backup: it holds the backup's whole trail.
    QCOMPARE(audit::compareWithCopy(w.f.file->db(), w.copy->db(), u"the backup"_s), QStringList());

    // Cut back to two entries before the backup's head: the chain that is left holds, but the
    // backup's last two entries are missing.
    deleteEntriesAfter(w.f.path, w.backupHead - 2);
    QVERIFY(!audit::firstBrokenLink(w.f.file->db()));
    const QStringList problems = audit::compareWithCopy(w.f.file->db(), w.copy->db(), u"the backup"_s);
    QCOMPARE(problems.size(), 1);
    const QString expected = u"ends at entry %1, but the backup holds entries up to %2: entries %3 to %2 were cut off"_s
                                 .arg(w.backupHead - 2)
                                 .arg(w.backupHead)
                                 .arg(w.backupHead - 1);
    QVERIFY2(problems[0].contains(expected), qPrintable(problems[0]));
}

void TestAuditChain::aBackupCatchesARewrittenTrail()
{
    QTemporaryDir dir;
    WithBackup w(dir.path());
    // Someone with the key cuts the last three entries the backup holds and writes a new, well
    // chained history in their place, longer than the backup's.
    const qint64 from = w.backupHead - 2;
    deleteEntriesAfter(w.f.path, from - 1);
    {
        db::Database raw = rawKeyed(w.f.path);
        raw.addSha256Function();
        db::Statement forge = raw.prepare(
            "INSERT INTO audit (id, at, actor, action, entity, hash) SELECT ?1, 0, 'x', 'forged', 'case', "
            "cb_sha256((SELECT hash FROM audit WHERE id = ?1 - 1) || char(10) || "
            "json_array(?1, 0, NULL, 'x', 'forged', 'case', NULL, NULL, NULL, NULL, NULL))");
        for (qint64 id = from; id <= w.backupHead + 5; ++id) {
            forge.reset();
            forge.bind(1, id);
            forge.run();
        }
    }
    QVERIFY2(!audit::firstBrokenLink(w.f.file->db()), "the forged entries are chained like real ones");
    QVERIFY(audit::head(w.f.file->db()).id > w.backupHead);
    const QStringList problems = audit::compareWithCopy(w.f.file->db(), w.copy->db(), u"the backup"_s);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems[0].startsWith(u"entry %1 of the audit trail is not the one the backup holds"_s.arg(from)),
             qPrintable(problems[0]));
}

void TestAuditChain::triggerRefusesEveryChange()
{
    // The hash is written by the INSERT itself: no entry is ever updated, not even its hash.
    QTemporaryDir dir;
    Fixture f(dir.path());
    addHistory(*f.store);
    db::Database raw = rawKeyed(f.path);
    auto refused = [&](const char *sql) {
        try {
            raw.execScript(sql);
        } catch (const Error &) {
            return true;
        }
        return false;
    };
    const QVariant before = raw.scalar("SELECT group_concat(hash, ',') FROM audit");
    QVERIFY(refused("UPDATE audit SET hash = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' WHERE id = 1"));
    QVERIFY(refused("UPDATE audit SET hash = NULL WHERE id = 1"));
    QVERIFY(refused("UPDATE audit SET actor = 'x' WHERE id = 2"));
    QVERIFY(refused("DELETE FROM audit WHERE id = 1"));
    QVERIFY(refused("INSERT INTO audit (at, actor, action, entity, hash) VALUES (1, 'cli', 'export', 'case_file', 'NOT HEX')"));
    QCOMPARE(raw.scalar("SELECT group_concat(hash, ',') FROM audit"), before);
}

void TestAuditChain::chainHeadAndContains()
{
    QTemporaryDir dir;
    Fixture f(dir.path());
    QCOMPARE(audit::head(f.file->db()), audit::ChainHead{});
    addHistory(*f.store);
    const audit::ChainHead earlier = audit::head(f.file->db());
    QVERIFY(earlier.id > 0);
    QCOMPARE(earlier.hash.size(), 64);
    f.store->addNote(f.store->caseSummaries().value(0).id, u"One more note."_s);
    const audit::ChainHead later = audit::head(f.file->db());
    QCOMPARE(later.id, earlier.id + 1);
    QVERIFY(audit::contains(f.file->db(), earlier));
    QVERIFY(audit::contains(f.file->db(), later));
    QVERIFY(!audit::contains(f.file->db(), audit::ChainHead{later.id + 1, later.hash}));
    QVERIFY(!audit::contains(f.file->db(), audit::ChainHead{earlier.id, later.hash}));
}

void TestAuditChain::migrationChainsExistingRows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"v2.caseboard"_s);
    {
        // A schema-2 file as an older CaseBoard wrote it: rows and their audit entries, no hashes.
        db::Database db = rawKeyed(path, db::OpenMode::ReadWriteCreate);
        db.execScript("PRAGMA application_id = " + std::to_string(schema::kApplicationId));
        schema::migrate(db, 2);
        QCOMPARE(schema::currentVersion(db), 2);
        db.execScript(
            "INSERT INTO members (name, badge, role) VALUES ('Dana Reyes', 'D-100', 'detective');"
            "INSERT INTO audit (at, actor, action, entity, entity_id, new_value) SELECT 1700000000000, "
            "'system:old', 'create', 'member', id, json_object('id', id, 'name', name, 'badge', badge, 'rank', rank, "
            "'team', team, 'role', role, 'active', active) FROM members;"
            "UPDATE members SET team = 'North';"
            "INSERT INTO audit (at, actor, action, entity, entity_id, field, old_value, new_value) "
            "VALUES (1700000000001, 'system:old', 'update', 'member', 1, 'team', '', 'North');"
            "INSERT INTO audit (at, actor, action, entity, new_value) "
            "VALUES (1700000000002, 'system:old', 'export', 'case_file', 2.5);");
    }
    {
        auto file = CaseFile::open(path, secret());
        QCOMPARE(file->schemaVersion(), schema::latestVersion());
        const QList<CaseFile::Check> checks = file->verify();
        for (const auto &c : checks)
            QVERIFY2(c.ok, qPrintable(describe(checks)));
        // New rows continue the chain from the migrated ones.
        FixedClock clock(QDateTime(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC));
        CaseStore store(*file, clock);
        addSampleCase(store);
        for (const auto &c : file->verify())
            QVERIFY2(c.ok, qPrintable(c.name + u": "_s + c.problems.join(u" | "_s)));
    }
    db::Database raw = rawKeyed(path);
    const QList<Row> rows = auditRows(raw);
    QVERIFY(rows.size() > 3);
    QCOMPARE(rows[2].canonical, QByteArray(R"([3,1700000000002,null,"system:old","export","case_file",null,null,null,null,2.5])"));
    checkChain(rows);
}

void TestAuditChain::jsonRoundTripKeepsTheChain()
{
    QTemporaryDir dir;
    QByteArray document;
    QList<Row> original;
    {
        Fixture a(dir.path(), u"a.caseboard"_s);
        addHistory(*a.store);
        db::Database raw = rawKeyed(a.path);
        original = auditRows(raw);
        QBuffer out(&document);
        QVERIFY(out.open(QIODevice::WriteOnly));
        io::exportJson(*a.store, out);
    }
    QVERIFY(document.contains(QByteArray("\"hash\": \"" + original.last().hash + '"')));

    Fixture b(dir.path(), u"b.caseboard"_s);
    QBuffer in(&document);
    QVERIFY(in.open(QIODevice::ReadOnly));
    io::importJson(*b.store, in, u"a.json"_s);
    const QList<CaseFile::Check> checks = b.file->verify();
    for (const auto &c : checks)
        QVERIFY2(c.ok, qPrintable(describe(checks)));

    db::Database raw = rawKeyed(b.path);
    const QList<Row> imported = auditRows(raw);
    // The exported rows as they were, then B's 'import' event linked to the last of them.
    QCOMPARE(imported.size(), original.size() + 1);
    for (qsizetype i = 0; i < original.size(); ++i) {
        QCOMPARE(imported[i].canonical, original[i].canonical);
        QCOMPARE(imported[i].hash, original[i].hash);
    }
    QVERIFY(imported.last().canonical.contains("\"import\""));
    QCOMPARE(imported.last().hash, sha256Hex(original.last().hash, imported.last().canonical));
    checkChain(imported);
}

void TestAuditChain::jsonImportRefusesABrokenChain()
{
    QTemporaryDir dir;
    QByteArray document;
    {
        Fixture a(dir.path(), u"a.caseboard"_s);
        addHistory(*a.store);
        QBuffer out(&document);
        QVERIFY(out.open(QIODevice::WriteOnly));
        io::exportJson(*a.store, out);
    }
    // A hand edit of the third entry's actor, hashes left as they were.
    QJsonObject root = QJsonDocument::fromJson(document).object();
    QJsonObject tables = root.value(u"tables"_s).toObject();
    QJsonArray trail = tables.value(u"audit"_s).toArray();
    QVERIFY(trail.size() > 3);
    QJsonObject third = trail.at(2).toObject();
    QCOMPARE(third.value(u"id"_s).toInteger(), 3);
    third.insert(u"actor"_s, u"someone else"_s);
    trail.replace(2, third);
    tables.insert(u"audit"_s, trail);
    root.insert(u"tables"_s, tables);
    QByteArray edited = QJsonDocument(root).toJson();

    Fixture b(dir.path(), u"b.caseboard"_s);
    QBuffer in(&edited);
    QVERIFY(in.open(QIODevice::ReadOnly));
    try {
        io::importJson(*b.store, in, u"a.json"_s);
        QFAIL("a broken chain was imported");
    } catch (const Error &e) {
        QVERIFY2(e.message().startsWith(u"a.json: tables.audit[2]: entry 3 does not match its hash"_s),
                 qPrintable(e.message()));
    }
    QCOMPARE(b.file->db().scalar("SELECT count(*) FROM audit").toLongLong(), 0);
    QCOMPARE(b.file->db().scalar("SELECT count(*) FROM cases").toLongLong(), 0);
}

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_auditchain.moc"