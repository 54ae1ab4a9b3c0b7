//! Shared set-up for unit tests: one extractor for the whole test binary.

use crate::model::{Actor, ArticleResult};
use crate::{Article, Extractor, LanguageStages};
use std::sync::OnceLock;

pub fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()).unwrap())
}

pub fn indonesian() -> &'static LanguageStages {
    &extractor().stages["id"]
}

/// Extracts an Indonesian text published on Wednesday 19 June 2024.
pub fn extract(text: &str) -> ArticleResult {
    extractor().extract(&Article { id: "t".into(), text: text.into(), lang: Some("id".into()), published: Some("2024-06-19".into()), ..Default::default() })
}

pub fn codes(actors: &[Actor]) -> Vec<&str> {
    actors.iter().map(|a| a.code.as_str()).collect()
}

/// Capitalised name spans, as the pipeline computes them (one place to change when that moves).
pub fn name_spans(doc: &warta_text::Doc, mentions: &[crate::mentions::Mention], _claimed: &[bool]) -> Vec<(usize, usize)> {
    let named = indonesian().names.find(doc, mentions, &vec![false; doc.tokens.len()]);
    crate::names::NameTagger::person_spans(&named)
}
