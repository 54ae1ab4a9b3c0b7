//! Events: trigger patterns from the language pack matched over the tokens (any affixed form of a root),
//! then source and target found from the trigger's form, modality from nearby markers, and the CAMEO code
//! refined by the words around it. Produces raw events; dating, places and merging happen in `assemble`.

use crate::actors::ActorSpan;
use crate::cameo::CameoTable;
use crate::model::Actor;
use crate::quotes::QuoteSpan;
use crate::syntax::Clauses;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, RwLock};
use warta_lang::pattern::{self, Atom, Element, Pattern};
use warta_lang::{Form, Morphology, Pack, Trigger};
use warta_text::Doc;

/// An event before dating and placing.
#[derive(Debug, Clone)]
pub struct RawEvent {
    pub cameo: String,
    pub source: Vec<Actor>,
    pub target: Vec<Actor>,
    pub modality: &'static str,
    /// Token range of the whole match and its head.
    pub start: usize,
    pub end: usize,
    pub head: usize,
    pub sentence: usize,
    pub rule: String,
    pub reciprocal: bool,
    /// The target was taken from where the event happened rather than from the sentence's grammar.
    pub target_from_place: bool,
}

struct Compiled {
    trigger: usize,
    pattern: Pattern,
}

/// CAMEO code of a visit: its host may be named only as the place visited.
pub const VISIT: &str = "042";

pub struct EventCoder {
    lang: String,
    triggers: Vec<Trigger>,
    /// Per trigger: its refinements as tokenised phrases with their codes.
    refinements: Vec<Vec<(Vec<Vec<String>>, String)>>,
    patterns: Vec<Compiled>,
    /// First word or root of a pattern → pattern indexes.
    by_first: HashMap<String, Vec<usize>>,
    morphology: Morphology,
    agent_markers: HashSet<String>,
    by_markers: HashSet<String>,
    target_markers: HashSet<String>,
    /// Possessive markers ("'s"): the actor before one owns the noun after it.
    linkers: HashSet<String>,
    coordinators: HashSet<String>,
    background: HashSet<String>,
    blame: Vec<Vec<String>>,
    modality: Vec<(&'static str, Vec<Vec<String>>)>,
    conditional: HashSet<String>,
    window: usize,
    passive_aux: HashSet<String>,
    determiners: HashSet<String>,
    cache: AnalysisCache,
}

fn phrases(words: &[String]) -> Vec<Vec<String>> {
    words.iter().map(|w| warta_text::tokenize(w).into_iter().map(|t| t.lower).collect()).filter(|v: &Vec<String>| !v.is_empty()).collect()
}

fn set(words: &[String]) -> HashSet<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
}

/// Per-document morphological analyses, one shared list per token.
pub struct Analyses(Vec<Arc<[(String, Form)]>>);

/// Analyses of words seen before, shared by all articles and threads: news vocabulary repeats, and
/// affix stripping allocates. Bounded so a stream of unique tokens cannot grow it without end.
struct AnalysisCache {
    words: RwLock<HashMap<String, Arc<[(String, Form)]>>>,
}

const ANALYSIS_CACHE_WORDS: usize = 200_000;

