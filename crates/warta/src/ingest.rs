//! `warta ingest PATH… [--db warta.db]`: reads a corpus (files and directories, recursively: plain text,
//! JSON Lines, HTML pages, RSS/Atom feeds, WARC archives, any of them gzipped), extracts every article on
//! all cores and stores the results (see `warta-store`). Articles already stored are recognised by their
//! content hash and skipped before extraction, so a second run, or a run after a crash, only adds what is
//! missing. Each batch is one transaction.
//!
//! Every bad record (invalid JSON, an HTML page without a body, a corrupt gzip member, a truncated WARC
//! record, a file that cannot be read) is reported on stderr with its file and record, counted and skipped.

pub mod html;
pub mod warc;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use crate::input::{stem, text_problem};
use std::collections::HashSet;
use std::io::{BufRead, BufReader, IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{sync_channel, SyncSender};
use std::time::{Duration, Instant};
use warta_core::{Article, Extractor};
use warta_store::{IngestReport, Ingested, Store};

/// Largest file read whole (text, HTML, feeds); JSON Lines and WARC are streamed.
const MAX_FILE: u64 = 256 << 20;

#[derive(clap::Args)]
pub struct IngestArgs {
    /// Files and directories (read recursively) to ingest.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The store: a SQLite file (created if needed) or a postgres:// URL.
    #[arg(long, default_value = "warta.db")]
    pub db: String,
    /// Language of articles that do not say (id, en, ms); detected per article when absent.
    #[arg(long)]
    pub lang: Option<String>,
    /// Publication date (YYYY-MM-DD) for articles that carry none.
    #[arg(long)]
    pub published: Option<String>,
    /// The date year inference may not pass (default: the system date).
    #[arg(long)]
    pub today: Option<chrono::NaiveDate>,
    /// Articles per transaction.
    #[arg(long, default_value_t = 256)]
    pub batch: usize,
    /// Extraction threads (default: one per core).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// No progress bar and no per-record messages, only the summary.
    #[arg(long, short)]
    pub quiet: bool,
}

/// How an input is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Jsonl,
    Html,
    Feed,
    Warc,
}

/// An article as read, before the expensive parts (HTML parsing, extraction) that run in parallel.
pub enum Raw {
    Article(Article),
    /// A whole web page; the article's `url`/`id` are fallbacks for what the page says.
    Page { html: String, article: Article },
    /// An HTML fragment (a feed item's content) holding the text.
    Fragment { html: String, article: Article },
}

/// What the readers produce.
pub trait Sink {
    fn article(&mut self, origin: String, raw: Raw) -> Result<(), String>;
    /// A record that could not be read; counted and skipped.
    fn error(&mut self, origin: &str, message: &str);
    /// A record that is not an article (a WARC request, an HTTP redirect …); counted quietly.
    fn skip(&mut self) {}
}

/// Guesses the format from the name (without `.gz`), then from the first bytes.
pub fn detect(name: &str, head: &[u8]) -> Format {
    let lower = name.to_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    let ext = Path::new(lower).extension().and_then(|e| e.to_str()).unwrap_or("");
    match ext {
        "jsonl" | "ndjson" | "json" => return Format::Jsonl,
        "html" | "htm" | "xhtml" => return Format::Html,
        "rss" | "atom" | "xml" => return Format::Feed,
        "warc" | "arc" => return Format::Warc,
        "txt" | "text" | "md" => return Format::Text,
        _ => {}
    }
    let s = String::from_utf8_lossy(&head[..head.len().min(1024)]).trim_start_matches('\u{feff}').trim_start().to_lowercase();
    if s.starts_with("warc/") {
        Format::Warc
    } else if s.starts_with('{') {
        Format::Jsonl
    } else if s.starts_with("<rss") || s.starts_with("<feed") || (s.starts_with("<?xml") && (s.contains("<rss") || s.contains("<feed") || s.contains("<rdf"))) {
        Format::Feed
    } else if s.starts_with("<!doctype html") || s.starts_with("<html") || s.starts_with('<') {
        Format::Html
    } else {
        Format::Text
    }
}

