//! Language packs: everything Warta knows about one language, read from the data folder `lang/<code>/`
//! and compiled into the binary.
//!
//! A pack is plain TOML, split by topic (`pack.toml`, `actors.toml`, `events.toml`, `speech.toml`,
//! `modality.toml`, `time.toml`, `morphology.toml`). The engine never names a language: it asks a pack for
//! words and patterns. Adding a language means adding a folder; `build.rs` embeds every folder it finds.

mod morphology;
pub mod time;

use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

pub use morphology::{Form, Morphology};
pub use time::TimeWords;

include!(concat!(env!("OUT_DIR"), "/packs.rs"));

/// General facts about a language: what to call it, how to detect it and how its text is written.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct General {
    /// ISO 639-1 code; must equal the folder name.
    pub code: String,
    pub name: String,
    /// Other ISO 639-1 codes this pack also handles, e.g. Malay by the Indonesian pack.
    #[serde(default)]
    pub also_handles: Vec<String>,
    /// Lower-cased words after which a period does not end a sentence.
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Lower-cased words that are never part of a name even when capitalised (sentence-initial capitals).
    #[serde(default)]
    pub function_words: Vec<String>,
    /// Titles that precede a person's name ("Bapak", "Dr.").
    #[serde(default)]
    pub honorifics: Vec<String>,
    /// Lower-case particles allowed inside a name ("bin", "van", "al").
    #[serde(default)]
    pub name_particles: Vec<String>,
}

/// A country alias or organisation entry.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct OrgEntry {
    pub names: Vec<String>,
    /// CAMEO actor code, e.g. `IGOWSTNAT`, `CHNPTY`.
    pub code: String,
    /// ISO alpha-3 country, when the body belongs to one.
    #[serde(default)]
    pub country: Option<String>,
    /// Entity label: ORG (default) or LOC.
    #[serde(default)]
    pub label: Option<String>,
}