impl EventCoder {
    pub fn new(pack: &Pack) -> Self {
        let e = &pack.events;
        let mut patterns = Vec::new();
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (ti, t) in e.triggers.iter().enumerate() {
            for p in &t.patterns {
                let pattern = pattern::parse(p).expect("patterns are validated when the pack loads");
                let id = patterns.len();
                if let Element::Any { alternatives, .. } = &pattern.elements[0] {
                    for alt in alternatives {
                        let key = match &alt[0] {
                            Atom::Word(w) | Atom::Root(w) => w.clone(),
                        };
                        let list = by_first.entry(key).or_default();
                        if !list.contains(&id) {
                            list.push(id);
                        }
                    }
                }
                patterns.push(Compiled { trigger: ti, pattern });
            }
        }
        let m = &pack.modality;
        EventCoder {
            lang: pack.general.code.clone(),
            triggers: e.triggers.clone(),
            refinements: e.triggers.iter().map(|t| t.refine.iter().map(|r| (phrases(&r.words), r.cameo.clone())).collect()).collect(),
            patterns,
            by_first,
            morphology: pack.morphology.clone(),
            agent_markers: set(&e.agent_markers),
            by_markers: set(&e.by_markers),
            target_markers: set(&e.target_markers),
            linkers: set(&pack.actors.linkers),
            coordinators: set(&e.coordinators),
            background: set(&e.background_markers),
            blame: phrases(&e.blame_words),
            modality: vec![
                ("negated", phrases(&m.negated)),
                ("speculative", phrases(&m.speculative)),
                ("future", phrases(&m.future)),
            ],
            conditional: set(&m.conditional),
            window: m.window,
            passive_aux: set(&pack.morphology.passive_auxiliaries),
            determiners: set(&pack.morphology.determiners),
            cache: AnalysisCache { words: RwLock::new(HashMap::new()) },
        }
    }

    pub fn analyse(&self, doc: &Doc) -> Analyses {
        let empty: Arc<[(String, Form)]> = Arc::from(Vec::new());
        Analyses(
            doc.tokens
                .iter()
                .map(|t| {
                    if t.kind != warta_text::TokenKind::Word {
                        return empty.clone();
                    }
                    if let Some(a) = self.cache.words.read().ok().and_then(|m| m.get(&t.lower).cloned()) {
                        return a;
                    }
                    let a: Arc<[(String, Form)]> = Arc::from(self.morphology.analyses(&t.lower));
                    if let Ok(mut m) = self.cache.words.write() {
                        if m.len() < ANALYSIS_CACHE_WORDS {
                            m.insert(t.lower.clone(), a.clone());
                        }
                    }
                    a
                })
                .collect(),
        )
    }

    fn atom_matches(&self, doc: &Doc, an: &Analyses, atom: &Atom, t: usize) -> bool {
        match atom {
            Atom::Word(w) => doc.tokens[t].lower == *w,
            Atom::Root(r) => an.0[t].iter().any(|(s, _)| s == r),
        }
    }

    /// Matches elements `e..` from token `t`; returns (end, head token).
    fn match_from(&self, doc: &Doc, an: &Analyses, p: &Pattern, e: usize, t: usize, lim: usize, head: Option<usize>) -> Option<(usize, usize)> {
        if e == p.elements.len() {
            return head.map(|h| (t, h));
        }
        match &p.elements[e] {
            Element::Gap(n) => (0..=*n).take_while(|s| t + s <= lim).find_map(|s| self.match_from(doc, an, p, e + 1, t + s, lim, head)),
            Element::Any { alternatives, optional } => {
                for alt in alternatives {
                    if t + alt.len() <= lim && alt.iter().enumerate().all(|(k, a)| self.atom_matches(doc, an, a, t + k)) {
                        let h = if e == p.head { Some(t) } else { head };
                        if let Some(r) = self.match_from(doc, an, p, e + 1, t + alt.len(), lim, h) {
                            return Some(r);
                        }
                    }
                }
                if *optional {
                    self.match_from(doc, an, p, e + 1, t, lim, head)
                } else {
                    None
                }
            }
        }
    }

