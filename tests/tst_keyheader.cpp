// The key header: its two copies, how a reader picks one, and that a header write cut short at
// any point leaves either the old header or the new one. The cuts are made by FaultVfs, installed
// as the default VFS before anything opens a file, so that it sits under the container VFS and
// under the header's own reads and writes.

#include "FaultVfs.h"
#include "TestSupport.h"

#include "model/auth/Accounts.h"
#include "model/auth/Crypto.h"
#include "model/auth/KeyHeader.h"
#include "model/auth/Vault.h"
#include "model/storage/CaseFile.h"
#include "model/storage/ContainerVfs.h"
#include "model/storage/Error.h"
#include "model/storage/SecretBytes.h"
#include "model/store/CaseStore.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace cb;
using namespace cb::test;
using namespace Qt::StringLiterals;

namespace {

const QString kAdminPass = u"blue harbour lantern 42"_s;
const QString kDetectivePass = u"seven silver ferries at dawn"_s;
const QString kNewPass = u"a quite different passphrase"_s;

// Arbitrary bytes, the same for the same login: two sample headers made alike are equal.
QByteArray bytesFor(const QString &login, int field, int size)
{
    QRandomGenerator gen(quint32(qHash(login)) ^ quint32(field));
    QByteArray out(size, '\0');
    for (char &c : out)
        c = char(gen.bounded(256));
    return out;
}

auth::KeySlot sampleSlot(const QString &login, auth::KeySlot::Kind kind = auth::KeySlot::Kind::Account)
{
    auth::KeySlot s;
    s.kind = kind;
    s.login = login;
    s.kdf = kind == auth::KeySlot::Kind::Recovery ? auth::KdfParams::recoveryKey() : auth::KdfParams::standard();
    s.salt = bytesFor(login, 1, 16);
    s.publicKey = bytesFor(login, 2, 32);
    s.privateKeyNonce = bytesFor(login, 3, 12);
    s.wrappedPrivateKey = bytesFor(login, 4, 48);
    s.ephemeralPublicKey = bytesFor(login, 5, 32);
    s.fileKeyNonce = bytesFor(login, 6, 12);
    s.wrappedFileKey = bytesFor(login, 7, 48);
    s.createdAtMs = 1718452800000;
    return s;
}

auth::KeyHeader sampleHeader(std::uint64_t sequence)
{
    auth::KeyHeader h;
    h.sequence = sequence;
    auth::KeySlot a = sampleSlot(u"A-1"_s);
    // Failures and a lock as headers written before the sign-in record hold them (Lockout.h):
    // still part of the format, so such files keep reading as they are.
    a.failuresMs = {1718452800000, 1718452860000};
    a.droppedFailures = 3;
    a.lockedAtMs = 1718452900000;
    h.keySlots << a << sampleSlot(u"Ünïcødé-7"_s) << sampleSlot(u"recovery"_s, auth::KeySlot::Kind::Recovery);
    return h;
}

// A copy whose digest is recomputed after `edit`, so that only the content can make it invalid.
QByteArray resealed(QByteArray copy, const std::function<void(QByteArray &)> &edit)
{
    edit(copy);
    const auto be32 = [&](qsizetype at) {
        return (quint32(quint8(copy[at])) << 24) | (quint32(quint8(copy[at + 1])) << 16) |
               (quint32(quint8(copy[at + 2])) << 8) | quint32(quint8(copy[at + 3]));
    };
    const qsizetype end = 24 + qsizetype(be32(20));
    if (end + 32 <= copy.size())
        copy.replace(end, 32, auth::crypto::sha256(copy.left(end)));
    return copy;
}

QString newFile(const QTemporaryDir &dir, const QString &name = u"h.bin"_s)
{
    const QString path = dir.filePath(name);
    auto f = container::HeaderFile::open(path, container::HeaderFile::Mode::CreateNew);
    f->write(0, QByteArray(container::kHeaderSize, '\0'));
    f->sync();
    return path;
}

void writeCopy(const QString &path, int copy, const QByteArray &bytes)
{
    auto f = container::HeaderFile::open(path, container::HeaderFile::Mode::ReadWrite);
    f->write(auth::header::copyOffset(copy), bytes);
    f->sync();
}

auth::header::Copies readCopies(const QString &path)
{
    auto f = container::HeaderFile::open(path, container::HeaderFile::Mode::Read);
    return auth::header::read(*f);
}

bool opens(const QString &path, const QString &login, const QString &passphrase)
{
    try {
        const SecretBytes s = secret(passphrase);
        return CaseFile::openReadOnly(path, SignIn{login, s}) != nullptr;
    } catch (const Error &) {
        return false;
    }
}

// A case file with an administrator and a detective, cheap to sign in to.
QString makeUnit(const QString &dir)
{
    const QString path = dir + u"/unit.caseboard"_s;
    NewCaseFile spec;
    spec.adminLogin = u"A-1"_s;
    spec.adminName = u"Pat Admin"_s;
    spec.kdf = auth::KdfParams::weakForTestsOnly();
    CaseFile::Created c = CaseFile::create(path, spec, secret(kAdminPass));
    FixedClock clock(QDateTime(QDate(2024, 6, 15), QTime(12, 0), Qt::UTC));
    auth::Accounts(*c.file, clock)
        .add(u"D-7"_s, secret(kDetectivePass),
             Member{0, u"Dana Reyes"_s, u"D-7"_s, u"Detective"_s, u"Team 1"_s, Role::Detective, true},
             auth::KdfParams::weakForTestsOnly());
    CaseStore store(*c.file, clock);
    addSampleCase(store);
    return path;
}

} // namespace

