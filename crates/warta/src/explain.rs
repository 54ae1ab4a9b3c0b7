//! `warta explain`: every event with the evidence behind it, for debugging a wrong event in one step.

use crate::input::{self, Record};
use crate::ReadArgs;
use std::process::ExitCode;
use warta_core::cameo::CameoTable;
use warta_core::model::{Actor, ArticleResult};

fn actors(v: &[Actor]) -> String {
    if v.is_empty() {
        return "—".into();
    }
    v.iter()
        .map(|a| {
            let name = a.name.as_deref().map(|n| format!(", {n}")).unwrap_or_default();
            format!("{} → {}{name}", if a.text.is_empty() { "(implied)" } else { &a.text }, a.code)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end.saturating_sub(start)).collect()
}

pub fn print(text: &str, r: &ArticleResult) {
    let table = CameoTable::get();
    let published = match (&r.published.value, r.published.inferred) {
        (Some(v), true) => format!("{v} (inferred from the text)"),
        (Some(v), false) => v.clone(),
        (None, _) => "unknown".into(),
    };
    println!("article {}  lang {}  published {published}", r.id, r.lang.as_deref().unwrap_or("?"));
    for w in &r.warnings {
        println!("  warning: {w}");
    }
    println!("  {} events, {} entities, {} times, {} quotes", r.events.len(), r.entities.len(), r.times.len(), r.quotes.len());
    for (i, e) in r.events.iter().enumerate() {
        let name = table.lookup(&e.cameo).map(|c| c.name).unwrap_or("?");
        println!();
        println!("[{}] {} {} \"{name}\"  quad {} goldstein {:+.1}  modality {}", i + 1, e.kind, e.cameo, e.quad_class, e.goldstein, e.modality);
        println!("    sentence {}: {}", e.sentence.index, slice(text, e.sentence.start, e.sentence.end));
        println!("    trigger  \"{}\" at {}..{}  rule {}", e.trigger.text, e.trigger.start, e.trigger.end, e.rule);
        println!("    source   {}", actors(&e.source));
        println!("    target   {}", actors(&e.target));
        let why = match (&e.date_evidence.source[..], &e.date_evidence.time) {
            ("sentence", Some(t)) => format!("from \"{}\" in the same sentence", t.text),
            ("paragraph", Some(t)) => format!("from \"{}\", the governing date earlier in the paragraph", t.text),
            ("publication", _) => "no date in the sentence or paragraph: the publication date".into(),
            _ => "no date could be resolved".into(),
        };
        println!("    date     {} ({})  {why}", e.date.as_deref().unwrap_or("—"), e.date_precision.as_deref().unwrap_or("—"));
        match &e.location {
            Some(l) => println!("    place    \"{}\" → {} ({}, {}) {:.2},{:.2}{}", l.text, l.name, l.country, l.kind, l.lat, l.lon, l.geonames_id.map(|g| format!(" geonames {g}")).unwrap_or_default()),
            None => println!("    place    — (nothing in the sentence supports one)"),
        }
        if !e.also_reported.is_empty() {
            let idx: Vec<String> = e.also_reported.iter().map(|s| s.index.to_string()).collect();
            println!("    also reported in sentences {}", idx.join(", "));
        }
    }
    if !r.quotes.is_empty() {
        println!();
        for q in &r.quotes {
            let kind = if q.direct { "direct" } else { "indirect" };
            let words: String = q.text.chars().take(90).collect();
            println!("  quote ({kind}) {} [{}]: {words}{}", q.speaker.as_deref().unwrap_or("?"), q.speaker_actor.as_deref().unwrap_or("—"), if q.text.chars().count() > 90 { "…" } else { "" });
        }
    }
    // Every name with the rule that labelled it: a wrong person or a missed organisation starts here.
    if !r.entities.is_empty() {
        println!();
        for e in &r.entities {
            let code = e.actor.as_deref().map(|c| format!("  actor {c}")).unwrap_or_default();
            println!("  name {} \"{}\" at {}..{}  rule {}{code}", e.label, e.text, e.start, e.end, e.rule.as_deref().unwrap_or("—"));
        }
    }
    // Every place named, not only the events': a missing or wrong pin starts here (then `warta geocode`).
    if !r.places.is_empty() {
        println!();
        for p in &r.places {
            let l = &p.location;
            println!("  place \"{}\" at {}..{} → {} ({}, {})  {}", l.text, p.start, p.end, l.name, l.country, l.kind, p.rule);
        }
    }
}

pub fn run(read: &ReadArgs) -> Result<ExitCode, String> {
    let ex = crate::train::with_ner_model(crate::extractor(read.today)?, read.ner_model.as_deref())?;
    let mut failed = false;
    input::for_each_article(read, |record| {
        match record {
            Record::Article(a) => print(&a.text, &ex.extract(&a)),
            Record::Error { message, .. } | Record::Unreadable { message } => {
                eprintln!("warta: {message}");
                failed = true;
            }
        }
        Ok(())
    })?;
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
