#pragma once

#include "model/demo/DemoGenerator.h"

#include <QString>

#include <memory>

namespace cb {
class CaseFile;
}

namespace cb::ui {

struct DemoOpening {
    std::unique_ptr<CaseFile> file;
    // Why the demo could not be filled with cases, if it could not; the file is usable anyway.
    QString problem;
};

// The demo the app opens: the generator's defaults, seed 1, up to today.
demo::DemoOptions standardDemoOptions();

// Opens the demo case file at demoFilePath(), creating it first if it is missing. A demo without
// cases (a new one, or one left empty by an earlier failed run) is filled by the demo generator
// with these options. Throws cb::Error when the file cannot be created or opened.
DemoOpening openDemoCaseFile(const demo::DemoOptions &options);

} // namespace cb::ui
