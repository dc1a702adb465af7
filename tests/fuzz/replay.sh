#!/usr/bin/env bash
# Replays the saved fuzz corpus: every BUILD_DIR/fuzz/fuzz_<name> binary (built
# with tests/fuzz/replay_main.c) over tests/fuzz/corpus/fuzz_<name>/.  Ends with
# "N passed, N failed" counting inputs.  When a target fails, its inputs are
# replayed one by one so the message names the input that breaks it.
#
#   tests/fuzz/replay.sh build
#   HUSH_TEST_TIMEOUT=600 tests/fuzz/replay.sh build-asan
set -uo pipefail

if [ $# -ne 1 ]; then
    echo "usage: tests/fuzz/replay.sh BUILD_DIR" >&2
    exit 2
fi
build="$1"
cd "$(dirname "$0")/../.." || exit 2
. tests/binaries.sh

collect_binaries replay "$build/fuzz" fuzz_ "fuzz targets"

passed=0
failed=0
# Prints why a replay stopped, from its exit status.
describe() {
    case "$1" in
    124) echo "timed out after ${timeout_s}s" ;;
    12[5-9] | 1[3-9][0-9] | 2[0-9][0-9]) echo "killed by signal $(($1 - 128))" ;;
    *) echo "exit status $1" ;;
    esac
}

for bin in "${binaries[@]}"; do
    name="${bin##*/}"
    corpus="tests/fuzz/corpus/$name"
    inputs=("$corpus"/*)
    if [ ${#inputs[@]} -eq 0 ]; then
        echo "replay: $name: no seed inputs in $corpus/" >&2
        failed=$((failed + 1))
        continue
    fi
    out="$(timeout "$timeout_s" "$bin" "$corpus" 2>&1)"
    rc=$?
    if [ "$rc" -eq 0 ]; then
        n="$(sed -n 's/^replayed \([0-9][0-9]*\) inputs$/\1/p' <<<"$out")"
        echo "$name: ${n:-?} inputs replayed"
        if [ "${n:-0}" -ne ${#inputs[@]} ]; then
            echo "replay: $name: replayed ${n:-no} of ${#inputs[@]} inputs" >&2
            failed=$((failed + 1))
        fi
        passed=$((passed + ${n:-0}))
        continue
    fi
    echo "replay: $name: $(describe "$rc") on the corpus; replaying inputs one by one" >&2
    failed_before=$failed
    for input in "${inputs[@]}"; do
        out="$(timeout "$timeout_s" "$bin" "$input" 2>&1)"
        rc=$?
        if [ "$rc" -eq 0 ]; then
            passed=$((passed + 1))
        else
            failed=$((failed + 1))
            echo "replay: $name: $input: $(describe "$rc")" >&2
            # The target's own message, or the sanitizer's first lines.
            head -n 20 <<<"$out" | sed 's/^/    /' >&2
        fi
    done
    if [ "$failed" -eq "$failed_before" ]; then
        # Every input passes alone: state carried from one input to the next.
        echo "replay: $name: fails only when the inputs run in one process" >&2
        failed=$((failed + 1))
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