/// Words for a role that gives an actor its sector ("Presiden" → GOV).
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct RoleEntry {
    pub words: Vec<String>,
    pub sector: String,
    /// Whether the role usually precedes a person's name ("Presiden X"); group nouns ("tentara") do not.
    #[serde(default)]
    pub titles_person: bool,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Actors {
    /// Name or alias → ISO alpha-3, beyond the CLDR display names the engine reads itself.
    /// All-capital aliases ("AS") match only in capitals.
    #[serde(default)]
    pub countries: BTreeMap<String, String>,
    /// Words that name a country's people or government as an adjective ("Russian" → RUS).
    #[serde(default)]
    pub demonyms: BTreeMap<String, String>,
    /// Places that stand for a government in political sentences ("Kremlin" → RUSGOV).
    #[serde(default)]
    pub metonyms: BTreeMap<String, String>,
    #[serde(default)]
    pub roles: Vec<RoleEntry>,
    #[serde(default)]
    pub organisations: Vec<OrgEntry>,
    /// Phrases that refer back to the last two countries named ("kedua negara").
    #[serde(default)]
    pub pair_anaphora: Vec<String>,
    /// First-person pronouns: inside a quote they stand for the speaker.
    #[serde(default)]
    pub first_person: Vec<String>,
    /// Words that introduce a place ("di", "in"); a capitalised name after them is a place.
    #[serde(default)]
    pub place_prepositions: Vec<String>,
    /// Words before a place name that say what kind of place follows ("wilayah", "Kota").
    #[serde(default)]
    pub place_heads: Vec<String>,
    /// Motion and visit words ("to", "visited"): a city or capital after them is a place; a country is not,
    /// being as often a recipient as a destination.
    #[serde(default)]
    pub place_motion: Vec<String>,
    /// Words right after a name that make it a first-level region ("Washington state").
    #[serde(default)]
    pub region_markers: Vec<String>,
    /// Compass words after (Indonesian) or before (English) a country name: word → direction.
    #[serde(default)]
    pub directions: BTreeMap<String, String>,
    /// Words that head organisation names ("Partai", "Kementerian").
    #[serde(default)]
    pub org_heads: Vec<String>,
    /// Words that may join a holder to its role ("Russia's defence minister").
    #[serde(default)]
    pub linkers: Vec<String>,
    /// Capitalised words that are never actors or names on their own ("KTT").
    #[serde(default)]
    pub not_names: Vec<String>,
}

/// What the name tagger needs to label capitalised spans as persons, organisations and places
/// (`names.toml`). Every list is lower-case; phrases of up to three words are allowed where noted.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// Titles and ranks before a person's name that are not part of it ("Bapak", "Komjen"); phrases.
    #[serde(default)]
    pub person_titles: Vec<String>,
    /// Titles that are part of the name and make a person of it ("Gus", "Raden").
    #[serde(default)]
    pub name_titles: Vec<String>,
    /// Lower-case particles inside a person's name ("bin", "van").
    #[serde(default)]
    pub particles: Vec<String>,
    /// Lower-case words joining the parts of an organisation or place name ("dan", "of").
    #[serde(default)]
    pub connectors: Vec<String>,
    /// Words just before a name that make it a person ("kata", "penyanyi"); phrases.
    #[serde(default)]
    pub person_cues: Vec<String>,
    /// Words just before a name that make it an organisation ("klub", "partai"); phrases.
    #[serde(default)]
    pub org_cues: Vec<String>,
    /// Verbs just before a name whose object can only be an organisation ("mendirikan", founded); phrases.
    /// Kept apart from `org_cues`, which also classify a name after a copula.
    #[serde(default)]
    pub org_verbs: Vec<String>,
    /// Verbs just after a name whose subject can only be an organisation ("bubar", disbanded).
    #[serde(default)]
    pub org_predicates: Vec<String>,
    /// First words of organisation names, beyond `actors.org_heads`; phrases.
    #[serde(default)]
    pub org_heads: Vec<String>,
    /// Last words of organisation names ("FC", "Tbk").
    #[serde(default)]
    pub org_suffixes: Vec<String>,
    /// First words of place names, beyond `actors.place_heads`; phrases. Also taken into the span when
    /// written in lower case just before a name ("kota Bandung").
    #[serde(default)]
    pub place_heads: Vec<String>,
    /// Last words of place names ("City", "River").
    #[serde(default)]
    pub place_suffixes: Vec<String>,
    /// Place heads that, in lower case just before a name, belong to it ("kota Bandung"); phrases.
    #[serde(default)]
    pub inclusive_heads: Vec<String>,
    /// Words just before a name that make it a place, beyond `actors.place_prepositions`; phrases.
    #[serde(default)]
    pub place_cues: Vec<String>,
    /// Capitalised words that close a place name ("Jakarta Pusat", "Jawa Tengah").
    #[serde(default)]
    pub place_directions: Vec<String>,
    /// Common words that are capitalised only because they open a sentence or a title.
    #[serde(default)]
    pub common_words: Vec<String>,
    /// Capitalised words never a name on their own that end a name run outside headed names ("Rp",
    /// "Pemilu"); phrases.
    #[serde(default)]
    pub not_names: Vec<String>,
    /// First words of names of events, awards, documents and works, which are no entity ("Piala"); phrases.
    #[serde(default)]
    pub misc_heads: Vec<String>,
    /// Words just before a name that make it a work, product or the like, no entity ("film", "pesawat").
    #[serde(default)]
    pub misc_cues: Vec<String>,
    /// Last words of such names ("Award", "Cup").
    #[serde(default)]
    pub misc_suffixes: Vec<String>,
    /// Heads of a building that, before a place's head, only say where: "Kantor Kecamatan Talang" is the
    /// district's office, and the name is the district's.
    #[serde(default)]
    pub generic_heads: Vec<String>,
    /// Articles written in lower case before a name that keeps them ("the Financial Times").
    #[serde(default)]
    pub name_articles: Vec<String>,
    /// Words of going before a name: a place unless the name is a personal name ("ke Wirasaba").
    #[serde(default)]
    pub motion_cues: Vec<String>,
    /// Words before a quoted name that make it a character's or a nickname (sebagai "Sara").
    #[serde(default)]
    pub role_cues: Vec<String>,
    /// Words before an ordinal in Roman numerals ("ke VIII"), which is then no part of a name.
    #[serde(default)]
    pub ordinal_markers: Vec<String>,
    /// Endings of scientific names of species ("-saurus"): such a word is no entity.
    #[serde(default)]
    pub taxon_endings: Vec<String>,
    /// Words written capitalised in titles of works and brands but never inside a person's name ("Born
    /// This Way", "League of Cats").
    #[serde(default)]
    pub title_words: Vec<String>,
    /// Copulas: a name followed by one and a noun is what the noun says ("X adalah sebuah desa").
    #[serde(default)]
    pub copulas: Vec<String>,
    /// Classifiers before that noun; those for people make the name a person ("seorang").
    #[serde(default)]
    pub person_classifiers: Vec<String>,
    #[serde(default)]
    pub thing_classifiers: Vec<String>,
    /// Words closing a person's name, after it or after a comma: generations and degrees ("Jr", "SH").
    #[serde(default)]
    pub name_suffixes: Vec<String>,
    #[serde(default)]
    pub generation_suffixes: Vec<String>,
    /// Verbal prefixes: a long sentence-initial word with one, followed by a lower-case non-verb, is a verb.
    #[serde(default)]
    pub verbal_prefixes: Vec<String>,
    /// Capitalised adjectives (religion, people) that are part of names but never names alone.
    #[serde(default)]
    pub proper_adjectives: Vec<String>,
    /// Surname prefixes before an inner capital ("McCain"), which then does not mark a brand name.
    #[serde(default)]
    pub surname_prefixes: Vec<String>,
    /// Places the gazetteer lacks (continents, world regions, islands); phrases.
    #[serde(default)]
    pub known_places: Vec<String>,
    /// Words after which a country name describes (a people, a currency) rather than names a place.
    #[serde(default)]
    pub attributive_words: Vec<String>,
    /// Auxiliaries that, right after a country name, make it the acting subject rather than a place.
    #[serde(default)]
    pub subject_markers: Vec<String>,
    /// Words before a country that make it a party to the action, not a place ("oleh Israel").
    #[serde(default)]
    pub agent_cues: Vec<String>,
    /// Prefixes of passive verbs: a country right after one is the agent ("dilancarkan Israel").
    #[serde(default)]
    pub passive_prefixes: Vec<String>,
    /// The country whose smaller towns the tagger takes for places without a cue (ISO alpha-3).
    #[serde(default)]
    pub home_country: Option<String>,
    /// Prefixes of verbs: a sentence-initial capitalised word followed by such a word is a subject.
    #[serde(default)]
    pub verb_prefixes: Vec<String>,
    /// Clitics that end only common words ("-nya").
    #[serde(default)]
    pub clitics: Vec<String>,
    /// Endings that look like a clitic but end names ("-llah": Abdullah, Fanshurullah).
    #[serde(default)]
    pub name_endings: Vec<String>,
    /// A word with one of these prefixes and one of `derived_suffixes` is a derived common word.
    #[serde(default)]
    pub derived_prefixes: Vec<String>,
    #[serde(default)]
    pub derived_suffixes: Vec<String>,
}

