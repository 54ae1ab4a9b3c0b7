//! `warta-store`: where Warta keeps what it read, so a corpus can be loaded once and questioned many times.
//!
//! The store holds every ingested article (identified by a hash of its normalised text, so ingesting the
//! same article twice changes nothing), everything the extractor found in it (entities, times, quotes and
//! events with their evidence: sentence, trigger, rule, date and place), and the **merged events**: events
//! from different articles with the same PLOVER type, the same source and target actor codes (as sets), the
//! same date and the same location country become one row with mention, source and article counts, and
//! every event mention links to it (GDELT's Events/Mentions split).
//!
//! [`Store`] is the API; [`SqliteStore`] implements it on an embedded SQLite file (WAL mode, FTS5 full-text
//! search over article titles and text) and, with the `postgres` feature, [`PgStore`] on a PostgreSQL
//! server. [`open`] picks one from a location (`warta.db` or `postgres://…`). Each call to
//! [`Store::ingest`] is one transaction: a crash leaves either the whole batch or none of it. The schema is
//! versioned in code (table `schema_version`) and documented in `docs/SCHEMA.md`.

mod query;
mod rows;
mod sqlite;
#[cfg(feature = "postgres")]
mod postgres;

#[cfg(feature = "postgres")]
pub use postgres::PgStore;
pub use query::{date_range, EventSort, Filter, Grain, SortKey};
pub use sqlite::{SqliteStore, MIGRATIONS, SCHEMA_VERSION};

use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::fmt;
use warta_core::model::{Actor, Event, Location};
use warta_core::{Article, ArticleResult};

/// Anything that went wrong in the store, as a message that names what failed.
#[derive(Debug, Clone, PartialEq)]
pub struct StoreError(pub String);

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        StoreError(format!("sqlite: {e}"))
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> Self {
        StoreError(format!("json: {e}"))
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        StoreError(e.to_string())
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// One article ready to be stored: what was read, where, and what the extractor found in it.
#[derive(Debug, Clone)]
pub struct Ingested {
    /// [`content_hash`] of the article text: the article's identity.
    pub hash: String,
    /// Where it was read: `file`, `file:line` or `file#record`.
    pub origin: String,
    pub article: Article,
    pub result: ArticleResult,
}

impl Ingested {
    pub fn new(origin: String, article: Article, result: ArticleResult) -> Self {
        Ingested { hash: content_hash(&article.text), origin, article, result }
    }
}

/// What one [`Store::ingest`] call changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct IngestReport {
    /// Articles added.
    pub articles: usize,
    /// Articles skipped because an article with the same content hash was already stored.
    pub duplicates: usize,
    /// Event mentions added.
    pub events: usize,
    /// Merged events created (the rest of the mentions joined existing ones).
    pub new_merged: usize,
}

impl std::ops::AddAssign for IngestReport {
    fn add_assign(&mut self, o: Self) {
        self.articles += o.articles;
        self.duplicates += o.duplicates;
        self.events += o.events;
        self.new_merged += o.new_merged;
    }
}

/// Row counts of the store's tables.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub schema_version: u32,
    pub articles: u64,
    pub events: u64,
    pub merged_events: u64,
    pub mentions: u64,
    pub times: u64,
    pub quotes: u64,
}

/// One distinct event, merged over every article that reports it (a GDELT "event").
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MergedEvent {
    pub id: i64,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: String,
    /// CAMEO code of the first mention (all mentions share the PLOVER type, not always the CAMEO code).
    pub cameo: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub date: Option<String>,
    pub date_precision: Option<String>,
    /// Actors of the first mention; every mention has the same set of codes.
    pub source: Vec<Actor>,
    pub target: Vec<Actor>,
    pub location: Option<Location>,
    /// Every sentence reporting the event, in every article (a mention's `also_reported` sentences count).
    pub num_mentions: i64,
    /// Distinct outlets (article `source`, else the URL's host).
    pub num_sources: i64,
    pub num_articles: i64,
    /// Earliest and latest publication date of the articles reporting it.
    pub first_seen: String,
    pub last_seen: String,
    /// When it was first stored (RFC 3339, UTC).
    pub added_at: String,
    /// URL of the first article reporting it.
    pub source_url: Option<String>,
    /// Whether the first mention is in the article's lead paragraph.
    pub is_root: bool,
}

