#include "model/domain/Domain.h"

#include <QCoreApplication>

namespace cb {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::Domain)
};

template<typename E, std::size_t N>
QString keyIn(const EnumEntry<E> (&table)[N], E value)
{
    for (const auto &e : table)
        if (e.value == value)
            return QString::fromLatin1(e.key);
    return {};
}

template<typename E, std::size_t N>
std::optional<E> fromKeyIn(const EnumEntry<E> (&table)[N], const QString &key)
{
    for (const auto &e : table)
        if (key == QLatin1StringView(e.key))
            return e.value;
    return std::nullopt;
}

const EnumEntry<Role> kRole[] = {{Role::Detective, "detective"},
                                 {Role::Sergeant, "sergeant"},
                                 {Role::Command, "command"},
                                 {Role::Administrator, "administrator"}};
const EnumEntry<CaseStatus> kCaseStatus[] = {{CaseStatus::Open, "open"},
                                             {CaseStatus::ClearedByArrest, "cleared_arrest"},
                                             {CaseStatus::ClearedExceptionally, "cleared_exceptional"},
                                             {CaseStatus::Unfounded, "unfounded"}};
const EnumEntry<InvestigativeState> kInvestigativeState[] = {{InvestigativeState::Active, "active"},
                                                             {InvestigativeState::Inactive, "inactive"}};
const EnumEntry<Circumstance> kCircumstance[] = {
    {Circumstance::Argument, "argument"}, {Circumstance::Domestic, "domestic"},
    {Circumstance::Gang, "gang"},         {Circumstance::Drug, "drug"},
    {Circumstance::Robbery, "robbery"},   {Circumstance::Retaliation, "retaliation"},
    {Circumstance::ChildAbuse, "child_abuse"}, {Circumstance::Other, "other"},
    {Circumstance::Unknown, "unknown"}};
const EnumEntry<Weapon> kWeapon[] = {
    {Weapon::Handgun, "handgun"},   {Weapon::Rifle, "rifle"},
    {Weapon::Shotgun, "shotgun"},   {Weapon::FirearmOther, "firearm_other"},
    {Weapon::Knife, "knife"},       {Weapon::BluntObject, "blunt_object"},
    {Weapon::Hands, "hands"},       {Weapon::Strangulation, "strangulation"},
    {Weapon::Fire, "fire"},         {Weapon::Vehicle, "vehicle"},
    {Weapon::Poison, "poison"},     {Weapon::Other, "other"},
    {Weapon::Unknown, "unknown"}};
const EnumEntry<Sex> kSex[] = {{Sex::Male, "male"}, {Sex::Female, "female"}, {Sex::Unknown, "unknown"}};
const EnumEntry<Race> kRace[] = {{Race::Black, "black"}, {Race::Hispanic, "hispanic"}, {Race::White, "white"},
                                 {Race::Asian, "asian"}, {Race::Native, "native"},     {Race::Pacific, "pacific"},
                                 {Race::Other, "other"}, {Race::Unknown, "unknown"}};
const EnumEntry<PersonRole> kPersonRole[] = {
    {PersonRole::Suspect, "suspect"}, {PersonRole::Offender, "offender"}, {PersonRole::Witness, "witness"}};
const EnumEntry<ProsecutionStatus> kProsecutionStatus[] = {{ProsecutionStatus::Presented, "presented"},
                                                           {ProsecutionStatus::Approved, "approved"},
                                                           {ProsecutionStatus::Declined, "declined"}};
const EnumEntry<AssignmentRole> kAssignmentRole[] = {{AssignmentRole::Primary, "primary"},
                                                     {AssignmentRole::Secondary, "secondary"}};
const EnumEntry<LeadSource> kLeadSource[] = {
    {LeadSource::TipLine, "tip_line"}, {LeadSource::Witness, "witness"},          {LeadSource::Canvass, "canvass"},
    {LeadSource::Forensic, "forensic"}, {LeadSource::Video, "video"},             {LeadSource::SocialMedia, "social_media"},
    {LeadSource::Other, "other"}};