class TestKeyHeader : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip();
    void decodeRefuses_data();
    void decodeRefuses();
    void currentCopy_data();
    void currentCopy();
    void commitWritesTheOtherCopyFirst();
    void tornWrites_data();
    void tornWrites();
    void damagedHeaderRefusedWithoutWriting();
    void passphraseChangeIsAtomic();
    void removalIsAllOrNothing();
};

void TestKeyHeader::initTestCase()
{
    FaultVfs::install();
    QVERIFY(FaultVfs::isInstalled());
}

void TestKeyHeader::roundTrip()
{
    const auth::KeyHeader h = sampleHeader(41);
    const QByteArray copy = auth::header::encodeCopy(h);
    QCOMPARE(copy.size(), qsizetype(container::kHeaderSize / 2));
    QVERIFY(copy.startsWith("CBKEYHDR"));
    const std::optional<auth::KeyHeader> back = auth::header::decodeCopy(copy);
    QVERIFY(back);
    QCOMPARE(*back, h);
    QCOMPARE(back->sequence, std::uint64_t(41));
    QCOMPARE(back->accountLogins(), (QStringList{u"A-1"_s, u"Ünïcødé-7"_s}));
    QVERIFY(back->recovery());
    // The padding is zeros: nothing of an earlier, longer header survives a write.
    const QByteArray payload = h.encodePayload();
    QCOMPARE(copy.mid(24 + payload.size() + 32), QByteArray(copy.size() - 24 - payload.size() - 32, '\0'));
}

void TestKeyHeader::decodeRefuses_data()
{
    QTest::addColumn<QByteArray>("copy");
    const QByteArray good = auth::header::encodeCopy(sampleHeader(5));
    const auto flipped = [&](qsizetype at) {
        QByteArray c = good;
        c[at] = char(~c[at]);
        return c;
    };
    QTest::newRow("byte flipped in the payload") << flipped(100);
    QTest::newRow("byte flipped in the sequence") << flipped(15);
    QTest::newRow("byte flipped in the digest") << flipped(24 + sampleHeader(5).encodePayload().size() + 3);
    QTest::newRow("torn: second half zero") << good.left(200) + QByteArray(good.size() - 200, '\0');
    QTest::newRow("truncated") << good.left(150);
    QTest::newRow("magic gone") << flipped(0);
    QTest::newRow("all zero") << QByteArray(good.size(), '\0');
    QTest::newRow("a newer format") << resealed(good, [](QByteArray &c) { c[11] = 2; });
    QTest::newRow("length past the copy") << resealed(good, [](QByteArray &c) { c[20] = char(0x7f); });
    auth::KeyHeader costly = sampleHeader(5);
    costly.keySlots[0].kdf.memoryKiB = 64u * 1024 * 1024; // 64 GiB: a crafted slot must not make us allocate it
    QTest::newRow("implausible Argon2 cost") << auth::header::encodeCopy(costly);
    auth::KeyHeader twice = sampleHeader(5);
    twice.keySlots << sampleSlot(u"A-1"_s);
    QTest::newRow("two slots for one login") << auth::header::encodeCopy(twice);
    auth::KeyHeader twoRecovery = sampleHeader(5);
    twoRecovery.keySlots << sampleSlot(u"recovery"_s, auth::KeySlot::Kind::Recovery);
    QTest::newRow("two recovery slots") << auth::header::encodeCopy(twoRecovery);
}

