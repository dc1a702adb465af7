#!/usr/bin/env bash
# Installs the Debian packages hush needs to build and test, and only those
# that are missing.  `make test`, `make demo` and `make bench` call it first,
# so a clean Debian 12 machine (CI) needs nothing installed by hand.
#
#   scripts/install-deps.sh            build + test dependencies
#   scripts/install-deps.sh --bench    also ripgrep and hyperfine (make bench)
#   scripts/install-deps.sh --browser  also Debian's chromium, node and npm, and npm's
#                                      playwright-core in build/browser/ (make test-browser;
#                                      playwright never downloads a browser: it drives
#                                      /usr/bin/chromium)
#   scripts/install-deps.sh --dry-run  say what is missing, install nothing
#
# Silent when everything is present.  Runs apt-get as root, through sudo when
# not root, or else stops with the list of packages to install.
# HUSH_DEPS_ARCH overrides the detected CPU architecture (for testing).
set -euo pipefail

bench=0
browser=0
dry_run=0
for arg in "$@"; do
    case "$arg" in
    --bench) bench=1 ;;
    --browser) browser=1 ;;
    --dry-run) dry_run=1 ;;
    -h | --help)
        sed -n '2,17s/^# \{0,1\}//p' "$0"
        exit 0
        ;;
    *)
        echo "install-deps: unknown option '$arg' (try --help)" >&2
        exit 2
        ;;
    esac
done

arch="${HUSH_DEPS_ARCH:-$(uname -m)}"
# Hyperscan is x86-only; Vectorscan is its drop-in fork (same libhs.pc) for
# every other architecture.
if [ "$arch" = x86_64 ] || [ "$arch" = amd64 ]; then
    hyperscan_pkg=libhyperscan-dev
else
    hyperscan_pkg=libvectorscan-dev
fi

# pkg-config module -> Debian package.  The Makefile takes its flags from
# pkg-config, so a module counts as present only when its .pc file is found.
modules=(
    "libhs:$hyperscan_pkg"
    "libpcre2-8:libpcre2-dev"
    "libcjson:libcjson-dev"
    "cmocka:libcmocka-dev"
    "zlib:zlib1g-dev"
    "libcrypto:libssl-dev"
    "libarchive:libarchive-dev"
)
# command -> Debian package: the compiler and tools the build and tests run.
commands=(
    "gcc:gcc"
    "make:make"
    "ar:binutils"
    "pkg-config:pkg-config"
    "python3:python3"
    "gzip:gzip"
    "tar:tar"
)
if [ "$bench" = 1 ]; then
    commands+=("rg:ripgrep" "hyperfine:hyperfine")
fi
if [ "$browser" = 1 ]; then
    commands+=("chromium:chromium" "node:nodejs" "npm:npm")
fi
# Files whose package is not pulled in by the ones above: `gcc` only
# recommends the C library headers, and apt runs without recommends here.
files=(
    "/usr/include/stdio.h:libc6-dev"
)

# Used only when pkg-config itself is missing: looks for the .pc file where
# Debian's pkg-config would.
pc_file_exists() {
    local module="$1" dir
    local -a dirs libdirs
    IFS=: read -r -a dirs <<<"${PKG_CONFIG_PATH:-}"
    if [ -n "${PKG_CONFIG_LIBDIR+set}" ]; then
        IFS=: read -r -a libdirs <<<"$PKG_CONFIG_LIBDIR"
        dirs+=("${libdirs[@]+"${libdirs[@]}"}")
    else
        dirs+=(/usr/local/lib/pkgconfig /usr/lib/*-linux-gnu*/pkgconfig /usr/lib/pkgconfig
            /usr/share/pkgconfig)
    fi
    for dir in "${dirs[@]+"${dirs[@]}"}"; do
        if [ -n "$dir" ] && [ -f "$dir/$module.pc" ]; then
            return 0
        fi
    done
    return 1
}

module_present() {
    if command -v pkg-config >/dev/null 2>&1; then
        pkg-config --exists "$1"
    else
        pc_file_exists "$1"
    fi
}

missing=()
add_missing() {
    local pkg="$1" seen
    for seen in "${missing[@]+"${missing[@]}"}"; do
        [ "$seen" = "$pkg" ] && return 0
    done
    missing+=("$pkg")
}

find_missing() {
    local entry
    missing=()
    for entry in "${commands[@]}"; do
        command -v "${entry%%:*}" >/dev/null 2>&1 || add_missing "${entry#*:}"
    done
    for entry in "${files[@]}"; do
        [ -e "${entry%%:*}" ] || add_missing "${entry#*:}"
    done
    for entry in "${modules[@]}"; do
        module_present "${entry%%:*}" || add_missing "${entry#*:}"
    done
}

# playwright-core, pinned, into a folder of the build tree (never global).  It
# ships no browser and downloads none; the recorder gives it /usr/bin/chromium.
PLAYWRIGHT_VERSION=1.65.1
browser_dir="$(cd "$(dirname "$0")/.." && pwd)/build/browser"
install_playwright() {
    [ "$browser" = 1 ] || return 0
    local have="" manifest="$browser_dir/node_modules/playwright-core/package.json"
    if [ -f "$manifest" ]; then
        have="$(node -p "require('$manifest').version" 2>/dev/null || true)"
    fi
    [ "$have" = "$PLAYWRIGHT_VERSION" ] && return 0
    if [ "$dry_run" = 1 ]; then
        echo "install-deps: would install: npm playwright-core@$PLAYWRIGHT_VERSION" \
            "into build/browser"
        return 0
    fi
    echo "install-deps: installing npm playwright-core@$PLAYWRIGHT_VERSION into build/browser"
    mkdir -p "$browser_dir"
    [ -f "$browser_dir/package.json" ] || echo '{"private": true}' >"$browser_dir/package.json"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --prefix "$browser_dir" --no-audit --no-fund \
        --loglevel=error "playwright-core@$PLAYWRIGHT_VERSION" </dev/null
}

find_missing
if [ "${#missing[@]}" -eq 0 ]; then
    install_playwright
    exit 0
fi

if [ "$dry_run" = 1 ]; then
    echo "install-deps: would install: ${missing[*]}"
    install_playwright
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-deps: missing packages (Debian names): ${missing[*]}" >&2
    echo "install-deps: no apt-get here; install their equivalents by hand" >&2
    exit 1
fi

if [ "$(id -u)" = 0 ]; then
    as_root=(env)
elif command -v sudo >/dev/null 2>&1; then
    # -n: never wait for a password nobody can type (CI has no stdin).
    if [ -t 0 ]; then as_root=(sudo env); else as_root=(sudo -n env); fi
else
    echo "install-deps: missing packages: ${missing[*]}" >&2
    echo "install-deps: not root and no sudo; run as root:" >&2
    echo "  apt-get install --no-install-recommends ${missing[*]}" >&2
    exit 1
fi

echo "install-deps: installing ${missing[*]}"
apt_env=(DEBIAN_FRONTEND=noninteractive)
"${as_root[@]}" "${apt_env[@]}" apt-get update -qq </dev/null
"${as_root[@]}" "${apt_env[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" </dev/null

find_missing
if [ "${#missing[@]}" -ne 0 ]; then
    echo "install-deps: still missing after apt-get install: ${missing[*]}" >&2
    exit 1
fi
install_playwright
