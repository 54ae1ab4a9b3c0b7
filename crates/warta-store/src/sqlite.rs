//! The embedded store: one SQLite file in WAL mode. The schema is documented in `docs/SCHEMA.md`.

use crate::query::{sql, Dialect};
use crate::*;
use rusqlite::types::{ToSqlOutput, Value as SqlValue, ValueRef};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row, Transaction};
use std::path::Path;
use warta_core::model::{Entity, Published, Quote, Time};

/// Schema migrations, applied in order; each runs in its own transaction and is recorded in
/// `schema_version`. Never edit a released migration: add a new one.
pub const MIGRATIONS: &[(u32, &str)] = &[(1, MIGRATION_1), (2, MIGRATION_2), (3, MIGRATION_3), (4, MIGRATION_4)];

/// The schema version this code writes.
pub const SCHEMA_VERSION: u32 = 4;

const MIGRATION_1: &str = r#"
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    ext_id TEXT NOT NULL,
    origin TEXT NOT NULL,
    title TEXT,
    url TEXT,
    source TEXT,
    published TEXT,
    published_inferred INTEGER NOT NULL DEFAULT 0,
    lang TEXT,
    text TEXT NOT NULL,
    warnings TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_url ON articles(url);

CREATE TABLE merged_events (
    id INTEGER PRIMARY KEY,
    merge_key TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    mode TEXT NOT NULL,
    cameo TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    date TEXT,
    date_precision TEXT,
    date_start TEXT,
    date_end TEXT,
    source_codes TEXT NOT NULL,
    target_codes TEXT NOT NULL,
    source_json TEXT NOT NULL,
    target_json TEXT NOT NULL,
    loc_text TEXT,
    loc_name TEXT,
    loc_country TEXT,
    loc_lat REAL,
    loc_lon REAL,
    loc_geonames_id INTEGER,
    loc_kind TEXT,
    num_mentions INTEGER NOT NULL,
    num_sources INTEGER NOT NULL,
    num_articles INTEGER NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    added_at TEXT NOT NULL,
    first_event_id INTEGER
);
CREATE INDEX merged_events_date ON merged_events(date_start, date_end);
CREATE INDEX merged_events_type ON merged_events(type);

CREATE TABLE merged_sources (
    merged_id INTEGER NOT NULL REFERENCES merged_events(id),
    source TEXT NOT NULL,
    PRIMARY KEY (merged_id, source)
) WITHOUT ROWID;

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    merged_id INTEGER NOT NULL REFERENCES merged_events(id),
    ord INTEGER NOT NULL,
    type TEXT NOT NULL,
    mode TEXT NOT NULL,
    cameo TEXT NOT NULL,
    quad_class INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    date TEXT,
    date_precision TEXT,
    date_start TEXT,
    date_end TEXT,
    date_evidence TEXT NOT NULL,
    source_json TEXT NOT NULL,
    target_json TEXT NOT NULL,
    loc_text TEXT,
    loc_name TEXT,
    loc_country TEXT,
    loc_lat REAL,
    loc_lon REAL,
    loc_geonames_id INTEGER,
    loc_kind TEXT,
    modality TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    trigger_text TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    rule TEXT NOT NULL,
    also_reported TEXT,
    is_root INTEGER NOT NULL
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_merged ON events(merged_id);
CREATE INDEX events_date ON events(date_start, date_end);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_loc_country ON events(loc_country);

CREATE TABLE event_actors (
    event_id INTEGER NOT NULL REFERENCES events(id),
    role TEXT NOT NULL CHECK (role IN ('source', 'target')),
    ord INTEGER NOT NULL,
    code TEXT NOT NULL,
    country TEXT,
    text TEXT NOT NULL,
    name TEXT,
    PRIMARY KEY (event_id, role, ord)
) WITHOUT ROWID;
CREATE INDEX event_actors_code ON event_actors(code);

CREATE TABLE mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    actor TEXT,
    country TEXT,
    PRIMARY KEY (article_id, ord)
) WITHOUT ROWID;

CREATE TABLE times (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    type TEXT NOT NULL,
    value TEXT,
    PRIMARY KEY (article_id, ord)
) WITHOUT ROWID;

