#!/usr/bin/env bash
# scripts/demo.sh BUILD_DIR — what hush does, on the sample artifacts in corpus/
# (every credential there is a generated fake):
#   1. `hush scan --format text corpus/`: the findings report
#   2. `hush < app log`: the redacted stream, lines that were changed
#
# Fingerprints use a fixed demo key kept in BUILD_DIR/demo/, not the user's key
# (~/.config/hush/fingerprint.key): the demo then creates nothing outside the
# build tree and prints the same fingerprints on every machine.
#
# Exit status 0 when the demo ran, findings or not; non-zero when hush failed.
set -euo pipefail

if [ $# -ne 1 ]; then
    echo "usage: scripts/demo.sh BUILD_DIR" >&2
    exit 2
fi
cd "$(dirname "$0")/.."
build="$1"
hush="$build/hush"

if [ ! -x "$hush" ]; then
    echo "demo: $hush not found (run make first)" >&2
    exit 2
fi
if [ ! -d corpus ] || [ -z "$(ls -A corpus)" ]; then
    echo "demo: corpus/ is empty: no sample artifacts to scan yet" >&2
    exit 1
fi

demo_dir="$build/demo"
key="$demo_dir/fingerprint.key"
mkdir -p "$demo_dir"
if [ ! -f "$key" ]; then
    (umask 077 && printf 'hush demo fingerprint key (fake)' > "$key")
fi
# Compiled rules are cached in the build tree too, so a second run starts faster.
export HUSH_CACHE_DIR="$build/cache"

# corpus/*.truth.json are answer keys of tests (every planted value), not samples.
echo "== hush scan --format text corpus/"
status=0
"$hush" scan --format text --no-progress --fingerprint-key "$key" \
    --exclude '*.truth.json' corpus/ || status=$?
case "$status" in
0) echo "(no findings)" ;;
1) ;; # findings: what the demo is about
*)
    echo "demo: hush scan failed (exit status $status)" >&2
    exit "$status"
    ;;
esac

# An application log to redact: the App Service sample, else any *.log.
log=corpus/app-service.log
if [ ! -f "$log" ]; then
    log="$(find corpus -name '*.log' -type f | sort | head -n 1)"
fi
echo
if [ -z "$log" ]; then
    echo "== no *.log file in corpus/ to show redaction on"
    exit 0
fi
echo "== hush < $log   (first 20 lines that hush changed)"
redacted="$("$hush" --fingerprint-key "$key" < "$log")"
# Only redacted output is shown: the original lines hold the (fake) secrets.
grep -n -m 20 -F '[REDACTED' <<<"$redacted" || echo "(nothing was redacted)"
echo
echo "== hush --mask hash < $log   (same secret, same fingerprint, in every file)"
hashed="$("$hush" --mask hash --fingerprint-key "$key" < "$log")"
grep -n -m 5 -F '[REDACTED' <<<"$hashed" || echo "(nothing was redacted)"
