//! Quotes and their speakers.
//!
//! Direct: `“…,” kata X`, `X mengatakan: “…”`. Indirect: `X mengatakan (bahwa) …`, `menurut X, …`,
//! `…, kata X.`. The speaker is the actor phrase that is the subject of the reporting verb.

use crate::actors::ActorSpan;
use crate::syntax::Clauses;
use std::collections::HashSet;
use warta_lang::Speech;
use warta_text::Doc;

#[derive(Debug, Clone)]
pub struct QuoteSpan {
    /// Token range of the quoted or reported content.
    pub start: usize,
    pub end: usize,
    pub direct: bool,
    /// Index into the actor spans.
    pub speaker: Option<usize>,
    /// The reporting verb's token, when there is one.
    pub verb: Option<usize>,
}

pub struct QuoteFinder {
    verbs: HashSet<String>,
    inverted: HashSet<String>,
    complementizers: HashSet<String>,
    according_to: HashSet<String>,
}

fn opens(s: &str) -> bool {
    matches!(s, "“" | "«" | "„")
}

fn closes(s: &str) -> bool {
    matches!(s, "”" | "»")
}

impl QuoteFinder {
    pub fn new(speech: &Speech) -> Self {
        let set = |v: &[String]| v.iter().map(|s| s.to_lowercase()).collect::<HashSet<_>>();
        QuoteFinder {
            verbs: set(&speech.verbs),
            inverted: set(&speech.inverted),
            complementizers: set(&speech.complementizers),
            according_to: set(&speech.according_to),
        }
    }

    pub fn is_reporting_verb(&self, lower: &str) -> bool {
        self.verbs.contains(lower) || self.inverted.contains(lower)
    }

    pub fn find(&self, doc: &Doc, spans: &[ActorSpan], clauses: &Clauses) -> Vec<QuoteSpan> {
        let mut out = self.direct(doc, spans, clauses);
        let inside: Vec<bool> = {
            let mut v = vec![false; doc.tokens.len()];
            for q in &out {
                for i in q.start.saturating_sub(1)..(q.end + 1).min(v.len()) {
                    v[i] = true;
                }
            }
            v
        };
        out.extend(self.indirect(doc, spans, clauses, &inside));
        out.sort_by_key(|q| q.start);
        out
    }

    fn direct(&self, doc: &Doc, spans: &[ActorSpan], clauses: &Clauses) -> Vec<QuoteSpan> {
        let mut out = Vec::new();
        let n = doc.tokens.len();
        let mut i = 0;
        while i < n {
            let t = doc.token_text(i);
            let straight = t == "\"";
            if !(opens(t) || straight) {
                i += 1;
                continue;
            }
            let para = doc.sentences[doc.sentence_of(i)].paragraph;
            // Quotes longer than this are taken for stray marks: bounds the search on unbalanced text.
            const MAX_QUOTE_TOKENS: usize = 2000;
            let close = (i + 1..n.min(i + MAX_QUOTE_TOKENS))
                .take_while(|&j| doc.sentences[doc.sentence_of(j)].paragraph == para)
                .find(|&j| if straight { doc.token_text(j) == "\"" } else { closes(doc.token_text(j)) });
            let Some(close) = close else {
                i += 1;
                continue;
            };
            let (start, mut end) = (i + 1, close);
            // The comma or period closing the quoted words belongs to the attribution, not the quote.
            while end > start && matches!(doc.token_text(end - 1), "," | ".") {
                end -= 1;
            }
            // A short quoted phrase (a title, a scare quote) is not speech.
            if end.saturating_sub(start) >= 4 {
                let (speaker, verb) = self.speaker_after(doc, close, spans, clauses).or_else(|| self.speaker_before(doc, i, spans, clauses)).unzip();
                out.push(QuoteSpan { start, end, direct: true, speaker: speaker.flatten(), verb });
            }
            i = close + 1;
        }
        out
    }

    /// `”, kata X` / `” ujar X`.
    fn speaker_after(&self, doc: &Doc, close: usize, spans: &[ActorSpan], clauses: &Clauses) -> Option<(Option<usize>, usize)> {
        let mut j = close + 1;
        while j < doc.tokens.len() && doc.token_text(j) == "," {
            j += 1;
        }
        if j < doc.tokens.len() && self.inverted.contains(&doc.tokens[j].lower) {
            let sp = clauses.span_starting_near(j + 1, 2, spans);
            return Some((sp, j));
        }
        // `"…," Putin said.`: the speaker stands between the quote and the verb.
        if let Some(sp) = clauses.span_starting_near(j, 0, spans) {
            let v = spans[sp].end;
            if v < doc.tokens.len() && self.is_reporting_verb(&doc.tokens[v].lower) {
                return Some((Some(sp), v));
            }
        }
        None
    }

    /// `X mengatakan: “…”`.
    fn speaker_before(&self, doc: &Doc, open: usize, spans: &[ActorSpan], clauses: &Clauses) -> Option<(Option<usize>, usize)> {
        let mut j = open;
        while j > 0 && matches!(doc.token_text(j - 1), ":" | ",") {
            j -= 1;
        }
        if j == 0 || !self.verbs.contains(&doc.tokens[j - 1].lower) {
            return None;
        }
        let verb = j - 1;
        Some((clauses.subject_before(doc, verb, spans), verb))
    }

