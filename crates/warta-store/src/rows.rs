//! Rows of merged events and mentions, read the same way from either database: both backends select
//! the same columns in the same order (`MERGED_COLS`, `MENTION_COLS`), so one mapping serves both.

use crate::{MergedEvent, Mention};
use serde::de::DeserializeOwned;
use warta_core::model::{DateEvidence, Event, Location, SentenceRef, Span};

/// One result row, read by column index.
pub(crate) trait Columns {
    type Error;
    fn int(&self, i: usize) -> Result<i64, Self::Error>;
    fn opt_int(&self, i: usize) -> Result<Option<i64>, Self::Error>;
    fn real(&self, i: usize) -> Result<f64, Self::Error>;
    fn text(&self, i: usize) -> Result<String, Self::Error>;
    fn opt_text(&self, i: usize) -> Result<Option<String>, Self::Error>;
    fn opt_bool(&self, i: usize) -> Result<Option<bool>, Self::Error>;
    fn json_error(i: usize, e: serde_json::Error) -> Self::Error;

    fn json<T: DeserializeOwned>(&self, i: usize) -> Result<T, Self::Error> {
        serde_json::from_str(&self.text(i)?).map_err(|e| Self::json_error(i, e))
    }

    fn index(&self, i: usize) -> Result<usize, Self::Error> {
        Ok(self.int(i)? as usize)
    }
}

/// A location from seven columns starting at `i` (text, name, country, lat, lon, geonames_id, kind);
/// `None` when the event has no place (`loc_kind` NULL).
fn location_at<R: Columns>(row: &R, i: usize) -> Result<Option<Location>, R::Error> {
    let Some(kind) = row.opt_text(i + 6)? else { return Ok(None) };
    Ok(Some(Location {
        text: row.text(i)?,
        name: row.text(i + 1)?,
        country: row.text(i + 2)?,
        lat: row.real(i + 3)?,
        lon: row.real(i + 4)?,
        geonames_id: row.opt_int(i + 5)?.map(|g| g as u64),
        kind,
    }))
}

pub(crate) fn merged_row<R: Columns>(row: &R) -> Result<MergedEvent, R::Error> {
    Ok(MergedEvent {
        id: row.int(0)?,
        kind: row.text(1)?,
        mode: row.text(2)?,
        cameo: row.text(3)?,
        quad_class: row.int(4)? as u8,
        goldstein: row.real(5)?,
        date: row.opt_text(6)?,
        date_precision: row.opt_text(7)?,
        source: row.json(8)?,
        target: row.json(9)?,
        location: location_at(row, 10)?,
        num_mentions: row.int(17)?,
        num_sources: row.int(18)?,
        num_articles: row.int(19)?,
        first_seen: row.text(20)?,
        last_seen: row.text(21)?,
        added_at: row.text(22)?,
        source_url: row.opt_text(23)?,
        is_root: row.opt_bool(24)?.unwrap_or(false),
    })
}

pub(crate) fn mention_row<R: Columns>(row: &R) -> Result<Mention, R::Error> {
    let also_reported = match row.opt_text(34)? {
        Some(s) => serde_json::from_str(&s).map_err(|e| R::json_error(34, e))?,
        None => Vec::new(),
    };
    Ok(Mention {
        id: row.int(0)?,
        merged_id: row.int(1)?,
        article_id: row.int(2)?,
        article_ext_id: row.text(3)?,
        title: row.opt_text(4)?,
        url: row.opt_text(5)?,
        source: row.opt_text(6)?,
        published: row.opt_text(7)?,
        is_root: row.opt_bool(8)?.unwrap_or(false),
        event: Event {
            kind: row.text(9)?,
            mode: row.text(10)?,
            cameo: row.text(11)?,
            quad_class: row.int(12)? as u8,
            goldstein: row.real(13)?,
            date: row.opt_text(14)?,
            date_precision: row.opt_text(15)?,
            source: row.json(16)?,
            target: row.json(17)?,
            location: location_at(row, 18)?,
            modality: row.text(25)?,
            sentence: SentenceRef { index: row.index(26)?, start: row.index(27)?, end: row.index(28)? },
            trigger: Span { text: row.text(29)?, start: row.index(30)?, end: row.index(31)? },
            rule: row.text(32)?,
            date_evidence: row.json::<DateEvidence>(33)?,
            also_reported,
        },
    })
}
