#pragma once

#include <QString>

namespace cb {

// Keeps this process's memory out of core dumps and away from other processes of the same user:
// RLIMIT_CORE 0 (soft and hard, so a child cannot raise it again) and PR_SET_DUMPABLE 0, which
// also refuses ptrace attach and makes /proc/<pid>/mem readable by root only. A dump of the app
// could hold case data and the case file's key. Called first thing in main(), before any secret
// exists, and before translations are loaded: what failed is told with describe() later.
struct HardeningResult {
    int setrlimitErrno = 0; // 0: took effect
    int prctlErrno = 0;
    bool ok() const { return setrlimitErrno == 0 && prctlErrno == 0; }
    // What failed, one line each, translated; empty when ok().
    QString describe() const;
};
HardeningResult disableCoreDumps();

struct CoreDumpState {
    bool coreLimitZero = false; // RLIMIT_CORE soft and hard limits are both 0
    bool dumpable = true;       // PR_GET_DUMPABLE
};
// What the kernel says about this process now.
CoreDumpState coreDumpState();

} // namespace cb
