#!/usr/bin/env bash
# bench/noseyparker.sh [BUILD_DIR] — recall and false-positive rate of
# BUILD_DIR/hush (default: build) on the example texts of Nosey Parker's
# rules (Apache-2.0).  The examples are read at run time from NP_EXAMPLES,
# default $(dirname REPO)/shared/external/noseyparker-examples.jsonl (a file
# kept outside the repository); none of them is kept in this repository.  Prints a markdown block for bench/RESULTS.md:
# rule ids, counts and percentages only, never an example text.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build}
case $build in
/*) ;;
*) build=$repo/$build ;;
esac
examples=${NP_EXAMPLES:-$(dirname "$repo")/shared/external/noseyparker-examples.jsonl}

if [[ ! -x $build/hush ]]; then
	echo "noseyparker.sh: $build/hush not found; run make first" >&2
	exit 2
fi
if [[ ! -r $examples ]]; then
	echo "noseyparker.sh: examples not found: $examples (set NP_EXAMPLES)" >&2
	exit 2
fi

exec python3 "$repo/bench/noseyparker_eval.py" "$build" "$examples" "$repo" \
	"bench/noseyparker.sh ${1:-build}"
