//! The seed article (examples/seed-id.txt, described in ../shared/corpus/NOTES.md): the events, quotes,
//! times and inferred publication date an analyst reads in it.

use chrono::NaiveDate;
use warta_core::model::{ArticleResult, Event};
use warta_core::{Article, Extractor};

const SEED: &str = include_str!("../../../examples/seed-id.txt");

fn seed() -> ArticleResult {
    let ex = Extractor::new(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()).unwrap();
    ex.extract(&Article { id: "seed".into(), text: SEED.into(), ..Default::default() })
}

fn countries(actors: &[warta_core::model::Actor]) -> Vec<String> {
    let mut v: Vec<String> = actors.iter().map(|a| a.country.clone().unwrap_or_else(|| a.code.clone())).collect();
    v.sort();
    v
}

fn find<'a>(r: &'a ArticleResult, kind: &str, src: &str, tgt: &str) -> Vec<&'a Event> {
    r.events
        .iter()
        .filter(|e| e.kind == kind && countries(&e.source).contains(&src.to_string()) && countries(&e.target).contains(&tgt.to_string()))
        .collect()
}

fn chars(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn publication_date_is_inferred_from_weekday_agreement() {
    let r = seed();
    assert_eq!(r.lang.as_deref(), Some("id"));
    assert_eq!(r.published.value.as_deref(), Some("2024-06-19"));
    assert!(r.published.inferred);
}

#[test]
fn putin_visits_north_korea_on_19_june() {
    let r = seed();
    let visits = find(&r, "CONSULT", "RUS", "PRK");
    let visit = visits.iter().find(|e| e.date.as_deref() == Some("2024-06-19")).expect("the visit");
    assert_eq!(visit.cameo, "042");
    assert_eq!(visit.source[0].code, "RUSGOV");
    assert_eq!(visit.source[0].name.as_deref(), Some("Vladimir Putin"));
    assert_eq!(visit.location.as_ref().map(|l| l.country.as_str()), Some("PRK"));
    assert_eq!(visit.modality, "asserted");
    // The departure the day before is dated to Tuesday 18 June, not to publication.
    assert!(visits.iter().all(|e| matches!(e.date.as_deref(), Some("2024-06-19" | "2024-06-18"))));
}

#[test]
fn the_treaty_is_support_057_reported_three_times_but_coded_once() {
    let r = seed();
    let mut signings: Vec<&Event> = r.events.iter().filter(|e| e.cameo == "057").collect();
    assert_eq!(signings.len(), 1, "title, lead and Kim's statement are one event: {signings:#?}");
    let e = signings.remove(0);
    assert_eq!(e.kind, "SUPPORT");
    let mut parties = countries(&e.source);
    parties.extend(countries(&e.target));
    parties.sort();
    assert_eq!(parties, ["PRK", "RUS"]);
    assert_eq!(e.date.as_deref(), Some("2024-06-19"));
    assert_eq!(e.date_evidence.source, "sentence");
    assert!(e.also_reported.len() >= 2, "{:?}", e.also_reported);
    assert_eq!(e.location.as_ref().map(|l| l.country.as_str()), Some("PRK"));
    assert_eq!(e.trigger.text, "menandatangani");
    assert_eq!(e.rule, "id.support.sign-agreement");
}

#[test]
fn drone_strikes_are_assaults_placed_where_they_hit() {
    let r = seed();
    let on_ukraine = find(&r, "ASSAULT", "RUS", "UKR");
    assert_eq!(on_ukraine.len(), 1, "{on_ukraine:#?}");
    let e = on_ukraine[0];
    assert_eq!(e.cameo, "195");
    assert_eq!(e.date.as_deref(), Some("2024-06-19"));
    let l = e.location.as_ref().expect("placed");
    assert_eq!(l.country, "UKR");
    assert_eq!(e.modality, "reported", "the Ukrainian authorities report it");

    let on_russia = find(&r, "ASSAULT", "UKR", "RUS");
    assert_eq!(on_russia.len(), 1, "{on_russia:#?}");
    let e = on_russia[0];
    assert_eq!(e.cameo, "195");
    assert_eq!(e.date.as_deref(), Some("2024-06-18"), "sehari sebelumnya");
    assert_eq!(e.source[0].code, "UKRMIL");
    let l = e.location.as_ref().expect("placed");
    assert_eq!((l.country.as_str(), l.kind.as_str()), ("RUS", "region"));
    assert!(l.lat < 52.0, "southern Russia, not the country's centre: {l:?}");
}

#[test]
fn the_war_itself_is_no_event_of_the_day() {
    let r = seed();
    // "perang Rusia – Ukraina masih berlangsung" is background: no ASSAULT from those sentences.
    for e in &r.events {
        assert!(!e.trigger.text.to_lowercase().starts_with("perang"), "{e:#?}");
    }
    assert!(r.events.len() <= 12, "few events an analyst would strike: {}", r.events.len());
}

#[test]
fn nato_warning_and_summit() {
    let r = seed();
    let support = r.events.iter().find(|e| e.modality == "speculative" && countries(&e.source) == ["RUS"] && countries(&e.target) == ["PRK"]).expect("Russia may support North Korea's programmes");
    assert_eq!(support.date.as_deref(), Some("2024-06-18"), "sehari sebelum pertemuan");
    assert!(matches!(support.kind.as_str(), "AID" | "SUPPORT"));

    let summit = find(&r, "AGREE", "IGOWSTNAT", "AUS");
    assert_eq!(summit.len(), 1, "{summit:#?}");
    let e = summit[0];
    assert_eq!(e.cameo, "036");
    assert_eq!(e.modality, "future");
    assert_eq!((e.date.as_deref(), e.date_precision.as_deref()), (Some("2024-07"), Some("month")));
    assert_eq!(countries(&e.target), ["AUS", "JPN", "KOR", "NZL"]);
    let l = e.location.as_ref().expect("Washington");
    assert_eq!((l.name.as_str(), l.country.as_str()), ("Washington", "USA"));
    assert!((l.lon + 77.0).abs() < 0.5, "the capital, not the state: {l:?}");
}

#[test]
fn blinken_accuses_china() {
    let r = seed();
    let acc = find(&r, "ACCUSE", "USA", "CHN");
    assert_eq!(acc.len(), 1, "{acc:#?}");
    assert!(acc[0].cameo.starts_with("11"));
    assert_eq!(acc[0].source[0].code, "USAGOV");
}

#[test]
fn quotes_have_their_speakers() {
    let r = seed();
    let direct = |speaker: &str, starts: &str| {
        r.quotes.iter().any(|q| q.direct && q.speaker.as_deref().is_some_and(|s| s.contains(speaker)) && q.text.starts_with(starts))
    };
    assert!(direct("Park Jin-kyeong", "Saya khawatir"));
    assert!(direct("Stoltenberg", "Ini juga menunjukkan"));
    assert!(direct("Blinken", "Kami sangat prihatin"));
    let park = r.quotes.iter().find(|q| q.direct && q.text.starts_with("Saya")).unwrap();
    assert_eq!(park.speaker_actor.as_deref(), Some("KORCVL"));
    assert!(park.text.ends_with("perbatasan"), "the quote runs over two sentences: {}", park.text);
    let indirect = |speaker: &str| r.quotes.iter().any(|q| !q.direct && q.speaker.as_deref().is_some_and(|s| s.contains(speaker)));
    for s in ["Kim Jong-un", "Park Jin-kyeong", "Pihak berwenang Ukraina", "Stoltenberg", "Antony Blinken"] {
        assert!(indirect(s), "indirect speech by {s}");
    }
    for q in &r.quotes {
        assert_eq!(chars(SEED, q.start, q.end), q.text, "quote offsets");
    }
}

#[test]
fn times_resolve_against_the_inferred_date() {
    let r = seed();
    let value = |text: &str| r.times.iter().find(|t| t.text == text).and_then(|t| t.value.clone());
    assert_eq!(value("Rabu (19 Juni)").as_deref(), Some("2024-06-19"));
    assert_eq!(value("Sehari sebelumnya").as_deref(), Some("2024-06-18"));
    assert_eq!(value("hari Selasa").as_deref(), Some("2024-06-18"));
    assert_eq!(value("bulan Juli nanti").as_deref(), Some("2024-07"));
    assert!(r.times.iter().any(|t| t.text.starts_with("Sehari sebelum pertemuan") && t.value.as_deref() == Some("2024-06-18")));
    for t in &r.times {
        assert_eq!(chars(SEED, t.start, t.end), t.text);
    }
}

#[test]
fn people_organisations_and_places() {
    let r = seed();
    let has = |text: &str, label: &str| r.entities.iter().any(|e| e.text == text && e.label == label);
    for p in ["Vladimir Putin", "Kim Jong-un", "Park Jin-kyeong", "Stoltenberg", "Antony Blinken"] {
        assert!(has(p, "PER"), "person {p}");
    }
    assert!(has("NATO", "ORG") && has("PKT", "ORG"));
    for l in ["Korea Utara", "Rusia", "Ukraina", "Lviv", "Korea Selatan", "Washington", "Australia", "Selandia Baru", "Jepang", "Tiongkok", "AS"] {
        assert!(has(l, "LOC"), "place {l}");
    }
    assert!(!r.entities.iter().any(|e| e.text == "KTT"), "KTT means summit");
    let putin = r.entities.iter().find(|e| e.text == "Vladimir Putin").unwrap();
    assert_eq!(putin.actor.as_deref(), Some("RUSGOV"));
    let short = r.entities.iter().find(|e| e.text == "Putin").expect("the later short name");
    assert_eq!(short.actor.as_deref(), Some("RUSGOV"));
    let us = r.entities.iter().find(|e| e.text == "AS").unwrap();
    assert_eq!(us.country.as_deref(), Some("USA"));
    for e in &r.entities {
        assert_eq!(chars(SEED, e.start, e.end), e.text, "entity offsets");
    }
}

#[test]
fn every_event_keeps_its_evidence() {
    let r = seed();
    for e in &r.events {
        let sentence = chars(SEED, e.sentence.start, e.sentence.end);
        assert_eq!(chars(SEED, e.trigger.start, e.trigger.end), e.trigger.text);
        assert!(sentence.contains(&e.trigger.text));
        assert!(e.rule.starts_with("id."));
        assert!(e.date.is_some());
    }
}
