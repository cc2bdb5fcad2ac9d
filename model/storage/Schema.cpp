#include "model/storage/Schema.h"

#include "model/storage/AuditChain.h"
#include "model/storage/Database.h"

#include "model/storage/Error.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <array>

namespace cb::schema {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::schema::Schema)
};

// Each migration is a script run inside one transaction together with the user_version bump.
// Never edit a migration that has shipped: add the next one.
// Dates are ISO 'YYYY-MM-DD' text (local calendar dates), times 'HH:MM' local; audit and note
// timestamps are UTC milliseconds since the epoch. Enumerations are stored as stable English keys.
constexpr std::string_view kMigration1 = R"SQL(
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value ANY
) STRICT;

CREATE TABLE members (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL CHECK (length(trim(name)) > 0),
    badge  TEXT NOT NULL UNIQUE CHECK (length(trim(badge)) > 0),
    rank   TEXT NOT NULL DEFAULT '',
    team   TEXT NOT NULL DEFAULT '',
    role   TEXT NOT NULL CHECK (role IN ('detective', 'sergeant', 'command', 'administrator')),
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) STRICT;

CREATE TABLE cases (
    id                  INTEGER PRIMARY KEY,
    case_number         TEXT NOT NULL UNIQUE CHECK (length(trim(case_number)) > 0),
    incident_date       TEXT NOT NULL CHECK (incident_date IS date(incident_date)),
    incident_time       TEXT CHECK (incident_time IS NULL OR incident_time IS strftime('%H:%M', '2000-01-01 ' || incident_time)),
    address             TEXT NOT NULL DEFAULT '',
    district            TEXT,
    beat                TEXT,
    ward                TEXT,
    community_area      TEXT,
    area                TEXT,
    circumstance        TEXT NOT NULL DEFAULT 'unknown' CHECK (circumstance IN ('argument', 'domestic', 'gang',
                            'drug', 'robbery', 'retaliation', 'child_abuse', 'other', 'unknown')),
    weapon              TEXT NOT NULL DEFAULT 'unknown' CHECK (weapon IN ('handgun', 'rifle', 'shotgun',
                            'firearm_other', 'knife', 'blunt_object', 'hands', 'strangulation', 'fire',
                            'vehicle', 'poison', 'other', 'unknown')),
    domestic            INTEGER NOT NULL DEFAULT 0 CHECK (domestic IN (0, 1)),
    investigative_state TEXT NOT NULL DEFAULT 'active' CHECK (investigative_state IN ('active', 'inactive')),
    status              TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cleared_arrest',
                            'cleared_exceptional', 'unfounded')),
    exceptional_code    TEXT CHECK (exceptional_code IN ('A', 'B', 'C', 'D', 'E')),
    clearance_date      TEXT CHECK (clearance_date IS date(clearance_date)),
    clearing_member_id  INTEGER REFERENCES members(id),
    unfounded_date      TEXT CHECK (unfounded_date IS date(unfounded_date)),
    unfounded_reason    TEXT,
    summary             TEXT NOT NULL DEFAULT '',
    -- Where the case came from: NULL when entered in CaseBoard, else the importer ('wapo',
    -- 'chicago-portal') and the record's id there. Imported clearances may have no date.
    source              TEXT,
    source_ref          TEXT,
    created_at          INTEGER NOT NULL,
    CHECK (status IN ('cleared_arrest', 'cleared_exceptional') OR clearance_date IS NULL),
    CHECK (status NOT IN ('cleared_arrest', 'cleared_exceptional') OR clearance_date IS NOT NULL OR source IS NOT NULL),
    CHECK ((status = 'unfounded') = (unfounded_date IS NOT NULL)),
    CHECK (status = 'cleared_exceptional' OR exceptional_code IS NULL)
) STRICT;
CREATE INDEX cases_incident_date ON cases(incident_date);