const EnumEntry<LeadPriority> kLeadPriority[] = {{LeadPriority::FastTrack, "fast_track"},
                                                 {LeadPriority::High, "high"},
                                                 {LeadPriority::Normal, "normal"},
                                                 {LeadPriority::Low, "low"}};
const EnumEntry<LeadStatus> kLeadStatus[] = {{LeadStatus::Open, "open"},
                                             {LeadStatus::InProgress, "in_progress"},
                                             {LeadStatus::Completed, "completed"},
                                             {LeadStatus::NoValue, "no_value"}};
const EnumEntry<ExceptionalCode> kExceptionalCode[] = {{ExceptionalCode::A, "A"},
                                                       {ExceptionalCode::B, "B"},
                                                       {ExceptionalCode::C, "C"},
                                                       {ExceptionalCode::D, "D"},
                                                       {ExceptionalCode::E, "E"}};

} // namespace

#define CB_DEFINE_ENUM(E, TABLE)                                                                                       \
    QString key(E value) { return keyIn(TABLE, value); }                                                               \
    std::span<const EnumEntry<E>> entries(E *) { return std::span<const EnumEntry<E>>(TABLE); }                        \
    template<>                                                                                                         \
    std::optional<E> fromKey<E>(const QString &k)                                                                      \
    {                                                                                                                  \
        return fromKeyIn(TABLE, k);                                                                                    \
    }

CB_DEFINE_ENUM(Role, kRole)
CB_DEFINE_ENUM(CaseStatus, kCaseStatus)
CB_DEFINE_ENUM(InvestigativeState, kInvestigativeState)
CB_DEFINE_ENUM(Circumstance, kCircumstance)
CB_DEFINE_ENUM(Weapon, kWeapon)
CB_DEFINE_ENUM(Sex, kSex)
CB_DEFINE_ENUM(Race, kRace)
CB_DEFINE_ENUM(PersonRole, kPersonRole)
CB_DEFINE_ENUM(ProsecutionStatus, kProsecutionStatus)
CB_DEFINE_ENUM(AssignmentRole, kAssignmentRole)
CB_DEFINE_ENUM(LeadSource, kLeadSource)
CB_DEFINE_ENUM(LeadPriority, kLeadPriority)
CB_DEFINE_ENUM(LeadStatus, kLeadStatus)
CB_DEFINE_ENUM(ExceptionalCode, kExceptionalCode)
#undef CB_DEFINE_ENUM

QString label(Role v)
{
    switch (v) {
    case Role::Detective: return Tr::tr("Detective");
    case Role::Sergeant: return Tr::tr("Sergeant");
    case Role::Command: return Tr::tr("Command staff");
    case Role::Administrator: return Tr::tr("Administrator");
    }
    return {};
}

QString label(CaseStatus v)
{
    switch (v) {
    case CaseStatus::Open: return Tr::tr("Open");
    case CaseStatus::ClearedByArrest: return Tr::tr("Cleared by arrest");
    case CaseStatus::ClearedExceptionally: return Tr::tr("Cleared by exceptional means");
    case CaseStatus::Unfounded: return Tr::tr("Unfounded");
    }
    return {};
}

QString label(InvestigativeState v)
{
    switch (v) {
    case InvestigativeState::Active: return Tr::tr("Active");
    case InvestigativeState::Inactive: return Tr::tr("Inactive (cold)");
    }
    return {};
}

QString label(Circumstance v)
{
    switch (v) {
    case Circumstance::Argument: return Tr::tr("Argument");
    case Circumstance::Domestic: return Tr::tr("Domestic");
    case Circumstance::Gang: return Tr::tr("Gang-related");
    case Circumstance::Drug: return Tr::tr("Drug-related");
    case Circumstance::Robbery: return Tr::tr("Robbery");
    case Circumstance::Retaliation: return Tr::tr("Retaliation");
    case Circumstance::ChildAbuse: return Tr::tr("Child abuse");
    case Circumstance::Other: return Tr::tr("Other");
    case Circumstance::Unknown: return Tr::tr("Unknown");
    }
    return {};
}

