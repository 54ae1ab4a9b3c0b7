//! `warta bench-serve`: latency and throughput of `GET /api/events` on a large store.
//!
//! Extracting a million events would take a long time, so the store is the bundled examples ingested for
//! real, then copied in SQL: each copy of every merged event, mention and actor row gets its own ids, a date
//! shifted by up to ten years and a place country from a list, so filters and pages land on varied rows.
//! The server runs in this process on loopback with the rate limit off; a client with `--connections`
//! keep-alive connections sends a fixed mix of event queries for `--seconds` and reports p50/p99 and
//! requests per second, per query and overall.

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};
use warta_serve::{pool::Pool, AppState, Config};
use warta_store::{Ingested, SqliteStore, Store};

#[derive(clap::Args)]
pub struct BenchServeArgs {
    /// Event mentions in the synthetic store (about half as many merged events).
    #[arg(long, default_value_t = 2_000_000)]
    events: u64,
    /// Concurrent keep-alive connections.
    #[arg(long, default_value_t = 200)]
    connections: usize,
    /// How long to send requests.
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// The store file; made when missing, reused when it has enough events.
    #[arg(long, default_value = "target/bench-serve.db")]
    db: PathBuf,
    /// Store connections of the server.
    #[arg(long, default_value_t = 8)]
    pool: usize,
}

/// The queries sent, in turn: the dashboard's first page, deeper pages, and the common filters alone and
/// combined.
const QUERIES: &[(&str, &str)] = &[
    ("newest page", "/api/events"),
    ("page 20", "/api/events?offset=1000"),
    ("country", "/api/events?country=UKR"),
    ("type", "/api/events?type=ASSAULT"),
    ("month", "/api/events?from=2022-03&to=2022-03"),
    ("actor", "/api/events?actor=RUSGOV&limit=20"),
    ("combined", "/api/events?country=UKR&type=ASSAULT&from=2020&to=2023"),
    ("actor+month", "/api/events?actor=RUS&from=2022-03&to=2022-03"),
];

/// Countries the copies are placed in (the examples' own and their neighbours).
const COUNTRIES: &[&str] = &[
    "IDN", "RUS", "PRK", "KOR", "UKR", "CHN", "USA", "JPN", "MYS", "SGP", "PHL", "THA", "VNM", "AUS", "IND", "PAK",
    "IRN", "ISR", "PSE", "SYR", "TUR", "DEU", "FRA", "GBR", "POL", "BLR", "SAU", "EGY", "NGA", "BRA",
];

