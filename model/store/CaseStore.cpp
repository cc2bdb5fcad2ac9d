#include "model/store/CaseStore.h"

#include "model/storage/CaseFile.h"
#include "model/storage/Database.h"
#include "model/util/Clock.h"

#include <QCoreApplication>
#include <QVariant>
#include <QHash>
#include <QSet>
#include <QStringList>

#include <charconv>
#include <optional>
#include <system_error>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cb {

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::CaseStore)
};

using Values = std::vector<std::pair<const char *, QVariant>>;

QVariant dateValue(const QDate &d)
{
    return d.isValid() ? QVariant(d.toString(Qt::ISODate)) : QVariant();
}

QVariant timeValue(const QTime &t)
{
    return t.isValid() ? QVariant(t.toString(QStringLiteral("HH:mm"))) : QVariant();
}

template<typename T>
QVariant optValue(const std::optional<T> &v)
{
    return v ? QVariant::fromValue(*v) : QVariant();
}

QVariant idValue(const std::optional<Id> &v)
{
    return v ? QVariant::fromValue<qlonglong>(*v) : QVariant();
}

QVariant idValue(Id v)
{
    return QVariant::fromValue<qlonglong>(v);
}

template<typename E>
QVariant enumValue(E e)
{
    return key(e);
}

QDate dateAt(const db::Statement &s, int col)
{
    return s.isNull(col) ? QDate() : QDate::fromString(s.text(col), Qt::ISODate);
}

std::optional<Id> optId(const db::Statement &s, int col)
{
    return s.optInt64(col);
}

std::optional<int> optInt(const db::Statement &s, int col)
{
    if (s.isNull(col))
        return std::nullopt;
    return s.integer(col);
}

std::optional<bool> optBool(const db::Statement &s, int col)
{
    if (s.isNull(col))
        return std::nullopt;
    return s.integer(col) != 0;
}

template<typename E>
E enumAt(const db::Statement &s, int col, E fallback)
{
    return fromKey<E>(s.text(col)).value_or(fallback);
}

[[noreturn]] void invalid(const QString &field, const QString &reason)
{
    throw Error(ErrorKind::Invalid, Tr::tr("%1: %2").arg(field, reason));
}

[[noreturn]] void refused(const QString &reason)
{
    throw Error(ErrorKind::Refused, reason);
}

void requireText(const QString &value, const QString &field)
{
    if (value.trimmed().isEmpty())
        invalid(field, Tr::tr("required"));
}

void requireAge(const std::optional<int> &age, const QString &field)
{
    if (age && (*age < 0 || *age > 130))
        invalid(field, Tr::tr("must be between 0 and 130, not %1").arg(*age));
}

const char *kCaseColumns = "id, case_number, incident_date, incident_time, address, district, beat, ward, "
                           "community_area, area, circumstance, weapon, domestic, investigative_state, status, "
                           "exceptional_code, clearance_date, clearing_member_id, unfounded_date, unfounded_reason, "
                           "summary, created_at, source, source_ref, source_status, latitude, longitude, restricted";

CaseRecord caseFrom(const db::Statement &s)
{
    CaseRecord c;
    c.id = s.int64(0);
    c.caseNumber = s.text(1);
    c.incidentDate = dateAt(s, 2);
    c.incidentTime = s.isNull(3) ? QTime() : QTime::fromString(s.text(3), QStringLiteral("HH:mm"));
    c.address = s.text(4);
    c.district = s.text(5);
    c.beat = s.text(6);
    c.ward = s.text(7);
    c.communityArea = s.text(8);
    c.area = s.text(9);
    c.circumstance = enumAt(s, 10, Circumstance::Unknown);
    c.weapon = enumAt(s, 11, Weapon::Unknown);
    c.domestic = s.integer(12) != 0;
    c.investigativeState = enumAt(s, 13, InvestigativeState::Active);
    c.status = enumAt(s, 14, CaseStatus::Open);
    if (!s.isNull(15))
        c.exceptionalCode = fromKey<ExceptionalCode>(s.text(15));
    c.clearanceDate = dateAt(s, 16);
    c.clearingMemberId = optId(s, 17);
    c.unfoundedDate = dateAt(s, 18);
    c.unfoundedReason = s.text(19);
    c.summary = s.text(20);
    c.createdAt = s.int64(21);
    c.source = s.text(22);
    c.sourceRef = s.text(23);
    c.sourceStatus = s.text(24);
    if (!s.isNull(25))
        c.latitude = s.real(25);
    if (!s.isNull(26))
        c.longitude = s.real(26);
    c.restricted = s.integer(27) != 0;
    return c;
}

// Which cases a list or a count may show the actor (see Impl::kVisibleCase).
struct Visibility {
    bool all = false;
    bool none = false;
    Id member = 0;
    QVariant team; // a sergeant's team, else NULL
};

// A JSON string literal for UTF-8 text (audit snapshots and event details).
void appendJsonString(std::string &out, std::string_view utf8)
{
    out += '"';
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20) {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xf];
        } else {
            out += ch;
        }
    }
    out += '"';
}

} // namespace

struct CaseStore::Impl {
    CaseFile &file;
    db::Database &db;
    const Clock &clock;
    Actor actor{std::nullopt, QStringLiteral("system")};
    int depth = 0;
    // One entry per open action or batch: whether it took a savepoint, and whether it is a bulk.
    struct Level {
        bool savepoint = false;
        bool bulkRoot = false;
        bool wrote = false; // a failed action that wrote nothing leaves nothing to undo
    };
    void wrote()
    {
        if (!levels.empty())
            levels.back().wrote = true;
    }
    std::vector<Level> levels;
    int bulkDepth = 0;      // open bulks: actions inside take no savepoint
    bool bulkFailed = false; // an action failed inside a bulk: the bulk must not commit
    std::unordered_map<std::string, db::Statement> cache;
    // An INSERT, the SELECT that reads the new row back, and the JSON key of each of its
    // columns ("\"name\":").
    struct InsertSql {
        db::Statement statement;
        db::Statement row;
        std::vector<std::string> keys;
        int idColumn = -1;
    };
    std::unordered_map<std::string, InsertSql> insertSql; // table + column names -> INSERT
    std::optional<db::Statement> lastAuditSql;
    std::optional<db::Statement> valuesAuditSql;
    std::string snapshotBuffer;

    Impl(CaseFile &f, const Clock &c) : file(f), db(f.db()), clock(c) {}

    db::Statement &cached(const std::string &sql)
    {
        auto it = cache.find(sql);
        if (it == cache.end())
            it = cache.emplace(sql, db.prepare(sql)).first;
        it->second.reset();
        return it->second;
    }

    void bindActor(db::Statement &s, int atIdx)
    {
        s.bind(atIdx, clock.nowMs());
        s.bind(atIdx + 1, idValue(actor.memberId));
        s.bind(atIdx + 2, actor.label);
    }

    // The case an audit row belongs to: a case row is its own case; a member belongs to none
    // (member and case ids overlap, and a member's changes are not a case's history).
    static std::optional<Id> auditCase(const char *entity, Id id, std::optional<Id> caseId)
    {
        if (caseId)
            return caseId;
        if (std::string_view(entity) == "case")
            return id;
        return std::nullopt;
    }

    // --- the audit trail: every entry is chained to the one before it inside its own INSERT
    // (AuditChain.h): parameter ?10 is its id, ?11 the previous entry's hash.

    // The rows of an audit INSERT ... SELECT: `source` gives the columns at .. new_value.
    static std::string chainedAuditInsert(const std::string &source)
    {
        return "INSERT INTO audit (id, at, actor_id, actor, action, entity, entity_id, case_id, field, old_value, "
               "new_value, hash) SELECT s.id, s.at, s.actor_id, s.actor, s.action, s.entity, s.entity_id, s.case_id, "
               "s.field, s.old_value, s.new_value, cb_sha256(?11 || char(10) || json_array(s.id, s.at, s.actor_id, "
               "s.actor, s.action, s.entity, s.entity_id, s.case_id, s.field, s.old_value, s.new_value)) FROM (" +
               source + ") AS s";
    }

    // Binds the next entry's id and the previous entry's hash. Read from the file at every entry,
    // not remembered: a rolled-back savepoint or another writer would make a remembered one wrong,
    // and it is one seek at the end of the rowid b-tree.
    void bindChain(db::Statement &s)
    {
        if (!lastAuditSql)
            lastAuditSql = db.prepare("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1");
        db::Statement &last = *lastAuditSql;
        last.reset();
        if (last.step()) {
            s.bind(10, last.int64(0) + 1);
            s.bindUtf8(11, last.bytes(1));
        } else {
            s.bind(10, std::int64_t{1});
            s.bindUtf8(11, std::string_view("", 0)); // '' before the first entry: a null pointer would bind NULL
        }
        last.reset();
    }

