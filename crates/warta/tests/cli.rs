//! The command line on good and bad input: every problem names its file (and line), nothing panics,
//! and no events are invented.

mod common;

use std::process::Output;

fn warta(args: &[&str], stdin: Option<&[u8]>) -> Output {
    common::run(&[args, &["--today", "2026-11-26"]].concat(), stdin.unwrap_or_default())
}

fn records(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

#[test]
fn seed_article_from_a_file() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seed-id.txt");
    let out = warta(&["extract", seed], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let r = &records(&out)[0];
    assert_eq!(r["id"], "seed-id");
    assert_eq!(r["published"]["value"], "2024-06-19");
    assert!(r["events"].as_array().unwrap().iter().any(|e| e["cameo"] == "057"));
}

#[test]
fn explain_shows_rule_and_date_reason() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seed-id.txt");
    let out = warta(&["explain", seed], None);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("rule id.support.sign-agreement"));
    assert!(text.contains("from \"Rabu (19 Juni)\" in the same sentence"));
    assert!(text.contains("southern Russia"));
    // Each name with the rule that labelled it.
    assert!(text.contains("name PER \"Vladimir Putin\""), "{text}");
    assert!(text.lines().any(|l| l.contains("name ORG \"NATO\"") && l.contains("rule dictionary")), "{text}");
}

#[test]
fn empty_file_gives_an_honest_empty_result() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("empty.txt");
    std::fs::write(&p, "").unwrap();
    let out = warta(&["extract", p.to_str().unwrap()], None);
    assert!(out.status.success());
    let r = &records(&out)[0];
    assert_eq!(r["id"], "empty");
    assert!(r["events"].as_array().unwrap().is_empty());
    assert!(r["entities"].as_array().unwrap().is_empty());
}

#[test]
fn binary_and_non_utf8_files_are_named_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("image.bin");
    std::fs::write(&bin, [0x89u8, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe]).unwrap();
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"Presiden mengunjungi Bogor\xe9 hari ini").unwrap();
    let good = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seed-id.txt");
    let out = warta(&["extract", bin.to_str().unwrap(), latin1.to_str().unwrap(), good], None);
    assert!(out.status.success(), "per-record errors do not stop the run");
    let rs = records(&out);
    assert_eq!(rs.len(), 3);
    assert!(rs[0]["error"].as_str().unwrap().contains("image.bin") && rs[0]["error"].as_str().unwrap().contains("binary"));
    assert!(rs[1]["error"].as_str().unwrap().contains("latin1.txt") && rs[1]["error"].as_str().unwrap().contains("UTF-8 at byte 26"));
    assert!(!rs[2]["events"].as_array().unwrap().is_empty(), "the good file is still read");
    let err = stderr(&out);
    assert!(err.contains("image.bin") && err.contains("latin1.txt"));
}

#[test]
fn missing_file_fails_with_its_name() {
    let out = warta(&["extract", "/nonexistent/article.txt"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/article.txt"));
}

#[test]
fn jsonl_bad_lines_become_error_records() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"Polisi menangkap dua pengunjuk rasa di Jakarta pada Senin (12/8/2024).\"}\n",
        "{not json}\n",
        "\n",
        "{\"id\": \"c\"}\n",
        "{\"text\": \"Presiden Rusia Vladimir Putin mengunjungi Korea Utara.\", \"published\": \"2024-06-19\"}\n",
    );
    let out = warta(&["extract", "--input", "jsonl", "-"], Some(input.as_bytes()));
    assert!(out.status.success());
    let rs = records(&out);
    assert_eq!(rs.len(), 4);
    assert_eq!(rs[0]["id"], "a");
    assert_eq!(rs[1]["id"], "2");
    assert!(rs[1]["error"].as_str().unwrap().contains("<stdin>:2: invalid JSON"));
    assert_eq!(rs[2]["id"], "c");
    assert!(rs[2]["error"].as_str().unwrap().contains("no \"text\""));
    assert_eq!(rs[3]["id"], "5", "id defaults to the line number");
    assert_eq!(rs[3]["events"][0]["type"], "CONSULT");
}

#[test]
fn fifty_megabyte_line_is_cut_not_fatal() {
    let sentence = "Warga berkumpul di alun-alun kota untuk merayakan hari jadi dengan pawai budaya dan musik. ";
    let text = sentence.repeat(50_000_000 / sentence.len() + 1);
    let line = serde_json::to_string(&serde_json::json!({"id": "huge", "text": text})).unwrap() + "\n";
    assert!(line.len() > 50_000_000);
    let out = warta(&["extract", "--input", "jsonl", "--lang", "id"], Some(line.as_bytes()));
    assert!(out.status.success(), "{}", stderr(&out));
    let r = &records(&out)[0];
    assert!(r["warnings"][0].as_str().unwrap().contains("only the first"));
    assert!(stderr(&out).contains("huge"));
}

#[test]
fn english_and_malay_give_no_invented_events() {
    let en = "The weather was mild across the region on Tuesday, and markets were quiet ahead of the holiday weekend.";
    let out = warta(&["extract", "-"], Some(en.as_bytes()));
    assert!(out.status.success());
    let r = &records(&out)[0];
    assert_eq!(r["lang"], "en");
    assert!(r["events"].as_array().unwrap().is_empty());

    let ms = "Cuaca di kebanyakan negeri dijangka cerah pada hujung minggu ini, manakala hujan lebat hanya dijangka di kawasan pedalaman. Orang ramai dinasihatkan supaya minum air secukupnya.";
    let out = warta(&["extract", "-"], Some(ms.as_bytes()));
    assert!(out.status.success());
    let r = &records(&out)[0];
    assert_eq!(r["lang"], "ms");
    assert!(r["events"].as_array().unwrap().is_empty());
}

#[test]
fn bad_published_date_is_a_warning() {
    let out = warta(&["extract", "--published", "19/06/2024", "-"], Some("Polisi menangkap tiga orang.".as_bytes()));
    assert!(out.status.success());
    let r = &records(&out)[0];
    assert!(r["warnings"][0].as_str().unwrap().contains("19/06/2024"));
}