-- Every status a case has had, in order. The row with the highest id is the current status,
-- which cases.status repeats for fast counting. Append-only.
CREATE TABLE status_changes (
    id                  INTEGER PRIMARY KEY,
    case_id             INTEGER NOT NULL REFERENCES cases(id),
    status              TEXT NOT NULL CHECK (status IN ('open', 'cleared_arrest', 'cleared_exceptional', 'unfounded')),
    effective_date      TEXT CHECK (effective_date IS date(effective_date)), -- NULL only for imported, undated
    member_id           INTEGER REFERENCES members(id),
    exceptional_code    TEXT CHECK (exceptional_code IN ('A', 'B', 'C', 'D', 'E')),
    offender_identified INTEGER CHECK (offender_identified IN (0, 1)),
    evidence_sufficient INTEGER CHECK (evidence_sufficient IN (0, 1)),
    location_known      INTEGER CHECK (location_known IN (0, 1)),
    beyond_control      INTEGER CHECK (beyond_control IN (0, 1)),
    reason              TEXT NOT NULL DEFAULT '',
    recorded_at         INTEGER NOT NULL
) STRICT;
CREATE INDEX status_changes_case ON status_changes(case_id, id);

CREATE TABLE victims (
    id      INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    name    TEXT NOT NULL DEFAULT '',
    age     INTEGER CHECK (age BETWEEN 0 AND 130),
    sex     TEXT NOT NULL DEFAULT 'unknown' CHECK (sex IN ('male', 'female', 'unknown')),
    race    TEXT NOT NULL DEFAULT 'unknown' CHECK (race IN ('black', 'hispanic', 'white', 'asian', 'native',
                'pacific', 'other', 'unknown')),
    source_ref TEXT -- the imported record's id (one row per victim in the public files)
) STRICT;
CREATE INDEX victims_case ON victims(case_id);
CREATE UNIQUE INDEX victims_source_ref ON victims(case_id, source_ref) WHERE source_ref IS NOT NULL;

-- Suspects, offenders and witnesses linked to a case.
CREATE TABLE case_persons (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id),
    role        TEXT NOT NULL CHECK (role IN ('suspect', 'offender', 'witness')),
    name        TEXT NOT NULL DEFAULT '',
    age         INTEGER CHECK (age BETWEEN 0 AND 130),
    sex         TEXT NOT NULL DEFAULT 'unknown' CHECK (sex IN ('male', 'female', 'unknown')),
    race        TEXT NOT NULL DEFAULT 'unknown' CHECK (race IN ('black', 'hispanic', 'white', 'asian', 'native',
                    'pacific', 'other', 'unknown')),
    description TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX case_persons_case ON case_persons(case_id);

CREATE TABLE arrests (
    id                  INTEGER PRIMARY KEY,
    case_id             INTEGER NOT NULL REFERENCES cases(id),
    person_id           INTEGER NOT NULL REFERENCES case_persons(id),
    arrest_date         TEXT NOT NULL CHECK (arrest_date IS date(arrest_date)),
    charges             TEXT NOT NULL CHECK (length(trim(charges)) > 0),
    arresting_member_id INTEGER REFERENCES members(id),
    juvenile            INTEGER NOT NULL DEFAULT 0 CHECK (juvenile IN (0, 1)),
    prosecution_status  TEXT CHECK (prosecution_status IN ('presented', 'approved', 'declined')),
    prosecution_date    TEXT CHECK (prosecution_date IS date(prosecution_date))
) STRICT;
CREATE INDEX arrests_case ON arrests(case_id);

-- Who carries a case. A row is closed (end_date) when the assignment ends; it is never rewritten.
CREATE TABLE assignments (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL REFERENCES cases(id),
    member_id      INTEGER NOT NULL REFERENCES members(id),
    role           TEXT NOT NULL CHECK (role IN ('primary', 'secondary')),
    start_date     TEXT NOT NULL CHECK (start_date IS date(start_date)),
    end_date       TEXT CHECK (end_date IS date(end_date) AND end_date >= start_date),
    start_reason   TEXT NOT NULL DEFAULT '',
    end_reason     TEXT,
    assigned_by_id INTEGER REFERENCES members(id)
) STRICT;
CREATE INDEX assignments_case ON assignments(case_id, role, end_date);
CREATE INDEX assignments_member ON assignments(member_id, end_date);
-- At most one open primary assignment per case.
CREATE UNIQUE INDEX assignments_one_primary ON assignments(case_id) WHERE role = 'primary' AND end_date IS NULL;

