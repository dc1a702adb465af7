#!/usr/bin/env bash
# End-to-end tests of the hush binary: exit codes, messages, output bytes.
#
#   tests/cli/run.sh BUILD_DIR        (e.g. tests/cli/run.sh build)
#
# Prints one line per test and ends with "N passed, M failed"; exits non-zero
# when a test failed.  Fake secrets are generated (scripts/fakes.py, or inline
# below) and every sample says "hush test" around them.
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-build}
case $BUILD in /*) HUSH=$BUILD/hush ;; *) HUSH=$ROOT/$BUILD/hush ;; esac
if [ ! -x "$HUSH" ]; then
    echo "tests/cli/run.sh: $HUSH not found; build it first (make cli)" >&2
    exit 2
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/hush-cli.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export HUSH_CACHE_DIR=$TMP/cache XDG_CONFIG_HOME=$TMP/config NO_COLOR=1
unset XDG_CACHE_HOME
KEY=$ROOT/tests/data/test.key
TEST_RULES=$ROOT/tests/cli/data/rules.json
# Most tests use a small rule file of their own, so they test the command line
# and not the current state of the rule pack; the rule pack has its own tests.
R=(--no-default-rules --rules "$TEST_RULES" --fingerprint-key "$KEY")

passed=0
failed=0
why=""

# Generated GitHub classic token: 30 random base62 chars + CRC32 in 6 base62.
fake_github() {
    if [ -f "$ROOT/scripts/fakes.py" ]; then
        python3 "$ROOT/scripts/fakes.py" github-pat --seed "$1"
    else
        python3 - "$1" <<'EOF'
import random, string, sys, zlib
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase
rng = random.Random(int(sys.argv[1]))
body = "".join(rng.choice(B62) for _ in range(30))
crc, tail = zlib.crc32(body.encode()), ""
for _ in range(6):
    crc, d = divmod(crc, 62)
    tail = B62[d] + tail
print("ghp_" + body + tail)
EOF
    fi
}

TOKEN=$(fake_github 11)
TOKEN2=$(fake_github 12)

fail() { why="$*"; return 1; }

# expect_status WANT ACTUAL
expect_status() { [ "$2" -eq "$1" ] || fail "exit status $2, expected $1"; }
expect_empty() { [ ! -s "$1" ] || fail "$(basename "$1") not empty: $(head -c 300 "$1")"; }
expect_contains() { grep -qF -- "$2" "$1" || fail "$(basename "$1") lacks '$2': $(head -c 300 "$1")"; }
expect_absent() { ! grep -qF -- "$2" "$1" || fail "$(basename "$1") contains '$2'"; }

run_test() {
    local name=$1
    why=""
    mkdir -p "$TMP/$name" && cd "$TMP/$name" || exit 2
    if "$name" >"$TMP/$name.log" 2>&1; then
        passed=$((passed + 1))
        echo "ok      $name"
    else
        failed=$((failed + 1))
        echo "FAILED  $name: ${why:-see below}"
        [ -s "$TMP/$name.log" ] && sed 's/^/        /' "$TMP/$name.log" | head -30
    fi
    cd "$ROOT" || exit 2
}

sample() { # a few lines with one fake secret, as an app log would have them
    printf 'hush test %s: starting\n' "$2"
    printf '2024-05-01T10:00:00Z GET /api?x=1 auth token=%s user=hush-example\n' "$1"
    printf 'hush test: done\n'
}

# ---- the tests ---------------------------------------------------------------

t_version() {
    "$HUSH" --version >out 2>err; expect_status 0 $? || return 1
    grep -qE '^hush 0\.1\.0 \(Hyperscan [0-9][0-9.]*, PCRE2 [0-9][0-9.]*\)$' out ||
        fail "version line: $(cat out)"
}

t_help_mentions_every_option() {
    "$HUSH" --help >out 2>err; expect_status 0 $? || return 1
    local names
    names=$(sed -n 's/^ *{"\([a-z-]*\)", OPT_.*/\1/p' "$ROOT/cli/cli_options.c")
    [ "$(echo "$names" | wc -l)" -ge 20 ] || fail "could not read the option table"
    for n in $names; do
        grep -qE -- "--$n\b" out || { fail "--help lacks --$n"; return 1; }
    done
    for text in 'Exit status' 'label' 'stars' 'partial' 'hash' 'fingerprint.key' \
        'HUSH_CACHE_DIR' 'kubectl logs app | hush > clean.log' \
        'hush scan -q ./incident/ ; echo $?' 'hush redact --in-place --backup .orig *.log' \
        'one thread'; do
        expect_contains out "$text" || return 1
    done
}

t_command_help() {
    "$HUSH" scan --help >out 2>err; expect_status 0 $? || return 1
    expect_contains out 'Usage: hush scan' && expect_contains out '--output' &&
        expect_absent out '--in-place' || return 1
    "$HUSH" redact --help >out 2>err; expect_status 0 $? || return 1
    expect_contains out '--in-place' && expect_absent out '--output FILE'
}

t_usage_errors() {
    local args
    while IFS='|' read -r args message; do
        # shellcheck disable=SC2086
        "$HUSH" $args </dev/null >out 2>err
        expect_status 2 $? || { why="$args: $why"; return 1; }
        expect_empty out || return 1
        printf 'hush: %s\nTry '"'"'hush --help'"'"'.\n' "$message" >want
        cmp -s err want || { fail "$args: stderr $(cat err)"; return 1; }
    done <<'EOF'
--bogus|unknown or ambiguous option '--bogus'
scan -x|unknown option '-x'
scan --output|option '--output' needs an argument FILE
scan --in-place a|option '--in-place' does not apply to 'hush scan'
--output x a|option '--output' does not apply to 'hush redact' (the default command); did you mean 'hush scan'?
scan --min-confidence extreme|invalid --min-confidence 'extreme' (say low, medium or high)
--mask blur|invalid --mask 'blur' (say label, stars, partial or hash)
scan -j 0|invalid -j '0' (a whole number from 1 to 1024)
scan --format yaml|invalid --format 'yaml' (say text, jsonl, json or csv)
--in-place|--in-place needs file or directory paths, not standard input
--backup .orig a|--backup needs --in-place
rules|rules: say 'list', 'show ID' or 'check'
rules show|rules show: give exactly one rule id
rules frob|rules: unknown action 'frob' (say list, show ID or check)
scan --no-default-rules a|--no-default-rules needs --rules PATH
EOF
}

