//! The trainable name tagger from the command line: `train ner` learns a user's conventions and beats the
//! rules on held-out sentences; `eval ner` prints what the shared scorer computes; a bad model file is
//! named. The data (`tests/data/ner_*.conll`) are sentences written for these tests.

use std::collections::HashSet;
use std::path::Path;
mod common;

use std::process::Output;

const TRAIN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ner_train.conll");
const HELD_OUT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ner_heldout.conll");
/// 60 Indonesian news sentences (188 names) written for Warta to the rules' convention: no title inside a
/// name; a country is a place unless it acts or describes a group. Written blind to the rules; since
/// 2026-11-27 its errors have been read to find rules, so it is a regression set now, not a held-out one.
const NEWS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ner_news_id.conll");
/// 60 more such sentences (206 names), written to the same convention by someone who saw neither the
/// rules nor their output, and scored once before any rule was changed for them: the held-out figure.
const NEWS_HELD_OUT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/ner_news_id_2.conll");

fn warta(args: &[&str], stdin: &[u8]) -> Output {
    common::run(args, stdin)
}

fn ok(out: &Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn train(dir: &Path) -> String {
    let model = dir.join("own.model").to_string_lossy().to_string();
    ok(&warta(&["train", "ner", "--conll", TRAIN, "--epochs", "20", "-o", &model], b""));
    model
}

fn micro_f1(report: &str) -> f64 {
    let line = report.lines().last().unwrap();
    line.strip_prefix("micro F1=").unwrap()[..5].parse().unwrap()
}

#[test]
fn a_model_trained_on_own_data_beats_the_rules_on_held_out_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let model = train(dir.path());
    let rules = micro_f1(&ok(&warta(&["eval", "ner", HELD_OUT], b"")));
    let trained = micro_f1(&ok(&warta(&["eval", "ner", HELD_OUT, "--ner-model", &model], b"")));
    // The training data writes "wilayah X" inside place names and calls "saham X" a company: conventions
    // the rules do not share, on names the held-out sentences never repeat.
    assert!(trained >= rules + 0.3 && trained >= 0.85, "rules {rules}, trained {trained}");
}

#[test]
fn the_rules_hold_up_on_news_they_were_not_tuned_on() {
    let report = ok(&warta(&["eval", "ner", NEWS_HELD_OUT], b""));
    // Scored once when the file was written: micro F1 0.861 (LOC 0.926, ORG 0.810, PER 0.831); the rules of
    // the session before scored 0.834. Rules found later on other sentences took it to 0.882.
    assert!(micro_f1(&report) >= 0.86, "{report}");
    for line in report.lines().filter(|l| l.contains(": P=")) {
        let f1: f64 = line.split("F1=").nth(1).unwrap()[..5].parse().unwrap();
        assert!(f1 >= 0.75, "{line}");
    }
    // The first news set, now read for rules: 0.844 when written, 0.934 after.
    let report = ok(&warta(&["eval", "ner", NEWS], b""));
    assert!(micro_f1(&report) >= 0.90, "{report}");
}

#[test]
fn training_is_deterministic() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (ma, mb) = (train(a.path()), train(b.path()));
    assert_eq!(std::fs::read(ma).unwrap(), std::fs::read(mb).unwrap());
}

/// (token, tag) sentences of a CoNLL file.
fn conll(path: &str) -> Vec<Vec<(String, String)>> {
    std::fs::read_to_string(path)
        .unwrap()
        .split("\n\n")
        .filter(|s| !s.trim().is_empty())
        .map(|s| {
            s.lines()
                .map(|l| {
                    let cols: Vec<&str> = l.split_whitespace().collect();
                    (cols[0].to_string(), cols[cols.len() - 1].to_string())
                })
                .collect()
        })
        .collect()
}