CREATE TABLE leads (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL REFERENCES cases(id),
    description    TEXT NOT NULL CHECK (length(trim(description)) > 0),
    source         TEXT NOT NULL CHECK (source IN ('tip_line', 'witness', 'canvass', 'forensic', 'video',
                       'social_media', 'other')),
    priority       TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('fast_track', 'high', 'normal', 'low')),
    assignee_id    INTEGER REFERENCES members(id),
    created_date   TEXT NOT NULL CHECK (created_date IS date(created_date)),
    due_date       TEXT CHECK (due_date IS date(due_date)),
    completed_date TEXT CHECK (completed_date IS date(completed_date)),
    status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'completed', 'no_value')),
    result         TEXT NOT NULL DEFAULT '',
    CHECK ((status IN ('completed', 'no_value')) = (completed_date IS NOT NULL))
) STRICT;
CREATE INDEX leads_case ON leads(case_id);
CREATE INDEX leads_assignee ON leads(assignee_id, status);

-- Append-only: a correction is a new note that points at the note it corrects.
CREATE TABLE notes (
    id               INTEGER PRIMARY KEY,
    case_id          INTEGER NOT NULL REFERENCES cases(id),
    author_id        INTEGER REFERENCES members(id),
    created_at       INTEGER NOT NULL,
    body             TEXT NOT NULL CHECK (length(trim(body)) > 0),
    corrects_note_id INTEGER REFERENCES notes(id)
) STRICT;
CREATE INDEX notes_case ON notes(case_id, id);

-- Who changed what, when. Written in the same transaction as the change. Append-only.
-- A 'create' row holds the new row as a JSON object in new_value (field is NULL);
-- an 'update' row holds one field's old and new value.
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    actor_id  INTEGER REFERENCES members(id),
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    case_id   INTEGER,
    field     TEXT,
    old_value ANY,
    new_value ANY
) STRICT;
CREATE INDEX audit_entity ON audit(entity, entity_id, id);
CREATE INDEX audit_case ON audit(case_id, at);

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER notes_no_update BEFORE UPDATE ON notes
BEGIN SELECT RAISE(ABORT, 'notes are append-only: add a correcting note'); END;
CREATE TRIGGER notes_no_delete BEFORE DELETE ON notes
BEGIN SELECT RAISE(ABORT, 'notes are append-only: add a correcting note'); END;
CREATE TRIGGER status_changes_no_update BEFORE UPDATE ON status_changes
BEGIN SELECT RAISE(ABORT, 'the status history is append-only'); END;
CREATE TRIGGER status_changes_no_delete BEFORE DELETE ON status_changes
BEGIN SELECT RAISE(ABORT, 'the status history is append-only'); END;
CREATE TRIGGER assignments_history_kept BEFORE UPDATE ON assignments
WHEN OLD.end_date IS NOT NULL
  OR NEW.case_id IS NOT OLD.case_id OR NEW.member_id IS NOT OLD.member_id OR NEW.role IS NOT OLD.role
  OR NEW.start_date IS NOT OLD.start_date OR NEW.start_reason IS NOT OLD.start_reason
  OR NEW.assigned_by_id IS NOT OLD.assigned_by_id
BEGIN SELECT RAISE(ABORT, 'assignment history is never rewritten: only an open assignment can be ended'); END;
CREATE TRIGGER assignments_no_delete BEFORE DELETE ON assignments
BEGIN SELECT RAISE(ABORT, 'assignment history is never deleted'); END;
CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases
BEGIN SELECT RAISE(ABORT, 'cases are never deleted: mark a case unfounded instead'); END;
)SQL";

// v2: what imports of public records keep (the source's own disposition and coordinates), and
// indexes for the statistics (open leads per detective as of a date).
constexpr std::string_view kMigration2 = R"SQL(
ALTER TABLE cases ADD COLUMN source_status TEXT;
ALTER TABLE cases ADD COLUMN latitude REAL CHECK (latitude BETWEEN -90 AND 90);
ALTER TABLE cases ADD COLUMN longitude REAL CHECK (longitude BETWEEN -180 AND 180);
-- Covering indexes for "leads open as of T": open now (partial), or completed after T.
CREATE INDEX leads_open ON leads(assignee_id, created_date, due_date) WHERE completed_date IS NULL;
CREATE INDEX leads_completed ON leads(completed_date, assignee_id, created_date, due_date);