pub fn run(args: &BenchServeArgs) -> Result<ExitCode, String> {
    let t = Instant::now();
    let (merged, events) = prepare(&args.db, args.events)?;
    eprintln!("store {}: {events} event mentions, {merged} merged events (ready in {:.1} s)", args.db.display(), t.elapsed().as_secs_f64());
    let db = args.db.to_string_lossy().to_string();
    let pool = Pool::open(&db, args.pool)?;
    let config = Config { rate_per_sec: 0, ..Config::default() };
    let state = AppState::new(pool, config, None)?;
    let rt = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    rt.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.map_err(|e| e.to_string())?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        tokio::spawn(warta_serve::serve(listener, warta_serve::router(state)));
        load(addr, args.connections, Duration::from_secs(args.seconds)).await
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Makes (or reuses) a store with at least `want` event mentions; returns (merged events, mentions).
fn prepare(db: &Path, want: u64) -> Result<(u64, u64), String> {
    let mut store = SqliteStore::open(db).map_err(|e| format!("{}: {e}", db.display()))?;
    let st = store.stats().map_err(|e| e.to_string())?;
    if st.events >= want {
        return Ok((st.merged_events, st.events));
    }
    if st.articles > 0 {
        return Err(format!("{}: holds {} events, fewer than {want}; remove it to rebuild", db.display(), st.events));
    }
    let ex = crate::extractor(None)?;
    let batch: Vec<Ingested> = example_articles()?
        .into_iter()
        .map(|(origin, a)| {
            let r = ex.extract(&a);
            Ingested::new(origin, a, r)
        })
        .collect();
    store.ingest(&batch).map_err(|e| e.to_string())?;
    let c = store.connection();
    let count = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).map_err(|e| e.to_string());
    let (base_merged, base_events) = (count("SELECT max(id) FROM merged_events")?, count("SELECT max(id) FROM events")?);
    if base_events == 0 {
        return Err("the examples yielded no events".into());
    }
    let copies = (want as i64 + base_events - 1) / base_events - 1;
    let countries: Vec<String> = COUNTRIES.iter().map(|c| format!("'{c}'")).collect();
    // Copy k of row id gets id k * base + id; dates move back (k * 7) % 3650 days.
    let sql = format!(
        "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < {copies}),
         c(i, code) AS (SELECT row_number() OVER () - 1, column1 FROM (VALUES ({})))
         INSERT INTO merged_events (id, merge_key, type, mode, cameo, quad_class, goldstein, date, date_precision,
           date_start, date_end, source_codes, target_codes, source_json, target_json, loc_text, loc_name, loc_country,
           loc_lat, loc_lon, loc_geonames_id, loc_kind, num_mentions, num_sources, num_articles, first_seen, last_seen,
           added_at, first_event_id)
         SELECT n.k * {base_merged} + m.id, m.merge_key || '#' || n.k, m.type, m.mode, m.cameo, m.quad_class, m.goldstein,
           date(m.date_start, '-' || ((n.k * 7) % 3650) || ' days'), 'day',
           date(m.date_start, '-' || ((n.k * 7) % 3650) || ' days'), date(m.date_start, '-' || ((n.k * 7) % 3650) || ' days'),
           m.source_codes, m.target_codes, m.source_json, m.target_json, m.loc_text, m.loc_name,
           CASE WHEN m.loc_kind IS NULL THEN NULL ELSE (SELECT code FROM c WHERE i = (n.k + m.id) % {nc}) END,
           m.loc_lat, m.loc_lon, m.loc_geonames_id, m.loc_kind, m.num_mentions, m.num_sources, m.num_articles,
           m.first_seen, m.last_seen, m.added_at, n.k * {base_events} + m.first_event_id
         FROM n, merged_events m WHERE m.id <= {base_merged};
         WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < {copies})
         INSERT INTO events (id, article_id, merged_id, ord, type, mode, cameo, quad_class, goldstein, date,
           date_precision, date_start, date_end, date_evidence, source_json, target_json, loc_text, loc_name, loc_country,
           loc_lat, loc_lon, loc_geonames_id, loc_kind, modality, sentence_index, sentence_start, sentence_end,
           trigger_text, trigger_start, trigger_end, rule, also_reported, is_root)
         SELECT n.k * {base_events} + e.id, e.article_id, n.k * {base_merged} + e.merged_id, e.ord, e.type, e.mode, e.cameo,
           e.quad_class, e.goldstein, m.date, m.date_precision, m.date_start, m.date_end, e.date_evidence, e.source_json,
           e.target_json, e.loc_text, e.loc_name, m.loc_country, e.loc_lat, e.loc_lon, e.loc_geonames_id, e.loc_kind,
           e.modality, e.sentence_index, e.sentence_start, e.sentence_end, e.trigger_text, e.trigger_start, e.trigger_end,
           e.rule, e.also_reported, e.is_root
         FROM n, events e JOIN merged_events m ON m.id = n.k * {base_merged} + e.merged_id WHERE e.id <= {base_events};
         WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < {copies})
         INSERT INTO event_actors (event_id, role, ord, code, country, text, name)
         SELECT n.k * {base_events} + a.event_id, a.role, a.ord, a.code, a.country, a.text, a.name
         FROM n, event_actors a WHERE a.event_id <= {base_events};
         WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < {copies})
         INSERT INTO merged_countries (merged_id, country, date_start, date_end)
         SELECT id, loc_country, date_start, date_end FROM merged_events WHERE id > {base_merged} AND loc_country IS NOT NULL
         UNION
         SELECT m.id, a.country, m.date_start, m.date_end
         FROM n, event_actors a JOIN events e ON e.id = a.event_id JOIN merged_events m ON m.id = n.k * {base_merged} + e.merged_id
         WHERE e.id <= {base_events} AND a.country IS NOT NULL;
         WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < {copies})
         INSERT INTO merged_actors (merged_id, code, date_start, date_end)
         SELECT m.id, x.code, m.date_start, m.date_end
         FROM n, merged_actors x JOIN merged_events m ON m.id = n.k * {base_merged} + x.merged_id WHERE x.merged_id <= {base_merged};
         ANALYZE;",
        countries.join("), ("),
        nc = COUNTRIES.len(),
    );
    c.execute_batch(&format!("BEGIN; {sql} COMMIT;")).map_err(|e| format!("cannot build the benchmark store: {e}"))?;
    let st = store.stats().map_err(|e| e.to_string())?;
    Ok((st.merged_events, st.events))
}

