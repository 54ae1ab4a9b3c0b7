//! The four example articles in `examples/` (written for Warta; invented events): the key events of each,
//! with type, CAMEO code, source, target and date, read the way `warta extract FILE` reads them (language
//! given, publication date inferred from the text).

use chrono::NaiveDate;
use std::sync::OnceLock;
use warta_core::model::{ArticleResult, Event};
use warta_core::{Article, Extractor};

const PROTEST: &str = include_str!("../../../examples/id-protes-jakarta.txt");
const SANCTIONS: &str = include_str!("../../../examples/id-sanksi-diplomat.txt");
const EARTHQUAKE: &str = include_str!("../../../examples/id-gempa-bantuan.txt");
const MARITIME: &str = include_str!("../../../examples/id-insiden-natuna.txt");

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()).expect("packs load"))
}

fn extract(id: &str, text: &str) -> ArticleResult {
    extractor().extract(&Article { id: id.into(), text: text.into(), lang: Some("id".into()), ..Default::default() })
}

fn codes(e: &Event) -> (Vec<&str>, Vec<&str>) {
    let mut s: Vec<&str> = e.source.iter().map(|a| a.code.as_str()).collect();
    let mut t: Vec<&str> = e.target.iter().map(|a| a.code.as_str()).collect();
    s.sort();
    t.sort();
    (s, t)
}