t_not_supported_yet() {
    for opt in --baseline; do
        "$HUSH" scan "$opt" f.json x </dev/null >out 2>err
        expect_status 2 $? || return 1
        [ "$(cat err)" = "hush: $opt: not supported yet" ] || { fail "stderr: $(cat err)"; return 1; }
    done
    "$HUSH" scan --format sarif x >out 2>err
    expect_status 2 $? && [ "$(cat err)" = "hush: --format sarif: not supported yet" ] ||
        fail "sarif: $(cat err)"
}

t_scan_exit_codes() {
    printf 'hush test: nothing secret here\n' >clean.log
    sample "$TOKEN" exit >dirty.log
    "$HUSH" scan "${R[@]}" clean.log >out 2>err; expect_status 0 $? || return 1
    expect_empty out || return 1
    "$HUSH" scan "${R[@]}" clean.log dirty.log >out 2>err; expect_status 1 $? || return 1
    [ "$(wc -l <out)" -eq 1 ] && expect_contains out '"path":"dirty.log","line":2' &&
        expect_contains err '1 finding in 1 file (2 scanned)'
}

t_missing_path_others_scanned() {
    sample "$TOKEN" missing >a.log
    cp a.log b.log
    "$HUSH" scan "${R[@]}" a.log nope.log b.log >out 2>err; expect_status 2 $? || return 1
    expect_contains err 'hush: nope.log: No such file or directory' &&
        expect_contains out '"path":"a.log"' && expect_contains out '"path":"b.log"'
}

t_unreadable_input() {
    sample "$TOKEN" unreadable >a.log
    # As root, permissions do not stop reads: a path through a file does.
    "$HUSH" scan "${R[@]}" a.log/inner.log a.log >out 2>err; expect_status 2 $? || return 1
    expect_contains err 'hush: a.log/inner.log: Not a directory' &&
        expect_contains out '"path":"a.log"' || return 1
    if [ "$(id -u)" -ne 0 ]; then
        cp a.log locked.log && chmod 000 locked.log
        "$HUSH" scan "${R[@]}" locked.log a.log >out 2>err; expect_status 2 $? || return 1
        expect_contains err 'hush: locked.log: Permission denied' || return 1
    fi
}

t_directory_loop() {
    mkdir -p tree/sub
    sample "$TOKEN" loop >tree/a.log
    sample "$TOKEN2" loop >tree/sub/b.log
    ln -s .. tree/sub/up
    "$HUSH" scan "${R[@]}" tree >out 2>err; expect_status 1 $? || return 1
    expect_contains err 'hush: tree/sub/up: directory loop' &&
        expect_contains out '"path":"tree/a.log"' && expect_contains out '"path":"tree/sub/b.log"' &&
        [ "$(wc -l <out)" -eq 2 ] || fail "expected 2 findings: $(cat out)"
}

t_truncated_gzip() {
    { sample "$TOKEN" gzip; seq 1 200000; } | gzip -9 >full.gz
    head -c 30000 full.gz >cut.gz
    "$HUSH" scan "${R[@]}" cut.gz >out 2>err; expect_status 2 $? || return 1
    expect_contains out '"path":"cut.gz","line":2' && expect_contains err 'hush: cut.gz: ' || return 1
    # The same through redact --in-place: the damaged file is left untouched.
    cp cut.gz keep.gz
    "$HUSH" redact "${R[@]}" --in-place cut.gz >out 2>err; expect_status 2 $? || return 1
    cmp -s cut.gz keep.gz || fail "damaged input was rewritten"
    [ "$(ls | grep -c tmp)" -eq 0 ] || fail "temporary file left: $(ls)"
}

t_binary_skipped_when_walked() {
    mkdir -p dir
    sample "$TOKEN" text >dir/a.log
    { printf 'blob\0\0\0'; sample "$TOKEN2" binary; } >dir/blob.bin
    "$HUSH" scan "${R[@]}" dir >out 2>err; expect_status 1 $? || return 1
    expect_contains err 'hush: dir/blob.bin: binary file, skipped' &&
        expect_contains err '1 file skipped (binary)' && expect_absent out 'blob.bin' || return 1
    "$HUSH" scan "${R[@]}" --format json dir >out 2>err
    expect_contains out '"skipped":[{"path":"dir/blob.bin","reason":"binary"}]' || return 1
    # Named on the command line, it is read.
    "$HUSH" scan "${R[@]}" dir/blob.bin >out 2>err; expect_status 1 $? || return 1
    expect_contains out '"path":"dir/blob.bin"' || return 1
    "$HUSH" scan -q "${R[@]}" dir >out 2>err; expect_status 1 $? || return 1
    expect_empty err
}

t_redact_label_changes_only_the_secret() {
    # CRLF, UTF-8, a tab and no final newline: every byte but the secret stays.
    printf 'hush test caf\xc3\xa9\r\n\tkey: %s, again\r\nlast line, no newline' "$TOKEN" >in.log
    printf 'hush test caf\xc3\xa9\r\n\tkey: [REDACTED:test.github-pat], again\r\nlast line, no newline' >want
    "$HUSH" "${R[@]}" <in.log >out 2>err; expect_status 0 $? || return 1
    cmp -s out want || fail "output differs: $(od -c out | head -5)"
    expect_empty err || return 1
    "$HUSH" redact "${R[@]}" in.log in.log >out 2>err; expect_status 0 $? || return 1
    cat want want >want2
    cmp -s out want2 || fail "two files are not concatenated in order"
}

