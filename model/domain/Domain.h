#pragma once

// The unit's domain: people, cases, victims, persons, arrests, assignments, leads, notes.
// Enumerations are stored in the case file as stable English keys (key()); label() is the
// translated text for people.

#include <QDate>
#include <QList>
#include <QString>
#include <QTime>
#include <QVariant>

#include <cstdint>
#include <optional>
#include <span>

namespace cb {

using Id = std::int64_t;

enum class Role { Detective, Sergeant, Command, Administrator };
enum class CaseStatus { Open, ClearedByArrest, ClearedExceptionally, Unfounded };
enum class InvestigativeState { Active, Inactive };
enum class Circumstance { Argument, Domestic, Gang, Drug, Robbery, Retaliation, ChildAbuse, Other, Unknown };
enum class Weapon {
    Handgun, Rifle, Shotgun, FirearmOther, Knife, BluntObject, Hands, Strangulation, Fire, Vehicle, Poison, Other,
    Unknown
};
enum class Sex { Male, Female, Unknown };
enum class Race { Black, Hispanic, White, Asian, Native, Pacific, Other, Unknown };
enum class PersonRole { Suspect, Offender, Witness };
enum class ProsecutionStatus { Presented, Approved, Declined };
enum class AssignmentRole { Primary, Secondary };
enum class LeadSource { TipLine, Witness, Canvass, Forensic, Video, SocialMedia, Other };
enum class LeadPriority { FastTrack, High, Normal, Low };
enum class LeadStatus { Open, InProgress, Completed, NoValue };
// NIBRS exceptional clearance codes (see shared docs/clearance.md).
enum class ExceptionalCode { A, B, C, D, E };

template<typename E>
struct EnumEntry {
    E value;
    const char *key;
};

// key(), label() and fromKey() for every enumeration above.
#define CB_DECLARE_ENUM(E)                                                                                             \
    QString key(E value);                                                                                              \
    QString label(E value);                                                                                            \
    std::span<const EnumEntry<E>> entries(E *);                                                                        \
    template<>                                                                                                         \
    std::optional<E> fromKey<E>(const QString &key);

template<typename E>
std::optional<E> fromKey(const QString &key);

CB_DECLARE_ENUM(Role)
CB_DECLARE_ENUM(CaseStatus)
CB_DECLARE_ENUM(InvestigativeState)
CB_DECLARE_ENUM(Circumstance)
CB_DECLARE_ENUM(Weapon)
CB_DECLARE_ENUM(Sex)
CB_DECLARE_ENUM(Race)
CB_DECLARE_ENUM(PersonRole)
CB_DECLARE_ENUM(ProsecutionStatus)
CB_DECLARE_ENUM(AssignmentRole)
CB_DECLARE_ENUM(LeadSource)
CB_DECLARE_ENUM(LeadPriority)
CB_DECLARE_ENUM(LeadStatus)
CB_DECLARE_ENUM(ExceptionalCode)
#undef CB_DECLARE_ENUM

// Every value of an enumeration, in declaration order.
template<typename E>
QList<E> allValues()
{
    QList<E> out;
    for (const auto &e : entries(static_cast<E *>(nullptr)))
        out << e.value;
    return out;
}

// A person of the unit.
struct Member {
    Id id = 0;
    QString name;
    QString badge; // star or badge number, unique
    QString rank;
    QString team;
    Role role = Role::Detective;
    bool active = true;
};

struct CaseRecord {
    Id id = 0;
    QString caseNumber; // the department's report number, unique
    QDate incidentDate;
    QTime incidentTime; // invalid when unknown
    QString address;    // address or block
    QString district;
    QString beat;
    QString ward;
    QString communityArea;
    QString area; // the unit's own area (or the city, for imported multi-city data)
    Circumstance circumstance = Circumstance::Unknown;
    Weapon weapon = Weapon::Unknown;
    bool domestic = false;
    InvestigativeState investigativeState = InvestigativeState::Active;
    // Status fields are written only through CaseStore's status actions.
    CaseStatus status = CaseStatus::Open;
    std::optional<ExceptionalCode> exceptionalCode;
    QDate clearanceDate;
    std::optional<Id> clearingMemberId;
    QDate unfoundedDate;
    QString unfoundedReason;
    QString summary;
    // Provenance of imported records: empty source when entered in CaseBoard.
    QString source;       // "wapo", "chicago-portal"
    QString sourceRef;    // the record's id in the source
    QString sourceStatus; // the disposition as the source states it, e.g. "Closed without arrest"
    std::optional<double> latitude;
    std::optional<double> longitude;
    // Seen only by the case's assigned detectives and their sergeants (CaseStore::setRestricted).
    bool restricted = false;
    std::int64_t createdAt = 0; // UTC ms
};

// One victim is one offense in the statistics.
struct Victim {
    Id id = 0;
    Id caseId = 0;
    QString name;
    std::optional<int> age;
    Sex sex = Sex::Unknown;
    Race race = Race::Unknown;
};

struct CasePerson {
    Id id = 0;
    Id caseId = 0;
    PersonRole role = PersonRole::Suspect;
    QString name;
    std::optional<int> age;
    Sex sex = Sex::Unknown;
    Race race = Race::Unknown;
    QString description;
};

struct Arrest {
    Id id = 0;
    Id caseId = 0;
    Id personId = 0;
    QDate date;
    QString charges;
    std::optional<Id> arrestingMemberId;
    bool juvenile = false;
    std::optional<ProsecutionStatus> prosecution; // empty until presented
    QDate prosecutionDate;
};

struct Assignment {
    Id id = 0;
    Id caseId = 0;
    Id memberId = 0;
    AssignmentRole role = AssignmentRole::Primary;
    QDate startDate;
    QDate endDate; // invalid while the assignment runs
    QString startReason;
    QString endReason;
    std::optional<Id> assignedById;
    bool isOpen() const { return !endDate.isValid(); }
};

struct Lead {
    Id id = 0;
    Id caseId = 0;
    QString description;
    LeadSource source = LeadSource::Other;
    LeadPriority priority = LeadPriority::Normal;
    std::optional<Id> assigneeId;
    QDate createdDate;
    QDate dueDate;
    QDate completedDate; // set when status is Completed or NoValue
    LeadStatus status = LeadStatus::Open;
    QString result;
    bool isOpen() const { return status == LeadStatus::Open || status == LeadStatus::InProgress; }
};

struct Note {
    Id id = 0;
    Id caseId = 0;
    std::optional<Id> authorId;
    std::int64_t createdAt = 0; // UTC ms
    QString body;
    std::optional<Id> correctsNoteId;
};

// The record of the four conditions for an exceptional clearance (all must hold).
struct ExceptionalClearance {
    ExceptionalCode code = ExceptionalCode::A;
    bool offenderIdentified = false;
    bool evidenceSufficient = false;
    bool locationKnown = false;
    bool beyondControl = false;
    QString reason; // what prevents arrest and prosecution
};

struct StatusChange {
    Id id = 0;
    Id caseId = 0;
    CaseStatus status = CaseStatus::Open;
    QDate effectiveDate;
    std::optional<Id> memberId;
    std::optional<ExceptionalCode> exceptionalCode;
    std::optional<bool> offenderIdentified;
    std::optional<bool> evidenceSufficient;
    std::optional<bool> locationKnown;
    std::optional<bool> beyondControl;
    QString reason;
    std::int64_t recordedAt = 0;
};

struct AuditEntry {
    Id id = 0;
    std::int64_t at = 0; // UTC ms
    std::optional<Id> actorId;
    QString actor;
    QString action; // create, update, or an event such as import or export
    QString entity;
    std::optional<Id> entityId;
    std::optional<Id> caseId;
    QString field;
    QVariant oldValue;
    QVariant newValue;
};

// A victim as an imported record lists it (one row per victim in the public files).
struct ImportedVictim {
    Victim victim;
    QString sourceRef;
};

// One row of the case list.
struct CaseSummary {
    Id id = 0;
    QString caseNumber;
    QDate incidentDate;
    QString area;
    QString district;
    Weapon weapon = Weapon::Unknown;
    CaseStatus status = CaseStatus::Open;
    InvestigativeState investigativeState = InvestigativeState::Active;
    QDate clearanceDate;
    int victimCount = 0;
    QString victimNames;
    QString primaryDetective;
    int openLeads = 0;
    int overdueLeads = 0;
    std::int64_t lastActivity = 0; // UTC ms
};

} // namespace cb