/// Every file under the paths, directories walked recursively in name order (hidden entries skipped).
pub fn walk(paths: &[PathBuf], sink: &mut dyn Sink, files: &mut Vec<PathBuf>) {
    fn visit(p: &Path, sink: &mut dyn Sink, files: &mut Vec<PathBuf>, top: bool) {
        let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.') && n.len() > 1 && n != "..");
        if hidden && !top {
            return;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => match std::fs::read_dir(p) {
                Ok(rd) => {
                    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
                    entries.sort();
                    for e in entries {
                        visit(&e, sink, files, false);
                    }
                }
                Err(e) => sink.error(&p.display().to_string(), &format!("cannot read directory: {e}")),
            },
            Ok(_) => files.push(p.to_path_buf()),
            Err(e) => sink.error(&p.display().to_string(), &format!("cannot read: {e}")),
        }
    }
    for p in paths {
        visit(p, sink, files, true);
    }
}

/// Reads one file into the sink. `Err` only when the file cannot be opened at all.
pub fn read_file(path: &Path, sink: &mut dyn Sink) -> Result<(), String> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let gz = name.to_lowercase().ends_with(".gz");
    let mut input = BufReader::with_capacity(1 << 16, file);
    let head = input.fill_buf().map_err(|e| format!("cannot read: {e}"))?.to_vec();
    // A gzip's format comes from its inner name, or from its first decompressed bytes.
    let format = if gz && !name.to_lowercase().ends_with(".warc.gz") {
        let inner = name[..name.len() - 3].to_string();
        let guess = detect(&inner, b"");
        if guess == Format::Text && Path::new(&inner).extension().is_none() {
            let mut peek = Vec::new();
            let _ = flate2::read::MultiGzDecoder::new(std::io::Cursor::new(&head)).take(1024).read_to_end(&mut peek);
            detect(&inner, &peek)
        } else {
            guess
        }
    } else {
        detect(&name, &head)
    };
    if format == Format::Warc {
        return read_warc(&name, input, sink);
    }
    let reader: Box<dyn Read> = if gz { Box::new(flate2::read::MultiGzDecoder::new(input)) } else { Box::new(input) };
    let what = if gz { "corrupt gzip or unreadable" } else { "cannot read" };
    match format {
        Format::Jsonl => read_jsonl(&name, reader, sink, what),
        Format::Text | Format::Html | Format::Feed => {
            let mut bytes = Vec::new();
            if let Err(e) = reader.take(MAX_FILE + 1).read_to_end(&mut bytes) {
                sink.error(&name, &format!("{what}: {e}"));
                return Ok(());
            }
            if bytes.len() as u64 > MAX_FILE {
                sink.error(&name, &format!("larger than {MAX_FILE} bytes; skipped"));
                return Ok(());
            }
            match format {
                Format::Feed => read_feed(&name, &bytes, sink),
                _ => read_whole(path, &name, format, bytes, sink),
            }
        }
        Format::Warc => unreachable!(),
    }
    Ok(())
}

fn read_whole(path: &Path, name: &str, format: Format, bytes: Vec<u8>, sink: &mut dyn Sink) {
    if let Some(problem) = text_problem(&bytes) {
        sink.error(name, &problem);
        return;
    }
    let text = String::from_utf8(bytes).expect("checked above");
    let article = Article { id: stem(path), ..Default::default() };
    let raw = if format == Format::Html { Raw::Page { html: text, article } } else { Raw::Article(Article { text, ..article }) };
    let _ = sink.article(name.to_string(), raw);
}