/// The shared scorer's figures, computed here from `extract`'s own output: each sentence is its tokens
/// joined by spaces; an entity counts when it starts and ends on the gold span's token edges with its label.
fn expected_report(extra: &[&str]) -> String {
    let sents = conll(HELD_OUT);
    let mut input = String::new();
    let mut edges = Vec::new();
    let mut gold = Vec::new();
    for (i, s) in sents.iter().enumerate() {
        let mut text = String::new();
        let mut offs = Vec::new();
        for (w, _) in s {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.chars().count();
            text.push_str(w);
            offs.push((start, text.chars().count()));
        }
        let mut g = HashSet::new();
        let mut open: Option<(usize, String)> = None;
        for (k, (_, t)) in s.iter().chain(std::iter::once(&(String::new(), "O".to_string()))).enumerate() {
            if t == "O" || t.starts_with("B-") {
                if let Some((a, l)) = open.take() {
                    g.insert((a as i64, k as i64, l));
                }
            }
            if t != "O" && open.is_none() {
                open = Some((k, t[2..].to_string()));
            }
        }
        input += &serde_json::json!({ "id": i.to_string(), "text": text, "lang": "id" }).to_string();
        input.push('\n');
        edges.push(offs);
        gold.push(g);
    }
    let mut args = vec!["extract", "--input", "jsonl"];
    args.extend_from_slice(extra);
    let out = ok(&warta(&args, input.as_bytes()));
    let mut counts = std::collections::BTreeMap::<String, [usize; 3]>::new();
    for (i, line) in out.lines().enumerate() {
        let r: serde_json::Value = serde_json::from_str(line).unwrap();
        let mut pred = HashSet::new();
        for e in r["entities"].as_array().unwrap() {
            let (s, t) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
            let a = edges[i].iter().position(|o| o.0 == s).map_or(-1 - s as i64, |k| k as i64);
            let b = edges[i].iter().position(|o| o.1 == t).map_or(-1, |k| k as i64 + 1);
            pred.insert((a, b, e["label"].as_str().unwrap().to_string()));
        }
        for l in ["PER", "ORG", "LOC"] {
            let c = counts.entry(l.to_string()).or_default();
            let g: HashSet<_> = gold[i].iter().filter(|x| x.2 == l).collect();
            let p: HashSet<_> = pred.iter().filter(|x| x.2 == l).collect();
            c[0] += g.intersection(&p).count();
            c[1] += p.len();
            c[2] += g.len();
        }
    }
    let prf = |tp: usize, np: usize, ng: usize| {
        let p = if np > 0 { tp as f64 / np as f64 } else { 0.0 };
        let r = if ng > 0 { tp as f64 / ng as f64 } else { 0.0 };
        (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
    };
    let mut report = String::new();
    let mut tot = [0; 3];
    for (l, c) in &counts {
        let (p, r, f) = prf(c[0], c[1], c[2]);
        report += &format!("{l}: P={p:.3} R={r:.3} F1={f:.3} (gold {}, predicted {})\n", c[2], c[1]);
        (0..3).for_each(|k| tot[k] += c[k]);
    }
    let (p, r, f) = prf(tot[0], tot[1], tot[2]);
    report + &format!("micro F1={f:.3} P={p:.3} R={r:.3} over {} sentences\n", sents.len())
}

#[test]
fn eval_prints_the_scorers_figures() {
    assert_eq!(ok(&warta(&["eval", "ner", HELD_OUT], b"")), expected_report(&[]));
    let dir = tempfile::tempdir().unwrap();
    let model = train(dir.path());
    assert_eq!(ok(&warta(&["eval", "ner", HELD_OUT, "--ner-model", &model], b"")), expected_report(&["--ner-model", &model]));
}

#[test]
fn a_bad_model_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("broken.model");
    std::fs::write(&bad, "not a model\n").unwrap();
    let bad = bad.to_string_lossy().to_string();
    for args in [vec!["extract", "--ner-model", &bad], vec!["eval", "ner", HELD_OUT, "--ner-model", &bad]] {
        let out = warta(&args, b"Budi tiba di Jakarta.");
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("broken.model") && err.contains("not a warta NER model"), "{err}");
    }
}