    /// Every trigger match, longest first where they overlap.
    fn matches(&self, doc: &Doc, an: &Analyses, blocked: &[bool]) -> Vec<(usize, usize, usize, usize)> {
        let mut found = Vec::new();
        for s in &doc.sentences {
            for t in s.tokens.clone() {
                if blocked[t] || an.0[t].is_empty() {
                    continue;
                }
                let mut tried = HashSet::new();
                let keys = std::iter::once(doc.tokens[t].lower.as_str()).chain(an.0[t].iter().map(|(s, _)| s.as_str()));
                for key in keys {
                    for &pid in self.by_first.get(key).into_iter().flatten() {
                        if !tried.insert(pid) {
                            continue;
                        }
                        if let Some((end, head)) = self.match_from(doc, an, &self.patterns[pid].pattern, 0, t, s.tokens.end, None) {
                            if !(t..end).any(|i| blocked[i]) {
                                found.push((pid, t, end, head));
                            }
                        }
                    }
                }
            }
        }
        found.sort_by_key(|&(pid, s, e, _)| (std::cmp::Reverse(e - s), s, pid));
        let mut taken = vec![false; doc.tokens.len()];
        let mut out = Vec::new();
        for m in found {
            if (m.1..m.2).any(|i| taken[i]) {
                continue;
            }
            for slot in &mut taken[m.1..m.2] {
                *slot = true;
            }
            out.push(m);
        }
        out.sort_by_key(|m| m.1);
        out
    }

    /// The grammatical form of the word at `t`: context words first (English "was", "the"), then its
    /// outermost affix.
    fn form_of(&self, doc: &Doc, t: usize) -> Form {
        let prev = |k: usize| t.checked_sub(k).map(|i| doc.tokens[i].lower.as_str());
        let word = doc.tokens[t].lower.as_str();
        let progressive = self.morphology.progressive_suffixes.iter().any(|s| word.ends_with(s.as_str()));
        if !progressive && (1..=2).any(|k| prev(k).is_some_and(|w| self.passive_aux.contains(w))) {
            return Form::Passive;
        }
        if prev(1).is_some_and(|w| self.determiners.contains(w)) {
            return Form::Nominal;
        }
        self.morphology.outer_form(&doc.tokens[t].lower)
    }

    fn phrase_at(doc: &Doc, t: usize, phrase: &[String]) -> bool {
        t + phrase.len() <= doc.tokens.len() && phrase.iter().enumerate().all(|(k, w)| doc.tokens[t + k].lower == *w)
    }

