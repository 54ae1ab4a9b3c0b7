//! `warta train`: learns a model from the user's own annotated data. `ner` trains the name tagger of
//! `warta-ner` on a CoNLL file; `extract --ner-model` and `eval ner --ner-model` then use it.

use crate::eval::{bio_spans, read_conll, sentence_text, Sentence};
use clap::Subcommand;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use warta_core::Extractor;
use warta_ner::{Example, Model};

#[derive(Subcommand)]
pub enum TrainCommand {
    /// Train the name tagger (PER, ORG, LOC) on a CoNLL file; the model corrects the rules.
    Ner(NerArgs),
}

#[derive(clap::Args)]
pub struct NerArgs {
    /// Training data: one token per line, its BIO tag in the last column; a blank line ends a sentence.
    #[arg(long)]
    conll: PathBuf,
    /// Passes over the data.
    #[arg(long, default_value_t = 20)]
    epochs: usize,
    /// Language of the sentences (the pack whose rules and word lists the model builds on).
    #[arg(long, default_value = "id")]
    lang: String,
    /// Where to write the model.
    #[arg(short, long)]
    output: PathBuf,
}

pub fn run(cmd: &TrainCommand) -> Result<ExitCode, String> {
    match cmd {
        TrainCommand::Ner(args) => {
            let ex = crate::extractor(None)?;
            let sents = read_conll(&args.conll)?;
            let (examples, lost) = examples(&ex, &sents, &args.lang)?;
            if lost > 0 {
                eprintln!("warta: {lost} gold names do not fall on token boundaries and were left out");
            }
            let (model, validation) = warta_ner::train(&examples, &args.lang, args.epochs, |epoch, wrong| {
                eprintln!("epoch {epoch}: {wrong} of {} sentences tagged wrongly", examples.len());
            });
            if let Some(v) = validation {
                eprintln!(
                    "cross-validated on these sentences: rules F1 {:.3}, model F1 {:.3} (rule weight {})",
                    v.rules_f1, v.model_f1, model.rule_weight
                );
            }
            model.save(&args.output)?;
            eprintln!("wrote {} ({} features)", args.output.display(), model.len());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Attaches the model at `path`, if any, to the extractor.
pub fn with_ner_model(ex: Extractor, path: Option<&Path>) -> Result<Extractor, String> {
    match path {
        Some(p) => ex.with_ner_model(Model::load(p)?).map_err(|e| format!("{}: {e}", p.display())),
        None => Ok(ex),
    }
}

/// Training examples: each gold sentence is read by the extractor exactly as `extract` reads text (its
/// tokens, sentences, rule tags), and the gold names are carried onto those tokens by code-point offsets.
/// Also returns how many gold names did not start and end on token boundaries.
pub fn examples(ex: &Extractor, sents: &[Sentence], lang: &str) -> Result<(Vec<Example>, usize), String> {
    let mut out = Vec::with_capacity(sents.len());
    let mut lost = 0;
    for sent in sents {
        let (text, offs) = sentence_text(sent);
        let tags: Vec<&str> = sent.iter().map(|(_, t)| t.as_str()).collect();
        let gold: Vec<(usize, usize, &str)> = bio_spans(&tags).into_iter().map(|(s, e, l)| (offs[s].0, offs[e - 1].1, l)).collect();
        let mut placed = 0;
        for s in ex.ner_sentences(&text, lang)? {
            let mut tags = vec![0; s.tokens.len()];
            for &(a, b, l) in &gold {
                let inside: Vec<usize> = (0..s.chars.len()).filter(|&k| s.chars[k].0 >= a && s.chars[k].1 <= b).collect();
                let (Some(&first), Some(&last)) = (inside.first(), inside.last()) else { continue };
                if s.chars[first].0 != a || s.chars[last].1 != b {
                    continue;
                }
                let begin = warta_ner::tag_index(&format!("B-{l}")).unwrap_or(0);
                tags[first] = begin;
                inside[1..].iter().for_each(|&k| tags[k] = begin + 1);
                placed += 1;
            }
            out.push(Example { tokens: s.tokens, gold: tags });
        }
        lost += gold.len() - placed.min(gold.len());
    }
    Ok((out, lost))
}