/// One event trigger: patterns that evidence a CAMEO code.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    /// Stable id, unique within the pack; the emitted rule id is `<lang>.<id>`.
    pub id: String,
    /// CAMEO event code as a string (leading zeros kept).
    pub cameo: String,
    /// Pattern strings; see `pattern` for the syntax.
    pub patterns: Vec<String>,
    /// The target must follow the trigger directly (after at most a target marker).
    #[serde(default)]
    pub target_adjacent: bool,
    /// Both parties act on each other (sign, meet): with no explicit target, the other party is taken.
    #[serde(default)]
    pub reciprocal: bool,
    /// The head reads as passive whatever its affixes ("mendapat serangan": the subject is attacked).
    #[serde(default)]
    pub passive: bool,
    /// The event needs a target actor to be emitted.
    #[serde(default)]
    pub needs_target: bool,
    /// More specific codes chosen when one of the words occurs within the clause after the trigger.
    #[serde(default)]
    pub refine: Vec<Refinement>,
}

#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct Refinement {
    pub words: Vec<String>,
    pub cameo: String,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Events {
    /// Words after which the agent of a passive or nominal trigger follows ("oleh", "dari").
    #[serde(default)]
    pub agent_markers: Vec<String>,
    /// Agent markers that only ever introduce an agent ("oleh", "by"), unlike "dari" (also "from a place").
    #[serde(default)]
    pub by_markers: Vec<String>,
    /// Words after which the target follows ("terhadap", "kepada").
    #[serde(default)]
    pub target_markers: Vec<String>,
    /// Words that join actors into one argument ("dan").
    #[serde(default)]
    pub coordinators: Vec<String>,
    /// Words that close a clause: arguments are not sought across them.
    #[serde(default)]
    pub clause_breaks: Vec<String>,
    /// Words that, in reported content, mark blame (aggression, crimes): turning a report into an accusation.
    #[serde(default)]
    pub blame_words: Vec<String>,
    /// Words before a nominal trigger that make it background ("sebelum pertemuan"), not a new report.
    #[serde(default)]
    pub background_markers: Vec<String>,
    #[serde(default, rename = "trigger")]
    pub triggers: Vec<Trigger>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Speech {
    /// Reporting verbs in their surface forms ("mengatakan", "kata").
    pub verbs: Vec<String>,
    /// Reporting verbs that follow a quote and precede the speaker ("kata X", "ujar X").
    #[serde(default)]
    pub inverted: Vec<String>,
    /// Words that open indirect speech after a reporting verb ("bahwa").
    #[serde(default)]
    pub complementizers: Vec<String>,
    /// Phrases meaning "according to" that put the speaker after them.
    #[serde(default)]
    pub according_to: Vec<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Modality {
    #[serde(default)]
    pub future: Vec<String>,
    #[serde(default)]
    pub conditional: Vec<String>,
    #[serde(default)]
    pub negated: Vec<String>,
    #[serde(default)]
    pub speculative: Vec<String>,
    /// How many tokens before the trigger a marker may stand.
    #[serde(default = "default_window")]
    pub window: usize,
}

fn default_window() -> usize {
    4
}

/// A whole language pack.
#[derive(Debug, Default)]
pub struct Pack {
    pub general: General,
    pub actors: Actors,
    pub events: Events,
    pub speech: Speech,
    pub modality: Modality,
    pub time: TimeWords,
    pub morphology: Morphology,
    pub names: Names,
    /// Frequent words of the language (`lexicon.txt`, optional), lower-cased.
    pub lexicon: Vec<String>,
    /// The frequent words a dictionary confirms as the language's own (`vocabulary.txt`, optional):
    /// unlike the lexicon, free of public figures' names, brands and borrowings.
    pub vocabulary: Vec<String>,
}

/// A pack that failed to load: which file and why.
#[derive(Debug)]
pub struct PackError {
    pub lang: String,
    pub file: String,
    pub message: String,
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "lang/{}/{}: {}", self.lang, self.file, self.message)
    }
}