fn read_jsonl(name: &str, reader: Box<dyn Read>, sink: &mut dyn Sink, what: &str) {
    let stopped = crate::input::for_each_line(reader, |n, bytes| {
        let origin = format!("{name}:{n}");
        match crate::input::parse_article(bytes, n) {
            Ok(a) => sink.article(origin, Raw::Article(a)).map_err(|_| String::new()),
            Err((_, problem)) => {
                sink.error(&origin, &problem);
                Ok(())
            }
        }
    });
    if let Ok(Some((n, e))) = stopped {
        sink.error(&format!("{name}:{n}"), &format!("{what}: {e}"));
    }
}

fn read_feed(name: &str, bytes: &[u8], sink: &mut dyn Sink) {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            sink.error(name, &format!("invalid RSS/Atom feed: {e}"));
            return;
        }
    };
    let source = feed.title.as_ref().map(|t| t.content.trim().to_string()).filter(|s| !s.is_empty());
    let lang = feed.language.clone();
    for (i, entry) in feed.entries.into_iter().enumerate() {
        let origin = format!("{name}#entry {}", i + 1);
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .filter(|b| !b.trim().is_empty())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()).filter(|b| !b.trim().is_empty()));
        let Some(body) = body else {
            sink.error(&origin, "feed entry has no content or summary");
            continue;
        };
        let url = entry.links.first().map(|l| l.href.clone());
        let id = if !entry.id.is_empty() { entry.id.clone() } else { url.clone().unwrap_or_else(|| format!("{}", i + 1)) };
        let article = Article {
            id,
            text: String::new(),
            title: entry.title.as_ref().map(|t| html::fragment_text(&t.content)).filter(|t| !t.is_empty()),
            published: entry.published.or(entry.updated).map(|d| d.date_naive().to_string()),
            lang: entry.language.clone().or_else(|| lang.clone()).and_then(|l| l.get(..2).map(str::to_lowercase)),
            url,
            source: source.clone(),
        };
        if sink.article(origin, Raw::Fragment { html: body, article }).is_err() {
            return;
        }
    }
}

fn read_warc(name: &str, input: impl Read, sink: &mut dyn Sink) -> Result<(), String> {
    let mut stop = false;
    let result = warc::read_archive(input, &mut |ev| {
        if stop {
            return;
        }
        match ev {
            warc::Event::Error { number, offset, message } => {
                sink.error(&format!("{name}#record {number} (byte {offset})"), &message);
            }
            warc::Event::Record { number, offset, record } => {
                let origin = format!("{name}#record {number} (byte {offset})");
                match warc_article(&record) {
                    Ok(Some(raw)) => stop = sink.article(origin, raw).is_err(),
                    Ok(None) => sink.skip(),
                    Err(m) => sink.error(&origin, &m),
                }
            }
        }
    });
    result.map_err(|e| format!("cannot read: {e}"))
}

/// The article in a WARC record: an HTML page from a `response` (HTTP 200) or `resource` record, or plain
/// text from a `conversion` (WET) record. `None` for records that hold no article.
fn warc_article(rec: &warc::Record) -> Result<Option<Raw>, String> {
    let kind = rec.header("WARC-Type").unwrap_or("").to_ascii_lowercase();
    let uri = rec.header("WARC-Target-URI").map(|u| u.trim_matches(['<', '>']).to_string());
    let article = Article { id: uri.clone().unwrap_or_default(), url: uri, ..Default::default() };
    let (content_type, body) = match kind.as_str() {
        "response" => {
            let Some(http) = warc::http_response(&rec.body) else {
                return Err("response record without an HTTP response".into());
            };
            if http.status != 200 {
                return Ok(None);
            }
            (http.header("Content-Type").unwrap_or("text/html").to_ascii_lowercase(), http.body)
        }
        "resource" | "conversion" => (rec.header("Content-Type").unwrap_or("").to_ascii_lowercase(), &rec.body[..]),
        _ => return Ok(None),
    };
    let text = String::from_utf8_lossy(body).into_owned();
    if content_type.contains("html") {
        Ok(Some(Raw::Page { html: text, article }))
    } else if content_type.starts_with("text/plain") {
        if text.trim().is_empty() {
            return Err("empty text record".into());
        }
        Ok(Some(Raw::Article(Article { text, ..article })))
    } else {
        Ok(None)
    }
}

