#!/usr/bin/env python3
"""Derives Data/cue-derived.tsv, the cue words learnt from PolNeAR's train split (make cues).

usage: scripts/derive-cues.py [POLNEAR_TRAIN_DIR] > Sources/ReadoutEngine/Data/cue-derived.tsv
       (default: ../shared/corpora/polnear/train)

For every word form (lower case), counts how often the primary annotator marked it as (part of) an
attribution cue, and how often it occurs in the articles. A form is kept when it is a verb by the
POS lexicon (Data/pos-lexicon.tsv, share >= 0.5), occurs as a cue at least MIN_CUE times, is a cue in
at least MIN_SHARE of its uses, and is not already a hand-curated cue (Data/cue-verbs.txt, which wins), nor a verb of action (ACTION below).
Forms are grouped by the lexicon's lemma. The frame is `belief` for verbs of internal state and
`object` otherwise: the content is the rest of the clause after the cue, checked by the rules.
Deterministic: same data, same file. Only counts leave the corpus; no article text is written.
"""
import collections, glob, os, re, sys

MIN_CUE, MIN_SHARE = 3, 0.2
BELIEF = {"want", "think", "know", "feel", "believe", "hope", "expect", "fear", "worry", "doubt", "intend", "wish",
          "prefer", "plan", "consider", "suspect", "assume", "understand", "trust", "realize", "realise", "need", "aim"}
# Verbs of action: their object is a thing done (a bill signed, a summit proposed), not something
# said or thought, though annotators sometimes marked them. Left out on purpose.
ACTION = {"propose", "sign", "pass", "vote", "appoint", "nominate", "launch", "release", "file", "order", "introduce",
          "negotiate", "approve", "block", "issue", "deliver", "unveil", "speak", "talk", "thank", "follow", "focus",
          "touch", "title", "name", "single", "knock", "lay", "avoid", "attempt", "opt", "renew", "restrict", "weigh",
          "congratulate", "celebrate", "debate", "discuss", "address", "present", "react", "rule", "share", "dub",
          # acts on things rather than statements (`doubled the stamp duty level`, `provided the figures`)
          "double", "provide", "draw", "fire", "hire", "hit", "line", "mount", "open", "go", "spot", "stick", "strike"}
here = os.path.dirname(os.path.abspath(__file__))
data = os.path.join(here, "..", "Sources", "ReadoutEngine", "Data")
train = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "corpora", "polnear", "train")

pos = {}
for line in open(os.path.join(data, "pos-lexicon.tsv"), encoding="utf-8"):
    if line.startswith("#"): continue
    f = line.rstrip("\n").split("\t")
    if len(f) >= 4: pos[f[0]] = (f[1], float(f[2]), f[3])
known = set()
for line in open(os.path.join(data, "cue-verbs.txt"), encoding="utf-8"):
    if line.startswith("#") or not line.strip(): continue
    known.update(w for form in line.split("\t")[1].split("|") for w in form.split())

occ, cue = collections.Counter(), collections.Counter()
articles = 0
for tp in sorted(glob.glob(os.path.join(train, "text", "*.txt"))):
    stem = os.path.basename(tp)[:-4]
    anns = sorted(p for p in glob.glob(os.path.join(train, "attributions", glob.escape(stem) + "_*.ann"))
                  if re.fullmatch(re.escape(stem) + r"_[0-9a-f]+\.ann", os.path.basename(p)))
    if not anns: continue
    articles += 1
    text = open(tp, encoding="utf-8").read()
    occ.update(m.group().lower() for m in re.finditer(r"[A-Za-z]+", text))
    seen = set()
    for line in open(anns[0], encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) > 2 and re.fullmatch(r"T\d+", f[0]) and f[1].startswith("Cue "):
            for span in f[1].split(" ", 1)[1].split(";"):
                a, b = map(int, span.split())
                for m in re.finditer(r"[A-Za-z]+", text[a:b]): seen.add((a + m.start(), m.group().lower()))
    cue.update(w for _, w in seen)

by_lemma = collections.defaultdict(list)
for w, c in cue.items():
    share = c / occ[w] if occ[w] else 0
    p = pos.get(w)
    if c < MIN_CUE or share < MIN_SHARE or w in known or not p or p[2] in ACTION or p[0] != "VERB" or p[1] < 0.5: continue
    by_lemma[p[2]].append((w, c, occ[w]))

print("# Cue words derived from counts in PolNeAR's train split (github networkdynamics/PolNeAR v1.0.0, train;")
print(f"# {articles} articles; dev and test not used) by scripts/derive-cues.py: verbs marked as a cue at least {MIN_CUE} times")
print(f"# and in at least {int(MIN_SHARE * 100)}% of their uses. Do not edit: remake with `make cues`. Hand-curated cues in")
print("# cue-verbs.txt win. Columns as in cue-verbs.txt (lemma, forms, frame); a last column gives cue/occurrence counts.")
for lemma in sorted(by_lemma):
    forms = sorted(by_lemma[lemma])
    frame = "belief" if lemma in BELIEF else "object"
    counts = " ".join(f"{w}:{c}/{o}" for w, c, o in forms)
    print(f"{lemma}\t{'|'.join(w for w, _, _ in forms)}\t{frame}\t{counts}")