    /// Codes all events of a document.
    #[allow(clippy::too_many_arguments)]
    pub fn code(&self, doc: &Doc, an: &Analyses, spans: &[ActorSpan], clauses: &Clauses, quotes: &[QuoteSpan], blocked: &[bool]) -> Vec<RawEvent> {
        let table = CameoTable::get();
        let mut in_quote = vec![false; doc.tokens.len()];
        for q in quotes {
            // "menyatakan dukungan": a reporting verb straight before a trigger noun is a light verb,
            // not speech, and what follows is the speaker's own act.
            let light = !q.direct && q.verb.is_some_and(|v| v + 1 == q.start);
            for (t, slot) in in_quote[q.start..q.end].iter_mut().enumerate() {
                *slot = !(light && t == 0);
            }
        }
        let matches = self.matches(doc, an, blocked);
        // Trigger words: a noun phrase's agent is not sought past another trigger ("… itu ditolak oleh X").
        let mut trigger_at = vec![false; doc.tokens.len()];
        for &(_, first, end, _) in &matches {
            trigger_at[first..end].iter_mut().for_each(|t| *t = true);
        }
        let mut governing: Vec<(usize, String, Form)> = Vec::new();
        let mut out = Vec::new();
        for (pid, first, end, head) in matches {
            let trig = &self.triggers[self.patterns[pid].trigger];
            let sentence = doc.sentence_of(head);
            // "sebelum pertemuan": an event named as background to a time, not reported here.
            if first == head && first > 0 && self.background.contains(&doc.tokens[first - 1].lower) && self.form_of(doc, head) == Form::Nominal {
                continue;
            }
            // The content of a demand, accusation, threat or refusal is not itself an event:
            // "meminta Australia membebaskan …", "menuduh Korea Utara meluncurkan …".
            // Its shape: the matrix verb, its object, at most two linking words, then the trigger.
            if let Some(&(p_end, ref p_code, Form::Active)) = governing.last() {
                let between = p_end..first.max(p_end);
                let loose = between.clone().filter(|&t| clauses.span_at(t).is_none()).count();
                let has_object = between.clone().any(|t| clauses.span_at(t).is_some());
                let joined = between.clone().any(|t| self.coordinators.contains(&doc.tokens[t].lower));
                if p_end <= first
                    && doc.sentence_of(p_end.saturating_sub(1)) == sentence
                    && has_object
                    && loose <= 2
                    && !joined
                    && clauses.clause_start(doc, first) < p_end
                    && matches!(p_code.get(..2), Some("09" | "10" | "11" | "12" | "13"))
                {
                    continue;
                }
            }
            let form = if trig.passive { Form::Passive } else { self.form_of(doc, first) };
            governing.push((end, trig.cameo.clone(), form));
            let (mut source, mut target) = self.arguments(doc, spans, clauses, form, first, end, head, trig, &trigger_at);
            let mut target_from_place = false;
            if target.is_empty() && trig.reciprocal {
                if source.len() >= 2 {
                    target = source.split_off(1);
                } else if !source.is_empty() {
                    target = self.other_party(doc, spans, clauses, head, &source);
                }
            }
            target.retain(|t| !source.iter().any(|s| s.code == t.code));
            // A mobilisation moves the actor's own forces ("mengirimkan … tentara Korea Utara"): they are
            // what is sent, not a target.
            if trig.cameo.starts_with("15") {
                target.retain(|t| t.country.is_none() || !source.iter().any(|s| s.country == t.country));
            }
            if trig.needs_target && target.is_empty() {
                // A target may still come from the place (the victims of an assault, the host of a visit:
                // "arrived in Amman"); decided in assembly.
                if !matches!(trig.cameo.get(..2), Some("17" | "18" | "19" | "20")) && !trig.cameo.starts_with(VISIT) {
                    continue;
                }
                target_from_place = true;
            }
            if source.is_empty() && target.is_empty() {
                continue;
            }
            // A bare nominalisation with no agent ("perjanjian kemitraan") names a thing, not an event,
            // unless it is violence, where the victim alone is worth reporting.
            if source.is_empty() && form == Form::Nominal && !matches!(trig.cameo.get(..2), Some("17" | "18" | "19" | "20")) {
                continue;
            }
            let modality = self.modality(doc, clauses, first, in_quote[head]);
            let mut cameo = self.refine(doc, self.patterns[pid].trigger, first, end);
            if modality == "future" {
                if let Some(intent) = table.future_intent(&cameo) {
                    cameo = intent.to_string();
                }
            }
            if table.lookup(&cameo).is_none() {
                continue;
            }
            if target.is_empty() && matches!(cameo.get(..2), Some("17" | "18" | "19" | "20")) {
                target_from_place = true;
            }
            out.push(RawEvent {
                cameo,
                source,
                target,
                modality,
                start: first,
                end,
                head,
                sentence,
                rule: format!("{}.{}", self.lang, trig.id),
                reciprocal: trig.reciprocal,
                target_from_place,
            });
        }
        out.extend(self.reported_blame(doc, spans, clauses, quotes));
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn arguments(&self, doc: &Doc, spans: &[ActorSpan], clauses: &Clauses, form: Form, first: usize, end: usize, head: usize, trig: &Trigger, trigger_at: &[bool]) -> (Vec<Actor>, Vec<Actor>) {
        let actors_of = |k: Option<usize>| k.map(|k| self.with_coordination(doc, spans, clauses, k)).unwrap_or_default();
        match form {
            Form::Active => {
                let src = actors_of(clauses.subject_before(doc, first, spans));
                let tgt = actors_of(self.object_after(doc, spans, clauses, end, trig.target_adjacent));
                (src, tgt)
            }
            Form::Passive => {
                let tgt = actors_of(clauses.subject_before(doc, first, spans));
                let src = actors_of(self.agent_after(doc, spans, clauses, end, 0, trigger_at).or_else(|| clauses.span_starting_near(end, 0, spans).filter(|&k| usable(&spans[k]))));
                (src, tgt)
            }
            Form::Nominal => {
                // "Pengusiran diplomat Rusia oleh Jerman": with an explicit agent after the noun phrase,
                // the actor inside it is the one acted on.
                if let Some(by) = self.by_agent(doc, spans, clauses, end, trigger_at) {
                    let inner = (end..spans[by].start).find_map(|t| clauses.span_at(t)).filter(|&k| usable(&spans[k]));
                    return (actors_of(Some(by)), actors_of(inner));
                }
                let agent = self.agent_after(doc, spans, clauses, end, 3, trigger_at);
                let mut src = actors_of(agent);
                if src.is_empty() && first != head {
                    src = actors_of(clauses.subject_before(doc, first, spans));
                }
                // An actor phrase right before the noun is its agent: "Russia's attack", "Israeli air raids".
                if src.is_empty() && first > 0 {
                    let owner_end = if first > 1 && self.linkers.contains(&doc.tokens[first - 1].lower) { first - 1 } else { first };
                    src = actors_of(clauses.span_at(owner_end - 1).filter(|&k| spans[k].end == owner_end && usable(&spans[k])));
                }
                // The target follows the agent inside the noun phrase: "serangan Rusia terhadap Ukraina".
                let from = agent.map(|k| spans[k].end).unwrap_or(end);
                let tgt = actors_of(self.object_after(doc, spans, clauses, from, trig.target_adjacent).filter(|&k| {
                    // Inside a noun phrase only a marked target counts ("serangan … terhadap Ukraina").
                    spans[k].start > 0 && self.target_markers.contains(&doc.tokens[spans[k].start - 1].lower)
                }));
                (src, tgt)
            }
        }
    }

    /// The agent of a passive or nominal trigger: after an agent marker, or (nominal) the actor inside
    /// the noun phrase ("serangan pesawat tak berawak Rusia").
    fn agent_after(&self, doc: &Doc, spans: &[ActorSpan], clauses: &Clauses, end: usize, inside_np: usize, trigger_at: &[bool]) -> Option<usize> {
        let stop = clauses.clause_end(doc, end, true);
        let mut i = end;
        let mut after_marker = false;
        let mut loose = inside_np;
        while i < stop {
            if let Some(k) = clauses.span_at(i) {
                let s = &spans[k];
                // After an agent marker the phrase is the agent even when the marker doubles as a place
                // word ("bantuan dari Bank Dunia").
                if usable(s) && (after_marker || inside_np > 0 && !clauses.after_place_preposition(doc, s)) {
                    return Some(k);
                }
                if after_marker || inside_np == 0 {
                    // Inside the noun phrase, skip the patient to reach "oleh X".
                    i = s.end.max(i + 1);
                    continue;
                }
                return None;
            }
            if trigger_at[i] && i > end {
                return None;
            }
            let l = &doc.tokens[i].lower;
            if self.agent_markers.contains(l) && !after_marker {
                after_marker = true;
                loose = 3;
            } else if self.target_markers.contains(l) || loose == 0 {
                return None;
            } else {
                loose -= 1;
            }
            i += 1;
        }
        None
    }

    /// "… oleh X" within the clause after a noun phrase, not past another trigger.
    fn by_agent(&self, doc: &Doc, spans: &[ActorSpan], clauses: &Clauses, end: usize, trigger_at: &[bool]) -> Option<usize> {
        let stop = clauses.clause_end(doc, end, true).min(end + 8);
        let marker = (end..stop).take_while(|&t| !trigger_at[t]).find(|&t| self.by_markers.contains(&doc.tokens[t].lower) && clauses.span_at(t).is_none())?;
        clauses.span_starting_near(marker + 1, 0, spans).filter(|&k| usable(&spans[k]))
    }

    /// The first actor after the trigger in its clause, past an optional target marker.
    fn object_after(&self, doc: &Doc, spans: &[ActorSpan], clauses: &Clauses, end: usize, adjacent: bool) -> Option<usize> {
        let stop = clauses.clause_end(doc, end, true);
        let mut i = end;
        let mut gap = 0;
        while i < stop {
            if let Some(k) = clauses.span_at(i) {
                let s = &spans[k];
                let marked = s.start > 0 && self.target_markers.contains(&doc.tokens[s.start - 1].lower);
                if usable(s) && (marked || !clauses.after_place_preposition(doc, s)) {
                    return Some(k);
                }
                i = s.end.max(i + 1);
                continue;
            }
            if self.agent_markers.contains(&doc.tokens[i].lower) && !self.target_markers.contains(&doc.tokens[i].lower) {
                return None;
            }
            if !self.target_markers.contains(&doc.tokens[i].lower) {
                gap += 1;
                if adjacent && gap > 1 {
                    return None;
                }
            }
            i += 1;
        }
        None
    }

    /// An actor phrase and those coordinated with it ("Australia, Selandia Baru, Korea Selatan dan Jepang").
    /// A comma joins list items only when a word ("dan") closes the list: "A, B, C dan D" is one list,
    /// but in "Jika Iran menyerang Israel, Amerika Serikat akan …" the comma ends the clause.
    fn with_coordination(&self, doc: &Doc, spans: &[ActorSpan], clauses: &Clauses, k: usize) -> Vec<Actor> {
        let mut items = vec![(k, true)];
        let mut end = spans[k].end;
        let last = doc.sentences[doc.sentence_of(spans[k].start)].tokens.end;
        loop {
            let mut i = end;
            let mut by_word = false;
            while i < last && self.coordinators.contains(&doc.tokens[i].lower) && clauses.span_at(i).is_none() {
                by_word |= doc.tokens[i].kind == warta_text::TokenKind::Word;
                i += 1;
            }
            if i == end || i >= last {
                break;
            }
            match clauses.span_at(i).filter(|&n| spans[n].start == i && usable(&spans[n])) {
                Some(n) => {
                    items.push((n, by_word));
                    end = spans[n].end;
                }
                None => break,
            }
        }
        let keep = items.iter().rposition(|&(_, by_word)| by_word).unwrap_or(0);
        let mut out: Vec<Actor> = Vec::new();
        for &(n, _) in &items[..=keep] {
            for a in actors_in(doc, &spans[n]) {
                if !out.iter().any(|o| o.code == a.code) {
                    out.push(a);
                }
            }
        }
        out
    }

    /// For a reciprocal event without a target: the other party nearest the trigger, preferring one in
    /// the same comma-delimited stretch ("mengunjungi Korea Utara dan menandatangani …").
    fn other_party(&self, doc: &Doc, spans: &[ActorSpan], clauses: &Clauses, head: usize, source: &[Actor]) -> Vec<Actor> {
        let range = doc.sentences[doc.sentence_of(head)].tokens.clone();
        let (a, b) = stretch(doc, head, head + 1);
        let lo = spans.partition_point(|s| s.start < range.start);
        let hi = spans.partition_point(|s| s.start < range.end);
        let best = spans[lo..hi]
            .iter()
            .filter(|s| usable(s) && !clauses.after_place_preposition(doc, s))
            .flat_map(|s| actors_in(doc, s).into_iter().map(move |x| (s, x)))
            .filter(|(_, x)| x.country.is_some() && !source.iter().any(|y| y.country == x.country || y.code == x.code))
            .min_by_key(|(s, _)| {
                let outside = !(s.start >= a && s.end <= b);
                let distance = if s.start >= head { s.start - head } else { head - s.end };
                (outside, distance)
            });
        best.map(|(_, x)| vec![x]).unwrap_or_default()
    }

    fn modality(&self, doc: &Doc, clauses: &Clauses, first: usize, quoted: bool) -> &'static str {
        let cstart = clauses.clause_start(doc, first);
        // Markers reach across clause words ("bukan karena Tiongkok menyediakan") but not across commas.
        let wstart = first.saturating_sub(self.window).max(stretch(doc, first, first + 1).0);
        for (name, markers) in &self.modality {
            if (wstart..first).any(|t| markers.iter().any(|m| Self::phrase_at(doc, t, m) && t + m.len() <= first)) {
                return name;
            }
        }
        // "jika salah satu pihak mendapat serangan": the clause opens with a condition.
        if cstart > 0 && self.conditional.contains(&doc.tokens[cstart - 1].lower) || (cstart..first).any(|t| self.conditional.contains(&doc.tokens[t].lower)) {
            return "conditional";
        }
        if quoted {
            return "reported";
        }
        "asserted"
    }

