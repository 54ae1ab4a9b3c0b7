//! The store API's behaviour, checked the same way on SQLite and (with the `postgres` feature and
//! `WARTA_TEST_POSTGRES=postgres://…`, see `scripts/ci-postgres.sh`) on a real PostgreSQL server.

use warta_core::model::{Actor, DateEvidence, Entity, Event, Location, Published, Quote, SentenceRef, Span, Time};
use warta_core::{Article, ArticleResult};
use warta_store::{Filter, IngestReport, Ingested, MergedEvent, Store};

fn event(kind: &str, cameo: &str, src: &str, tgt: &str, date: &str, country: Option<&str>) -> Event {
    let actor = |c: &str| Actor { text: c.to_lowercase(), code: c.into(), country: Some(c[..3].into()), name: None };
    Event {
        kind: kind.into(),
        mode: String::new(),
        cameo: cameo.into(),
        quad_class: 1,
        goldstein: 8.0,
        date: Some(date.into()),
        date_precision: Some(if date.len() == 10 { "day" } else { "month" }.into()),
        source: vec![actor(src)],
        target: vec![actor(tgt)],
        location: country.map(|c| Location {
            text: "Pyongyang".into(),
            name: "Pyongyang".into(),
            country: c.into(),
            lat: 39.03,
            lon: 125.75,
            geonames_id: Some(1871859),
            kind: "city".into(),
        }),
        modality: "asserted".into(),
        sentence: SentenceRef { index: 0, start: 0, end: 20 },
        trigger: Span { text: "menandatangani".into(), start: 5, end: 19 },
        rule: "id.agree.sign-treaty".into(),
        date_evidence: DateEvidence { source: "sentence".into(), time: Some(Span { text: "Rabu".into(), start: 21, end: 25 }) },
        also_reported: vec![],
    }
}

fn item(id: &str, text: &str, source: &str, events: Vec<Event>) -> Ingested {
    let article = Article {
        id: id.into(),
        text: text.into(),
        title: Some(format!("Judul {id}")),
        published: Some("2024-06-19".into()),
        lang: Some("id".into()),
        url: Some(format!("https://{source}/{id}")),
        source: None,
    };
    let result = ArticleResult {
        id: id.into(),
        lang: Some("id".into()),
        published: Published { value: Some("2024-06-19".into()), inferred: false },
        entities: vec![Entity { text: "Rusia".into(), label: "LOC".into(), start: 0, end: 5, actor: Some("RUS".into()), country: Some("RUS".into()), rule: None }],
        times: vec![Time { text: "Rabu".into(), start: 21, end: 25, kind: "DATE".into(), value: Some("2024-06-19".into()) }],
        quotes: vec![Quote {
            text: "kami siap".into(),
            start: 30,
            end: 39,
            direct: true,
            speaker: Some("Putin".into()),
            speaker_actor: Some("RUSGOV".into()),
            speaker_span: Some([41, 46]),
        }],
        events,
        places: Vec::new(),
        warnings: vec![],
    };
    Ingested::new(format!("test:{id}"), article, result)
}

fn merged(s: &mut dyn Store, f: Filter) -> Vec<MergedEvent> {
    let mut v = Vec::new();
    s.merged_events(&f, &mut |m| {
        v.push(m);
        Ok(())
    })
    .unwrap();
    v
}

