# Shared by tests/run-unit.sh and tests/fuzz/replay.sh (sourced, bash): how
# long one binary may run, and which binaries a build directory holds.

# Seconds one binary may run: a hang (or an input that makes the code loop)
# must fail the run, not stall CI.
timeout_s="${HUSH_TEST_TIMEOUT:-300}"

# A glob that matches nothing expands to nothing (both scripts rely on it).
shopt -s nullglob

# collect_binaries TOOL DIR PREFIX WHAT: sets the array `binaries` to the
# executables DIR/PREFIX* (not the .d and .o files beside them).  With none,
# says how to build them, prints "0 passed, 0 failed" and exits 1.  DIR is
# BUILD_DIR/<folder>, relative to the repository root (the current folder).
collect_binaries() {
    local tool="$1" dir="$2" prefix="$3" what="$4" f
    binaries=()
    for f in "$dir/$prefix"*; do
        case "$f" in *.d | *.o) continue ;; esac
        [ -f "$f" ] && [ -x "$f" ] && binaries+=("$f")
    done
    if [ ${#binaries[@]} -eq 0 ]; then
        echo "$tool: no $what in $dir (build them with: make BUILD=${dir%/*} tests)" >&2
        echo "0 passed, 0 failed"
        exit 1
    fi
}