    /// The most specific code whose words stand near the trigger (three tokens before to ten after).
    fn refine(&self, doc: &Doc, trigger: usize, first: usize, end: usize) -> String {
        let s = doc.sentences[doc.sentence_of(first)].tokens.clone();
        let lo = first.saturating_sub(3).max(s.start);
        let hi = (end + 10).min(s.end);
        for (words, cameo) in &self.refinements[trigger] {
            if words.iter().any(|p| (lo..hi).any(|t| Self::phrase_at(doc, t, p))) {
                return cameo.clone();
            }
        }
        self.triggers[trigger].cameo.clone()
    }

    /// An indirect report that blames a third party ("Blinken menyebutkan bahwa PKT … perang agresinya")
    /// is itself an accusation by the speaker.
    fn reported_blame(&self, doc: &Doc, spans: &[ActorSpan], clauses: &Clauses, quotes: &[QuoteSpan]) -> Vec<RawEvent> {
        let mut out = Vec::new();
        for q in quotes.iter().filter(|q| !q.direct) {
            let (Some(sp), Some(verb)) = (q.speaker, q.verb) else { continue };
            let speaker = actors_in(doc, &spans[sp]);
            let Some(a) = speaker.first() else { continue };
            let blamed = (q.start..q.end).any(|t| self.blame.iter().any(|b| Self::phrase_at(doc, t, b)));
            if !blamed {
                continue;
            }
            let Some(k) = clauses.subject_before(doc, q.end, spans).filter(|&k| spans[k].start >= q.start) else { continue };
            let target: Vec<Actor> = actors_in(doc, &spans[k]).into_iter().filter(|t| t.country.is_some() && t.country != a.country).collect();
            if target.is_empty() {
                continue;
            }
            out.push(RawEvent {
                cameo: "112".into(),
                source: speaker.clone(),
                target,
                modality: "asserted",
                start: verb,
                end: verb + 1,
                head: verb,
                sentence: doc.sentence_of(verb),
                rule: format!("{}.accuse.reported-blame", self.lang),
                reciprocal: false,
                target_from_place: false,
            });
        }
        out
    }
}

