//! Runs the stages over one article and assembles the output: dates each event (its sentence's time
//! expression, else the paragraph's governing one, else publication), places it, merges the reports of
//! the same event within the article, and lists entities, times and quotes.

use crate::actors::{find_actors, ActorSpan};
use crate::cameo::CameoTable;
use crate::events::{stretch, RawEvent};
use crate::model::*;
use crate::names::{Label, NameTagger};
use crate::places::{location_of, NameRef, PlaceFinder, PlaceMention};
use crate::syntax::Clauses;
use crate::LanguageStages;
use chrono::NaiveDate;
use warta_text::Doc;
use warta_time::{Grain, Timex};

pub(crate) fn run(st: &LanguageStages, text: &str, published: Option<NaiveDate>, today: NaiveDate, id: &str) -> ArticleResult {
    let doc = warta_text::segment(text, &st.abbreviations);
    let times = st.times.resolve(&doc, published, today);
    let mentions = st.mentions.find(&doc);

    let mut in_time = vec![false; doc.tokens.len()];
    for t in &times.timexes {
        in_time[t.tokens.clone()].iter_mut().for_each(|c| *c = true);
    }
    let named = st.names.find(&doc, &mentions, &in_time);
    let names = NameTagger::person_spans(&named);
    let mut spans = find_actors(&doc, &mentions, &names);
    let clauses = Clauses::new(&doc, &spans, &st.pack.events.clause_breaks, &st.pack.actors.place_prepositions);
    let quotes = st.quotes.find(&doc, &spans, &clauses);
    bind_first_person(&mut spans, &quotes);

    let analyses = st.events.analyse(&doc);
    let raw = st.events.code(&doc, &analyses, &spans, &clauses, &quotes, &in_time);
    let context = PlaceFinder::context_countries(&spans, &mentions);
    let name_refs: Vec<NameRef> = named
        .iter()
        .filter(|s| s.mention.is_none())
        .map(|s| NameRef { start: s.core.0, end: s.core.1, place: s.label == Label::Loc, org: s.label == Label::Org })
        .collect();
    let places = st.places.find(&doc, &mentions, &name_refs, &spans, &context);

    let published_value = times.published;
    let events = build_events(&doc, raw, &times.timexes, published_value, &places);
    ArticleResult {
        id: id.to_string(),
        lang: None,
        published: Published { value: published_value.map(|d| d.to_string()), inferred: times.published_inferred },
        entities: st.names.entities(&doc, &mentions, &named, &spans, &places),
        times: times
            .timexes
            .iter()
            .map(|t| Time { text: t.text.clone(), start: t.cstart, end: t.cend, kind: t.kind.as_str().to_string(), value: t.value.clone() })
            .collect(),
        quotes: quotes
            .iter()
            .map(|q| {
                let sp = q.speaker.map(|k| &spans[k]);
                let speaker = sp.map(|s| match s.person {
                    Some((a, b)) => doc.span_text(a, b).to_string(),
                    None => doc.span_text(s.start, s.end).to_string(),
                });
                Quote {
                    text: doc.span_text(q.start, q.end).to_string(),
                    start: doc.tokens[q.start].cstart,
                    end: doc.tokens[q.end - 1].cend,
                    direct: q.direct,
                    speaker,
                    speaker_actor: sp.and_then(|s| s.actors.first()).map(|a| a.code.clone()),
                    speaker_span: sp.map(|s| [doc.tokens[s.start].cstart, doc.tokens[s.end - 1].cend]),
                }
            })
            .collect(),
        events,
        places: places.iter().map(|p| p.to_ref(&doc)).collect(),
        warnings: Vec::new(),
    }
}

/// Inside a quote, "saya"/"kami" is the speaker.
fn bind_first_person(spans: &mut [ActorSpan], quotes: &[crate::quotes::QuoteSpan]) {
    for q in quotes {
        let Some(sp) = q.speaker else { continue };
        let speaker = spans[sp].actors.clone();
        if speaker.is_empty() {
            continue;
        }
        // Spans are in text order, so only those inside the quote are visited.
        let first = spans.partition_point(|s| s.start < q.start);
        for s in spans[first..].iter_mut().take_while(|s| s.start < q.end) {
            if s.first_person && s.end <= q.end {
                s.actors = speaker.clone();
            }
        }
    }
}

fn span(doc: &Doc, a: usize, b: usize) -> Span {
    Span { text: doc.span_text(a, b).to_string(), start: doc.tokens[a].cstart, end: doc.tokens[b - 1].cend }
}

fn date_of(t: &Timex) -> Option<(String, &'static str)> {
    let d = t.date?;
    match t.grain? {
        Grain::Day => Some((d.format("%Y-%m-%d").to_string(), "day")),
        Grain::Month => Some((d.format("%Y-%m").to_string(), "month")),
        Grain::Year => Some((d.format("%Y").to_string(), "year")),
    }
}