CREATE TABLE quotes (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    ord INTEGER NOT NULL,
    text TEXT NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    direct INTEGER NOT NULL,
    speaker TEXT,
    speaker_actor TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    PRIMARY KEY (article_id, ord)
) WITHOUT ROWID;
"#;

const MIGRATION_2: &str = r#"
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', detail=none, columnsize=0);
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, coalesce(old.title, ''), old.text);
END;
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
"#;

/// Filtering events by an actor's country (`--country`, the API's `country`) looks actors up by country.
pub(crate) const MIGRATION_3: &str = "CREATE INDEX event_actors_country ON event_actors(country, event_id);";

/// Fills the tables of migration 4 from the stored events (the same SQL in both dialects).
macro_rules! migration_4_fill {
    () => {
        r#"
INSERT INTO merged_countries (merged_id, country, date_start, date_end)
SELECT id, loc_country, date_start, date_end FROM merged_events WHERE loc_country IS NOT NULL
UNION
SELECT m.id, a.country, m.date_start, m.date_end
FROM event_actors a JOIN events e ON e.id = a.event_id JOIN merged_events m ON m.id = e.merged_id
WHERE a.country IS NOT NULL;
WITH n(len) AS (VALUES (3), (6), (9), (12), (15), (18), (21), (24), (27), (30))
INSERT INTO merged_actors (merged_id, code, date_start, date_end)
SELECT m.id, a.code, m.date_start, m.date_end
FROM event_actors a JOIN events e ON e.id = a.event_id JOIN merged_events m ON m.id = e.merged_id
UNION
SELECT m.id, substr(a.code, 1, n.len), m.date_start, m.date_end
FROM n, event_actors a JOIN events e ON e.id = a.event_id JOIN merged_events m ON m.id = e.merged_id
WHERE n.len < length(a.code);
"#
    };
}
pub(crate) use migration_4_fill;

/// Indexes that hold merged events in date order per country, actor code and type, so a filtered page of
/// the newest events reads about one page of index rows (`query::sql::events_page`), and indexes for the
/// other sorts of the unfiltered list.
const MIGRATION_4: &str = concat!(
    r#"
CREATE TABLE merged_countries (
    merged_id INTEGER NOT NULL REFERENCES merged_events(id),
    country TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    PRIMARY KEY (merged_id, country)
) WITHOUT ROWID;
CREATE INDEX merged_countries_date ON merged_countries(country, date_start, date_end, merged_id);
CREATE TABLE merged_actors (
    merged_id INTEGER NOT NULL REFERENCES merged_events(id),
    code TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    PRIMARY KEY (merged_id, code)
) WITHOUT ROWID;
CREATE INDEX merged_actors_date ON merged_actors(code, date_start, date_end, merged_id);
DROP INDEX merged_events_type;
CREATE INDEX merged_events_type_date ON merged_events(type, date_start, date_end);
CREATE INDEX merged_events_mentions ON merged_events(num_mentions);
CREATE INDEX merged_events_articles ON merged_events(num_articles);
CREATE INDEX merged_events_goldstein ON merged_events(goldstein);
"#,
    migration_4_fill!()
);


pub struct SqliteStore {
    conn: Connection,
    /// Whether the schema has the full-text table (version 2 on).
    fts: bool,
    /// Whether it has the merged events' country and actor tables (version 4 on).
    links: bool,
}

