//! Unit tests: migrations, idempotent ingestion, cross-article merging, queries, and reading back.

use super::*;
use warta_core::model::{DateEvidence, Entity, Published, Quote, SentenceRef, Span, Time};

fn actor(code: &str, country: Option<&str>) -> Actor {
    Actor { text: code.to_lowercase(), code: code.into(), country: country.map(str::to_string), name: None }
}

fn event(kind: &str, cameo: &str, src: &[&str], tgt: &[&str], date: Option<&str>, country: Option<&str>) -> Event {
    Event {
        kind: kind.into(),
        mode: String::new(),
        cameo: cameo.into(),
        quad_class: 1,
        goldstein: 3.0,
        date: date.map(str::to_string),
        date_precision: date.map(|_| "day".to_string()),
        source: src.iter().map(|c| actor(c, Some(&c[..3]))).collect(),
        target: tgt.iter().map(|c| actor(c, Some(&c[..3]))).collect(),
        location: country.map(|c| Location {
            text: if c == "PRK" { "Pyongyang" } else { "Kyiv" }.into(),
            name: if c == "PRK" { "Pyongyang" } else { "Kyiv" }.into(),
            country: c.into(),
            lat: 39.03,
            lon: 125.75,
            geonames_id: Some(1871859),
            kind: "city".into(),
        }),
        modality: "asserted".into(),
        sentence: SentenceRef { index: 0, start: 0, end: 10 },
        trigger: Span { text: "teken".into(), start: 2, end: 7 },
        rule: "id.test".into(),
        date_evidence: DateEvidence { source: "publication".into(), time: None },
        also_reported: Vec::new(),
    }
}

fn item(id: &str, text: &str, source: Option<&str>, events: Vec<Event>) -> Ingested {
    let article = Article {
        id: id.into(),
        text: text.into(),
        title: Some(format!("Judul {id}")),
        published: Some("2024-06-19".into()),
        lang: Some("id".into()),
        url: Some(format!("https://{}/{id}", source.unwrap_or("example.org"))),
        source: source.map(str::to_string),
    };
    let result = ArticleResult {
        id: id.into(),
        lang: Some("id".into()),
        published: Published { value: Some("2024-06-19".into()), inferred: false },
        entities: vec![Entity {
            text: "Rusia".into(),
            label: "LOC".into(),
            start: 0,
            end: 5,
            actor: Some("RUS".into()),
            country: Some("RUS".into()),
            rule: None,
        }],
        times: vec![Time { text: "Rabu".into(), start: 6, end: 10, kind: "DATE".into(), value: Some("2024-06-19".into()) }],
        quotes: vec![Quote {
            text: "kami siap".into(),
            start: 11,
            end: 20,
            direct: true,
            speaker: Some("Putin".into()),
            speaker_actor: Some("RUSGOV".into()),
            speaker_span: Some([21, 26]),
        }],
        events,
        places: Vec::new(),
        warnings: Vec::new(),
    };
    Ingested::new(format!("test:{id}"), article, result)
}

fn treaty() -> Event {
    event("SUPPORT", "057", &["RUSGOV"], &["PRKGOV"], Some("2024-06-19"), Some("PRK"))
}

fn all_merged(s: &mut dyn Store, f: &Filter) -> Vec<MergedEvent> {
    let mut v = Vec::new();
    s.merged_events(f, &mut |m| {
        v.push(m);
        Ok(())
    })
    .unwrap();
    v
}

fn all_mentions(s: &mut dyn Store, f: &Filter) -> Vec<Mention> {
    let mut v = Vec::new();
    s.mentions(f, &mut |m| {
        v.push(m);
        Ok(())
    })
    .unwrap();
    v
}

#[test]
fn hash_ignores_whitespace_layout() {
    assert_eq!(content_hash("Putin tiba  di\nPyongyang. "), content_hash(" Putin tiba di Pyongyang."));
    assert_ne!(content_hash("Putin tiba"), content_hash("Putin pergi"));
    assert_eq!(content_hash("x").len(), 64);
}

#[test]
fn url_hosts() {
    assert_eq!(url_host("https://www.Antaranews.com/berita/1?x=2").as_deref(), Some("antaranews.com"));
    assert_eq!(url_host("http://user@host.id:8080/a").as_deref(), Some("host.id"));
    assert_eq!(url_host("not a url"), None);
}

#[test]
fn lead_paragraph_end() {
    assert_eq!(lead_end("\n\nSatu dua.\n\nTiga."), 2 + 9);
    assert_eq!(lead_end("Tanpa paragraf."), usize::MAX);
}