/// Dated time expressions by sentence, so each event finds its date without scanning the article.
struct DateIndex<'a> {
    timexes: &'a [Timex],
    /// Sentence → indexes of its dated expressions.
    own: std::collections::HashMap<usize, Vec<usize>>,
    /// Sentence → the last dated expression in any earlier sentence.
    before: Vec<Option<usize>>,
}

impl<'a> DateIndex<'a> {
    fn new(doc: &Doc, timexes: &'a [Timex]) -> Self {
        let mut own: std::collections::HashMap<usize, Vec<usize>> = std::collections::HashMap::new();
        let mut last_in: Vec<Option<usize>> = vec![None; doc.sentences.len()];
        for (i, t) in timexes.iter().enumerate() {
            if date_of(t).is_some() && t.sentence < last_in.len() {
                own.entry(t.sentence).or_default().push(i);
                last_in[t.sentence] = Some(i);
            }
        }
        let mut before = vec![None; doc.sentences.len()];
        let mut last = None;
        for (s, slot) in before.iter_mut().enumerate() {
            *slot = last;
            if last_in[s].is_some() {
                last = last_in[s];
            }
        }
        DateIndex { timexes, own, before }
    }
}

/// The event's date: the nearest dated expression in its sentence, else the last one earlier in its
/// paragraph, else the publication date.
fn choose_date(doc: &Doc, head: usize, sentence: usize, index: &DateIndex, published: Option<NaiveDate>) -> (Option<String>, Option<String>, DateEvidence) {
    let own = index
        .own
        .get(&sentence)
        .into_iter()
        .flatten()
        .map(|&i| &index.timexes[i])
        .min_by_key(|t| if t.tokens.start >= head { t.tokens.start - head } else { head - t.tokens.end + 1 });
    if let Some(t) = own {
        let (d, p) = date_of(t).unwrap_or_default();
        return (Some(d), Some(p.into()), DateEvidence { source: "sentence".into(), time: Some(span(doc, t.tokens.start, t.tokens.end)) });
    }
    let para = doc.sentences[sentence].paragraph;
    let governing = index.before[sentence].map(|i| &index.timexes[i]).filter(|t| doc.sentences[t.sentence].paragraph == para);
    if let Some(t) = governing {
        let (d, p) = date_of(t).unwrap_or_default();
        return (Some(d), Some(p.into()), DateEvidence { source: "paragraph".into(), time: Some(span(doc, t.tokens.start, t.tokens.end)) });
    }
    match published {
        Some(p) => (Some(p.to_string()), Some("day".into()), DateEvidence { source: "publication".into(), time: None }),
        None => (None, None, DateEvidence { source: "none".into(), time: None }),
    }
}

fn place_for(doc: &Doc, e: &RawEvent, places: &[PlaceMention]) -> Option<Location> {
    let (a, b) = stretch(doc, e.start, e.end);
    // Places are in text order: look only at those inside the stretch.
    let lo = places.partition_point(|p| p.start < a);
    let hi = places.partition_point(|p| p.start < b);
    let window = &places[lo..hi];
    let after = window.iter().find(|p| p.start >= e.end && p.end <= b);
    let before = window.iter().rev().find(|p| p.end <= e.start);
    if let Some(p) = after.or(before) {
        return Some(p.location.clone());
    }
    // A visit happens where the visited country is.
    if e.cameo.starts_with("042") || e.cameo.starts_with("043") {
        let c = e.target.iter().find_map(|t| t.country.as_deref())?;
        let p = warta_geo::Gazetteer::embedded().country(c)?;
        return Some(location_of(&e.target[0].text, p));
    }
    None
}

fn actor_key(a: &Actor) -> String {
    a.country.clone().unwrap_or_else(|| a.code.clone())
}