fn listing(r: &ArticleResult) -> String {
    r.events
        .iter()
        .map(|e| {
            let (s, t) = codes(e);
            format!("  {} {} {:?}→{:?} {} [{}] {:?}", e.kind, e.cameo, s, t, e.date.as_deref().unwrap_or("-"), e.modality, e.trigger.text)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The event with this CAMEO code, source and target (sorted codes); panics with the article's events.
fn event<'a>(r: &'a ArticleResult, cameo: &str, source: &[&str], target: &[&str]) -> &'a Event {
    r.events
        .iter()
        .find(|e| {
            let (s, t) = codes(e);
            e.cameo == cameo && s == source && t == target
        })
        .unwrap_or_else(|| panic!("{}: no {cameo} {source:?}→{target:?} among\n{}", r.id, listing(r)))
}

fn check(r: &ArticleResult, kind: &str, cameo: &str, source: &[&str], target: &[&str], date: &str) -> Event {
    let e = event(r, cameo, source, target).clone();
    assert_eq!(e.kind, kind, "{}: {cameo} {source:?}→{target:?}", r.id);
    assert_eq!(e.date.as_deref(), Some(date), "{}: date of {kind} {cameo} {source:?}→{target:?}", r.id);
    e
}

#[test]
fn protest_in_jakarta_with_arrests() {
    let r = extract("id-protes-jakarta", PROTEST);
    assert_eq!(r.published.value.as_deref(), Some("2024-08-12"), "inferred from \"Senin (12/8/2024)\"");
    assert!(r.published.inferred);
    let demo = check(&r, "PROTEST", "141", &["IDNLAB"], &["IDNLEG"], "2024-08-12");
    // The workers are named by their sector only; the place of the protest gives them their country.
    assert_eq!(demo.trigger.text, "berunjuk");
    assert_eq!(demo.location.as_ref().map(|l| l.name.as_str()), Some("Jakarta"));
    check(&r, "PROTEST", "145", &["OPP"], &["COP"], "2024-08-12");
    check(&r, "ASSAULT", "175", &["COP"], &["OPP"], "2024-08-12");
    check(&r, "COERCE", "173", &["IDNCOP"], &["CVL"], "2024-08-12");
    check(&r, "REQUEST", "100", &["NGOAMN"], &["IDNCOP"], "2024-08-12");
    let talks = check(&r, "AGREE", "036", &["IDNLEG"], &["LAB"], "2024-08-12");
    assert_eq!(talks.modality, "reported", "the speaker's offer to meet is reported speech");
    // The police secure the protest; the police are never the protesters.
    assert!(!r.events.iter().any(|e| e.kind == "PROTEST" && codes(e).0.iter().any(|c| c.ends_with("COP"))), "{}", listing(&r));
}

#[test]
fn diplomats_expelled_and_sanctions() {
    let r = extract("id-sanksi-diplomat", SANCTIONS);
    assert_eq!(r.published.value.as_deref(), Some("2024-03-14"));
    let expel = check(&r, "SANCTION", "166", &["DEUGOV"], &["IRNGOV"], "2024-03-14");
    assert_eq!(expel.modality, "asserted");
    check(&r, "COERCE", "163", &["DEU"], &["IRNGOV"], "2024-03-14");
    // "Sehari kemudian" after Thursday 14 March.
    let summons = check(&r, "ACCUSE", "114", &["IRNGOV"], &["DEUGOV"], "2024-03-15");
    assert_eq!(summons.location.as_ref().map(|l| l.country.as_str()), Some("IRN"));
    check(&r, "ACCUSE", "112", &["IRNGOV"], &["DEU"], "2024-03-14");
    check(&r, "THREATEN", "130", &["IRNGOV"], &["DEUGOV"], "2024-03-14");
    // The threatened counter-expulsion is only announced.
    let counter = event(&r, "166", &["IRNGOV"], &["DEUGOV"]);
    assert_eq!(counter.modality, "future");
    check(&r, "REQUEST", "1056", &["IGOEUREEC"], &["DEU", "IRN"], "2024-03-14");
}

#[test]
fn earthquake_aid_and_a_ministerial_visit() {
    let r = extract("id-gempa-bantuan", EARTHQUAKE);
    check(&r, "AID", "073", &["JPNGOV"], &["IDN"], "2024-01-24");
    let visit = check(&r, "CONSULT", "042", &["AUSGOV"], &["IDN"], "2024-01-25");
    assert_eq!(visit.location.as_ref().map(|l| l.name.as_str()), Some("Padang"));
    check(&r, "CONSULT", "040", &["AUSGOV"], &["IDN"], "2024-01-25");
    let pledge = event(&r, "0333", &["AUS"], &["IDN"]);
    assert_eq!(pledge.kind, "AGREE", "a promise of aid is intent (AGREE), not aid");
    assert!(r.events.iter().any(|e| e.kind == "AID" && codes(e).0 == ["IDNGOV"]), "BNPB distributes aid:\n{}", listing(&r));
    assert!(r.events.iter().any(|e| e.kind == "AID" && codes(e).0 == ["IGOUNOCHR"]), "UNICEF distributes aid:\n{}", listing(&r));
    // An earthquake kills and destroys, but it is nobody's assault; and "dolar AS" is no actor.
    assert!(!r.events.iter().any(|e| e.kind == "ASSAULT"), "{}", listing(&r));
    assert!(!r.events.iter().any(|e| e.source.iter().chain(&e.target).any(|a| a.code.starts_with("USA"))), "{}", listing(&r));
}

#[test]
fn maritime_incident_threat_and_talks() {
    let r = extract("id-insiden-natuna", MARITIME);
    check(&r, "COERCE", "174", &["CHNCOP"], &["IDNCVL"], "2024-10-09");
    assert!(r.events.iter().any(|e| e.kind == "MOBILIZE" && codes(e).0 == ["IDNCOP"]), "Bakamla sends patrol boats:\n{}", listing(&r));
    let protest = check(&r, "ACCUSE", "114", &["IDNGOV"], &["CHNGOV"], "2024-10-10");
    assert_eq!(protest.location.as_ref().map(|l| l.name.as_str()), Some("Jakarta"));
    event(&r, "100", &["IDNGOV"], &["CHN"]);
    let threat = event(&r, "130", &["CHNGOV"], &["IDN"]);
    assert_eq!(threat.kind, "THREATEN");
    let talks = check(&r, "AGREE", "036", &["IDN"], &["CHN"], "2024-11");
    assert_eq!(talks.date_precision.as_deref(), Some("month"));
    assert!(r.events.iter().any(|e| e.kind == "REQUEST" && e.cameo == "106" && codes(e).0 == ["IGOSEAASN"]), "ASEAN calls for dialogue:\n{}", listing(&r));
}

#[test]
fn examples_jsonl_holds_the_five_articles() {
    let jsonl = include_str!("../../../examples/articles.jsonl");
    let records: Vec<serde_json::Value> = jsonl.lines().map(|l| serde_json::from_str(l).expect("valid JSON line")).collect();
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["seed-id", "id-gempa-bantuan", "id-insiden-natuna", "id-protes-jakarta", "id-sanksi-diplomat"]);
    for (r, file) in records.iter().zip([include_str!("../../../examples/seed-id.txt"), EARTHQUAKE, MARITIME, PROTEST, SANCTIONS]) {
        let (title, body) = file.split_once("\n\n").unwrap();
        assert_eq!(r["title"].as_str(), Some(title), "{}", r["id"]);
        assert_eq!(r["text"].as_str(), Some(body.trim_end()), "{}", r["id"]);
    }
    // Read from JSON Lines with the given publication dates, the articles code the same key events.
    let rec = &records[3];
    let a: Article = serde_json::from_value(rec.clone()).unwrap();
    let r = extractor().extract(&a);
    assert_eq!(r.published.value.as_deref(), Some("2024-08-12"));
    assert!(!r.published.inferred);
    check(&r, "PROTEST", "141", &["IDNLAB"], &["IDNLEG"], "2024-08-12");
}
