//! Places: which words of an article name a place, and where that place is.
//!
//! A country after a place preposition ("di Ukraina") or with a compass word ("Ukraina tengah",
//! "Rusia selatan") is a place, the latter a region of the country; a capitalised name after a place
//! preposition or head ("di wilayah Lviv") is looked up in the gazetteer; large cities are places
//! wherever they appear. Ambiguous names are settled by the countries the article talks about.

use crate::actors::ActorSpan;
use crate::mentions::{Kind, Mention};
use crate::model::Location;
use std::collections::HashSet;
use warta_geo::{Gazetteer, Place, PlaceKind};
use warta_text::Doc;

#[derive(Debug, Clone)]
pub struct PlaceMention {
    /// Token range of the words naming the place (with its compass word).
    pub start: usize,
    pub end: usize,
    pub location: Location,
    /// Why these words were taken for a place, for `warta geocode`.
    pub rule: &'static str,
    /// The gazetteer's candidates for the words, best first, with their scores.
    pub candidates: Vec<(Place, f64)>,
}

/// Candidates kept per mention in the output: enough to debug a choice, cheap to copy.
const CANDIDATES_KEPT: usize = 10;

impl PlaceMention {
    /// The output form, with character offsets and the candidates for `warta geocode`.
    pub fn to_ref(&self, doc: &Doc) -> crate::model::PlaceRef {
        crate::model::PlaceRef {
            start: doc.tokens[self.start].cstart,
            end: doc.tokens[self.end - 1].cend,
            location: self.location.clone(),
            rule: self.rule.to_string(),
            candidates: self
                .candidates
                .iter()
                .take(CANDIDATES_KEPT)
                .map(|(p, score)| crate::model::Candidate {
                    name: p.name.clone(),
                    country: p.country_iso3.clone(),
                    kind: kind_name(p.kind).to_string(),
                    admin1: p.admin1.clone(),
                    population: p.population,
                    geonames_id: p.geonames_id,
                    score: *score,
                })
                .collect(),
        }
    }

    fn new(doc: &Doc, start: usize, end: usize, place: &Place, rule: &'static str, candidates: Vec<(Place, f64)>) -> Self {
        PlaceMention { start, end, location: location_of(doc.span_text(start, end), place), rule, candidates }
    }
}

pub struct PlaceFinder {
    prepositions: HashSet<String>,
    /// Motion and visit words ("ke", "to", "visited"): a city or capital after them is a place, a country is not
    /// (a country after "to" is as often a recipient as a destination).
    motion: HashSet<String>,
    /// Words after a name that make it a first-level region ("Washington state").
    region_markers: HashSet<String>,
    /// A sentence-initial function word that happens to be a place name ("Para") is the function word.
    function_words: HashSet<String>,
    /// "southern Russia" is computed from the country's cities: once per (country, direction).
    regions: std::sync::Mutex<std::collections::HashMap<(String, String), Option<Place>>>,
}

/// A capitalised name from the name tagger, as the place stage reads it.
pub struct NameRef {
    pub start: usize,
    pub end: usize,
    /// The tagger called it a place.
    pub place: bool,
    /// The tagger called it an organisation: only a city at its end can be a place ("Pengadilan Negeri Surabaya").
    pub org: bool,
}

/// Score added to a candidate in the country (and first-level region) that encloses the mention:
/// "Paris, Texas", "Yala di Thailand selatan". Larger than any population difference, because the text says it.
const BONUS_CONTAINER: f64 = 6.0;
const BONUS_CONTAINER_ADMIN1: f64 = 3.0;
/// Score added to a candidate in a country named as a place or actor in the same sentence.
const BONUS_SENTENCE: f64 = 2.0;
const SEAT: &str = "city at the end of a name";
/// A seat named by another language's name for the city must be at least this large.
const SEAT_EXONYM_POPULATION: u64 = 1_000_000;

/// Smallest city taken as a place with nothing but the tagger's label or an organisation name behind it.
const UNINTRODUCED_POPULATION: u64 = 20_000;

/// The place that encloses a mention, when the text says so right after it.
#[derive(Clone)]
struct Container {
    country: String,
    admin1: Option<String>,
}

