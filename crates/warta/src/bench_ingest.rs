//! `warta bench-ingest --articles N`: ingestion throughput (read → extract on all cores → store in SQLite)
//! on a corpus generated from the bundled example articles, with peak memory (VmHWM) at checkpoints so one
//! can see it stay flat as the corpus grows, and a same-process baseline: extraction alone on the same
//! cores, without storing.

use crate::ingest::{self, thread_cpu_seconds, Options, Raw, Sink};
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use warta_core::Article;

const EXAMPLES: &[&str] = &[include_str!("../../../examples/seed-id.txt")];

const OUTLETS: &[&str] = &[
    "antaranews.com", "kompas.com", "tempo.co", "detik.com", "cnnindonesia.com", "republika.co.id", "liputan6.com",
    "tribunnews.com", "jawapos.com", "mediaindonesia.com", "sindonews.com", "okezone.com",
];

#[derive(clap::Args)]
pub struct BenchIngestArgs {
    /// Number of articles to generate and ingest.
    #[arg(long, default_value_t = 10_000)]
    pub articles: usize,
    /// Store to ingest into (default: a fresh SQLite file in the temporary folder, removed afterwards).
    #[arg(long)]
    pub db: Option<String>,
    /// Articles in the extraction-only baseline (0: skip it).
    #[arg(long, default_value_t = 5_000)]
    pub baseline: usize,
}

/// A small deterministic generator, so every run measures the same corpus.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Generates article `i`: 3–12 paragraphs of the examples, a unique closing line, a date within 2024 and
/// one of a dozen outlets.
pub struct Generator {
    paras: Vec<&'static str>,
    rng: Lcg,
}

impl Generator {
    pub fn new(seed: u64) -> Self {
        let paras = EXAMPLES.iter().flat_map(|a| a.split("\n\n")).map(str::trim).filter(|p| p.len() > 40).collect();
        Generator { paras, rng: Lcg(seed) }
    }

    pub fn article(&mut self, i: usize) -> Article {
        let k = 3 + self.rng.next(10);
        let mut text = (0..k).map(|_| self.paras[self.rng.next(self.paras.len())]).collect::<Vec<_>>().join("\n\n");
        text.push_str(&format!("\n\n(Laporan nomor {i}.)"));
        let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(self.rng.next(366) as u64);
        let outlet = OUTLETS[self.rng.next(OUTLETS.len())];
        Article {
            id: i.to_string(),
            text,
            title: Some(format!("Laporan {i}")),
            published: Some(day.to_string()),
            lang: Some("id".into()),
            url: Some(format!("https://{outlet}/berita/{i}")),
            source: Some(outlet.into()),
        }
    }
}

/// CPU time (user + system) of the whole process so far, from `/proc/self/stat`.
pub fn process_cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

/// Peak and current resident memory of this process in KiB (`VmHWM`, `VmRSS`).
pub fn memory_kib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

