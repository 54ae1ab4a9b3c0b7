#!/usr/bin/env python3
"""Builds examples/articles.jsonl from the plain-text example articles.

Each example file is a title line, a blank line and the paragraphs. One JSON object per article, in the
input contract of DESIGN.md §1: {"id", "title", "text", "published"?, "lang"?}. The id is the file name
without ".txt"; "text" is the body after the title. The seed carries no publication date or language, so
Warta infers both; the four written examples give theirs.

Usage: python3 scripts/make_examples_jsonl.py   (from anywhere; rewrites examples/articles.jsonl)
"""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# Publication dates of the written examples: the day of the last dated event each reports.
PUBLISHED = {
    "id-gempa-bantuan": "2024-01-25",
    "id-insiden-natuna": "2024-10-10",
    "id-protes-jakarta": "2024-08-12",
    "id-sanksi-diplomat": "2024-03-15",
}


def record(path: Path) -> dict:
    raw = path.read_text(encoding="utf-8")
    title, sep, body = raw.partition("\n\n")
    if not sep or "\n" in title.strip():
        raise SystemExit(f"{path}: expected a title line, a blank line, then the text")
    rec = {"id": path.stem, "title": title.strip(), "text": body.rstrip()}
    if path.stem in PUBLISHED:
        rec["published"] = PUBLISHED[path.stem]
        rec["lang"] = "id"
    return rec


def main() -> None:
    files = [EXAMPLES / "seed-id.txt"] + sorted(EXAMPLES.glob("id-*.txt"))
    missing = set(PUBLISHED) - {f.stem for f in files}
    if missing:
        raise SystemExit(f"example files missing: {sorted(missing)}")
    out = EXAMPLES / "articles.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for path in files:
            f.write(json.dumps(record(path), ensure_ascii=False) + "\n")
    print(f"wrote {len(files)} articles to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