impl std::error::Error for PackError {}

/// One lower-cased word per line; `#` starts a comment line.
fn word_list(text: &str) -> Vec<String> {
    text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).map(|l| l.trim().to_lowercase()).collect()
}

impl Pack {
    /// Codes of the packs compiled in.
    pub fn available() -> Vec<&'static str> {
        EMBEDDED.iter().map(|(c, _)| *c).collect()
    }

    /// Loads an embedded pack by its code.
    pub fn embedded(code: &str) -> Result<Pack, PackError> {
        let (lang, files) = EMBEDDED
            .iter()
            .find(|(c, _)| *c == code)
            .ok_or_else(|| PackError { lang: code.into(), file: String::new(), message: "no such language pack".into() })?;
        Self::from_files(lang, files.iter().map(|(n, s)| (*n, *s)))
    }

    /// Builds a pack from (file name, TOML text) pairs; unknown files are an error so typos surface.
    pub fn from_files<'a>(lang: &str, files: impl Iterator<Item = (&'a str, &'a str)>) -> Result<Pack, PackError> {
        let mut pack = Pack::default();
        for (name, text) in files {
            let err = |message: String| PackError { lang: lang.into(), file: name.into(), message };
            match name {
                "pack.toml" => pack.general = toml::from_str(text).map_err(|e| err(e.to_string()))?,
                "actors.toml" => pack.actors = toml::from_str(text).map_err(|e| err(e.to_string()))?,
                "events.toml" => pack.events = toml::from_str(text).map_err(|e| err(e.to_string()))?,
                "speech.toml" => pack.speech = toml::from_str(text).map_err(|e| err(e.to_string()))?,
                "modality.toml" => pack.modality = toml::from_str(text).map_err(|e| err(e.to_string()))?,
                "time.toml" => pack.time = toml::from_str(text).map_err(|e| err(e.to_string()))?,
                "morphology.toml" => pack.morphology = toml::from_str(text).map_err(|e| err(e.to_string()))?,
                "names.toml" => pack.names = toml::from_str(text).map_err(|e| err(e.to_string()))?,
                "lexicon.txt" => pack.lexicon = word_list(text),
                "vocabulary.txt" => pack.vocabulary = word_list(text),
                other => return Err(err(format!("unknown pack file {other}"))),
            }
        }
        if pack.general.code != lang {
            return Err(PackError { lang: lang.into(), file: "pack.toml".into(), message: format!("code {:?} differs from folder name", pack.general.code) });
        }
        pack.validate().map_err(|message| PackError { lang: lang.into(), file: "events.toml".into(), message })?;
        Ok(pack)
    }

    fn validate(&self) -> Result<(), String> {
        let mut ids = HashSet::new();
        for t in &self.events.triggers {
            if !ids.insert(t.id.as_str()) {
                return Err(format!("trigger id {} is used twice", t.id));
            }
            if t.patterns.is_empty() {
                return Err(format!("trigger {} has no pattern", t.id));
            }
            for p in &t.patterns {
                pattern::parse(p).map_err(|e| format!("trigger {}: pattern {p:?}: {e}", t.id))?;
            }
            let digits = |c: &str| (2..=4).contains(&c.len()) && c.chars().all(|x| x.is_ascii_digit());
            if !digits(&t.cameo) || t.refine.iter().any(|r| !digits(&r.cameo)) {
                return Err(format!("trigger {} has a malformed CAMEO code", t.id));
            }
        }
        Ok(())
    }
}

