#!/usr/bin/env bash
# tests/browser/record_har.sh BUILD_DIR [--commit] — the real-browser HAR test
# (`make test-browser`; not part of `make test`).
#
# Serves tests/browser/site.py on 127.0.0.1 (Azure- and Entra-like flows with
# generated fake secrets and a truth file), records a HAR of it with Debian's
# chromium driven by playwright-core (tests/browser/record.js), then checks
# hush on it (tests/browser/check_har.py): every copy of every planted value
# found by `hush scan` and gone after `hush redact`, the HAR's structure kept.
# Copies hush is known to miss are those marked in the committed truth file
# (corpus/browser-recording.truth.json).
#
#   --commit   record with the committed seed and store the HAR and its truth
#              file in corpus/ (their marks are kept; review the diff)
#
# Only loopback traffic; the site stops by itself, the recorder within 60 s.
# Needs scripts/install-deps.sh --browser (the make target runs it).
set -euo pipefail

build="${1:?usage: record_har.sh BUILD_DIR [--commit]}"
commit=0
[ "${2:-}" = --commit ] && commit=1
root="$(cd "$(dirname "$0")/../.." && pwd)"
hush="$root/$build/hush"
[ -x "$hush" ] || { echo "record_har: no $hush: build first" >&2; exit 2; }
playwright_dir="$root/build/browser"
[ -d "$playwright_dir/node_modules/playwright-core" ] ||
    { echo "record_har: no playwright-core: run scripts/install-deps.sh --browser" >&2; exit 2; }
committed_truth="$root/corpus/browser-recording.truth.json"
committed_seed=1010

work="$(mktemp -d "${TMPDIR:-/tmp}/hush-browser.XXXXXX")"
site_pid=""
cleanup() {
    [ -n "$site_pid" ] && kill "$site_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

seed_args=()
[ "$commit" = 1 ] && seed_args=(--seed "$committed_seed")
python3 "$root/tests/browser/site.py" --truth "$work/truth.json" --port-file "$work/port" \
    --lifetime 90 "${seed_args[@]+"${seed_args[@]}"}" &
site_pid=$!
for _ in $(seq 100); do
    [ -s "$work/port" ] && break
    sleep 0.1
done
[ -s "$work/port" ] || { echo "record_har: the site did not start" >&2; exit 2; }
base="http://127.0.0.1:$(cat "$work/port")"

echo "record_har: recording $base with $(/usr/bin/chromium --version 2>/dev/null | head -1)"
node "$root/tests/browser/record.js" "$playwright_dir" "$base" "$work/recording.har"
kill "$site_pid" 2>/dev/null || true
wait "$site_pid" 2>/dev/null || true
site_pid=""

marks=()
[ -f "$committed_truth" ] && marks=(--marks-from "$committed_truth")
if [ "$commit" = 1 ]; then
    # Keep the committed marks in the new truth file (same seed: same values).
    if [ -f "$committed_truth" ]; then
        python3 - "$committed_truth" "$work/truth.json" <<'PY'
import json, sys
old = json.load(open(sys.argv[1]))
new = json.load(open(sys.argv[2]))
new["expected_miss"] = old.get("expected_miss", [])
with open(sys.argv[2], "w") as fh:
    json.dump(new, fh, indent=2)
    fh.write("\n")
PY
    fi
    cp "$work/recording.har" "$root/corpus/browser-recording.har"
    cp "$work/truth.json" "$committed_truth"
    echo "record_har: stored corpus/browser-recording.har and its truth file"
    python3 "$root/tests/browser/check_har.py" --hush "$hush" \
        --har "$root/corpus/browser-recording.har" --truth "$committed_truth" --workdir "$work"
else
    python3 "$root/tests/browser/check_har.py" --hush "$hush" --har "$work/recording.har" \
        --truth "$work/truth.json" "${marks[@]+"${marks[@]}"}" --workdir "$work"
fi