t_mask_stars_keeps_length() {
    sample "$TOKEN" stars >in.log
    "$HUSH" "${R[@]}" --mask stars in.log >out 2>err; expect_status 0 $? || return 1
    [ "$(wc -c <out)" -eq "$(wc -c <in.log)" ] || fail "length changed"
    stars=$(printf '%*s' ${#TOKEN} '' | tr ' ' '*')
    expect_contains out "token=$stars user" && expect_absent out "$TOKEN"
}

# A generated PEM private key (random content in the structure of its type,
# not a usable key), lines joined by LF.
fake_pem() {
    python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import fakes
print(fakes.pem_private_key("RSA PRIVATE KEY", int(sys.argv[3]), fakes.make_rng(int(sys.argv[2]))))' \
        "$ROOT/scripts" "$1" "$2"
}

# `hush < file > out` keeps the line count whatever the mask, LF or CR LF,
# in a log, a JSON string and a quoted CSV field; no line of the key is left.
t_multiline_secret_keeps_lines() {
    local pem body mask f
    pem=$(fake_pem 61 6) || { fail "no fake key"; return 1; }
    body=$(printf '%s\n' "$pem" | sed -n 3p)
    { echo 'hush test: before'; printf 'key: %s tail\n' "$pem"; echo 'hush test: after'; } >lf.log
    sed 's/$/\r/' lf.log >crlf.log
    python3 -c 'import json, sys; print(json.dumps({"note": "hush test", "key": sys.argv[1]}))' \
        "$pem" >key.json
    printf 'id,key\n1,"%s"\n2,hush test\n' "$pem" >key.csv
    for f in lf.log crlf.log key.json key.csv; do
        for mask in label stars partial hash; do
            "$HUSH" --fingerprint-key "$KEY" --mask "$mask" <"$f" >"out.$mask" 2>err
            expect_status 0 $? && expect_empty err || return 1
            [ "$(wc -l <"out.$mask")" -eq "$(wc -l <"$f")" ] ||
                { fail "$f, --mask $mask: $(wc -l <"out.$mask") lines, input $(wc -l <"$f")"; return 1; }
            expect_absent "out.$mask" "${body:0:40}" || return 1
        done
        expect_contains out.label '[REDACTED:pem.private-key]' || return 1
    done
    [ "$(grep -c $'\r$' "out.label")" -eq 0 ] || fail "CR in the LF output"
    "$HUSH" --fingerprint-key "$KEY" <crlf.log >crlf.out 2>err
    [ "$(grep -c $'\r$' crlf.out)" -eq "$(wc -l <crlf.log)" ] || fail "a CR LF line end was lost"
}

# --line-buffered never writes a line of a key block before the block is
# decided: fed line by line, the output never holds any of it.  A multiline
# match is decided once a rule's longest match (8 KiB) has followed its
# opener, or at the end of the input: after filler lines past that, the
# block comes out masked while the input is still open, lines kept.
t_line_buffered_multiline() {
    local pem line i=0 n status
    pem=$(fake_pem 62 6) || { fail "no fake key"; return 1; }
    mkfifo in.fifo
    "$HUSH" --fingerprint-key "$KEY" --line-buffered <in.fifo >out 2>err &
    local pid=$!
    exec 3>in.fifo
    printf 'hush test: before\n' >&3
    while IFS= read -r line; do
        printf '%s\n' "$line" >&3
        sleep 0.05
        case $line in -----*) ;; *)
            if grep -qF -- "${line:0:40}" out; then
                fail "a line of the key was written"; exec 3>&-; wait $pid; return 1
            fi ;;
        esac
    done <<<"$pem"
    for n in $(seq 1 400); do printf 'hush test filler line %04d\n' "$n"; done >&3
    printf 'hush test: after\n' >&3
    while [ $i -lt 100 ] && ! grep -qF 'hush test: after' out; do
        sleep 0.1; i=$((i + 1))
    done
    exec 3>&-
    wait $pid
    status=$?
    expect_status 0 "$status" && expect_empty err || return 1
    [ $i -lt 100 ] || { fail "nothing after the key came out while the input was open"; return 1; }
    expect_contains out '[REDACTED:pem.private-key]' || return 1
    [ "$(wc -l <out)" -eq "$(($(printf '%s\n' "$pem" | wc -l) + 402))" ] ||
        fail "line count: $(wc -l <out)"
}

t_no_secret_in_any_report() {
    sample "$TOKEN" report >in.log
    for f in jsonl json csv text; do
        "$HUSH" scan "${R[@]}" --format "$f" in.log >"out.$f" 2>>err
        expect_status 1 $? || return 1
        expect_contains "out.$f" 'test.github-pat' && expect_absent "out.$f" "$TOKEN" || return 1
        expect_absent "out.$f" "${TOKEN:4:30}" || return 1
    done
    "$HUSH" redact "${R[@]}" --mask hash --report rep.jsonl in.log >out 2>>err
    expect_status 0 $? || return 1
    expect_absent rep.jsonl "$TOKEN" && expect_absent out "$TOKEN" && expect_absent err "$TOKEN"
}

t_jsonl_contract_and_stdin() {
    sample "$TOKEN" stdin >in.log
    "$HUSH" scan "${R[@]}" - <in.log >out 2>err; expect_status 1 $? || return 1
    python3 - out <<'EOF' || fail "jsonl: $(cat out)"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
assert len(rows) == 1, rows
r = rows[0]
assert list(r) == ["path", "line", "column", "offset", "length", "rule", "name", "confidence",
                   "encoding", "validated", "fingerprint", "preview"], list(r)
assert r["path"] == "<stdin>" and r["line"] == 2 and r["rule"] == "test.github-pat", r
assert r["validated"] == "checksum" and len(r["fingerprint"]) == 16, r
EOF
}