pub mod pattern {
    //! Trigger pattern syntax, one element per space-separated item:
    //! `word` matches that word (case-insensitive); `@root` matches any affixed form of the root;
    //! `[a|@b|c]` matches any alternative; `...` skips up to four tokens; a leading `?` makes an element
    //! optional; a leading `!` marks the head. The head (by default the first element) is the trigger
    //! word reported as evidence, and its form (active, passive, nominal) decides where arguments are.

    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Atom {
        Word(String),
        Root(String),
    }

    #[derive(Debug, Clone, PartialEq, Eq)]
    pub enum Element {
        /// Alternatives, each a sequence of one or more atoms (`[kapal perang|jet]`).
        Any { alternatives: Vec<Vec<Atom>>, optional: bool },
        Gap(usize),
    }

    /// Splits on whitespace outside brackets, so an alternative may hold several words.
    fn items(p: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut cur = String::new();
        let mut depth = 0i32;
        for c in p.chars() {
            match c {
                '[' => depth += 1,
                ']' => depth -= 1,
                _ => {}
            }
            if c.is_whitespace() && depth == 0 {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            } else {
                cur.push(c);
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        out
    }

    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Pattern {
        pub elements: Vec<Element>,
        /// Index into `elements` of the head.
        pub head: usize,
    }

    pub fn parse(p: &str) -> Result<Pattern, String> {
        let mut elements = Vec::new();
        let mut head = None;
        for item in items(p) {
            let item = item.as_str();
            if item == "..." {
                elements.push(Element::Gap(4));
                continue;
            }
            let item = match item.strip_prefix('!') {
                Some(rest) if head.is_none() => {
                    head = Some(elements.len());
                    rest
                }
                Some(_) => return Err("more than one head".into()),
                None => item,
            };
            let (optional, item) = match item.strip_prefix('?') {
                Some(rest) => (true, rest),
                None => (false, item),
            };
            let inner = match (item.strip_prefix('['), item.ends_with(']')) {
                (Some(rest), true) => &rest[..rest.len() - 1],
                (None, false) => item,
                _ => return Err(format!("unbalanced brackets in {item:?}")),
            };
            let mut alternatives = Vec::new();
            for alt in inner.split('|') {
                let atoms = alt
                    .split_whitespace()
                    .map(|a| match a.strip_prefix('@') {
                        Some(r) if !r.is_empty() => Ok(Atom::Root(r.to_lowercase())),
                        None if !a.contains(['[', ']']) => Ok(Atom::Word(a.to_lowercase())),
                        _ => Err(format!("malformed word {a:?} in {item:?}")),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                if atoms.is_empty() {
                    return Err(format!("empty alternative in {item:?}"));
                }
                alternatives.push(atoms);
            }
            elements.push(Element::Any { alternatives, optional });
        }
        match elements.first() {
            None => return Err("empty pattern".into()),
            Some(Element::Gap(_)) | Some(Element::Any { optional: true, .. }) => return Err("a pattern must start with a required word".into()),
            _ if matches!(elements.last(), Some(Element::Gap(_))) => return Err("a pattern cannot end with a gap".into()),
            _ => {}
        }
        let head = head.unwrap_or(0);
        if matches!(elements[head], Element::Any { optional: true, .. }) {
            return Err("the head cannot be optional".into());
        }
        Ok(Pattern { elements, head })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_pack_loads_and_is_complete() {
        assert!(Pack::available().contains(&"id"));
        for code in Pack::available() {
            let pack = Pack::embedded(code).unwrap_or_else(|e| panic!("{e}"));
            assert!(!pack.speech.verbs.is_empty(), "{code}: no reporting verbs");
            assert!(!pack.time.months.is_empty(), "{code}: no month names");
            assert_eq!(pack.time.weekdays.len(), 7, "{code}: weekdays");
            assert!(!pack.actors.roles.is_empty(), "{code}: no roles");
        }
    }

    #[test]
    fn pattern_syntax() {
        use pattern::*;
        let p = parse("@tanda ... [perjanjian|@sepakat] ?resmi").unwrap();
        assert_eq!(p.elements.len(), 4);
        assert_eq!(p.head, 0);
        assert_eq!(p.elements[1], Element::Gap(4));
        assert!(matches!(&p.elements[3], Element::Any { optional: true, .. }));
        assert_eq!(parse("[@dapat|menerima] !serangan").unwrap().head, 1);
        assert!(parse("!a !b").is_err());
        let p = parse("mengirim [kapal perang|jet]").unwrap();
        assert!(matches!(&p.elements[1], Element::Any { alternatives, .. } if alternatives[0].len() == 2));
        assert!(parse("... x").is_err());
        assert!(parse("[a|b").is_err());
        assert!(parse("a ...").is_err());
        assert!(parse("a [|b]").is_err());
    }

    #[test]
    fn bad_pack_files_are_named() {
        let e = Pack::from_files("xx", [("pack.toml", "code = 'xx'\nname = 1")].into_iter()).unwrap_err();
        assert!(e.to_string().starts_with("lang/xx/pack.toml"), "{e}");
        let e = Pack::from_files("xx", [("pack.toml", "code='xx'\nname='X'"), ("events.toml", "[[trigger]]\nid='a'\ncameo='19x'\npatterns=['a']")].into_iter()).unwrap_err();
        assert!(e.to_string().contains("malformed CAMEO"), "{e}");
    }
}
