//! Filters over stored events, and the SQL they become (shared by the SQLite and PostgreSQL stores).

use crate::{Result, StoreError};
use chrono::{Datelike, NaiveDate};

/// Which events to return. Every field narrows the result; all are optional. A merged event matches when
/// at least one of its mentions does.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// An actor code prefix (`RUS`, `RUSGOV`, `IGO`), any case. Names are found with `text`.
    pub actor: Option<String>,
    /// ISO alpha-3 country: the event's location or any of its actors.
    pub country: Option<String>,
    /// PLOVER type (`ASSAULT`).
    pub kind: Option<String>,
    /// CAMEO code prefix (`19`, `057`).
    pub cameo: Option<String>,
    /// Events whose date overlaps `from..=to`; `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Undated events never match.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Part of the location's name, or its ISO alpha-3 country.
    pub place: Option<String>,
    /// Words that must all occur in the article (title or text).
    pub text: Option<String>,
    pub limit: Option<u64>,
    pub offset: u64,
}

/// The first and last day covered by a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date (longer values are cut to
/// their first ten characters). `None` when it is not such a date.
pub fn date_range(date: &str) -> Option<(String, String)> {
    let d = date.trim();
    let d = d.get(..10).unwrap_or(d);
    let parts: Vec<&str> = d.split('-').collect();
    let num = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
    };
    let (start, end) = match parts.as_slice() {
        [y] => {
            let y = num(y, 4)? as i32;
            (NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?)
        }
        [y, m] => {
            let (y, m) = (num(y, 4)? as i32, num(m, 2)?);
            let start = NaiveDate::from_ymd_opt(y, m, 1)?;
            let next = if m == 12 { NaiveDate::from_ymd_opt(y + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(y, m + 1, 1)? };
            (start, next.pred_opt()?)
        }
        [y, m, day] => {
            let d = NaiveDate::from_ymd_opt(num(y, 4)? as i32, num(m, 2)?, num(day, 2)?)?;
            (d, d)
        }
        _ => return None,
    };
    let _ = start.year();
    Some((start.to_string(), end.to_string()))
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    Sqlite,
    #[allow(dead_code)]
    Postgres,
}

/// SQL conditions over `events e` (joined by AND; empty when the filter is empty) and their parameters.
pub(crate) struct Conditions {
    pub sql: Vec<String>,
    pub params: Vec<String>,
}

impl Conditions {
    fn ph(&mut self, d: Dialect, value: String) -> String {
        self.params.push(value);
        match d {
            Dialect::Sqlite => format!("?{}", self.params.len()),
            Dialect::Postgres => format!("${}", self.params.len()),
        }
    }

    pub fn where_clause(&self) -> String {
        if self.sql.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.sql.join(" AND "))
        }
    }
}

fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The keys an actor code is found by in `merged_actors`: the code and each of its whole three-letter
/// prefixes (CAMEO codes are built of three-letter parts: `RUSGOV` → `RUS`, `RUSGOV`).
pub(crate) fn actor_keys(code: &str) -> impl Iterator<Item = &str> {
    (3..code.len()).step_by(3).filter_map(move |n| code.get(..n)).chain(std::iter::once(code))
}

/// The words of a free-text query (runs of letters and digits, as FTS5's `unicode61` tokenizer splits).
pub(crate) fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()
}

/// Words of a free-text query as an FTS5 query: each word quoted, all required (the index keeps no
/// positions, so there are no phrases).
pub(crate) fn fts_query(text: &str) -> String {
    words(text).iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(" ")
}

impl Filter {
    fn nonempty(v: &Option<String>) -> Option<&str> {
        v.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }

