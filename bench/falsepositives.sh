#!/usr/bin/env bash
# bench/falsepositives.sh [BUILD_DIR [LOG]] — how often BUILD_DIR/hush (default
# build) reports something in a realistic log that holds no secret.  Builds
# nothing.  Prints a markdown block for bench/RESULTS.md: sizes, findings and
# findings per GB at the default confidence and at --min-confidence low,
# per-rule counts, and a few previews per rule (masked by hush, never a raw
# value) with the log line they come from, for triage.
#
# The log is bench/gen_noise_log.py's (no secrets by construction: every
# finding is a false positive, but for the Key Vault URLs below), written into a temporary directory that is
# deleted afterwards.  With LOG: an existing file is scanned as it is; a
# missing one is generated there and kept.
#
# Key Vault secret URLs (azure.keyvault.secret-url) are in the log on purpose:
# they are sensitive configuration that hush reports and redacts by default,
# not false positives.  Their findings are counted apart, on a line of their
# own, and left out of the false-positive figures and the target.
#
# Two inputs are scanned, because hush picks its views from a file's first
# line: the mixed log itself (the generator starts it with a plain text line:
# raw scan), and its JSON lines alone (what an Azure Monitor or run-history export looks like: raw scan plus
# JSON views and structural rules).
#
#   FP_LOG_MB=128        size of the generated log in MiB (>= 100 for RESULTS.md)
#   FP_SEED=20261206     generator seed
#   FP_PREVIEWS=3        previews shown per rule (distinct ones first)
#   HUSH_CACHE_DIR       passed through; default BUILD_DIR/cache
set -euo pipefail

# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
hush=$build/hush
given_log=${2:-}
log_mb=${FP_LOG_MB:-128}
seed=${FP_SEED:-20261206}
previews=${FP_PREVIEWS:-3}
key=$root/tests/data/test.key # a fixed key: fingerprints comparable between runs
export HUSH_CACHE_DIR=${HUSH_CACHE_DIR:-$build/cache}

[ -x "$hush" ] || die "$hush not found or not executable (run make first)"
command -v python3 > /dev/null || die "python3 is required"
[ -r "$key" ] || die "fingerprint key $key not found"

work=$(mktemp -d "${TMPDIR:-/tmp}/hush-fp.XXXXXX")
trap 'rm -rf "$work"' EXIT

# ---- the input -------------------------------------------------------------------
generated=yes
if [ -z "$given_log" ]; then
    log=$work/noise-${log_mb}m.log
elif [ -f "$given_log" ]; then
    log=$given_log
    generated=no
else
    log=$given_log
fi
if [ "$generated" = yes ]; then
    echo "bench: generating $log ($log_mb MiB, seed $seed)" >&2
    start=$(date +%s%N)
    python3 "$here/gen_noise_log.py" --seed "$seed" "$log_mb" "$log"
    gen_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    echo "bench: generated in $gen_ms ms" >&2
fi
json=$work/json-lines.jsonl
grep '^{' "$log" > "$json" || true

# ---- the scans --------------------------------------------------------------------
# scan INPUT OUT [OPTION...]: findings as JSON Lines; exit 1 (findings) is the
# expected result here, 2 is an error.
scan() {
    local input=$1 out=$2 status=0
    shift 2
    "$hush" scan -q --format jsonl --fingerprint-key "$key" "$@" "$input" > "$out" || status=$?
    [ "$status" -le 1 ] || die "hush scan $* $input failed (exit $status)"
}
echo "bench: scanning (default confidence and low, mixed log and its JSON lines)" >&2
scan "$log" "$work/mixed-default.jsonl"
scan "$log" "$work/mixed-low.jsonl" --min-confidence low
scan "$json" "$work/json-default.jsonl"
scan "$json" "$work/json-low.jsonl" --min-confidence low

rule_count=$("$hush" rules list | wc -l)
version=$("$hush" --version 2> /dev/null | head -1)
if [ "$generated" = yes ]; then
    source_note='`bench/gen_noise_log.py --seed '"$seed $log_mb"'`'" ($log_mb MiB, generated in $((gen_ms / 1000)).$(((gen_ms % 1000) / 100)) s)"
else
    source_note='given file `'"$(basename "$log")"'`'
fi

python3 - "$log" "$work" "$previews" "bench/falsepositives.sh ${1:-build}${2:+ $2}" \
    "$(date -u +%Y-%m-%d)" "$version" "$rule_count" "$source_note" <<'PY'
import collections, json, sys

log_path, work, previews, command, day, version, rule_count, source = sys.argv[1:9]
previews = int(previews)
print()
print("Command: `%s` (%s, %s, %s rules;" % (command, day, version, rule_count))
print("log: %s; per GB = per 10^9 bytes; the default confidence is medium)" % source)
print()

