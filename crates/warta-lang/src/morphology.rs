//! Affix stripping driven by a pack's `morphology.toml`.
//!
//! Instead of a dictionary (the usable Indonesian ones carry non-commercial licences), a word is expanded
//! into every stem its affixes could leave, each tagged with the grammatical form the affixes signal. A
//! trigger root matches when it is among the candidates, so no stem needs to be guessed right.

use serde::Deserialize;

/// The form a word's affixes give it; decides where a trigger's arguments stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// Bare stem or an active verb: the agent precedes, the patient follows.
    Active,
    /// Passive verb: the patient precedes, the agent follows (after an agent marker or directly).
    Passive,
    /// Nominalisation ("serangan", "attack" after a determiner): arguments sit inside the noun phrase.
    Nominal,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct AffixRule {
    pub form: String,
    /// Strings put back in front of (prefixes) or behind (suffixes) the remainder; "" keeps it as is.
    /// Indonesian nasal prefixes swallow the root's first consonant: "meny" + "erang" ← "serang".
    #[serde(default = "keep")]
    pub restore: Vec<String>,
    /// "active", "passive" or "nominal".
    pub gives: String,
}

fn keep() -> Vec<String> {
    vec![String::new()]
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct Morphology {
    /// Clitics and particles stripped first ("lah", "nya").
    #[serde(default)]
    pub particles: Vec<String>,
    #[serde(default)]
    pub suffixes: Vec<AffixRule>,
    #[serde(default)]
    pub prefixes: Vec<AffixRule>,
    /// Shortest stem worth returning.
    #[serde(default = "min_stem")]
    pub min_stem: usize,
    /// Words just before a verb that make it passive ("was", "were", "been").
    #[serde(default)]
    pub passive_auxiliaries: Vec<String>,
    /// Endings that make an auxiliary + verb progressive rather than passive ("is supplying").
    #[serde(default)]
    pub progressive_suffixes: Vec<String>,
    /// Words just before a word that make it a noun ("the", "a").
    #[serde(default)]
    pub determiners: Vec<String>,
}

fn min_stem() -> usize {
    3
}

fn gives(s: &str) -> Option<Form> {
    match s {
        "passive" => Some(Form::Passive),
        "nominal" => Some(Form::Nominal),
        "active" => Some(Form::Active),
        _ => None,
    }
}

impl Morphology {
    /// Every (stem, form) the word could be, the word itself first. Bounded: at most one particle, one
    /// suffix and two prefix layers are tried, so the list stays short.
    pub fn analyses(&self, word: &str) -> Vec<(String, Form)> {
        let mut out: Vec<(String, Form)> = vec![(word.to_string(), Form::Active)];
        let mut bases: Vec<(String, Option<Form>)> = vec![(word.to_string(), None)];
        for p in &self.particles {
            if let Some(rest) = word.strip_suffix(p.as_str()) {
                if rest.chars().count() >= self.min_stem {
                    bases.push((rest.to_string(), None));
                }
            }
        }
        let mut suffixed = bases.clone();
        for (b, _) in &bases {
            for s in &self.suffixes {
                if let Some(rest) = b.strip_suffix(s.form.as_str()) {
                    for r in &s.restore {
                        let stem = format!("{rest}{r}");
                        if stem.chars().count() >= self.min_stem {
                            suffixed.push((stem, gives(&s.gives)));
                        }
                    }
                }
            }
        }
        for (stem, sform) in &suffixed {
            if stem != word {
                out.push((stem.clone(), sform.unwrap_or(Form::Active)));
            }
            self.strip_prefixes(stem, *sform, 2, &mut out);
        }
        let mut seen = std::collections::HashSet::new();
        out.retain(|x| seen.insert(x.clone()));
        out
    }

    /// The form the word's outermost affix gives it: that affix decides voice ("di-" passive, "pe-…-an"
    /// noun), whatever inner layers a stripping could also read into the stem.
    pub fn outer_form(&self, word: &str) -> Form {
        let long_enough = |rest: &str| rest.chars().count() >= self.min_stem;
        for p in &self.prefixes {
            if word.strip_prefix(p.form.as_str()).is_some_and(long_enough) {
                return gives(&p.gives).unwrap_or(Form::Active);
            }
        }
        let bare = self.particles.iter().find_map(|p| word.strip_suffix(p.as_str()).filter(|r| long_enough(r))).unwrap_or(word);
        for s in &self.suffixes {
            if bare.strip_suffix(s.form.as_str()).is_some_and(long_enough) {
                return gives(&s.gives).unwrap_or(Form::Active);
            }
        }
        Form::Active
    }

    fn strip_prefixes(&self, stem: &str, suffix_form: Option<Form>, depth: usize, out: &mut Vec<(String, Form)>) {
        if depth == 0 {
            return;
        }
        for p in &self.prefixes {
            let Some(rest) = stem.strip_prefix(p.form.as_str()) else { continue };
            // The prefix decides the form: "di-...-kan" is passive, "pe-...-an" a noun.
            let form = gives(&p.gives).unwrap_or(Form::Active);
            for r in &p.restore {
                let s = format!("{r}{rest}");
                if s.chars().count() >= self.min_stem {
                    out.push((s.clone(), form));
                    self.strip_prefixes(&s, suffix_form, depth - 1, out);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indonesian() -> Morphology {
        crate::Pack::embedded("id").unwrap().morphology
    }

    fn has(m: &Morphology, word: &str, stem: &str, form: Form) -> bool {
        m.analyses(word).iter().any(|(s, f)| s == stem && *f == form)
    }

    #[test]
    fn indonesian_affixes_reach_the_root_with_their_form() {
        let m = indonesian();
        assert!(has(&m, "menandatangani", "tandatangan", Form::Active));
        assert!(has(&m, "mengunjungi", "kunjung", Form::Active));
        assert!(has(&m, "menyerang", "serang", Form::Active));
        assert!(has(&m, "diserang", "serang", Form::Passive));
        assert!(has(&m, "serangan", "serang", Form::Nominal));
        assert!(has(&m, "penyerangan", "serang", Form::Nominal));
        assert!(has(&m, "membantu", "bantu", Form::Active));
        assert!(has(&m, "bantuan", "bantu", Form::Nominal));
        assert!(has(&m, "memberikan", "beri", Form::Active));
        assert!(has(&m, "ditangkap", "tangkap", Form::Passive));
        assert!(has(&m, "berunjuk", "unjuk", Form::Active));
        assert!(has(&m, "kunjungannya", "kunjung", Form::Nominal));
    }

    #[test]
    fn the_outermost_affix_decides_the_form() {
        let m = indonesian();
        for (w, f) in [
            ("bekerja", Form::Active),
            ("menerima", Form::Active),
            ("memenuhi", Form::Active),
            ("mengecam", Form::Active),
            ("memperingatkan", Form::Active),
            ("pembebasan", Form::Nominal),
            ("diserang", Form::Passive),
            ("serangan", Form::Nominal),
            ("kunjungannya", Form::Nominal),
            ("kesepakatan", Form::Nominal),
        ] {
            assert_eq!(m.outer_form(w), f, "{w}");
        }
    }

    #[test]
    fn short_remainders_are_not_stems() {
        let m = indonesian();
        assert!(m.analyses("dia").iter().all(|(s, _)| s.chars().count() >= 3));
        assert_eq!(m.analyses("di")[0].0, "di");
    }
}