    /// Checks the values; the error says which one is wrong and why.
    pub fn validate(&self) -> Result<()> {
        if let Some(c) = Self::nonempty(&self.cameo) {
            if !c.bytes().all(|b| b.is_ascii_digit()) || c.len() > 4 {
                return Err(StoreError(format!("cameo {c:?}: expected a CAMEO code prefix of 1-4 digits")));
            }
        }
        for (name, v) in [("from", &self.from), ("to", &self.to)] {
            if let Some(d) = Self::nonempty(v) {
                if date_range(d).is_none() {
                    return Err(StoreError(format!("{name} {d:?}: expected YYYY, YYYY-MM or YYYY-MM-DD")));
                }
            }
        }
        if let Some(a) = Self::nonempty(&self.actor) {
            if !a.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Err(StoreError(format!(
                    "actor {a:?}: expected an actor code prefix such as RUS or RUSGOV (search names with words)"
                )));
            }
        }
        if let Some(t) = Self::nonempty(&self.kind) {
            if !t.bytes().all(|b| b.is_ascii_alphabetic()) {
                return Err(StoreError(format!("type {t:?}: expected a PLOVER type such as ASSAULT")));
            }
        }
        if let Some(t) = Self::nonempty(&self.text) {
            if words(t).is_empty() {
                return Err(StoreError(format!("text {t:?}: no words to search for")));
            }
        }
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        [&self.actor, &self.country, &self.kind, &self.cameo, &self.from, &self.to, &self.place, &self.text]
            .iter()
            .all(|v| Self::nonempty(v).is_none())
    }

    /// `LIMIT … OFFSET …` (or nothing).
    pub(crate) fn limit_sql(&self, d: Dialect) -> String {
        match (self.limit, self.offset, d) {
            (Some(l), o, _) => format!(" LIMIT {l} OFFSET {o}"),
            (None, 0, _) => String::new(),
            (None, o, Dialect::Sqlite) => format!(" LIMIT -1 OFFSET {o}"),
            (None, o, Dialect::Postgres) => format!(" OFFSET {o}"),
        }
    }

    pub(crate) fn conditions(&self, d: Dialect) -> Result<Conditions> {
        self.validate()?;
        let mut c = Conditions { sql: Vec::new(), params: Vec::new() };
        c.sql = self.mention_sql(d, &mut c);
        Ok(c)
    }

    /// The conditions over `events e`, their parameters numbered after those already in `c`.
    fn mention_sql(&self, d: Dialect, c: &mut Conditions) -> Vec<String> {
        let like = if d == Dialect::Postgres { "ILIKE" } else { "LIKE" };
        let mut sql = Vec::new();
        if let Some(t) = Self::nonempty(&self.kind) {
            let p = c.ph(d, t.to_ascii_uppercase());
            sql.push(format!("e.type = {p}"));
        }
        if let Some(code) = Self::nonempty(&self.cameo) {
            let p = c.ph(d, format!("{code}%"));
            sql.push(format!("e.cameo LIKE {p}"));
        }
        if let Some(country) = Self::nonempty(&self.country) {
            // Two indexed lookups (events by place, actors by country) rather than a correlated EXISTS, which
            // would visit every event.
            let p = c.ph(d, country.to_ascii_uppercase());
            sql.push(format!(
                "(e.loc_country = {p} OR e.id IN (SELECT a.event_id FROM event_actors a WHERE a.country = {p}))"
            ));
        }
        if let Some(actor) = Self::nonempty(&self.actor) {
            // Letters only (validated), so nothing to escape.
            let p = c.ph(d, format!("{}%", actor.to_ascii_uppercase()));
            sql.push(format!("EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND a.code LIKE {p})"));
        }
        if let Some(from) = Self::nonempty(&self.from) {
            let (start, _) = date_range(from).expect("validated");
            let p = c.ph(d, start);
            sql.push(format!("e.date_end >= {p}"));
        }
        if let Some(to) = Self::nonempty(&self.to) {
            let (_, end) = date_range(to).expect("validated");
            let p = c.ph(d, end);
            sql.push(format!("e.date_start <= {p}"));
        }
        if let Some(place) = Self::nonempty(&self.place) {
            let name = c.ph(d, format!("%{}%", like_escape(place)));
            let code = c.ph(d, place.to_ascii_uppercase());
            sql.push(format!(
                "(e.loc_name {like} {name} ESCAPE '\\' OR e.loc_text {like} {name} ESCAPE '\\' OR e.loc_country = {code})"
            ));
        }
        if let Some(text) = Self::nonempty(&self.text) {
            let ids = c.text_match(d, text);
            sql.push(format!("e.article_id IN ({ids})"));
        }
        sql
    }

    /// `WHERE …` restricting merged events `m` to those with a matching mention (empty for no filter).
    pub(crate) fn merged_where(&self, d: Dialect) -> Result<(String, Conditions)> {
        let c = self.conditions(d)?;
        let sql = if self.is_empty() {
            String::new()
        } else {
            format!(" WHERE m.id IN (SELECT e.merged_id FROM events e{})", c.where_clause())
        };
        Ok((sql, c))
    }
}