pub fn kind_name(k: PlaceKind) -> &'static str {
    match k {
        PlaceKind::Country => "country",
        PlaceKind::Region => "admin1",
        PlaceKind::District => "admin2",
        PlaceKind::City => "city",
        PlaceKind::Directional => "region",
    }
}

pub fn location_of(text: &str, p: &Place) -> Location {
    Location {
        text: text.to_string(),
        name: p.name.clone(),
        country: p.country_iso3.clone(),
        lat: (p.lat * 1e4).round() / 1e4,
        lon: (p.lon * 1e4).round() / 1e4,
        geonames_id: p.geonames_id,
        kind: kind_name(p.kind).to_string(),
    }
}

/// A gazetteer name waiting for its context before it is resolved.
struct Pending {
    start: usize,
    end: usize,
    /// Token range of the name itself (without a compass word after it).
    name: (usize, usize),
    rule: &'static str,
    /// Must some evidence beyond the words themselves back it (a container, or a large enough place)?
    weak: bool,
}

impl PlaceFinder {
    pub fn new(pack: &warta_lang::Pack) -> Self {
        let a = &pack.actors;
        let lower = |v: &[String]| v.iter().map(|w| w.to_lowercase()).collect::<HashSet<_>>();
        PlaceFinder {
            prepositions: a.place_prepositions.iter().chain(&a.place_heads).map(|w| w.to_lowercase()).collect(),
            motion: lower(&a.place_motion),
            region_markers: lower(&a.region_markers),
            function_words: lower(&pack.general.function_words),
            regions: Default::default(),
        }
    }

    /// True if a place word stands right before token `start`; `head_ends` marks where place heads end.
    fn introduced(&self, doc: &Doc, head_ends: &HashSet<usize>, start: usize) -> bool {
        start > 0 && (self.prepositions.contains(&doc.tokens[start - 1].lower) || head_ends.contains(&start))
    }

    fn after_motion(&self, doc: &Doc, start: usize) -> bool {
        start > 0 && self.motion.contains(&doc.tokens[start - 1].lower)
    }

    /// The countries an article is about, most mentioned first, for settling ambiguous names. A capital
    /// standing for its government ("Tripoli") is left out: it is the ambiguous name itself.
    pub fn context_countries(spans: &[ActorSpan], mentions: &[Mention]) -> Vec<String> {
        let metonyms: HashSet<(usize, usize)> = mentions.iter().filter(|m| matches!(m.kind, Kind::Metonym { .. })).map(|m| (m.start, m.end)).collect();
        let mut counts: Vec<(String, usize)> = Vec::new();
        for s in spans.iter().filter(|s| !metonyms.contains(&(s.start, s.end))) {
            for c in s.actors.iter().filter_map(|a| a.country.as_ref()) {
                match counts.iter_mut().find(|(x, _)| x == c) {
                    Some(e) => e.1 += 1,
                    None => counts.push((c.clone(), 1)),
                }
            }
        }
        counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        counts.into_iter().map(|(c, _)| c).collect()
    }

    fn region(&self, geo: &Gazetteer, iso3: &str, dir: &str) -> Option<Place> {
        match self.regions.lock() {
            Ok(mut cache) => cache.entry((iso3.to_string(), dir.to_string())).or_insert_with(|| geo.directional(iso3, dir)).clone(),
            Err(_) => geo.directional(iso3, dir),
        }
    }