impl SqliteStore {
    /// Opens (creating if needed) a store file and migrates it to [`SCHEMA_VERSION`].
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let conn = Connection::open(path).map_err(|e| StoreError(format!("{}: cannot open: {e}", path.display())))?;
        Self::from_connection(conn, SCHEMA_VERSION)
    }

    /// An in-memory store (for tests).
    pub fn in_memory() -> Result<Self> {
        Self::from_connection(Connection::open_in_memory()?, SCHEMA_VERSION)
    }

    /// Opens a store migrated only up to `version` (to test migrations).
    pub fn open_at_version(path: impl AsRef<Path>, version: u32) -> Result<Self> {
        Self::from_connection(Connection::open(path)?, version)
    }

    fn from_connection(conn: Connection, version: u32) -> Result<Self> {
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
        if mode != "wal" && mode != "memory" {
            return Err(StoreError(format!("sqlite: cannot switch to WAL mode (got {mode})")));
        }
        conn.execute_batch(
            "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; \
             PRAGMA cache_size = -32768; PRAGMA mmap_size = 2147483648;",
        )?;
        conn.set_prepared_statement_cache_capacity(64);
        let mut store = SqliteStore { conn, fts: false, links: false };
        store.migrate(version)?;
        let v = store.version()?;
        (store.fts, store.links) = (v >= 2, v >= 4);
        Ok(store)
    }

    /// Applies every migration above the file's version, up to `target`.
    fn migrate(&mut self, target: u32) -> Result<()> {
        self.conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
        )?;
        let current = self.version()?;
        if current > SCHEMA_VERSION {
            return Err(StoreError(format!(
                "the store has schema version {current}, newer than this warta understands ({SCHEMA_VERSION})"
            )));
        }
        for &(v, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > current && *v <= target) {
            // Take the write lock first, then look again: another process may have migrated meanwhile.
            let tx = self.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let now: u32 = tx.query_row("SELECT coalesce(max(version), 0) FROM schema_version", [], |r| r.get(0))?;
            if now >= v {
                continue;
            }
            tx.execute_batch(sql).map_err(|e| StoreError(format!("migration {v}: {e}")))?;
            tx.execute("INSERT INTO schema_version (version, applied_at) VALUES (?1, ?2)", params![v, now_utc()])?;
            tx.commit()?;
        }
        Ok(())
    }

    fn version(&self) -> Result<u32> {
        Ok(self.conn.query_row("SELECT coalesce(max(version), 0) FROM schema_version", [], |r| r.get(0))?)
    }

    /// The connection, for reading the file directly (tests, tools).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

fn opt_json<T: Serialize>(v: &[T]) -> Result<Option<String>> {
    Ok(if v.is_empty() { None } else { Some(serde_json::to_string(v)?) })
}

/// `date_start`, `date_end` of an event date.
fn event_range(date: Option<&str>) -> (Option<String>, Option<String>) {
    match date.and_then(date_range) {
        Some((s, e)) => (Some(s), Some(e)),
        None => (None, None),
    }
}

fn int(i: i64) -> ToSqlOutput<'static> {
    ToSqlOutput::Owned(SqlValue::Integer(i))
}

fn txt(s: &str) -> ToSqlOutput<'_> {
    ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes()))
}

fn otxt(s: Option<&str>) -> ToSqlOutput<'_> {
    s.map(txt).unwrap_or(ToSqlOutput::Owned(SqlValue::Null))
}

/// Inserts rows of `cols` values each with one prepared statement. (Multi-row `VALUES` lists measured
/// no faster.)
fn insert_rows(tx: &Transaction, sql: &str, cols: usize, values: &[ToSqlOutput]) -> Result<()> {
    if values.is_empty() {
        return Ok(());
    }
    let mut st = tx.prepare_cached(sql)?;
    for row in values.chunks(cols) {
        st.execute(params_from_iter(row.iter()))?;
    }
    Ok(())
}

