#!/usr/bin/env bash
# bench/run.sh BUILD_DIR — throughput, start-up, memory and pipe behaviour of
# BUILD_DIR/hush against ripgrep, on one core.  Prints a markdown table for
# bench/RESULTS.md.  Big files go to $BENCH_DIR (default /tmp/hush-bench),
# never into the repository.
#
#   BENCH_DIR=/tmp/hush-bench   where the generated log and tools live
#   BENCH_LOG_MB=200            size of the generated log (MiB, >= 200 for RESULTS.md)
#   BENCH_RUNS=7                interleaved rounds per throughput measurement (best is kept)
#   BENCH_CORE=0                CPU the measurements are pinned to
#   HUSH_CACHE_DIR              passed through; default $BENCH_DIR/cache
#   BENCH_PLAIN=1               ignore hyperfine and /usr/bin/time (tests the fallbacks)
set -euo pipefail

# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
bench_init "${1:-build}"
patterns=$here/rg-patterns.txt

plain=${BENCH_PLAIN:-0}
have_hyperfine=0
[ "$plain" = 1 ] || ! command -v hyperfine >/dev/null || have_hyperfine=1
gnu_time=0
[ "$plain" = 1 ] || [ ! -x /usr/bin/time ] || gnu_time=1

# ---- the input ---------------------------------------------------------------
bench_clean_log
cat "$log" > /dev/null # warm the page cache: we measure CPU, not the disk

# ---- helpers -----------------------------------------------------------------
# mean_ms CMD: mean wall time of 100 runs with a warm cache, in ms.
mean_ms() {
    local cmd=$1 json=$bench_dir/startup.json
    if [ "$have_hyperfine" = 1 ]; then
        "${pin[@]}" hyperfine --style none --warmup 5 --runs 100 -i \
            --export-json "$json" "$cmd" > /dev/null 2>> "$bench_dir/hyperfine.log"
        python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["mean"]*1000))' "$json"
    else
        bash -c "$cmd" || true
        local start end
        start=$(date +%s%N)
        for _ in $(seq 100); do bash -c "$cmd" || true; done
        end=$(date +%s%N)
        python3 -c 'import sys; print("%.1f" % ((int(sys.argv[2])-int(sys.argv[1]))/1e6/100))' "$start" "$end"
    fi
}

# peak_rss_mb "PRODUCER" : peak RSS (MiB) of `hush` reading PRODUCER's output.
peak_rss_mb() {
    local producer=$1 out=$bench_dir/rss.txt
    if [ "$gnu_time" = 1 ]; then
        bash -c "$producer | ${pin[*]} /usr/bin/time -f %M -o '$out' '$hush' > /dev/null"
        python3 -c 'import sys; print("%.1f" % (int(open(sys.argv[1]).read().split()[-1])/1024))' "$out"
    else
        # getrusage of the children of a python wrapper: same number, no package needed
        bash -c "$producer" | "${pin[@]}" python3 -c '
import resource, subprocess, sys
subprocess.run([sys.argv[1]], stdout=subprocess.DEVNULL, check=False)
print("%.1f" % (resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024))' "$hush"
    fi
}

ratio() { python3 -c 'import sys; print("%.2f" % (float(sys.argv[1]) / float(sys.argv[2])))' "$1" "$2"; }

# ---- sanity: no finding in the clean log, or the numbers mean nothing ----------
rg_hits=$(rg -c -f "$patterns" "$log" || true)
scan_hits=$("$hush" scan --format jsonl "$log" 2> /dev/null | wc -l || true)
# With nothing to redact, the filter must pass every byte through unchanged.
filter_same=yes
"$hush" < "$log" 2> /dev/null | cmp -s - "$log" || filter_same=no
[ "$filter_same" = yes ] || echo "bench: warning: hush changed the clean log while filtering it" >&2
[ -z "$rg_hits" ] || echo "bench: warning: ripgrep matched $rg_hits lines of the clean log" >&2
[ "$scan_hits" = 0 ] || echo "bench: warning: hush reported $scan_hits findings in the clean log" >&2

# ---- throughput ----------------------------------------------------------------
# Other work on the machine skews every figure: record the load with them.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "bench: throughput on $(basename "$log"), best of $runs interleaved rounds, ${pin[*]:-unpinned}" >&2
read -r t_rg t_scan t_filter < <(best_interleaved \
    "rg -c -f '$patterns' '$log' > /dev/null" \
    "'$hush' scan --format jsonl '$log' > /dev/null" \
    "'$hush' < '$log' > /dev/null")

# A file full of secrets (the corpus samples, repeated to about 10 MB): not a
# target, but where the engine does the most confirming work, so a change
# that only helps clean logs shows here.
dense=$bench_dir/dense.log
if [ ! -f "$dense" ] || [ -n "$(find "$root/corpus" -newer "$dense" -type f | head -1)" ]; then
    for _ in $(seq 170); do cat "$root/corpus/app-service.log" "$root/corpus/powerautomate-run.json"; done > "$dense"
