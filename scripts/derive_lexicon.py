#!/usr/bin/env python3
"""Derive a language pack's frequent words (lang/<code>/lexicon.txt, vocabulary.txt).

Source: the word frequency lists of the `wordfreq` PyPI package (version 3.1.1; its
data is CC BY-SA 4.0, compiled by Robyn Speer from Wikipedia, subtitles, news, books,
web text and social media). Usage:

    pip install wordfreq==3.1.1
    pip install PySastrawi==1.2.0              # for Indonesian only, see below
    python3 scripts/derive_lexicon.py id      # writes lang/id/lexicon.txt and vocabulary.txt
    python3 scripts/derive_lexicon.py id --check

The name tagger reads the lexicon as evidence against a person: a lone capitalised
word that nothing else labels, that is a frequent word of the language and that is not
a common personal name (data/names/persons.tsv) is more likely a title, a brand or a
common noun written with a capital ("Sumur", "Tsunami") than a person.

Frequency lists also hold the names of public figures, brands and borrowed English
words ("jokowi", "unilever", "where"). Where a language has a dictionary of root
words on PyPI, the frequent words it confirms (a root, or a word whose stem is one)
also go to vocabulary.txt: the language's own common words. A personal name that is
one of them ("Kembali") needs more than the name list to count as a name. For
Indonesian the dictionary is the root list and stemmer of `PySastrawi` 1.2.0 (MIT),
itself compiled from the KBBI.
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


def sastrawi(words: list[str]) -> list[str]:
    """PyPI PySastrawi 1.2.0 (MIT): a root of its dictionary, or a word whose stem is one."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    spec = importlib.util.find_spec("Sastrawi")
    with open(os.path.join(os.path.dirname(spec.origin), "Stemmer", "data", "kata-dasar.txt"), encoding="utf-8") as f:
        roots = {line.strip() for line in f}
    stemmer = StemmerFactory().create_stemmer()
    return [w for w in words if w in roots or stemmer.stem(w) in roots]


DICTIONARIES = {"id": sastrawi}


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
    print(f"{len(words)} frequent words")
    confirm = DICTIONARIES.get(args.lang)
    confirmed = confirm(words) if confirm else []
    print(f"{len(confirmed)} confirmed by the dictionary")
    if args.check:
        return
    source = "# Derived by scripts/derive_lexicon.py from PyPI wordfreq 3.1.1 (data CC BY-SA 4.0)"
    with open(os.path.join(ROOT, "lang", args.lang, "lexicon.txt"), "w", encoding="utf-8") as f:
        f.write("# Frequent words of this language, one per line (at least one use in a million words).\n")
        f.write(source + ".\n")
        f.write("\n".join(words) + "\n")
    if confirmed:
        with open(os.path.join(ROOT, "lang", args.lang, "vocabulary.txt"), "w", encoding="utf-8") as f:
            f.write("# The frequent words of lexicon.txt that the language's dictionary confirms as its own words.\n")
            f.write(source + f",\n# confirmed by {confirm.__doc__.strip()}\n")
            f.write("\n".join(confirmed) + "\n")


if __name__ == "__main__":
    main()