#[test]
fn migrations_are_versioned_and_resumable() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.db");
    {
        let mut s = SqliteStore::open_at_version(&path, 1).unwrap();
        assert_eq!(s.schema_version().unwrap(), 1);
        // Version 1 has no full-text table yet, but data can be stored.
        s.ingest(&[item("a", "Rusia dan Korea Utara menandatangani pakta.", None, vec![treaty()])]).unwrap();
        let fts: i64 = s
            .connection()
            .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fts, 0);
    }
    let mut s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
    // Migration 2 indexed the article stored under version 1.
    let hits = all_merged(&mut s, &Filter { text: Some("pakta".into()), ..Default::default() });
    assert_eq!(hits.len(), 1);
    // Migration 4 linked it to its actors' codes and countries.
    for f in [Filter { actor: Some("RUS".into()), ..Default::default() }, Filter { country: Some("PRK".into()), ..Default::default() }] {
        assert_eq!(s.events_page(&f, EventSort::default()).unwrap().len(), 1, "{f:?}");
    }
    let versions: Vec<u32> = {
        let mut st = s.connection().prepare("SELECT version FROM schema_version ORDER BY version").unwrap();
        st.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
    };
    assert_eq!(versions, (1..=SCHEMA_VERSION).collect::<Vec<_>>());
    drop(s);
    // Opening again applies nothing.
    let mut s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.stats().unwrap().schema_version, SCHEMA_VERSION);
    // A store from a newer warta is refused.
    s.connection().execute("INSERT INTO schema_version VALUES (99, 'future')", []).unwrap();
    drop(s);
    let err = SqliteStore::open(&path).err().unwrap();
    assert!(err.0.contains("newer"), "{err}");
}

