//! The extraction engine: one article in, its events, people, organisations, places, times and quotes out,
//! as the output contract in DESIGN.md describes.
//!
//! The pipeline is language-agnostic; everything it knows about a language comes from a `warta_lang::Pack`.
//! Stages, in order: language identification → segmentation (`warta_text`) → times (`warta_time`) →
//! mentions → actors → quotes → events → places → assembly (dates, locations, merging).

pub mod actors;
pub mod assemble;
pub mod cameo;
pub mod events;
pub mod langid;
pub mod mentions;
pub mod model;
pub mod names;
pub mod places;
pub mod quotes;
pub mod syntax;
#[cfg(test)]
mod testing;

use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use warta_lang::{Pack, PackError};

pub use model::{Article, ArticleResult};

/// Articles longer than this are cut (with a warning): no news article is this long, and the cap keeps
/// memory bounded on malformed input such as a whole corpus on one line.
pub const MAX_TEXT_BYTES: usize = 5_000_000;

/// Everything built once per language and reused for every article.
struct LanguageStages {
    pack: Pack,
    abbreviations: HashSet<String>,
    times: warta_time::TimeResolver,
    mentions: mentions::MentionFinder,
    names: names::NameTagger,
    quotes: quotes::QuoteFinder,
    events: events::EventCoder,
    places: places::PlaceFinder,
}

pub struct Extractor {
    stages: HashMap<String, LanguageStages>,
    /// Language code → the pack that reads it (a pack may also handle close languages).
    handled_by: HashMap<String, String>,
    identifier: langid::LanguageIdentifier,
    today: NaiveDate,
}

impl Extractor {
    /// Builds stages for every embedded pack. `today` bounds year inference ("the latest such year not
    /// after today").
    pub fn new(today: NaiveDate) -> Result<Self, PackError> {
        let mut stages = HashMap::new();
        let mut handled_by = HashMap::new();
        for code in Pack::available() {
            let pack = Pack::embedded(code)?;
            handled_by.insert(code.to_string(), code.to_string());
            for other in &pack.general.also_handles {
                handled_by.entry(other.clone()).or_insert_with(|| code.to_string());
            }
            let s = LanguageStages {
                abbreviations: pack.general.abbreviations.iter().map(|a| a.to_lowercase()).collect(),
                times: warta_time::TimeResolver::new(&pack.time),
                mentions: mentions::MentionFinder::new(&pack),
                names: names::NameTagger::new(&pack),
                quotes: quotes::QuoteFinder::new(&pack.speech),
                events: events::EventCoder::new(&pack),
                places: places::PlaceFinder::new(&pack),
                pack,
            };
            stages.insert(code.to_string(), s);
        }
        Ok(Extractor { stages, handled_by, identifier: langid::LanguageIdentifier::new(), today })
    }

    /// Replaces the rules' names in the output's entities with a trained model's, for the language the
    /// model was trained on.
    pub fn with_ner_model(mut self, model: warta_ner::Model) -> Result<Self, String> {
        let code = self.handled_by.get(&model.lang).cloned();
        let stages = code.and_then(|c| self.stages.get_mut(&c)).ok_or_else(|| format!("the model is for language {:?}, which no pack reads", model.lang))?;
        stages.names.model = Some(model);
        Ok(self)
    }

    /// What the trained name tagger reads of a text in language `lang`: per sentence, its tokens with the
    /// rules' tags and word lists, and their code-point ranges. `warta train ner` learns from it.
    pub fn ner_sentences(&self, text: &str, lang: &str) -> Result<Vec<names::NerSentence>, String> {
        let st = self.handled_by.get(lang).and_then(|c| self.stages.get(c)).ok_or_else(|| format!("no language pack for {lang:?}"))?;
        let doc = warta_text::segment(text, &st.abbreviations);
        let times = st.times.resolve(&doc, None, self.today);
        let mentions = st.mentions.find(&doc);
        let mut in_time = vec![false; doc.tokens.len()];
        for t in &times.timexes {
            in_time[t.tokens.clone()].iter_mut().for_each(|c| *c = true);
        }
        let named = st.names.find(&doc, &mentions, &in_time);
        Ok(st.names.ner_sentences(&doc, &mentions, &named))
    }

    pub fn languages(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.handled_by.keys().map(String::as_str).collect();
        v.sort();
        v
    }

    /// Reads one article. Never fails: problems are reported in `warnings` and the result stays honest
    /// (empty rather than invented).
    pub fn extract(&self, article: &Article) -> ArticleResult {
        let mut warnings = Vec::new();
        let mut text = article.text.as_str();
        if text.len() > MAX_TEXT_BYTES {
            let mut cut = MAX_TEXT_BYTES;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text = &text[..cut];
            warnings.push(format!("text longer than {MAX_TEXT_BYTES} bytes; only the first {cut} bytes were read"));
        }
        let published = article.published.as_deref().and_then(|p| {
            let day = p.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            if day.is_none() {
                warnings.push(format!("published {p:?} is not a YYYY-MM-DD date; ignored"));
            }
            day
        });
        let lang = match article.lang.as_deref().filter(|l| !l.is_empty()) {
            Some(l) => Some(l.to_lowercase()),
            None => self.identifier.identify(text).map(str::to_string),
        };
        let empty = |lang: Option<String>, warnings: Vec<String>| ArticleResult {
            id: article.id.clone(),
            lang,
            published: model::Published { value: published.map(|d| d.to_string()), inferred: false },
            entities: Vec::new(),
            times: Vec::new(),
            quotes: Vec::new(),
            events: Vec::new(),
            places: Vec::new(),
            warnings,
        };
        let Some(lang) = lang else {
            if !text.trim().is_empty() {
                warnings.push("no language could be identified".into());
            }
            return empty(None, warnings);
        };
        let Some(stages) = self.handled_by.get(&lang).and_then(|c| self.stages.get(c)) else {
            warnings.push(format!("no language pack for {lang:?}; available: {}", self.languages().join(", ")));
            return empty(Some(lang), warnings);
        };
        let mut result = assemble::run(stages, text, published, self.today, &article.id);
        result.lang = Some(lang);
        result.warnings.extend(warnings);
        result
    }
}
