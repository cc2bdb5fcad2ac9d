#pragma once

#include <string_view>

namespace cb::db {
class Database;
}

namespace cb::schema {

// 'CBD1': marks a SQLCipher database as a CaseBoard case file (PRAGMA application_id).
constexpr int kApplicationId = 0x43424431;

// The schema version this build writes; files are migrated up to it on open.
int latestVersion();

// Applies migrations user_version+1 .. target, each in its own transaction, so a crash
// between two steps leaves a file at a well-defined earlier version. Refuses to go down.
void migrate(db::Database &db, int target);
inline void migrate(db::Database &db) { migrate(db, latestVersion()); }

int currentVersion(db::Database &db);

// The tables whose every change is recorded in the audit trail, with the entity name used there.
struct AuditedTable {
    std::string_view table;
    std::string_view entity;
};
const AuditedTable *auditedTables(int *count);

} // namespace cb::schema
