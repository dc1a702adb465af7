# bench/lib.sh — what bench/run.sh and bench/views.sh share.  Sourced after
# `set -euo pipefail`, with the build directory as $1 of the caller:
#
#   bench_init BUILD_DIR     sets here root hush bench_dir log_mb runs core pin[]
#                            and HUSH_CACHE_DIR; checks hush and ripgrep
#   bench_clean_log          builds gen_log, writes the clean log once: sets
#                            log and log_bytes
#   best_interleaved CMD...  each command's best wall time over $runs
#                            interleaved rounds, on one line
#   mbps BYTES SECONDS

die() { echo "bench: $*" >&2; exit 2; }

bench_init() {
    here=$(cd "$(dirname "$0")" && pwd)
    root=$(cd "$here/.." && pwd)
    local build=${1:-build}
    case $build in /*) ;; *) build=$root/$build ;; esac
    hush=$build/hush
    bench_dir=${BENCH_DIR:-/tmp/hush-bench}
    log_mb=${BENCH_LOG_MB:-200}
    runs=${BENCH_RUNS:-7}
    core=${BENCH_CORE:-0}
    export HUSH_CACHE_DIR=${HUSH_CACHE_DIR:-$bench_dir/cache}
    [ -x "$hush" ] || die "$hush not found or not executable (run make first)"
    command -v rg >/dev/null || die "ripgrep (rg) is required"
    command -v python3 >/dev/null || die "python3 is required (for timing and arithmetic)"
    mkdir -p "$bench_dir" "$HUSH_CACHE_DIR"
    pin=()
    if command -v taskset >/dev/null && taskset -c "$core" true 2>/dev/null; then
        pin=(taskset -c "$core")
    fi
}

bench_clean_log() {
    local gen=$bench_dir/gen_log
    if [ ! -x "$gen" ] || [ "$here/gen_log.c" -nt "$gen" ]; then
        ${CC:-cc} -std=c11 -O2 -Wall -Wextra "$here/gen_log.c" -o "$gen"
    fi
    log=$bench_dir/app-${log_mb}m.log
    log_bytes=$((log_mb * 1024 * 1024))
    if [ ! -f "$log" ] || [ "$(stat -c %s "$log")" -ne "$log_bytes" ] || [ "$gen" -nt "$log" ]; then
        echo "bench: generating $log ($log_mb MiB)" >&2
        "$gen" "$log_bytes" > "$log.tmp"
        mv "$log.tmp" "$log"
    fi
}

# Interleaved rounds (a, b, c, a, b, c, ...), best of each: on a shared
# machine a slow stretch then hits every command alike instead of skewing
# one command's whole series, which sequential series did by 15% and more.
best_interleaved() {
    "${pin[@]}" python3 - "$runs" "$@" <<'PY'
import subprocess, sys, time
rounds, commands = int(sys.argv[1]), sys.argv[2:]
for cmd in commands:  # warm-up round, not counted
    subprocess.run(["bash", "-c", cmd], check=False)
best = [None] * len(commands)
for _ in range(rounds):
    for i, cmd in enumerate(commands):
        start = time.perf_counter()
        subprocess.run(["bash", "-c", cmd], check=False)
        took = time.perf_counter() - start
        best[i] = took if best[i] is None else min(best[i], took)
print(" ".join("%.4f" % b for b in best))
PY
}

mbps() { python3 -c 'import sys; print("%.0f" % (int(sys.argv[1]) / float(sys.argv[2]) / 1e6))' "$1" "$2"; }
