#include "model/demo/DemoGenerator.h"

#include "model/storage/Error.h"

namespace cb::demo {
// Placeholder while the implementation is being written.
DemoSummary generate(CaseFile &, const DemoOptions &)
{
    throw Error(ErrorKind::Refused, QStringLiteral("not implemented yet"));
}
} // namespace cb::demo
