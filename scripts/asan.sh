#!/usr/bin/env bash
# Runs the suites that damage, tamper with and starve case files (issue #4, "Tampering and
# damage", "Disk full and I/O errors") built with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, and fails on any report: a bad read or write, a leak, undefined
# behaviour, or a failed test. `make asan` runs it; `make test` runs it after the fuzzers.
#
#   ASAN_BUILD       the build directory (default: scripts/fuzz.sh's, build-fuzz-clang)
#   ASAN_TESTS       which suites (default below)
#   ASAN_CRASH_RUNS  how many times tst_durability kills its writer (default 20; 200 in build/)
#
# It shares scripts/fuzz.sh's build directory and options: the model library there is already
# compiled with both sanitizers, so only the test executables are compiled here. SQLCipher, Qt,
# Poco and OpenSSL are the system's, not instrumented: their own bugs are not looked for, but
# every call into them from our code is checked. Leaks of theirs that are not ours would be
# suppressed, each with its reason, in tests/sanitizers/lsan.supp; checks left out of our build
# are in tests/sanitizers/ignorelist.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

build=${ASAN_BUILD:-${FUZZ_BUILD:-build-fuzz-clang}}
read -r -a tests <<<"${ASAN_TESTS:-tst_tamper tst_casefile tst_durability tst_keyheader tst_faults tst_backup tst_accounts}"
crash_runs=${ASAN_CRASH_RUNS:-20}
case $build in /*) ;; *) build="$root/$build" ;; esac

for tool in clang clang++; do
  command -v "$tool" >/dev/null || { echo "asan: $tool is missing (scripts/setup.sh installs it)" >&2; exit 1; }
done
if [ -f "$build/CMakeCache.txt" ] && ! grep -q '^CASEBOARD_FUZZ:BOOL=ON' "$build/CMakeCache.txt"; then
  echo "asan: $build is a build directory of another kind; choose another ASAN_BUILD" >&2
  exit 1
fi

start=$(date +%s)
echo "asan: building ${tests[*]} in $build" >&2
# The same options as scripts/fuzz.sh, so that neither script makes the other rebuild anything.
mkdir -p "$build"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCASEBOARD_FUZZ=ON -DCASEBOARD_SANITIZE=ON -DCASEBOARD_BUILD_TESTS=ON >"$build/asan-configure.log" 2>&1 \
  || { cat "$build/asan-configure.log" >&2; exit 1; }
cmake --build "$build" --target "${tests[@]}"
built=$(date +%s)

scratch="$build/asan-tmp"
rm -rf "$scratch"
mkdir -p "$scratch"
# Every report is fatal and shows where it happened; leaks are checked at each test's exit.
export TZ=UTC LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen TMPDIR="$scratch"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:${UBSAN_OPTIONS:-}"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0:${LSAN_OPTIONS:-}"
export CASEBOARD_DURABILITY_RUNS="$crash_runs"

# LeakSanitizer needs ptrace, which some containers forbid: then the runs go on without it.
# (The probe only lists a suite's test functions; whatever it makes goes with its own folder.)
probe=$(mkdir -p "$scratch/probe" && TMPDIR="$scratch/probe" "$build/tests/${tests[0]}" -functions 2>&1 || true)
rm -rf "$scratch/probe"
if grep -q "LeakSanitizer has encountered a fatal error" <<<"$probe"; then
  echo "asan: LeakSanitizer cannot run here (ptrace is not permitted); leaks are not checked" >&2
  export ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0"
fi

regex="^($(IFS='|'; echo "${tests[*]}"))\$"
status=0
ctest --test-dir "$build" -R "$regex" --output-on-failure --no-tests=error -j 2 || status=$?
end=$(date +%s)
# Nothing of a run may stay behind, not even in the scratch directory.
left=$(find "$scratch" -mindepth 1 -maxdepth 1 | head -5)
if [ -n "$left" ]; then
  echo "asan: the suites left files in $scratch:" >&2
  echo "$left" >&2
  status=1
fi
echo "asan: built in $((built - start)) s, ran in $((end - built)) s" >&2
if [ "$status" -ne 0 ]; then
  echo "asan: FAILED: a suite failed or a sanitizer reported (see above)" >&2
  exit 1
fi
echo "asan: ${tests[*]}: ok, no sanitizer report" >&2