/// The bundled examples: `examples/*.txt` and the lines of `examples/*.jsonl`.
fn example_articles() -> Result<Vec<(String, warta_core::Article)>, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut out = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let name = p.display().to_string();
        match p.extension().and_then(|e| e.to_str()) {
            Some("txt") => {
                let id = p.file_stem().unwrap_or_default().to_string_lossy().to_string();
                out.push((name, warta_core::Article { id, text, ..Default::default() }));
            }
            Some("jsonl") => {
                for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                    let a = serde_json::from_str(line).map_err(|e| format!("{name}:{}: {e}", i + 1))?;
                    out.push((format!("{name}:{}", i + 1), a));
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

/// Sends the query mix over `connections` keep-alive connections for `time`, then prints the figures.
async fn load(addr: std::net::SocketAddr, connections: usize, time: Duration) -> Result<(), String> {
    let start = Instant::now();
    let end = start + time;
    let mut tasks = Vec::new();
    for c in 0..connections {
        tasks.push(tokio::spawn(async move {
            let stream = tokio::net::TcpStream::connect(addr).await.map_err(|e| e.to_string())?;
            let (mut send, conn) = hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
                .await
                .map_err(|e| e.to_string())?;
            tokio::spawn(conn);
            let mut samples: Vec<(usize, u32)> = Vec::new();
            let mut q = c % QUERIES.len();
            while Instant::now() < end {
                let req = hyper::Request::get(QUERIES[q].1)
                    .header("host", addr.to_string())
                    .body(Empty::<Bytes>::new())
                    .map_err(|e| e.to_string())?;
                let t = Instant::now();
                let res = send.send_request(req).await.map_err(|e| e.to_string())?;
                let status = res.status();
                res.into_body().collect().await.map_err(|e| e.to_string())?;
                if !status.is_success() {
                    return Err(format!("{} answered {status}", QUERIES[q].1));
                }
                samples.push((q, t.elapsed().as_micros() as u32));
                q = (q + 1) % QUERIES.len();
            }
            Ok::<_, String>(samples)
        }));
    }
    let mut all: Vec<(usize, u32)> = Vec::new();
    for t in tasks {
        all.extend(t.await.map_err(|e| e.to_string())??);
    }
    let secs = start.elapsed().as_secs_f64();
    let pct = |v: &mut Vec<u32>, p: f64| -> f64 {
        v.sort_unstable();
        v[((v.len() as f64 * p) as usize).min(v.len() - 1)] as f64 / 1000.0
    };
    println!("GET /api/events on 127.0.0.1, {connections} connections, {secs:.1} s");
    println!("{:<12} {:>9} {:>9} {:>9} {:>10}", "query", "requests", "p50 ms", "p99 ms", "req/s");
    for (i, (name, _)) in QUERIES.iter().enumerate() {
        let mut v: Vec<u32> = all.iter().filter(|s| s.0 == i).map(|s| s.1).collect();
        if v.is_empty() {
            continue;
        }
        let n = v.len();
        println!("{name:<12} {n:>9} {:>9.2} {:>9.2} {:>10.0}", pct(&mut v, 0.5), pct(&mut v, 0.99), n as f64 / secs);
    }
    let mut v: Vec<u32> = all.iter().map(|s| s.1).collect();
    if v.is_empty() {
        return Err("no request completed".into());
    }
    let n = v.len();
    println!("{:<12} {n:>9} {:>9.2} {:>9.2} {:>10.0}", "all", pct(&mut v, 0.5), pct(&mut v, 0.99), n as f64 / secs);
    Ok(())
}
