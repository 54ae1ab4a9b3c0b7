//! Mentions: the words of an article that name countries, organisations, roles and places, found by one
//! Aho-Corasick pass over the lower-cased token stream, plus capitalised name spans.
//!
//! Country names come from CLDR display names (ICU4X) in the pack's language and in English, joined with
//! the pack's aliases; everything else comes from the pack. The automaton is built once per pack.

use aho_corasick::{AhoCorasick, MatchKind};
use icu_experimental::displaynames::{multi::RegionDisplayNames, DisplayNamesOptions};
use icu_locale_core::{subtags::Region, Locale};
use std::collections::HashSet;
use warta_geo::Gazetteer;
use warta_lang::Pack;
use warta_text::{Doc, TokenKind};

/// What a dictionary phrase names.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Country(String),
    /// A seat of power standing for a government ("Kremlin" is an organisation; "Moskow" a metonym).
    Metonym { code: String, country: String },
    Org { code: String, country: Option<String>, label: String },
    Role { sector: String, titles_person: bool },
    PairAnaphor,
    FirstPerson,
    /// Joins a holder to its role ("'s").
    Linker,
    Direction(String),
    PlaceHead,
    OrgHead,
    NotName,
    /// A populated place from the gazetteer (index into its places).
    Place(usize),
}

#[derive(Debug, Clone)]
struct Entry {
    kind: Kind,
    /// How the phrase must be cased in the text.
    case: Case,
    /// Original tokens, for exact-case checks of acronyms.
    original: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Case {
    /// Acronyms ("AS", "NATO"): exactly as written.
    Exact,
    /// Proper names: the first word capitalised.
    Capitalised,
    /// Common words: any case.
    Any,
}

/// Cities this large are places wherever they stand alone; smaller ones only after a place word.
const CITY_ANYWHERE_POPULATION: u64 = 200_000;

/// A dictionary match in a document.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Token range.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

pub struct MentionFinder {
    automaton: AhoCorasick,
    /// Pattern id → entries (one phrase may name several things, e.g. a role and an org head).
    entries: Vec<Vec<Entry>>,
    function_words: HashSet<String>,
}

/// Tokens of a phrase, lower-cased and joined the way the document stream is.
fn normalise(phrase: &str) -> (String, Vec<String>) {
    let toks = warta_text::tokenize(phrase);
    let original = toks.iter().map(|t| phrase[t.start..t.end].to_string()).collect();
    let joined = toks.iter().map(|t| t.lower.as_str()).collect::<Vec<_>>().join(" ");
    (joined, original)
}

fn case_of(phrase: &str) -> Case {
    let letters: Vec<char> = phrase.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        Case::Exact
    } else if phrase.chars().next().is_some_and(char::is_uppercase) {
        Case::Capitalised
    } else {
        Case::Any
    }
}

/// CLDR country names in one locale, as (name, ISO alpha-3).
fn cldr_country_names(locale: &str, geo: &Gazetteer) -> Vec<(String, String)> {
    let Ok(loc) = locale.parse::<Locale>() else { return Vec::new() };
    let Ok(names) = RegionDisplayNames::try_new(loc.into(), DisplayNamesOptions::default()) else { return Vec::new() };
    let mut out = Vec::new();
    for place in geo.places().iter().filter(|p| p.kind == warta_geo::PlaceKind::Country) {
        let Some(iso2) = geo.iso3_to_iso2(&place.country_iso3) else { continue };
        let Ok(region) = iso2.parse::<Region>() else { continue };
        if let Some(name) = names.of(region) {
            out.push((name.to_string(), place.country_iso3.clone()));
        }
    }
    out
}

