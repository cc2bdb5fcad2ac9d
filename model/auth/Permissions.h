#pragma once

// Who may do what (issue #4, README "Roles"). A pure decision over the actor's role and their
// relation to the case; CaseStore asks it before every action and read, so that a role is enforced
// by the model, not only by the buttons the app shows.

#include "model/domain/Domain.h"

#include <QString>

namespace cb::auth {

enum class Permission {
    ReadCase,           // see a case and everything in it
    CreateCase,         // open a new case
    EditCase,           // descriptive fields, victims, people, arrests, clearance by arrest, unfounded, reopen
    AddLeadOrNote,      // add and update leads, add notes
    ClearExceptionally, // approve a clearance by exceptional means
    Assign,             // assign, reassign, end assignments
    Restrict,           // mark a case restricted or lift it
    ManageMembers,      // members of the unit and their accounts
    ReadAudit,          // the audit trail: who did what when (values only as far as ReadCase allows)
    ReadStatistics,     // clearance figures and caseloads
    PublishStatistics,  // reports and open-data publications
    ExportCaseFile,     // a plaintext export of the whole file
    BackUp,             // an encrypted backup of the whole file
    Import,             // public records or an exchange document into the file
};
QString permissionLabel(Permission p);

// The actor's relation to one case, as of now (empty for an action that is not about a case).
struct CaseRelation {
    bool isCase = false;
    bool restricted = false;
    bool assigned = false;   // the actor holds a current assignment (primary or secondary)
    bool supervises = false; // the actor is a sergeant of the team of a currently assigned detective
};

struct Decision {
    bool allowed = false;
    QString reason; // when refused: why, ready to show ("only sergeants ...")
};

Decision decide(Role role, Permission permission, const CaseRelation &relation);

} // namespace cb::auth
