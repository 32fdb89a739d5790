#!/usr/bin/env python3
"""Counts quotes by kind over a corpus and draws a seeded random sample for a hand check.

Usage: scripts/sample-quotes.py [CORPUS] [N] [SEED]   (defaults: ../shared/corpora/bbc/ 30 4)
Runs the release binary (`swift build -c release` first) and prints, for each drawn quote,
its id, kind, cue, speaker as written -> speaker, source, and the sentence it came from.
"""
import json, random, subprocess, sys
from collections import Counter

corpus = sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/bbc/"
n = int(sys.argv[2]) if len(sys.argv) > 2 else 30
seed = int(sys.argv[3]) if len(sys.argv) > 3 else 4

out = subprocess.run([".build/release/readout", "--no-rc", "--format", "json", "-c", f"load {corpus}", "-c", "docs", "-c", "quotes"],
                     capture_output=True, text=True, check=True).stdout
values = [json.loads(line) for line in out.splitlines() if line.startswith("[")]
paths = {d["id"]: d["path"] for d in values[-2]}  # document id -> file, for the context
quotes = values[-1]
kinds = Counter(q["kind"] for q in quotes)
print(f"{len(quotes)} quotes:", ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
print("with a resolved speaker:", sum(1 for q in quotes if q["speaker"]), " with a source:", sum(1 for q in quotes if q["source"]),
      " reported_by:", sum(1 for q in quotes if q.get("reported_by")))
rng = random.Random(seed)
for i, q in enumerate(rng.sample(quotes, min(n, len(quotes))), 1):
    print(f"\n{i:2}. {q['id']} [{q['kind']}] cue={q['cue']!r} speaker_text={q['speaker_text']!r} -> {q['speaker']!r} source={q['source']!r}"
          + (f" reported_by={q['reported_by']!r}" if q.get("reported_by") else ""))
    try:
        raw = open(paths[q["doc"]], "rb").read()
        text = raw.decode("utf-8") if raw.isascii() or b"\xe2" in raw else raw.decode("latin-1")
        ctx = text[max(0, q["start"] - 160):q["end"] + 100].replace("\n", " ")
    except (OSError, KeyError):
        ctx = q["text"]
    print("    ", ctx)