impl MentionFinder {
    pub fn new(pack: &Pack) -> Self {
        let geo = Gazetteer::embedded();
        let mut phrases: Vec<String> = Vec::new();
        let mut entries: Vec<Vec<Entry>> = Vec::new();
        let mut index = std::collections::HashMap::new();
        let mut add = |phrase: &str, kind: Kind, case: Option<Case>| {
            let (joined, original) = normalise(phrase);
            if joined.is_empty() {
                return;
            }
            let case = case.unwrap_or_else(|| case_of(phrase));
            let id = *index.entry(joined.clone()).or_insert_with(|| {
                phrases.push(format!(" {joined} "));
                entries.push(Vec::new());
                phrases.len() - 1
            });
            if !entries[id].iter().any(|e: &Entry| e.kind == kind) {
                entries[id].push(Entry { kind, case, original });
            }
        };
        let a = &pack.actors;
        for locale in [pack.general.code.as_str(), "en"] {
            for (name, iso3) in cldr_country_names(locale, geo) {
                add(&name, Kind::Country(iso3), Some(Case::Capitalised));
            }
        }
        for (name, iso3) in &a.countries {
            add(name, Kind::Country(iso3.clone()), None);
        }
        for (name, iso3) in &a.demonyms {
            add(name, Kind::Country(iso3.clone()), None);
        }
        for (name, code) in &a.metonyms {
            add(name, Kind::Metonym { code: code.clone(), country: code.chars().take(3).collect() }, None);
        }
        for org in &a.organisations {
            for name in &org.names {
                let kind = Kind::Org { code: org.code.clone(), country: org.country.clone(), label: org.label.clone().unwrap_or_else(|| "ORG".into()) };
                add(name, kind, None);
            }
        }
        for role in &a.roles {
            for w in &role.words {
                add(w, Kind::Role { sector: role.sector.clone(), titles_person: role.titles_person }, Some(Case::Any));
            }
        }
        for w in &a.pair_anaphora {
            add(w, Kind::PairAnaphor, Some(Case::Any));
        }
        for w in &a.first_person {
            add(w, Kind::FirstPerson, Some(Case::Any));
        }
        for w in &a.linkers {
            add(w, Kind::Linker, Some(Case::Any));
        }
        for (w, d) in &a.directions {
            add(w, Kind::Direction(d.clone()), Some(Case::Any));
        }
        for w in &a.place_heads {
            add(w, Kind::PlaceHead, Some(Case::Any));
        }
        for w in &a.org_heads {
            add(w, Kind::OrgHead, Some(Case::Any));
        }
        for w in &a.not_names {
            add(w, Kind::NotName, None);
        }
        // Large cities are matched wherever they appear capitalised; smaller places only after a
        // place preposition (resolved later through the gazetteer), which keeps false hits down.
        // A town called like a word of the language ("As", Ås in Norway) is left to the place stage.
        let function_words: std::collections::HashSet<String> = pack.general.function_words.iter().map(|w| w.to_lowercase()).collect();
        for (name, idx) in geo.names_for_matching(CITY_ANYWHERE_POPULATION) {
            if function_words.contains(&name.to_lowercase()) {
                continue;
            }
            if geo.place(idx).is_some_and(|p| p.kind != warta_geo::PlaceKind::City || p.population >= CITY_ANYWHERE_POPULATION) {
                add(name, Kind::Place(idx), Some(Case::Capitalised));
            }
        }
        let automaton = AhoCorasick::builder().match_kind(MatchKind::Standard).build(&phrases).expect("mention automaton");
        MentionFinder {
            automaton,
            entries,
            function_words: pack.general.function_words.iter().cloned().collect(),
        }
    }

    /// All dictionary mentions, longest first where they overlap, in text order. Linear in the document.
    pub fn find(&self, doc: &Doc) -> Vec<Mention> {
        // The stream " tok tok tok " with a map from stream byte offset to token index.
        let mut stream = String::with_capacity(doc.text.len() + doc.tokens.len() + 2);
        let mut starts = Vec::with_capacity(doc.tokens.len());
        stream.push(' ');
        for t in &doc.tokens {
            starts.push(stream.len());
            stream.push_str(&t.lower);
            stream.push(' ');
        }
        let token_at = |byte: usize| starts.partition_point(|&s| s < byte);
        let mut found: Vec<Mention> = Vec::new();
        for m in self.automaton.find_overlapping_iter(&stream) {
            let start = token_at(m.start() + 1);
            let end = token_at(m.end());
            if start >= end || start >= doc.tokens.len() {
                continue;
            }
            // A phrase must stay inside one sentence.
            if doc.sentence_of(start) != doc.sentence_of(end - 1) {
                continue;
            }
            for e in &self.entries[m.pattern().as_usize()] {
                if self.case_ok(doc, start, end, e) {
                    found.push(Mention { start, end, kind: e.kind.clone() });
                }
            }
        }
        // Longest first, then keep non-overlapping ones; ties keep pack order (country before place).
        found.sort_by_key(|m| (std::cmp::Reverse(m.end - m.start), m.start));
        let mut taken = vec![false; doc.tokens.len()];
        let mut kept: std::collections::HashMap<(usize, usize), std::mem::Discriminant<Kind>> = std::collections::HashMap::new();
        let mut out = Vec::new();
        for m in found {
            if (m.start..m.end).any(|i| taken[i]) {
                // The same span may carry a second meaning (a role word that is also an org head).
                if let Some(prev) = kept.get(&(m.start, m.end)) {
                    if *prev != std::mem::discriminant(&m.kind) && matches!(m.kind, Kind::OrgHead | Kind::PlaceHead | Kind::Direction(_)) {
                        out.push(m);
                    }
                }
                continue;
            }
            kept.insert((m.start, m.end), std::mem::discriminant(&m.kind));
            for i in m.start..m.end {
                taken[i] = true;
            }
            out.push(m);
        }
        out.sort_by_key(|m| (m.start, m.end));
        // An organisation named right before a party is the party's organ ("DPD Partai Demokrat" is its
        // regional board, not the regional senate): the party is the actor. The parties' starts go in a set,
        // so each organisation looks its neighbour up in one step rather than searching all mentions.
        let party = |m: &Mention| matches!(&m.kind, Kind::Org { code, .. } if code.ends_with("PTY"));
        let parties: std::collections::HashSet<usize> = out.iter().filter(|m| party(m)).map(|m| m.start).collect();
        out.retain(|m| !(matches!(m.kind, Kind::Org { .. }) && !party(m) && parties.contains(&m.end)));
        // A city name glued to another capitalised word is part of a name ("Vladimir Putin").
        let capital_word = |i: usize| doc.tokens[i].kind == TokenKind::Word && doc.is_capitalised(i);
        out.retain(|m| {
            !matches!(m.kind, Kind::Place(_))
                || !(m.start > 0 && doc.sentence_of(m.start - 1) == doc.sentence_of(m.start) && capital_word(m.start - 1) && !self.starts_sentence(doc, m.start - 1))
                    && !(m.end < doc.tokens.len() && doc.sentence_of(m.end) == doc.sentence_of(m.start) && capital_word(m.end))
        });
        out
    }

