//! Geocoding accuracy on place mentions in sentences written for Warta (tests/data/places.jsonl),
//! Indonesian and English, many of them ambiguous on purpose: Washington the capital or the state, Paris in
//! France or Texas, Tripoli in Libya or Lebanon, London in England or Ontario, Córdoba, Valencia,
//! Birmingham, Alexandria. A gold mention counts at country level when a place the article reports overlaps
//! it and lies in the gold country, and as exact when its gazetteer name is the gold one as well.
//! The bar is the issue's: ≥ 0.95 of mentions right at country level, ≥ 0.85 exactly.

use chrono::NaiveDate;
use serde::Deserialize;
use warta_core::{Article, Extractor};

#[derive(Deserialize)]
struct Case {
    lang: String,
    text: String,
    gold: Vec<Gold>,
}

#[derive(Deserialize)]
struct Gold {
    mention: String,
    country: String,
    name: String,
}

#[derive(Default, Debug)]
struct Score {
    mentions: usize,
    country: usize,
    exact: usize,
    misses: Vec<String>,
    /// Places reported where the gold has none: words wrongly taken for a place.
    extra: Vec<String>,
}

fn score(data: &str, file: &str) -> Score {
    let ex = Extractor::new(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()).expect("packs load");
    let mut s = Score::default();
    for (line, raw) in data.lines().enumerate() {
        let case: Case = serde_json::from_str(raw).unwrap_or_else(|e| panic!("{file}:{}: {e}", line + 1));
        let r = ex.extract(&Article { text: case.text.clone(), lang: Some(case.lang.clone()), published: Some("2024-06-19".into()), ..Default::default() });
        let spans: Vec<(usize, usize)> = case
            .gold
            .iter()
            .map(|g| {
                let byte = case.text.find(&g.mention).expect("gold mention is in the text");
                let start = case.text[..byte].chars().count();
                (start, start + g.mention.chars().count())
            })
            .collect();
        for p in r.places.iter().filter(|p| !spans.iter().any(|&(a, b)| p.start < b && a < p.end)) {
            s.extra.push(format!("{file}:{}: \"{}\" → {} ({})", line + 1, p.location.text, p.location.name, p.location.country));
        }
        for (g, &(start, end)) in case.gold.iter().zip(&spans) {
            s.mentions += 1;
            let found = r.places.iter().find(|p| p.start < end && start < p.end);
            let verdict = match found {
                None => "no place found".to_string(),
                Some(p) => {
                    let l = &p.location;
                    let country = l.country == g.country;
                    let exact = country && warta_geo::normalize(&l.name) == warta_geo::normalize(&g.name);
                    s.country += country as usize;
                    s.exact += exact as usize;
                    if exact {
                        continue;
                    }
                    format!("got {} ({}, {})", l.name, l.country, l.kind)
                }
            };
            s.misses.push(format!("{file}:{}: \"{}\" want {} ({}): {verdict}", line + 1, g.mention, g.name, g.country));
        }
    }
    s
}

/// Prints the figures and the errors, and returns (country accuracy, exact accuracy).
fn report(s: &Score, name: &str) -> (f64, f64) {
    let country = s.country as f64 / s.mentions as f64;
    let exact = s.exact as f64 / s.mentions as f64;
    println!("{name}: {} place mentions: country accuracy {country:.3}, exact place {exact:.3}; {} places reported where none is", s.mentions, s.extra.len());
    for m in s.misses.iter().chain(&s.extra) {
        println!("  {m}");
    }
    (country, exact)
}

#[test]
fn place_mentions_resolve_to_the_right_country_and_place() {
    let s = score(include_str!("data/places.jsonl"), "places.jsonl");
    let (country, exact) = report(&s, "development set");
    assert!(s.mentions >= 150, "the set must hold at least 150 mentions, has {}", s.mentions);
    assert!(country >= 0.95, "country-level accuracy {country:.3} < 0.95");
    assert!(exact >= 0.85, "exact-place accuracy {exact:.3} < 0.85");
    assert!(s.extra.len() <= s.mentions / 20, "{} words wrongly taken for places", s.extra.len());
}

/// Sentences written after the rules were tuned on the development set and never tuned against: the
/// figure to quote. Same bar.
#[test]
fn held_out_place_mentions_resolve_as_well() {
    let s = score(include_str!("data/places-heldout.jsonl"), "places-heldout.jsonl");
    let (country, exact) = report(&s, "held-out set");
    assert!(s.mentions >= 50, "the held-out set must hold at least 50 mentions, has {}", s.mentions);
    assert!(country >= 0.95, "country-level accuracy {country:.3} < 0.95");
    assert!(exact >= 0.85, "exact-place accuracy {exact:.3} < 0.85");
    assert!(s.extra.len() <= s.mentions / 20, "{} words wrongly taken for places", s.extra.len());
}