    // An entry that is not a change of one field: a 'create' with its snapshot, or an event.
    void appendEntry(std::string_view action, const QString &entity, std::optional<Id> entityId,
                     std::optional<Id> caseId, const QVariant &field, const QVariant &newValue,
                     std::string_view newValueUtf8 = {}, bool utf8 = false)
    {
        if (!valuesAuditSql)
            valuesAuditSql = db.prepare(
                "INSERT INTO audit (id, at, actor_id, actor, action, entity, entity_id, case_id, field, old_value, "
                "new_value, hash) VALUES (?10, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, ?9, cb_sha256(?11 || char(10) || "
                "json_array(?10, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, ?9)))");
        db::Statement &s = *valuesAuditSql;
        s.reset();
        bindActor(s, 1);
        s.bindUtf8(4, action);
        s.bind(5, entity);
        s.bind(6, idValue(entityId));
        s.bind(7, idValue(caseId));
        s.bind(8, field);
        if (utf8)
            s.bindUtf8(9, newValueUtf8);
        else
            s.bind(9, newValue);
        bindChain(s);
        wrote();
        s.run();
    }

    // A 'create' entry's snapshot: the row as stored (read back, so defaults and the id are
    // there) as a JSON object, NULL columns left out: json_extract reads a missing key as NULL,
    // and an import's rows are a quarter smaller without them.
    void buildSnapshot(const InsertSql &sql)
    {
        const db::Statement &row = sql.row;
        std::string &out = snapshotBuffer;
        out.clear();
        out += '{';
        bool first = true;
        for (std::size_t i = 0; i < sql.keys.size(); ++i) {
            const int col = static_cast<int>(i);
            const db::Statement::Type type = row.type(col);
            if (type == db::Statement::Type::Null)
                continue;
            if (!first)
                out += ',';
            first = false;
            out += sql.keys[i];
            switch (type) {
            case db::Statement::Type::Integer:
                out += std::to_string(row.int64(col));
                break;
            case db::Statement::Type::Real: {
                // The shortest text that reads back as the same double, always with a '.' or an
                // exponent so that it reads back as a REAL, not an INTEGER.
                char buffer[32];
                const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, row.real(col));
                if (ec != std::errc())
                    throw Error(ErrorKind::Database, Tr::tr("A number could not be written to the audit trail."));
                const std::string_view text(buffer, static_cast<std::size_t>(end - buffer));
                out += text;
                if (text.find_first_of(".eE") == std::string_view::npos)
                    out += ".0";
                break;
            }
            case db::Statement::Type::Text:
                appendJsonString(out, row.bytes(col));
                break;
            case db::Statement::Type::Blob:
            case db::Statement::Type::Null:
                throw Error(ErrorKind::Database, Tr::tr("A binary value cannot be written to the audit trail."));
            }
        }
        out += '}';
    }

    // INSERT with a 'create' audit entry holding a snapshot of the stored row.
    Id insert(const std::string &table, const char *entity, std::optional<Id> caseId, const Values &values)
    {
        // The statement depends on the table and the column list only: key the cache by them
        // (a short key; the SQL itself is built once). Imports run this 150,000 times.
        std::string key = table;
        for (const auto &v : values) {
            key += '\x1f';
            key += v.first;
        }
        auto found = insertSql.find(key);
        if (found == insertSql.end()) {
            std::string cols, params;
            for (std::size_t i = 0; i < values.size(); ++i) {
                cols += (i ? ", " : "") + std::string(values[i].first);
                params += (i ? ", ?" : "?") + std::to_string(i + 1);
            }
            InsertSql sql{db.prepare("INSERT INTO " + table + " (" + cols + ") VALUES (" + params + ")"),
                          db.prepare("SELECT * FROM " + table + " WHERE id = ?1"), {}, -1};
            for (int c = 0; c < sql.row.columnCount(); ++c) {
                const std::string name = sql.row.columnName(c).toStdString();
                if (name == "id")
                    sql.idColumn = c;
                std::string jsonKey;
                appendJsonString(jsonKey, name);
                sql.keys.push_back(jsonKey + ':');
            }
            if (sql.idColumn < 0)
                throw Error(ErrorKind::Database, Tr::tr("Table %1 has no id column.").arg(QString::fromStdString(table)));
            found = insertSql.emplace(key, std::move(sql)).first;
        }
        InsertSql &sql = found->second;
        db::Statement &ins = sql.statement;
        ins.reset();
        for (std::size_t i = 0; i < values.size(); ++i)
            ins.bind(static_cast<int>(i + 1), values[i].second);
        wrote();
        ins.run();
        const Id id = db.lastInsertRowId();
        // The row as stored (defaults applied), read back by its rowid: cheaper than RETURNING,
        // which goes through a temporary table.
        db::Statement &row = sql.row;
        row.reset();
        row.bind(1, id);
        if (!row.step())
            throw Error(ErrorKind::Database, Tr::tr("The new row could not be read back."));
        buildSnapshot(sql);
        row.reset();
        appendEntry("create", QString::fromLatin1(entity), id, auditCase(entity, id, caseId), QVariant(), QVariant(),
                    snapshotBuffer, true);
        return id;
    }

    // One 'update' audit entry per field whose value changes, then one UPDATE of all the fields,
    // so that the table's cross-field CHECKs see the new row whole.
    void update(const std::string &table, const char *entity, Id id, std::optional<Id> caseId, const Values &values)
    {
        wrote(); // the audit rows below are written before the UPDATE
        std::string set;
        int changed = 0;
        for (std::size_t i = 0; i < values.size(); ++i) {
            const std::string col(values[i].first);
            db::Statement &audit = cached(chainedAuditInsert(
                "SELECT ?10 AS id, ?1 AS at, ?2 AS actor_id, ?3 AS actor, 'update' AS action, ?4 AS entity, "
                "?5 AS entity_id, ?6 AS case_id, ?7 AS field, " +
                col + " AS old_value, ?8 AS new_value FROM " + table + " WHERE id = ?5 AND " + col + " IS NOT ?8"));
            bindActor(audit, 1);
            audit.bind(4, QString::fromLatin1(entity));
            audit.bind(5, id);
            audit.bind(6, idValue(auditCase(entity, id, caseId)));
            audit.bind(7, QString::fromStdString(col));
            audit.bind(8, values[i].second);
            bindChain(audit);
            audit.run();
            changed += db.changes();
            set += (i ? ", " : "") + col + " = ?" + std::to_string(i + 2);
        }
        if (changed == 0)
            return;
        db::Statement &upd = cached("UPDATE " + table + " SET " + set + " WHERE id = ?1");
        upd.bind(1, id);
        for (std::size_t i = 0; i < values.size(); ++i)
            upd.bind(static_cast<int>(i + 2), values[i].second);
        upd.run();
    }

    void event(const QString &action, const QString &entity, std::optional<Id> entityId, std::optional<Id> caseId,
               const QString &field, const QVariant &newValue)
    {
        const QByteArray actionUtf8 = action.toUtf8();
        // NULL field, as in a 'create' entry
        appendEntry(std::string_view(actionUtf8.constData(), static_cast<std::size_t>(actionUtf8.size())), entity,
                    entityId, caseId, field.isEmpty() ? QVariant() : QVariant(field), newValue);
    }

    // --- who may do what (model/auth/Permissions.h)

    struct ActingMember {
        Id id = 0;
        QString name;
        QString team;
        Role role = Role::Detective;
        bool active = false;
    };
    // Read afresh for every decision: a role or team changed a moment ago applies at once.
    std::optional<ActingMember> actingMember()
    {
        if (!actor.memberId || actor.replay)
            return std::nullopt;
        db::Statement &s = cached("SELECT id, name, team, role, active FROM members WHERE id = ?1");
        s.bind(1, *actor.memberId);
        if (!s.step())
            return ActingMember{*actor.memberId, actor.label, {}, Role::Detective, false};
        const auto role = fromKey<Role>(s.text(3));
        // A role this build does not know grants nothing.
        return ActingMember{s.int64(0), s.text(1), s.text(2), role.value_or(Role::Detective), role && s.integer(4) != 0};
    }

    auth::CaseRelation relation(const ActingMember &m, Id caseId)
    {
        auth::CaseRelation r;
        db::Statement &c = cached("SELECT restricted FROM cases WHERE id = ?1");
        c.bind(1, caseId);
        if (!c.step())
            return r; // no such case: the action itself says so
        r.isCase = true;
        r.restricted = c.integer(0) != 0;
        db::Statement &a = cached("SELECT 1 FROM assignments WHERE case_id = ?1 AND member_id = ?2 AND end_date IS NULL");
        a.bindAll(caseId, m.id);
        r.assigned = a.step();
        if (m.role == Role::Sergeant && !m.team.isEmpty()) {
            db::Statement &t = cached("SELECT 1 FROM assignments a JOIN members x ON x.id = a.member_id "
                                      "WHERE a.case_id = ?1 AND a.end_date IS NULL AND x.team = ?2 AND x.id <> ?3");
            t.bindAll(caseId, m.team, m.id);
            r.supervises = t.step();
        }
        return r;
    }

    // The SQL condition "the actor may see case c" for lists and counts, with ?P = the member's
    // id and ?T their team (a sergeant) or NULL.
    static constexpr const char *kVisibleCase =
        "(c.restricted = 0 OR EXISTS (SELECT 1 FROM assignments a WHERE a.case_id = c.id AND a.end_date IS NULL "
        "AND (a.member_id = ?90 OR (?91 IS NOT NULL AND a.member_id IN (SELECT x.id FROM members x "
        "WHERE x.team = ?91)))))";

    Visibility visibility()
    {
        const auto m = actingMember();
        if (!m)
            return {true, false, 0, {}};
        if (!m->active || m->role == Role::Administrator)
            return {false, true, 0, {}};
        return {false, false, m->id,
                m->role == Role::Sergeant && !m->team.isEmpty() ? QVariant(m->team) : QVariant()};
    }

    // The case a row of a case's table belongs to (nullopt: no such row; the action says so).
    std::optional<Id> caseOf(const char *table, Id id)
    {
        db::Statement &s = cached(std::string("SELECT case_id FROM ") + table + " WHERE id = ?1");
        s.bind(1, id);
        if (s.step())
            return s.int64(0);
        return std::nullopt;
    }

    // Restricted reads are audited once per case and member every ten minutes: opening a case
    // reads its victims, leads, notes... and that is one read.
    std::unordered_map<Id, std::int64_t> restrictedReads;

    struct PendingDenial {
        auth::Permission permission;
        std::optional<Id> caseId;
        QString reason;
    };
    std::vector<PendingDenial> pendingDenials; // refused inside a batch: written after it ends
};

