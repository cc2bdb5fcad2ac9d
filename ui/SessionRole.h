#pragma once

#include "model/auth/Permissions.h"

#include <QString>

namespace cb {
struct Session;
}

namespace cb::ui {

// What the window offers the signed-in person: the same decision CaseStore makes
// (model/auth/Permissions.h), so that nobody sees a button that can only fail. The model refuses
// anyway; this only hides. A session without a member (an old-format file, the recovery key, an
// account whose badge is no member's) acts as the model's trusted system actor and is offered
// everything, as the model allows it everything.
bool sessionMay(const Session &session, auth::Permission permission, const auth::CaseRelation &relation = {});

// "2417 (Jane Doe), Sergeant" for the status bar; `name` may be empty.
QString describeSession(const Session &session, const QString &name);

} // namespace cb::ui