/// The same checks for every implementation; `s` must be empty.
fn exercise(s: &mut dyn Store) {
    assert_eq!(s.schema_version().unwrap(), warta_store::SCHEMA_VERSION);
    let treaty = || event("SUPPORT", "057", "RUSGOV", "PRK", "2024-06-19", Some("PRK"));
    let batch = vec![
        item("a", "Rusia dan Korea Utara menandatangani pakta pertahanan.", "antara.example", vec![treaty()]),
        item("b", "Putin menandatangani perjanjian di Pyongyang.", "kompas.example", vec![treaty(), treaty()]),
        item("c", "Rusia menyerang Ukraina dengan rudal.", "antara.example", vec![event("ASSAULT", "190", "RUSMIL", "UKR", "2024-06", Some("UKR"))]),
        item("d", "Korea Utara mengancam Korea Selatan.", "tempo.example", vec![event("THREATEN", "130", "PRKGOV", "KOR", "2024-06-19", None)]),
    ];
    let r = s.ingest(&batch).unwrap();
    assert_eq!(r, IngestReport { articles: 4, duplicates: 0, events: 5, new_merged: 3 });
    let before = s.stats().unwrap();
    assert_eq!((before.articles, before.events, before.merged_events, before.mentions, before.times, before.quotes), (4, 5, 3, 4, 4, 4));
    // Idempotent.
    assert_eq!(s.ingest(&batch).unwrap(), IngestReport { articles: 0, duplicates: 4, events: 0, new_merged: 0 });
    assert_eq!(s.stats().unwrap(), before);
    let known = s.known(&[&batch[0].hash, "0000"]).unwrap();
    assert_eq!(known.len(), 1);
    // Merged across articles and sources.
    let t = merged(s, Filter { kind: Some("support".into()), ..Default::default() });
    assert_eq!(t.len(), 1);
    assert_eq!((t[0].num_articles, t[0].num_sources, t[0].num_mentions), (2, 2, 3));
    assert_eq!(t[0].source_url.as_deref(), Some("https://antara.example/a"));
    assert_eq!(s.mentions_of(t[0].id).unwrap().len(), 3);
    // Filters.
    let count = |s: &mut dyn Store, f: Filter| merged(s, f).len();
    assert_eq!(count(s, Filter { cameo: Some("19".into()), ..Default::default() }), 1);
    assert_eq!(count(s, Filter { actor: Some("rus".into()), ..Default::default() }), 2);
    assert_eq!(count(s, Filter::default()), 3);
    let unplaced = merged(s, Filter { kind: Some("THREATEN".into()), ..Default::default() });
    assert!(unplaced[0].location.is_none());
    assert_eq!(count(s, Filter { country: Some("UKR".into()), ..Default::default() }), 1);
    assert_eq!(count(s, Filter { place: Some("pyong".into()), ..Default::default() }), 2);
    assert_eq!(count(s, Filter { text: Some("rudal".into()), ..Default::default() }), 1);
    assert_eq!(count(s, Filter { text: Some("Pyongyang perjanjian".into()), ..Default::default() }), 1);
    assert_eq!(count(s, Filter { from: Some("2024-06-20".into()), ..Default::default() }), 1);
    assert_eq!(count(s, Filter { from: Some("2024-06-19".into()), to: Some("2024-06-19".into()), ..Default::default() }), 3);
    assert_eq!(count(s, Filter { to: Some("2024-05-31".into()), ..Default::default() }), 0);
    assert_eq!(count(s, Filter { offset: 1, ..Default::default() }), 2);
    assert_eq!(count(s, Filter { limit: Some(1), ..Default::default() }), 1);
    let mut n = 0;
    s.mentions(&Filter { kind: Some("SUPPORT".into()), ..Default::default() }, &mut |m| {
        assert_eq!(m.event.rule, "id.agree.sign-treaty");
        assert_eq!(m.event.date_evidence.time.as_ref().unwrap().text, "Rabu");
        n += 1;
        Ok(())
    })
    .unwrap();
    assert_eq!(n, 3);
    // Read back as ingested.
    let first = s.article(1).unwrap().unwrap();
    assert_eq!(first.hash, batch[0].hash);
    assert_eq!(first.result, batch[0].result);
    assert!(s.article(999).unwrap().is_none());
}

#[test]
fn sqlite_store_api() {
    let mut s = warta_store::SqliteStore::in_memory().unwrap();
    exercise(&mut s);
}

#[cfg(feature = "postgres")]
#[test]
fn postgres_store_api() {
    let Ok(url) = std::env::var("WARTA_TEST_POSTGRES") else {
        eprintln!("postgres_store_api skipped: WARTA_TEST_POSTGRES is not set (scripts/ci-postgres.sh starts a server)");
        return;
    };
    // Start from an empty database.
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    client
        .batch_execute(
            "DROP TABLE IF EXISTS event_actors, merged_sources, merged_countries, merged_actors, events, merged_events, mentions, times, quotes, articles, \
             schema_version CASCADE",
        )
        .unwrap();
    drop(client);
    let mut s = warta_store::PgStore::open(&url).unwrap();
    exercise(&mut s);
    // Opening again migrates nothing and sees the same data.
    let mut again = warta_store::open(&url).unwrap();
    assert_eq!(again.backend(), "postgres");
    assert_eq!(again.stats().unwrap().articles, 4);
}
