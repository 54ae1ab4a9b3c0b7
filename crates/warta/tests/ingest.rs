//! `warta ingest`, `query` and `export` on the real binary: a fixture folder mixing plain text, JSON Lines,
//! HTML, RSS and WARC (plus broken inputs of each kind) ingested twice; a kill -9 in the middle of a run;
//! a file that vanishes during a run.

use flate2::write::GzEncoder;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};
use warta_store::{Filter, SqliteStore, Store};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/ingest");
const TODAY: &str = "2026-11-26";

fn warta(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_warta")).args(args).stdin(Stdio::null()).output().unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn warc_record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut v = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-06-20T01:02:03Z\r\nWARC-Record-ID: <urn:uuid:{kind}-{}>\r\n\
         WARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        block.len()
    )
    .into_bytes();
    v.extend_from_slice(block);
    v.extend_from_slice(b"\r\n\r\n");
    v
}

fn http(status: &str, body: &str) -> Vec<u8> {
    format!("HTTP/1.1 {status}\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: {}\r\n\r\n{body}", body.len())
        .into_bytes()
}

const SANCTIONS_PAGE: &str = r#"<!DOCTYPE html><html lang="id"><head><title>Jerman sanksi Iran</title>
<meta property="article:published_time" content="2024-03-14T10:00:00Z"><meta property="og:site_name" content="Tempo"></head>
<body><div class="menu">Beranda</div><main><p>Pemerintah Jerman menjatuhkan sanksi terhadap pejabat Iran di Berlin pada Kamis (14/3/2024).</p>
<p>Iran mengecam keputusan itu.</p></main></body></html>"#;