impl Conditions {
    /// A subquery selecting the ids of articles containing every word of `text` (full-text index).
    fn text_match(&mut self, d: Dialect, text: &str) -> String {
        match d {
            Dialect::Sqlite => {
                let p = self.ph(d, fts_query(text));
                format!("SELECT rowid FROM articles_fts WHERE articles_fts MATCH {p}")
            }
            Dialect::Postgres => {
                let p = self.ph(d, text.to_string());
                format!("SELECT id FROM articles WHERE tsv @@ plainto_tsquery('simple', {p})")
            }
        }
    }
}

/// What [`crate::Store::events_page`] sorts merged events by; ties go by id in the same direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// The first day the event's date covers (undated events count as earliest).
    #[default]
    Date,
    Id,
    Mentions,
    Articles,
    Goldstein,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventSort {
    pub key: SortKey,
    pub descending: bool,
}

impl Default for EventSort {
    /// Newest first.
    fn default() -> Self {
        EventSort { key: SortKey::Date, descending: true }
    }
}

impl EventSort {
    /// The values `parse` accepts (a leading `-` sorts descending).
    pub const NAMES: &'static [&'static str] = &["date", "id", "mentions", "articles", "goldstein"];

    /// `date`, `-date`, `id`, `mentions`, `-articles`, … (`-` for descending).
    pub fn parse(s: &str) -> Result<EventSort> {
        let (descending, name) = match s.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, s),
        };
        let key = match name {
            "date" => SortKey::Date,
            "id" => SortKey::Id,
            "mentions" => SortKey::Mentions,
            "articles" => SortKey::Articles,
            "goldstein" => SortKey::Goldstein,
            _ => {
                return Err(StoreError(format!(
                    "sort {s:?}: expected one of {} (prefix - for descending)",
                    Self::NAMES.join(", ")
                )))
            }
        };
        Ok(EventSort { key, descending })
    }

    /// `ORDER BY` terms over `merged_events m`. The date order follows the `(date_start, date_end)` index so
    /// a page of the newest events reads only that page; PostgreSQL is told to put NULLs where SQLite does.
    pub(crate) fn order_sql(&self, d: Dialect) -> String {
        let dir = if self.descending { "DESC" } else { "ASC" };
        let col = match self.key {
            SortKey::Date => return self.date_order(d, "m.date_start", "m.date_end", "m.id"),
            SortKey::Id => return format!("m.id {dir}"),
            SortKey::Mentions => "m.num_mentions",
            SortKey::Articles => "m.num_articles",
            SortKey::Goldstein => "m.goldstein",
        };
        format!("{col} {dir}, m.id {dir}")
    }

    /// The date order over the given start, end and id columns.
    fn date_order(&self, d: Dialect, start: &str, end: &str, id: &str) -> String {
        let dir = if self.descending { "DESC" } else { "ASC" };
        let nulls = match (d, self.descending) {
            (Dialect::Sqlite, _) => "",
            (Dialect::Postgres, true) => " NULLS LAST",
            (Dialect::Postgres, false) => " NULLS FIRST",
        };
        format!("{start} {dir}{nulls}, {end} {dir}{nulls}, {id} {dir}")
    }
}

/// The bucket size of [`crate::Store::timeline`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grain {
    #[default]
    Day,
    Month,
    Year,
}

impl Grain {
    pub fn parse(s: &str) -> Result<Grain> {
        match s {
            "day" => Ok(Grain::Day),
            "month" => Ok(Grain::Month),
            "year" => Ok(Grain::Year),
            _ => Err(StoreError(format!("grain {s:?}: expected day, month or year"))),
        }
    }

    /// The period an event falls in: a prefix of the first day its date covers.
    fn period_sql(&self) -> &'static str {
        match self {
            Grain::Day => "m.date_start",
            Grain::Month => "substr(m.date_start, 1, 7)",
            Grain::Year => "substr(m.date_start, 1, 4)",
        }
    }
}

/// SQL of the aggregate reads, shared by both backends; each returns the statement and its parameters.
pub(crate) mod sql {
    use super::*;