fn ingest_one(tx: &Transaction, item: &Ingested, now: &str, links: bool, report: &mut IngestReport) -> Result<()> {
    let a = &item.article;
    let r = &item.result;
    let inserted = tx.prepare_cached(
        "INSERT INTO articles (hash, ext_id, origin, title, url, source, published, published_inferred, lang, text, \
         warnings, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT(hash) DO NOTHING",
    )?
    .execute(params![
        item.hash,
        a.id,
        item.origin,
        a.title,
        a.url,
        a.source,
        r.published.value,
        r.published.inferred,
        r.lang.as_deref().or(a.lang.as_deref()),
        a.text,
        opt_json(&r.warnings)?,
        now
    ])?;
    if inserted == 0 {
        report.duplicates += 1;
        return Ok(());
    }
    let aid = tx.last_insert_rowid();
    report.articles += 1;
    let mut v: Vec<ToSqlOutput> = Vec::with_capacity(r.entities.len() * 8);
    for (i, m) in r.entities.iter().enumerate() {
        v.extend([int(aid), int(i as i64), txt(&m.text), txt(&m.label), int(m.start as i64), int(m.end as i64)]);
        v.extend([otxt(m.actor.as_deref()), otxt(m.country.as_deref())]);
    }
    insert_rows(
        tx,
        "INSERT INTO mentions (article_id, ord, text, label, char_start, char_end, actor, country) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        8,
        &v,
    )?;
    v.clear();
    for (i, t) in r.times.iter().enumerate() {
        v.extend([int(aid), int(i as i64), txt(&t.text), int(t.start as i64), int(t.end as i64), txt(&t.kind)]);
        v.push(otxt(t.value.as_deref()));
    }
    insert_rows(
        tx,
        "INSERT INTO times (article_id, ord, text, char_start, char_end, type, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        7,
        &v,
    )?;
    v.clear();
    for (i, q) in r.quotes.iter().enumerate() {
        let span = |k: usize| q.speaker_span.map(|s| int(s[k] as i64)).unwrap_or(ToSqlOutput::Owned(SqlValue::Null));
        v.extend([int(aid), int(i as i64), txt(&q.text), int(q.start as i64), int(q.end as i64), int(q.direct as i64)]);
        v.extend([otxt(q.speaker.as_deref()), otxt(q.speaker_actor.as_deref()), span(0), span(1)]);
    }
    insert_rows(
        tx,
        "INSERT INTO quotes (article_id, ord, text, char_start, char_end, direct, speaker, speaker_actor, speaker_start, \
         speaker_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        10,
        &v,
    )?;
    if r.events.is_empty() {
        return Ok(());
    }
    let seen = seen_date(r, a, now);
    let lead = lead_end(&a.text);
    // Merged events this article reports: id → (its first mention here, sentences reporting it).
    let mut touched: Vec<(i64, i64, i64)> = Vec::new();
    let mut find = tx.prepare_cached("SELECT id FROM merged_events WHERE merge_key = ?1")?;
    let mut create = tx.prepare_cached(
        "INSERT INTO merged_events (merge_key, type, mode, cameo, quad_class, goldstein, date, date_precision, \
         date_start, date_end, source_codes, target_codes, source_json, target_json, loc_text, loc_name, loc_country, \
         loc_lat, loc_lon, loc_geonames_id, loc_kind, num_mentions, num_sources, num_articles, first_seen, last_seen, \
         added_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, \
         ?21, 0, 0, 0, ?22, ?22, ?23)",
    )?;
    let mut insert_event = tx.prepare_cached(
        "INSERT INTO events (article_id, merged_id, ord, type, mode, cameo, quad_class, goldstein, date, date_precision, \
         date_start, date_end, date_evidence, source_json, target_json, loc_text, loc_name, loc_country, loc_lat, \
         loc_lon, loc_geonames_id, loc_kind, modality, sentence_index, sentence_start, sentence_end, trigger_text, \
         trigger_start, trigger_end, rule, also_reported, is_root) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, \
         ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32)",
    )?;
    let mut actors: Vec<ToSqlOutput> = Vec::new();
    for (i, e) in r.events.iter().enumerate() {
        let (ds, de) = event_range(e.date.as_deref());
        let source_json = serde_json::to_string(&e.source)?;
        let target_json = serde_json::to_string(&e.target)?;
        let l = e.location.as_ref();
        let key = merge_key(e);
        let mid: i64 = match find.query_row([&key], |row| row.get(0)).optional()? {
            Some(id) => id,
            None => {
                create.execute(params![
                    key,
                    e.kind,
                    e.mode,
                    e.cameo,
                    e.quad_class,
                    e.goldstein,
                    e.date,
                    e.date_precision,
                    ds,
                    de,
                    code_set(&e.source),
                    code_set(&e.target),
                    source_json,
                    target_json,
                    l.map(|l| &l.text),
                    l.map(|l| &l.name),
                    l.map(|l| &l.country),
                    l.map(|l| l.lat),
                    l.map(|l| l.lon),
                    l.and_then(|l| l.geonames_id).map(|g| g as i64),
                    l.map(|l| &l.kind),
                    seen,
                    now
                ])?;
                report.new_merged += 1;
                tx.last_insert_rowid()
            }
        };
        insert_event.execute(params![
            aid,
            mid,
            i,
            e.kind,
            e.mode,
            e.cameo,
            e.quad_class,
            e.goldstein,
            e.date,
            e.date_precision,
            ds,
            de,
            serde_json::to_string(&e.date_evidence)?,
            source_json,
            target_json,
            l.map(|l| &l.text),
            l.map(|l| &l.name),
            l.map(|l| &l.country),
            l.map(|l| l.lat),
            l.map(|l| l.lon),
            l.and_then(|l| l.geonames_id).map(|g| g as i64),
            l.map(|l| &l.kind),
            e.modality,
            e.sentence.index,
            e.sentence.start,
            e.sentence.end,
            e.trigger.text,
            e.trigger.start,
            e.trigger.end,
            e.rule,
            opt_json(&e.also_reported)?,
            e.sentence.start < lead
        ])?;
        let eid = tx.last_insert_rowid();
        report.events += 1;
        for (role, side) in [("source", &e.source), ("target", &e.target)] {
            for (j, act) in side.iter().enumerate() {
                actors.extend([int(eid), txt(role), int(j as i64), txt(&act.code), otxt(act.country.as_deref())]);
                actors.extend([txt(&act.text), otxt(act.name.as_deref())]);
            }
        }
        if links {
            let (countries, codes) = link_keys(e);
            for country in countries {
                tx.prepare_cached(ADD_COUNTRY)?.execute(params![mid, country, ds, de])?;
            }
            for code in codes {
                tx.prepare_cached(ADD_ACTOR)?.execute(params![mid, code, ds, de])?;
            }
        }
        let sentences = 1 + e.also_reported.len() as i64;
        match touched.iter_mut().find(|t| t.0 == mid) {
            Some(t) => t.2 += sentences,
            None => touched.push((mid, eid, sentences)),
        }
    }
    insert_rows(
        tx,
        "INSERT INTO event_actors (event_id, role, ord, code, country, text, name) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        7,
        &actors,
    )?;
    let outlet = outlet(a);
    let mut add_source = tx.prepare_cached("INSERT OR IGNORE INTO merged_sources (merged_id, source) VALUES (?1, ?2)")?;
    let mut bump = tx.prepare_cached(
        "UPDATE merged_events SET num_mentions = num_mentions + ?2, num_articles = num_articles + 1, \
         num_sources = num_sources + ?3, first_event_id = coalesce(first_event_id, ?4), \
         first_seen = min(first_seen, ?5), last_seen = max(last_seen, ?5) WHERE id = ?1",
    )?;
    for (mid, eid, sentences) in touched {
        let new_source = add_source.execute(params![mid, outlet])?;
        bump.execute(params![mid, sentences, new_source as i64, eid, seen])?;
    }
    Ok(())
}

