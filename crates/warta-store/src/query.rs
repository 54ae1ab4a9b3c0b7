//! Filters over stored events, and the SQL they become (shared by the SQLite and PostgreSQL stores).

use crate::{Result, StoreError};
use chrono::{Datelike, NaiveDate};

/// Which events to return. Every field narrows the result; all are optional. A merged event matches when
/// at least one of its mentions does.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// An actor code prefix (`RUS`, `RUSGOV`, `IGO`) or part of an actor's name or text.
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
        let like = if d == Dialect::Postgres { "ILIKE" } else { "LIKE" };
        let mut c = Conditions { sql: Vec::new(), params: Vec::new() };
        if let Some(t) = Self::nonempty(&self.kind) {
            let p = c.ph(d, t.to_ascii_uppercase());
            c.sql.push(format!("e.type = {p}"));
        }
        if let Some(code) = Self::nonempty(&self.cameo) {
            let p = c.ph(d, format!("{code}%"));
            c.sql.push(format!("e.cameo LIKE {p}"));
        }
        if let Some(country) = Self::nonempty(&self.country) {
            let p = c.ph(d, country.to_ascii_uppercase());
            c.sql.push(format!(
                "(e.loc_country = {p} OR EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND a.country = {p}))"
            ));
        }
        if let Some(actor) = Self::nonempty(&self.actor) {
            let code = c.ph(d, format!("{}%", like_escape(&actor.to_ascii_uppercase())));
            let name = c.ph(d, format!("%{}%", like_escape(actor)));
            c.sql.push(format!(
                "EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = e.id AND (a.code LIKE {code} ESCAPE '\\' \
                 OR a.name {like} {name} ESCAPE '\\' OR a.text {like} {name} ESCAPE '\\'))"
            ));
        }
        if let Some(from) = Self::nonempty(&self.from) {
            let (start, _) = date_range(from).expect("validated");
            let p = c.ph(d, start);
            c.sql.push(format!("e.date_end >= {p}"));
        }
        if let Some(to) = Self::nonempty(&self.to) {
            let (_, end) = date_range(to).expect("validated");
            let p = c.ph(d, end);
            c.sql.push(format!("e.date_start <= {p}"));
        }
        if let Some(place) = Self::nonempty(&self.place) {
            let name = c.ph(d, format!("%{}%", like_escape(place)));
            let code = c.ph(d, place.to_ascii_uppercase());
            c.sql.push(format!(
                "(e.loc_name {like} {name} ESCAPE '\\' OR e.loc_text {like} {name} ESCAPE '\\' OR e.loc_country = {code})"
            ));
        }
        if let Some(text) = Self::nonempty(&self.text) {
            match d {
                Dialect::Sqlite => {
                    let p = c.ph(d, fts_query(text));
                    c.sql.push(format!("e.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH {p})"));
                }
                Dialect::Postgres => {
                    let p = c.ph(d, text.to_string());
                    c.sql.push(format!("e.article_id IN (SELECT id FROM articles WHERE tsv @@ plainto_tsquery('simple', {p}))"));
                }
            }
        }
        Ok(c)
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