void TestKeyHeader::decodeRefuses()
{
    QFETCH(QByteArray, copy);
    QVERIFY(!auth::header::decodeCopy(copy));
}

void TestKeyHeader::currentCopy_data()
{
    QTest::addColumn<int>("a"); // the copy's sequence; 0: zeros; -1: a torn copy
    QTest::addColumn<int>("b");
    QTest::addColumn<int>("expected"); // the current sequence; 0: none
    QTest::addColumn<int>("index");
    QTest::newRow("B is newer") << 5 << 6 << 6 << 1;
    QTest::newRow("A is newer") << 8 << 7 << 8 << 0;
    QTest::newRow("equal: A") << 4 << 4 << 4 << 0;
    QTest::newRow("B torn: A") << 7 << -1 << 7 << 0;
    QTest::newRow("A torn: B") << -1 << 3 << 3 << 1;
    QTest::newRow("B never written") << 1 << 0 << 1 << 0;
    QTest::newRow("both torn") << -1 << -1 << 0 << -1;
    QTest::newRow("neither") << 0 << 0 << 0 << -1;
}

void TestKeyHeader::currentCopy()
{
    QFETCH(int, a);
    QFETCH(int, b);
    QFETCH(int, expected);
    QFETCH(int, index);
    QTemporaryDir dir;
    const QString path = newFile(dir);
    const auto bytesFor = [](int sequence) {
        if (sequence == 0)
            return QByteArray(container::kHeaderSize / 2, '\0');
        QByteArray c = auth::header::encodeCopy(sampleHeader(std::uint64_t(std::abs(sequence))));
        if (sequence < 0) // cut off in the middle of its slots
            c = c.left(300) + QByteArray(c.size() - 300, '\0');
        return c;
    };
    writeCopy(path, 0, bytesFor(a));
    writeCopy(path, 1, bytesFor(b));
    const auth::header::Copies copies = readCopies(path);
    QCOMPARE(copies.currentIndex(), index);
    const std::optional<auth::KeyHeader> current = copies.current();
    QCOMPARE(current ? int(current->sequence) : 0, expected);
    QCOMPARE(copies.settled(), a == b && a > 0);
}

void TestKeyHeader::commitWritesTheOtherCopyFirst()
{
    QTemporaryDir dir;
    const QString path = newFile(dir);
    auto f = container::HeaderFile::open(path, container::HeaderFile::Mode::ReadWrite);
    auth::header::writeFresh(*f, sampleHeader(0));
    QVERIFY(readCopies(path).settled());
    QCOMPARE(readCopies(path).current()->sequence, std::uint64_t(1));

    // The first write of a commit goes to the copy that is not current (B, as both are equal);
    // a stop right after it leaves the new header current and the old one in A.
    auth::KeyHeader next = sampleHeader(0);
    next.keySlots.removeFirst();
    {
        FaultVfs::Armed cut({FaultVfs::Write, 2, FaultVfs::Fault::IoError, true});
        f->lockForUpdate();
        const auth::KeyHeader written = auth::header::commit(*f, auth::header::read(*f), next);
        f->unlock();
        QCOMPARE(written.sequence, std::uint64_t(2));
        QCOMPARE(FaultVfs::failures(), qint64(1));
    }
    auth::header::Copies copies = readCopies(path);
    QCOMPARE(copies.currentIndex(), 1);
    QCOMPARE(copies.b->keySlots, next.keySlots);
    QCOMPARE(copies.a->sequence, std::uint64_t(1));
    QVERIFY(!copies.settled());
    // heal() finishes the job; the next commit then overwrites both again.
    auth::header::heal(*f, copies);
    QVERIFY(readCopies(path).settled());
    f->lockForUpdate();
    auth::header::commit(*f, auth::header::read(*f), sampleHeader(0));
    f->unlock();
    copies = readCopies(path);
    QVERIFY(copies.settled());
    QCOMPARE(copies.current()->sequence, std::uint64_t(3));
    QCOMPARE(copies.current()->keySlots, sampleHeader(0).keySlots);
}

void TestKeyHeader::tornWrites_data()
{
    QTest::addColumn<int>("phase"); // 1: the commit's first write is torn; 2: its second
    // Bytes of the new copy that reached the disk; negative: counted back from the end of its
    // digest (the rest of a copy is zero padding).
    QTest::addColumn<int>("cutCode");
    for (int phase : {1, 2})
        for (int cut : {0, 8, 24, 100, -33, -1, 0x7fff})
            QTest::addRow("phase %d, cut %d", phase, cut) << phase << cut;
}

