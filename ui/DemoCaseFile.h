#pragma once

#include "model/demo/DemoGenerator.h"
#include "model/domain/Domain.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace cb {
class CaseFile;
}

namespace cb::ui {

// One account of the demo: a member of the generated unit, signing in with demoPassphrase().
struct DemoAccount {
    QString login; // the member's badge
    std::optional<Role> role;
    QString name;
    QString team;
};

struct DemoOpening {
    std::unique_ptr<CaseFile> file; // signed in as the demo's sergeant
    // Why the demo could not be filled with cases, if it could not; the file is usable anyway.
    QString problem;
    // The accounts to try, the one signed in first.
    QList<DemoAccount> accounts;
    // Where an old-format demo was moved to make room for the new one; empty if none was.
    QString movedAside;
};

// The demo the app opens: the generator's defaults, seed 1, up to today.
demo::DemoOptions standardDemoOptions();

// Opens the demo case file at demoFilePath() signed in as its sergeant. A missing demo is created:
// generated with these options, then given one account per role worth trying (a sergeant, a
// detective of that sergeant's team, a command member and the unit's administrator; logins are
// their badges, the passphrase demoPassphrase()). An old-format demo (one passphrase, no accounts)
// is moved aside with a timestamp and made anew. A demo with accounts but without cases (an
// earlier fill failed) is filled. Throws cb::Error when the file cannot be created or opened.
DemoOpening openDemoCaseFile(const demo::DemoOptions &options);

// "Sergeant, Team 1 (Jane Doe)" for the sign-in window.
QString describeDemoAccount(const DemoAccount &account);

} // namespace cb::ui
