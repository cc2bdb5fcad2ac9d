// libFuzzer target: the Washington Post homicide file (io::importPublic, --format wapo).
#include "FuzzHarness.h"
#include "PublicImportTarget.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return cb::fuzz::fuzzPublicImport(cb::io::PublicFormat::Wapo, data, size);
}