pub(crate) const MERGED_COLS: &str = "m.id, m.type, m.mode, m.cameo, m.quad_class, m.goldstein, m.date, m.date_precision, \
    m.source_json, m.target_json, m.loc_text, m.loc_name, m.loc_country, m.loc_lat, m.loc_lon, m.loc_geonames_id, \
    m.loc_kind, m.num_mentions, m.num_sources, m.num_articles, m.first_seen, m.last_seen, m.added_at, fa.url, fe.is_root";

/// What [`MERGED_COLS`] needs besides `merged_events m`: the first mention and its article.
pub(crate) const MERGED_JOINS: &str =
    " LEFT JOIN events fe ON fe.id = m.first_event_id LEFT JOIN articles fa ON fa.id = fe.article_id";

pub(crate) const MERGED_FROM: &str =
    " FROM merged_events m LEFT JOIN events fe ON fe.id = m.first_event_id LEFT JOIN articles fa ON fa.id = fe.article_id";

/// Link rows of a merged event (`?1` id, `?2` key, `?3`/`?4` its date range), written with each mention;
/// the same SQL in both dialects, after the placeholders.
pub(crate) const ADD_COUNTRY: &str =
    "INSERT INTO merged_countries (merged_id, country, date_start, date_end) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING";
pub(crate) const ADD_ACTOR: &str =
    "INSERT INTO merged_actors (merged_id, code, date_start, date_end) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING";

