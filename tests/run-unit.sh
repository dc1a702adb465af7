#!/usr/bin/env bash
# Runs every cmocka test binary BUILD_DIR/tests/test_* from the repo root,
# shows its output, and ends with "N passed, N failed" counting test cases
# (summed from cmocka's "[  PASSED  ] N test(s)." / "[  FAILED  ] N test(s)"
# lines).  A binary that crashes, times out, exits non-zero without saying
# which test failed, or prints no cmocka summary at all counts as one failure.
#
#   tests/run-unit.sh build
#   HUSH_TEST_TIMEOUT=600 tests/run-unit.sh build-asan
set -uo pipefail

if [ $# -ne 1 ]; then
    echo "usage: tests/run-unit.sh BUILD_DIR" >&2
    exit 2
fi
build="$1"
cd "$(dirname "$0")/.." || exit 2
. tests/binaries.sh

collect_binaries run-unit "$build/tests" test_ "test binaries"

log="$(mktemp "${TMPDIR:-/tmp}/hush-unit.XXXXXX")" || exit 2
trap 'rm -f "$log"' EXIT

# Sums the N of every line "[  <word>  ] N test(s)" for one cmocka word.
count_cmocka() {
    local word="$1"
    sed -n "s/^\[ *$word *\] \([0-9][0-9]*\) test(s).*/\1/p" "$log" |
        awk '{ n += $1 } END { print n + 0 }'
}

passed=0
failed=0
broken=()
for bin in "${binaries[@]}"; do
    name="${bin##*/}"
    echo "=== $name"
    # cmocka writes its summary to stdout unless told otherwise; force it.
    CMOCKA_MESSAGE_OUTPUT=stdout timeout "$timeout_s" "$bin" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    p=$(count_cmocka PASSED)
    f=$(count_cmocka FAILED)
    passed=$((passed + p))
    failed=$((failed + f))
    reason=""
    if [ "$rc" -eq 124 ]; then
        reason="timed out after ${timeout_s}s"
    elif [ "$rc" -gt 128 ]; then
        reason="killed by signal $((rc - 128))"
    elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        reason="exit status $rc with no failed test reported"
    elif [ "$rc" -eq 0 ] && [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
        reason="printed no cmocka summary"
    fi
    if [ -n "$reason" ]; then
        failed=$((failed + 1))
        broken+=("$name: $reason")
        echo "run-unit: $name: $reason" >&2
    elif [ "$f" -gt 0 ]; then
        broken+=("$name: $f failed")
    fi
done

if [ ${#broken[@]} -gt 0 ]; then
    echo "--- failures:"
    printf '  %s\n' "${broken[@]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
