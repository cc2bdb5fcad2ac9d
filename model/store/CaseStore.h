#pragma once

#include "model/auth/Permissions.h"
#include "model/domain/Domain.h"

#include <QString>

#include <memory>
#include <optional>

namespace cb {

class CaseFile;
class Clock;
namespace db {
class Database;
}

// Who is acting: a member of the unit, or the system (an import, the demo generator).
struct Actor {
    std::optional<Id> memberId;
    QString label; // the member's badge, or e.g. "system:import"
    // Writes history on behalf of a member without checking their role: the demo generator
    // replaying a simulated unit, test fixtures. Never set for a signed-in person.
    bool replay = false;
};

// Every change to a case file goes through here. Each public action is one transaction that
// also writes its audit rows: it happens whole, with its audit trail, or not at all. A rejected
// action throws cb::Error (kind Invalid or Refused, message naming the field) and changes nothing.
class CaseStore {
public:
    CaseStore(CaseFile &file, const Clock &clock);
    ~CaseStore();
    CaseStore(const CaseStore &) = delete;
    CaseStore &operator=(const CaseStore &) = delete;

    void setActor(Actor actor);
    const Actor &actor() const;
    const Clock &clock() const;
    db::Database &database();

    // Runs several actions as one transaction (the demo generator, imports). Nested actions
    // join it; if fn throws, everything is rolled back.
    template<typename Fn>
    void batch(Fn &&fn);
    // Like batch(), for bulk writes (imports, generators): the actions inside take no savepoint
    // of their own, which makes them cheaper, so a failure of any one of them rolls back the
    // whole bulk, even if the exception is caught inside it.
    template<typename Fn>
    void bulk(Fn &&fn);

    // --- people of the unit
    Id addMember(const Member &m);
    void updateMember(const Member &m);
    QList<Member> members() const;
    std::optional<Member> member(Id id) const;
    std::optional<Member> memberByBadge(const QString &badge) const;

    // --- cases; a case is created open with at least one victim.
    // Every action and read below is checked against the acting member's role (model/auth/
    // Permissions.h): a refusal throws cb::Error (kind Refused) and is itself audited ('denied').
    // A restricted case is invisible to anyone but its assigned detectives and their sergeants:
    // reads return nothing, lists and counts leave it out, and each read by an insider is audited.
    // Actors without a member id are the system (imports, the demo generator) and are trusted.
    Id createCase(const CaseRecord &c, const QList<Victim> &victims);
    // Descriptive fields only; the status changes through the status actions below.
    void updateCase(const CaseRecord &c);
    std::optional<CaseRecord> caseById(Id id) const;
    std::optional<CaseRecord> caseByNumber(const QString &caseNumber) const;
    QList<CaseSummary> caseSummaries() const;
    int caseCount() const;
    void setRestricted(Id caseId, bool restricted);

    // --- victims (each is one offense)
    Id addVictim(const Victim &v);
    void updateVictim(const Victim &v);
    QList<Victim> victims(Id caseId) const;

    // --- suspects, offenders, witnesses; arrests
    Id addPerson(const CasePerson &p);
    void updatePerson(const CasePerson &p);
    QList<CasePerson> persons(Id caseId) const;
    Id addArrest(const Arrest &a);
    void setProsecution(Id arrestId, ProsecutionStatus status, const QDate &date);
    QList<Arrest> arrests(Id caseId) const;

    // --- status (see shared docs/clearance.md for the rules)
    void clearByArrest(Id caseId, const QDate &date, std::optional<Id> clearingMemberId, const QString &reason = {});
    void clearExceptionally(Id caseId, const QDate &date, std::optional<Id> clearingMemberId,
                            const ExceptionalClearance &record);
    void markUnfounded(Id caseId, const QDate &date, const QString &reason);
    void reopen(Id caseId, const QDate &date, const QString &reason);
    QList<StatusChange> statusHistory(Id caseId) const;

    // --- assignments; a new primary ends the previous one with the same date and reason.
    Id assign(Id caseId, Id memberId, AssignmentRole role, const QDate &start, const QString &reason);
    void endAssignment(Id assignmentId, const QDate &end, const QString &reason);
    QList<Assignment> assignments(Id caseId) const;
    std::optional<Assignment> currentPrimary(Id caseId) const;

    // --- leads
    Id addLead(const Lead &l);
    void updateLead(const Lead &l);
    QList<Lead> leads(Id caseId) const;

    // --- notes are append-only; a correction points at the note it corrects.
    Id addNote(Id caseId, const QString &body, std::optional<Id> correctsNoteId = std::nullopt);
    QList<Note> notes(Id caseId) const;

    // --- imports of public records (model/io/): a case as another system recorded it, with its
    // status as given there (a clearance may have no date and no exceptional code). Importing
    // the same record again changes nothing; a case number that exists from another source (or
    // entered in CaseBoard) is refused. Victims already there (by sourceRef) are skipped.
    enum class ImportOutcome { Created, VictimsAdded, Unchanged };
    ImportOutcome importCase(const CaseRecord &c, const QList<ImportedVictim> &victims);

    // --- audit trail
    QList<AuditEntry> auditForCase(Id caseId) const;
    QList<AuditEntry> auditFor(const QString &entity, Id entityId) const;
    // The whole trail after entry `afterId`, at most `limit` entries, for an administrator: who
    // did what and when. The values of a case's entries are left out unless the reader may read
    // that case; a restricted case's entries are left out whole for anyone outside it.
    QList<AuditEntry> auditTrail(Id afterId, int limit) const;
    // An event that is not a row change (an export, an import).
    void recordEvent(const QString &action, const QString &entity, const QString &detail);
    // For what is done to the whole file outside the store's own actions (an export, a backup,
    // statistics): throws Refused, after auditing the refusal, unless the actor's role allows it.
    void require(auth::Permission permission) { authorize(permission, std::nullopt); }

private:
    class Writer;
    // Throws Refused, after auditing the refusal, unless the actor may do it.
    void authorize(auth::Permission permission, std::optional<Id> caseId);
    // Whether the actor may read the case (refusals and restricted reads audited); reads made
    // inside an action, which was authorized as a whole, are not checked again.
    bool mayRead(Id caseId) const;
    void writeDenied(auth::Permission permission, std::optional<Id> caseId, const QString &reason);
    void begin(bool bulkRoot = false);
    void commit();
    void rollback();
    struct Impl;
    std::unique_ptr<Impl> d;
};

template<typename Fn>
void CaseStore::batch(Fn &&fn)
{
    begin();
    try {
        fn();
    } catch (...) {
        rollback();
        throw;
    }
    commit();
}

template<typename Fn>
void CaseStore::bulk(Fn &&fn)
{
    begin(true);
    try {
        fn();
    } catch (...) {
        rollback();
        throw;
    }
    commit();
}

} // namespace cb