CaseStore::CaseStore(CaseFile &file, const Clock &clock) : d(std::make_unique<Impl>(file, clock)) {}

CaseStore::~CaseStore() = default;

void CaseStore::setActor(Actor actor)
{
    d->actor = std::move(actor);
}

const Actor &CaseStore::actor() const
{
    return d->actor;
}

const Clock &CaseStore::clock() const
{
    return d->clock;
}

db::Database &CaseStore::database()
{
    return d->db;
}


void CaseStore::begin(bool bulkRoot)
{
    Impl::Level level;
    level.bulkRoot = bulkRoot;
    if (d->depth == 0) {
        d->db.execScript("BEGIN IMMEDIATE");
    } else if (d->bulkDepth == 0) {
        d->db.execScript("SAVEPOINT action" + std::to_string(d->depth));
        level.savepoint = true;
    }
    d->levels.push_back(level);
    ++d->depth;
    if (bulkRoot) {
        if (d->bulkDepth == 0)
            d->bulkFailed = false;
        ++d->bulkDepth;
    }
}

void CaseStore::commit()
{
    const Impl::Level level = d->levels.back();
    if (level.bulkRoot && d->bulkFailed) {
        // Something inside failed and was caught: without savepoints its half is still there.
        rollback();
        throw Error(ErrorKind::Refused, Tr::tr("An action inside a bulk operation failed; nothing was written."));
    }
    d->levels.pop_back();
    --d->depth;
    if (level.bulkRoot)
        --d->bulkDepth;
    if (level.wrote)
        d->wrote(); // what this level wrote now belongs to the enclosing one
    try {
        if (d->depth == 0)
            d->db.execScript("COMMIT");
        else if (level.savepoint)
            d->db.execScript("RELEASE action" + std::to_string(d->depth));
    } catch (const Error &) {
        // A failed COMMIT can leave the transaction open: end it, so that the action is all or
        // nothing and the next one does not fail on "cannot start a transaction within a transaction".
        if (d->depth == 0 && d->db.inTransaction()) {
            try {
                d->db.execScript("ROLLBACK");
            } catch (const Error &) {
            }
        }
        throw;
    }
}

void CaseStore::rollback()
{
    const Impl::Level level = d->levels.back();
    d->levels.pop_back();
    --d->depth;
    if (level.bulkRoot)
        --d->bulkDepth;
    try {
        if (d->depth == 0) {
            if (d->db.inTransaction())
                d->db.execScript("ROLLBACK");
        } else if (level.savepoint) {
            const std::string sp = "action" + std::to_string(d->depth);
            d->db.execScript("ROLLBACK TO " + sp + "; RELEASE " + sp);
        } else if (level.wrote) {
            d->bulkFailed = true; // no savepoint to go back to: the enclosing bulk must roll back
        }
    } catch (const Error &) {
        // The library may already have rolled back after an I/O error.
    }
    if (level.bulkRoot && (d->depth == 0 || level.savepoint))
        d->bulkFailed = false; // the bulk's changes are gone for real
    if (d->depth == 0 && !d->pendingDenials.empty()) {
        const auto denials = std::exchange(d->pendingDenials, {});
        for (const auto &denial : denials) {
            try {
                writeDenied(denial.permission, denial.caseId, denial.reason);
            } catch (const Error &) {
                // The refusal itself still reaches the caller.
            }
        }
    }
}

// One action = one transaction (or a savepoint inside a batch).
#define CB_ACTION(body)                                                                                                \
    do {                                                                                                               \
        begin();                                                                                                       \
        try {                                                                                                          \
            body;                                                                                                      \
        } catch (...) {                                                                                                \
            rollback();                                                                                                \
            throw;                                                                                                     \
        }                                                                                                              \
        commit();                                                                                                      \
    } while (false)

namespace {
// A denial's detail, as a small JSON object: the permission asked and the reason given.
QString deniedDetail(auth::Permission permission, const QString &reason)
{
    std::string out = "{\"permission\":";
    appendJsonString(out, auth::permissionLabel(permission).toStdString());
    out += ",\"reason\":";
    appendJsonString(out, reason.toStdString());
    out += '}';
    return QString::fromStdString(out);
}
} // namespace

void CaseStore::writeDenied(auth::Permission permission, std::optional<Id> caseId, const QString &reason)
{
    // In a transaction of its own, so that it stays when the refused action's batch rolls back.
    // Inside a batch it waits for the batch to end (rollback() writes it).
    if (d->depth > 0) {
        d->pendingDenials.push_back({permission, caseId, reason});
        return;
    }
    CB_ACTION(d->event(QStringLiteral("denied"), caseId ? QStringLiteral("case") : QStringLiteral("case_file"), caseId,
                       caseId, QString(), deniedDetail(permission, reason)));
}

void CaseStore::authorize(auth::Permission permission, std::optional<Id> caseId)
{
    const auto m = d->actingMember();
    if (!m)
        return; // the system: imports, the demo generator
    const bool aboutACase = permission == auth::Permission::ReadCase || permission == auth::Permission::EditCase ||
                            permission == auth::Permission::AddLeadOrNote ||
                            permission == auth::Permission::ClearExceptionally ||
                            permission == auth::Permission::Assign || permission == auth::Permission::Restrict;
    const auth::CaseRelation rel = caseId ? d->relation(*m, *caseId) : auth::CaseRelation{};
    if (aboutACase && !rel.isCase)
        return; // no such case: the action itself says so
    QString reason;
    if (!m->active) {
        reason = Tr::tr("%1 is not an active member of the unit").arg(m->name);
    } else {
        const auth::Decision decision = auth::decide(m->role, permission, rel);
        if (decision.allowed)
            return;
        reason = decision.reason;
    }
    writeDenied(permission, caseId, reason);
    throw Error(ErrorKind::Refused, Tr::tr("%1 (%2) may not %3: %4.")
                                        .arg(m->name, label(m->role), auth::permissionLabel(permission), reason));
}

bool CaseStore::mayRead(Id caseId) const
{
    if (d->depth > 0)
        return true; // inside an action, authorized as a whole
    auto *self = const_cast<CaseStore *>(this); // reads are const; their audit entries are not
    const auto m = d->actingMember();
    if (!m)
        return true;
    const auth::CaseRelation rel = d->relation(*m, caseId);
    if (!rel.isCase)
        return true; // nothing to read
    const auth::Decision decision = m->active ? auth::decide(m->role, auth::Permission::ReadCase, rel)
                                              : auth::Decision{false, Tr::tr("not an active member")};
    if (!decision.allowed) {
        self->writeDenied(auth::Permission::ReadCase, caseId, decision.reason);
        return false;
    }
    if (rel.restricted) {
        const std::int64_t now = d->clock.nowMs();
        auto &last = d->restrictedReads[caseId];
        if (last == 0 || now - last >= 10 * 60 * 1000 || now < last) {
            self->begin();
            try {
                d->event(QStringLiteral("read"), QStringLiteral("case"), caseId, caseId, QString(), QVariant());
            } catch (...) {
                self->rollback();
                throw; // a read that cannot be audited does not happen
            }
            self->commit();
            last = now;
        }
    }
    return true;
}

// --- members ---------------------------------------------------------------------------------

namespace {
void validateMember(const Member &m)
{
    requireText(m.name, Tr::tr("name"));
    requireText(m.badge, Tr::tr("badge"));
}

Values memberValues(const Member &m)
{
    return {{"name", m.name.trimmed()}, {"badge", m.badge.trimmed()}, {"rank", m.rank},
            {"team", m.team},           {"role", enumValue(m.role)},  {"active", m.active}};
}

Member memberFrom(const db::Statement &s)
{
    Member m;
    m.id = s.int64(0);
    m.name = s.text(1);
    m.badge = s.text(2);
    m.rank = s.text(3);
    m.team = s.text(4);
    m.role = enumAt(s, 5, Role::Detective);
    m.active = s.integer(6) != 0;
    return m;
}

constexpr const char *kMemberSelect = "SELECT id, name, badge, rank, team, role, active FROM members";
} // namespace

