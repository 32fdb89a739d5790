#!/usr/bin/env bash
# Builds the two libFuzzer targets and runs each for a fixed number of inputs.
#   usage: Fuzz/run.sh [RUNS] [CORPUS_DIR]   (defaults: 1000000, ../shared/corpora/bbc)
#   FUZZ_TARGETS="commands" runs one target (default: "engine commands").
# Seed corpora: articles from the news corpus (cut to 4 KiB) for the engine, and every
# command line of the transcript tests (and Fuzz/commands.seeds) for the command language, with
# Fuzz/commands.dict as its dictionary. Crashes land in Fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-1000000}"
CORPUS="${2:-../shared/corpora/bbc}"
# absolute paths: a fuzzed `cd` moves the process, and libFuzzer then loses a relative corpus
ROOT="$(pwd)"
WORK="$ROOT/.build-fuzz/corpora"
mkdir -p "$WORK/engine" "$WORK/commands" Fuzz/crashes

# release builds: about ten times the inputs per second of a debug build
TARGETS="${FUZZ_TARGETS:-engine commands}"
for t in $TARGETS; do
  case "$t" in engine|commands) ;; *) echo "Fuzz/run.sh: unknown target '$t' in FUZZ_TARGETS (use engine, commands)" >&2; exit 2;; esac
  swift build -c release --sanitize=fuzzer -Xswiftc -DFUZZING --scratch-path .build-fuzz --product "readout-fuzz-$t"
done

if [ -d "$CORPUS" ]; then
  find "$CORPUS" -name '*.txt' | sort | sed -n '1,300p' | while read -r f; do
    head -c 4096 "$f" > "$WORK/engine/$(echo "$f" | tr '/' '_')"
  done
fi
cp seeds/*.txt "$WORK/engine/" 2>/dev/null || true
i=0
cat Tests/ReadoutWorkbenchTests/Transcripts/*.readout Fuzz/commands.seeds | while IFS= read -r line; do
  i=$((i + 1)); printf '%s' "$line" > "$WORK/commands/line-$i"
done

export SWIFT_BACKTRACE=enable=no  # let libFuzzer write the crashing input
for t in $TARGETS; do
  echo "== fuzzing $t for $RUNS runs"
  dict=(); [ "$t" = commands ] && dict=(-dict="$ROOT/Fuzz/commands.dict")
  ".build-fuzz/release/readout-fuzz-$t" "${dict[@]}" -runs="$RUNS" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$ROOT/Fuzz/crashes/$t-" -print_final_stats=1 "$WORK/$t" 2>&1 | grep -E "^(Done|stat::number_of_executed_units|==[0-9]+== ERROR|SUMMARY)|crash-" || true
done
echo "crash files (none means no crash):"; ls Fuzz/crashes/ 2>/dev/null || true