#[test]
fn wal_mode_on_files() {
    let dir = tempfile::tempdir().unwrap();
    let s = SqliteStore::open(dir.path().join("w.db")).unwrap();
    let mode: String = s.connection().query_row("PRAGMA journal_mode", [], |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn ingesting_twice_changes_nothing() {
    let mut s = SqliteStore::in_memory().unwrap();
    let batch = vec![
        item("a", "Rusia dan Korea Utara menandatangani pakta.", Some("antara"), vec![treaty()]),
        item("b", "Berita lain tanpa peristiwa.", Some("kompas"), vec![]),
    ];
    let r1 = s.ingest(&batch).unwrap();
    assert_eq!(r1, IngestReport { articles: 2, duplicates: 0, events: 1, new_merged: 1 });
    let before = s.stats().unwrap();
    let r2 = s.ingest(&batch).unwrap();
    assert_eq!(r2, IngestReport { articles: 0, duplicates: 2, events: 0, new_merged: 0 });
    assert_eq!(s.stats().unwrap(), before);
    assert_eq!(before.articles, 2);
    assert_eq!(before.events, 1);
    assert_eq!(before.mentions, 2);
    assert_eq!(before.times, 2);
    assert_eq!(before.quotes, 2);
    // The same text laid out differently is the same article.
    let mut moved = item("c", "Rusia dan Korea Utara\n\nmenandatangani   pakta.", Some("tempo"), vec![treaty()]);
    moved.origin = "elsewhere".into();
    assert_eq!(s.ingest(&[moved]).unwrap().duplicates, 1);
    let m = all_merged(&mut s, &Filter::default());
    assert_eq!((m[0].num_articles, m[0].num_mentions, m[0].num_sources), (1, 1, 1));
    let known = s.known(&[&batch[0].hash, "nope"]).unwrap();
    assert!(known.contains(&batch[0].hash) && known.len() == 1);
}

#[test]
fn duplicate_within_one_batch_is_stored_once() {
    let mut s = SqliteStore::in_memory().unwrap();
    let a = item("a", "Teks yang sama.", None, vec![treaty()]);
    let r = s.ingest(&[a.clone(), a]).unwrap();
    assert_eq!((r.articles, r.duplicates, r.events), (1, 1, 1));
}

#[test]
fn same_event_in_two_articles_merges() {
    let mut s = SqliteStore::in_memory().unwrap();
    let mut second = treaty();
    // Same actor sets in another order, another CAMEO code of the same PLOVER type, reported twice.
    second.source = vec![actor("RUSGOV", Some("RUS")), actor("RUSGOV", Some("RUS"))];
    second.cameo = "050".into();
    second.also_reported = vec![SentenceRef { index: 3, start: 50, end: 80 }];
    let r = s
        .ingest(&[
            item("a", "Artikel pertama tentang pakta.", Some("antara"), vec![treaty()]),
            item("b", "Artikel kedua tentang pakta.", Some("kompas"), vec![second]),
            item("c", "Artikel ketiga, sumber sama.", Some("antara"), vec![treaty()]),
        ])
        .unwrap();
    assert_eq!((r.events, r.new_merged), (3, 1));
    let m = all_merged(&mut s, &Filter::default());
    assert_eq!(m.len(), 1);
    let m = &m[0];
    assert_eq!((m.num_articles, m.num_sources, m.num_mentions), (3, 2, 4));
    assert_eq!(m.cameo, "057");
    assert_eq!(m.source_url.as_deref(), Some("https://antara/a"));
    assert_eq!(m.location.as_ref().unwrap().country, "PRK");
    let ms = s.mentions_of(m.id).unwrap();
    assert_eq!(ms.len(), 3);
    assert!(ms.iter().all(|x| x.merged_id == m.id));
    assert_eq!(ms[1].event.also_reported.len(), 1);
}

#[test]
fn different_date_actor_or_place_stays_apart() {
    let mut s = SqliteStore::in_memory().unwrap();
    let other_date = event("SUPPORT", "057", &["RUSGOV"], &["PRKGOV"], Some("2024-06-20"), Some("PRK"));
    let other_target = event("SUPPORT", "057", &["RUSGOV"], &["KORGOV"], Some("2024-06-19"), Some("PRK"));
    let no_place = event("SUPPORT", "057", &["RUSGOV"], &["PRKGOV"], Some("2024-06-19"), None);
    let no_place2 = no_place.clone();
    let other_type = event("AGREE", "057", &["RUSGOV"], &["PRKGOV"], Some("2024-06-19"), Some("PRK"));
    s.ingest(&[
        item("a", "satu", None, vec![treaty(), other_date]),
        item("b", "dua", None, vec![other_target, no_place]),
        item("c", "tiga", None, vec![other_type, no_place2]),
    ])
    .unwrap();
    let m = all_merged(&mut s, &Filter::default());
    assert_eq!(m.len(), 5);
    let merged_null_place = m.iter().find(|m| m.location.is_none()).unwrap();
    assert_eq!(merged_null_place.num_articles, 2);
}

#[test]
fn counts_add_up_across_batches() {
    let mut s = SqliteStore::in_memory().unwrap();
    s.ingest(&[item("a", "satu", Some("antara"), vec![treaty()])]).unwrap();
    s.ingest(&[item("b", "dua", Some("kompas"), vec![treaty(), treaty()])]).unwrap();
    let m = all_merged(&mut s, &Filter::default());
    // Two mentions in one article count once as an article and a source.
    assert_eq!((m[0].num_articles, m[0].num_sources, m[0].num_mentions), (2, 2, 3));
    assert_eq!(m[0].first_seen, "2024-06-19");
}

#[test]
fn filters() {
    let mut s = SqliteStore::in_memory().unwrap();
    let attack = event("ASSAULT", "190", &["RUSMIL"], &["UKR"], Some("2024-06"), Some("UKR"));
    s.ingest(&[
        item("a", "Rusia dan Korea Utara menandatangani pakta pertahanan.", None, vec![treaty()]),
        item("b", "Rusia menyerang Ukraina dengan rudal.", None, vec![attack]),
    ])
    .unwrap();
    // The events page answers type, date, country and actor from its own indexes: it must agree.
    let count = |s: &mut SqliteStore, f: Filter| {
        let ids: Vec<i64> = all_merged(s, &f).iter().map(|m| m.id).collect();
        if f.limit.is_none() {
            let mut page: Vec<i64> = s.events_page(&f, EventSort::default()).unwrap().iter().map(|m| m.id).collect();
            page.sort_unstable();
            assert_eq!(page, ids, "{f:?}");
        }
        ids.len()
    };
    assert_eq!(count(&mut s, Filter { kind: Some("assault".into()), ..Default::default() }), 1);
    assert_eq!(count(&mut s, Filter { actor: Some("ru".into()), ..Default::default() }), 2);
    assert_eq!(count(&mut s, Filter { actor: Some("RUSM".into()), ..Default::default() }), 1);
    assert_eq!(count(&mut s, Filter { actor: Some("RUSGO".into()), kind: Some("SUPPORT".into()), ..Default::default() }), 1);
    assert_eq!(count(&mut s, Filter { actor: Some("UKR".into()), country: Some("UKR".into()), ..Default::default() }), 1);
    assert_eq!(count(&mut s, Filter { actor: Some("PRK".into()), country: Some("UKR".into()), ..Default::default() }), 0);
    let f = Filter { country: Some("RUS".into()), from: Some("2024-06-19".into()), to: Some("2024".into()), cameo: Some("1".into()), ..Default::default() };
    assert_eq!(count(&mut s, f), 1);
    assert!(s.events_page(&Filter { actor: Some("Putin!".into()), ..Default::default() }, EventSort::default()).is_err());
    assert_eq!(count(&mut s, Filter { cameo: Some("05".into()), ..Default::default() }), 1);
    assert_eq!(count(&mut s, Filter { cameo: Some("1".into()), ..Default::default() }), 1);
    assert_eq!(count(&mut s, Filter { actor: Some("rus".into()), ..Default::default() }), 2);
    assert_eq!(count(&mut s, Filter { actor: Some("PRKGOV".into()), ..Default::default() }), 1);
    assert_eq!(count(&mut s, Filter { country: Some("UKR".into()), ..Default::default() }), 1);
    assert_eq!(count(&mut s, Filter { country: Some("RUS".into()), ..Default::default() }), 2);
    assert_eq!(count(&mut s, Filter { place: Some("pyong".into()), ..Default::default() }), 1);
    assert_eq!(count(&mut s, Filter { text: Some("rudal".into()), ..Default::default() }), 1);
    assert_eq!(count(&mut s, Filter { text: Some("Rusia".into()), ..Default::default() }), 2);
    // A month-precision date overlaps a day range inside it.
    assert_eq!(count(&mut s, Filter { from: Some("2024-06-10".into()), to: Some("2024-06-12".into()), ..Default::default() }), 1);
    assert_eq!(count(&mut s, Filter { from: Some("2024-06-19".into()), ..Default::default() }), 2);
    assert_eq!(count(&mut s, Filter { to: Some("2024-05".into()), ..Default::default() }), 0);
    assert_eq!(count(&mut s, Filter { limit: Some(1), ..Default::default() }), 1);
    assert_eq!(count(&mut s, Filter { limit: Some(10), offset: 1, ..Default::default() }), 1);
    assert_eq!(all_mentions(&mut s, &Filter { kind: Some("SUPPORT".into()), ..Default::default() }).len(), 1);
    // Wildcards in user text are literal.
    assert_eq!(count(&mut s, Filter { place: Some("%".into()), ..Default::default() }), 0);
    assert!(s.merged_events(&Filter { cameo: Some("x".into()), ..Default::default() }, &mut |_| Ok(())).is_err());
}

#[test]
fn article_reads_back_as_ingested() {
    let mut s = SqliteStore::in_memory().unwrap();
    let a = item("a", "Rusia dan Korea Utara menandatangani pakta.", Some("antara"), vec![treaty()]);
    s.ingest(&[a.clone()]).unwrap();
    let got = s.article(1).unwrap().unwrap();
    assert_eq!(got.hash, a.hash);
    assert_eq!(got.text, a.article.text);
    assert_eq!(got.result, a.result);
    assert!(s.article(2).unwrap().is_none());
}

#[test]
fn a_failed_batch_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut s = SqliteStore::open(&path).unwrap();
    s.ingest(&[item("a", "satu", None, vec![treaty()])]).unwrap();
    // Make the second article fail mid-batch (after the first of the batch was written).
    s.connection()
        .execute_batch("CREATE TRIGGER no_quotes BEFORE INSERT ON quotes WHEN new.text = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END;")
        .unwrap();
    let mut bad = item("c", "tiga", None, vec![treaty()]);
    bad.result.quotes[0].text = "boom".into();
    let err = s.ingest(&[item("b", "dua", None, vec![treaty()]), bad]).unwrap_err();
    assert!(err.0.contains("test:c"), "{err}");
    let st = s.stats().unwrap();
    assert_eq!((st.articles, st.events), (1, 1));
    let m = all_merged(&mut s, &Filter::default());
    assert_eq!(m[0].num_articles, 1);
}

/// The dashboard's reads: sorted pages, one event, timeline, places, actors, links and articles.
fn dashboard_reads(s: &mut dyn Store) {
    let attack = event("ASSAULT", "190", &["RUSMIL"], &["UKR"], Some("2024-06-18"), Some("UKR"));
    let undated = event("CONSULT", "040", &["KORGOV"], &["RUSGOV"], None, None);
    s.ingest(&[
        item("a", "Rusia dan Korea Utara menandatangani pakta pertahanan.", Some("antara"), vec![treaty(), undated]),
        item("b", "Rusia menyerang Ukraina dengan rudal.", Some("kompas"), vec![attack.clone(), attack]),
    ])
    .unwrap();
    let page = |s: &mut dyn Store, f: Filter, sort: &str| -> Vec<String> {
        let sort = EventSort::parse(sort).unwrap();
        s.events_page(&f, sort).unwrap().into_iter().map(|m| m.kind).collect()
    };
    // Newest first; undated events last.
    assert_eq!(page(s, Filter::default(), "-date"), ["SUPPORT", "ASSAULT", "CONSULT"]);
    assert_eq!(page(s, Filter::default(), "date"), ["CONSULT", "ASSAULT", "SUPPORT"]);
    assert_eq!(page(s, Filter::default(), "-mentions")[0], "ASSAULT");
    assert_eq!(page(s, Filter { limit: Some(1), offset: 1, ..Default::default() }, "-date"), ["ASSAULT"]);
    assert_eq!(page(s, Filter { country: Some("UKR".into()), ..Default::default() }, "id"), ["ASSAULT"]);
    assert!(EventSort::parse("-size").unwrap_err().0.contains("sort"));

    let first = s.events_page(&Filter::default(), EventSort::parse("id").unwrap()).unwrap()[0].clone();
    assert_eq!(s.merged_event(first.id).unwrap(), Some(first));
    assert_eq!(s.merged_event(999).unwrap(), None);

    let t = s.timeline(&Filter::default(), Grain::Day).unwrap();
    let t: Vec<_> = t.iter().map(|b| (b.period.as_str(), b.kind.as_str(), b.events)).collect();
    assert_eq!(t, [("2024-06-18", "ASSAULT", 1), ("2024-06-19", "SUPPORT", 1)]);
    let t = s.timeline(&Filter { kind: Some("SUPPORT".into()), ..Default::default() }, Grain::Month).unwrap();
    assert_eq!((t.len(), t[0].period.as_str()), (1, "2024-06"));

    let p = s.places(&Filter::default(), 10).unwrap();
    assert_eq!(p.len(), 2);
    assert_eq!(s.places(&Filter::default(), 1).unwrap().len(), 1);
    assert_eq!(s.places(&Filter { country: Some("PRK".into()), ..Default::default() }, 10).unwrap()[0].name, "Pyongyang");

    let a = s.actor_counts(&Filter::default()).unwrap();
    let rus = a.iter().find(|a| a.code == "RUSGOV").unwrap();
    assert_eq!((rus.events, rus.as_source, rus.as_target), (2, 1, 1));
    assert_eq!(rus.country.as_deref(), Some("RUS"));
    assert_eq!(s.actor_counts(&Filter { limit: Some(2), ..Default::default() }).unwrap().len(), 2);

    let l = s.actor_links(&Filter::default()).unwrap();
    assert!(l.iter().any(|l| l.source == "RUSMIL" && l.target == "UKR" && l.events == 1));
    assert_eq!(l.len(), 3);

    let arts = s.articles(&Filter::default()).unwrap();
    assert_eq!(arts.len(), 2);
    assert_eq!(arts.iter().find(|a| a.ext_id == "b").unwrap().events, 2);
    let hits = s.articles(&Filter { text: Some("rudal".into()), ..Default::default() }).unwrap();
    assert_eq!(hits.iter().map(|a| a.ext_id.as_str()).collect::<Vec<_>>(), ["b"]);
    let both = Filter { text: Some("Rusia".into()), kind: Some("SUPPORT".into()), ..Default::default() };
    assert_eq!(s.articles(&both).unwrap().len(), 1);
}

#[test]
fn dashboard_reads_sqlite() {
    dashboard_reads(&mut SqliteStore::in_memory().unwrap());
}

#[cfg(feature = "postgres")]
#[test]
fn dashboard_reads_postgres() {
    let Ok(url) = std::env::var("WARTA_TEST_POSTGRES") else {
        eprintln!("dashboard_reads_postgres skipped: WARTA_TEST_POSTGRES is not set (scripts/ci-postgres.sh starts a server)");
        return;
    };
    let mut client = ::postgres::Client::connect(&url, ::postgres::NoTls).unwrap();
    client
        .batch_execute(
            "DROP TABLE IF EXISTS event_actors, merged_sources, merged_countries, merged_actors, events, merged_events, mentions, times, quotes, articles, \
             schema_version CASCADE",
        )
        .unwrap();
    drop(client);
    dashboard_reads(&mut PgStore::open(&url).unwrap());
}