/// Turns a read record into an article (parsing HTML), filling defaults. Runs in parallel.
fn prepare(raw: Raw, lang: &Option<String>, published: &Option<String>) -> Result<Article, String> {
    let mut a = match raw {
        Raw::Article(a) => a,
        Raw::Page { html, article } => {
            let page = html::page(&html);
            if page.text.trim().is_empty() {
                return Err("HTML page has no article body".into());
            }
            let url = page.url.or(article.url);
            Article {
                id: url.clone().unwrap_or(article.id),
                text: page.text,
                title: page.title,
                published: page.published.or(article.published),
                lang: page.lang.or(article.lang),
                url,
                source: page.source.or(article.source),
            }
        }
        Raw::Fragment { html, article } => {
            let text = if html.contains('<') { html::fragment_text(&html) } else { html.trim().to_string() };
            Article { text, ..article }
        }
    };
    if a.text.trim().is_empty() {
        return Err("no text".into());
    }
    if a.lang.is_none() {
        a.lang = lang.clone();
    }
    if a.published.is_none() {
        a.published = published.clone();
    }
    Ok(a)
}

/// Counts of one run.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// Records read as articles (before de-duplication).
    pub read: usize,
    /// Articles skipped before extraction because the store (or this batch) already had them.
    pub known: usize,
    pub errors: usize,
    /// Records that hold no article (WARC requests, redirects …).
    pub skipped: usize,
    /// Inputs that could not be opened at all.
    pub unreadable: usize,
    pub stored: IngestReport,
    pub seconds: f64,
    /// Time the writer spent in the store, and the CPU time it used.
    pub store_seconds: f64,
    pub store_cpu_seconds: f64,
}

/// Reads, extracts (in parallel) and hands batches to a writer thread that owns the store.
pub struct Pipeline<'a> {
    ex: &'a Extractor,
    lookup: Box<dyn Store>,
    tx: Option<SyncSender<Vec<Ingested>>>,
    pending: Vec<(String, Raw)>,
    batch: usize,
    lang: Option<String>,
    published: Option<String>,
    pub summary: Summary,
    progress: Option<ProgressBar>,
    quiet: bool,
    /// Set when the writer has stopped (a store error): reading stops too.
    broken: bool,
    /// Extracted article counts, for progress (updated per batch).
    done: usize,
}

impl<'a> Pipeline<'a> {
    fn report(&self, line: &str) {
        if self.quiet {
            return;
        }
        match &self.progress {
            Some(pb) => pb.println(line),
            None => eprintln!("{line}"),
        }
    }

    fn flush(&mut self) {
        if self.pending.is_empty() || self.broken {
            self.pending.clear();
            return;
        }
        let items = std::mem::take(&mut self.pending);
        let (lang, published) = (&self.lang, &self.published);
        let prepared: Vec<(String, Result<Article, String>)> =
            items.into_par_iter().map(|(origin, raw)| (origin, prepare(raw, lang, published))).collect();
        let mut todo = Vec::with_capacity(prepared.len());
        for (origin, r) in prepared {
            match r {
                Ok(a) => {
                    let hash = warta_store::content_hash(&a.text);
                    todo.push((origin, a, hash));
                }
                Err(m) => self.record_error(&origin, &m),
            }
        }
        // Skip what the store already has, and repeats within the batch.
        let hashes: Vec<&str> = todo.iter().map(|(_, _, h)| h.as_str()).collect();
        let known = match self.lookup.known(&hashes) {
            Ok(k) => k,
            Err(e) => {
                self.report(&format!("warta: store: {e}"));
                HashSet::new()
            }
        };
        let mut seen = HashSet::new();
        let before = todo.len();
        todo.retain(|(_, _, h)| !known.contains(h) && seen.insert(h.clone()));
        self.summary.known += before - todo.len();
        let ex = self.ex;
        let done: Vec<Ingested> = todo
            .into_par_iter()
            .map(|(origin, article, hash)| {
                let result = ex.extract(&article);
                Ingested { hash, origin, article, result }
            })
            .collect();
        self.done += done.len();
        if let Some(pb) = &self.progress {
            pb.set_position((self.summary.read) as u64);
            pb.set_message(format!("{} extracted, {} already stored, {} errors", self.done, self.summary.known, self.summary.errors));
        }
        if let Some(tx) = &self.tx {
            if tx.send(done).is_err() {
                self.broken = true;
            }
        }
    }

