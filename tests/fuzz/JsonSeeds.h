#pragma once

// Seeds for fuzz_json, written from the code's own exports so that they always carry the current
// schema: the checked-in seeds in corpus/json are only those no schema change can make stale.

#include <QString>

namespace cb {
class CaseStore;
}

namespace cb::fuzz {

// A little of everything the format carries, entered through the store as a user would.
void addSampleContent(CaseStore &store);

// Writes into dir: the export of an empty case file, the export of addSampleContent's, and
// variants of them with one quirk of the format each (bad values, big numbers, escapes, ...).
void writeJsonSeeds(const QString &dir);

} // namespace cb::fuzz
