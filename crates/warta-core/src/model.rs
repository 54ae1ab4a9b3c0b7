//! The output contract (DESIGN.md §2) as Rust types, plus the input record (§1).

use serde::{Deserialize, Serialize};

/// One article to read. Only `text` is required.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Article {
    #[serde(default)]
    pub id: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Published {
    pub value: Option<String>,
    pub inferred: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entity {
    pub text: String,
    pub label: String,
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// What labelled the name: `dictionary`, `form` (its own words), `context` (a cue around it),
    /// `default` (capitals alone) or `model`. Not stored: it explains one extraction run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Time {
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Quote {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub direct: bool,
    pub speaker: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_actor: Option<String>,
    /// Code point span of the speaker mention.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_span: Option<[usize; 2]>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Actor {
    pub text: String,
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Location {
    pub text: String,
    pub name: String,
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u64>,
    /// `country`, `region` (a part of a country, e.g. "southern Russia"), `admin1`, `admin2` (an Indonesian
    /// regency or city as an administrative unit) or `city`.
    pub kind: String,
}

/// A place the article names, geocoded: every one, not only those where an event happened.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PlaceRef {
    pub start: usize,
    pub end: usize,
    pub location: Location,
    /// Why the words were read as a place ("name after a place word", "country with a compass word" …).
    pub rule: String,
    /// The gazetteer's candidates, best first; kept out of the JSON output (see `warta geocode`).
    #[serde(skip)]
    pub candidates: Vec<Candidate>,
}

/// One gazetteer candidate for a place mention, with the score that ranked it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub name: String,
    pub country: String,
    pub kind: String,
    pub admin1: Option<String>,
    pub population: u64,
    pub geonames_id: Option<u64>,
    pub score: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SentenceRef {
    pub index: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Span {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// Why an event got its date: which rule chose it and from which expression.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DateEvidence {
    /// `sentence` (its own time expression), `paragraph` (the governing one), `publication`.
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<Span>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Event {
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: String,
    pub cameo: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub date: Option<String>,
    pub date_precision: Option<String>,
    pub source: Vec<Actor>,
    pub target: Vec<Actor>,
    pub location: Option<Location>,
    pub modality: String,
    pub sentence: SentenceRef,
    pub trigger: Span,
    pub rule: String,
    pub date_evidence: DateEvidence,
    /// Other sentences of the same article that report the same event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_reported: Vec<SentenceRef>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArticleResult {
    pub id: String,
    pub lang: Option<String>,
    pub published: Published,
    pub entities: Vec<Entity>,
    pub times: Vec<Time>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
    /// Every place named, geocoded (an addition to the contract; events carry their own `location`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<PlaceRef>,
    /// Problems that did not stop the article (unsupported language, truncated input …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}