    fn record_error(&mut self, origin: &str, message: &str) {
        self.summary.errors += 1;
        self.report(&format!("warta: {origin}: {message}"));
    }
}

impl Sink for Pipeline<'_> {
    fn article(&mut self, origin: String, raw: Raw) -> Result<(), String> {
        if self.broken {
            return Err("store failed".into());
        }
        self.summary.read += 1;
        self.pending.push((origin, raw));
        if self.pending.len() >= self.batch {
            self.flush();
        }
        if self.broken {
            Err("store failed".into())
        } else {
            Ok(())
        }
    }

    fn error(&mut self, origin: &str, message: &str) {
        self.record_error(origin, message);
    }

    fn skip(&mut self) {
        self.summary.skipped += 1;
    }
}

/// Options of one ingestion run.
pub struct Options {
    pub db: String,
    pub lang: Option<String>,
    pub published: Option<String>,
    pub batch: usize,
    pub progress: bool,
    pub quiet: bool,
}

/// Runs `feed` (which pushes records into the pipeline) and stores everything; returns the counts.
pub fn ingest_with(ex: &Extractor, opts: &Options, feed: impl FnOnce(&mut Pipeline)) -> Result<Summary, String> {
    let start = Instant::now();
    let mut writer_store = warta_store::open(&opts.db).map_err(|e| format!("{}: {e}", opts.db))?;
    let lookup = warta_store::open(&opts.db).map_err(|e| format!("{}: {e}", opts.db))?;
    let (tx, rx) = sync_channel::<Vec<Ingested>>(2);
    let writer = std::thread::Builder::new().name("warta-store".into()).spawn(move || -> Result<(IngestReport, f64, f64), String> {
        let mut total = IngestReport::default();
        let mut busy = 0.0;
        let cpu0 = thread_cpu_seconds();
        for batch in rx {
            let t = Instant::now();
            total += writer_store.ingest(&batch).map_err(|e| e.to_string())?;
            busy += t.elapsed().as_secs_f64();
        }
        Ok((total, busy, thread_cpu_seconds() - cpu0))
    }).map_err(|e| format!("cannot start the store writer: {e}"))?;
    let progress = opts.progress.then(|| {
        let pb = ProgressBar::new_spinner();
        pb.set_style(
            ProgressStyle::with_template("{spinner} {elapsed_precise} {pos} articles read: {msg}")
                .expect("valid template"),
        );
        pb.enable_steady_tick(Duration::from_millis(200));
        pb
    });
    let mut p = Pipeline {
        ex,
        lookup,
        tx: Some(tx),
        pending: Vec::with_capacity(opts.batch),
        batch: opts.batch.max(1),
        lang: opts.lang.clone(),
        published: opts.published.clone(),
        summary: Summary::default(),
        progress,
        quiet: opts.quiet,
        broken: false,
        done: 0,
    };
    feed(&mut p);
    p.flush();
    p.tx = None;
    if let Some(pb) = &p.progress {
        pb.finish_and_clear();
    }
    let (stored, busy, cpu) = writer.join().map_err(|_| "the store writer panicked".to_string())??;
    p.summary.stored = stored;
    p.summary.store_seconds = busy;
    p.summary.store_cpu_seconds = cpu;
    p.summary.seconds = start.elapsed().as_secs_f64();
    Ok(p.summary)
}

