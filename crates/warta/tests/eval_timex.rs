//! `warta eval timex` on the TimeML development corpus: its two figure lines equal the figures computed
//! here from `warta extract` output the way `../shared/eval/score.py timex` computes them, and it lists one
//! line per miss, wrong value and unmatched prediction.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const TODAY: &str = "2026-11-26";

fn dev_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../warta-time/tests/timeml/dev")
}

/// Gold spans: (start, end, value) in code points.
type Gold = Vec<(usize, usize, String)>;

/// (DCT, text, gold) of a file holding only the five XML entities.
fn read_tml(src: &str) -> (String, String, Gold) {
    let unescape = |s: &str| s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    let dct = src.split("<DCT>").nth(1).and_then(|s| s.split("value=\"").nth(1)).and_then(|s| s.split('"').next()).unwrap();
    let body = &src[src.find("<TEXT>").unwrap() + 6..src.rfind("</TEXT>").unwrap()];
    let (mut text, mut gold) = (String::new(), Vec::new());
    let mut rest = body;
    while let Some(at) = rest.find("<TIMEX3") {
        text += &unescape(&rest[..at]);
        let gt = at + rest[at..].find('>').unwrap();
        let close = gt + rest[gt..].find("</TIMEX3>").unwrap();
        let value = rest[at..gt].split(" value=\"").nth(1).and_then(|v| v.split('"').next()).unwrap().to_string();
        let inner = unescape(&rest[gt + 1..close]);
        let start = text.chars().count();
        gold.push((start, start + inner.chars().count(), value));
        text += &inner;
        rest = &rest[close + "</TIMEX3>".len()..];
    }
    text += &unescape(rest);
    (dct[..10].to_string(), text, gold)
}

fn prf(tp: usize, np: usize, ng: usize) -> (f64, f64, f64) {
    let p = if np > 0 { tp as f64 / np as f64 } else { 0.0 };
    let r = if ng > 0 { tp as f64 / ng as f64 } else { 0.0 };
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

#[test]
fn eval_timex_prints_the_scorers_figures() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dev_dir()).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "tml")).collect();
    files.sort();
    let docs: Vec<(String, String, String, Gold)> = files
        .iter()
        .map(|f| {
            let (dct, text, gold) = read_tml(&std::fs::read_to_string(f).unwrap());
            (f.file_name().unwrap().to_string_lossy().into_owned(), dct, text, gold)
        })
        .collect();

    // The extractor as the scorer runs it: JSON Lines in, one result per line out.
    let input: String = docs
        .iter()
        .map(|(id, dct, text, _)| serde_json::json!({"id": id, "text": text, "lang": "id", "published": dct}).to_string() + "\n")
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_warta"))
        .args(["extract", "--input", "jsonl", "--today", TODAY])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert!(out.status.success());
    let results: Vec<serde_json::Value> = String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(results.len(), docs.len());

    let (mut tp_ext, mut tp_val, mut npred, mut ngold) = (0, 0, 0, 0);
    for ((id, _, _, gold), r) in docs.iter().zip(&results) {
        assert_eq!(r["id"].as_str(), Some(id.as_str()));
        let preds: Vec<(u64, u64, String)> = r["times"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| (t["start"].as_u64().unwrap(), t["end"].as_u64().unwrap(), t["value"].as_str().unwrap_or("None").to_string()))
            .collect();
        npred += preds.len();
        ngold += gold.len();
        let mut used = vec![false; preds.len()];
        for (gs, ge, gv) in gold {
            let (gs, ge) = (*gs as u64, *ge as u64);
            if let Some(k) = (0..preds.len()).find(|&k| !used[k] && preds[k].0 < ge && gs < preds[k].1) {
                used[k] = true;
                tp_ext += 1;
                tp_val += usize::from(preds[k].2 == *gv);
            }
        }
    }
    let (pe, re, fe) = prf(tp_ext, npred, ngold);
    let (_, _, fv) = prf(tp_val, npred, ngold);
    let expected = [
        format!("extraction (relaxed): P={pe:.3} R={re:.3} F1={fe:.3}"),
        format!("value F1={fv:.3} extraction F1={fe:.3} over {ngold} gold timexes in {} articles", docs.len()),
    ];

    let out = Command::new(env!("CARGO_BIN_EXE_warta")).args(["eval", "timex"]).arg(dev_dir()).args(["--today", TODAY]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines[..2], expected.iter().map(String::as_str).collect::<Vec<_>>()[..]);
    assert!(ngold >= 150 && docs.len() >= 12);
    // One line per missed gold expression, wrong value and unmatched prediction.
    let errors = (ngold - tp_ext) + (tp_ext - tp_val) + (npred - tp_ext);
    assert_eq!(lines.len() - 2, errors, "{printed}");
    assert!(lines[2..].iter().all(|l| l.contains(".tml: ") && (l.contains(": missed ") || l.contains(": wrong value ") || l.contains(": spurious "))));
}

#[test]
fn eval_timex_names_a_missing_folder() {
    let out = Command::new(env!("CARGO_BIN_EXE_warta")).args(["eval", "timex", "/no/such/folder", "--today", TODAY]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/folder"));
}