Id CaseStore::addMember(const Member &m)
{
    authorize(auth::Permission::ManageMembers, std::nullopt);
    validateMember(m);
    Id id = 0;
    CB_ACTION({
        if (memberByBadge(m.badge.trimmed()))
            invalid(Tr::tr("badge"), Tr::tr("%1 is already in use").arg(m.badge.trimmed()));
        id = d->insert("members", "member", std::nullopt, memberValues(m));
    });
    return id;
}

void CaseStore::updateMember(const Member &m)
{
    authorize(auth::Permission::ManageMembers, std::nullopt);
    validateMember(m);
    CB_ACTION({
        const auto existing = member(m.id);
        if (!existing)
            throw Error(ErrorKind::NotFound, Tr::tr("No member with id %1.").arg(m.id));
        if (const auto other = memberByBadge(m.badge.trimmed()); other && other->id != m.id)
            invalid(Tr::tr("badge"), Tr::tr("%1 is already in use").arg(m.badge.trimmed()));
        d->update("members", "member", m.id, std::nullopt, memberValues(m));
    });
}

QList<Member> CaseStore::members() const
{
    QList<Member> out;
    db::Statement s = d->db.prepare(std::string(kMemberSelect) + " ORDER BY name, id");
    while (s.step())
        out << memberFrom(s);
    return out;
}

std::optional<Member> CaseStore::member(Id id) const
{
    db::Statement s = d->db.prepare(std::string(kMemberSelect) + " WHERE id = ?1");
    s.bind(1, id);
    if (s.step())
        return memberFrom(s);
    return std::nullopt;
}

std::optional<Member> CaseStore::memberByBadge(const QString &badge) const
{
    db::Statement s = d->db.prepare(std::string(kMemberSelect) + " WHERE badge = ?1");
    s.bind(1, badge);
    if (s.step())
        return memberFrom(s);
    return std::nullopt;
}

// --- cases -----------------------------------------------------------------------------------

namespace {
Values caseDescriptiveValues(const CaseRecord &c)
{
    return {{"case_number", c.caseNumber.trimmed()},
            {"incident_date", dateValue(c.incidentDate)},
            {"incident_time", timeValue(c.incidentTime)},
            {"address", c.address},
            {"district", c.district.isEmpty() ? QVariant() : QVariant(c.district)},
            {"beat", c.beat.isEmpty() ? QVariant() : QVariant(c.beat)},
            {"ward", c.ward.isEmpty() ? QVariant() : QVariant(c.ward)},
            {"community_area", c.communityArea.isEmpty() ? QVariant() : QVariant(c.communityArea)},
            {"area", c.area.isEmpty() ? QVariant() : QVariant(c.area)},
            {"circumstance", enumValue(c.circumstance)},
            {"weapon", enumValue(c.weapon)},
            {"domestic", c.domestic},
            {"investigative_state", enumValue(c.investigativeState)},
            {"summary", c.summary}};
}

Values victimValues(const Victim &v)
{
    return {{"case_id", idValue(v.caseId)},
            {"name", v.name.trimmed()},
            {"age", optValue(v.age)},
            {"sex", enumValue(v.sex)},
            {"race", enumValue(v.race)}};
}
} // namespace

Id CaseStore::createCase(const CaseRecord &c, const QList<Victim> &victims)
{
    authorize(auth::Permission::CreateCase, std::nullopt);
    requireText(c.caseNumber, Tr::tr("case number"));
    if (!c.incidentDate.isValid())
        invalid(Tr::tr("incident date"), Tr::tr("required"));
    if (c.incidentDate > d->clock.today())
        invalid(Tr::tr("incident date"), Tr::tr("%1 is in the future").arg(c.incidentDate.toString(Qt::ISODate)));
    if (victims.isEmpty())
        invalid(Tr::tr("victims"), Tr::tr("a case needs at least one victim"));
    for (const Victim &v : victims)
        requireAge(v.age, Tr::tr("victim age"));
    Id id = 0;
    CB_ACTION({
        if (caseByNumber(c.caseNumber.trimmed()))
            invalid(Tr::tr("case number"), Tr::tr("%1 already exists").arg(c.caseNumber.trimmed()));
        Values values = caseDescriptiveValues(c);
        values.emplace_back("status", key(CaseStatus::Open));
        values.emplace_back("created_at", QVariant::fromValue<qlonglong>(d->clock.nowMs()));
        id = d->insert("cases", "case", std::nullopt, values);
        d->insert("status_changes", "status_change", id,
                  {{"case_id", idValue(id)},
                   {"status", key(CaseStatus::Open)},
                   {"effective_date", dateValue(c.incidentDate)},
                   {"member_id", idValue(d->actor.memberId)},
                   {"reason", QStringLiteral("case opened") /* stored data: not translated */},
                   {"recorded_at", QVariant::fromValue<qlonglong>(d->clock.nowMs())}});
        for (Victim v : victims) {
            v.caseId = id;
            d->insert("victims", "victim", id, victimValues(v));
        }
    });
    return id;
}

void CaseStore::updateCase(const CaseRecord &c)
{
    authorize(auth::Permission::EditCase, c.id);
    requireText(c.caseNumber, Tr::tr("case number"));
    if (!c.incidentDate.isValid())
        invalid(Tr::tr("incident date"), Tr::tr("required"));
    if (c.incidentDate > d->clock.today())
        invalid(Tr::tr("incident date"), Tr::tr("%1 is in the future").arg(c.incidentDate.toString(Qt::ISODate)));
    CB_ACTION({
        const auto existing = caseById(c.id);
        if (!existing)
            throw Error(ErrorKind::NotFound, Tr::tr("No case with id %1.").arg(c.id));
        if (const auto other = caseByNumber(c.caseNumber.trimmed()); other && other->id != c.id)
            invalid(Tr::tr("case number"), Tr::tr("%1 already exists").arg(c.caseNumber.trimmed()));
        // Every status change after the opening one (a clearance, an unfounding, a reopening, now
        // or in the past) happened on or after the incident: the incident cannot move past it.
        db::Statement later = d->db.prepare(
            "SELECT min(effective_date) FROM status_changes WHERE case_id = ?1 "
            "AND id > (SELECT min(id) FROM status_changes WHERE case_id = ?1)");
        later.bind(1, c.id);
        if (later.step() && !later.isNull(0) && c.incidentDate > dateAt(later, 0))
            invalid(Tr::tr("incident date"), Tr::tr("cannot be after %1, when the case's status changed")
                                                 .arg(dateAt(later, 0).toString(Qt::ISODate)));
        d->update("cases", "case", c.id, c.id, caseDescriptiveValues(c));
    });
}

std::optional<CaseRecord> CaseStore::caseById(Id id) const
{
    db::Statement s = d->db.prepare(std::string("SELECT ") + kCaseColumns + " FROM cases WHERE id = ?1");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    const CaseRecord c = caseFrom(s);
    s.reset(); // mayRead() may write an audit entry
    if (!mayRead(id))
        return std::nullopt;
    return c;
}

std::optional<CaseRecord> CaseStore::caseByNumber(const QString &caseNumber) const
{
    db::Statement s = d->db.prepare(std::string("SELECT ") + kCaseColumns + " FROM cases WHERE case_number = ?1");
    s.bind(1, caseNumber);
    if (!s.step())
        return std::nullopt;
    const CaseRecord c = caseFrom(s);
    s.reset(); // mayRead() may write an audit entry
    if (!mayRead(c.id))
        return std::nullopt;
    return c;
}

int CaseStore::caseCount() const
{
    const auto v = d->visibility();
    if (v.all)
        return static_cast<int>(d->db.scalar("SELECT count(*) FROM cases").toLongLong());
    if (v.none)
        return 0;
    db::Statement s = d->db.prepare(std::string("SELECT count(*) FROM cases c WHERE ") + Impl::kVisibleCase);
    s.bind(90, v.member);
    s.bind(91, v.team);
    s.step();
    return static_cast<int>(s.int64(0));
}

void CaseStore::setRestricted(Id caseId, bool restricted)
{
    authorize(auth::Permission::Restrict, caseId);
    CB_ACTION({
        if (!caseById(caseId))
            throw Error(ErrorKind::NotFound, Tr::tr("No case with id %1.").arg(caseId));
        d->update("cases", "case", caseId, caseId, {{"restricted", restricted}});
    });
}