    pub fn find(&self, doc: &Doc, mentions: &[Mention], names: &[NameRef], spans: &[ActorSpan], context: &[String]) -> Vec<PlaceMention> {
        let geo = Gazetteer::embedded();
        let ctx: Vec<&str> = context.iter().map(String::as_str).collect();
        let head_ends: HashSet<usize> = mentions.iter().filter(|m| matches!(m.kind, Kind::PlaceHead)).map(|m| m.end).collect();
        let directions: std::collections::HashMap<usize, (String, usize)> = mentions
            .iter()
            .filter_map(|m| match &m.kind {
                Kind::Direction(d) => Some((m.start, (d.clone(), m.end))),
                _ => None,
            })
            .collect();
        let direction_at = |end: usize| directions.get(&end).cloned();
        // English puts the compass word first: "southern Russia".
        let direction_before: std::collections::HashMap<usize, (String, usize)> = mentions
            .iter()
            .filter_map(|m| match &m.kind {
                Kind::Direction(d) => Some((m.end, (d.clone(), m.start))),
                _ => None,
            })
            .collect();

        // Countries and compass regions are certain; names wait until the containers around them are known.
        let mut out = Vec::new();
        let mut pending: Vec<Pending> = Vec::new();
        let mut countries_at: Vec<(usize, usize, String)> = Vec::new();
        for m in mentions {
            let introduced = self.introduced(doc, &head_ends, m.start);
            match &m.kind {
                Kind::Country(iso3) => {
                    let compass = direction_at(m.end).map(|(d, end)| (d, m.start, end)).or_else(|| direction_before.get(&m.start).map(|(d, start)| (d.clone(), *start, m.end)));
                    if let Some((dir, start, end)) = compass {
                        if let Some(p) = self.region(geo, iso3, &dir) {
                            out.push(PlaceMention::new(doc, start, end, &p, "country with a compass word", Vec::new()));
                            continue;
                        }
                    }
                    countries_at.push((m.start, m.end, iso3.clone()));
                    if introduced {
                        if let Some(p) = geo.country(iso3) {
                            out.push(PlaceMention::new(doc, m.start, m.end, p, "country after a place word", Vec::new()));
                        }
                    }
                }
                Kind::Metonym { .. } if introduced || self.after_motion(doc, m.start) => {
                    pending.push(Pending { start: m.start, end: m.end, name: (m.start, m.end), rule: "capital after a place word", weak: false });
                }
                Kind::Place(_) if m.end - m.start == 1 && doc.sentences[doc.sentence_of(m.start)].tokens.start == m.start && self.function_words.contains(&doc.tokens[m.start].lower) => {}
                Kind::Place(_) => pending.push(Pending { start: m.start, end: m.end, name: (m.start, m.end), rule: "large city", weak: false }),
                _ => {}
            }
        }
        let mut occupied = vec![false; doc.tokens.len()];
        for p in out.iter().map(|p| (p.start, p.end)).chain(pending.iter().map(|p| (p.start, p.end))) {
            occupied[p.0..p.1].iter_mut().for_each(|o| *o = true);
        }
        // A full personal name is not a place, nor is a word glued to one, whatever the tagger thought of it
        // ("Vladimir Putin"). A lone word the actor stage took for a person may still be a place ("Hualien").
        let (mut person_starts, mut person_ends) = (HashSet::new(), HashSet::new());
        for s in spans {
            if let Some((a, b)) = s.person {
                person_starts.insert(a);
                person_ends.insert(b);
                if b - a >= 2 {
                    occupied[a..b].iter_mut().for_each(|o| *o = true);
                }
            }
        }
        for n in names {
            let (a, b) = (n.start, n.end);
            if occupied[a..b].iter().any(|&o| o) || (person_starts.contains(&b) || person_ends.contains(&a)) && !self.introduced(doc, &head_ends, a) {
                continue;
            }
            let end = direction_at(b).map(|(_, e)| e).unwrap_or(b);
            if n.org || n.place && b - a >= 2 && geo.resolve(doc.span_text(a, b), &[]).is_none() {
                // An organisation or building named after its seat ("Pengadilan Negeri Surabaya", "Istana
                // Bogor"): the last word may be the city it stands in.
                if b - a >= 2 {
                    pending.push(Pending { start: b - 1, end: b, name: (b - 1, b), rule: SEAT, weak: true });
                }
            } else if self.introduced(doc, &head_ends, a) {
                pending.push(Pending { start: a, end, name: (a, b), rule: "name after a place word", weak: false });
            } else if self.after_motion(doc, a) {
                pending.push(Pending { start: a, end, name: (a, b), rule: "name after a motion word", weak: true });
            } else if n.place {
                pending.push(Pending { start: a, end, name: (a, b), rule: "name the tagger reads as a place", weak: true });
            } else if end < doc.tokens.len() && (doc.token_text(end) == "," || self.prepositions.contains(&doc.tokens[end].lower)) {
                // Any other name is a place only inside a place named right after it: look no further
                // unless something follows that could name one.
                pending.push(Pending { start: a, end, name: (a, b), rule: "name inside a place", weak: true });
            }
        }
        pending.sort_by_key(|p| p.start);

        // What each sentence names as a country, for settling names in it.
        let mut sentence_countries: std::collections::HashMap<usize, HashSet<String>> = std::collections::HashMap::new();
        let metonyms: HashSet<(usize, usize)> = mentions.iter().filter(|m| matches!(m.kind, Kind::Metonym { .. })).map(|m| (m.start, m.end)).collect();
        for s in spans.iter().filter(|s| !metonyms.contains(&(s.start, s.end))) {
            let set = sentence_countries.entry(doc.sentence_of(s.start)).or_default();
            set.extend(s.actors.iter().filter_map(|a| a.country.clone()));
        }
        for p in &out {
            sentence_countries.entry(doc.sentence_of(p.start)).or_default().insert(p.location.country.clone());
        }

        // The enclosing place named right after a mention: ", Texas", "di Taiwan timur", ", in western Russia".
        // A name may hold several readings ("Georgia" the country or the US state); each is a container.
        let containers_at = |from: usize, pending: &[Pending], out: &[PlaceMention]| -> (Vec<Container>, Option<(usize, usize)>) {
            let sent_end = doc.sentences[doc.sentence_of(from.saturating_sub(1))].tokens.end;
            let mut i = from;
            if i < sent_end && doc.token_text(i) == "," {
                i += 1;
            }
            if i < sent_end && self.prepositions.contains(&doc.tokens[i].lower) {
                i += 1;
            }
            if i == from || i >= sent_end {
                return (Vec::new(), None);
            }
            let mut found = Vec::new();
            let mut country_span = None;
            let mut text_end = None;
            if let Some(p) = out.iter().find(|p| p.start == i) {
                found.push(Container { country: p.location.country.clone(), admin1: None });
                text_end = Some(p.end).filter(|_| p.location.kind == "country");
            } else if let Some((_, e, c)) = countries_at.iter().find(|(s, _, _)| *s == i) {
                found.push(Container { country: c.clone(), admin1: None });
                country_span = Some((i, *e));
                text_end = Some(*e);
            }
            let end = text_end.or_else(|| pending.iter().find(|p| p.start == i).map(|p| p.name.1));
            if let Some(r) = end.and_then(|e| geo.resolve(doc.span_text(i, e), &[])) {
                for (c, _) in r.candidates.iter().filter(|(c, _)| matches!(c.kind, PlaceKind::Region | PlaceKind::District | PlaceKind::Country)) {
                    found.push(Container { country: c.country_iso3.clone(), admin1: c.admin1.clone().filter(|_| c.kind != PlaceKind::Country) });
                }
            }
            (found, country_span)
        };

        let mut resolved: Vec<PlaceMention> = Vec::new();
        let mut appositions: Vec<((usize, usize), String)> = Vec::new();
        for p in &pending {
            let text = doc.span_text(p.name.0, p.name.1);
            let Some(r) = geo.resolve(text, &ctx) else { continue };
            let (containers, country_span) = containers_at(p.end, &pending, &out);
            let here = sentence_countries.get(&doc.sentence_of(p.start));
            let region_marked = p.end < doc.tokens.len() && self.region_markers.contains(&doc.tokens[p.end].lower);
            let mut scored: Vec<(Place, f64)> = r
                .candidates
                .into_iter()
                .map(|(c, mut s)| {
                    let inside = containers.iter().filter(|k| k.country == c.country_iso3);
                    let best_fit = inside.map(|k| BONUS_CONTAINER + if k.admin1.is_some() && c.admin1 == k.admin1 && matches!(c.kind, PlaceKind::City | PlaceKind::District) { BONUS_CONTAINER_ADMIN1 } else { 0.0 }).fold(0.0, f64::max);
                    s += best_fit;
                    if here.is_some_and(|h| h.contains(&c.country_iso3)) {
                        s += BONUS_SENTENCE;
                    }
                    if region_marked && c.kind == PlaceKind::Region {
                        s += BONUS_CONTAINER;
                    }
                    (c, s)
                })
                .collect();
            scored.sort_by(|a, b| b.1.total_cmp(&a.1));
            let best = scored[0].0.clone();
            let contained = containers.iter().any(|k| k.country == best.country_iso3);
            // A bare name is a place only when something backs it: the place it sits in, or its size.
            if p.weak && !contained && !(best.kind != PlaceKind::City || best.population >= UNINTRODUCED_POPULATION) {
                continue;
            }
            if p.weak && (p.rule == "name inside a place" && !contained || p.rule == SEAT && best.kind != PlaceKind::City) {
                continue;
            }
            // A seat goes by the city's own name, or is a city big enough to be known by others ("Universitas
            // Kairo"): "The Fame Monster" does not stand in Münster, whose Dutch name is Monster.
            if p.rule == SEAT && warta_geo::normalize(&best.name) != warta_geo::normalize(text) && best.population < SEAT_EXONYM_POPULATION {
                continue;
            }
            if let (Some(span), true) = (country_span, contained) {
                appositions.push((span, best.country_iso3.clone()));
            }
            let end = if region_marked { p.end + 1 } else { p.end };
            resolved.push(PlaceMention::new(doc, p.start, end, &best, p.rule, scored));
        }
        // "Vientiane, Laos": the country after a place that lies in it is a place too; "Savannah, Georgia"
        // makes Georgia the US state, not the country.
        for ((a, b), iso3) in appositions {
            if out.iter().any(|p| p.start == a) {
                continue;
            }
            let text = doc.span_text(a, b);
            let reading = geo.lookup(text).into_iter().find(|p| p.country_iso3 == iso3 && matches!(p.kind, PlaceKind::Region | PlaceKind::Country)).cloned();
            if let Some(place) = reading {
                out.push(PlaceMention::new(doc, a, b, &place, "place holding the place before it", Vec::new()));
            }
        }
        out.extend(resolved);
        out.sort_by_key(|p| p.start);
        out.dedup_by_key(|p| p.start);
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::extract;

    fn places(text: &str) -> Vec<(String, String, String)> {
        let r = extract(text);
        r.events.iter().filter_map(|e| e.location.clone()).map(|l| (l.text, l.country, l.kind)).collect()
    }

    #[test]
    fn compass_words_make_a_region_of_the_country() {
        let p = places("Rusia menyerang sebuah desa di Ukraina timur pada Senin.");
        assert_eq!(p, [("Ukraina timur".to_string(), "UKR".to_string(), "region".to_string())]);
    }

    #[test]
    fn names_after_place_words_are_geocoded() {
        let p = places("Polisi Indonesia menangkap dua pengedar di Kota Bandung.");
        assert_eq!(p[0].1, "IDN");
        let p = places("Militer Rusia menyerang gedung di wilayah Kharkiv.");
        assert_eq!((p[0].0.as_str(), p[0].1.as_str()), ("Kharkiv", "UKR"));
    }

    #[test]
    fn washington_is_the_capital_in_a_us_story() {
        let r = extract("Presiden AS Joe Biden akan bertemu Presiden Indonesia di Washington bulan depan.");
        let l = r.events[0].location.as_ref().unwrap();
        assert_eq!((l.name.as_str(), l.country.as_str()), ("Washington", "USA"));
        assert!(l.lon < -76.0 && l.lon > -78.0);
    }

    #[test]
    fn a_name_ends_in_its_seat_only_under_the_city_s_own_name() {
        let seats = |text: &str| -> Vec<String> { extract(text).places.into_iter().map(|p| p.location.name).collect() };
        assert_eq!(seats("Ia disidang di Pengadilan Negeri Surabaya kemarin."), ["Surabaya"]);
        assert_eq!(seats("Ia kuliah di Universitas Kairo selama empat tahun."), ["Cairo"]);
        // Monster is the Dutch name of Münster, a city too small to be known by it.
        assert!(seats("Album keduanya, The Fame Monster (2009), laris.").is_empty());
    }

    #[test]
    fn no_place_rather_than_a_guess() {
        let r = extract("Presiden Rusia mengecam Amerika Serikat.");
        assert!(r.events[0].location.is_none());
    }
}