t_min_confidence() {
    printf 'hush test: hushlow=abcdef012345\n' >low.log
    "$HUSH" scan "${R[@]}" low.log >out 2>err; expect_status 0 $? || return 1
    "$HUSH" scan "${R[@]}" --min-confidence low low.log >out 2>err; expect_status 1 $? || return 1
    expect_contains out '"rule":"test.low-marker"'
}

t_options_after_paths_and_double_dash() {
    sample "$TOKEN" order >-odd.log
    # After --, everything is a path, even what looks like an option.
    "$HUSH" scan "${R[@]}" -- -odd.log --format >out 2>err; expect_status 2 $? || return 1
    expect_contains err 'hush: --format: No such file or directory' &&
        expect_contains out '"path":"-odd.log"' || return 1
    # Options may follow paths.
    "$HUSH" scan ./-odd.log --format csv "${R[@]}" >out 2>err; expect_status 1 $? || return 1
    expect_contains out './-odd.log,2,'
}

t_in_place_with_backup() {
    sample "$TOKEN" inplace >app.log
    cp app.log orig.copy
    chmod 640 app.log
    "$HUSH" redact "${R[@]}" --in-place --backup .orig app.log >out 2>err
    expect_status 0 $? || return 1
    expect_empty out && expect_contains app.log '[REDACTED:test.github-pat]' || return 1
    cmp -s app.log.orig orig.copy || fail "backup differs from the original"
    [ "$(stat -c %a app.log)" = 640 ] || fail "mode not kept: $(stat -c %a app.log)"
}

t_out_dir_mirror() {
    mkdir -p src/sub
    sample "$TOKEN" mirror >src/a.log
    sample "$TOKEN2" mirror | gzip >src/sub/b.log.gz
    "$HUSH" redact "${R[@]}" --out-dir clean src >out 2>err; expect_status 0 $? || return 1
    expect_contains clean/src/a.log '[REDACTED:test.github-pat]' || return 1
    gzip -t clean/src/sub/b.log.gz || fail "mirror of gzip is not gzip"
    zcat clean/src/sub/b.log.gz | grep -qF '[REDACTED:test.github-pat]' || fail "gzip not redacted"
    cmp -s src/a.log <(sample "$TOKEN" mirror) || fail "input was modified"
}

t_redact_exit_zero_with_report() {
    sample "$TOKEN" redact >in.log
    "$HUSH" redact "${R[@]}" --report rep.csv --format csv in.log >out 2>err
    expect_status 0 $? || return 1
    expect_contains rep.csv 'in.log,2,' && expect_empty err
}

t_bad_rule_file() {
    printf '{"rules": [ {"id": "broken", ' >bad.json
    "$HUSH" scan --no-default-rules --rules bad.json x >out 2>err; expect_status 2 $? || return 1
    expect_contains err 'hush: bad.json' || return 1
    [ "$(wc -l <err)" -eq 1 ] || fail "more than one message: $(cat err)"
}

t_rules_check_failure_is_exit_1() {
    "$HUSH" rules check --no-default-rules --rules "$TEST_RULES" >out 2>err
    expect_status 1 $? || return 1
    expect_contains err "hush: rules check: $TEST_RULES: test.low-marker: negative example 2: found" &&
        expect_contains out '2 rules, 2 examples, 3 negative examples: 1 failure'
}

t_rules_list_and_show() {
    "$HUSH" rules list --no-default-rules --rules "$TEST_RULES" >out 2>err
    expect_status 0 $? && grep -qE '^test\.github-pat +high +GitHub' out || fail "list: $(cat out)"
    "$HUSH" rules show test.github-pat --format jsonl --no-default-rules --rules "$TEST_RULES" >out 2>err
    expect_status 0 $? && expect_contains out '"validator":"github-crc32"' || return 1
    "$HUSH" rules show nope --no-default-rules --rules "$TEST_RULES" >out 2>err
    expect_status 2 $? && expect_contains err "hush: rules show: no rule 'nope'"
}

t_default_fingerprint_key() {
    sample "$TOKEN" key >in.log
    local conf=$TMP/t_default_fingerprint_key/conf
    XDG_CONFIG_HOME=$conf "$HUSH" scan --no-default-rules --rules "$TEST_RULES" in.log >one 2>err
    expect_status 1 $? || return 1
    local keyfile=$conf/hush/fingerprint.key
    [ -f "$keyfile" ] && [ "$(stat -c %a "$keyfile")" = 600 ] && [ "$(stat -c %s "$keyfile")" = 32 ] ||
        fail "key file missing or wrong: $(ls -l "$keyfile" 2>&1)"
    [ "$(stat -c %a "$conf/hush")" = 700 ] || fail "key directory mode $(stat -c %a "$conf/hush")"
    XDG_CONFIG_HOME=$conf "$HUSH" scan --no-default-rules --rules "$TEST_RULES" in.log >two 2>err
    cmp -s one two || fail "fingerprint changed between runs"
    "$HUSH" scan "${R[@]}" in.log >three 2>err
    ! cmp -s one three || fail "another key gave the same fingerprint"
    head -c 8 /dev/urandom >short.key
    "$HUSH" scan --no-default-rules --rules "$TEST_RULES" --fingerprint-key short.key in.log >out 2>err
    expect_status 2 $? &&
        expect_contains err 'hush: short.key: fingerprint key must be 16 to 64 raw bytes, this file has 8'
}