    fn indirect(&self, doc: &Doc, spans: &[ActorSpan], clauses: &Clauses, inside_direct: &[bool]) -> Vec<QuoteSpan> {
        let mut out = Vec::new();
        for s in &doc.sentences {
            let mut sent_end = s.tokens.end;
            while sent_end > s.tokens.start && matches!(doc.token_text(sent_end - 1), "." | "!" | "?") {
                sent_end -= 1;
            }
            for v in s.tokens.clone() {
                if inside_direct[v] {
                    continue;
                }
                let lower = &doc.tokens[v].lower;
                if self.verbs.contains(lower) {
                    let mut c = v + 1;
                    while c < sent_end && (matches!(doc.token_text(c), "," | ":") || self.complementizers.contains(&doc.tokens[c].lower)) {
                        c += 1;
                    }
                    if c + 3 > sent_end || opens(doc.token_text(c)) || doc.token_text(c) == "\"" {
                        // "…, the foreign minister said.": the speaker and verb close the sentence.
                        if let Some(sp) = clauses.span_at(v.saturating_sub(1)).filter(|&k| spans[k].end == v) {
                            // One word (an article) may stand between the comma and the speaker.
                            let comma = (1..=2).filter_map(|k| spans[sp].start.checked_sub(k)).find(|&t| doc.token_text(t) == ",").filter(|&t| t > s.tokens.start + 2);
                            if let (Some(comma), false) = (comma, (s.tokens.start..v).any(|t| inside_direct[t])) {
                                out.push(QuoteSpan { start: s.tokens.start, end: comma, direct: false, speaker: Some(sp), verb: Some(v) });
                                break;
                            }
                        }
                        continue;
                    }
                    let speaker = clauses.subject_before(doc, v, spans);
                    if speaker.is_some() {
                        out.push(QuoteSpan { start: c, end: sent_end, direct: false, speaker, verb: Some(v) });
                        break;
                    }
                } else if self.according_to.contains(lower) {
                    // "menurut X, …"
                    let Some(sp) = clauses.span_starting_near(v + 1, 1, spans) else { continue };
                    let mut c = spans[sp].end;
                    while c < sent_end && doc.token_text(c) == "," {
                        c += 1;
                    }
                    if c + 3 <= sent_end {
                        out.push(QuoteSpan { start: c, end: sent_end, direct: false, speaker: Some(sp), verb: Some(v) });
                        break;
                    }
                } else if self.inverted.contains(lower) && v > s.tokens.start + 3 && doc.token_text(v - 1) == "," && !(s.tokens.start..v).any(|t| inside_direct[t]) {
                    // "…, kata X."
                    let Some(sp) = clauses.span_starting_near(v + 1, 1, spans) else { continue };
                    out.push(QuoteSpan { start: s.tokens.start, end: v - 1, direct: false, speaker: Some(sp), verb: Some(v) });
                    break;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::extract;

    #[test]
    fn direct_quote_with_the_verb_after() {
        let r = extract("“Kami tidak akan mundur dari perundingan ini,” kata Menteri Luar Negeri Retno Marsudi.");
        let q = &r.quotes[0];
        assert!(q.direct);
        assert_eq!(q.text, "Kami tidak akan mundur dari perundingan ini");
        assert_eq!(q.speaker.as_deref(), Some("Retno Marsudi"));
        assert_eq!(q.speaker_actor.as_deref(), Some("GOV"), "the role is named and the country is not: the sector alone");
    }

    #[test]
    fn direct_quote_with_the_speaker_before() {
        let r = extract("Presiden Prancis Emmanuel Macron mengatakan: “Eropa harus bersatu menghadapi krisis ini.”");
        let q = r.quotes.iter().find(|q| q.direct).unwrap();
        assert_eq!(q.speaker.as_deref(), Some("Emmanuel Macron"));
        assert_eq!(q.speaker_actor.as_deref(), Some("FRAGOV"));
    }

    #[test]
    fn indirect_speech() {
        let r = extract("Perdana Menteri Jepang Fumio Kishida mengatakan bahwa Tokyo akan menambah anggaran pertahanan.");
        let q = &r.quotes[0];
        assert!(!q.direct);
        assert_eq!(q.text, "Tokyo akan menambah anggaran pertahanan");
        assert_eq!(q.speaker_actor.as_deref(), Some("JPNGOV"));
        let r = extract("Menurut polisi Thailand, tiga tersangka telah ditangkap di Bangkok.");
        assert_eq!(r.quotes[0].speaker_actor.as_deref(), Some("THACOP"));
        assert_eq!(r.quotes[0].text, "tiga tersangka telah ditangkap di Bangkok");
    }

    #[test]
    fn unbalanced_quotes_do_not_break_anything() {
        let r = extract("“Kalimat ini tidak pernah ditutup dan terus berjalan tanpa akhir yang jelas sama sekali.");
        assert!(r.quotes.iter().all(|q| !q.direct));
    }
}
