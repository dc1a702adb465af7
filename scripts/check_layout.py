#!/usr/bin/env python3
"""Checks that the source tree keeps its architecture (make test-layout).

- The library (scanner/) has no include cycles between modules: a module is a
  file stem, X.c and X.h together; an edge X -> Y means a file of X includes
  Y.h.  Dependencies point one way, so a module can be read, tested and
  replaced without the ones that depend on it.
- Each tier includes only what it may: a quoted #include in the library
  names a header of scanner/ or hush.h, one in the command line a header of
  cli/ or hush.h (never a path such as "../scanner/rule.h", which the
  include path alone would not stop).
- Names say their tier: an identifier starting with hush_/HUSH_ used in the
  library or the command line is declared in include/hush.h (the public API);
  library-internal names start with hushi_/HUSHI_ and never appear in cli/.
  Strings are not names (environment variables such as HUSH_CACHE_DIR).

Exit 0 when all hold; 1 with one line per problem otherwise.
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LIBRARY = os.path.join(ROOT, "scanner")
CLI = os.path.join(ROOT, "cli")
PUBLIC_HEADER = os.path.join(ROOT, "include", "hush.h")

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)\.h"', re.M)
QUOTED_INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
PUBLIC_NAME = re.compile(r"\b(?:hush|HUSH)_[A-Za-z0-9_]+\b")
INTERNAL_NAME = re.compile(r"\b(?:hushi|HUSHI)_[A-Za-z0-9_]+\b")
# Comments and string literals, so that names in them are not counted.
COMMENT_OR_STRING = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'',
                               re.S)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def code_of(path):
    return COMMENT_OR_STRING.sub(" ", read(path))


def sources(folder):
    return sorted(glob.glob(os.path.join(folder, "*.[ch]")))


def library_cycles():
    """Every cycle of the module graph, each once, as a list of modules."""
    edges = {}
    for path in sources(LIBRARY):
        module = os.path.splitext(os.path.basename(path))[0]
        for target in INCLUDE.findall(read(path)):
            if target != module and os.path.exists(os.path.join(LIBRARY, target + ".h")):
                edges.setdefault(module, set()).add(target)
    cycles, seen = [], set()

    def walk(start, node, path):
        for nxt in sorted(edges.get(node, ())):
            if nxt == start:
                key = frozenset(path)
                if key not in seen:
                    seen.add(key)
                    cycles.append(path + [start])
            elif nxt not in path:
                walk(start, nxt, path + [nxt])

    for module in sorted(edges):
        walk(module, module, [module])
    return cycles


def main():
    problems = []
    for cycle in library_cycles():
        problems.append("scanner: include cycle: " + " -> ".join(cycle))

    for folder in (LIBRARY, CLI):
        for path in sources(folder):
            for header in QUOTED_INCLUDE.findall(read(path)):
                if header != "hush.h" and (os.path.basename(header) != header or
                                           not os.path.exists(os.path.join(folder, header))):
                    problems.append("%s: includes \"%s\", not a header of %s/ or hush.h"
                                    % (os.path.relpath(path, ROOT), header,
                                       os.path.basename(folder)))

    public = set(PUBLIC_NAME.findall(code_of(PUBLIC_HEADER)))
    for folder in (LIBRARY, CLI):
        for path in sources(folder):
            rel = os.path.relpath(path, ROOT)
            code = code_of(path)
            for name in sorted(set(PUBLIC_NAME.findall(code)) - public):
                problems.append("%s: %s has the public prefix but is not in include/hush.h"
                                % (rel, name))
            if folder == CLI:
                for name in sorted(set(INTERNAL_NAME.findall(code))):
                    problems.append("%s: %s is library-internal" % (rel, name))

    for problem in problems:
        print("check_layout: " + problem)
    if problems:
        return 1
    print("check_layout: no include cycles in scanner/, every name in its tier")
    return 0


if __name__ == "__main__":
    sys.exit(main())
