#pragma once

#include "model/storage/CaseFile.h"
#include "model/storage/Error.h"
#include "model/storage/SecretBytes.h"
#include "model/store/CaseStore.h"
#include "model/util/Clock.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace cb::test {

// A passphrase that meets the policy, for tests.
inline QString passphrase()
{
    return QStringLiteral("blue harbour lantern 42");
}

inline SecretBytes secret(const QString &p = passphrase())
{
    return SecretBytes::fromPassphrase(p);
}

// SHA-256 of a file's bytes, hex; empty if it cannot be read.
QByteArray fileChecksum(const QString &path);
// SHA-256 of the database part of a case file, hex: the bytes after its key header (all of an
// old-format file).
QByteArray databaseChecksum(const QString &path);

// A new case file in dir with a store over it, acting as "system:test" at a fixed time.
struct Fixture {
    explicit Fixture(const QString &dirPath, const QString &name = QStringLiteral("test.caseboard"));
    QString path;
    FixedClock clock;
    std::unique_ptr<CaseFile> file;
    std::unique_ptr<CaseStore> store;
};

// A member, a case with one victim and a primary detective, through the store.
struct SampleCase {
    Id detective = 0;
    Id sergeant = 0;
    Id caseId = 0;
};
SampleCase addSampleCase(CaseStore &store, const QString &caseNumber = QStringLiteral("HZ-2024-001"));

// Runs fn, which must throw cb::Error of the given kind (a test failure otherwise, reported at the
// caller's line); returns the message. Use through expectError(fn, kind).
template<typename Fn>
QString expectErrorAt(Fn &&fn, ErrorKind kind, const char *file, int line)
{
    try {
        fn();
    } catch (const Error &e) {
        if (e.kind() != kind)
            QTest::qFail(qPrintable(QStringLiteral("error kind %1, expected %2: %3").arg(int(e.kind())).arg(int(kind)).arg(e.message())),
                         file, line);
        if (QString::fromStdString(e.what()) != e.message())
            QTest::qFail("what() differs from message()", file, line);
        return e.message();
    } catch (const std::exception &e) {
        QTest::qFail(qPrintable(QStringLiteral("not a cb::Error: ") + QString::fromLocal8Bit(e.what())), file, line);
        return {};
    }
    QTest::qFail("no cb::Error thrown", file, line);
    return {};
}
#define expectError(...) ::cb::test::expectErrorAt(__VA_ARGS__, __FILE__, __LINE__)

} // namespace cb::test