/// The fixture folder plus the binary fixtures built here: a CC-NEWS-like `.warc.gz` (info, request, a
/// page also present as HTML, a truncated record, a corrupt gzip member, another page, a 404), a valid
/// `.jsonl.gz` and a corrupt `.jsonl.gz`.
fn corpus(dir: &Path) -> PathBuf {
    let root = dir.join("corpus");
    copy_dir(Path::new(FIXTURES), &root);
    std::fs::create_dir_all(root.join("archive")).unwrap();
    let treaty_page = std::fs::read_to_string(root.join("pages/perjanjian.html")).unwrap();
    let mut warc = Vec::new();
    warc.extend(gz(&warc_record("warcinfo", "", "application/warc-fields", b"software: test\r\n")));
    warc.extend(gz(&warc_record("request", "https://tempo.example/sanksi", "application/http; msgtype=request", b"GET /sanksi HTTP/1.1\r\n\r\n")));
    warc.extend(gz(&warc_record(
        "response",
        "https://antara.example/berita/perjanjian-pertahanan",
        "application/http; msgtype=response",
        &http("200 OK", &treaty_page),
    )));
    let full = warc_record("response", "https://x.example/terpotong", "application/http; msgtype=response", &http("200 OK", SANCTIONS_PAGE));
    warc.extend(gz(&full[..full.len() / 2]));
    let mut corrupt = gz(&warc_record("response", "https://x.example/rusak", "application/http; msgtype=response", &http("200 OK", SANCTIONS_PAGE)));
    let n = corrupt.len();
    for b in &mut corrupt[20..n - 20] {
        *b = b.wrapping_mul(7).wrapping_add(3);
    }
    warc.extend(corrupt);
    warc.extend(gz(&warc_record("response", "https://tempo.example/sanksi", "application/http; msgtype=response", &http("200 OK", SANCTIONS_PAGE))));
    warc.extend(gz(&warc_record("response", "https://tempo.example/hilang", "application/http; msgtype=response", &http("404 Not Found", "<p>tidak ada</p>"))));
    std::fs::write(root.join("archive/cc-news.warc.gz"), warc).unwrap();
    let line = r#"{"id": "as-tuduh", "published": "2024-06-19", "source": "Detik", "text": "Amerika Serikat menuduh China membantu Rusia dalam perang di Ukraina pada Rabu (19/6/2024)."}"#;
    std::fs::write(root.join("more.jsonl.gz"), gz(format!("{line}\n").as_bytes())).unwrap();
    let mut broken = vec![0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3];
    broken.extend(b"this is not deflate data at all, just bytes");
    std::fs::write(root.join("broken.jsonl.gz"), broken).unwrap();
    root
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

fn ingest(paths: &[&Path], db: &Path) -> Output {
    let mut args = vec!["ingest".to_string()];
    args.extend(paths.iter().map(|p| p.display().to_string()));
    args.extend(["--db".into(), db.display().to_string(), "--today".into(), TODAY.into()]);
    Command::new(env!("CARGO_BIN_EXE_warta")).args(&args).stdin(Stdio::null()).output().unwrap()
}

/// Every row of the tables that ingestion writes, as text, to compare two states of a store.
fn snapshot(db: &Path) -> Vec<String> {
    let s = SqliteStore::open(db).unwrap();
    let c = s.connection();
    let mut out = Vec::new();
    for (t, cols) in [
        ("articles", "id, hash, ext_id, origin, title, url, source, published, lang"),
        ("events", "id, article_id, merged_id, type, cameo, date, rule"),
        ("merged_events", "id, merge_key, num_mentions, num_sources, num_articles, first_seen, last_seen, added_at"),
        ("mentions", "article_id, ord, text, label, char_start, actor"),
        ("times", "article_id, ord, text, value"),
        ("quotes", "article_id, ord, text, speaker"),
        ("event_actors", "event_id, role, code"),
        ("merged_sources", "merged_id, source"),
    ] {
        let quoted: Vec<String> = cols.split(", ").map(|c| format!("quote({c})")).collect();
        let sql = format!("SELECT '{t}: ' || {} FROM {t} ORDER BY 1", quoted.join(" || ' ' || "));
        let mut st = c.prepare(&sql).unwrap();
        out.extend(st.query_map([], |r| r.get::<_, String>(0)).unwrap().map(|r| r.unwrap()));
    }
    out
}

fn merged(db: &Path, f: &Filter) -> Vec<warta_store::MergedEvent> {
    let mut s = SqliteStore::open(db).unwrap();
    let mut v = Vec::new();
    s.merged_events(f, &mut |m| {
        v.push(m);
        Ok(())
    })
    .unwrap();
    v
}

#[test]
fn mixed_corpus_twice() {
    let dir = tempfile::tempdir().unwrap();
    let root = corpus(dir.path());
    let db = dir.path().join("w.db");

    let first = ingest(&[&root], &db);
    let (out, err) = (text(&first.stdout), text(&first.stderr));
    assert!(first.status.success(), "stdout: {out}\nstderr: {err}");
    // Every bad record is named with its file and record, and counted.
    for expected in [
        "articles.jsonl:2: invalid JSON",
        "articles.jsonl:3: no \"text\" string",
        "broken.jsonl.gz:1: corrupt gzip",
        "kosong.html: HTML page has no article body",
        "dunia.xml#entry 2: feed entry has no content",
        "cc-news.warc.gz#record 4 (byte ",
        "truncated WARC record",
        "cc-news.warc.gz#record 5 (byte ",
        "corrupt gzip member",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in stderr:\n{err}");
    }
    assert!(
        out.contains("ingested 7 new articles") && out.contains("(1 already stored)") && out.contains("7 errors") && out.contains("3 non-article records"),
        "{out}"
    );

    let mut s = SqliteStore::open(&db).unwrap();
    let stats = s.stats().unwrap();
    assert_eq!(stats.articles, 7, "{stats:?}");
    assert!(stats.events >= 5 && stats.mentions > 10 && stats.times >= 6, "{stats:?}");
    let origins: Vec<String> = {
        let mut st = s.connection().prepare("SELECT origin FROM articles ORDER BY origin").unwrap();
        st.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
    };
    for part in ["cc-news.warc.gz#record 3", "cc-news.warc.gz#record 6", "articles.jsonl:1", "articles.jsonl:4", "dunia.xml#entry 1", "more.jsonl.gz:1", "natuna.txt"] {
        assert!(origins.iter().any(|o| o.contains(part)), "no article from {part}: {origins:?}");
    }
    // Metadata came from the page and the feed.
    let (title, published, source): (String, String, String) = s
        .connection()
        .query_row("SELECT title, published, source FROM articles WHERE url = 'https://antara.example/berita/perjanjian-pertahanan'", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!((title.as_str(), published.as_str(), source.as_str()), ("Putin dan Kim Jong Un teken perjanjian pertahanan", "2024-06-19", "Antara"));
    let feed_published: String =
        s.connection().query_row("SELECT published FROM articles WHERE origin LIKE '%dunia.xml#entry 1'", [], |r| r.get(0)).unwrap();
    assert_eq!(feed_published, "2024-01-24");

    // The treaty, reported by the web page (stored from the WARC) and the JSON line, is one merged event.
    let treaty = merged(&db, &Filter { kind: Some("SUPPORT".into()), cameo: Some("057".into()), ..Default::default() });
    assert_eq!(treaty.len(), 1, "{treaty:?}");
    let t = &treaty[0];
    assert_eq!((t.num_articles, t.num_sources, t.date.as_deref()), (2, 2, Some("2024-06-19")), "{t:?}");
    assert_eq!(t.location.as_ref().map(|l| l.country.as_str()), Some("PRK"));
    let ms = s.mentions_of(t.id).unwrap();
    assert_eq!(ms.len(), 2);
    assert_ne!(ms[0].article_id, ms[1].article_id);
    // The evidence survives: sentence, trigger and rule.
    for m in &ms {
        assert!(m.event.rule.starts_with("id."), "{m:?}");
        assert!(m.event.trigger.end > m.event.trigger.start);
    }
    drop(s);

    // Second run: nothing changes.
    let before = snapshot(&db);
    let second = ingest(&[&root], &db);
    let out2 = text(&second.stdout);
    assert!(second.status.success());
    assert!(out2.contains("ingested 0 new articles") && out2.contains("(8 already stored)") && out2.contains(" 0 events"), "{out2}");
    assert_eq!(snapshot(&db), before);

    // The same folder through `query` and `export`.
    let q = warta(&["query", "--db", &db.display().to_string(), "--type", "SUPPORT", "--json"]);
    assert!(q.status.success(), "{}", text(&q.stderr));
    let rows: Vec<serde_json::Value> = text(&q.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["num_articles"], 2);
    assert_eq!(rows[0]["cameo"], "057");
    let q = warta(&["query", "--db", &db.display().to_string(), "--country", "Atlantis Raya"]);
    assert!(!q.status.success(), "an unknown country name is an error");
    let q = warta(&["query", "--db", &db.display().to_string(), "--country", "Korea Utara", "--json"]);
    assert!(q.status.success() && text(&q.stdout).contains("\"PRK\""), "country names resolve through the gazetteer");
    let q = warta(&["query", "--db", &db.display().to_string(), "--country", "KP", "--text", "Pyongyang", "--from", "2024-06", "--to", "2024-06-30"]);
    assert!(q.status.success(), "{}", text(&q.stderr));
    assert!(text(&q.stdout).lines().count() >= 2 && text(&q.stdout).contains("057"), "{}", text(&q.stdout));
    let q = warta(&["query", "--db", &db.display().to_string(), "--mentions", "--actor", "RUS", "--json"]);
    let rows: Vec<serde_json::Value> = text(&q.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(rows.len() >= 2 && rows.iter().all(|r| r["event"]["rule"].as_str().unwrap().starts_with("id.")));
    let q = warta(&["query", "--db", &dir.path().join("none.db").display().to_string()]);
    assert!(!q.status.success() && text(&q.stderr).contains("no such store"));

    let total = merged(&db, &Filter::default()).len();
    let gdelt = dir.path().join("events.tsv");
    let e = warta(&["export", "--db", &db.display().to_string(), "--format", "gdelt", "-o", &gdelt.display().to_string()]);
    assert!(e.status.success(), "{}", text(&e.stderr));
    let tsv = std::fs::read_to_string(&gdelt).unwrap();
    assert_eq!(tsv.lines().count(), total);
    for line in tsv.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 61, "{line}");
        assert_eq!(cols[1].len(), 8, "SQLDATE {line}");
        assert!(cols[26].len() >= 3 && cols[26].bytes().all(|b| b.is_ascii_digit()), "EventCode {line}");
    }
    let treaty_line = tsv.lines().find(|l| l.split('\t').nth(26) == Some("057")).unwrap();
    let cols: Vec<&str> = treaty_line.split('\t').collect();
    assert_eq!((cols[1], cols[28], cols[33], cols[53]), ("20240619", "05", "2", "KN"), "{treaty_line}");

    let csv = dir.path().join("events.csv");
    let e = warta(&["export", "--db", &db.display().to_string(), "--format", "csv", "-o", &csv.display().to_string()]);
    assert!(e.status.success());
    let csv = std::fs::read_to_string(&csv).unwrap();
    assert!(csv.starts_with("id,date,date_precision,type,mode,cameo,"));
    assert_eq!(csv.lines().count(), total + 1);
    assert!(csv.contains(",057,"), "CAMEO codes keep their leading zero");

    let jsonl = dir.path().join("mentions.jsonl");
    let e = warta(&["export", "--db", &db.display().to_string(), "--format", "jsonl", "--mentions", "-o", &jsonl.display().to_string()]);
    assert!(e.status.success());
    let n_mentions = std::fs::read_to_string(&jsonl).unwrap().lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()).count();
    assert_eq!(n_mentions as u64, SqliteStore::open(&db).unwrap().stats().unwrap().events);

    let pq = dir.path().join("events.parquet");
    let e = warta(&["export", "--db", &db.display().to_string(), "--format", "parquet", "-o", &pq.display().to_string()]);
    assert!(e.status.success(), "{}", text(&e.stderr));
    use parquet::file::reader::FileReader;
    let reader = parquet::file::reader::SerializedFileReader::new(std::fs::File::open(&pq).unwrap()).unwrap();
    let meta = reader.metadata();
    assert_eq!(meta.file_metadata().num_rows() as usize, total);
    let fields: Vec<String> = meta.file_metadata().schema_descr().columns().iter().map(|c| c.name().to_string()).collect();
    assert!(fields.contains(&"cameo".to_string()) && fields.contains(&"num_articles".to_string()));
    assert!(!dir.path().join("events.parquet.partial").exists());
}