/// The countries (place and actors') and actor keys ([`crate::query::actor_keys`]) a mention adds to its
/// merged event, each once.
pub(crate) fn link_keys(e: &Event) -> (Vec<&str>, Vec<&str>) {
    let actors = || e.source.iter().chain(&e.target);
    let mut countries: Vec<&str> = e.location.iter().map(|l| l.country.as_str()).chain(actors().filter_map(|a| a.country.as_deref())).collect();
    let mut codes: Vec<&str> = actors().flat_map(|a| crate::query::actor_keys(&a.code)).collect();
    for v in [&mut countries, &mut codes] {
        v.sort_unstable();
        v.dedup();
    }
    (countries, codes)
}

pub(crate) const MENTION_COLS: &str = "e.id, e.merged_id, e.article_id, a.ext_id, a.title, a.url, a.source, a.published, e.is_root, \
    e.type, e.mode, e.cameo, e.quad_class, e.goldstein, e.date, e.date_precision, e.source_json, e.target_json, \
    e.loc_text, e.loc_name, e.loc_country, e.loc_lat, e.loc_lon, e.loc_geonames_id, e.loc_kind, e.modality, \
    e.sentence_index, e.sentence_start, e.sentence_end, e.trigger_text, e.trigger_start, e.trigger_end, e.rule, \
    e.date_evidence, e.also_reported";

pub(crate) const MENTION_FROM: &str = " FROM events e JOIN articles a ON a.id = e.article_id";

impl crate::rows::Columns for Row<'_> {
    type Error = rusqlite::Error;
    fn int(&self, i: usize) -> rusqlite::Result<i64> {
        self.get(i)
    }
    fn opt_int(&self, i: usize) -> rusqlite::Result<Option<i64>> {
        self.get(i)
    }
    fn real(&self, i: usize) -> rusqlite::Result<f64> {
        self.get(i)
    }
    fn text(&self, i: usize) -> rusqlite::Result<String> {
        self.get(i)
    }
    fn opt_text(&self, i: usize) -> rusqlite::Result<Option<String>> {
        self.get(i)
    }
    fn opt_bool(&self, i: usize) -> rusqlite::Result<Option<bool>> {
        self.get(i)
    }
    fn json_error(i: usize, e: serde_json::Error) -> rusqlite::Error {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
    }
}

fn merged_row(row: &Row) -> rusqlite::Result<MergedEvent> {
    crate::rows::merged_row(row)
}

fn mention_row(row: &Row) -> rusqlite::Result<Mention> {
    crate::rows::mention_row(row)
}

impl SqliteStore {
    /// Runs one of the shared aggregate statements, mapping each row with `map`.
    fn rows<T>(
        &self,
        (sql, c): (String, crate::query::Conditions),
        map: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(c.params.iter()), map)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

impl Store for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    fn schema_version(&mut self) -> Result<u32> {
        self.version()
    }

    fn known(&mut self, hashes: &[&str]) -> Result<HashSet<String>> {
        let mut st = self.conn.prepare_cached("SELECT 1 FROM articles WHERE hash = ?1")?;
        let mut out = HashSet::new();
        for h in hashes {
            if st.exists([h])? {
                out.insert(h.to_string());
            }
        }
        Ok(out)
    }

    fn ingest(&mut self, batch: &[Ingested]) -> Result<IngestReport> {
        let now = now_utc();
        let tx = self.conn.transaction()?;
        let mut report = IngestReport::default();
        let first_id: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM articles", [], |r| r.get(0))?;
        for item in batch {
            ingest_one(&tx, item, &now, self.links, &mut report)
                .map_err(|e| StoreError(format!("{}: cannot store: {e}", item.origin)))?;
        }
        // Full-text index the batch's articles in one statement: FTS5 flushes its pending terms whenever a
        // statement opens a savepoint, so indexing row by row (a trigger) would flush once per article.
        if report.articles > 0 && self.fts {
            tx.prepare_cached(
                "INSERT INTO articles_fts (rowid, title, text) SELECT id, coalesce(title, ''), text FROM articles WHERE id >= ?1",
            )?
            .execute([first_id])?;
        }
        tx.commit()?;
        Ok(report)
    }