    /// One page of merged events `m` (`cols`, with `joins` for what they need beyond `m`). Type, date,
    /// country and actor are properties of the merged event, so they are answered from indexes that hold
    /// them in date order (`merged_countries`, `merged_actors`, `merged_events(type, date_start, …)`): the
    /// newest page of a filter reads about one page of index rows, plus the rows that fail the other
    /// filters. CAMEO code, place and words depend on the mentions and select the matching events first.
    /// Sorts other than date read the matches in full and sort them (unfiltered, an index serves them).
    pub fn events_page(f: &Filter, sort: EventSort, d: Dialect, cols: &str, joins: &str) -> Result<(String, Conditions)> {
        f.validate()?;
        let mut c = Conditions { sql: Vec::new(), params: Vec::new() };
        let country = Filter::nonempty(&f.country).map(str::to_ascii_uppercase);
        let actor = Filter::nonempty(&f.actor).map(str::to_ascii_uppercase);
        // The longest whole-part prefix of the actor code is a key of merged_actors.
        let actor_key = actor.as_deref().map(|a| &a[..a.len() - a.len() % 3]).filter(|k| !k.is_empty());
        let join = if d == Dialect::Sqlite { "CROSS JOIN" } else { "JOIN" }; // SQLite: keep k as the outer loop
        let (from, drive) = if let Some(key) = actor_key {
            let p = c.ph(d, key.to_string());
            c.sql.push(format!("k.code = {p}"));
            (format!("merged_actors k {join} merged_events m ON m.id = k.merged_id"), "k")
        } else if let Some(country) = &country {
            let p = c.ph(d, country.clone());
            c.sql.push(format!("k.country = {p}"));
            (format!("merged_countries k {join} merged_events m ON m.id = k.merged_id"), "k")
        } else {
            ("merged_events m".to_string(), "m")
        };
        if let Some(actor) = actor.as_deref().filter(|a| actor_key != Some(*a)) {
            let p = c.ph(d, format!("{actor}%"));
            c.sql.push(format!("EXISTS (SELECT 1 FROM merged_actors x WHERE x.merged_id = m.id AND x.code LIKE {p})"));
        }
        if let Some(country) = country.filter(|_| actor_key.is_some()) {
            let p = c.ph(d, country);
            c.sql.push(format!("EXISTS (SELECT 1 FROM merged_countries x WHERE x.merged_id = m.id AND x.country = {p})"));
        }
        if let Some(t) = Filter::nonempty(&f.kind) {
            let p = c.ph(d, t.to_ascii_uppercase());
            c.sql.push(format!("m.type = {p}"));
        }
        if let Some(from) = Filter::nonempty(&f.from) {
            let (start, _) = date_range(from).expect("validated");
            // A date covers at most a year, so one ending on or after `start` begins at most 366 days
            // before it: a bound the index can use, where `date_end` alone would not stop the scan.
            let earliest = NaiveDate::parse_from_str(&start, "%Y-%m-%d")
                .ok()
                .and_then(|s| s.checked_sub_days(chrono::Days::new(366)))
                .map(|s| s.to_string());
            let p = c.ph(d, start);
            c.sql.push(format!("{drive}.date_end >= {p}"));
            if let Some(earliest) = earliest {
                let p = c.ph(d, earliest);
                c.sql.push(format!("{drive}.date_start >= {p}"));
            }
        }
        if let Some(to) = Filter::nonempty(&f.to) {
            let (_, end) = date_range(to).expect("validated");
            let p = c.ph(d, end);
            c.sql.push(format!("{drive}.date_start <= {p}"));
        }
        let by_mention = Filter { cameo: f.cameo.clone(), place: f.place.clone(), text: f.text.clone(), ..Default::default() };
        if !by_mention.is_empty() {
            let conds = by_mention.mention_sql(d, &mut c).join(" AND ");
            c.sql.push(format!("m.id IN (SELECT e.merged_id FROM events e WHERE {conds})"));
        }
        let order = match (sort.key, drive) {
            (SortKey::Date, "k") => sort.date_order(d, "k.date_start", "k.date_end", "k.merged_id"),
            _ => sort.order_sql(d),
        };
        Ok((format!("SELECT {cols} FROM {from}{joins}{} ORDER BY {order}{}", c.where_clause(), f.limit_sql(d)), c))
    }

    /// Rows: period, type, quad_class, count.
    pub fn timeline(f: &Filter, grain: Grain, d: Dialect) -> Result<(String, Conditions)> {
        let (cond, c) = f.merged_where(d)?;
        let and = if cond.is_empty() { " WHERE".to_string() } else { format!("{cond} AND") };
        let p = grain.period_sql();
        Ok((
            format!(
                "SELECT {p}, m.type, m.quad_class, count(*) FROM merged_events m{and} m.date_start IS NOT NULL                  GROUP BY {p}, m.type, m.quad_class ORDER BY 1, 2, 3"
            ),
            c,
        ))
    }

