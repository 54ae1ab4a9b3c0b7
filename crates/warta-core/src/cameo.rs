//! CAMEO event codes: their PLOVER type and mode (from the CAMEO→PLOVER table, derived by
//! `scripts/derive_cameo.py`), QuadClass and Goldstein weight.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../../data/cameo/cameo_plover.tsv");
const GOLDSTEIN: &str = include_str!("../../../data/cameo/goldstein.tsv");

/// What one CAMEO code means.
#[derive(Debug, Clone)]
pub struct CameoCode {
    pub code: &'static str,
    pub plover: &'static str,
    pub mode: &'static str,
    pub name: &'static str,
    pub goldstein: f64,
    pub quad_class: u8,
}

pub struct CameoTable {
    codes: HashMap<&'static str, CameoCode>,
}

/// GDELT's QuadClass from the two-digit root: verbal and material cooperation, verbal and material conflict.
fn quad_class(code: &str) -> u8 {
    match code.get(..2).and_then(|r| r.parse::<u8>().ok()) {
        Some(1..=5) => 1,
        Some(6..=8) => 2,
        Some(9..=13) => 3,
        _ => 4,
    }
}

impl CameoTable {
    pub fn get() -> &'static CameoTable {
        static TABLE_CELL: OnceLock<CameoTable> = OnceLock::new();
        TABLE_CELL.get_or_init(|| {
            let weights: HashMap<&str, f64> = GOLDSTEIN
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .filter_map(|l| {
                    let (c, w) = l.split_once('\t')?;
                    Some((c, w.trim().parse().ok()?))
                })
                .collect();
            let weight = |code: &str| {
                [code.len(), 3, 2].iter().filter(|&&n| n <= code.len()).find_map(|&n| weights.get(&code[..n]).copied()).unwrap_or(0.0)
            };
            let codes = TABLE
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .filter_map(|l| {
                    let mut f = l.split('\t');
                    let (code, plover, mode, name) = (f.next()?, f.next()?, f.next()?, f.next()?);
                    Some((code, CameoCode { code, plover, mode, name, goldstein: weight(code), quad_class: quad_class(code) }))
                })
                .collect();
            CameoTable { codes }
        })
    }

    pub fn lookup(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    /// The code PLOVER uses when an event is only announced for the future: intent to meet, cooperate,
    /// help or sign is AGREE (03x), so a future CONSULT, COOPERATE, AID or SUPPORT becomes its intent code.
    pub fn future_intent(&self, code: &str) -> Option<&'static str> {
        let intent = match code {
            c if c.starts_with("04") => "036",
            "061" => "0311",
            "062" => "0312",
            "063" => "0313",
            "064" => "0314",
            c if c.starts_with("06") => "031",
            "071" => "0331",
            "072" => "0332",
            "073" => "0333",
            "074" => "0334",
            c if c.starts_with("07") => "033",
            c if c.starts_with("05") => "032",
            // An offer to release or withdraw is intent to yield.
            c if c.starts_with("084") => "0353",
            "085" => "0354",
            c if c.starts_with("087") => "0356",
            c if c.starts_with("08") => "035",
            _ => return None,
        };
        self.codes.get(intent).map(|c| c.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_the_plover_table() {
        let t = CameoTable::get();
        let c = t.lookup("057").unwrap();
        assert_eq!((c.plover, c.quad_class, c.goldstein), ("SUPPORT", 1, 8.0));
        assert_eq!(t.lookup("036").unwrap().plover, "AGREE");
        assert_eq!(t.lookup("173").unwrap().plover, "COERCE");
        let c = t.lookup("195").unwrap();
        assert_eq!((c.plover, c.quad_class, c.goldstein), ("ASSAULT", 4, -10.0));
        assert_eq!(t.lookup("163").unwrap().plover, "COERCE");
        // A four-digit code without its own weight takes its parent's.
        assert_eq!(t.lookup("1123").unwrap().goldstein, -2.0);
        assert!(t.lookup("999").is_none());
    }

    #[test]
    fn future_cooperation_is_agree() {
        let t = CameoTable::get();
        for c in ["040", "042", "046", "060", "062", "070", "072", "051"] {
            let f = t.future_intent(c).unwrap();
            assert_eq!(t.lookup(f).unwrap().plover, "AGREE", "{c} → {f}");
        }
        assert_eq!(t.future_intent("190"), None);
    }
}
