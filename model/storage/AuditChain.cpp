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

QStringList compareWithCopy(db::Database &live, db::Database &copy, const QString &copyName)
{
    const ChainHead copyHead = head(copy);
    if (contains(live, copyHead))
        return {};
    // Where the two trails part: the last entry of the copy that the live trail still holds
    // (a binary search: with both chains sound, holding entry n means holding every entry before).
    std::int64_t lo = 0; // held (0: nothing to hold)
    std::int64_t hi = copyHead.id; // not held
    db::Statement at = copy.prepare("SELECT id, hash FROM audit WHERE id <= ?1 ORDER BY id DESC LIMIT 1");
    while (hi - lo > 1) {
        const std::int64_t mid = lo + (hi - lo) / 2;
        at.reset();
        at.bind(1, mid);
        const ChainHead entry = at.step() ? ChainHead{at.int64(0), at.text(1)} : ChainHead{};
        if (entry.id <= lo || contains(live, entry))
            lo = std::max(lo, mid);
        else
            hi = mid;
    }
    const ChainHead liveHead = head(live);
    if (liveHead.id <= lo)
        return {Tr::tr("the audit trail ends at entry %1, but %2 holds entries up to %3: entries %4 to %3 were cut "
                       "off the trail")
                    .arg(liveHead.id)
                    .arg(copyName)
                    .arg(copyHead.id)
                    .arg(lo + 1)};
    return {Tr::tr("entry %1 of the audit trail is not the one %2 holds: the trail was rewritten from that entry on")
                .arg(lo + 1)
                .arg(copyName)};
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
