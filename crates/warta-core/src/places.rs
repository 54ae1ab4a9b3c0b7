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
}

pub struct PlaceFinder {
    prepositions: HashSet<String>,
    /// "southern Russia" is computed from the country's cities: once per (country, direction).
    regions: std::sync::Mutex<std::collections::HashMap<(String, String), Option<Place>>>,
}

fn kind_name(k: PlaceKind) -> &'static str {
    match k {
        PlaceKind::Country => "country",
        PlaceKind::Region => "admin1",
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

impl PlaceFinder {
    pub fn new(pack: &warta_lang::Pack) -> Self {
        let a = &pack.actors;
        PlaceFinder {
            prepositions: a.place_prepositions.iter().chain(&a.place_heads).map(|w| w.to_lowercase()).collect(),
            regions: Default::default(),
        }
    }

    /// True if a place word stands right before token `start`; `head_ends` marks where place heads end.
    fn introduced(&self, doc: &Doc, head_ends: &HashSet<usize>, start: usize) -> bool {
        start > 0 && (self.prepositions.contains(&doc.tokens[start - 1].lower) || head_ends.contains(&start))
    }

    /// The countries an article is about, most mentioned first, for settling ambiguous names.
    pub fn context_countries(spans: &[ActorSpan]) -> Vec<String> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        for a in spans.iter().flat_map(|s| &s.actors) {
            if let Some(c) = &a.country {
                match counts.iter_mut().find(|(x, _)| x == c) {
                    Some(e) => e.1 += 1,
                    None => counts.push((c.clone(), 1)),
                }
            }
        }
        counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        counts.into_iter().map(|(c, _)| c).collect()
    }

    pub fn find(&self, doc: &Doc, mentions: &[Mention], names: &[(usize, usize)], context: &[String]) -> Vec<PlaceMention> {
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
        let mut out = Vec::new();
        for m in mentions {
            let introduced = self.introduced(doc, &head_ends, m.start);
            match &m.kind {
                Kind::Country(iso3) => {
                    let compass = direction_at(m.end).map(|(d, end)| (d, m.start, end)).or_else(|| direction_before.get(&m.start).map(|(d, start)| (d.clone(), *start, m.end)));
                    if let Some((dir, start, end)) = compass {
                        let region = match self.regions.lock() {
                            Ok(mut cache) => cache.entry((iso3.clone(), dir.clone())).or_insert_with(|| geo.directional(iso3, &dir)).clone(),
                            Err(_) => geo.directional(iso3, &dir),
                        };
                        if let Some(p) = region {
                            out.push(PlaceMention { start, end, location: location_of(doc.span_text(start, end), &p) });
                            continue;
                        }
                    }
                    if introduced {
                        if let Some(p) = geo.country(iso3) {
                            out.push(PlaceMention { start: m.start, end: m.end, location: location_of(doc.span_text(m.start, m.end), p) });
                        }
                    }
                }
                Kind::Metonym { .. } if introduced => {
                    if let Some(r) = geo.resolve(doc.span_text(m.start, m.end), &ctx) {
                        out.push(PlaceMention { start: m.start, end: m.end, location: location_of(doc.span_text(m.start, m.end), &r.place) });
                    }
                }
                Kind::Place(_) => {
                    if let Some(r) = geo.resolve(doc.span_text(m.start, m.end), &ctx) {
                        out.push(PlaceMention { start: m.start, end: m.end, location: location_of(doc.span_text(m.start, m.end), &r.place) });
                    }
                }
                _ => {}
            }
        }
        let mut occupied = vec![false; doc.tokens.len()];
        for p in &out {
            occupied[p.start..p.end].iter_mut().for_each(|o| *o = true);
        }
        for &(a, b) in names {
            if !self.introduced(doc, &head_ends, a) || occupied[a..b].iter().any(|&o| o) {
                continue;
            }
            let text = doc.span_text(a, b);
            if let Some(r) = geo.resolve(text, &ctx) {
                let end = direction_at(b).map(|(_, e)| e).unwrap_or(b);
                out.push(PlaceMention { start: a, end, location: location_of(doc.span_text(a, end), &r.place) });
            }
        }
        out.sort_by_key(|p| p.start);
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
    fn no_place_rather_than_a_guess() {
        let r = extract("Presiden Rusia mengecam Amerika Serikat.");
        assert!(r.events[0].location.is_none());
    }
}