QList<CaseSummary> CaseStore::caseSummaries() const
{
    QList<CaseSummary> out;
    db::Statement s = d->db.prepare(R"SQL(
        SELECT c.id, c.case_number, c.incident_date, coalesce(c.area, ''), coalesce(c.district, ''), c.weapon,
               c.status, c.investigative_state, c.clearance_date,
               (SELECT count(*) FROM victims v WHERE v.case_id = c.id),
               (SELECT group_concat(CASE WHEN v.name = '' THEN '?' ELSE v.name END, '; ') FROM victims v
                 WHERE v.case_id = c.id),
               (SELECT m.name FROM assignments a JOIN members m ON m.id = a.member_id
                 WHERE a.case_id = c.id AND a.role = 'primary' AND a.end_date IS NULL),
               (SELECT count(*) FROM leads l WHERE l.case_id = c.id AND l.status IN ('open', 'in_progress')),
               (SELECT count(*) FROM leads l WHERE l.case_id = c.id AND l.status IN ('open', 'in_progress')
                  AND l.due_date < ?1),
               (SELECT max(a.at) FROM audit a WHERE a.case_id = c.id)
        FROM cases c WHERE ?92 OR )SQL" + std::string(Impl::kVisibleCase) + " ORDER BY c.incident_date DESC, c.id DESC");
    const auto v = d->visibility();
    if (v.none)
        return out;
    s.bind(1, d->clock.today().toString(Qt::ISODate));
    s.bind(90, v.member);
    s.bind(91, v.team);
    s.bind(92, v.all);
    while (s.step()) {
        CaseSummary r;
        r.id = s.int64(0);
        r.caseNumber = s.text(1);
        r.incidentDate = dateAt(s, 2);
        r.area = s.text(3);
        r.district = s.text(4);
        r.weapon = enumAt(s, 5, Weapon::Unknown);
        r.status = enumAt(s, 6, CaseStatus::Open);
        r.investigativeState = enumAt(s, 7, InvestigativeState::Active);
        r.clearanceDate = dateAt(s, 8);
        r.victimCount = s.integer(9);
        r.victimNames = s.text(10);
        r.primaryDetective = s.text(11);
        r.openLeads = s.integer(12);
        r.overdueLeads = s.integer(13);
        r.lastActivity = s.int64(14);
        out << r;
    }
    return out;
}

// --- victims ---------------------------------------------------------------------------------

namespace {
Victim victimFrom(const db::Statement &s)
{
    Victim v;
    v.id = s.int64(0);
    v.caseId = s.int64(1);
    v.name = s.text(2);
    v.age = optInt(s, 3);
    v.sex = enumAt(s, 4, Sex::Unknown);
    v.race = enumAt(s, 5, Race::Unknown);
    return v;
}
} // namespace

Id CaseStore::addVictim(const Victim &v)
{
    authorize(auth::Permission::EditCase, v.caseId);
    requireAge(v.age, Tr::tr("victim age"));
    Id id = 0;
    CB_ACTION({
        if (!caseById(v.caseId))
            throw Error(ErrorKind::NotFound, Tr::tr("No case with id %1.").arg(v.caseId));
        id = d->insert("victims", "victim", v.caseId, victimValues(v));
    });
    return id;
}

void CaseStore::updateVictim(const Victim &v)
{
    authorize(auth::Permission::EditCase, d->caseOf("victims", v.id));
    requireAge(v.age, Tr::tr("victim age"));
    CB_ACTION({
        db::Statement s = d->db.prepare("SELECT case_id FROM victims WHERE id = ?1");
        s.bind(1, v.id);
        if (!s.step())
            throw Error(ErrorKind::NotFound, Tr::tr("No victim with id %1.").arg(v.id));
        const Id caseId = s.int64(0);
        Values values = victimValues(v);
        values.erase(values.begin()); // a victim never moves to another case
        d->update("victims", "victim", v.id, caseId, values);
    });
}

QList<Victim> CaseStore::victims(Id caseId) const
{
    if (!mayRead(caseId))
        return {};
    QList<Victim> out;
    db::Statement s = d->db.prepare("SELECT id, case_id, name, age, sex, race FROM victims WHERE case_id = ?1 ORDER BY id");
    s.bind(1, caseId);
    while (s.step())
        out << victimFrom(s);
    return out;
}

// --- persons and arrests ---------------------------------------------------------------------

namespace {
Values personValues(const CasePerson &p)
{
    return {{"case_id", idValue(p.caseId)}, {"role", enumValue(p.role)}, {"name", p.name.trimmed()},
            {"age", optValue(p.age)},       {"sex", enumValue(p.sex)},   {"race", enumValue(p.race)},
            {"description", p.description}};
}
} // namespace

Id CaseStore::addPerson(const CasePerson &p)
{
    authorize(auth::Permission::EditCase, p.caseId);
    requireAge(p.age, Tr::tr("age"));
    if (p.name.trimmed().isEmpty() && p.description.trimmed().isEmpty())
        invalid(Tr::tr("name"), Tr::tr("give a name or a description"));
    Id id = 0;
    CB_ACTION({
        if (!caseById(p.caseId))
            throw Error(ErrorKind::NotFound, Tr::tr("No case with id %1.").arg(p.caseId));
        id = d->insert("case_persons", "person", p.caseId, personValues(p));
    });
    return id;
}

void CaseStore::updatePerson(const CasePerson &p)
{
    authorize(auth::Permission::EditCase, d->caseOf("case_persons", p.id));
    requireAge(p.age, Tr::tr("age"));
    if (p.name.trimmed().isEmpty() && p.description.trimmed().isEmpty())
        invalid(Tr::tr("name"), Tr::tr("give a name or a description"));
    CB_ACTION({
        db::Statement s = d->db.prepare("SELECT case_id FROM case_persons WHERE id = ?1");
        s.bind(1, p.id);
        if (!s.step())
            throw Error(ErrorKind::NotFound, Tr::tr("No person with id %1.").arg(p.id));
        const Id caseId = s.int64(0);
        Values values = personValues(p);
        values.erase(values.begin());
        d->update("case_persons", "person", p.id, caseId, values);
    });
}

QList<CasePerson> CaseStore::persons(Id caseId) const
{
    if (!mayRead(caseId))
        return {};
    QList<CasePerson> out;
    db::Statement s = d->db.prepare(
        "SELECT id, case_id, role, name, age, sex, race, description FROM case_persons WHERE case_id = ?1 ORDER BY id");
    s.bind(1, caseId);
    while (s.step()) {
        CasePerson p;
        p.id = s.int64(0);
        p.caseId = s.int64(1);
        p.role = enumAt(s, 2, PersonRole::Suspect);
        p.name = s.text(3);
        p.age = optInt(s, 4);
        p.sex = enumAt(s, 5, Sex::Unknown);
        p.race = enumAt(s, 6, Race::Unknown);
        p.description = s.text(7);
        out << p;
    }
    return out;
}

Id CaseStore::addArrest(const Arrest &a)
{
    authorize(auth::Permission::EditCase, a.caseId);
    requireText(a.charges, Tr::tr("charges"));
    if (!a.date.isValid())
        invalid(Tr::tr("arrest date"), Tr::tr("required"));
    if (a.date > d->clock.today())
        invalid(Tr::tr("arrest date"), Tr::tr("%1 is in the future").arg(a.date.toString(Qt::ISODate)));
    Id id = 0;
    CB_ACTION({
        const auto c = caseById(a.caseId);
        if (!c)
            throw Error(ErrorKind::NotFound, Tr::tr("No case with id %1.").arg(a.caseId));
        if (a.date < c->incidentDate)
            invalid(Tr::tr("arrest date"), Tr::tr("is before the incident date %1").arg(c->incidentDate.toString(Qt::ISODate)));
        db::Statement s = d->db.prepare("SELECT 1 FROM case_persons WHERE id = ?1 AND case_id = ?2");
        s.bindAll(a.personId, a.caseId);
        if (!s.step())
            invalid(Tr::tr("person"), Tr::tr("the arrested person must be linked to this case first"));
        if (a.arrestingMemberId && !member(*a.arrestingMemberId))
            invalid(Tr::tr("arresting officer"), Tr::tr("no member with id %1").arg(*a.arrestingMemberId));
        id = d->insert("arrests", "arrest", a.caseId,
                       {{"case_id", idValue(a.caseId)},
                        {"person_id", idValue(a.personId)},
                        {"arrest_date", dateValue(a.date)},
                        {"charges", a.charges.trimmed()},
                        {"arresting_member_id", idValue(a.arrestingMemberId)},
                        {"juvenile", a.juvenile},
                        {"prosecution_status", a.prosecution ? QVariant(key(*a.prosecution)) : QVariant()},
                        {"prosecution_date", dateValue(a.prosecutionDate)}});
    });
    return id;
}

void CaseStore::setProsecution(Id arrestId, ProsecutionStatus status, const QDate &date)
{
    authorize(auth::Permission::EditCase, d->caseOf("arrests", arrestId));
    if (!date.isValid())
        invalid(Tr::tr("prosecution date"), Tr::tr("required"));
    CB_ACTION({
        db::Statement s = d->db.prepare("SELECT case_id, arrest_date FROM arrests WHERE id = ?1");
        s.bind(1, arrestId);
        if (!s.step())
            throw Error(ErrorKind::NotFound, Tr::tr("No arrest with id %1.").arg(arrestId));
        const Id caseId = s.int64(0);
        if (date < dateAt(s, 1))
            invalid(Tr::tr("prosecution date"), Tr::tr("is before the arrest"));
        d->update("arrests", "arrest", arrestId, caseId,
                  {{"prosecution_status", key(status)}, {"prosecution_date", dateValue(date)}});
    });
}

QList<Arrest> CaseStore::arrests(Id caseId) const
{
    if (!mayRead(caseId))
        return {};
    QList<Arrest> out;
    db::Statement s = d->db.prepare("SELECT id, case_id, person_id, arrest_date, charges, arresting_member_id, juvenile, "
                                    "prosecution_status, prosecution_date FROM arrests WHERE case_id = ?1 ORDER BY id");
    s.bind(1, caseId);
    while (s.step()) {
        Arrest a;
        a.id = s.int64(0);
        a.caseId = s.int64(1);
        a.personId = s.int64(2);
        a.date = dateAt(s, 3);
        a.charges = s.text(4);
        a.arrestingMemberId = optId(s, 5);
        a.juvenile = s.integer(6) != 0;
        if (!s.isNull(7))
            a.prosecution = fromKey<ProsecutionStatus>(s.text(7));
        a.prosecutionDate = dateAt(s, 8);
        out << a;
    }
    return out;
}