-- The time of each case's last audit entry, kept by the database itself in the same transaction
-- as the entry (a trigger), so it cannot fall behind: "stale cases" read it instead of searching
-- millions of audit rows. Tables named derived_* hold nothing of their own: exports leave them
-- out and `verify` recomputes them.
CREATE TABLE derived_case_activity (
    case_id INTEGER PRIMARY KEY,
    last_at INTEGER NOT NULL
) STRICT;
INSERT INTO derived_case_activity (case_id, last_at)
    SELECT case_id, max(at) FROM audit WHERE case_id IS NOT NULL GROUP BY case_id;
CREATE TRIGGER audit_case_activity AFTER INSERT ON audit WHEN NEW.case_id IS NOT NULL
BEGIN
    INSERT INTO derived_case_activity (case_id, last_at) VALUES (NEW.case_id, NEW.at)
        ON CONFLICT (case_id) DO UPDATE SET last_at = excluded.last_at WHERE excluded.last_at > last_at;
END;
)SQL";

// v3: the audit trail becomes a hash chain (model/storage/AuditChain.h): each entry's hash links
// it to the entry before, so that an entry edited, deleted, reordered or inserted outside CaseBoard
// is found by `verify`. The entries already there are chained right after this script, in the same
// transaction, with the append-only trigger lifted for exactly that (kAfterScript below).
constexpr std::string_view kMigration3 = R"SQL(
ALTER TABLE audit ADD COLUMN hash TEXT
    CHECK (hash IS NULL OR (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'));
DROP TRIGGER audit_no_update;
)SQL";

// v4: restricted cases (an informant's identity, say): seen only by their assigned detectives and
// those detectives' sergeants (model/auth/Permissions.h).
constexpr std::string_view kMigration4 = R"SQL(
ALTER TABLE cases ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0 CHECK (restricted IN (0, 1));
)SQL";

// v5: the same CHECK constraints, written so that SQLite can test them in place (rewriteChecks below).
constexpr std::string_view kMigration5 = "";

constexpr std::array<std::string_view, 5> kMigrations = {kMigration1, kMigration2, kMigration3, kMigration4,
                                                         kMigration5};

void chainExistingAudit(db::Database &db)
{
    audit::chainUnsealed(db);
    db.execScript("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
                  "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;");
}
// `x IN ('a', 'b', 'c')` written as `(x = 'a' OR x = 'b' OR x = 'c')`, for lists of more than two
// quoted values (SQLite tests shorter ones in place already). NULL gives NULL either way, which a
// CHECK accepts, so the two texts accept exactly the same rows.
QString withoutInLists(const QString &sql)
{
    static const QRegularExpression list(
        QStringLiteral(R"((\b\w+) IN \(\s*('[^']*'(?:\s*,\s*'[^']*')+)\s*\))"));
    static const QRegularExpression literal(QStringLiteral("'[^']*'"));
    QString out;
    qsizetype done = 0;
    for (auto it = list.globalMatch(sql); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QStringList values;
        for (auto v = literal.globalMatch(m.capturedView(2)); v.hasNext();)
            values << v.next().captured();
        const bool negated = sql.left(m.capturedStart()).trimmed().endsWith(QLatin1StringView("NOT"), Qt::CaseInsensitive);
        if (values.size() <= 2 || negated)
            continue;
        QStringList tests;
        for (const QString &v : values)
            tests << m.captured(1) + QStringLiteral(" = ") + v;
        out += sql.mid(done, m.capturedStart() - done);
        out += u'(' + tests.join(QStringLiteral(" OR ")) + u')';
        done = m.capturedEnd();
    }
    return out + sql.mid(done);
}

