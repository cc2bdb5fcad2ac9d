#include "model/auth/Permissions.h"

#include <QCoreApplication>

namespace cb::auth {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::Permissions)
};

Decision allow()
{
    return {true, {}};
}
Decision refuse(const QString &reason)
{
    return {false, reason};
}
} // namespace

QString permissionLabel(Permission p)
{
    switch (p) {
    case Permission::ReadCase:
        return Tr::tr("read the case");
    case Permission::CreateCase:
        return Tr::tr("open a case");
    case Permission::EditCase:
        return Tr::tr("change the case");
    case Permission::AddLeadOrNote:
        return Tr::tr("add or change leads and notes");
    case Permission::ClearExceptionally:
        return Tr::tr("clear the case by exceptional means");
    case Permission::Assign:
        return Tr::tr("assign or reassign the case");
    case Permission::Restrict:
        return Tr::tr("restrict the case or lift the restriction");
    case Permission::ManageMembers:
        return Tr::tr("manage members and accounts");
    case Permission::ReadAudit:
        return Tr::tr("read the audit trail");
    case Permission::ReadStatistics:
        return Tr::tr("read statistics");
    case Permission::PublishStatistics:
        return Tr::tr("publish statistics");
    case Permission::ExportCaseFile:
        return Tr::tr("export the case file");
    case Permission::BackUp:
        return Tr::tr("back up the case file");
    case Permission::Import:
        return Tr::tr("import into the case file");
    }
    return {};
}

Decision decide(Role role, Permission permission, const CaseRelation &r)
{
    // A restricted case (an informant's identity, say) exists only for its assigned detectives
    // and their sergeants: for anyone else every permission on it is refused, reading included.
    const bool insider = r.assigned || (role == Role::Sergeant && r.supervises);
    if (r.isCase && r.restricted && !insider)
        return refuse(Tr::tr("the case is restricted to its assigned detectives and their sergeants"));

    switch (role) {
    case Role::Detective:
        switch (permission) {
        case Permission::ReadCase:
        case Permission::CreateCase:
        case Permission::ReadStatistics:
            return allow();
        case Permission::EditCase:
        case Permission::AddLeadOrNote:
            return r.assigned ? allow() : refuse(Tr::tr("a detective works only on the cases assigned to them"));
        case Permission::ClearExceptionally:
            return refuse(Tr::tr("an exceptional clearance is approved by a sergeant"));
        case Permission::Assign:
        case Permission::Restrict:
            return refuse(Tr::tr("only sergeants assign cases and restrict them"));
        default:
            break;
        }
        break;
    case Role::Sergeant:
        switch (permission) {
        case Permission::ReadCase:
        case Permission::CreateCase:
        case Permission::ReadStatistics:
        case Permission::Assign: // a sergeant balances the whole unit's caseload
            return allow();
        case Permission::EditCase:
        case Permission::AddLeadOrNote:
        case Permission::ClearExceptionally:
        case Permission::Restrict:
            return insider ? allow()
                           : refuse(Tr::tr("a sergeant works on the cases of their own team's detectives"));
        default:
            break;
        }
        break;
    case Role::Command:
        switch (permission) {
        case Permission::ReadCase:
        case Permission::ReadStatistics:
        case Permission::PublishStatistics:
        case Permission::ExportCaseFile:
        case Permission::BackUp:
            return allow();
        default:
            return refuse(Tr::tr("command staff read cases and statistics but change no case"));
        }
    case Role::Administrator:
        switch (permission) {
        case Permission::ManageMembers:
        case Permission::ReadAudit:
        case Permission::BackUp:
        case Permission::Import:
            return allow();
        default:
            return refuse(Tr::tr("an administrator manages accounts and backups, not case content"));
        }
    }
    if (permission == Permission::ReadAudit)
        return refuse(Tr::tr("the audit trail is for administrators"));
    if (permission == Permission::ManageMembers)
        return refuse(Tr::tr("only administrators manage members and accounts"));
    return refuse(Tr::tr("your role does not allow it"));
}

} // namespace cb::auth
