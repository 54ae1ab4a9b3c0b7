#!/usr/bin/env python3
"""Derive a language pack's lexicon of frequent words (lang/<code>/lexicon.txt).

Source: the word frequency lists of the `wordfreq` PyPI package (version 3.1.1; its
data is CC BY-SA 4.0, compiled by Robyn Speer from Wikipedia, subtitles, news, books,
web text and social media). Usage:

    pip install wordfreq==3.1.1
    python3 scripts/derive_lexicon.py id      # writes lang/id/lexicon.txt
    python3 scripts/derive_lexicon.py id --check

The name tagger reads the lexicon as evidence against a person: a lone capitalised
word that nothing else labels, that is a frequent word of the language and that is not
a common personal name (data/names/persons.tsv) is more likely a title, a brand or a
common noun written with a capital ("Sumur", "Tsunami") than a person. Frequent
names of public figures are in the source too, so the lexicon can only make the
tagger doubt, never decide.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import os
import re

import msgpack

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# wordfreq stores words in buckets of centibels: bucket i holds words of frequency 10^(-i/100).
# Its "small" lists stop at 10^-6, about one use per million words.
WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lang")
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    spec = importlib.util.find_spec("wordfreq")
    path = os.path.join(os.path.dirname(spec.origin), "data", f"small_{args.lang}.msgpack.gz")
    with gzip.open(path) as f:
        buckets = msgpack.load(f, raw=False)[1:]
    words = sorted({w for bucket in buckets for w in bucket if WORD.match(w) and len(w) >= 3})
    print(f"{len(words)} words")
    if args.check:
        return
    out = os.path.join(ROOT, "lang", args.lang, "lexicon.txt")
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"# Frequent words of this language, one per line (at least one use in a million words).\n")
        f.write(f"# Derived by scripts/derive_lexicon.py from PyPI wordfreq 3.1.1 (data CC BY-SA 4.0).\n")
        f.write("\n".join(words) + "\n")


if __name__ == "__main__":
    main()
