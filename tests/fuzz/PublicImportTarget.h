#pragma once

// The body of the two public-file targets (fuzz_wapo, fuzz_chicago_portal): io::importPublic
// into a real case file that already holds cases of both sources and one entered in CaseBoard,
// so that "unchanged", "victims added" and "case number taken" are reachable from a seed.

#include "model/io/PublicImport.h"

#include <cstddef>
#include <cstdint>

namespace cb::fuzz {

int fuzzPublicImport(io::PublicFormat format, const std::uint8_t *data, std::size_t size);

} // namespace cb::fuzz