fn build_events(doc: &Doc, raw: Vec<RawEvent>, timexes: &[Timex], published: Option<NaiveDate>, places: &[PlaceMention]) -> Vec<Event> {
    let table = CameoTable::get();
    let mut located: Vec<(RawEvent, Option<Location>)> = raw
        .into_iter()
        .map(|e| {
            let l = place_for(doc, &e, places);
            (e, l)
        })
        .collect();
    // Events of one sentence without a place of their own share the place of the others
    // ("mengunjungi Korea Utara dan menandatangani …").
    let mut sentence_place: std::collections::HashMap<usize, Location> = std::collections::HashMap::new();
    for (e, l) in &located {
        if let Some(l) = l {
            sentence_place.entry(e.sentence).or_insert_with(|| l.clone());
        }
    }
    for (e, l) in &mut located {
        if l.is_none() {
            *l = sentence_place.get(&e.sentence).cloned();
        }
    }
    let dates = DateIndex::new(doc, timexes);
    let mut events: Vec<(Event, bool)> = Vec::new();
    for (mut e, location) in located {
        if e.target_from_place {
            if let Some(l) = &location {
                if !e.source.iter().any(|s| s.country.as_deref() == Some(&l.country)) {
                    e.target = vec![Actor { text: l.text.clone(), code: l.country.clone(), country: Some(l.country.clone()), name: None }];
                }
            }
            // A visit with no host named, and no place, is only a journey.
            if e.target.is_empty() && (e.source.is_empty() || e.cameo.starts_with(crate::events::VISIT)) {
                continue;
            }
        }
        // An actor named only by its role ("police", "militants", "President X": a bare three-letter
        // sector code) belongs, for want of anything better, to the country where the event happened.
        if let Some(l) = &location {
            for a in e.source.iter_mut().chain(e.target.iter_mut()).filter(|a| a.country.is_none() && a.code.len() == 3) {
                a.code = format!("{}{}", l.country, a.code);
                a.country = Some(l.country.clone());
            }
        }
        let Some(code) = table.lookup(&e.cameo) else { continue };
        let (date, precision, evidence) = choose_date(doc, e.head, e.sentence, &dates, published);
        let (ss, se) = doc.sentence_chars(e.sentence);
        events.push((
            Event {
                kind: code.plover.to_string(),
                mode: code.mode.to_string(),
                cameo: e.cameo.clone(),
                quad_class: code.quad_class,
                goldstein: code.goldstein,
                date,
                date_precision: precision,
                source: e.source,
                target: e.target,
                location,
                modality: e.modality.to_string(),
                sentence: SentenceRef { index: e.sentence, start: ss, end: se },
                trigger: span(doc, e.head, e.head + 1),
                rule: e.rule,
                date_evidence: evidence,
                also_reported: Vec::new(),
            },
            e.reciprocal,
        ));
    }
    merge(absorb_generic_targets(events))
}

/// In one sentence, an event whose targets name no country ("menewaskan warga") adds nothing to an event
/// of the same type and source with a country target ("serangan Rusia terhadap Ukraina"): it joins it.
fn absorb_generic_targets(mut events: Vec<(Event, bool)>) -> Vec<(Event, bool)> {
    let generic = |e: &Event| e.quad_class == 4 && e.target.iter().all(|t| t.country.is_none());
    let sources = |e: &Event| {
        let mut k: Vec<String> = e.source.iter().map(actor_key).collect();
        k.sort();
        k
    };
    let mut drop = vec![false; events.len()];
    for i in 0..events.len() {
        if !generic(&events[i].0) {
            continue;
        }
        let (e, _) = &events[i];
        let host = events.iter().position(|(o, _)| o.sentence.index == e.sentence.index && o.kind == e.kind && !generic(o) && sources(o) == sources(e) && o.modality == e.modality);
        if host.is_some() {
            drop[i] = true;
        }
    }
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
    events
}

/// Reports of the same event (same type, parties and date) become one event; the report with the most
/// specific date evidence leads, and the others are listed in `also_reported`.
fn merge(events: Vec<(Event, bool)>) -> Vec<Event> {
    let key = |e: &Event, reciprocal: bool| {
        let keys = |v: &[Actor]| {
            let mut k: Vec<String> = v.iter().map(actor_key).collect();
            k.sort();
            k.dedup();
            k
        };
        let parties = if reciprocal {
            let mut all = keys(&e.source);
            all.extend(keys(&e.target));
            all.sort();
            all.dedup();
            (all, Vec::new())
        } else {
            (keys(&e.source), keys(&e.target))
        };
        (e.kind.clone(), e.date.clone(), e.modality == "negated", parties)
    };
    let rank = |e: &Event| match e.date_evidence.source.as_str() {
        "sentence" => 0,
        "paragraph" => 1,
        _ => 2,
    };
    let mut groups: Vec<Vec<Event>> = Vec::new();
    let mut group_of = std::collections::HashMap::new();
    for (e, rec) in events {
        let g = *group_of.entry(key(&e, rec)).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(e);
    }
    let mut out: Vec<Event> = groups
        .into_iter()
        .map(|mut members| {
            let lead = (0..members.len()).min_by_key(|&i| (rank(&members[i]), members[i].sentence.index, members[i].trigger.start)).unwrap_or(0);
            let mut e = members.swap_remove(lead);
            for m in members {
                if m.sentence.index != e.sentence.index && !e.also_reported.contains(&m.sentence) {
                    e.also_reported.push(m.sentence.clone());
                }
                if e.location.is_none() {
                    e.location = m.location;
                }
            }
            e.also_reported.sort_by_key(|s| s.index);
            e
        })
        .collect();
    out.sort_by_key(|e| (e.sentence.index, e.trigger.start));
    out
}
