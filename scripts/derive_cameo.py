#!/usr/bin/env python3
"""Derives data/cameo/cameo_plover.tsv from the CAMEO→PLOVER conversion table.

Source: openeventdata/PLOVER, CAMEO2PLOVER table, Draft 0.8 (17 Sept 2021), © Open Event Data Alliance,
CC BY-SA 4.0. The derived file keeps only facts: each CAMEO code, its PLOVER type and mode, and its name.
Usage: python3 scripts/derive_cameo.py ../shared/reference/CAMEO2PLOVER-2021.txt > data/cameo/cameo_plover.tsv
"""
import re
import sys

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/CAMEO2PLOVER-2021.txt"
print("# code\tplover\tmode\tname")
print("# Derived by scripts/derive_cameo.py from the CAMEO2PLOVER table of openeventdata/PLOVER (Draft 0.8,")
print("# 17 Sept 2021), (c) Open Event Data Alliance, CC BY-SA 4.0.")
seen = set()
for line in open(src, encoding="utf-8"):
    m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,\s*([^,]*?)\s*,[^#]*#\s*(.*?)\s*$", line)
    if not m:
        continue
    code, plover, mode, name = m.groups()
    if code in seen:
        continue
    seen.add(code)
    print(f"{code}\t{plover}\t{mode.strip()}\t{name}")
