//! `warta`: the command line. `extract` writes the output contract as JSON Lines, `explain` shows why each
//! event was coded, `bench` measures throughput on a generated corpus.

mod bench;
mod bench_ingest;
mod eval;
mod eval_events;
mod eval_timex;
mod explain;
mod export;
mod geocode;
mod ingest;
mod input;
mod query;
mod serve;
mod bench_serve;
mod train;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use warta_core::Extractor;

// Serving and extraction allocate many small strings per request and article; mimalloc handles that
// with less contention between threads than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "warta", version, about = "Turns news articles into event data: who did what to whom, when and where.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum InputFormat {
    /// One article per file (plain text).
    Text,
    /// JSON Lines, one article per line: {"id", "text", "title", "published", "lang", "url", "source"}.
    Jsonl,
}

#[derive(clap::Args)]
pub struct ReadArgs {
    /// Files to read; `-` (or nothing) reads standard input.
    files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    input: InputFormat,
    /// Language of every article (id, en, ms); detected per article when absent.
    #[arg(long)]
    lang: Option<String>,
    /// Publication date (YYYY-MM-DD) for articles that carry none.
    #[arg(long)]
    published: Option<String>,
    /// The date year inference may not pass (default: the system date).
    #[arg(long)]
    today: Option<NaiveDate>,
    /// A name tagger model (`warta train ner`) whose names replace the rules' in `entities`.
    #[arg(long)]
    ner_model: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Extract events, entities, times and quotes; one JSON object per article on standard output.
    Extract {
        #[command(flatten)]
        read: ReadArgs,
        /// Indent the JSON (one article then spans several lines).
        #[arg(long)]
        pretty: bool,
    },
    /// Print each event with its sentence, trigger, actors, rule and why its date and place were chosen.
    Explain {
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Measure extraction throughput on a generated corpus.
    Bench {
        /// Number of articles to generate.
        #[arg(long, default_value_t = 2000)]
        articles: usize,
    },
    /// Read files and directories (text, JSON Lines, HTML, RSS/Atom, WARC; gzipped too) into the store.
    Ingest(ingest::IngestArgs),
    /// Print stored events matching filters, as a table or JSON Lines.
    Query(query::QueryArgs),
    /// Write stored events as GDELT 2.0, CSV, JSON Lines or Parquet.
    Export(export::ExportArgs),
    /// Measure ingestion throughput and peak memory on a generated corpus.
    BenchIngest(bench_ingest::BenchIngestArgs),
    /// Serve the dashboard and the JSON API over a store (loopback only unless --addr says otherwise).
    Serve(serve::ServeArgs),
    /// Measure the events API's latency and throughput on a synthetic store of a million events.
    BenchServe(bench_serve::BenchServeArgs),
    /// Score extraction against gold data (same figures as ../shared/eval/score.py).
    Eval {
        #[command(subcommand)]
        what: eval::EvalCommand,
    },
    /// Train a model on your own annotated data.
    Train {
        #[command(subcommand)]
        what: train::TrainCommand,
    },
    /// Show each place a text names, its gazetteer candidates with scores, and the choice.
    Geocode(geocode::GeocodeArgs),
}

fn extractor(today: Option<NaiveDate>) -> Result<Extractor, String> {
    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
    Extractor::new(today).map_err(|e| format!("language pack failed to load: {e}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract { read, pretty } => run_extract(&read, pretty),
        Command::Explain { read } => explain::run(&read),
        Command::Bench { articles } => bench::run(articles),
        Command::Ingest(args) => ingest::run(&args),
        Command::Query(args) => query::run(&args),
        Command::Export(args) => export::run(&args),
        Command::BenchIngest(args) => bench_ingest::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::BenchServe(args) => bench_serve::run(&args),
        Command::Eval { what } => eval::run(&what),
        Command::Train { what } => train::run(&what),
        Command::Geocode(args) => geocode::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("warta: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run_extract(read: &ReadArgs, pretty: bool) -> Result<ExitCode, String> {
    let ex = train::with_ner_model(extractor(read.today)?, read.ner_model.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    input::for_each_article(read, |record| {
        let line = match record {
            input::Record::Article(a) => {
                let r = ex.extract(&a);
                for w in &r.warnings {
                    eprintln!("warta: {}: {w}", a.id);
                }
                if pretty { serde_json::to_string_pretty(&r) } else { serde_json::to_string(&r) }
            }
            input::Record::Error { id, message } => {
                eprintln!("warta: {message}");
                serde_json::to_string(&serde_json::json!({ "id": id, "error": message }))
            }
            input::Record::Unreadable { message } => {
                eprintln!("warta: {message}");
                failed = true;
                return Ok(());
            }
        };
        let line = line.map_err(|e| e.to_string())?;
        writeln!(out, "{line}").map_err(|e| format!("cannot write output: {e}"))
    })?;
    out.flush().map_err(|e| format!("cannot write output: {e}"))?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
