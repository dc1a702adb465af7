# hush — build, test, demo, bench, install.
#
#   make            build/hush and build/libhush.a
#   make test       install missing packages, build, run every test (also under ASan+UBSan)
#   make demo       install missing packages, build, scan corpus/
#   make test-browser  real-browser HAR test: chromium + playwright-core (not part of make test)
#   make bench      benchmarks: bench/run.sh, views.sh, falsepositives.sh (bench/RESULTS.md)
#   make install PREFIX=/usr/local DESTDIR=
#
# Quiet by default; V=1 shows full commands.  Each flag set builds in its own
# directory (build/, build-asan/), so an ASan build never mixes with a normal one.

.DEFAULT_GOAL := all
.PHONY: all lib cli tools tests test test-layout test-unit test-cli test-rules test-rulegen test-asan test-fuzz test-fault \
        test-browser demo bench deps install uninstall clean

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
V       ?= 0
ifeq ($(V),0)
Q := @
else
Q :=
endif

PKGS    := libhs libpcre2-8 libcjson zlib libcrypto
CC      ?= cc
CSTD    := -std=c11 -D_GNU_SOURCE
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla \
           -Wformat=2 -Wno-unused-parameter
OPT     ?= -O2 -g
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# Each tier sees only the headers it may use: the library its own folder, the
# command line the public header and its own folder (a CLI file that includes a
# library-internal header does not compile), tests and tools all of them.
CFLAGS_BASE = $(CSTD) $(OPT) $(WARN) $(EXTRA_CFLAGS) -Iinclude $(PKG_CFLAGS) -MMD -MP
CFLAGS_LIB  = $(CFLAGS_BASE) -Iscanner
CFLAGS_CLI  = $(CFLAGS_BASE) -Icli
CFLAGS_ALL  = $(CFLAGS_BASE) -Iscanner -Icli -Itests
LDLIBS_ALL  = $(PKG_LIBS) -lpthread -lm $(EXTRA_LDFLAGS)