t_concurrent_first_runs_agree_on_key() {
    sample "$TOKEN" race >in.log
    local conf=$TMP/t_concurrent_first_runs_agree_on_key/conf i
    for i in 1 2 3 4 5 6; do
        XDG_CONFIG_HOME=$conf "$HUSH" scan --no-default-rules --rules "$TEST_RULES" in.log \
            >"out.$i" 2>"err.$i" &
    done
    wait
    for i in 2 3 4 5 6; do
        cmp -s out.1 "out.$i" || { fail "run $i used another key"; return 1; }
    done
    expect_contains out.1 '"fingerprint":"' && [ "$(ls "$conf/hush")" = fingerprint.key ] ||
        fail "left in the key directory: $(ls "$conf/hush")"
}

t_line_buffered() {
    mkfifo in.fifo
    "$HUSH" "${R[@]}" --line-buffered <in.fifo >out 2>err &
    local pid=$!
    exec 3>in.fifo
    printf 'hush test: first token=%s\n' "$TOKEN" >&3
    local i=0
    while [ $i -lt 50 ] && ! grep -qF '[REDACTED:test.github-pat]' out; do
        sleep 0.1; i=$((i + 1))
    done
    exec 3>&-
    wait $pid
    [ $i -lt 50 ] || fail "no output while the input was still open"
}

t_broken_pipe_is_quiet() {
    yes | head -c 50M | "$HUSH" 2>err | head -1 >out
    local status=${PIPESTATUS[2]}
    [ "$(cat out)" = y ] || fail "output: $(head -c 100 out)"
    expect_empty err && expect_status 0 "$status"
}

t_sigterm_leaves_originals() {
    { sample "$TOKEN" big; yes 'hush test filler line' | head -c 40M; } >big.log
    cp big.log big.copy
    "$HUSH" redact "${R[@]}" --in-place big.log >out 2>err &
    local pid=$!
    sleep 0.3
    kill -TERM $pid 2>/dev/null
    wait $pid
    local status=$?
    if [ "$status" -eq 143 ]; then
        cmp -s big.log big.copy || fail "interrupted run changed the original"
    else
        expect_status 0 "$status" && expect_contains big.log '[REDACTED:' || return 1
    fi
    [ "$(ls -A | wc -l)" -eq 4 ] || fail "left behind: $(ls -A)"
}

t_rules_check_default_pack() {
    "$HUSH" rules check >out 2>err; expect_status 0 $? || return 1
    grep -qE '^[0-9]+ rules, [0-9]+ examples, [0-9]+ negative examples: all pass$' out ||
        fail "summary: $(cat out)"
}