void TestKeyHeader::tornWrites()
{
    // A real case file whose passphrase changes: the new header's bytes are known from a change
    // made on a copy; a torn write is then laid over the original by hand.
    QFETCH(int, phase);
    QFETCH(int, cutCode);
    QTemporaryDir dir;
    const QString path = makeUnit(dir.path());
    const QString changed = dir.filePath(u"changed.caseboard"_s);
    QVERIFY(QFile::copy(path, changed));
    {
        auto file = CaseFile::open(changed, SignIn{u"D-7"_s, secret(kDetectivePass)});
        FixedClock clock(QDateTime(QDate(2024, 6, 15), QTime(13, 0), Qt::UTC));
        auth::Accounts(*file, clock).changePassphrase(u"D-7"_s, secret(kNewPass), auth::KdfParams::weakForTestsOnly());
    }
    const auth::header::Copies before = readCopies(path);
    QVERIFY(before.settled());
    const QByteArray newCopy = auth::header::encodeCopy(*readCopies(changed).current());
    const int target = before.currentIndex() == 0 ? 1 : 0; // what commit() writes first
    const int whole = int(24 + readCopies(changed).current()->encodePayload().size() + 32);
    const int cut = cutCode < 0 ? whole + cutCode : std::min(cutCode, int(newCopy.size()));
    QByteArray torn = auth::header::encodeCopy(*before.current());
    torn.replace(0, cut, newCopy.left(cut));
    if (phase == 2) // the first write whole, the second one torn
        writeCopy(path, target, newCopy);
    writeCopy(path, phase == 1 ? target : 1 - target, torn);

    const bool newWins = phase == 2 || cut >= whole;
    QCOMPARE(opens(path, u"D-7"_s, kDetectivePass), !newWins);
    QCOMPARE(opens(path, u"D-7"_s, kNewPass), newWins);
    QVERIFY(opens(path, u"A-1"_s, kAdminPass));
}

void TestKeyHeader::damagedHeaderRefusedWithoutWriting()
{
    QTemporaryDir dir;
    const QString path = makeUnit(dir.path());
    // One copy damaged: the other one serves.
    {
        auto f = container::HeaderFile::open(path, container::HeaderFile::Mode::ReadWrite);
        QByteArray b = f->read(300, 4);
        for (char &c : b)
            c = char(~c);
        f->write(300, b);
    }
    QVERIFY(opens(path, u"D-7"_s, kDetectivePass));
    // Both damaged: refused, naming the file, and nothing is written (not even a failure count).
    {
        auto f = container::HeaderFile::open(path, container::HeaderFile::Mode::ReadWrite);
        QByteArray b = f->read(auth::header::copyOffset(1) + 300, 4);
        for (char &c : b)
            c = char(~c);
        f->write(auth::header::copyOffset(1) + 300, b);
    }
    auto all = container::HeaderFile::open(path, container::HeaderFile::Mode::Read);
    const QByteArray bytes = all->read(0, all->size());
    all.reset();
    for (const QString &pass : {kDetectivePass, kNewPass}) {
        try {
            CaseFile::open(path, SignIn{u"D-7"_s, secret(pass)});
            QFAIL("a file with no valid header opened");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Damaged);
            QVERIFY2(e.message().contains(path) && e.message().contains(u"key slots"_s), qPrintable(e.message()));
        }
    }
    auto again = container::HeaderFile::open(path, container::HeaderFile::Mode::Read);
    QCOMPARE(again->read(0, again->size()), bytes);
    try {
        CaseFile::accountLogins(path);
        QFAIL("the accounts of a file with no valid header were listed");
    } catch (const Error &e) {
        QCOMPARE(e.kind(), ErrorKind::Damaged);
    }
}

