//! A store filled from the bundled `examples/` (extracted for real), and the app over it.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use warta_serve::{pool::Pool, AppState, Config};
use warta_store::Ingested;

pub const TOKEN: &str = "test-token-0123456789";

/// Every article of `examples/`: the text files and the JSON Lines.
fn examples() -> Vec<Ingested> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let ex = warta_core::Extractor::new(today).unwrap();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let articles: Vec<warta_core::Article> = match p.extension().and_then(|e| e.to_str()) {
            Some("txt") => vec![warta_core::Article {
                id: p.file_stem().unwrap().to_string_lossy().into(),
                text,
                ..Default::default()
            }],
            Some("jsonl") => text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect(),
            _ => continue,
        };
        for a in articles {
            let r = ex.extract(&a);
            out.push(Ingested::new(p.display().to_string(), a, r));
        }
    }
    out
}

/// A SQLite store in `dir` holding the examples; returns its path.
pub fn store(dir: &Path) -> String {
    let path = dir.join("warta.db").to_string_lossy().to_string();
    let mut s = warta_store::SqliteStore::open(&path).unwrap();
    use warta_store::Store;
    s.ingest(&examples()).unwrap();
    path
}

/// The app over `db`; with `ingest`, POST /api/articles takes [`TOKEN`].
pub fn state(db: &str, ingest: bool, rate: u32) -> Arc<AppState> {
    let config = Config { ingest_token: ingest.then(|| TOKEN.to_string()), rate_per_sec: rate, burst: rate.max(1), ..Config::default() };
    let ex = ingest.then(|| warta_core::Extractor::new(chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()).unwrap());
    AppState::new(Pool::open(db, 2).unwrap(), config, ex).unwrap()
}