    fn stats(&mut self) -> Result<Stats> {
        let count = |t: &str| -> Result<u64> {
            Ok(self.conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get::<_, i64>(0))? as u64)
        };
        Ok(Stats {
            schema_version: self.version()?,
            articles: count("articles")?,
            events: count("events")?,
            merged_events: count("merged_events")?,
            mentions: count("mentions")?,
            times: count("times")?,
            quotes: count("quotes")?,
        })
    }

    fn merged_events(&mut self, filter: &Filter, f: &mut dyn FnMut(MergedEvent) -> Result<()>) -> Result<()> {
        let c = filter.conditions(Dialect::Sqlite)?;
        let cond = if filter.is_empty() {
            String::new()
        } else {
            format!(" WHERE m.id IN (SELECT e.merged_id FROM events e{})", c.where_clause())
        };
        let sql = format!("SELECT {MERGED_COLS}{MERGED_FROM}{cond} ORDER BY m.id{}", filter.limit_sql(Dialect::Sqlite));
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query(params_from_iter(c.params.iter()))?;
        while let Some(row) = rows.next()? {
            f(merged_row(row)?)?;
        }
        Ok(())
    }

    fn mentions(&mut self, filter: &Filter, f: &mut dyn FnMut(Mention) -> Result<()>) -> Result<()> {
        let c = filter.conditions(Dialect::Sqlite)?;
        let sql = format!("SELECT {MENTION_COLS}{MENTION_FROM}{} ORDER BY e.id{}", c.where_clause(), filter.limit_sql(Dialect::Sqlite));
        let mut st = self.conn.prepare(&sql)?;
        let mut rows = st.query(params_from_iter(c.params.iter()))?;
        while let Some(row) = rows.next()? {
            f(mention_row(row)?)?;
        }
        Ok(())
    }

    fn mentions_of(&mut self, merged_id: i64) -> Result<Vec<Mention>> {
        let sql = format!("SELECT {MENTION_COLS}{MENTION_FROM} WHERE e.merged_id = ?1 ORDER BY e.id");
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([merged_id], mention_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn article(&mut self, id: i64) -> Result<Option<StoredArticle>> {
        let head = self
            .conn
            .query_row(
                "SELECT id, hash, ext_id, origin, title, url, source, published, published_inferred, lang, text, \
                 warnings, ingested_at FROM articles WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        StoredArticle {
                            id: r.get(0)?,
                            hash: r.get(1)?,
                            ext_id: r.get(2)?,
                            origin: r.get(3)?,
                            title: r.get(4)?,
                            url: r.get(5)?,
                            source: r.get(6)?,
                            text: r.get(10)?,
                            ingested_at: r.get(12)?,
                            result: ArticleResult {
                                id: r.get(2)?,
                                lang: r.get(9)?,
                                published: Published { value: r.get(7)?, inferred: r.get(8)? },
                                entities: Vec::new(),
                                times: Vec::new(),
                                quotes: Vec::new(),
                                events: Vec::new(),
                                places: Vec::new(),
                                warnings: Vec::new(),
                            },
                        },
                        r.get::<_, Option<String>>(11)?,
                    ))
                },
            )
            .optional()?;
        let Some((mut art, warnings)) = head else { return Ok(None) };
        if let Some(w) = warnings {
            art.result.warnings = serde_json::from_str(&w)?;
        }
        let mut st = self.conn.prepare_cached(
            "SELECT text, label, char_start, char_end, actor, country FROM mentions WHERE article_id = ?1 ORDER BY ord",
        )?;
        art.result.entities = st
            .query_map([id], |r| {
                Ok(Entity {
                    text: r.get(0)?,
                    label: r.get(1)?,
                    start: r.get(2)?,
                    end: r.get(3)?,
                    actor: r.get(4)?,
                    country: r.get(5)?,
                    rule: None,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut st = self
            .conn
            .prepare_cached("SELECT text, char_start, char_end, type, value FROM times WHERE article_id = ?1 ORDER BY ord")?;
        art.result.times = st
            .query_map([id], |r| {
                Ok(Time { text: r.get(0)?, start: r.get(1)?, end: r.get(2)?, kind: r.get(3)?, value: r.get(4)? })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut st = self.conn.prepare_cached(
            "SELECT text, char_start, char_end, direct, speaker, speaker_actor, speaker_start, speaker_end FROM quotes \
             WHERE article_id = ?1 ORDER BY ord",
        )?;
        art.result.quotes = st
            .query_map([id], |r| {
                let (s, e): (Option<usize>, Option<usize>) = (r.get(6)?, r.get(7)?);
                Ok(Quote {
                    text: r.get(0)?,
                    start: r.get(1)?,
                    end: r.get(2)?,
                    direct: r.get(3)?,
                    speaker: r.get(4)?,
                    speaker_actor: r.get(5)?,
                    speaker_span: s.zip(e).map(|(s, e)| [s, e]),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let sql = format!("SELECT {MENTION_COLS}{MENTION_FROM} WHERE e.article_id = ?1 ORDER BY e.ord");
        let mut st = self.conn.prepare_cached(&sql)?;
        art.result.events = st.query_map([id], mention_row)?.map(|m| m.map(|m| m.event)).collect::<rusqlite::Result<_>>()?;
        Ok(Some(art))
    }

    fn events_page(&mut self, filter: &Filter, sort: EventSort) -> Result<Vec<MergedEvent>> {
        self.rows(sql::events_page(filter, sort, Dialect::Sqlite, MERGED_COLS, MERGED_JOINS)?, merged_row)
    }

    fn merged_event(&mut self, id: i64) -> Result<Option<MergedEvent>> {
        let sql = format!("SELECT {MERGED_COLS}{MERGED_FROM} WHERE m.id = ?1");
        Ok(self.conn.prepare_cached(&sql)?.query_row([id], merged_row).optional()?)
    }

    fn timeline(&mut self, filter: &Filter, grain: Grain) -> Result<Vec<TimeBucket>> {
        self.rows(sql::timeline(filter, grain, Dialect::Sqlite)?, |r| {
            Ok(TimeBucket { period: r.get(0)?, kind: r.get(1)?, quad_class: r.get(2)?, events: r.get(3)? })
        })
    }

    fn places(&mut self, filter: &Filter, limit: u64) -> Result<Vec<PlaceCount>> {
        self.rows(sql::places(filter, limit, Dialect::Sqlite)?, |r| {
            Ok(PlaceCount {
                name: r.get(0)?,
                country: r.get(1)?,
                lat: r.get(2)?,
                lon: r.get(3)?,
                kind: r.get(4)?,
                events: r.get(5)?,
            })
        })
    }

    fn actor_counts(&mut self, filter: &Filter) -> Result<Vec<ActorCount>> {
        self.rows(sql::actor_counts(filter, Dialect::Sqlite)?, |r| {
            Ok(ActorCount { code: r.get(0)?, country: r.get(1)?, events: r.get(2)?, as_source: r.get(3)?, as_target: r.get(4)? })
        })
    }

    fn actor_links(&mut self, filter: &Filter) -> Result<Vec<ActorLink>> {
        self.rows(sql::actor_links(filter, Dialect::Sqlite)?, |r| {
            Ok(ActorLink { source: r.get(0)?, target: r.get(1)?, events: r.get(2)? })
        })
    }

    fn articles(&mut self, filter: &Filter) -> Result<Vec<ArticleSummary>> {
        self.rows(sql::articles(filter, Dialect::Sqlite)?, |r| {
            Ok(ArticleSummary {
                id: r.get(0)?,
                ext_id: r.get(1)?,
                title: r.get(2)?,
                url: r.get(3)?,
                source: r.get(4)?,
                published: r.get(5)?,
                lang: r.get(6)?,
                events: r.get(7)?,
            })
        })
    }
}
