#pragma once

// The audit trail is a hash chain (schema 3). Each entry's `hash` is the lower-case hex SHA-256
// of the previous entry's hash (in id order; the empty string before the first entry), a newline,
// and the entry's canonical text: SQLite's
//   json_array(id, at, actor_id, actor, action, entity, entity_id, case_id, field, old_value, new_value)
// (deterministic, and it keeps each value's type). The hash is computed inside the INSERT that
// writes the entry (CaseStore), with the connection's cb_sha256() function, so an entry is never
// written unchained. An entry edited, deleted, reordered or inserted outside CaseBoard breaks the
// chain at that entry. Cutting entries off the end leaves a valid chain: that is caught by comparing
// with a chain head recorded elsewhere (every backup records its own head; see Backup.h).

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace cb::db {
class Database;
}

namespace cb::audit {

// The SQL of an entry's canonical text, over the audit table's columns (or a row source with
// columns of the same names).
inline constexpr const char *kCanonicalSql =
    "json_array(id, at, actor_id, actor, action, entity, entity_id, case_id, field, old_value, new_value)";

// The last entry of the trail: its id and hash (id 0 and an empty hash for an empty trail).
struct ChainHead {
    std::int64_t id = 0;
    QString hash;
    bool operator==(const ChainHead &) const = default;
};
ChainHead head(db::Database &db);

// The first entry whose link does not hold, and why; nullopt when the whole chain holds.
struct BrokenLink {
    std::int64_t id = 0;
    QString reason;
};
std::optional<BrokenLink> firstBrokenLink(db::Database &db);

// Whether the trail still holds `earlier` (a head recorded before): the entry with its id is
// there with its hash. With firstBrokenLink() == nullopt, that proves every entry up to it is
// unchanged, so an older head that is missing means the trail was cut or rewritten.
bool contains(db::Database &db, const ChainHead &earlier);

// The trail of `live` against a copy made earlier (a backup, an export): every entry the copy
// holds must still be in `live`, unchanged, or the trail was cut short (entries removed from its
// end leave a chain that holds) or rewritten. Empty when `live` holds the copy's whole trail;
// else one line naming the first entry missing or changed and, for a trail cut short, the
// entries lost. `copyName` names the copy in the message.
QStringList compareWithCopy(db::Database &live, db::Database &copy, const QString &copyName);

// Chains every entry that has no hash yet, in id order (the migration to schema 3). The caller
// has lifted the append-only trigger for the duration.
void chainUnsealed(db::Database &db);

} // namespace cb::audit