/// Bounds of the comma-delimited stretch of the sentence around tokens `start..end`.
pub fn stretch(doc: &Doc, start: usize, end: usize) -> (usize, usize) {
    let s = &doc.sentences[doc.sentence_of(start)].tokens;
    let bound = |i: usize| matches!(doc.tokens[i].lower.as_str(), "," | ";" | "“" | "”" | "\"");
    let (lo, hi) = (s.start.max(start.saturating_sub(crate::syntax::MAX_REACH)), s.end.min(end + crate::syntax::MAX_REACH));
    let mut a = start;
    while a > lo && !bound(a - 1) {
        a -= 1;
    }
    let mut b = end;
    while b < hi && !bound(b) {
        b += 1;
    }
    (a, b)
}

/// A phrase that can be an argument: it names an actor (or a speaker-bound pronoun once resolved).
fn usable(s: &ActorSpan) -> bool {
    !s.actors.is_empty()
}

/// The actors of a phrase, with the phrase's own text.
fn actors_in(doc: &Doc, s: &ActorSpan) -> Vec<Actor> {
    let text = doc.span_text(s.start, s.end).to_string();
    s.actors.iter().map(|a| Actor { text: text.clone(), ..a.clone() }).collect()
}

#[cfg(test)]
mod tests {
    use crate::testing::{codes, extract};