void TestKeyHeader::passphraseChangeIsAtomic()
{
    // A passphrase change stopped at its k-th write or sync, for every k until one goes through:
    // then exactly one of the old and the new passphrase opens the file, and the other account
    // is not affected. (Sticky: after the stop nothing more reaches the disk, as in a crash.)
    QTemporaryDir dir;
    const QString pristine = makeUnit(dir.path());
    int stops = 0, oldWins = 0, newWins = 0;
    for (qint64 k = 1; k < 200; ++k) {
        const QString path = dir.filePath(u"k%1.caseboard"_s.arg(k));
        QVERIFY(QFile::copy(pristine, path));
        bool threw = false;
        qint64 failed = 0;
        {
            auto file = CaseFile::open(path, SignIn{u"D-7"_s, secret(kDetectivePass)});
            FixedClock clock(QDateTime(QDate(2024, 6, 15), QTime(13, 0), Qt::UTC));
            auth::Accounts accounts(*file, clock);
            const SecretBytes next = secret(kNewPass);
            FaultVfs::Armed stop({FaultVfs::Write | FaultVfs::Sync, k, FaultVfs::Fault::IoError, true});
            try {
                accounts.changePassphrase(u"D-7"_s, next, auth::KdfParams::weakForTestsOnly());
            } catch (const Error &) {
                threw = true;
            }
            failed = FaultVfs::failures();
            // The connection goes away while the disk is still "gone", as a crashed process would.
            file.reset();
        }
        const bool oldOpens = opens(path, u"D-7"_s, kDetectivePass);
        const bool newOpens = opens(path, u"D-7"_s, kNewPass);
        QVERIFY2(oldOpens != newOpens, qPrintable(u"stop at %1: old %2, new %3"_s.arg(k).arg(oldOpens).arg(newOpens)));
        QVERIFY2(opens(path, u"A-1"_s, kAdminPass), qPrintable(u"stop at %1"_s.arg(k)));
        if (failed == 0) {
            QVERIFY(!threw);
            QVERIFY(newOpens);
            break;
        }
        ++stops;
        (oldOpens ? oldWins : newWins) += 1;
        QFile::remove(path);
    }
    // Both outcomes were seen: stops before the commit point and after it.
    QVERIFY2(stops >= 4, qPrintable(QString::number(stops)));
    QVERIFY(oldWins >= 1);
    QVERIFY(newWins >= 1);
}

void TestKeyHeader::removalIsAllOrNothing()
{
    // Removing an account writes a whole new file: stopped at any write or sync, the case file is
    // the one before, whole, with the account still there; nothing is left beside it.
    QTemporaryDir dir;
    const QString pristine = makeUnit(dir.path());
    const QString path = dir.filePath(u"work.caseboard"_s);
    FixedClock clock(QDateTime(QDate(2024, 6, 15), QTime(13, 0), Qt::UTC));
    qint64 total = 0;
    {
        QVERIFY(QFile::copy(pristine, path));
        auto file = CaseFile::open(path, SignIn{u"A-1"_s, secret(kAdminPass)});
        FaultVfs::Armed count({FaultVfs::Write | FaultVfs::Sync, 1'000'000, FaultVfs::Fault::IoError, false});
        auth::Accounts::remove(file, u"D-7"_s, clock);
        total = FaultVfs::calls();
        QVERIFY(!opens(path, u"D-7"_s, kDetectivePass));
        QFile::remove(path);
    }
    QVERIFY2(total > 10, qPrintable(QString::number(total)));
    const qint64 step = std::max<qint64>(1, total / 12);
    int stops = 0;
    for (qint64 k = 1; k <= total; k += step) {
        QVERIFY(QFile::copy(pristine, path));
        {
            auto file = CaseFile::open(path, SignIn{u"A-1"_s, secret(kAdminPass)});
            FaultVfs::Armed stop({FaultVfs::Write | FaultVfs::Sync, k, FaultVfs::Fault::DiskFull, true});
            try {
                auth::Accounts::remove(file, u"D-7"_s, clock);
                QFAIL(qPrintable(u"the removal went through despite a stop at %1 of %2"_s.arg(k).arg(total)));
            } catch (const Error &e) {
                QVERIFY2(e.message().contains(path), qPrintable(e.message()));
            }
            file.reset();
        }
        ++stops;
        QVERIFY2(opens(path, u"D-7"_s, kDetectivePass), qPrintable(u"stop at %1 of %2"_s.arg(k).arg(total)));
        QVERIFY(opens(path, u"A-1"_s, kAdminPass));
        const QStringList left = QDir(dir.path()).entryList({u"work.caseboard*"_s}, QDir::Files);
        QVERIFY2(left == QStringList{u"work.caseboard"_s}, qPrintable(left.join(u", "_s)));
        auto check = CaseFile::openReadOnly(path, SignIn{u"A-1"_s, secret(kAdminPass)});
        for (const CaseFile::Check &c : check->verify())
            QVERIFY2(c.ok, qPrintable(u"stop at %1: "_s.arg(k) + c.name + u": "_s + c.problems.join(u"; "_s)));
        check.reset();
        QFile::remove(path);
    }
    QVERIFY(stops >= 10);
}

QTEST_GUILESS_MAIN(TestKeyHeader)
#include "tst_keyheader.moc"