/// One event as one article reports it (a GDELT "mention"), with its evidence and its merged event.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Mention {
    pub id: i64,
    pub merged_id: i64,
    pub article_id: i64,
    /// The id the article had in its input (file stem, JSON `id`, URL).
    pub article_ext_id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    /// Whether the event is reported in the article's lead paragraph.
    pub is_root: bool,
    pub event: Event,
}

/// A stored article with everything extracted from it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StoredArticle {
    pub id: i64,
    pub hash: String,
    pub ext_id: String,
    pub origin: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub text: String,
    pub ingested_at: String,
    /// The extraction result as ingested (`id` is the article's input id).
    pub result: ArticleResult,
}

/// Distinct events in one period, of one PLOVER type and QuadClass ([`Store::timeline`]).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TimeBucket {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: the period holding the first day the event's date covers.
    pub period: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub quad_class: u8,
    pub events: i64,
}

/// Distinct events placed at one place ([`Store::places`]).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlaceCount {
    pub name: String,
    /// ISO alpha-3.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    /// `country`, `region`, `admin1` or `city`.
    pub kind: String,
    pub events: i64,
}

/// Distinct events an actor code takes part in ([`Store::actor_counts`]).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActorCount {
    pub code: String,
    pub country: Option<String>,
    pub events: i64,
    pub as_source: i64,
    pub as_target: i64,
}

/// Distinct events in which `source` acts on `target` ([`Store::actor_links`]).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ActorLink {
    pub source: String,
    pub target: String,
    pub events: i64,
}

/// An article without its text ([`Store::articles`]).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArticleSummary {
    pub id: i64,
    pub ext_id: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
    /// Event mentions extracted from it.
    pub events: i64,
}

/// The store API. Implementations: [`SqliteStore`] and, with the `postgres` feature, [`PgStore`].
pub trait Store: Send {
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;
    /// The schema version of the open store.
    fn schema_version(&mut self) -> Result<u32>;
    /// Which of these content hashes are already stored.
    fn known(&mut self, hashes: &[&str]) -> Result<HashSet<String>>;
    /// Stores a batch in one transaction: new articles with their entities, times, quotes and events;
    /// events join or create merged events. Articles already stored (same hash) are skipped.
    fn ingest(&mut self, batch: &[Ingested]) -> Result<IngestReport>;
    fn stats(&mut self) -> Result<Stats>;
    /// Merged events having at least one mention that matches `filter`, by id.
    fn merged_events(&mut self, filter: &Filter, f: &mut dyn FnMut(MergedEvent) -> Result<()>) -> Result<()>;
    /// Event mentions matching `filter`, by id.
    fn mentions(&mut self, filter: &Filter, f: &mut dyn FnMut(Mention) -> Result<()>) -> Result<()>;
    /// Every mention of one merged event.
    fn mentions_of(&mut self, merged_id: i64) -> Result<Vec<Mention>>;
    /// One article with its extraction result.
    fn article(&mut self, id: i64) -> Result<Option<StoredArticle>>;
    /// One page (the filter's limit and offset) of the merged events matching `filter`, in `sort` order.
    fn events_page(&mut self, filter: &Filter, sort: EventSort) -> Result<Vec<MergedEvent>>;
    /// One merged event by id.
    fn merged_event(&mut self, id: i64) -> Result<Option<MergedEvent>>;
    /// Dated merged events matching `filter`, counted per period, type and QuadClass, in period order.
    fn timeline(&mut self, filter: &Filter, grain: Grain) -> Result<Vec<TimeBucket>>;
    /// Placed merged events matching `filter`, counted per place; the `limit` busiest places.
    fn places(&mut self, filter: &Filter, limit: u64) -> Result<Vec<PlaceCount>>;
    /// Actor codes of matching mentions with their distinct merged events, most first (the filter's
    /// limit and offset page them).
    fn actor_counts(&mut self, filter: &Filter) -> Result<Vec<ActorCount>>;
    /// Source → target code pairs of matching mentions with their distinct merged events, most first.
    fn actor_links(&mut self, filter: &Filter) -> Result<Vec<ActorLink>>;
    /// Articles containing the filter's words and reporting an event matching its other fields, newest
    /// first (the filter's limit and offset page them).
    fn articles(&mut self, filter: &Filter) -> Result<Vec<ArticleSummary>>;
}