pub fn run(args: &IngestArgs) -> Result<ExitCode, String> {
    if let Some(p) = &args.published {
        if html::iso_day(p).is_none() || p.len() != 10 {
            return Err(format!("--published {p:?}: expected YYYY-MM-DD"));
        }
    }
    if let Some(n) = args.jobs {
        rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global().map_err(|e| e.to_string())?;
    }
    let ex = crate::extractor(args.today)?;
    let opts = Options {
        db: args.db.clone(),
        lang: args.lang.clone(),
        published: args.published.clone(),
        batch: args.batch,
        progress: !args.quiet && std::io::stderr().is_terminal(),
        quiet: args.quiet,
    };
    let summary = ingest_with(&ex, &opts, |p| {
        let mut files = Vec::new();
        walk(&args.paths, p, &mut files);
        p.summary.unreadable += p.summary.errors;
        for f in files {
            if let Err(m) = read_file(&f, p) {
                p.summary.unreadable += 1;
                p.record_error(&f.display().to_string(), &m);
            }
            if p.broken {
                break;
            }
        }
    })?;
    print_summary(&summary, &args.db);
    let mut store = warta_store::open(&args.db).map_err(|e| format!("{}: {e}", args.db))?;
    if let Ok(st) = store.stats() {
        println!(
            "store {}: {} articles, {} events, {} merged events, {} entities, {} times, {} quotes",
            args.db, st.articles, st.events, st.merged_events, st.mentions, st.times, st.quotes
        );
    }
    Ok(if summary.unreadable > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// CPU time (user + system) of the calling thread, from `/proc/thread-self/stat` (in clock ticks of 10 ms);
/// 0 where there is no such file.
pub fn thread_cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the line.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    (ticks(11) + ticks(12)) / 100.0
}

pub fn print_summary(s: &Summary, db: &str) {
    let new = s.stored.articles;
    let dup = s.known + s.stored.duplicates;
    println!(
        "ingested {new} new articles into {db} ({dup} already stored), {} events ({} new merged events); {} errors, {} non-article records; {:.1} s, {:.0} articles/s",
        s.stored.events,
        s.stored.new_merged,
        s.errors,
        s.skipped,
        s.seconds,
        (s.read as f64) / s.seconds.max(1e-9)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(detect("a/b.jsonl", b""), Format::Jsonl);
        assert_eq!(detect("a/b.jsonl.gz", b""), Format::Jsonl);
        assert_eq!(detect("x.warc.gz", b""), Format::Warc);
        assert_eq!(detect("x.HTML", b""), Format::Html);
        assert_eq!(detect("feed.xml", b""), Format::Feed);
        assert_eq!(detect("noext", b"<?xml version=\"1.0\"?><rss>"), Format::Feed);
        assert_eq!(detect("noext", b"  <!DOCTYPE html><html>"), Format::Html);
        assert_eq!(detect("noext", b"WARC/1.0\r\n"), Format::Warc);
        assert_eq!(detect("noext", b"{\"text\":\"x\"}"), Format::Jsonl);
        assert_eq!(detect("noext", b"Presiden Rusia"), Format::Text);
    }

    #[test]
    fn json_records() {
        use crate::input::parse_article;
        let a = parse_article(br#"{"id": 7, "text": "Teks.", "url": "https://x/1", "title": ""}"#, 3).unwrap();
        assert_eq!((a.id.as_str(), a.url.as_deref(), a.title), ("7", Some("https://x/1"), None));
        assert!(parse_article(b"{oops", 1).unwrap_err().1.contains("invalid JSON"));
        let (id, problem) = parse_article(br#"{"id": "c", "title": "x"}"#, 1).unwrap_err();
        assert_eq!(id, "c");
        assert!(problem.contains("text"));
    }
}