QString label(Weapon v)
{
    switch (v) {
    case Weapon::Handgun: return Tr::tr("Handgun");
    case Weapon::Rifle: return Tr::tr("Rifle");
    case Weapon::Shotgun: return Tr::tr("Shotgun");
    case Weapon::FirearmOther: return Tr::tr("Firearm (other or unknown type)");
    case Weapon::Knife: return Tr::tr("Knife or cutting instrument");
    case Weapon::BluntObject: return Tr::tr("Blunt object");
    case Weapon::Hands: return Tr::tr("Hands, fists, feet");
    case Weapon::Strangulation: return Tr::tr("Strangulation");
    case Weapon::Fire: return Tr::tr("Fire");
    case Weapon::Vehicle: return Tr::tr("Vehicle");
    case Weapon::Poison: return Tr::tr("Poison or drugs");
    case Weapon::Other: return Tr::tr("Other");
    case Weapon::Unknown: return Tr::tr("Unknown");
    }
    return {};
}

QString label(Sex v)
{
    switch (v) {
    case Sex::Male: return Tr::tr("Male");
    case Sex::Female: return Tr::tr("Female");
    case Sex::Unknown: return Tr::tr("Unknown");
    }
    return {};
}

QString label(Race v)
{
    switch (v) {
    case Race::Black: return Tr::tr("Black");
    case Race::Hispanic: return Tr::tr("Hispanic");
    case Race::White: return Tr::tr("White");
    case Race::Asian: return Tr::tr("Asian");
    case Race::Native: return Tr::tr("American Indian or Alaska Native");
    case Race::Pacific: return Tr::tr("Native Hawaiian or Pacific Islander");
    case Race::Other: return Tr::tr("Other");
    case Race::Unknown: return Tr::tr("Unknown");
    }
    return {};
}

QString label(PersonRole v)
{
    switch (v) {
    case PersonRole::Suspect: return Tr::tr("Suspect");
    case PersonRole::Offender: return Tr::tr("Offender");
    case PersonRole::Witness: return Tr::tr("Witness");
    }
    return {};
}

QString label(ProsecutionStatus v)
{
    switch (v) {
    case ProsecutionStatus::Presented: return Tr::tr("Presented");
    case ProsecutionStatus::Approved: return Tr::tr("Approved");
    case ProsecutionStatus::Declined: return Tr::tr("Declined");
    }
    return {};
}

QString label(AssignmentRole v)
{
    switch (v) {
    case AssignmentRole::Primary: return Tr::tr("Primary");
    case AssignmentRole::Secondary: return Tr::tr("Secondary");
    }
    return {};
}

QString label(LeadSource v)
{
    switch (v) {
    case LeadSource::TipLine: return Tr::tr("Tip line");
    case LeadSource::Witness: return Tr::tr("Witness");
    case LeadSource::Canvass: return Tr::tr("Canvass");
    case LeadSource::Forensic: return Tr::tr("Forensic");
    case LeadSource::Video: return Tr::tr("Video");
    case LeadSource::SocialMedia: return Tr::tr("Social media");
    case LeadSource::Other: return Tr::tr("Other");
    }
    return {};
}

QString label(LeadPriority v)
{
    switch (v) {
    case LeadPriority::FastTrack: return Tr::tr("Fast-track");
    case LeadPriority::High: return Tr::tr("High");
    case LeadPriority::Normal: return Tr::tr("Normal");
    case LeadPriority::Low: return Tr::tr("Low");
    }
    return {};
}

QString label(LeadStatus v)
{
    switch (v) {
    case LeadStatus::Open: return Tr::tr("Open");
    case LeadStatus::InProgress: return Tr::tr("In progress");
    case LeadStatus::Completed: return Tr::tr("Completed");
    case LeadStatus::NoValue: return Tr::tr("No value");
    }
    return {};
}

QString label(ExceptionalCode v)
{
    switch (v) {
    case ExceptionalCode::A: return Tr::tr("A: death of the offender");
    case ExceptionalCode::B: return Tr::tr("B: prosecution declined");
    case ExceptionalCode::C: return Tr::tr("C: in custody of another jurisdiction");
    case ExceptionalCode::D: return Tr::tr("D: victim refused to cooperate");
    case ExceptionalCode::E: return Tr::tr("E: juvenile, no custody");
    }
    return {};
}

} // namespace cb
