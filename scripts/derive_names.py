#!/usr/bin/env python3
"""Derive Warta's list of personal name words (data/names/persons.tsv).

Source: the `names-dataset` PyPI package (version 3.3.1, MIT licence), which counts
first and last names per country. Usage:

    pip install names-dataset==3.3.1
    python3 scripts/derive_names.py           # writes data/names/persons.tsv
    python3 scripts/derive_names.py --check   # only report what it would write

The name tagger uses the list as evidence, never as a verdict: a run of capitalised
words with nothing else to say what it names is taken for a person only when one of
its words is a personal name somewhere in the world. A word is kept when it is among
the MAX_RANK most common first (or last) names of at least one country, so rare
spellings and one-off entries (which include ordinary words) stay out.
"""

from __future__ import annotations

import argparse
import gzip
import os
import pickle
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "names", "persons.tsv")
MAX_RANK = 5000
# Names this common somewhere are strong evidence even when the word is also a frequent common word:
# the source counts self-declared names, and ordinary words ("Kembali", "Musik") reach its lower ranks.
STRONG_RANK = 1000
# One capitalised Latin-script word: the tagger matches names word by word.
WORD = re.compile(r"^[A-Z][a-z]+(?:['-][A-Za-z][a-z]+)?$")


def load(kind: str) -> dict:
    import importlib.util

    # Read the package's data files directly: importing it pulls in dependencies the data doesn't need.
    spec = importlib.util.find_spec("names_dataset")
    base = os.path.join(os.path.dirname(spec.origin), "v3")
    with gzip.open(os.path.join(base, f"{kind}_names.pkl.gz")) as f:
        return pickle.load(f)


def common(table: dict, max_rank: int) -> set[str]:
    return {
        name
        for name, info in table.items()
        if WORD.match(name) and info.get("rank") and min(info["rank"].values()) <= max_rank
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    first_table, last_table = load("first"), load("last")
    first, last = common(first_table, MAX_RANK), common(last_table, MAX_RANK)
    strong = {n.lower() for n in common(first_table, STRONG_RANK) | common(last_table, STRONG_RANK)}
    # Lower-cased and sorted byte-wise, so the tagger can binary-search the embedded text without
    # loading it (a spelling that is both a first and a last name keeps both flags).
    flags: dict[str, str] = {}
    for name in first | last:
        f = flags.setdefault(name.lower(), "")
        flags[name.lower()] = "".join(sorted(set(f + ("F" if name in first else "") + ("L" if name in last else ""))))
    for word in flags:
        if word in strong:
            flags[word] += "S"
    rows = [f"{w}\t{flags[w]}" for w in sorted(flags, key=lambda w: w.encode())]
    print(f"{len(first)} first names, {len(last)} last names, {len(rows)} words")
    if args.check:
        return
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Personal name words: F = a common first name, L = a common last name, in some country;\n")
        f.write(f"# S = among the {STRONG_RANK} most common in some country.\n")
        f.write(f"# Derived by scripts/derive_names.py from PyPI names-dataset 3.3.1 (MIT); rank <= {MAX_RANK}.\n")
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
