#!/usr/bin/env python3
"""Derives data/geo/world.json, the dashboard's country outlines, keyed by ISO 3166-1 alpha-3.

Sources (fetched with the ordinary package clients, into a temporary folder):
  - npm `world-atlas` 2.0.2: Natural Earth 1:110m admin-0 countries as TopoJSON (public domain), whose
    feature ids are ISO 3166-1 numeric codes;
  - PyPI `pycountry` 24.6.1: its ISO 3166-1 table, to turn numeric codes into alpha-3.

Each country becomes one SVG path in an equirectangular projection (x = longitude, y = -latitude, in
degrees, one decimal: about 11 km, finer than the 1:110m data). Run: python3 scripts/derive_world.py
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import zipfile

OUT = os.path.join(os.path.dirname(__file__), "..", "data", "geo", "world.json")
# Natural Earth features without an ISO numeric code: Kosovo has the user-assigned code GeoNames uses too.
NO_NUMERIC = {"Kosovo": "XKX"}


def fetch(tmp):
    subprocess.run(["npm", "pack", "world-atlas@2.0.2", "--silent"], cwd=tmp, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", tmp, "pycountry==24.6.1"], check=True)
    subprocess.run(["tar", "xzf", glob.glob(os.path.join(tmp, "world-atlas-*.tgz"))[0], "-C", tmp], check=True)
    topo = json.load(open(os.path.join(tmp, "package", "countries-110m.json")))
    with zipfile.ZipFile(glob.glob(os.path.join(tmp, "pycountry-*.whl"))[0]) as z:
        iso = json.loads(z.read("pycountry/databases/iso3166-1.json"))["3166-1"]
    return topo, {c["numeric"]: c["alpha_3"] for c in iso}


def decode_arcs(topo):
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring(arcs, idx):
    pts = []
    for i in idx:
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        # Consecutive arcs share their joining point.
        pts.extend(a if not pts else a[1:])
    return pts


def unwrap(pts):
    """A ring crossing the antimeridian (Russia's Chukotka, Fiji) is drawn whole east of it: its points west
    of 0 move by 360 degrees, so no edge runs across the whole map."""
    if all(abs(a[0] - b[0]) <= 180 for a, b in zip(pts, pts[1:])):
        return pts
    if any(abs(lat) > 85 for _, lat in pts):
        return pts  # Antarctica runs along the edge of the map on purpose
    return [(lon + 360 if lon < 0 else lon, lat) for lon, lat in pts]


def path(rings):
    out = []
    for pts in map(unwrap, rings):
        cells = []
        for lon, lat in pts:
            c = f"{lon:.1f} {-lat:.1f}"
            if not cells or cells[-1] != c:
                cells.append(c)
        if len(cells) >= 3:
            out.append("M" + "L".join(cells) + "Z")
    return "".join(out)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        topo, numeric = fetch(tmp)
    arcs = decode_arcs(topo)
    countries = []
    for g in topo["objects"]["countries"]["geometries"]:
        name = g["properties"]["name"]
        polys = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        d = path([ring(arcs, r) for p in polys for r in p])
        iso3 = numeric.get(g.get("id")) or NO_NUMERIC.get(name)
        if d:
            countries.append({"iso3": iso3, "name": name, "d": d})
    countries.sort(key=lambda c: (c["iso3"] or "~", c["name"]))
    doc = {
        "source": "Natural Earth 1:110m admin-0 countries (public domain), via npm world-atlas 2.0.2; "
        "ISO codes from pycountry 24.6.1. Derived by scripts/derive_world.py.",
        "projection": "equirectangular: x = longitude, y = -latitude (degrees)",
        "countries": countries,
    }
    with open(OUT, "w") as f:
        json.dump(doc, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(f"{OUT}: {len(countries)} countries, {os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    main()