// --- status ----------------------------------------------------------------------------------

class CaseStore::Writer {
public:
    // Checks the date of a status change against the case and today.
    static CaseRecord prepare(CaseStore &store, Id caseId, const QDate &date)
    {
        const auto c = store.caseById(caseId);
        if (!c)
            throw Error(ErrorKind::NotFound, Tr::tr("No case with id %1.").arg(caseId));
        if (!date.isValid())
            invalid(Tr::tr("date"), Tr::tr("required"));
        if (date > store.d->clock.today())
            invalid(Tr::tr("date"), Tr::tr("%1 is in the future").arg(date.toString(Qt::ISODate)));
        if (date < c->incidentDate)
            invalid(Tr::tr("date"),
                    Tr::tr("%1 is before the incident date %2")
                        .arg(date.toString(Qt::ISODate), c->incidentDate.toString(Qt::ISODate)));
        return *c;
    }

    // A named member must exist; said with the field, not as a bare foreign-key failure.
    static void requireMember(const CaseStore &store, std::optional<Id> memberId, const QString &field)
    {
        if (memberId && !store.member(*memberId))
            invalid(field, Tr::tr("no member with id %1").arg(*memberId));
    }

    static void record(CaseStore &store, const CaseRecord &c, CaseStatus status, const QDate &date,
                       std::optional<Id> memberId, const ExceptionalClearance *ex, const QString &reason)
    {
        auto &d = *store.d;
        Values change = {{"case_id", idValue(c.id)},
                         {"status", key(status)},
                         {"effective_date", dateValue(date)},
                         {"member_id", idValue(memberId)},
                         {"reason", reason.trimmed()},
                         {"recorded_at", QVariant::fromValue<qlonglong>(d.clock.nowMs())}};
        if (ex) {
            change.emplace_back("exceptional_code", key(ex->code));
            change.emplace_back("offender_identified", ex->offenderIdentified);
            change.emplace_back("evidence_sufficient", ex->evidenceSufficient);
            change.emplace_back("location_known", ex->locationKnown);
            change.emplace_back("beyond_control", ex->beyondControl);
        }
        d.insert("status_changes", "status_change", c.id, change);
        const bool cleared = status == CaseStatus::ClearedByArrest || status == CaseStatus::ClearedExceptionally;
        const bool unfounded = status == CaseStatus::Unfounded;
        Values next = {{"status", key(status)}};
        next.emplace_back("clearance_date", cleared ? dateValue(date) : QVariant());
        next.emplace_back("clearing_member_id", cleared ? idValue(memberId) : QVariant());
        next.emplace_back("exceptional_code", ex ? QVariant(key(ex->code)) : QVariant());
        next.emplace_back("unfounded_date", unfounded ? dateValue(date) : QVariant());
        next.emplace_back("unfounded_reason", unfounded ? QVariant(reason.trimmed()) : QVariant());
        d.update("cases", "case", c.id, c.id, next);
    }
};

void CaseStore::clearByArrest(Id caseId, const QDate &date, std::optional<Id> clearingMemberId, const QString &reason)
{
    authorize(auth::Permission::EditCase, caseId);
    CB_ACTION({
        const CaseRecord c = Writer::prepare(*this, caseId, date);
        if (c.status != CaseStatus::Open)
            refused(Tr::tr("Case %1 is %2, not open: reopen it first.").arg(c.caseNumber, label(c.status).toLower()));
        db::Statement s = d->db.prepare("SELECT count(*) FROM arrests WHERE case_id = ?1 AND arrest_date <= ?2");
        s.bindAll(caseId, date.toString(Qt::ISODate));
        s.step();
        if (s.int64(0) == 0)
            refused(Tr::tr("Case %1 cannot be cleared by arrest: no arrest is recorded on or before %2.")
                        .arg(c.caseNumber, date.toString(Qt::ISODate)));
        Writer::requireMember(*this, clearingMemberId, Tr::tr("clearing detective"));
        Writer::record(*this, c, CaseStatus::ClearedByArrest, date, clearingMemberId, nullptr, reason);
    });
}

void CaseStore::clearExceptionally(Id caseId, const QDate &date, std::optional<Id> clearingMemberId,
                                   const ExceptionalClearance &record)
{
    authorize(auth::Permission::ClearExceptionally, caseId);
    // Name the conditions that are missing, not all four, so the user sees what to record.
    QStringList missing;
    if (!record.offenderIdentified)
        missing << Tr::tr("the offender identified");
    if (!record.evidenceSufficient)
        missing << Tr::tr("enough evidence to arrest, charge and prosecute");
    if (!record.locationKnown)
        missing << Tr::tr("the offender's location known");
    if (!record.beyondControl)
        missing << Tr::tr("a reason outside police control that prevents arrest and prosecution");
    if (!missing.isEmpty())
        refused(Tr::tr("An exceptional clearance needs all four conditions; not recorded: %1.")
                    .arg(missing.join(QStringLiteral("; "))));
    if (record.reason.trimmed().isEmpty())
        invalid(Tr::tr("reason"), Tr::tr("say what prevents arrest and prosecution"));
    CB_ACTION({
        const CaseRecord c = Writer::prepare(*this, caseId, date);
        if (c.status != CaseStatus::Open)
            refused(Tr::tr("Case %1 is %2, not open: reopen it first.").arg(c.caseNumber, label(c.status).toLower()));
        Writer::requireMember(*this, clearingMemberId, Tr::tr("clearing detective"));
        Writer::record(*this, c, CaseStatus::ClearedExceptionally, date, clearingMemberId, &record, record.reason);
    });
}

void CaseStore::markUnfounded(Id caseId, const QDate &date, const QString &reason)
{
    authorize(auth::Permission::EditCase, caseId);
    requireText(reason, Tr::tr("reason"));
    CB_ACTION({
        const CaseRecord c = Writer::prepare(*this, caseId, date);
        if (c.status != CaseStatus::Open)
            refused(Tr::tr("Case %1 is %2, not open: reopen it first.").arg(c.caseNumber, label(c.status).toLower()));
        Writer::record(*this, c, CaseStatus::Unfounded, date, d->actor.memberId, nullptr, reason);
    });
}

void CaseStore::reopen(Id caseId, const QDate &date, const QString &reason)
{
    authorize(auth::Permission::EditCase, caseId);
    requireText(reason, Tr::tr("reason"));
    CB_ACTION({
        const CaseRecord c = Writer::prepare(*this, caseId, date);
        if (c.status == CaseStatus::Open)
            refused(Tr::tr("Case %1 is already open.").arg(c.caseNumber));
        const QDate since = c.status == CaseStatus::Unfounded ? c.unfoundedDate : c.clearanceDate;
        if (date < since)
            invalid(Tr::tr("date"), Tr::tr("%1 is before the current status took effect (%2)")
                                        .arg(date.toString(Qt::ISODate), since.toString(Qt::ISODate)));
        Writer::record(*this, c, CaseStatus::Open, date, d->actor.memberId, nullptr, reason);
    });
}

QList<StatusChange> CaseStore::statusHistory(Id caseId) const
{
    if (!mayRead(caseId))
        return {};
    QList<StatusChange> out;
    db::Statement s = d->db.prepare(
        "SELECT id, case_id, status, effective_date, member_id, exceptional_code, offender_identified, "
        "evidence_sufficient, location_known, beyond_control, reason, recorded_at FROM status_changes "
        "WHERE case_id = ?1 ORDER BY id");
    s.bind(1, caseId);
    while (s.step()) {
        StatusChange c;
        c.id = s.int64(0);
        c.caseId = s.int64(1);
        c.status = enumAt(s, 2, CaseStatus::Open);
        c.effectiveDate = dateAt(s, 3);
        c.memberId = optId(s, 4);
        if (!s.isNull(5))
            c.exceptionalCode = fromKey<ExceptionalCode>(s.text(5));
        c.offenderIdentified = optBool(s, 6);
        c.evidenceSufficient = optBool(s, 7);
        c.locationKnown = optBool(s, 8);
        c.beyondControl = optBool(s, 9);
        c.reason = s.text(10);
        c.recordedAt = s.int64(11);
        out << c;
    }
    return out;
}

// --- assignments -----------------------------------------------------------------------------

namespace {
Assignment assignmentFrom(const db::Statement &s)
{
    Assignment a;
    a.id = s.int64(0);
    a.caseId = s.int64(1);
    a.memberId = s.int64(2);
    a.role = enumAt(s, 3, AssignmentRole::Primary);
    a.startDate = dateAt(s, 4);
    a.endDate = dateAt(s, 5);
    a.startReason = s.text(6);
    a.endReason = s.text(7);
    a.assignedById = optId(s, 8);
    return a;
}
constexpr const char *kAssignmentSelect = "SELECT id, case_id, member_id, role, start_date, end_date, start_reason, "
                                          "end_reason, assigned_by_id FROM assignments";
} // namespace

