#!/usr/bin/env bash
# Fault-injection tests of `hush redact --in-place`: writes, fsyncs, closes,
# links and renames fail on purpose (LD_PRELOAD tests/fault/fault_shim.c) and
# each run must exit 2 with "hush: <path>: <reason>" on stderr, leave the
# original byte-identical and leave no temporary file.  Faults a writer must
# survive (short writes, EINTR) must give the same file as a clean run.  A
# kill -9 in the middle of a 200 MB redaction must leave the original intact.
#
#   tests/fault/run.sh BUILD_DIR        (needs BUILD_DIR/hush; builds the shim)
#   HUSH_FAULT_BIG_MB=50 tests/fault/run.sh build    (smaller kill test)
#
# Ends with "N passed, N failed"; exit status 0 only when nothing failed.
# Not for ASan builds: the ASan runtime must come first in the library list.
set -uo pipefail

if [ $# -ne 1 ]; then
    echo "usage: tests/fault/run.sh BUILD_DIR" >&2
    exit 2
fi
cd "$(dirname "$0")/../.." || exit 2
build="$1"
hush="$PWD/$build/hush"
case "$build" in /*) hush="$build/hush" ;; esac
shim="${hush%/hush}/fault/fault_shim.so"
big_mb="${HUSH_FAULT_BIG_MB:-200}"

if [ ! -x "$hush" ]; then
    echo "fault: $hush not built (make BUILD=$build cli)" >&2
    echo "0 passed, 1 failed"
    exit 1
fi
if [ ! -f "$shim" ] || [ tests/fault/fault_shim.c -nt "$shim" ]; then
    mkdir -p "$(dirname "$shim")"
    ${CC:-cc} -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -shared -fPIC \
        tests/fault/fault_shim.c -o "$shim" -ldl || exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/hush-fault.XXXXXX")" || exit 2
background=""
cleanup() {
    [ -n "$background" ] && kill -9 "$background" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
# Keep the run away from the user's key file and rule cache.
export XDG_CONFIG_HOME="$work/config" HUSH_CACHE_DIR="$work/cache"
unset HUSH_FAULT HUSH_FAULT_PATH HUSH_FAULT_VERBOSE HUSH_FAULT_DELAY_MS

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1: $2"; }

# ---- generated fake secrets ------------------------------------------------

# A GitHub classic token that is fake but format-valid: "ghp_" + 30 random
# base62 + CRC32 (zlib) of those 30 in base62, MSB first, padded to 6.  Each
# seed gives a different token; no value here was ever issued by GitHub.
fake_github_token() {
    python3 - "$1" <<'EOF'
import random, sys, zlib
alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
rng = random.Random("hush fault test " + sys.argv[1])
body = "".join(rng.choice(alphabet) for _ in range(30))
n, digits = zlib.crc32(body.encode()), ""
while n:
    n, r = divmod(n, 62)
    digits = alphabet[r] + digits
print("ghp_" + body + digits.rjust(6, "0"))
EOF
}

token_a="$(fake_github_token a)"
token_b="$(fake_github_token b)"
if [ ${#token_a} -ne 40 ] || [ ${#token_b} -ne 40 ]; then
    echo "fault: token generator broke" >&2
    exit 2
fi

# A few log lines around the generated tokens (hush test context).
write_small() {
    {
        echo "2024-05-01T10:00:00Z hush test: fault-injection fixture, values are generated"
        echo "2024-05-01T10:00:01Z deploy step used token $token_a for the clone"
        echo "2024-05-01T10:00:02Z nothing secret on this line"
        echo "2024-05-01T10:00:03Z retry with GITHUB_TOKEN=$token_b"
    } >"$1"
}

# About 1 MiB: several of the writer's 256 KiB buffers, so "the 3rd write" exists.
write_medium() {
    python3 - "$1" "$token_a" "$token_b" <<'EOF'
import sys
path, a, b = sys.argv[1:4]
with open(path, "w") as f:
    for i in range(14000):
        if i % 1000 == 7:
            f.write(f"2024-05-01T10:00:00Z hush test line {i} token {a if i % 2 else b}\n")
        else:
            f.write(f"2024-05-01T10:00:00Z hush test line {i} ordinary message text here\n")
EOF
}

# ---- checks ------------------------------------------------------------------

# No writer temporaries (".<name>.hush-XXXXXX") left in directory $1.
temporaries_in() { find "$1" -maxdepth 1 -name '.*.hush-*' | wc -l; }

# run_hush CASE_DIR FAULT FAULT_PATH ARGS...: runs hush under the shim; sets
# rc, and leaves stderr in CASE_DIR/stderr.
run_hush() {
    local dir="$1" fault="$2" fault_path="$3"
    shift 3
    if [ -n "$fault" ]; then
        LD_PRELOAD="$shim" HUSH_FAULT="$fault" HUSH_FAULT_PATH="$fault_path" \
            "$hush" redact "$@" >"$dir/stdout" 2>"$dir/stderr"
    else
        "$hush" redact "$@" >"$dir/stdout" 2>"$dir/stderr"
    fi
    rc=$?
}

# The stderr of a run never carries a generated secret.
leaks_secret() { grep -qF -e "$token_a" -e "$token_b" "$1"; }

# expect_failure NAME MAKER FAULT FAULT_PATH REASON [--backup SUFFIX]
# The file is named by a relative path, as a user would type it.
expect_failure() {
    local name="$1" maker="$2" fault="$3" fault_path="$4" reason="$5"
    shift 5
    local dir="$work/$name"
    mkdir -p "$dir"
    "$maker" "$dir/app.log"
    chmod 0640 "$dir/app.log"
    cp -p "$dir/app.log" "$dir/pristine"
    (cd "$dir" && run_hush "$dir" "$fault" "$fault_path" --in-place "$@" app.log; echo "$rc" >"$dir/rc")
    rc="$(cat "$dir/rc")"
    local expected="hush: app.log: $reason"
    if [ "$rc" -ne 2 ]; then
        fail "$name" "exit status $rc, expected 2 (stderr: $(head -c 300 "$dir/stderr"))"
    elif ! grep -qxF "$expected" "$dir/stderr"; then
        fail "$name" "stderr lacks '$expected' (got: $(head -c 300 "$dir/stderr"))"
    elif ! cmp -s "$dir/app.log" "$dir/pristine"; then
        fail "$name" "original changed"
    elif [ "$(stat -c %a "$dir/app.log")" != 640 ]; then
        fail "$name" "original mode changed"
    elif [ "$(temporaries_in "$dir")" -ne 0 ]; then
        fail "$name" "temporary file left: $(find "$dir" -name '.*.hush-*' -printf '%f ')"
    elif leaks_secret "$dir/stderr"; then
        fail "$name" "a secret value was printed"
    else
        pass "$name"
        return 0
    fi
    return 1
}

# expect_same_as_clean NAME FAULT: a fault the writer must absorb; the result
# must equal a clean run's.
expect_same_as_clean() {
    local name="$1" fault="$2"
    local dir="$work/$name"
    mkdir -p "$dir"
    write_medium "$dir/app.log"
    (cd "$dir" && run_hush "$dir" "$fault" ".hush-" --in-place app.log; echo "$rc" >"$dir/rc")
    rc="$(cat "$dir/rc")"
    if [ "$rc" -gt 1 ]; then
        fail "$name" "exit status $rc (stderr: $(head -c 300 "$dir/stderr"))"
    elif ! cmp -s "$dir/app.log" "$work/clean/reference"; then
        fail "$name" "result differs from a clean run"
    elif [ "$(temporaries_in "$dir")" -ne 0 ]; then
        fail "$name" "temporary file left"
    else
        pass "$name"
    fi
}

# ---- a clean run first: the reference ---------------------------------------

clean_run() {
    local dir="$work/clean"
    mkdir -p "$dir"
    write_medium "$dir/app.log"
    chmod 0640 "$dir/app.log"
    (cd "$dir" && run_hush "$dir" "" "" --in-place app.log; echo "$rc" >"$dir/rc")
    rc="$(cat "$dir/rc")"
    if [ "$rc" -gt 1 ]; then
        fail clean-in-place "exit status $rc (stderr: $(head -c 300 "$dir/stderr"))"
    elif leaks_secret "$dir/app.log"; then
        fail clean-in-place "a generated token is still in the file"
    elif ! grep -q 'REDACTED' "$dir/app.log"; then
        fail clean-in-place "no redaction marker in the file"
    elif [ "$(wc -l <"$dir/app.log")" -ne 14000 ]; then
        fail clean-in-place "line count changed"
    elif [ "$(stat -c %a "$dir/app.log")" != 640 ]; then
        fail clean-in-place "mode not kept"
    elif [ "$(temporaries_in "$dir")" -ne 0 ]; then
        fail clean-in-place "temporary file left"
    else
        pass clean-in-place
    fi
    cp "$dir/app.log" "$dir/reference"
}

clean_gzip_run() {
    local dir="$work/clean-gzip"
    mkdir -p "$dir"
    write_medium "$dir/app.log"
    gzip -n "$dir/app.log" && mv "$dir/app.log.gz" "$dir/app.log"
    (cd "$dir" && run_hush "$dir" "" "" --in-place app.log; echo "$rc" >"$dir/rc")
    rc="$(cat "$dir/rc")"
    if [ "$rc" -gt 1 ]; then
        fail clean-in-place-gzip "exit status $rc (stderr: $(head -c 300 "$dir/stderr"))"
    elif [ "$(head -c 2 "$dir/app.log" | od -An -tx1 | tr -d ' ')" != 1f8b ]; then
        fail clean-in-place-gzip "gzip input did not stay gzip"
    elif ! gzip -dc "$dir/app.log" | cmp -s - "$work/clean/reference"; then
        fail clean-in-place-gzip "decompressed result differs from the plain run"
    else
        pass clean-in-place-gzip
    fi
}

backup_exists() {
    local dir="$work/backup-exists"
    mkdir -p "$dir"
    echo "an older backup, hush test" >"$dir/app.log.bak"
    cp "$dir/app.log.bak" "$dir/old-backup"
    expect_failure backup-exists write_small "" "" "backup exists: app.log.bak" --backup .bak &&
        if ! cmp -s "$dir/app.log.bak" "$dir/old-backup"; then
            fail backup-exists-kept "the existing backup was changed"
        else
            pass backup-exists-kept
        fi
}

# A failed rename must also take back the backup link it made.
rename_with_backup() {
    expect_failure rename-exdev-backup write_small "rename:EXDEV:1" ".hush-" \
        "$(strerror EXDEV)" --backup .bak &&
        if [ -e "$work/rename-exdev-backup/app.log.bak" ]; then
            fail rename-exdev-backup-removed "backup left behind after a failed rename"
        else
            pass rename-exdev-backup-removed
        fi
}

# --out-dir goes through the same temporary + rename: a disk-full mirror
# leaves an existing older copy as it was and adds no file.
mirror_write_enospc() {
    local name=mirror-write-enospc dir="$work/mirror-write-enospc"
    mkdir -p "$dir/in" "$dir/out/in"
    write_small "$dir/in/app.log"
    echo "older redacted copy, hush test" >"$dir/out/in/app.log"
    cp "$dir/out/in/app.log" "$dir/older"
    (cd "$dir" && run_hush "$dir" "write:ENOSPC:1" ".hush-" --out-dir out in/app.log
        echo "$rc" >"$dir/rc")
    rc="$(cat "$dir/rc")"
    local expected
    expected="hush: out/in/app.log: $(strerror ENOSPC)"
    if [ "$rc" -ne 2 ]; then
        fail "$name" "exit status $rc, expected 2 (stderr: $(head -c 300 "$dir/stderr"))"
    elif ! grep -qxF "$expected" "$dir/stderr"; then
        fail "$name" "stderr lacks '$expected' (got: $(head -c 300 "$dir/stderr"))"
    elif ! cmp -s "$dir/out/in/app.log" "$dir/older"; then
        fail "$name" "the existing copy in the mirror changed"
    elif [ "$(find "$dir/out" -type f | wc -l)" -ne 1 ]; then
        fail "$name" "extra files in the mirror: $(find "$dir/out" -type f -printf '%f ')"
    else
        pass "$name"
    fi
}

# ---- kill tests ---------------------------------------------------------------

write_big() {
    python3 - "$1" "$big_mb" "$token_a" "$token_b" <<'EOF'
import sys
path, mb, a, b = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
block = "".join(f"2024-05-01T10:00:00Z hush test kill fixture line {i:06d} plain text\n"
                for i in range(16384)).encode()
with open(path, "wb") as f:
    for n in range(max(1, (mb << 20) // len(block))):
        f.write(block)
        if n % 50 == 0:
            f.write(f"2024-05-01T10:00:00Z hush test token {a if n % 100 else b}\n".encode())
EOF
}

# Size of the largest temporary in $1, in bytes (0 when none).
temporary_size() {
    find "$1" -maxdepth 1 -name '.*.hush-*' -printf '%s\n' 2>/dev/null | sort -n | tail -1
}

# kill_mid_way NAME SIGNAL DELAY_MS: starts the redaction, waits until its
# temporary file holds a few MB, sends SIGNAL.  DELAY_MS slows every write
# (shim) so the run cannot finish before the kill.  Sets kill_state.
kill_mid_way() {
    local name="$1" signal="$2" delay="$3" dir="$work/$1"
    local deadline=$((SECONDS + 120)) size
    kill_state=""
    if [ "$delay" -gt 0 ]; then
        (cd "$dir" && LD_PRELOAD="$shim" HUSH_FAULT_PATH=".hush-" HUSH_FAULT_DELAY_MS="$delay" \
            exec "$hush" redact --in-place big.log >/dev/null 2>"$dir/stderr") &
    else
        (cd "$dir" && exec "$hush" redact --in-place big.log >/dev/null 2>"$dir/stderr") &
    fi
    background=$!
    while kill -0 "$background" 2>/dev/null; do
        size="$(temporary_size "$dir")"
        if [ "${size:-0}" -ge $((4 << 20)) ]; then
            kill "-$signal" "$background"
            kill_state="killed with $((size >> 20)) MB written"
            break
        fi
        if [ "$SECONDS" -ge "$deadline" ]; then
            kill -9 "$background"
            kill_state="timeout"
            break
        fi
        sleep 0.02
    done
    wait "$background" 2>/dev/null
    kill_rc=$?
    background=""
    [ -n "$kill_state" ] || kill_state="finished before the kill"
}

kill_test() {
    local name="$1" signal="$2" dir="$work/$1"
    mkdir -p "$dir"
    if [ ! -f "$work/big.orig" ]; then
        write_big "$work/big.orig"
        sha256sum <"$work/big.orig" >"$work/big.sha256"
    fi
    cp "$work/big.orig" "$dir/big.log"
    kill_mid_way "$name" "$signal" 0
    if [ "$kill_state" = "finished before the kill" ]; then
        echo "note: $name: hush finished the $big_mb MB file before it could be killed;" \
            "retrying with every write slowed by 5 ms"
        cp "$work/big.orig" "$dir/big.log"
        kill_mid_way "$name" "$signal" 5
    fi
    local left
    left="$(temporaries_in "$dir")"
    if [ "$kill_state" = timeout ] || [ "$kill_state" = "finished before the kill" ]; then
        fail "$name" "could not kill mid-way ($kill_state)"
    elif ! sha256sum <"$dir/big.log" | cmp -s - "$work/big.sha256"; then
        fail "$name" "original changed after kill ($kill_state)"
    elif [ "$signal" = TERM ] && [ "$left" -ne 0 ]; then
        fail "$name" "SIGTERM left $left temporary file(s): the CLI's handler should call hush_output_remove_temporaries ($kill_state)"
    elif [ "$signal" = TERM ] && [ "$kill_rc" -eq 0 ]; then
        fail "$name" "exit status 0 after SIGTERM"
    else
        pass "$name ($kill_state; original intact; $left stray temporary file(s))"
    fi
    rm -rf "$dir"
}

# ---- the cases ----------------------------------------------------------------

strerror() { python3 -c "import errno, os; print(os.strerror(errno.$1))"; }

clean_run
clean_gzip_run

expect_failure write-enospc-first write_small "write:ENOSPC:1" ".hush-" "$(strerror ENOSPC)"
expect_failure write-enospc-third write_medium "write:ENOSPC:3" ".hush-" "$(strerror ENOSPC)"
expect_failure write-eio-onwards write_medium "write:EIO:2+" ".hush-" "$(strerror EIO)"
expect_failure write-edquot write_small "write:EDQUOT:1" ".hush-" "$(strerror EDQUOT)"
expect_failure fsync-eio write_small "fsync:EIO:1" ".hush-" "$(strerror EIO)"
expect_failure close-eio write_small "close:EIO:1" ".hush-" "$(strerror EIO)"
expect_failure rename-exdev write_small "rename:EXDEV:1" ".hush-" "$(strerror EXDEV)"
expect_failure rename-eio write_medium "rename:EIO:1" ".hush-" "$(strerror EIO)"
expect_failure link-eperm write_small "link:EPERM:1" ".bak" \
    "cannot create backup app.log.bak: $(strerror EPERM)" --backup .bak
rename_with_backup
backup_exists

# gzip: compressed output hits the disk-full error the same way.
gzip_small() { write_small "$1.plain"; gzip -nc "$1.plain" >"$1"; rm -f "$1.plain"; }
expect_failure gzip-write-enospc gzip_small "write:ENOSPC:1" ".hush-" "$(strerror ENOSPC)"

mirror_write_enospc

expect_same_as_clean write-short "write:short:1+"
expect_same_as_clean write-eintr "write:EINTR:1,write:EINTR:3"

kill_test kill-9 KILL
kill_test sigterm TERM

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