    fn starts_sentence(&self, doc: &Doc, i: usize) -> bool {
        doc.sentences[doc.sentence_of(i)].tokens.start == i && self.function_words.contains(&doc.tokens[i].lower)
    }

    fn case_ok(&self, doc: &Doc, start: usize, end: usize, e: &Entry) -> bool {
        match e.case {
            Case::Any => true,
            Case::Capitalised => doc.is_capitalised(start),
            Case::Exact => (start..end).zip(&e.original).all(|(i, o)| doc.token_text(i) == o),
        }
    }

    pub fn is_function_word(&self, lower: &str) -> bool {
        self.function_words.contains(lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{extractor, indonesian};

    fn kinds(text: &str, st: &crate::LanguageStages) -> Vec<(String, Kind)> {
        let doc = warta_text::segment(text, &st.abbreviations);
        st.mentions.find(&doc).into_iter().map(|m| (doc.span_text(m.start, m.end).to_string(), m.kind)).collect()
    }

    #[test]
    fn cldr_names_in_the_pack_language_and_english() {
        let k = kinds("Tiongkok, Korea Utara, Selandia Baru dan North Korea.", indonesian());
        assert!(k.contains(&("Tiongkok".into(), Kind::Country("CHN".into()))), "{k:?}");
        assert!(k.contains(&("Korea Utara".into(), Kind::Country("PRK".into()))));
        assert!(k.contains(&("Selandia Baru".into(), Kind::Country("NZL".into()))));
        assert!(k.contains(&("North Korea".into(), Kind::Country("PRK".into()))), "English CLDR names too");
    }

    #[test]
    fn a_party_s_organ_is_the_party() {
        let k = kinds("Ketua DPD Partai Demokrat Bali hadir. Anggota DPD dari Bali menolak.", indonesian());
        let dpd: Vec<_> = k.iter().filter(|(t, _)| t == "DPD").collect();
        assert_eq!(dpd.len(), 1, "only the senate's DPD remains: {k:?}");
        assert!(k.iter().any(|(t, kind)| t == "Partai Demokrat" && matches!(kind, Kind::Org { code, .. } if code == "IDNPTY")), "{k:?}");
    }

    #[test]
    fn longest_match_wins_and_acronyms_keep_their_case() {
        let k = kinds("Menteri Luar Negeri AS tiba. Ia datang sebagai as tim.", indonesian());
        assert_eq!(k[0], ("Menteri Luar Negeri".into(), Kind::Role { sector: "GOV".into(), titles_person: true }));
        assert_eq!(k[1], ("AS".into(), Kind::Country("USA".into())));
        assert!(!k.iter().any(|(t, _)| t == "as"));
    }

    #[test]
    fn towns_named_like_function_words_are_not_matched() {
        // Ås (Norway) folds to "As": in English it opens sentences.
        let k = kinds("As the war dragged on, Russia attacked.", &extractor().stages["en"]);
        assert!(!k.iter().any(|(t, _)| t == "As"), "{k:?}");
        assert!(k.iter().any(|(t, kind)| t == "Russia" && *kind == Kind::Country("RUS".into())), "{k:?}");
    }

    #[test]
    fn organisations_and_metonyms() {
        let k = kinds("KTT NATO di Washington membahas PBB.", indonesian());
        assert!(k.iter().any(|(t, kind)| t == "NATO" && matches!(kind, Kind::Org { code, .. } if code == "IGOWSTNAT")));
        assert!(k.iter().any(|(t, kind)| t == "Washington" && matches!(kind, Kind::Metonym { code, .. } if code == "USAGOV")));
        assert!(k.iter().any(|(t, kind)| t == "KTT" && *kind == Kind::NotName));
    }

    #[test]
    fn english_linker_and_demonym() {
        let en = &extractor().stages["en"];
        let k = kinds("Russia's defence minister met Russian troops.", en);
        assert!(k.contains(&("'s".into(), Kind::Linker)), "{k:?}");
        assert!(k.contains(&("Russian".into(), Kind::Country("RUS".into()))));
    }
}