Id CaseStore::assign(Id caseId, Id memberId, AssignmentRole role, const QDate &start, const QString &reason)
{
    authorize(auth::Permission::Assign, caseId);
    if (!start.isValid())
        invalid(Tr::tr("start date"), Tr::tr("required"));
    if (start > d->clock.today())
        invalid(Tr::tr("start date"), Tr::tr("%1 is in the future").arg(start.toString(Qt::ISODate)));
    Id id = 0;
    CB_ACTION({
        const auto c = caseById(caseId);
        if (!c)
            throw Error(ErrorKind::NotFound, Tr::tr("No case with id %1.").arg(caseId));
        const auto m = member(memberId);
        if (!m)
            throw Error(ErrorKind::NotFound, Tr::tr("No member with id %1.").arg(memberId));
        if (!m->active)
            refused(Tr::tr("%1 is not active and cannot be assigned cases.").arg(m->name));
        if (m->role != Role::Detective && m->role != Role::Sergeant)
            refused(Tr::tr("%1 is %2: only detectives and sergeants carry cases.").arg(m->name, label(m->role).toLower()));
        for (const Assignment &a : assignments(caseId)) {
            if (!a.isOpen())
                continue;
            const bool samePerson = a.memberId == memberId;
            if (samePerson && a.role == role)
                refused(Tr::tr("%1 is already the %2 detective on case %3.")
                            .arg(m->name, label(role).toLower(), c->caseNumber));
            // A new primary replaces the old one; a detective moving between roles ends the old role.
            if ((role == AssignmentRole::Primary && a.role == AssignmentRole::Primary) || samePerson) {
                if (start < a.startDate)
                    invalid(Tr::tr("start date"), Tr::tr("is before the current assignment began (%1)")
                                                      .arg(a.startDate.toString(Qt::ISODate)));
                d->update("assignments", "assignment", a.id, caseId,
                          {{"end_date", dateValue(start)}, {"end_reason", reason.trimmed()}});
            }
        }
        id = d->insert("assignments", "assignment", caseId,
                       {{"case_id", idValue(caseId)},
                        {"member_id", idValue(memberId)},
                        {"role", enumValue(role)},
                        {"start_date", dateValue(start)},
                        {"start_reason", reason.trimmed()},
                        {"assigned_by_id", idValue(d->actor.memberId)}});
    });
    return id;
}

void CaseStore::endAssignment(Id assignmentId, const QDate &end, const QString &reason)
{
    authorize(auth::Permission::Assign, d->caseOf("assignments", assignmentId));
    requireText(reason, Tr::tr("reason"));
    if (!end.isValid())
        invalid(Tr::tr("end date"), Tr::tr("required"));
    CB_ACTION({
        db::Statement s = d->db.prepare(std::string(kAssignmentSelect) + " WHERE id = ?1");
        s.bind(1, assignmentId);
        if (!s.step())
            throw Error(ErrorKind::NotFound, Tr::tr("No assignment with id %1.").arg(assignmentId));
        const Assignment a = assignmentFrom(s);
        if (!a.isOpen())
            refused(Tr::tr("This assignment already ended on %1.").arg(a.endDate.toString(Qt::ISODate)));
        if (end < a.startDate)
            invalid(Tr::tr("end date"), Tr::tr("is before the start date %1").arg(a.startDate.toString(Qt::ISODate)));
        d->update("assignments", "assignment", a.id, a.caseId,
                  {{"end_date", dateValue(end)}, {"end_reason", reason.trimmed()}});
    });
}

QList<Assignment> CaseStore::assignments(Id caseId) const
{
    if (!mayRead(caseId))
        return {};
    QList<Assignment> out;
    db::Statement s = d->db.prepare(std::string(kAssignmentSelect) + " WHERE case_id = ?1 ORDER BY id");
    s.bind(1, caseId);
    while (s.step())
        out << assignmentFrom(s);
    return out;
}

std::optional<Assignment> CaseStore::currentPrimary(Id caseId) const
{
    if (!mayRead(caseId))
        return std::nullopt;
    db::Statement s = d->db.prepare(std::string(kAssignmentSelect) +
                                    " WHERE case_id = ?1 AND role = 'primary' AND end_date IS NULL");
    s.bind(1, caseId);
    if (s.step())
        return assignmentFrom(s);
    return std::nullopt;
}

// --- leads -----------------------------------------------------------------------------------

namespace {
void validateLead(const Lead &l)
{
    requireText(l.description, Tr::tr("lead description"));
    if (!l.createdDate.isValid())
        invalid(Tr::tr("created date"), Tr::tr("required"));
    if (l.dueDate.isValid() && l.dueDate < l.createdDate)
        invalid(Tr::tr("due date"), Tr::tr("is before the lead was created"));
    const bool done = l.status == LeadStatus::Completed || l.status == LeadStatus::NoValue;
    if (done && !l.completedDate.isValid())
        invalid(Tr::tr("completed date"), Tr::tr("required when the lead is %1").arg(label(l.status).toLower()));
    if (!done && l.completedDate.isValid())
        invalid(Tr::tr("completed date"), Tr::tr("only a completed lead has one"));
    if (l.completedDate.isValid() && l.completedDate < l.createdDate)
        invalid(Tr::tr("completed date"), Tr::tr("is before the lead was created"));
}

Values leadValues(const Lead &l)
{
    return {{"case_id", idValue(l.caseId)},
            {"description", l.description.trimmed()},
            {"source", enumValue(l.source)},
            {"priority", enumValue(l.priority)},
            {"assignee_id", idValue(l.assigneeId)},
            {"created_date", dateValue(l.createdDate)},
            {"due_date", dateValue(l.dueDate)},
            {"completed_date", dateValue(l.completedDate)},
            {"status", enumValue(l.status)},
            {"result", l.result}};
}
} // namespace

Id CaseStore::addLead(const Lead &l)
{
    authorize(auth::Permission::AddLeadOrNote, l.caseId);
    validateLead(l);
    Id id = 0;
    CB_ACTION({
        if (!caseById(l.caseId))
            throw Error(ErrorKind::NotFound, Tr::tr("No case with id %1.").arg(l.caseId));
        if (l.assigneeId && !member(*l.assigneeId))
            invalid(Tr::tr("assigned detective"), Tr::tr("no member with id %1").arg(*l.assigneeId));
        id = d->insert("leads", "lead", l.caseId, leadValues(l));
    });
    return id;
}

void CaseStore::updateLead(const Lead &l)
{
    authorize(auth::Permission::AddLeadOrNote, d->caseOf("leads", l.id));
    validateLead(l);
    CB_ACTION({
        db::Statement s = d->db.prepare("SELECT case_id FROM leads WHERE id = ?1");
        s.bind(1, l.id);
        if (!s.step())
            throw Error(ErrorKind::NotFound, Tr::tr("No lead with id %1.").arg(l.id));
        const Id caseId = s.int64(0);
        if (l.assigneeId && !member(*l.assigneeId))
            invalid(Tr::tr("assigned detective"), Tr::tr("no member with id %1").arg(*l.assigneeId));
        Values values = leadValues(l);
        values.erase(values.begin());
        d->update("leads", "lead", l.id, caseId, values);
    });
}

QList<Lead> CaseStore::leads(Id caseId) const
{
    if (!mayRead(caseId))
        return {};
    QList<Lead> out;
    db::Statement s = d->db.prepare("SELECT id, case_id, description, source, priority, assignee_id, created_date, "
                                    "due_date, completed_date, status, result FROM leads WHERE case_id = ?1 ORDER BY id");
    s.bind(1, caseId);
    while (s.step()) {
        Lead l;
        l.id = s.int64(0);
        l.caseId = s.int64(1);
        l.description = s.text(2);
        l.source = enumAt(s, 3, LeadSource::Other);
        l.priority = enumAt(s, 4, LeadPriority::Normal);
        l.assigneeId = optId(s, 5);
        l.createdDate = dateAt(s, 6);
        l.dueDate = dateAt(s, 7);
        l.completedDate = dateAt(s, 8);
        l.status = enumAt(s, 9, LeadStatus::Open);
        l.result = s.text(10);
        out << l;
    }
    return out;
}

// --- notes -----------------------------------------------------------------------------------

Id CaseStore::addNote(Id caseId, const QString &body, std::optional<Id> correctsNoteId)
{
    authorize(auth::Permission::AddLeadOrNote, caseId);
    requireText(body, Tr::tr("note"));
    Id id = 0;
    CB_ACTION({
        if (!caseById(caseId))
            throw Error(ErrorKind::NotFound, Tr::tr("No case with id %1.").arg(caseId));
        if (correctsNoteId) {
            db::Statement s = d->db.prepare("SELECT case_id FROM notes WHERE id = ?1");
            s.bind(1, *correctsNoteId);
            if (!s.step() || s.int64(0) != caseId)
                invalid(Tr::tr("corrected note"), Tr::tr("note %1 is not a note of this case").arg(*correctsNoteId));
        }
        id = d->insert("notes", "note", caseId,
                       {{"case_id", idValue(caseId)},
                        {"author_id", idValue(d->actor.memberId)},
                        {"created_at", QVariant::fromValue<qlonglong>(d->clock.nowMs())},
                        {"body", body},
                        {"corrects_note_id", idValue(correctsNoteId)}});
    });
    return id;
}

