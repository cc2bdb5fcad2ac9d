// libFuzzer target: the City of Chicago Data Portal extract (io::importPublic, --format chicago-portal).
#include "FuzzHarness.h"
#include "PublicImportTarget.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return cb::fuzz::fuzzPublicImport(cb::io::PublicFormat::ChicagoPortal, data, size);
}
