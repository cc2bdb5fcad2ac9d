#include "ui/SessionRole.h"

#include "model/storage/CaseFile.h"

#include <QCoreApplication>

namespace cb::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(cb::ui::SessionRole)
};
} // namespace

bool sessionMay(const Session &session, auth::Permission permission, const auth::CaseRelation &relation)
{
    if (!session.memberId)
        return true;
    // A member whose role this build does not know is granted nothing, as by CaseStore.
    if (!session.role)
        return false;
    return auth::decide(*session.role, permission, relation).allowed;
}

QString describeSession(const Session &session, const QString &name)
{
    if (session.legacy)
        return Tr::tr("Old-format case file: one passphrase, no accounts");
    if (session.recovery)
        return Tr::tr("Opened with the recovery key");
    const QString who = name.isEmpty() ? session.login : Tr::tr("%1 (%2)").arg(session.login, name);
    if (!session.role)
        return Tr::tr("Signed in as %1, not a member of the unit").arg(who);
    return Tr::tr("Signed in as %1, %2").arg(who, label(*session.role));
}

} // namespace cb::ui