fn mib(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

pub fn run(args: &BenchIngestArgs) -> Result<ExitCode, String> {
    let n = args.articles.max(1);
    let ex = crate::extractor(chrono::NaiveDate::from_ymd_opt(2026, 1, 1))?;
    // Warm up (gazetteer, CLDR names) before timing.
    ex.extract(&Generator::new(1).article(0));
    let temp = args.db.is_none();
    let db = args.db.clone().unwrap_or_else(|| {
        let p: PathBuf = std::env::temp_dir().join(format!("warta-bench-ingest-{}.db", std::process::id()));
        p.display().to_string()
    });
    let opts = Options { db: db.clone(), lang: None, published: None, batch: 256, progress: false, quiet: true };
    let threads = rayon::current_num_threads();
    println!("ingest: {n} generated articles into {db} ({threads} extraction threads + 1 writer)");
    let (hwm0, _) = memory_kib();
    println!("  start: VmHWM {:.1} MiB", mib(hwm0));
    let (start, cpu0) = (Instant::now(), process_cpu_seconds());
    let mut bytes = 0usize;
    let summary = ingest::ingest_with(&ex, &opts, |p| {
        let mut g = Generator::new(42);
        let checkpoints = [10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000, 2_000_000, 5_000_000];
        for i in 0..n {
            let a = g.article(i);
            bytes += a.text.len();
            if p.article(format!("generated:{i}"), Raw::Article(a)).is_err() {
                return;
            }
            if checkpoints.contains(&(i + 1)) && i + 1 < n {
                let t = start.elapsed().as_secs_f64();
                let (hwm, rss) = memory_kib();
                println!(
                    "  {:>7} articles: {:>7.1} articles/s  VmHWM {:>6.1} MiB  VmRSS {:>6.1} MiB",
                    i + 1,
                    (i + 1) as f64 / t,
                    mib(hwm),
                    mib(rss)
                );
            }
        }
    })?;
    let t = start.elapsed().as_secs_f64();
    let cpu = process_cpu_seconds() - cpu0;
    let (hwm, rss) = memory_kib();
    let rate = n as f64 / t;
    println!(
        "  {:>7} articles: {:>7.1} articles/s  VmHWM {:>6.1} MiB  VmRSS {:>6.1} MiB  ({:.1} s, {:.1} MB of text)",
        n,
        rate,
        mib(hwm),
        mib(rss),
        t,
        bytes as f64 / 1e6
    );
    println!(
        "  CPU: {:.2} ms per article (all threads); {:.0} articles/s if the {threads} cores were ours alone",
        cpu * 1e3 / n as f64,
        threads as f64 * n as f64 / cpu
    );
    println!(
        "  stored {} articles, {} events, {} new merged events ({} errors)",
        summary.stored.articles, summary.stored.events, summary.stored.new_merged, summary.errors
    );
    let db_size: u64 = ["", "-wal"].iter().filter_map(|s| std::fs::metadata(format!("{db}{s}")).ok()).map(|m| m.len()).sum();
    println!(
        "  store size: {:.1} MB; the writer spent {:.1} s storing ({:.2} ms per article, {:.2} ms of CPU)",
        db_size as f64 / 1e6,
        summary.store_seconds,
        summary.store_seconds * 1e3 / n as f64,
        summary.store_cpu_seconds * 1e3 / n as f64
    );
    if temp {
        for s in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{db}{s}"));
        }
    }
    if args.baseline > 0 {
        let m = args.baseline;
        let mut g = Generator::new(42);
        let docs: Vec<Article> = (0..m).map(|i| g.article(i)).collect();
        let (start, bcpu0) = (Instant::now(), process_cpu_seconds());
        let events: usize = docs.par_iter().map(|a| ex.extract(a).events.len()).sum();
        let bt = start.elapsed().as_secs_f64();
        let bcpu = process_cpu_seconds() - bcpu0;
        let brate = m as f64 / bt;
        println!(
            "baseline: extraction alone on the same {threads} threads, {m} articles: {brate:.1} articles/s ({events} events); CPU {:.2} ms per article",
            bcpu * 1e3 / m as f64
        );
        println!(
            "ratio ingest/extraction-only: {:.2} by wall time, {:.2} by CPU time (1.00 = storing costs nothing)",
            rate / brate,
            (bcpu / m as f64) / (cpu / n as f64)
        );
        // The store alone: the same extracted articles written in batches on one thread.
        let items: Vec<warta_store::Ingested> = docs
            .into_par_iter()
            .enumerate()
            .map(|(i, a)| {
                let r = ex.extract(&a);
                warta_store::Ingested::new(format!("generated:{i}"), a, r)
            })
            .collect();
        let path = std::env::temp_dir().join(format!("warta-bench-store-{}.db", std::process::id())).display().to_string();
        let (st, cpu) = std::thread::Builder::new()
            .name("store-alone".into())
            .spawn({
                let path = path.clone();
                move || -> Result<(f64, f64), String> {
                    let mut store = warta_store::open(&path).map_err(|e| e.to_string())?;
                    let (start, cpu0) = (Instant::now(), thread_cpu_seconds());
                    for chunk in items.chunks(256) {
                        store.ingest(chunk).map_err(|e| e.to_string())?;
                    }
                    Ok((start.elapsed().as_secs_f64(), thread_cpu_seconds() - cpu0))
                }
            })
            .map_err(|e| e.to_string())?
            .join()
            .map_err(|_| "store thread panicked".to_string())??;
        for s in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{path}{s}"));
        }
        println!(
            "store alone (one thread, batches of 256): {:.1} articles/s, {:.3} ms per article ({:.3} ms of CPU)",
            m as f64 / st,
            st * 1e3 / m as f64,
            cpu * 1e3 / m as f64
        );
    }
    Ok(ExitCode::SUCCESS)
}
