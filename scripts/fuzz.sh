#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz (clang, AddressSanitizer, UndefinedBehaviorSanitizer)
# in a build directory of their own and runs each for a bounded time. Fails when a target finds
# something: a crash, a hang, undefined behaviour, a leak, or a broken import rule (see
# tests/fuzz/FuzzHarness.h). `make fuzz` runs it; `make test` runs it after the test suite.
#
#   FUZZ_SECONDS  how long each target runs (default 30)
#   FUZZ_TIMEOUT  seconds one input may take before it counts as a hang (default 10)
#   FUZZ_BUILD    the build directory (default build-fuzz-clang)
#   FUZZ_TARGETS  which targets (default: fuzz_wapo fuzz_chicago_portal fuzz_json fuzz_csv)
#
# The targets run side by side. Each keeps what it learns in $FUZZ_BUILD/fuzz-corpus/<target>
# (the seeds in tests/fuzz/corpus are only read), so a later run starts where this one stopped.
# A finding is saved as $FUZZ_BUILD/fuzz-artifacts/<target>-crash-... (or timeout-, leak-, oom-);
# reproduce it with `$FUZZ_BUILD/tests/fuzz/<target> FILE`, and add it to tests/fuzz/corpus/
# once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

seconds=${FUZZ_SECONDS:-30}
timeout=${FUZZ_TIMEOUT:-10}
build=${FUZZ_BUILD:-build-fuzz-clang}
read -r -a targets <<<"${FUZZ_TARGETS:-fuzz_wapo fuzz_chicago_portal fuzz_json fuzz_csv}"
case $build in /*) ;; *) build="$root/$build" ;; esac

for tool in clang clang++; do
  command -v "$tool" >/dev/null || { echo "fuzz: $tool is missing (scripts/setup.sh installs it)" >&2; exit 1; }
done
if [ -f "$build/CMakeCache.txt" ] && ! grep -q '^CASEBOARD_FUZZ:BOOL=ON' "$build/CMakeCache.txt"; then
  echo "fuzz: $build is a build directory of another kind; choose another FUZZ_BUILD" >&2
  exit 1
fi

echo "fuzz: building ${targets[*]} in $build" >&2
# Warnings stay errors here too: the model library compiles cleanly with clang. The same options
# as scripts/asan.sh, which builds the damage and fault suites in this directory against the same
# instrumented model library: neither script makes the other rebuild anything.
mkdir -p "$build"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCASEBOARD_FUZZ=ON -DCASEBOARD_SANITIZE=ON -DCASEBOARD_BUILD_TESTS=ON >"$build/fuzz-configure.log" 2>&1 \
  || { cat "$build/fuzz-configure.log" >&2; exit 1; }
cmake --build "$build" --target "${targets[@]}"

corpus="$build/fuzz-corpus"
artifacts="$build/fuzz-artifacts"
logs="$build/fuzz-logs"
scratch="$build/fuzz-tmp"
mkdir -p "$artifacts" "$logs" "$scratch"

# The seed folders of tests/fuzz/corpus a target reads, and its dictionary (tests/fuzz/*.dict).
seeds_of() {
  case $1 in
    fuzz_wapo) echo "wapo" ;;
    fuzz_chicago_portal) echo "chicago-portal" ;;
    fuzz_json) echo "json" ;;
    fuzz_csv) echo "csv wapo chicago-portal" ;;
    *) echo "fuzz: unknown target $1" >&2; exit 1 ;;
  esac
}
dict_of() {
  case $1 in
    fuzz_wapo) echo "-dict=tests/fuzz/wapo.dict" ;;
    fuzz_chicago_portal) echo "-dict=tests/fuzz/chicago-portal.dict" ;;
    fuzz_json) echo "-dict=tests/fuzz/json.dict" ;;
  esac
}

# Same environment for every run: UTC (the harness's fixed clock gives "today" in local time),
# scratch files in the build directory, and every sanitizer report fatal.
export TZ=UTC LC_ALL=C.UTF-8 TMPDIR="$scratch"
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:quarantine_size_mb=64:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"

# LeakSanitizer needs ptrace, which some containers forbid: then the runs go on without it.
probe=$("$build/tests/fuzz/${targets[0]}" -runs=1 -artifact_prefix="$scratch/probe-" 2>&1 || true)
rm -f "$scratch"/probe-*
if grep -q "LeakSanitizer has encountered a fatal error" <<<"$probe"; then
  echo "fuzz: LeakSanitizer cannot run here (ptrace is not permitted); leaks are not checked" >&2
  export ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0"
fi

declare -A pids
for target in "${targets[@]}"; do
  seeds=()
  for name in $(seeds_of "$target"); do seeds+=("tests/fuzz/corpus/$name"); done
  work="$corpus/$target"
  mkdir -p "$work"
  if [ "$target" = fuzz_json ]; then
    # Exports of the current schema, whatever the schema version of the checked-in seeds.
    CASEBOARD_FUZZ_WRITE_SEEDS="$work" "$build/tests/fuzz/$target"
  fi
  # shellcheck disable=SC2046 # the dictionary option is one word or none
  "$build/tests/fuzz/$target" "$work" "${seeds[@]}" $(dict_of "$target") \
    -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts/$target-" -print_final_stats=1 >"$logs/$target.log" 2>&1 &
  pids[$target]=$!
done

failed=()
for target in "${targets[@]}"; do
  if wait "${pids[$target]}"; then
    runs=$(awk '/^stat::number_of_executed_units:/ {print $2}' "$logs/$target.log")
    rss=$(awk '/^stat::peak_rss_mb:/ {print $2}' "$logs/$target.log")
    cov=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$logs/$target.log" | grep -oE 'cov: [0-9]+' || true)
    echo "fuzz: $target: ok, ${runs:-?} inputs in ${seconds}s, ${cov:-cov: ?} edges, peak ${rss:-?} MB" >&2
  else
    failed+=("$target")
    echo "fuzz: $target FAILED; the end of $logs/$target.log:" >&2
    tail -n 60 "$logs/$target.log" >&2
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in ${failed[*]}; inputs saved under $artifacts" >&2
  exit 1
fi