fi
dense_bytes=$(stat -c %s "$dense")
dense_findings=$("$hush" scan --format jsonl "$dense" 2> /dev/null | wc -l || true)
echo "bench: file full of secrets ($dense_findings findings), best of $runs interleaved rounds" >&2
read -r t_dense_rg t_dense_scan < <(best_interleaved \
    "rg -c -f '$patterns' '$dense' > /dev/null" \
    "'$hush' scan --format jsonl '$dense' > /dev/null")

# ---- start-up, memory, quietness ---------------------------------------------
echo "bench: start-up (100 runs)" >&2
startup_ms=$(mean_ms "echo hello | '$hush' > /dev/null")

echo "bench: peak RSS on a 1 GiB stream and a 300 MiB line" >&2
rss_stream=$(peak_rss_mb "yes '2024-05-14T10:00:00.000Z INFO  [Contoso.Orders] GET /api/v2/orders/123456?page=2 responded 200 in 12.5 ms' | head -c 1G")
rss_line=$(peak_rss_mb "head -c 300M /dev/zero | tr '\\0' 'a'")

echo "bench: yes | head -c 50M | hush | head -1" >&2
quiet_err=$bench_dir/quiet.stderr
quiet_start=$(date +%s%N)
set +o pipefail
yes | head -c 50M | "$hush" 2> "$quiet_err" | head -1 > /dev/null
quiet_status=${PIPESTATUS[2]}
set -o pipefail
quiet_ms=$(( ($(date +%s%N) - quiet_start) / 1000000 ))
quiet_bytes=$(stat -c %s "$quiet_err")
case $quiet_status in
    0 | 141) quiet_ok=yes ;; # finished, or ended by SIGPIPE: both are quiet
    *) quiet_ok=no ;;
esac
[ "$quiet_bytes" = 0 ] || quiet_ok=no

# ---- report -------------------------------------------------------------------
pass() { python3 -c 'import sys; print("yes" if eval(sys.argv[1]) else "**no**")' "$1"; }
mb_rg=$(mbps "$log_bytes" "$t_rg")
mb_scan=$(mbps "$log_bytes" "$t_scan")
mb_filter=$(mbps "$log_bytes" "$t_filter")
r_scan=$(ratio "$mb_scan" "$mb_rg")
r_filter=$(ratio "$mb_filter" "$mb_rg")
mb_dense_rg=$(mbps "$dense_bytes" "$t_dense_rg")
mb_dense=$(mbps "$dense_bytes" "$t_dense_scan")
r_dense=$(ratio "$mb_dense" "$mb_dense_rg")

cat <<EOF

Command: \`bench/run.sh ${1:-build}\` ($(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'),
$(rg --version | head -1), $("$hush" --version 2>/dev/null | head -1), pinned: ${pin[*]:-no},
input: $(basename "$log") $log_mb MiB, $(wc -l < "$log") lines, no secrets; MB = 10^6 bytes;
load average before / after: $load_before / $(cut -d' ' -f1-3 /proc/loadavg))

| measurement | command | result | target | met |
|---|---|---|---|---|
| ripgrep |  \`rg -c -f bench/rg-patterns.txt log\` | $(printf %.3f "$t_rg") s, $mb_rg MB/s | baseline | — |
| scan | \`hush scan --format jsonl log > /dev/null\` | $(printf %.3f "$t_scan") s, $mb_scan MB/s, ${r_scan}x rg | >= 2x rg | $(pass "$r_scan >= 2") |
| filter | \`hush < log > /dev/null\` | $(printf %.3f "$t_filter") s, $mb_filter MB/s, ${r_filter}x rg | >= 1.5x rg | $(pass "$r_filter >= 1.5") |
| start-up | \`echo hello \| hush\` (mean of 100, warm cache) | $startup_ms ms | < 50 ms | $(pass "$startup_ms < 50") |
| peak RSS, 1 GiB stream | \`yes '<log line>' \| head -c 1G \| hush\` | $rss_stream MiB | < 64 MiB | $(pass "$rss_stream < 64") |
| peak RSS, 300 MiB line | \`head -c 300M /dev/zero \| tr '\\0' a \| hush\` | $rss_line MiB | < 64 MiB | $(pass "$rss_line < 64") |
| quiet on closed pipe | \`yes \| head -c 50M \| hush \| head -1\` | exit $quiet_status, $quiet_bytes bytes on stderr, $quiet_ms ms | silent, prompt | $quiet_ok |
| file full of secrets | \`hush scan\` on corpus/ repeated, $((dense_bytes / 1000000)) MB, $dense_findings findings | $(printf %.3f "$t_dense_scan") s, $mb_dense MB/s, ${r_dense}x rg ($mb_dense_rg MB/s) | none (watch) | — |
EOF
[ -z "$rg_hits" ] && [ "$scan_hits" = 0 ] || echo "
Warning: the clean log gave findings (rg lines: ${rg_hits:-0}, hush: $scan_hits); see above."
[ "$filter_same" = yes ] || echo "
Warning: \`hush < log\` did not reproduce the clean log byte for byte."