    fn one(text: &str) -> crate::model::Event {
        let r = extract(text);
        assert_eq!(r.events.len(), 1, "{text}: {:#?}", r.events);
        r.events.into_iter().next().unwrap()
    }

    #[test]
    fn active_passive_and_nominal_forms_find_the_same_parties() {
        for text in [
            "Rusia menyerang Ukraina dengan rudal.",
            "Ukraina diserang oleh Rusia dengan rudal.",
            "Serangan rudal Rusia terhadap Ukraina menewaskan warga.",
        ] {
            let e = one(text);
            assert_eq!(e.kind, "ASSAULT", "{text}");
            assert_eq!(e.cameo, "195", "{text}: rudal refines to aerial weapons");
            assert_eq!((codes(&e.source), codes(&e.target)), (vec!["RUS"], vec!["UKR"]), "{text}");
        }
    }

    #[test]
    fn affixed_forms_of_a_root_match() {
        assert_eq!(one("Polisi Indonesia menangkap tiga aktivis Papua.").cameo, "173");
        assert_eq!(one("Tiga aktivis ditangkap oleh polisi Indonesia.").kind, "COERCE");
        assert_eq!(one("Presiden Korea Selatan mengunjungi Jepang.").cameo, "042");
        assert_eq!(one("Kunjungan Presiden Korea Selatan ke Jepang berlangsung hangat.").cameo, "042");
    }

