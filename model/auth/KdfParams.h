#pragma once

#include <cstdint>

namespace cb::auth {

// How a key slot turns its secret into the key that wraps the slot's private key. Stored in each
// slot, so that the cost can be raised later without touching existing slots.
struct KdfParams {
    enum class Algorithm : std::uint8_t {
        Argon2id = 1,   // passphrases
        HkdfSha256 = 2, // the recovery key: 160 random bits need no slow hash
    };
    Algorithm algorithm = Algorithm::Argon2id;
    std::uint32_t memoryKiB = 64 * 1024;
    std::uint32_t iterations = 3;
    std::uint32_t lanes = 1;

    // Argon2id with 64 MiB, 3 passes, 1 lane (RFC 9106's second recommendation, with more
    // passes): about 0.2 s on the project's machine (caseboard-cli bench). The default everywhere.
    static constexpr KdfParams standard() { return {}; }
    // 256 KiB and 1 pass, for test suites that sign in hundreds of times. Never the default and
    // never chosen by the environment: only code that asks for it by name gets it.
    static constexpr KdfParams weakForTestsOnly() { return {Algorithm::Argon2id, 256, 1, 1}; }
    static constexpr KdfParams recoveryKey() { return {Algorithm::HkdfSha256, 0, 0, 0}; }

    // The range a slot read from a file may ask for: beyond it the slot is taken as damaged
    // (a crafted slot must not make a sign-in allocate gigabytes).
    constexpr bool plausible() const
    {
        if (algorithm == Algorithm::HkdfSha256)
            return memoryKiB == 0 && iterations == 0 && lanes == 0;
        return algorithm == Algorithm::Argon2id && lanes >= 1 && lanes <= 16 && memoryKiB >= 8 * lanes &&
               memoryKiB <= 4u * 1024 * 1024 && iterations >= 1 && iterations <= 64;
    }
    constexpr bool operator==(const KdfParams &) const = default;
};

// The cost new slots get when none is given: standard(), unless a test suite has called
// weakenNewSlotsForTests() in this process.
KdfParams defaultKdf();
// For test suites only, called explicitly by the test program itself (TestSupport, crash_writer):
// from now on, in this process, slots made without an explicit cost get weakForTestsOnly(). Nothing
// in CaseBoard's programs calls it, and nothing reads it from the environment.
void weakenNewSlotsForTests();

} // namespace cb::auth