t_corpus_expected_findings() {
    shopt -s nullglob
    local expected=("$ROOT"/corpus/*.expected.jsonl)
    if [ ${#expected[@]} -eq 0 ]; then
        echo "no corpus/*.expected.jsonl yet: nothing compared"
        return 0
    fi
    cd "$ROOT" || return 1
    local differing=""
    for e in "${expected[@]}"; do
        local input=corpus/$(basename "${e%.expected.jsonl}")
        [ -e "$input" ] || { fail "$e: no input $input"; return 1; }
        "$HUSH" scan --format jsonl --fingerprint-key "$KEY" "$input" >"$TMP/corpus.out" 2>"$TMP/corpus.err"
        local status=$?
        [ "$status" -le 1 ] || { fail "$input: exit $status: $(cat "$TMP/corpus.err")"; return 1; }
        # Expected files may hold a subset of the fields (the stable ones):
        # compare those, in the expected files' order.
        python3 - "$e" "$TMP/corpus.out" >"$TMP/corpus.got" <<'EOF' || { fail "$input: bad jsonl"; return 1; }
import json, sys
expected = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
keys = list(expected[0]) if expected else ["path", "line", "column", "offset", "length", "rule"]
# Optional fields (a JWT's "meta") are compared where the expected files have them.
optional = {k for row in expected for k in row} - set(keys)
for line in open(sys.argv[2]):
    row = json.loads(line)
    picked = {k: row.get(k) for k in keys}
    picked.update({k: row[k] for k in row if k in optional})
    print(json.dumps(picked, separators=(",", ":"), ensure_ascii=False))
EOF
        if ! diff "$e" "$TMP/corpus.got" >"$TMP/corpus.diff"; then
            differing="$differing $input"
            echo "--- $input: expected (<) and found (>):"
            head -20 "$TMP/corpus.diff"
        fi
    done
    [ -z "$differing" ] || fail "findings differ from corpus/*.expected.jsonl for:$differing"
}

# A generated value, obviously fake, with bytes every encoder escapes.
KNOWN="hush-test&known/$(printf '%s' "$TOKEN" | cut -c5-16)+v=1"

t_known_secrets_every_form() {
    printf '%s\n' "$KNOWN" >known.txt
    python3 - "$KNOWN" >forms.log <<'EOF'
import base64, html, json, sys, urllib.parse
v = sys.argv[1]
print("hush test raw: " + v)
print('{"hush test": ' + json.dumps(v).replace("/", "\\/").replace("&", "\\u0026") + "}")
print("hush test url: https://hush-example.contoso.com/?q=" + urllib.parse.quote(v, safe=""))
print("<hush-test>" + html.escape(v) + "</hush-test>")
for pad in ("", "x", "xy"):   # the value at each byte alignment inside longer base64
    print("hush test b64: " + base64.b64encode((pad + v + "tail").encode()).decode())
print("hush test b64url: " + base64.urlsafe_b64encode(("ab" + v).encode()).decode())
EOF
    "$HUSH" scan --no-default-rules --rules "$TEST_RULES" --fingerprint-key "$KEY" \
        --known-secrets known.txt --format jsonl forms.log >out 2>err
    expect_status 1 $? || return 1
    [ "$(grep -c '"rule":"known-secret"' out)" -eq 8 ] || { fail "want 8 findings: $(cat out)"; return 1; }
    # one value, one fingerprint, whatever the form
    [ "$(grep -o '"fingerprint":"[0-9a-f]*"' out | sort -u | wc -l)" -eq 1 ] || fail "fingerprints differ"
    "$HUSH" redact --no-default-rules --rules "$TEST_RULES" --known-secrets known.txt forms.log >red 2>err
    expect_status 0 $? || return 1
    [ "$(grep -c 'REDACTED:known-secret' red)" -eq 8 ] || fail "redacted: $(cat red)"
    expect_absent red "hush-test&known" && expect_absent out "hush-test" && expect_absent err "hush-test"
}

t_known_secrets_never_cached_or_printed() {
    printf '%s\n' "$KNOWN" >known.txt
    printf 'hush test: %s\n' "$KNOWN" >in.log
    local cache=$TMP/known-cache
    HUSH_CACHE_DIR=$cache "$HUSH" scan "${R[@]}" --known-secrets known.txt in.log >out 2>err
    expect_status 1 $? || return 1
    [ ! -d "$cache" ] || [ -z "$(find "$cache" -type f -name '*.hsdb')" ] || fail "a database was cached"
    printf 'short\n%s\n' "$KNOWN" >bad.txt
    "$HUSH" scan "${R[@]}" --known-secrets bad.txt in.log >out 2>err
    expect_status 2 $? || return 1
    [ "$(cat err)" = "hush: bad.txt:1: a known secret must be 8 to 1024 bytes long (this one has 5)" ] ||
        { fail "stderr: $(cat err)"; return 1; }
    expect_absent err short && expect_empty out
}

t_allow_file() {
    sample "$TOKEN" allow >app.log
    sample "$TOKEN2" allow >keep.log
    local fp
    fp=$("$HUSH" scan "${R[@]}" --format jsonl app.log | sed 's/.*"fingerprint":"\([0-9a-f]*\)".*/\1/')
    [ ${#fp} -eq 16 ] || { fail "no fingerprint: $fp"; return 1; }
    for entry in "rule=test.github-pat path=app.log" "fingerprint=$fp" "path=*/app.*" \
        "value=^${TOKEN:0:10} rule=test.*"; do
        printf '# hush test allow file\n\n%s  reviewed in the hush test\n' "$entry" >allow.txt
        "$HUSH" scan "${R[@]}" --allow allow.txt -v --format jsonl "$PWD/app.log" keep.log >out 2>err
        expect_status 1 $? || { why="$entry: $why"; return 1; }
        [ "$(wc -l <out)" -eq 1 ] && expect_contains out keep.log || { why="$entry: $why"; return 1; }
        expect_contains err "app.log: allowed test.github-pat finding $fp by allow.txt:3: reviewed in the hush test" ||
            { why="$entry: $why"; return 1; }
        expect_absent err "$TOKEN" || return 1
    done
    # allowed means not a secret: redact leaves it, and only it, in place
    "$HUSH" redact "${R[@]}" --allow allow.txt app.log keep.log >red 2>err
    expect_contains red "$TOKEN" && expect_absent red "$TOKEN2"
}

# Key Vault secret URLs and damaged PEM blocks (the default pack): redacted at
# the default confidence; an --allow entry for the URL rule keeps the URLs
# (and only them) in redacted output, and the secret value beside one stays
# redacted.  --min-confidence high keeps them too.
t_keyvault_urls_and_damaged_keys() {
    local log=$ROOT/corpus/deploy-debug.log urls
    urls=$(grep -oE 'https://[0-9A-Za-z-]+\.vault\.(azure\.net|azure\.cn|usgovcloudapi\.net)(:443)?/secrets/[0-9A-Za-z-]+(/[0-9a-f]{32})?' "$log")
    [ "$(printf '%s\n' "$urls" | wc -l)" -eq 4 ] || { fail "corpus sample: $(printf '%s\n' "$urls" | wc -l) secret URLs, want 4"; return 1; }
    printf '{"value": "hush-test-Q7mZp2Lx9vR4tK8w", "id": "https://contoso-hush-kv.vault.azure.net/secrets/db/0f1e2d3c4b5a69788796a5b4c3d2e1f0"}\n' >kv.json
    "$HUSH" redact "$log" kv.json >red 2>err
    expect_status 0 $? || return 1
    local u
    for u in $urls https://contoso-hush-kv.vault.azure.net/secrets/db/; do
        expect_absent red "$u" || return 1
    done
    expect_absent red "PRIVATE KEY-----" && expect_absent red "hush-test-Q7mZp2Lx9vR4tK8w" || return 1
    [ "$(grep -c 'REDACTED:azure.keyvault.secret-url' red)" -eq 5 ] &&
        [ "$(grep -c 'REDACTED:pem.private-key' red)" -eq 3 ] || { fail "masks: $(grep -o 'REDACTED:[a-z.-]*' red | sort | uniq -c)"; return 1; }
    printf '# hush test\nrule=azure.keyvault.secret-url  vault URLs are configuration here\n' >allow.txt
    "$HUSH" redact --allow allow.txt "$log" kv.json >red 2>err
    expect_status 0 $? || return 1
    for u in $urls https://contoso-hush-kv.vault.azure.net/secrets/db/0f1e2d3c4b5a69788796a5b4c3d2e1f0; do
        expect_contains red "$u" || return 1
    done
    expect_absent red "PRIVATE KEY-----" && expect_absent red "hush-test-Q7mZp2Lx9vR4tK8w" &&
        expect_contains red '[REDACTED:azure.keyvault.secret-value]' || return 1
    "$HUSH" scan --allow allow.txt --format jsonl --fingerprint-key "$KEY" "$log" kv.json >out 2>err
    expect_status 1 $? && expect_absent out azure.keyvault.secret-url || return 1
    [ "$(grep -c '"rule":"pem.private-key","name":"PEM private key","confidence":"medium"' out)" -eq 3 ] ||
        { fail "want 3 medium PEM findings: $(grep -o '"rule":"[a-z.-]*"' out | sort | uniq -c)"; return 1; }
    "$HUSH" redact --min-confidence high "$log" >red 2>err
    for u in $urls; do
        expect_contains red "$u" || return 1
    done
}

t_allow_file_errors() {
    while IFS='|' read -r entry message; do
        printf '# hush test\n%s\n' "$entry" >allow.txt
        "$HUSH" scan "${R[@]}" --allow allow.txt /dev/null >out 2>err
        expect_status 2 $? || { why="$entry: $why"; return 1; }
        [ "$(cat err)" = "hush: allow.txt:2: $message" ] || { fail "$entry: stderr $(cat err)"; return 1; }
    done <<'EOF'
rule=generic.password|an entry needs a reason after its criteria (--verbose shows it)
just a reason|an entry needs at least one of rule=, path=, fingerprint=, value=
rul=x reason|unknown criterion 'rul' (say rule=, path=, fingerprint= or value=)
fingerprint=12ab reason|fingerprint= needs the 16 hex digits hush reports
value=(x reason|value=: missing closing parenthesis (at offset 2 of the regex)
rule=a rule=b reason|rule= given twice in one entry
EOF
    "$HUSH" scan "${R[@]}" --allow missing.txt /dev/null >out 2>err
    expect_status 2 $? && [ "$(cat err)" = "hush: missing.txt: No such file or directory" ] ||
        fail "missing file: $(cat err)"
}

# Two generated fake JWTs (fake tenant ids, issuer login.microsoftonline.com/<tid>/v2.0):
# one expired in 2001, one valid until 2100; the report says which is which.
t_jwt_meta_expired() {
    local past future
    past=$(python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import fakes
print(fakes.jwt(rng=fakes.make_rng(41), exp=1000000000))' "$ROOT/scripts") &&
        future=$(python3 -c 'import sys; sys.path.insert(0, sys.argv[1]); import fakes
print(fakes.jwt(rng=fakes.make_rng(42), exp=4102444800))' "$ROOT/scripts") ||
        { fail "fakes.py jwt failed"; return 1; }
    printf 'hush test: Authorization: Bearer %s\n{"access_token": "%s"}\n' "$past" "$future" >in.log
    "$HUSH" scan --fingerprint-key "$KEY" --format jsonl in.log >out 2>err
    expect_status 1 $? || return 1
    expect_absent out "${past:0:40}" && expect_absent out "${future##*.}" &&
        expect_absent out 'hush test user' || return 1
    python3 - out "$past" "$future" <<'EOF' || fail "meta: $(cat out)"
import base64, json, sys
def claims(token):
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
rows = [json.loads(l) for l in open(sys.argv[1])]
metas = {r["meta"]["tid"]: r["meta"] for r in rows if "meta" in r}
for token, expired in ((sys.argv[2], True), (sys.argv[3], False)):
    c = claims(token)
    m = metas[c["tid"]]
    assert m["expired"] is expired and m["exp"] == c["exp"], m
    assert m["iss"] == "https://login.microsoftonline.com/%s/v2.0" % c["tid"], m
    assert m["alg"] == "RS256" and m["aud"] == c["aud"] and m["appid"] == c["appid"], m
    assert set(m) == {"alg", "iss", "tid", "aud", "appid", "exp", "expired"}, m
EOF
    "$HUSH" scan --fingerprint-key "$KEY" --format text in.log >out 2>err
    expect_contains out '(exp 2001-09-09T01:46:40Z expired, iss https://login.microsoftonline.com/' &&
        expect_contains out '(exp 2100-01-01T00:00:00Z not expired, iss https://login.microsoftonline.com/'
}

t_placeholders_low_or_never() {
    # A filler body in a real format (a doc sample): low, hidden by default.
    printf 'hush test: aws_access_key_id = AKIAXXXXXXXXXXXXXXXX\n' >doc.txt
    "$HUSH" scan --fingerprint-key "$KEY" --format jsonl doc.txt >out 2>err
    expect_status 0 $? && expect_empty out || return 1
    "$HUSH" scan --fingerprint-key "$KEY" --format jsonl --min-confidence low doc.txt >out 2>err
    expect_status 1 $? && expect_contains out '"rule":"aws.access-key-id"' &&
        expect_contains out '"confidence":"low"' || return 1
    # A reference the platform resolves is no value at all, at any confidence.
    printf 'hush test: DB_PASSWORD=secretref:hush-db-password\n' >ref.txt
    "$HUSH" scan --fingerprint-key "$KEY" --format jsonl --min-confidence low ref.txt >out 2>err
    expect_status 0 $? && expect_empty out
}

t_propagation_across_files() {
    # The token is found by the rule in a.log; in b.log and c.json it is
    # glued to other letters, where the rule (\b...\b) cannot see it.
    mkdir -p in
    sample "$TOKEN" a >in/a.log
    printf 'hush test: pasted id%sX in a note\n' "$TOKEN" >in/b.log
    printf '{"note": "hush test id%sX"}\n' "$TOKEN" >in/c.json
    "$HUSH" scan "${R[@]}" --format jsonl in >one 2>err
    expect_status 1 $? && [ "$(wc -l <one)" -eq 1 ] || { fail "one pass: $(cat one err)"; return 1; }
    "$HUSH" scan "${R[@]}" --propagate --format jsonl in >out 2>err
    expect_status 1 $? || return 1
    [ "$(grep -c '"copy":true' out)" -eq 2 ] && [ "$(wc -l <out)" -eq 3 ] &&
        [ "$(grep -o '"fingerprint":"[0-9a-f]*"' out | sort -u | wc -l)" -eq 1 ] &&
        [ "$(grep -c '"rule":"test.github-pat"' out)" -eq 3 ] || { fail "scan: $(cat out)"; return 1; }
    "$HUSH" redact "${R[@]}" --propagate --out-dir red --report rep.jsonl in >stdout 2>err
    expect_status 0 $? || return 1
    expect_contains red/in/b.log "pasted id[REDACTED:test.github-pat]X in" &&
        expect_contains red/in/c.json '"hush test id[REDACTED:test.github-pat]X"' || return 1
    [ "$(grep -c '"copy":true' rep.jsonl)" -eq 2 ] || { fail "report: $(cat rep.jsonl)"; return 1; }
    cp -r in inplace
    "$HUSH" redact "${R[@]}" --propagate --in-place inplace >>stdout 2>>err
    expect_status 0 $? && cmp -s inplace/b.log red/in/b.log && cmp -s inplace/c.json red/in/c.json ||
        { fail "in place differs from the mirror"; return 1; }
    local f
    for f in one out stdout err rep.jsonl red/in/* inplace/*; do
        expect_absent "$f" "$TOKEN" || return 1
    done
    # Standard input is read once: --propagate is refused there, and with
    # --line-buffered, with a clear message (usage, exit 2).
    "$HUSH" redact "${R[@]}" --propagate <in/b.log >piped 2>err
    expect_status 2 $? && expect_contains err "--propagate needs file or directory paths" || return 1
    "$HUSH" redact "${R[@]}" --propagate --line-buffered in/b.log >piped 2>err
    expect_status 2 $? && expect_contains err "not with --line-buffered" || return 1
    expect_absent err "$TOKEN"
}

t_known_secrets_long_and_control_bytes() {
    # 1024 bytes of punctuation: fewer escaped forms, but found as written.
    python3 -c "import sys; sys.stdout.write('{hush-test/' * 93 + '{\n')" >long.txt
    printf 'hush test: %s end\n' "$(head -c 1024 long.txt)" >long.log
    "$HUSH" scan "${R[@]}" --known-secrets long.txt --format jsonl long.log >out 2>err
    expect_status 1 $? && [ "$(grep -c known-secret out)" -eq 1 ] || { fail "long: $(cat err)"; return 1; }
    # A tab written \t inside JSON in a plain log line.
    printf 'hush-test\tknown/pass\n' >tab.txt
    printf 'INFO body={"k":"hush-test\\tknown\\/pass"}\n' >tab.log
    "$HUSH" scan "${R[@]}" --known-secrets tab.txt --format jsonl tab.log >out 2>err
    expect_status 1 $? || return 1
    printf 'hush-test\n        \n' >blank.txt
    "$HUSH" scan "${R[@]}" --known-secrets blank.txt tab.log >out 2>err
    expect_status 2 $? &&
        [ "$(cat err)" = "hush: blank.txt:2: a known secret of only spaces would match every run of spaces" ] ||
        fail "blank: $(cat err)"
}

# The HAR recorded by a real browser (make test-browser): every copy of every
# planted value found and redacted, in every form, the structure kept; copies
# marked expected-to-miss in the truth file must still be missed.
t_browser_recording() {
    local har=$ROOT/corpus/browser-recording.har truth=$ROOT/corpus/browser-recording.truth.json
    local check=$ROOT/tests/browser/check_har.py
    python3 "$check" --hush "$HUSH" --har "$har" --truth "$truth" --workdir . >first 2>err
    expect_status 0 $? || { fail "$(tail -5 first) $(cat err)"; return 1; }
    expect_contains first "check_har: ok" || return 1
    # The checker can fail: a value hush never finds (the page title) is a
    # miss; marked, it passes; marked once too often, it asks to drop the mark.
    python3 - "$truth" <<'EOF2' >truth.json
import json, sys
t = json.load(open(sys.argv[1]))
t["values"].append({"index": len(t["values"]), "kind": "page-title",
                    "value": "Orders - hush test", "planted": ["not a secret"]})
json.dump(t, sys.stdout)
EOF2
    python3 "$check" --hush "$HUSH" --har "$har" --truth truth.json --workdir . >out 2>err
    expect_status 1 $? && expect_contains out "MISSED" || return 1
    python3 "$check" --hush "$HUSH" --har "$har" --truth truth.json --workdir . \
        --write-marks "hush test: not a secret" >out 2>err
    python3 "$check" --hush "$HUSH" --har "$har" --truth truth.json --workdir . >out 2>err
    expect_status 0 $? || { fail "marked: $(tail -3 out)"; return 1; }
    sed -i 's/"count": \([0-9]*\)/"count": 9\1/' truth.json
    python3 "$check" --hush "$HUSH" --har "$har" --truth truth.json --workdir . >out 2>err
    expect_status 1 $? && expect_contains out "drop or lower the mark" || return 1
    # No value in the checker's output.
    python3 -c 'import json, sys
for v in json.load(open(sys.argv[1]))["values"]: print(v["value"])' "$truth" >values.txt
    ! grep -qFf values.txt first out || fail "a planted value was printed"
}

for t in t_version t_help_mentions_every_option t_command_help t_usage_errors \
    t_not_supported_yet t_scan_exit_codes t_missing_path_others_scanned t_unreadable_input \
    t_directory_loop t_truncated_gzip t_binary_skipped_when_walked \
    t_redact_label_changes_only_the_secret t_mask_stars_keeps_length t_no_secret_in_any_report \
    t_jsonl_contract_and_stdin t_min_confidence t_options_after_paths_and_double_dash \
    t_in_place_with_backup t_out_dir_mirror t_redact_exit_zero_with_report t_bad_rule_file \
    t_rules_check_failure_is_exit_1 t_rules_list_and_show t_default_fingerprint_key \
    t_concurrent_first_runs_agree_on_key \
    t_line_buffered t_multiline_secret_keeps_lines t_line_buffered_multiline \
    t_broken_pipe_is_quiet t_sigterm_leaves_originals \
    t_rules_check_default_pack t_corpus_expected_findings \
    t_known_secrets_every_form t_known_secrets_never_cached_or_printed t_allow_file \
    t_allow_file_errors t_keyvault_urls_and_damaged_keys t_placeholders_low_or_never t_known_secrets_long_and_control_bytes t_jwt_meta_expired t_browser_recording t_propagation_across_files; do
    run_test "$t"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