/// Opens a store: `postgres://…` or `postgresql://…` is a PostgreSQL server, anything else a SQLite file
/// (created, and migrated to the current schema, when needed).
pub fn open(location: &str) -> Result<Box<dyn Store>> {
    if location.starts_with("postgres://") || location.starts_with("postgresql://") {
        #[cfg(feature = "postgres")]
        return Ok(Box::new(PgStore::open(location)?));
        #[cfg(not(feature = "postgres"))]
        return Err(StoreError("this warta was built without PostgreSQL support (feature `postgres`)".into()));
    }
    Ok(Box::new(SqliteStore::open(location)?))
}

/// The text an article's identity is computed from: runs of whitespace become one space, ends trimmed, so
/// the same article read from a text file, a JSON line or a web page is the same article.
pub fn normalize_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// SHA-256 (lower-case hex) of [`normalize_text`].
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(normalize_text(text).as_bytes());
    let mut hex = String::with_capacity(64);
    for b in digest.iter() {
        hex.push(char::from_digit((b >> 4) as u32, 16).unwrap());
        hex.push(char::from_digit((b & 15) as u32, 16).unwrap());
    }
    hex
}

/// The sorted, de-duplicated actor codes of one side, joined by `;`.
pub fn code_set(actors: &[Actor]) -> String {
    let mut codes: Vec<&str> = actors.iter().map(|a| a.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    codes.join(";")
}

/// Events with equal keys are the same event: PLOVER type, source and target codes as sets, date and
/// location country (empty when absent).
pub fn merge_key(e: &Event) -> String {
    format!(
        "{}|{}|{}|{}|{}",
        e.kind,
        code_set(&e.source),
        code_set(&e.target),
        e.date.as_deref().unwrap_or(""),
        e.location.as_ref().map(|l| l.country.as_str()).unwrap_or("")
    )
}

/// The outlet an article counts as for `num_sources`: its `source`, else its URL's host (without `www.`),
/// else the empty string (one unknown outlet).
pub fn outlet(a: &Article) -> String {
    if let Some(s) = a.source.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        return s.to_lowercase();
    }
    a.url.as_deref().and_then(url_host).unwrap_or_default()
}

/// Host of a URL, lower-case, without port, credentials or a leading `www.`.
pub fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map(|(_, r)| r)?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = if host.starts_with('[') { host } else { host.split(':').next()? };
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").map(str::to_string).unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// Whether a code point offset lies in the lead paragraph (before the first blank line after the text's
/// start).
pub(crate) fn lead_end(text: &str) -> usize {
    let body = text.trim_start();
    let skipped = text[..text.len() - body.len()].chars().count();
    match body.find("\n\n").or_else(|| body.find("\r\n\r\n")) {
        Some(b) => skipped + body[..b].chars().count(),
        None => usize::MAX,
    }
}

/// The publication day of an article for `first_seen`/`last_seen`: given or inferred, else `fallback`.
pub(crate) fn seen_date(r: &ArticleResult, a: &Article, fallback: &str) -> String {
    r.published
        .value
        .clone()
        .or_else(|| a.published.as_deref().and_then(|p| p.get(..10)).map(str::to_string))
        .unwrap_or_else(|| fallback.get(..10).unwrap_or(fallback).to_string())
}

pub(crate) fn now_utc() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests;