    /// Rows: name, country, lat, lon, kind, count; most events first.
    pub fn places(f: &Filter, limit: u64, d: Dialect) -> Result<(String, Conditions)> {
        let (cond, c) = f.merged_where(d)?;
        let and = if cond.is_empty() { " WHERE".to_string() } else { format!("{cond} AND") };
        Ok((
            format!(
                "SELECT m.loc_name, m.loc_country, m.loc_lat, m.loc_lon, m.loc_kind, count(*) FROM merged_events m{and}                  m.loc_kind IS NOT NULL GROUP BY m.loc_name, m.loc_country, m.loc_lat, m.loc_lon, m.loc_kind                  ORDER BY 6 DESC, 1 LIMIT {limit}"
            ),
            c,
        ))
    }

    /// Rows: code, country, events, events as source, events as target; most events first.
    pub fn actor_counts(f: &Filter, d: Dialect) -> Result<(String, Conditions)> {
        let c = f.conditions(d)?;
        Ok((
            format!(
                "SELECT ea.code, max(ea.country), count(DISTINCT e.merged_id),                  count(DISTINCT CASE WHEN ea.role = 'source' THEN e.merged_id END),                  count(DISTINCT CASE WHEN ea.role = 'target' THEN e.merged_id END)                  FROM event_actors ea JOIN events e ON e.id = ea.event_id{} GROUP BY ea.code ORDER BY 3 DESC, 1{}",
                c.where_clause(),
                f.limit_sql(d)
            ),
            c,
        ))
    }

    /// Rows: source code, target code, events; heaviest first.
    pub fn actor_links(f: &Filter, d: Dialect) -> Result<(String, Conditions)> {
        let c = f.conditions(d)?;
        Ok((
            format!(
                "SELECT s.code, t.code, count(DISTINCT e.merged_id) FROM events e                  JOIN event_actors s ON s.event_id = e.id AND s.role = 'source'                  JOIN event_actors t ON t.event_id = e.id AND t.role = 'target'{}                  GROUP BY s.code, t.code ORDER BY 3 DESC, 1, 2{}",
                c.where_clause(),
                f.limit_sql(d)
            ),
            c,
        ))
    }

    /// Rows: id, ext_id, title, url, source, published, lang, event mentions; newest first. An article
    /// matches when it contains the filter's words and, for the other fields, reports a matching event.
    pub fn articles(f: &Filter, d: Dialect) -> Result<(String, Conditions)> {
        let events_only = Filter { text: None, limit: None, offset: 0, ..f.clone() };
        let mut c = events_only.conditions(d)?;
        let mut conds = Vec::new();
        if !events_only.is_empty() {
            conds.push(format!("a.id IN (SELECT e.article_id FROM events e{})", c.where_clause()));
        }
        if let Some(text) = Filter::nonempty(&f.text) {
            let ids = c.text_match(d, text);
            conds.push(format!("a.id IN ({ids})"));
        }
        let cond = if conds.is_empty() { String::new() } else { format!(" WHERE {}", conds.join(" AND ")) };
        Ok((
            format!(
                "SELECT a.id, a.ext_id, a.title, a.url, a.source, a.published, a.lang,                  (SELECT count(*) FROM events e2 WHERE e2.article_id = a.id) FROM articles a{cond}                  ORDER BY a.published DESC, a.id DESC{}",
                f.limit_sql(d)
            ),
            c,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges() {
        assert_eq!(date_range("2024"), Some(("2024-01-01".into(), "2024-12-31".into())));
        assert_eq!(date_range("2024-02"), Some(("2024-02-01".into(), "2024-02-29".into())));
        assert_eq!(date_range("2024-12"), Some(("2024-12-01".into(), "2024-12-31".into())));
        assert_eq!(date_range("2024-06-19"), Some(("2024-06-19".into(), "2024-06-19".into())));
        assert_eq!(date_range("2024-06-19T10:00:00Z"), Some(("2024-06-19".into(), "2024-06-19".into())));
        assert_eq!(date_range("2024-13"), None);
        assert_eq!(date_range("19 Juni"), None);
        assert_eq!(date_range(""), None);
    }

    #[test]
    fn bad_filters_say_why() {
        let f = Filter { cameo: Some("05a".into()), ..Default::default() };
        assert!(f.validate().unwrap_err().0.contains("cameo"));
        let f = Filter { from: Some("June".into()), ..Default::default() };
        assert!(f.validate().unwrap_err().0.contains("from"));
        assert!(Filter::default().is_empty());
    }

    #[test]
    fn fts_words_are_quoted() {
        assert_eq!(fts_query("Putin  \"Kim-Jong\" Un"), "\"Putin\" \"Kim\" \"Jong\" \"Un\"");
        assert_eq!(fts_query("\"*)"), "");
    }
}