QList<Note> CaseStore::notes(Id caseId) const
{
    if (!mayRead(caseId))
        return {};
    QList<Note> out;
    db::Statement s = d->db.prepare(
        "SELECT id, case_id, author_id, created_at, body, corrects_note_id FROM notes WHERE case_id = ?1 ORDER BY id");
    s.bind(1, caseId);
    while (s.step()) {
        Note n;
        n.id = s.int64(0);
        n.caseId = s.int64(1);
        n.authorId = optId(s, 2);
        n.createdAt = s.int64(3);
        n.body = s.text(4);
        n.correctsNoteId = optId(s, 5);
        out << n;
    }
    return out;
}

// --- imports ---------------------------------------------------------------------------------

CaseStore::ImportOutcome CaseStore::importCase(const CaseRecord &c, const QList<ImportedVictim> &victims)
{
    authorize(auth::Permission::Import, std::nullopt);
    requireText(c.caseNumber, Tr::tr("case number"));
    requireText(c.source, Tr::tr("source"));
    if (!c.incidentDate.isValid())
        invalid(Tr::tr("incident date"), Tr::tr("required"));
    if (c.incidentDate > d->clock.today())
        invalid(Tr::tr("incident date"), Tr::tr("%1 is in the future").arg(c.incidentDate.toString(Qt::ISODate)));
    if (victims.isEmpty())
        invalid(Tr::tr("victims"), Tr::tr("a case needs at least one victim"));
    for (const ImportedVictim &v : victims)
        requireAge(v.victim.age, Tr::tr("victim age"));
    const bool cleared = c.status == CaseStatus::ClearedByArrest || c.status == CaseStatus::ClearedExceptionally;
    if (c.status == CaseStatus::Unfounded && !c.unfoundedDate.isValid())
        invalid(Tr::tr("unfounded date"), Tr::tr("required"));
    ImportOutcome outcome = ImportOutcome::Unchanged;
    CB_ACTION({
        Id caseId = 0;
        db::Statement &find = d->cached("SELECT id, coalesce(source, '') FROM cases WHERE case_number = ?1");
        find.bind(1, c.caseNumber.trimmed());
        if (find.step()) {
            caseId = find.int64(0);
            if (find.text(1) != c.source)
                invalid(Tr::tr("case number"),
                        find.text(1).isEmpty()
                            ? Tr::tr("%1 exists and was entered in CaseBoard").arg(c.caseNumber.trimmed())
                            : Tr::tr("%1 exists, imported from %2").arg(c.caseNumber.trimmed(), find.text(1)));
        } else {
            Values values = caseDescriptiveValues(c);
            values.emplace_back("status", key(c.status));
            values.emplace_back("exceptional_code",
                                c.status == CaseStatus::ClearedExceptionally && c.exceptionalCode
                                    ? QVariant(key(*c.exceptionalCode))
                                    : QVariant());
            values.emplace_back("clearance_date", cleared ? dateValue(c.clearanceDate) : QVariant());
            values.emplace_back("unfounded_date", c.status == CaseStatus::Unfounded ? dateValue(c.unfoundedDate) : QVariant());
            values.emplace_back("unfounded_reason",
                                c.status == CaseStatus::Unfounded ? QVariant(c.unfoundedReason) : QVariant());
            values.emplace_back("source", c.source);
            values.emplace_back("source_ref", c.sourceRef.isEmpty() ? QVariant() : QVariant(c.sourceRef));
            values.emplace_back("source_status", c.sourceStatus.isEmpty() ? QVariant() : QVariant(c.sourceStatus));
            values.emplace_back("latitude", optValue(c.latitude));
            values.emplace_back("longitude", optValue(c.longitude));
            values.emplace_back("created_at", QVariant::fromValue<qlonglong>(d->clock.nowMs()));
            caseId = d->insert("cases", "case", std::nullopt, values);
            // No 'open' event: a case is open until its first status change says otherwise, and
            // an import's bulk is a third smaller without one.
            const QString reason = QStringLiteral("imported from %1").arg(c.source);
            if (c.status != CaseStatus::Open) {
                const QDate effective = c.status == CaseStatus::Unfounded ? c.unfoundedDate : c.clearanceDate;
                d->insert("status_changes", "status_change", caseId,
                          {{"case_id", idValue(caseId)},
                           {"status", key(c.status)},
                           {"effective_date", dateValue(effective)},
                           {"exceptional_code", c.status == CaseStatus::ClearedExceptionally && c.exceptionalCode
                                                    ? QVariant(key(*c.exceptionalCode))
                                                    : QVariant()},
                           {"reason", c.sourceStatus.isEmpty() ? reason : reason + QStringLiteral(": ") + c.sourceStatus},
                           {"recorded_at", QVariant::fromValue<qlonglong>(d->clock.nowMs())}});
            }
            outcome = ImportOutcome::Created;
        }
        // A case created a moment ago holds only the victims added in this loop: they are checked
        // here instead of searched for in the file.
        QSet<QString> added;
        for (const ImportedVictim &iv : victims) {
            if (outcome == ImportOutcome::Created && !iv.sourceRef.isEmpty()) {
                if (added.contains(iv.sourceRef))
                    continue;
                added.insert(iv.sourceRef);
            } else if (!iv.sourceRef.isEmpty()) {
                db::Statement &seen = d->cached("SELECT 1 FROM victims WHERE case_id = ?1 AND source_ref = ?2");
                seen.bindAll(caseId, iv.sourceRef);
                if (seen.step())
                    continue;
            }
            Victim v = iv.victim;
            v.caseId = caseId;
            Values values = victimValues(v);
            values.emplace_back("source_ref", iv.sourceRef.isEmpty() ? QVariant() : QVariant(iv.sourceRef));
            d->insert("victims", "victim", caseId, values);
            if (outcome == ImportOutcome::Unchanged)
                outcome = ImportOutcome::VictimsAdded;
        }
    });
    return outcome;
}

// --- audit -----------------------------------------------------------------------------------

namespace {
QList<AuditEntry> readAudit(db::Statement &s)
{
    QList<AuditEntry> out;
    while (s.step()) {
        AuditEntry e;
        e.id = s.int64(0);
        e.at = s.int64(1);
        e.actorId = optId(s, 2);
        e.actor = s.text(3);
        e.action = s.text(4);
        e.entity = s.text(5);
        e.entityId = optId(s, 6);
        e.caseId = optId(s, 7);
        e.field = s.text(8);
        e.oldValue = s.value(9);
        e.newValue = s.value(10);
        out << e;
    }
    return out;
}
constexpr const char *kAuditSelect = "SELECT id, at, actor_id, actor, action, entity, entity_id, case_id, field, "
                                     "old_value, new_value FROM audit";
} // namespace

QList<AuditEntry> CaseStore::auditForCase(Id caseId) const
{
    if (!mayRead(caseId))
        return {};
    db::Statement s = d->db.prepare(std::string(kAuditSelect) + " WHERE case_id = ?1 ORDER BY id");
    s.bind(1, caseId);
    return readAudit(s);
}

QList<AuditEntry> CaseStore::auditFor(const QString &entity, Id entityId) const
{
    db::Statement s = d->db.prepare(std::string(kAuditSelect) + " WHERE entity = ?1 AND entity_id = ?2 ORDER BY id");
    s.bind(1, entity);
    s.bind(2, entityId);
    return readAudit(s);
}

QList<AuditEntry> CaseStore::auditTrail(Id afterId, int limit) const
{
    auto *self = const_cast<CaseStore *>(this); // a refusal is audited
    self->authorize(auth::Permission::ReadAudit, std::nullopt);
    db::Statement s = d->db.prepare(std::string(kAuditSelect) + " WHERE id > ?1 ORDER BY id LIMIT ?2");
    s.bindAll(afterId, limit);
    const QList<AuditEntry> all = readAudit(s);
    const auto m = d->actingMember();
    if (!m)
        return all;
    QList<AuditEntry> out;
    enum class Show { Whole, WithoutValues, Nothing };
    QHash<Id, Show> byCase;
    for (AuditEntry e : all) {
        if (e.caseId) {
            auto it = byCase.find(*e.caseId);
            if (it == byCase.end()) {
                const auth::CaseRelation rel = d->relation(*m, *e.caseId);
                const bool insider = rel.assigned || (m->role == Role::Sergeant && rel.supervises);
                const Show show = rel.restricted && !insider ? Show::Nothing // it appears nowhere else
                                  : auth::decide(m->role, auth::Permission::ReadCase, rel).allowed ? Show::Whole
                                                                                                   : Show::WithoutValues;
                it = byCase.insert(*e.caseId, show);
            }
            if (*it == Show::Nothing)
                continue;
            if (*it == Show::WithoutValues) {
                e.oldValue = QVariant();
                e.newValue = QVariant();
            }
        }
        out << e;
    }
    return out;
}

void CaseStore::recordEvent(const QString &action, const QString &entity, const QString &detail)
{
    CB_ACTION(d->event(action, entity, std::nullopt, std::nullopt, QString(), detail));
}

#undef CB_ACTION

} // namespace cb
