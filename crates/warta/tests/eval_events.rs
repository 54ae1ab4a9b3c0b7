//! `warta eval events` on English gold sentences written for Warta (tests/data/events-en.jsonl): its two
//! figure lines equal what this test computes from `warta extract` output the way
//! `../shared/eval/score.py events` does, it lists every miss and addition, and the F1 does not fall below
//! the level measured.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const TODAY: &str = "2026-11-26";

fn gold_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/events-en.jsonl")
}

fn warta() -> Command {
    Command::new(env!("CARGO_BIN_EXE_warta"))
}

/// Keys of an actor list the scorer compares against: countries and codes, upper-cased.
fn keys(actors: &Value) -> Vec<String> {
    let mut k = Vec::new();
    for a in actors.as_array().into_iter().flatten() {
        for f in ["country", "code"] {
            if let Some(v) = a.get(f).and_then(Value::as_str).filter(|v| !v.is_empty()) {
                k.push(v.to_uppercase());
            }
        }
    }
    k
}

fn party(gold: &Value, keys: &[String]) -> bool {
    let g = gold.as_str().unwrap_or("").to_uppercase();
    g.is_empty() || g == "---" || keys.iter().any(|k| k.starts_with(&g[..g.len().min(3)]))
}

#[test]
fn eval_events_prints_the_scorers_figures() {
    let records: Vec<Value> = std::fs::read_to_string(gold_file()).unwrap().lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect();
    let mut input = String::new();
    for r in &records {
        let d = r["date"].as_str().unwrap();
        let doc = serde_json::json!({"id": r["id"], "text": r["text"], "lang": "en", "published": format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..8])});
        input += &format!("{doc}\n");
    }
    let mut child = warta().args(["extract", "--input", "jsonl", "--today", TODAY]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let results: Vec<Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();

    let (mut tp, mut npred, mut ngold) = (0usize, 0usize, 0usize);
    for (r, res) in records.iter().zip(&results) {
        let preds = res["events"].as_array().unwrap();
        npred += preds.len();
        let mut used = vec![false; preds.len()];
        for g in r["gold"].as_array().unwrap() {
            ngold += 1;
            let root = &g["code"].as_str().unwrap()[..2];
            let hit = (0..preds.len()).find(|&k| {
                !used[k] && preds[k]["cameo"].as_str().unwrap().starts_with(root) && party(&g["source"], &keys(&preds[k]["source"])) && party(&g["target"], &keys(&preds[k]["target"]))
            });
            if let Some(k) = hit {
                used[k] = true;
                tp += 1;
            }
        }
    }
    let p = tp as f64 / npred as f64;
    let r = tp as f64 / ngold as f64;
    let f = 2.0 * p * r / (p + r);

    let out = warta().args(["eval", "events", gold_file().to_str().unwrap(), "--today", TODAY]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines[0], format!("events: matched {tp} of {ngold} gold, {npred} predicted"));
    assert_eq!(lines[1], format!("event F1={f:.3} P={p:.3} R={r:.3} over {} sentences", records.len()));
    let listed = |header: &str| printed.split(header).nth(1).map(|rest| rest.lines().skip(1).take_while(|l| l.starts_with("  ")).count());
    assert_eq!(listed("missed gold events"), Some(ngold - tp));
    assert_eq!(listed("added events"), Some(npred - tp));
    // 0.539 when the set was written, before any change it prompted; 0.629 since role-only actors take the
    // country of the event's place.
    assert!(f >= 0.60, "event F1 {f:.3} fell below 0.60");
}

#[test]
fn a_broken_gold_line_is_named() {
    let dir = std::env::temp_dir().join(format!("warta-eval-events-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("gold.jsonl");
    std::fs::write(&file, "{\"id\": \"a\", \"text\": \"Russia attacked Ukraine.\", \"gold\": []}\n{not json\n").unwrap();
    let out = warta().args(["eval", "events", file.to_str().unwrap()]).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("gold.jsonl:2"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