fn jsonl_corpus(path: &Path, n: usize) {
    let seed = include_str!("../../../examples/seed-id.txt");
    let paras: Vec<&str> = seed.split("\n\n").map(str::trim).filter(|p| p.len() > 40).collect();
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..n {
        let k = 2 + i % 5;
        let text: Vec<&str> = (0..k).map(|j| paras[(i * 7 + j * 3) % paras.len()]).collect();
        let text = format!("{}\n\n(Laporan nomor {i}.)", text.join("\n\n"));
        let line = serde_json::json!({"id": format!("gen-{i}"), "text": text, "published": "2024-06-19", "lang": "id", "source": format!("outlet{}", i % 5)});
        writeln!(f, "{line}").unwrap();
    }
}

fn count_articles(db: &Path) -> Option<i64> {
    if !Path::new(&format!("{}-wal", db.display())).exists() {
        return None;
    }
    let s = SqliteStore::open(db).ok()?;
    s.connection().query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).ok()
}

/// Consistency of a store after a crash and a re-run: every article once, counts equal to the rows.
fn check_consistent(db: &Path, n: i64) {
    let s = SqliteStore::open(db).unwrap();
    let c = s.connection();
    let one = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(one("SELECT count(*) FROM articles"), n);
    assert_eq!(one("SELECT count(DISTINCT ext_id) FROM articles"), n, "an article is stored twice");
    assert_eq!(one("SELECT count(*) FROM events WHERE article_id NOT IN (SELECT id FROM articles)"), 0);
    assert_eq!(
        one("SELECT coalesce(sum(num_articles), 0) FROM merged_events"),
        one("SELECT count(*) FROM (SELECT DISTINCT merged_id, article_id FROM events)")
    );
    assert_eq!(
        one("SELECT coalesce(sum(num_mentions), 0) FROM merged_events"),
        one("SELECT coalesce(sum(1 + coalesce(json_array_length(also_reported), 0)), 0) FROM events")
    );
    assert_eq!(one("SELECT count(*) FROM merged_events WHERE id NOT IN (SELECT merged_id FROM events)"), 0);
    assert_eq!(one("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"Laporan\"'"), n);
}