    #[test]
    fn modality_markers() {
        assert_eq!(one("Pemerintah Jepang tidak mengecam Tiongkok.").modality, "negated");
        assert_eq!(one("Korea Utara mungkin menyerang Korea Selatan.").modality, "speculative");
        let r = extract("Rusia mengancam akan menyerang Polandia jika NATO mengirim pasukan.");
        assert_eq!(r.events.iter().map(|e| (e.kind.as_str(), e.modality.as_str())).collect::<Vec<_>>(), [("THREATEN", "asserted"), ("MOBILIZE", "conditional")]);
        let e = one("Presiden Vietnam akan mengunjungi Indonesia.");
        assert_eq!((e.kind.as_str(), e.cameo.as_str(), e.modality.as_str()), ("AGREE", "036", "future"), "a future visit is intent to meet");
    }

    #[test]
    fn background_and_war_words_are_not_events() {
        assert!(extract("Sehari sebelum pertemuan itu, harga minyak naik.").events.is_empty());
        assert!(extract("Ketika perang Rusia – Ukraina masih berlangsung, harga gandum naik.").events.is_empty());
    }

    #[test]
    fn reciprocal_triggers_take_the_other_party() {
        let e = one("Tiongkok dan Filipina menandatangani perjanjian perikanan.");
        assert_eq!((codes(&e.source), codes(&e.target)), (vec!["CHN"], vec!["PHL"]));
        assert_eq!(e.kind, "SUPPORT");
    }

    #[test]
    fn reported_blame_is_an_accusation() {
        let r = extract("Menteri Luar Negeri Inggris mengatakan bahwa Iran melakukan provokasi di Teluk.");
        let e = r.events.iter().find(|e| e.kind == "ACCUSE").expect("accusation");
        assert_eq!((codes(&e.source), codes(&e.target)), (vec!["GBRGOV"], vec!["IRN"]));
        assert_eq!(e.rule, "id.accuse.reported-blame");
    }
}
