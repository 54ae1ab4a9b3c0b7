//! `warta eval`: scores extraction against gold data exactly as `../shared/eval/score.py` does, so the
//! figures printed here and the shared scorer's are the same numbers.

use clap::Subcommand;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use warta_core::{Article, Extractor};

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Span-exact precision, recall and F1 for PER, ORG and LOC on a CoNLL file.
    Ner(NerArgs),
    /// Relaxed extraction F1 and value F1 for TimeML TIMEX3 on a folder of `.tml` files.
    Timex(crate::eval_timex::TimexArgs),
    /// Event F1 on PETRARCH-style gold sentences ({id, date, text, gold: [{source, target, code}]}), with
    /// the events missed and added.
    Events(crate::eval_events::EventsArgs),
}

#[derive(clap::Args)]
pub struct NerArgs {
    /// Gold file: one token per line, its BIO tag in the last column; a blank line ends a sentence.
    file: PathBuf,
    /// A model from `warta train ner`; without it the rules are scored.
    #[arg(long)]
    ner_model: Option<PathBuf>,
    /// Language of the sentences.
    #[arg(long, default_value = "id")]
    lang: String,
}

pub fn run(cmd: &EvalCommand) -> Result<ExitCode, String> {
    match cmd {
        EvalCommand::Ner(args) => {
            let ex = crate::train::with_ner_model(crate::extractor(None)?, args.ner_model.as_deref())?;
            let sents = read_conll(&args.file)?;
            print!("{}", score_ner(&ex, &sents, &args.lang));
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Timex(args) => crate::eval_timex::run(args),
        EvalCommand::Events(args) => crate::eval_events::run(args),
    }
}

/// A sentence of a CoNLL file: (token, tag) pairs.
pub type Sentence = Vec<(String, String)>;

/// Reads a CoNLL file: the first column is the token, the last its tag; columns are split at tabs and
/// spaces.
pub fn read_conll(path: &Path) -> Result<Vec<Sentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut sents = Vec::new();
    let mut toks: Sentence = Vec::new();
    for line in text.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            if !toks.is_empty() {
                sents.push(std::mem::take(&mut toks));
            }
            continue;
        }
        let parts: Vec<&str> = line.split(['\t', ' ']).filter(|p| !p.is_empty()).collect();
        toks.push((parts[0].to_string(), parts[parts.len() - 1].to_string()));
    }
    if !toks.is_empty() {
        sents.push(toks);
    }
    Ok(sents)
}

/// The scorer's label map: gold sets name the three types in several ways.
pub fn label(tag: &str) -> Option<&'static str> {
    match tag.to_uppercase().as_str() {
        "PERSON" | "PER" | "PPL" => Some("PER"),
        "PLACE" | "LOC" | "LOCATION" | "GPE" | "PLC" => Some("LOC"),
        "ORGANISATION" | "ORGANIZATION" | "ORG" | "IND" => Some("ORG"),
        _ => None,
    }
}

/// Gold spans `(first token, end token, label)` of a BIO tag sequence, read as the scorer reads them: an
/// `I-` tag with another type than the open span's starts a new span.
pub fn bio_spans(tags: &[&str]) -> Vec<(usize, usize, &'static str)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags.iter().copied().chain(std::iter::once("O")).enumerate() {
        let rest: String = t.chars().skip(2).collect();
        let b = t.starts_with("B-") || t.starts_with("I-") && open.as_ref().is_none_or(|(_, l)| *l != rest);
        if t == "O" || b {
            if let Some((s, l)) = open.take() {
                spans.push((s, i, l));
            }
        }
        if t != "O" && open.is_none() {
            open = Some((i, rest));
        }
    }
    spans.into_iter().filter_map(|(s, e, l)| label(&l).map(|l| (s, e, l))).collect()
}

/// The sentence text (tokens joined by single spaces) and each token's code-point range in it.
pub fn sentence_text(sent: &Sentence) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut offs = Vec::with_capacity(sent.len());
    let mut at = 0;
    for (w, _) in sent {
        if !text.is_empty() {
            text.push(' ');
            at += 1;
        }
        let n = w.chars().count();
        offs.push((at, at + n));
        at += n;
        text.push_str(w);
    }
    (text, offs)
}

/// Precision, recall and F1 from true positives, predictions and gold counts (0 where undefined).
pub fn prf(tp: usize, np: usize, ng: usize) -> (f64, f64, f64) {
    let p = if np > 0 { tp as f64 / np as f64 } else { 0.0 };
    let r = if ng > 0 { tp as f64 / ng as f64 } else { 0.0 };
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

/// Extracts every sentence as its own article and prints per-type and micro figures in the scorer's
/// format. A predicted entity counts when its start and end fall on the gold span's first token's start
/// and last token's end and its label matches.
pub fn score_ner(ex: &Extractor, sents: &[Sentence], lang: &str) -> String {
    const TYPES: [&str; 3] = ["LOC", "ORG", "PER"];
    let mut stats = [[0usize; 3]; 3];
    for (i, sent) in sents.iter().enumerate() {
        let (text, offs) = sentence_text(sent);
        let tags: Vec<&str> = sent.iter().map(|(_, t)| t.as_str()).collect();
        let gold: HashSet<(i64, i64, &str)> = bio_spans(&tags).into_iter().map(|(s, e, l)| (s as i64, e as i64, l)).collect();
        let article = Article { id: i.to_string(), text, lang: Some(lang.to_string()), ..Default::default() };
        let result = ex.extract(&article);
        let mut pred = HashSet::new();
        for e in &result.entities {
            let Some(l) = label(&e.label) else { continue };
            // An entity whose edges fall between tokens can never match; the scorer keeps it as a miss.
            let s = offs.iter().position(|o| o.0 == e.start).map_or(-1 - e.start as i64, |k| k as i64);
            let t = offs.iter().position(|o| o.1 == e.end).map_or(-1, |k| k as i64 + 1);
            pred.insert((s, t, l));
        }
        for (k, ty) in TYPES.iter().enumerate() {
            let g: HashSet<_> = gold.iter().filter(|x| x.2 == *ty).collect();
            let p: HashSet<_> = pred.iter().filter(|x| x.2 == *ty).collect();
            stats[k][0] += g.intersection(&p).count();
            stats[k][1] += p.len();
            stats[k][2] += g.len();
        }
    }
    let mut out = String::new();
    if !sents.is_empty() {
        for (k, ty) in TYPES.iter().enumerate() {
            let [tp, np, ng] = stats[k];
            let (p, r, f) = prf(tp, np, ng);
            out += &format!("{ty}: P={p:.3} R={r:.3} F1={f:.3} (gold {ng}, predicted {np})\n");
        }
    }
    let tot = |j: usize| stats.iter().map(|s| s[j]).sum::<usize>();
    let (p, r, f) = prf(tot(0), tot(1), tot(2));
    out += &format!("micro F1={f:.3} P={p:.3} R={r:.3} over {} sentences\n", sents.len());
    out
}
