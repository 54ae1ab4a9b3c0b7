//! `warta eval events FILE.jsonl`: scores events on the user's own gold sentences in the PETRARCH-style form
//! `{"id", "date": "YYYYMMDD", "text", "gold": [{"source", "target", "code"}]}`, exactly as
//! `../shared/eval/score.py events` does, then lists the gold events missed and the events added, for
//! error analysis.
//!
//! Matching, as the scorer does it: gold events are taken in order; each takes the first unused predicted
//! event of the same CAMEO root (first two digits) whose source and target match. A gold party matches when
//! it is empty or `---`, or when some actor's country or code starts with its first three letters.

use chrono::NaiveDate;
use serde::Deserialize;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use warta_core::model::{Actor, Event};
use warta_core::{Article, Extractor};

#[derive(clap::Args)]
pub struct EventsArgs {
    /// Gold file: one JSON record per line.
    file: PathBuf,
    /// Language of the sentences.
    #[arg(long, default_value = "en")]
    lang: String,
    /// The date year inference may not pass (default: the system date).
    #[arg(long)]
    today: Option<NaiveDate>,
    /// Do not list misses and additions, only the figures.
    #[arg(long)]
    quiet: bool,
}

#[derive(Deserialize)]
pub struct GoldRecord {
    pub id: String,
    #[serde(default)]
    pub date: Option<String>,
    pub text: String,
    #[serde(default)]
    pub gold: Vec<GoldEvent>,
}

#[derive(Deserialize, Clone)]
pub struct GoldEvent {
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub target: Option<String>,
    #[serde(default)]
    pub code: Option<String>,
}

pub fn run(args: &EventsArgs) -> Result<ExitCode, String> {
    let name = args.file.display().to_string();
    let text = std::fs::read_to_string(&args.file).map_err(|e| format!("{name}: {e}"))?;
    let mut records = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: GoldRecord = serde_json::from_str(line).map_err(|e| format!("{name}:{}: not a gold record: {e}", i + 1))?;
        records.push(r);
    }
    let ex = crate::extractor(args.today)?;
    print!("{}", score(&ex, &records, &args.lang, !args.quiet));
    Ok(ExitCode::SUCCESS)
}

/// `YYYYMMDD` → `YYYY-MM-DD`, as the scorer builds the publication date.
fn published(date: &str) -> Option<String> {
    (date.len() >= 8).then(|| format!("{}-{}-{}", &date[..4], &date[4..6], &date[6..8]))
}

fn actor_keys(actors: &[Actor]) -> Vec<String> {
    actors.iter().flat_map(|a| [a.country.clone(), Some(a.code.clone())]).flatten().filter(|k| !k.is_empty()).map(|k| k.to_uppercase()).collect()
}

fn actor_match(gold: Option<&str>, keys: &[String]) -> bool {
    let g = gold.unwrap_or("").to_uppercase();
    if g.is_empty() || g == "---" {
        return true;
    }
    let prefix: String = g.chars().take(3).collect();
    keys.iter().any(|k| k.starts_with(&prefix))
}

fn describe(e: &Event) -> String {
    let codes = |v: &[Actor]| if v.is_empty() { "—".to_string() } else { v.iter().map(|a| a.code.as_str()).collect::<Vec<_>>().join("+") };
    format!("{} {} {}→{} \"{}\" ({})", e.kind, e.cameo, codes(&e.source), codes(&e.target), e.trigger.text, e.rule)
}

/// The scorer's two lines, then (when `detail`) every missed gold event and every added prediction.
pub fn score(ex: &Extractor, records: &[GoldRecord], lang: &str, detail: bool) -> String {
    let (mut tp, mut npred, mut ngold) = (0usize, 0usize, 0usize);
    let mut missed = Vec::new();
    let mut added = Vec::new();
    for r in records {
        let article = Article { id: r.id.clone(), text: r.text.clone(), lang: Some(lang.to_string()), published: r.date.as_deref().and_then(published), ..Default::default() };
        let preds = ex.extract(&article).events;
        npred += preds.len();
        let gold: Vec<&GoldEvent> = r.gold.iter().filter(|g| g.code.as_deref().is_some_and(|c| !c.is_empty())).collect();
        ngold += gold.len();
        let mut used = vec![false; preds.len()];
        for g in gold {
            let code = g.code.as_deref().unwrap_or_default();
            let root: String = code.chars().take(2).collect();
            let hit = preds.iter().enumerate().find(|(k, e)| {
                !used[*k] && e.cameo.chars().take(2).collect::<String>() == root && actor_match(g.source.as_deref(), &actor_keys(&e.source)) && actor_match(g.target.as_deref(), &actor_keys(&e.target))
            });
            match hit {
                Some((k, _)) => {
                    used[k] = true;
                    tp += 1;
                }
                None => missed.push(format!("  {}: {} {}→{}  in: {}", r.id, code, g.source.as_deref().unwrap_or("—"), g.target.as_deref().unwrap_or("—"), r.text)),
            }
        }
        for (e, _) in preds.iter().zip(&used).filter(|(_, u)| !**u) {
            added.push(format!("  {}: {}", r.id, describe(e)));
        }
    }
    let (p, rc, f) = crate::eval::prf(tp, npred, ngold);
    let mut out = String::new();
    let _ = writeln!(out, "events: matched {tp} of {ngold} gold, {npred} predicted");
    let _ = writeln!(out, "event F1={f:.3} P={p:.3} R={rc:.3} over {} sentences", records.len());
    if detail {
        let _ = writeln!(out, "\nmissed gold events ({}):", missed.len());
        missed.iter().for_each(|m| {
            let _ = writeln!(out, "{m}");
        });
        let _ = writeln!(out, "\nadded events ({}):", added.len());
        added.iter().for_each(|m| {
            let _ = writeln!(out, "{m}");
        });
    }
    out
}
