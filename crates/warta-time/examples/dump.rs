//! Prints every time expression the Indonesian pack finds in stdin, for eyeballing the resolver:
//! `cargo run -p warta-time --example dump [PUBLISHED] < article.txt` (PUBLISHED as 2024-06-19; "today" is
//! fixed at 2026-11-26 so output is reproducible).
use std::io::Read;
fn main() {
    let pack = warta_lang::Pack::embedded("id").unwrap();
    let ab: std::collections::HashSet<String> = pack.general.abbreviations.iter().cloned().collect();
    let r = warta_time::TimeResolver::new(&pack.time);
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).unwrap();
    let pubd = std::env::args().nth(1).map(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").unwrap());
    let doc = warta_text::segment(&text, &ab);
    let res = r.resolve(&doc, pubd, chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
    println!("published {:?} inferred {}", res.published, res.published_inferred);
    for t in res.timexes { println!("{:>4}-{:<4} s{:<3} {:<9} {:<32} {:?} {:?} {:?} {:?}", t.cstart, t.cend, t.sentence, t.kind.as_str(), format!("{:?}", t.text), t.value, t.date, t.grain, t.modifier); }
}