LIB_SRCS  := $(wildcard scanner/*.c)
CLI_SRCS  := $(wildcard cli/*.c)
TEST_SRCS := $(wildcard tests/test_*.c)
TEST_SUPPORT_SRCS := $(filter-out $(TEST_SRCS),$(wildcard tests/*.c))
RULE_FILES := $(sort $(wildcard patterns/*.json))

LIB_OBJS  := $(LIB_SRCS:%.c=$(BUILD)/%.o) $(BUILD)/gen/default_rules.o
CLI_OBJS  := $(CLI_SRCS:%.c=$(BUILD)/%.o)
TEST_SUPPORT_OBJS := $(TEST_SUPPORT_SRCS:%.c=$(BUILD)/%.o)
TEST_BINS := $(TEST_SRCS:tests/%.c=$(BUILD)/tests/%)
TOOL_BINS := $(patsubst tools/%.c,$(BUILD)/tools/%,$(filter-out tools/embed_rules.c,$(wildcard tools/*.c)))
# Unit tests of CLI modules (walk, report, output) link every CLI object but main.
CLI_LIB_OBJS := $(filter-out $(BUILD)/cli/main.o,$(CLI_OBJS))
FUZZ_SRCS := $(wildcard tests/fuzz/fuzz_*.c)
FUZZ_BINS := $(FUZZ_SRCS:tests/fuzz/%.c=$(BUILD)/fuzz/%)

all: lib cli tools
lib: $(BUILD)/libhush.a
cli: $(BUILD)/hush
tools: $(TOOL_BINS)
tests: $(TEST_BINS) $(FUZZ_BINS)

$(BUILD)/scanner/%.o: scanner/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_LIB) -c $< -o $@

$(BUILD)/cli/%.o: cli/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_CLI) -c $< -o $@

$(BUILD)/tests/%.o: tests/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_ALL) -c $< -o $@

# The default rule pack is compiled into the library, so `hush` needs no
# installed data files and starts without reading any.
$(BUILD)/tools/embed_rules: tools/embed_rules.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CSTD) -O1 -Wall -Wextra $< -o $@

$(BUILD)/gen/default_rules.c: $(BUILD)/tools/embed_rules $(RULE_FILES)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  EMBED   patterns/*.json")
	$(Q)$(BUILD)/tools/embed_rules $(RULE_FILES) > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/default_rules.o: $(BUILD)/gen/default_rules.c
	$(Q)$(CC) $(CFLAGS_LIB) -c $< -o $@

$(BUILD)/libhush.a: $(LIB_OBJS)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/hush: $(CLI_OBJS) $(BUILD)/libhush.a
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS_CLI) $(CLI_OBJS) $(BUILD)/libhush.a $(LDLIBS_ALL) -o $@

$(BUILD)/tools/%: tools/%.c $(TEST_SUPPORT_OBJS) $(BUILD)/libhush.a
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS_ALL) $< $(TEST_SUPPORT_OBJS) $(BUILD)/libhush.a $(LDLIBS_ALL) -o $@

$(BUILD)/tests/%: tests/%.c $(TEST_SUPPORT_OBJS) $(CLI_LIB_OBJS) $(BUILD)/libhush.a
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS_ALL) $< $(TEST_SUPPORT_OBJS) $(CLI_LIB_OBJS) $(BUILD)/libhush.a \
	    $(LDLIBS_ALL) -lcmocka -o $@

# Support objects appear only in pattern rules; without this make deletes them
# as intermediates and relinks every test binary on each run.
.SECONDARY: $(TEST_SUPPORT_OBJS)

# Fuzz targets define LLVMFuzzerTestOneInput; replay_main.c runs saved inputs
# through them without a fuzzer, so `make test` replays the corpus.
$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/replay_main.c $(TEST_SUPPORT_OBJS) $(BUILD)/libhush.a
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS_ALL) $< tests/fuzz/replay_main.c $(TEST_SUPPORT_OBJS) \
	    $(BUILD)/libhush.a $(LDLIBS_ALL) -o $@

# ---- packages --------------------------------------------------------------
deps:
	$(Q)scripts/install-deps.sh

# ---- tests -----------------------------------------------------------------
# `make test` is what CI runs: packages, normal build, every test, then the
# same unit tests and rule check under AddressSanitizer + UBSan.
test: deps
	$(Q)$(MAKE) --no-print-directory all tests
	$(Q)$(MAKE) --no-print-directory test-layout test-unit test-rules test-rulegen test-cli test-fuzz test-fault
	$(Q)$(MAKE) --no-print-directory test-asan
	@echo "make test: all suites passed"

# The tree keeps its architecture: no include cycle in the library, every
# name in its tier (scripts/check_layout.py), and no library-internal header
# reachable from the command line's include path: each must fail to compile
# there, while the public header compiles.
test-layout:
	$(Q)python3 scripts/check_layout.py
	$(Q)echo '#include "hush.h"' | $(CC) $(CFLAGS_CLI) -fsyntax-only -x c - || \
	    { echo "test-layout: hush.h does not compile with the CLI's flags"; exit 1; }
	$(Q)for h in scanner/*.h; do \
	    if echo "#include \"$${h#scanner/}\"" | $(CC) $(CFLAGS_CLI) -fsyntax-only -x c - 2>/dev/null; then \
	        echo "test-layout: $$h is reachable from cli/"; exit 1; fi; \
	done; echo "test-layout: no library-internal header compiles in cli/"

test-unit: tests
	$(Q)tests/run-unit.sh $(BUILD)

test-rules: cli
	$(Q)HUSH_CACHE_DIR=$(BUILD)/cache $(BUILD)/hush rules check

# patterns/*.json are generated: fails, naming the file, when one differs
# from what its scripts/rulepack/<name>.py writes (a hand edit, or a module
# changed without regenerating).
test-rulegen:
	$(Q)python3 scripts/gen_rule_examples.py --check

test-cli: cli tools
	$(Q)tests/cli/run.sh $(BUILD)

test-fuzz: tests
	$(Q)tests/fuzz/replay.sh $(BUILD)

# LD_PRELOAD shim that makes write/fsync/rename/... fail on purpose.  Normal
# build only: under ASan the sanitizer runtime must come first in the
# library list, so the fault suite is not part of test-asan.
$(BUILD)/fault/fault_shim.so: tests/fault/fault_shim.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CSTD) $(OPT) $(WARN) -shared -fPIC $< -o $@ -ldl

test-fault: cli $(BUILD)/fault/fault_shim.so
	$(Q)tests/fault/run.sh $(BUILD)

ASAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
test-asan:
	$(Q)$(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g" \
	    EXTRA_CFLAGS="$(ASAN_FLAGS)" EXTRA_LDFLAGS="$(ASAN_FLAGS)" all tests
	$(Q)ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    tests/run-unit.sh build-asan
	$(Q)ASAN_OPTIONS=detect_leaks=1 HUSH_CACHE_DIR=build-asan/cache build-asan/hush rules check
	$(Q)ASAN_OPTIONS=detect_leaks=1 tests/cli/run.sh build-asan
	$(Q)ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	    tests/fuzz/replay.sh build-asan

# ---- demo and bench ----------------------------------------------------------
demo: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)scripts/demo.sh $(BUILD)

# A HAR recorded by Debian's chromium (driven by playwright-core from npm) on a
# loopback site with Azure/Entra-like flows, checked with hush: tests/browser/.
test-browser:
	$(Q)scripts/install-deps.sh --browser
	$(Q)$(MAKE) --no-print-directory all
	$(Q)tests/browser/record_har.sh $(BUILD)

bench:
	$(Q)scripts/install-deps.sh --bench
	$(Q)$(MAKE) --no-print-directory all
	$(Q)bench/run.sh $(BUILD)
	$(Q)bench/views.sh $(BUILD)
	$(Q)bench/falsepositives.sh $(BUILD)

# ---- install -------------------------------------------------------------------
install: all
	$(Q)install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	    $(DESTDIR)$(PREFIX)/share/hush/patterns
	$(Q)install -m 0755 $(BUILD)/hush $(DESTDIR)$(PREFIX)/bin/hush
	$(Q)install -m 0644 $(BUILD)/libhush.a $(DESTDIR)$(PREFIX)/lib/libhush.a
	$(Q)install -m 0644 include/hush.h $(DESTDIR)$(PREFIX)/include/hush.h
	$(Q)install -m 0644 $(RULE_FILES) $(DESTDIR)$(PREFIX)/share/hush/patterns/

uninstall:
	$(Q)rm -f $(DESTDIR)$(PREFIX)/bin/hush $(DESTDIR)$(PREFIX)/lib/libhush.a \
	    $(DESTDIR)$(PREFIX)/include/hush.h
	$(Q)rm -rf $(DESTDIR)$(PREFIX)/share/hush

clean:
	$(Q)rm -rf build build-asan

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
