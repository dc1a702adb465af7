#!/usr/bin/env bash
# bench/propagation.sh [BUILD_DIR] — the cost of propagation (a value found
# once is redacted everywhere): `hush redact --out-dir` with propagation (two
# passes: collect, then redact with the copies' matcher) against the same
# binary without --propagate (one pass, the default), same run,
# interleaved rounds, best of each.  Prints a markdown block for
# bench/RESULTS.md.
#
# Two inputs, generated into $BENCH_DIR/propagation (kept; fakes only):
#   - a tree with PROP_VALUES distinct found values (Azure Functions keys in
#     `code=` URLs, scripts/fakes.py), each in a log line among filler lines,
#     plus JSON Lines exports holding copies of them glued to other letters,
#     where no rule sees them;
#   - a plain log without secrets (bench/gen_log.c's clean log, PROP_LOG_MB).
#
#   PROP_VALUES=6000  PROP_FILLER=40 (filler lines per value)  PROP_LOG_MB=64
#   BENCH_RUNS=3      HUSH_CACHE_DIR (default $BENCH_DIR/cache)
set -euo pipefail

# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
BENCH_RUNS=${BENCH_RUNS:-3}
BENCH_LOG_MB=${PROP_LOG_MB:-64}
bench_init "${1:-build}"
values=${PROP_VALUES:-6000}
filler=${PROP_FILLER:-40}
work=$bench_dir/propagation
tree=$work/tree-$values-$filler
mkdir -p "$work"

if [ ! -d "$tree" ]; then
    echo "bench: generating $tree" >&2
    PYTHONPATH=$root/scripts python3 - "$tree.tmp" "$values" "$filler" <<'PY'
import os, random, sys
import fakes
out, count, filler = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng, pick = fakes.make_rng(2026), random.Random(5)
os.makedirs(out + "/logs"); os.makedirs(out + "/exports")
vals = [fakes.function_key(rng) for _ in range(count)]
per_file = 100
for f in range((count + per_file - 1) // per_file):
    lines = []
    for i, v in enumerate(vals[f * per_file:(f + 1) * per_file]):
        lines.append("2024-05-01T10:00:00Z hush test GET https://contoso-fn%d.azurewebsites.net"
                     "/api/Trigger?code=%s\n" % (f, v))
        for k in range(filler):
            lines.append("2024-05-01T10:%02d:%02dZ INFO hush test worker=%d batch=%d took %d ms "
                         "status=ok\n" % (k % 60, i % 60, f, i * filler + k, pick.randint(1, 999)))
    open("%s/logs/app-%03d.log" % (out, f), "w").write("".join(lines))
for f in range(20):
    lines = []
    for i in range(300):
        lines.append('{"time":"2024-05-01T10:00:00Z","msg":"hush test cached key id%sX","n":%d}\n'
                     % (pick.choice(vals), i))
        lines.extend('{"time":"2024-05-01T10:00:01Z","msg":"hush test worker %d ok","n":%d}\n'
                     % (k, i) for k in range(20))
    open("%s/exports/run-%02d.jsonl" % (out, f), "w").write("".join(lines))
PY
    mv "$tree.tmp" "$tree"
fi
bench_clean_log
plain=$work/plain
mkdir -p "$plain"
ln -sf "$log" "$plain/app.log"

tree_bytes=$(du -sb "$tree" | cut -f1)
found=$("$hush" scan --format jsonl "$tree" 2>/dev/null | wc -l || true)
copies=$("$hush" scan --propagate --format jsonl "$tree" 2>/dev/null | grep -c '"copy":true' || true)
out=$work/out
run() { echo "rm -rf '$out' && '$hush' redact $1 --out-dir '$out' '$2' 2>/dev/null"; }

read -r t_prop t_one < <(best_interleaved "$(run --propagate "$tree")" "$(run "" "$tree")")
read -r p_prop p_one < <(best_interleaved "$(run --propagate "$plain")" "$(run "" "$plain")")
ratio() { python3 -c 'import sys; print("%.2f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$1" "$2"; }

echo "Command: \`bench/propagation.sh\` ($(date +%F), $("$hush" --version | head -1); best of $runs interleaved rounds)"
echo
echo "| input | size | found by rules | copies | one pass (default) | propagation | ratio | target |"
echo "|---|---|---|---|---|---|---|---|"
echo "| tree, $values values | $((tree_bytes / 1000000)) MB | $found | $copies | ${t_one} s | ${t_prop} s | $(ratio "$t_prop" "$t_one")x | <= 1.3x |"
echo "| plain log, no secrets | $((log_bytes / 1000000)) MB | 0 | 0 | ${p_one} s | ${p_prop} s | $(ratio "$p_prop" "$p_one")x | <= 1.0x |"