# Line numbers in the JSON-lines input, mapped back to the mixed log.
json_to_log = []
sizes = {"mixed": 0, "json": 0}
lines = {"mixed": 0, "json": 0}
with open(log_path, "rb") as f:
    for n, text in enumerate(f, 1):
        sizes["mixed"] += len(text)
        lines["mixed"] += 1
        if text.startswith(b"{"):
            json_to_log.append(n)
            sizes["json"] += len(text)
            lines["json"] += 1


def load(name):
    with open("%s/%s.jsonl" % (work, name)) as f:
        return [json.loads(l) for l in f if l.strip()]


runs = {(inp, conf): load("%s-%s" % (inp, conf)) for inp in ("mixed", "json") for conf in ("default", "low")}
# hush turns its JSON views on when the first line is JSON (bench/README.md).
with open(log_path, "rb") as f:
    first_is_json = f.readline().lstrip().startswith((b"{", b"["))
labels = {"mixed": "mixed log (%s)" % ("first line JSON: raw + JSON views" if first_is_json else "raw scan"),
          "json": "its JSON lines (raw + JSON views)"}

def per_gb(count, size):
    return count * 1e9 / size if size else 0.0

# Sensitive configuration the log holds on purpose: reported and redacted by
# design, so not a false positive (counted apart below).
CONFIGURATION = {"azure.keyvault.secret-url": "Key Vault secret URLs"}
apart = {key: [f for f in found if f["rule"] in CONFIGURATION] for key, found in runs.items()}
false_pos = {key: [f for f in found if f["rule"] not in CONFIGURATION] for key, found in runs.items()}

print("| input | size | lines | confidence | false positives | per GB | target (default: <= 1 per GB) |")
print("|---|---|---|---|---|---|---|")
for inp in ("mixed", "json"):
    for conf in ("default", "low"):
        count = len(false_pos[inp, conf])
        rate = per_gb(count, sizes[inp])
        target = ("met" if rate <= 1 else "**not met**") if conf == "default" else "—"
        print("| %s | %.1f MB | %d | %s | %d | %s | %s |" % (
            labels[inp], sizes[inp] / 1e6, lines[inp], "default" if conf == "default" else "low",
            count, ("%.1f" if rate < 10 else "%.0f") % rate, target))
print()
for rule, what in sorted(CONFIGURATION.items()):
    c = {key: sum(f["rule"] == rule for f in found) for key, found in apart.items()}
    print("Sensitive configuration, counted apart (in the log on purpose, reported and redacted "
          "by design, not false positives): %s `%s`: mixed log %d at default, %d at low; "
          "JSON lines %d at default, %d at low." % (
              what, rule, c["mixed", "default"], c["mixed", "low"], c["json", "default"],
              c["json", "low"]))
print()

counts = collections.defaultdict(collections.Counter)
confidence = {}
for (inp, conf), found in runs.items():
    for f in found:
        counts[f["rule"]][inp, conf] += 1
        confidence[f["rule"]] = f["confidence"]
if not counts:
    print("No findings at any confidence.")
    sys.exit(0)

order = sorted(counts, key=lambda r: (-counts[r]["mixed", "default"] - counts[r]["json", "default"],
                                      -counts[r]["mixed", "low"] - counts[r]["json", "low"], r))
print("Findings per rule:")
print()
print("| rule | confidence | mixed, default | mixed, low | JSON lines, default | JSON lines, low |")
print("|---|---|---|---|---|---|")
for rule in order:
    c = counts[rule]
    name = "`%s`%s" % (rule, " (configuration, counted apart)" if rule in CONFIGURATION else "")
    print("| %s | %s | %d | %d | %d | %d |" % (name, confidence[rule], c["mixed", "default"],
                                                  c["mixed", "low"], c["json", "default"], c["json", "low"]))
print()

# Previews: masked by hush already.  Distinct ones first, then other lines
# (a rule whose whole match is the secret has one preview only), each with
# the line of the regenerable log it was found on.
print("Previews (masked by hush), up to %d per rule, distinct first, with the log line:column and view:" % previews)
print()
for rule in order:
    found = [(inp, f) for inp in ("mixed", "json") for f in runs[inp, "low"] if f["rule"] == rule]
    picked, seen_previews, seen_lines = [], set(), set()
    for distinct_only in (True, False):
        for inp, f in found:
            line = f["line"] if inp == "mixed" else json_to_log[f["line"] - 1]
            if len(picked) >= previews or line in seen_lines:
                continue
            if distinct_only and f["preview"] in seen_previews:
                continue
            seen_previews.add(f["preview"])
            seen_lines.add(line)
            picked.append("`%s` (%d:%d, %s)" % (f["preview"].replace("`", "'"), line, f["column"], f["encoding"]))
    print("- `%s`: %s" % (rule, "; ".join(picked)))
PY
