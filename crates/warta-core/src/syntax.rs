//! Shallow clause structure: where a clause starts and ends around a word, and which actor phrase is its
//! subject. Good enough for news prose without a parser: clauses are cut at commas (outside actor
//! phrases) and at the pack's clause-break words.

use crate::actors::ActorSpan;
use std::collections::HashSet;
use warta_text::Doc;

/// How far a clause or argument search reaches from its word: bounds the work per word, so a text with
/// no punctuation at all still costs linear time.
pub const MAX_REACH: usize = 60;

pub struct Clauses {
    /// Token → index of the actor phrase covering it.
    span_at: Vec<Option<usize>>,
    breaks: HashSet<String>,
    place_prepositions: HashSet<String>,
}

impl Clauses {
    pub fn new(doc: &Doc, spans: &[ActorSpan], breaks: &[String], place_prepositions: &[String]) -> Self {
        let mut span_at = vec![None; doc.tokens.len()];
        for (k, s) in spans.iter().enumerate() {
            for slot in &mut span_at[s.start..s.end] {
                *slot = Some(k);
            }
        }
        Clauses {
            span_at,
            breaks: breaks.iter().map(|b| b.to_lowercase()).collect(),
            place_prepositions: place_prepositions.iter().map(|b| b.to_lowercase()).collect(),
        }
    }

    pub fn span_at(&self, tok: usize) -> Option<usize> {
        self.span_at.get(tok).copied().flatten()
    }

    fn is_break(&self, doc: &Doc, i: usize, comma_breaks: bool) -> bool {
        let l = &doc.tokens[i].lower;
        self.span_at(i).is_none() && (self.breaks.contains(l) || comma_breaks && l == ",")
    }

    /// First token of the clause holding `pos`.
    pub fn clause_start(&self, doc: &Doc, pos: usize) -> usize {
        let first = doc.sentences[doc.sentence_of(pos)].tokens.start.max(pos.saturating_sub(MAX_REACH));
        let mut i = pos;
        while i > first && !self.is_break(doc, i - 1, true) {
            i -= 1;
        }
        i
    }

    /// End (exclusive) of the clause after `pos`; commas only end it when `comma_breaks`.
    pub fn clause_end(&self, doc: &Doc, pos: usize, comma_breaks: bool) -> usize {
        let last = doc.sentences[doc.sentence_of(pos.min(doc.tokens.len() - 1))].tokens.end.min(pos + MAX_REACH);
        let mut i = pos;
        while i < last && !self.is_break(doc, i, comma_breaks) {
            i += 1;
        }
        i
    }

    /// True if the phrase stands after a place preposition ("di Washington"): a place, not an agent.
    pub fn after_place_preposition(&self, doc: &Doc, span: &ActorSpan) -> bool {
        span.start > 0 && self.place_prepositions.contains(&doc.tokens[span.start - 1].lower)
    }

    /// The subject of the verb at `verb`: the first actor phrase of its clause that is not a place.
    pub fn subject_before(&self, doc: &Doc, verb: usize, spans: &[ActorSpan]) -> Option<usize> {
        let start = self.clause_start(doc, verb);
        let mut i = start;
        while i < verb {
            if let Some(k) = self.span_at(i) {
                let s = &spans[k];
                let usable = !s.actors.is_empty() || s.person.is_some() || s.first_person;
                if usable && s.end <= verb && !self.after_place_preposition(doc, s) {
                    return Some(k);
                }
                i = s.end.max(i + 1);
            } else {
                i += 1;
            }
        }
        None
    }

    /// The actor phrase that starts within `max_gap` tokens of `pos` in the same sentence.
    pub fn span_starting_near(&self, pos: usize, max_gap: usize, spans: &[ActorSpan]) -> Option<usize> {
        (pos..pos + max_gap + 1).find_map(|i| self.span_at(i).filter(|&k| spans[k].start == i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::indonesian;

    #[test]
    fn clauses_cut_at_commas_and_break_words_but_not_inside_actors() {
        let st = indonesian();
        let text = "Ketika perang berlanjut, Park Jin-kyeong, warga negara Korea Selatan mengatakan itu karena takut.";
        let doc = warta_text::segment(text, &st.abbreviations);
        let mentions = st.mentions.find(&doc);
        let mut claimed = vec![false; doc.tokens.len()];
        for m in &mentions {
            claimed[m.start..m.end].iter_mut().for_each(|c| *c = true);
        }
        let names = crate::testing::name_spans(&doc, &mentions, &claimed);
        let spans = crate::actors::find_actors(&doc, &mentions, &names);
        let c = Clauses::new(&doc, &spans, &st.pack.events.clause_breaks, &st.pack.actors.place_prepositions);
        let verb = doc.tokens.iter().position(|t| t.lower == "mengatakan").unwrap();
        let subject = c.subject_before(&doc, verb, &spans).unwrap();
        assert_eq!(doc.span_text(spans[subject].start, spans[subject].end), "Park Jin-kyeong, warga negara Korea Selatan");
        let takut = doc.tokens.iter().position(|t| t.lower == "takut").unwrap();
        assert_eq!(doc.token_text(c.clause_start(&doc, takut)), "takut", "\"karena\" opens a new clause");
        assert_eq!(doc.token_text(c.clause_start(&doc, verb)), "Park");
    }
}