// v5: SQLite tests `x IN ('a', 'b', 'c')` in a CHECK by building a temporary b-tree of the list
// at every execution of an INSERT or UPDATE (OP_OpenEphemeral): seven per imported case, a fifth
// of an import's time (callgrind). The same constraints written as OR-ed equalities are tested in
// place, and the audit hash's GLOB (a backtracking match per entry) becomes unhex() and lower().
// The rows already stored satisfy the new texts (the same tests), so the CREATE TABLE texts are
// changed in place, the way SQLite documents for changing CHECK constraints (ALTER
// TABLE, "Making Other Kinds Of Table Schema Changes"): writable_schema and a schema_version bump,
// inside this migration's transaction, then every changed table is parsed again before commit.
void rewriteChecks(db::Database &db)
{
    static const QString hashGlob = QStringLiteral("hash NOT GLOB '*[^0-9a-f]*'");
    // unhex() is NULL for any character that is not a hex digit; lower() keeps the digits lower-case.
    static const QString hashTrim = QStringLiteral("unhex(hash) IS NOT NULL AND lower(hash) = hash");
    QList<std::pair<QString, QString>> changed; // table, new text
    {
        db::Statement s = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql IS NOT NULL "
                                     "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
        while (s.step()) {
            const QString sql = s.text(1);
            QString next = withoutInLists(sql);
            if (s.text(0) == QLatin1StringView("audit")) {
                if (next.count(hashGlob) != 1)
                    throw Error(ErrorKind::Database, Tr::tr("The audit table's rule for hashes was changed outside CaseBoard; the file cannot be upgraded."));
                next.replace(hashGlob, hashTrim);
            }
            if (next != sql)
                changed.append({s.text(0), next});
        }
    }
    const qint64 version = db.scalar("PRAGMA schema_version").toLongLong();
    db.execScript("PRAGMA writable_schema = ON");
    try {
        db::Statement update = db.prepare("UPDATE sqlite_schema SET sql = ?1 WHERE type = 'table' AND name = ?2");
        for (const auto &[table, sql] : changed) {
            update.reset();
            update.bindAll(sql, table);
            update.run();
        }
        // PRAGMA takes no bound parameter; the value is SQLite's own integer plus one.
        db.execScript("PRAGMA schema_version = " + std::to_string(version + 1));
    } catch (...) {
        db.execScript("PRAGMA writable_schema = OFF");
        throw;
    }
    db.execScript("PRAGMA writable_schema = OFF");
    // Parse the new texts now: a text SQLite cannot read fails this migration, which rolls back.
    for (const auto &[table, sql] : changed)
        db.prepare(QString(u"SELECT * FROM \"" + table + u"\" LIMIT 0").toStdString()).step();
}

// What a migration needs beyond SQL, run after its script in the same transaction.
constexpr std::array<void (*)(db::Database &), 5> kAfterScript = {nullptr, nullptr, chainExistingAudit, nullptr,
                                                                 rewriteChecks};

constexpr std::array<AuditedTable, 9> kAudited = {{
    {"members", "member"},
    {"cases", "case"},
    {"status_changes", "status_change"},
    {"victims", "victim"},
    {"case_persons", "person"},
    {"arrests", "arrest"},
    {"assignments", "assignment"},
    {"leads", "lead"},
    {"notes", "note"},
}};

} // namespace

int latestVersion()
{
    return static_cast<int>(kMigrations.size());
}

int currentVersion(db::Database &db)
{
    return static_cast<int>(db.scalar("PRAGMA user_version").toLongLong());
}

void migrate(db::Database &db, int target)
{
    const int from = currentVersion(db);
    if (from > latestVersion())
        throw Error(ErrorKind::NewerVersion,
                    Tr::tr("The case file has schema version %1; this CaseBoard understands up to %2. "
                           "Use a newer CaseBoard.")
                        .arg(from)
                        .arg(latestVersion()));
    if (target < from || target > latestVersion())
        throw Error(ErrorKind::Refused, Tr::tr("Cannot migrate the case file from schema %1 to %2.").arg(from).arg(target));
    db.addSha256Function(); // the audit chain's migration hashes with it
    for (int v = from + 1; v <= target; ++v) {
        db::Transaction txn(db);
        db.execScript(kMigrations[static_cast<std::size_t>(v - 1)]);
        if (const auto after = kAfterScript[static_cast<std::size_t>(v - 1)])
            after(db);
        // PRAGMA cannot take a bound parameter; v is our own integer.
        db.execScript("PRAGMA user_version = " + std::to_string(v));
        txn.commit();
    }
}

const AuditedTable *auditedTables(int *count)
{
    *count = static_cast<int>(kAudited.size());
    return kAudited.data();
}

} // namespace cb::schema
