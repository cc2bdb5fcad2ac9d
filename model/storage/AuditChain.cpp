#include "model/storage/AuditChain.h"

#include "model/storage/Database.h"

#include <QCoreApplication>

#include <string>
#include <vector>

namespace cb::audit {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::AuditChain)
};
} // namespace

ChainHead head(db::Database &db)
{
    db::Statement s = db.prepare("SELECT id, coalesce(hash, '') FROM audit ORDER BY id DESC LIMIT 1");
    if (!s.step())
        return {};
    return {s.int64(0), s.text(1)};
}

std::optional<BrokenLink> firstBrokenLink(db::Database &db)
{
    // One pass in id order: each entry's link is recomputed from the hash stored in the entry
    // before it, so the first mismatch is the first entry changed, removed or moved (after it
    // every link is suspect anyway).
    db::Statement s = db.prepare(std::string("SELECT id, hash, cb_sha256(coalesce(lag(hash) OVER (ORDER BY id), '') "
                                             "|| char(10) || ") +
                                 kCanonicalSql + ") FROM audit ORDER BY id");
    std::int64_t expectedId = 0;
    bool first = true;
    while (s.step()) {
        const std::int64_t id = s.int64(0);
        if (s.isNull(1))
            return BrokenLink{id, Tr::tr("entry %1 has no hash (written outside CaseBoard?)").arg(id)};
        if (s.bytes(1) != s.bytes(2))
            return BrokenLink{id, Tr::tr("entry %1 does not match its hash: it, or the entry before it, was edited, "
                                         "deleted, reordered or inserted outside CaseBoard")
                                      .arg(id)};
        // CaseBoard numbers entries 1, 2, 3...: a gap is a deletion whose neighbours were re-linked.
        if (!first && id != expectedId)
            return BrokenLink{id, Tr::tr("entry %1 follows entry %2: the entries between are missing")
                                      .arg(id)
                                      .arg(expectedId - 1)};
        first = false;
        expectedId = id + 1;
    }
    return std::nullopt;
}

bool contains(db::Database &db, const ChainHead &earlier)
{
    if (earlier.id == 0)
        return true;
    db::Statement s = db.prepare("SELECT hash FROM audit WHERE id = ?1");
    s.bind(1, earlier.id);
    return s.step() && s.text(0) == earlier.hash;
}

void chainUnsealed(db::Database &db)
{
    // The ids first: rows are not updated under a running scan of the same table.
    std::vector<std::int64_t> ids;
    {
        db::Statement unsealed = db.prepare("SELECT id FROM audit WHERE hash IS NULL ORDER BY id");
        while (unsealed.step())
            ids.push_back(unsealed.int64(0));
    }
    db::Statement seal = db.prepare(
        std::string("UPDATE audit SET hash = cb_sha256(coalesce((SELECT p.hash FROM audit p WHERE p.id < audit.id "
                    "ORDER BY p.id DESC LIMIT 1), '') || char(10) || ") +
        kCanonicalSql + ") WHERE id = ?1");
    for (const std::int64_t id : ids) {
        seal.reset();
        seal.bind(1, id);
        seal.run();
    }
}

} // namespace cb::audit