#[test]
fn kill_9_then_rerun_keeps_every_article_once() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let n = 4000;
    jsonl_corpus(&corpus, n);
    let db = dir.path().join("k.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["ingest", &corpus.display().to_string(), "--db", &db.display().to_string(), "--batch", "64", "--today", TODAY])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if count_articles(&db).is_some_and(|c| c >= 64) {
            break;
        }
        assert!(child.try_wait().unwrap().is_none(), "ingest finished before it could be killed");
        assert!(start.elapsed() < Duration::from_secs(120), "nothing was stored");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    assert!(!status.success());
    let partial = count_articles(&db).unwrap();
    assert!(partial > 0 && partial < n as i64, "killed after {partial} of {n}");
    check_consistent(&db, partial);

    let again = ingest(&[&corpus], &db);
    assert!(again.status.success(), "{}", text(&again.stderr));
    let out = text(&again.stdout);
    assert!(out.contains(&format!("ingested {} new articles", n as i64 - partial)), "{out}");
    check_consistent(&db, n as i64);
}

#[test]
fn a_file_that_vanishes_is_reported_and_the_rest_kept() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    std::fs::create_dir_all(&root).unwrap();
    let n = 3000;
    jsonl_corpus(&root.join("a-banyak.jsonl"), n);
    let gone = root.join("b-hilang.txt");
    std::fs::write(&gone, "Presiden Rusia Vladimir Putin tiba di Pyongyang pada Rabu (19/6/2024).").unwrap();
    std::fs::write(root.join("c-ada.txt"), "Presiden Korea Selatan mengecam perjanjian itu pada Kamis (20/6/2024).").unwrap();
    let db = dir.path().join("v.db");
    let child = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["ingest", &root.display().to_string(), "--db", &db.display().to_string(), "--batch", "64", "--today", TODAY])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !count_articles(&db).is_some_and(|c| c > 0) {
        assert!(start.elapsed() < Duration::from_secs(120), "nothing was stored");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::fs::remove_file(&gone).unwrap();
    let out = child.wait_with_output().unwrap();
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "an unreadable input makes the exit code 1");
    assert!(err.contains("b-hilang.txt: cannot read"), "{err}");
    assert!(text(&out.stdout).contains("1 errors"), "{}", text(&out.stdout));
    let s = SqliteStore::open(&db).unwrap();
    assert_eq!(s.connection().query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0)).unwrap(), n as i64 + 1);
}
