#!/usr/bin/env bash
# bench/views.sh BUILD_DIR — what decoded views (issue 3) cost, on one core.
#
#  1. Plain log: `hush scan` of BUILD_DIR against the same command built from
#     BENCH_BASE_REV (the last commit before views), interleaved rounds, best
#     of each.  Views must not make plain logs slower (target: within 10%).
#  2. JSON Lines run history (bench/gen_runs.py, no secrets, .NET escapes in
#     most lines): MB/s of `hush scan` and of `hush < file`, with ripgrep over
#     the same file for scale.
#
#   BENCH_DIR=/tmp/hush-bench  BENCH_LOG_MB=200  BENCH_RUNS=7  BENCH_CORE=0
#   BENCH_BASE_REV=d755186     the commit measured as "before"
set -euo pipefail

# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
bench_init "${1:-build}"
base_rev=${BENCH_BASE_REV:-d755186}

# ---- inputs ---------------------------------------------------------------------
bench_clean_log
runs_file=$bench_dir/runs-${log_mb}m.jsonl
if [ ! -f "$runs_file" ] || [ "$here/gen_runs.py" -nt "$runs_file" ]; then
    echo "bench: generating $runs_file" >&2
    python3 "$here/gen_runs.py" "$log_bytes" > "$runs_file.tmp" && mv "$runs_file.tmp" "$runs_file"
fi
cat "$log" "$runs_file" > /dev/null

# ---- the "before" binary ------------------------------------------------------------
base_dir=$bench_dir/base-$base_rev
if [ ! -x "$base_dir/build/hush" ]; then
    echo "bench: building hush at $base_rev in $base_dir" >&2
    rm -rf "$base_dir" && mkdir -p "$base_dir"
    git -C "$root" archive "$base_rev" | tar -x -C "$base_dir"
    make -C "$base_dir" -j"$(nproc)" cli > "$bench_dir/base-build.log" 2>&1 ||
        die "building $base_rev failed (see $bench_dir/base-build.log)"
fi
base=$base_dir/build/hush

ratio() { python3 -c 'import sys; print("%.3f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$1" "$2"; }

# ---- sanity: both inputs are clean ---------------------------------------------------
log_findings=$("$hush" scan --format jsonl "$log" 2>/dev/null | wc -l || true)
runs_findings=$("$hush" scan --format jsonl "$runs_file" 2>/dev/null | wc -l || true)
"$hush" < "$runs_file" | cmp -s - "$runs_file" && runs_same=yes || runs_same=no

echo "bench: plain log, $base_rev vs this build, best of $runs interleaved rounds" >&2
read -r t_base t_new < <(best_interleaved \
    "'$base' scan --format jsonl '$log' > /dev/null 2>&1" \
    "'$hush' scan --format jsonl '$log' > /dev/null 2>&1")
echo "bench: JSON Lines run history" >&2
runs_bytes=$(stat -c %s "$runs_file")
read -r t_rg t_scan t_filter t_base_runs < <(best_interleaved \
    "rg -c -f '$here/rg-patterns.txt' '$runs_file' > /dev/null" \
    "'$hush' scan --format jsonl '$runs_file' > /dev/null 2>&1" \
    "'$hush' < '$runs_file' > /dev/null" \
    "'$base' scan --format jsonl '$runs_file' > /dev/null 2>&1")

slowdown=$(ratio "$t_new" "$t_base")
cat <<EOF

Command: \`bench/views.sh ${1:-build}\` ($(date -u +%Y-%m-%d), $(nproc) cores, pinned: ${pin[*]:-no},
best of $runs interleaved rounds; MB = 10^6 bytes; before = \`$base_rev\`)

| measurement | command | result | target |
|---|---|---|---|
| plain log, before views | \`hush@$base_rev scan\` on $log_mb MiB log | $(printf %.3f "$t_base") s, $(mbps "$log_bytes" "$t_base") MB/s | baseline |
| plain log, with views | \`hush scan\` on the same log | $(printf %.3f "$t_new") s, $(mbps "$log_bytes" "$t_new") MB/s, time ratio ${slowdown} | <= 1.10 ($(python3 -c "print('met' if $slowdown <= 1.10 else '**not met**')")) |
| JSON Lines run history | \`hush scan\` on $((runs_bytes / 1000000)) MB, $(wc -l < "$runs_file") lines | $(printf %.3f "$t_scan") s, $(mbps "$runs_bytes" "$t_scan") MB/s | report |
| JSON Lines, filter | \`hush < runs.jsonl\` | $(printf %.3f "$t_filter") s, $(mbps "$runs_bytes" "$t_filter") MB/s | report |
| JSON Lines, raw only (before) | \`hush@$base_rev scan\` | $(printf %.3f "$t_base_runs") s, $(mbps "$runs_bytes" "$t_base_runs") MB/s | context |
| JSON Lines, ripgrep | \`rg -c -f bench/rg-patterns.txt\` | $(printf %.3f "$t_rg") s, $(mbps "$runs_bytes" "$t_rg") MB/s | context |


Sanity: findings in the plain log: $log_findings; in the run history: $runs_findings; filter output identical to the input: $runs_same.
EOF
