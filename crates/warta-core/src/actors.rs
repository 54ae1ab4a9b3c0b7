//! Actors: joins adjacent mentions into actor phrases and gives each a CAMEO-style code.
//!
//! "Presiden Rusia Vladimir Putin" is role + country + name → `RUSGOV` named Vladimir Putin;
//! "Park Jin-kyeong, warga negara Korea Selatan" is a name with an appositive role → `KORCVL`.
//! A later short name ("Putin") takes the code of the earlier full one; "kedua negara" takes the last two
//! countries named; first-person pronouns are filled in later from the speaker of their quote.

use crate::mentions::{Kind, Mention};
use crate::model::Actor;
use std::collections::HashMap;
use warta_text::Doc;

/// One actor phrase in the text.
#[derive(Debug, Clone)]
pub struct ActorSpan {
    /// Token range of the whole phrase.
    pub start: usize,
    pub end: usize,
    /// What it stands for; several for "kedua negara", none for an unknown name.
    pub actors: Vec<Actor>,
    /// Token range of a person's name inside the phrase.
    pub person: Option<(usize, usize)>,
    /// Token range of an organisation name inside the phrase.
    pub org: Option<(usize, usize)>,
    pub first_person: bool,
    /// "kedua negara": stands for the last two countries named.
    pub pair: bool,
    /// The phrase is a bare country or place name (no role), so it may be a location rather than an actor.
    pub bare_place: bool,
    /// A role word without a country, organisation or name ("polisi").
    pub generic: bool,
    /// A titled name with no country anywhere in the article ("President Abdelaziz Bouteflika") still acts
    /// in its role: the sector alone, used when name resolution finds nothing better.
    pub role_only: Option<Actor>,
}

#[derive(Default)]
struct Parts {
    sector: Option<String>,
    titles_person: bool,
    country: Option<String>,
    org: Option<(String, Option<String>, usize, usize)>,
    metonym: Option<(String, String)>,
    name: Option<(usize, usize)>,
    pair: bool,
    first_person: bool,
    /// A linker ("'s") was absorbed and still waits for its role.
    linked: bool,
}

/// A component: a dictionary mention or a capitalised name span.
#[derive(Debug, Clone)]
enum Part {
    M(Mention),
    Name(usize, usize),
}

impl Part {
    fn range(&self) -> (usize, usize) {
        match self {
            Part::M(m) => (m.start, m.end),
            Part::Name(a, b) => (*a, *b),
        }
    }
}

/// Builds actor phrases for a whole document.
pub fn find_actors(doc: &Doc, mentions: &[Mention], names: &[(usize, usize)]) -> Vec<ActorSpan> {
    let mut parts: Vec<Part> = mentions
        .iter()
        .filter(|m| matches!(m.kind, Kind::Country(_) | Kind::Metonym { .. } | Kind::Org { .. } | Kind::Role { .. } | Kind::PairAnaphor | Kind::FirstPerson | Kind::Linker))
        .cloned()
        .map(Part::M)
        .chain(names.iter().map(|&(a, b)| Part::Name(a, b)))
        .collect();
    parts.sort_by_key(|p| p.range());

    let mut spans = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        if matches!(&parts[i], Part::M(Mention { kind: Kind::Linker, .. })) {
            i += 1;
            continue;
        }
        let (start, mut end) = parts[i].range();
        let mut p = Parts::default();
        absorb(&mut p, &parts[i]);
        let mut j = i + 1;
        while j < parts.len() {
            let (a, b) = parts[j].range();
            if a != end || doc.sentence_of(a) != doc.sentence_of(start) || !accepts(&p, &parts[j]) {
                break;
            }
            absorb(&mut p, &parts[j]);
            end = b;
            j += 1;
        }
        // A linker with no role after it is not part of the phrase ("Russia's attack").
        if p.linked && p.sector.is_none() {
            end -= 1;
            p.linked = false;
        }
        // Appositive: "Name, role country".
        if p.name.is_some() && p.sector.is_none() && p.country.is_none() && p.org.is_none() && j < parts.len() && doc.tokens.get(end).is_some_and(|t| t.lower == ",") {
            if let Part::M(Mention { kind: Kind::Role { .. }, start: rs, .. }) = &parts[j] {
                if *rs == end + 1 {
                    let mut k = j;
                    let mut e = end;
                    let mut q = Parts { name: p.name, ..Default::default() };
                    while k < parts.len() && parts[k].range().0 == if k == j { end + 1 } else { e } && (k == j || accepts_after_role(&q, &parts[k])) {
                        absorb(&mut q, &parts[k]);
                        e = parts[k].range().1;
                        k += 1;
                    }
                    if q.country.is_some() || q.org.is_some() {
                        p = q;
                        end = e;
                        j = k;
                    }
                }
            }
        }
        spans.push(build(doc, start, end, &p));
        i = j;
    }
    resolve_names(doc, &mut spans);
    for s in spans.iter_mut().filter(|s| s.actors.is_empty()) {
        s.actors.extend(s.role_only.take());
    }
    resolve_pairs(doc, &mut spans);
    spans
}

/// The phrase grammar. Indonesian puts the role first ("Presiden Rusia Vladimir Putin"), English the
/// holder first ("Russian President Vladimir Putin", "Russia's defence minister"); both are accepted.
fn accepts(p: &Parts, next: &Part) -> bool {
    let has_holder = p.country.is_some() || p.org.is_some() || p.metonym.is_some();
    match next {
        Part::M(m) => match &m.kind {
            Kind::Linker => has_holder && p.sector.is_none() && p.name.is_none() && !p.linked,
            Kind::Role { .. } => p.name.is_none() && (p.sector.is_some() && !has_holder || has_holder && p.sector.is_none()),
            Kind::Country(_) | Kind::Org { .. } | Kind::Metonym { .. } => p.sector.is_some() && !has_holder && p.name.is_none(),
            _ => false,
        },
        Part::Name(..) => p.sector.is_some() && p.titles_person && p.name.is_none(),
    }
}

fn accepts_after_role(p: &Parts, next: &Part) -> bool {
    matches!(next, Part::M(Mention { kind: Kind::Country(_) | Kind::Org { .. }, .. })) && p.country.is_none() && p.org.is_none()
}

fn absorb(p: &mut Parts, part: &Part) {
    match part {
        Part::Name(a, b) => p.name = Some((*a, *b)),
        Part::M(m) => match &m.kind {
            Kind::Role { sector, titles_person } => {
                // "Sekretaris Jenderal" after "Wakil" keeps the first sector; the last title decides naming.
                p.sector.get_or_insert_with(|| sector.clone());
                p.titles_person = *titles_person;
            }
            Kind::Country(c) => p.country = Some(c.clone()),
            Kind::Org { code, country, .. } => p.org = Some((code.clone(), country.clone(), m.start, m.end)),
            Kind::Metonym { code, country } => p.metonym = Some((code.clone(), country.clone())),
            Kind::PairAnaphor => p.pair = true,
            Kind::FirstPerson => p.first_person = true,
            Kind::Linker => p.linked = true,
            _ => {}
        },
    }
}

fn build(doc: &Doc, start: usize, end: usize, p: &Parts) -> ActorSpan {
    let text = doc.span_text(start, end).to_string();
    let name = p.name.map(|(a, b)| doc.span_text(a, b).to_string());
    let mut actors = Vec::new();
    if let Some((code, country, ..)) = &p.org {
        actors.push(Actor { text: text.clone(), code: code.clone(), country: country.clone(), name: name.clone() });
    } else if let Some(c) = &p.country {
        let code = format!("{c}{}", p.sector.as_deref().unwrap_or(""));
        actors.push(Actor { text: text.clone(), code, country: Some(c.clone()), name: name.clone() });
    } else if let Some((code, country)) = &p.metonym {
        // A bare capital is a government only when it acts; the event coder decides, so keep the code.
        let code = if p.sector.is_some() { format!("{country}{}", p.sector.as_deref().unwrap_or("")) } else { code.clone() };
        actors.push(Actor { text: text.clone(), code, country: Some(country.clone()), name: name.clone() });
    } else if let (Some(sector), false) = (&p.sector, p.titles_person) {
        if p.name.is_none() {
            actors.push(Actor { text: text.clone(), code: sector.clone(), country: None, name: None });
        }
    }
    let bare = p.sector.is_none() && p.name.is_none() && (p.country.is_some() || p.metonym.is_some());
    let role_only = match (&p.sector, &name) {
        (Some(sector), Some(n)) if actors.is_empty() => Some(Actor { text, code: sector.clone(), country: None, name: Some(n.clone()) }),
        _ => None,
    };
    ActorSpan {
        start,
        end,
        actors,
        person: p.name,
        org: p.org.as_ref().map(|(.., a, b)| (*a, *b)),
        first_person: p.first_person,
        pair: p.pair,
        bare_place: bare,
        generic: p.sector.is_some() && p.country.is_none() && p.org.is_none() && p.metonym.is_none() && p.name.is_none(),
        role_only,
    }
}

/// Gives short names the code of the full name seen earlier ("Putin" → Vladimir Putin, RUSGOV).
fn resolve_names(doc: &Doc, spans: &mut [ActorSpan]) {
    // Full names anywhere in the article count: a quote may name "Blinken" before the text says who he is.
    let mut known: HashMap<String, Actor> = HashMap::new();
    for s in spans.iter() {
        let (Some((a, b)), Some(actor)) = (s.person, s.actors.first()) else { continue };
        known.entry(doc.span_text(a, b).to_lowercase()).or_insert_with(|| actor.clone());
        for i in a..b {
            let t = &doc.tokens[i];
            if t.lower.chars().count() >= 3 && doc.is_capitalised(i) {
                known.entry(t.lower.clone()).or_insert_with(|| actor.clone());
            }
        }
    }
    for s in spans.iter_mut() {
        let Some((a, b)) = s.person else { continue };
        let full = doc.span_text(a, b).to_string();
        if s.actors.is_empty() {
            let key = full.to_lowercase();
            let last = doc.tokens[b - 1].lower.clone();
            if let Some(actor) = known.get(&key).or_else(|| if b - a == 1 { known.get(&last) } else { None }) {
                s.actors.push(Actor { text: full.clone(), code: actor.code.clone(), country: actor.country.clone(), name: actor.name.clone().or(Some(full)) });
            }
        }
    }
}

/// "kedua negara" stands for the last two distinct countries named before it.
fn resolve_pairs(doc: &Doc, spans: &mut [ActorSpan]) {
    let mut recent: Vec<Actor> = Vec::new();
    for s in spans.iter_mut() {
        if s.pair {
            if recent.len() >= 2 {
                let n = recent.len();
                s.actors = vec![recent[n - 2].clone(), recent[n - 1].clone()];
            }
            continue;
        }
        for a in &s.actors {
            if let Some(c) = &a.country {
                let bare = Actor { text: doc.span_text(s.start, s.end).to_string(), code: c.clone(), country: Some(c.clone()), name: None };
                recent.retain(|r| r.country != a.country);
                recent.push(bare);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::indonesian;

    /// Actor phrases of a text: (phrase text, codes, person name).
    fn actors(text: &str) -> Vec<(String, Vec<String>, Option<String>)> {
        let st = indonesian();
        let doc = warta_text::segment(text, &st.abbreviations);
        let mentions = st.mentions.find(&doc);
        let mut claimed = vec![false; doc.tokens.len()];
        for m in &mentions {
            claimed[m.start..m.end].iter_mut().for_each(|c| *c = true);
        }
        let names = crate::testing::name_spans(&doc, &mentions, &claimed);
        find_actors(&doc, &mentions, &names)
            .into_iter()
            .map(|s| (doc.span_text(s.start, s.end).to_string(), s.actors.iter().map(|a| a.code.clone()).collect(), s.person.map(|(a, b)| doc.span_text(a, b).to_string())))
            .collect()
    }

    fn code_of(text: &str, phrase: &str) -> Vec<String> {
        actors(text).into_iter().find(|(t, ..)| t == phrase).unwrap_or_else(|| panic!("no phrase {phrase:?} in {:?}", actors(text))).1
    }

    #[test]
    fn role_country_and_name_make_one_actor() {
        let a = actors("Presiden Rusia Vladimir Putin tiba di Pyongyang.");
        assert_eq!(a[0], ("Presiden Rusia Vladimir Putin".into(), vec!["RUSGOV".into()], Some("Vladimir Putin".into())));
        assert_eq!(code_of("Menteri Luar Negeri AS Antony Blinken berbicara.", "Menteri Luar Negeri AS Antony Blinken"), ["USAGOV"]);
        assert_eq!(code_of("Sekretaris Jenderal NATO Jens Stoltenberg hadir.", "Sekretaris Jenderal NATO Jens Stoltenberg"), ["IGOWSTNAT"]);
        assert_eq!(code_of("Pasukan keamanan Israel menembak.", "Pasukan keamanan Israel"), ["ISRMIL"]);
        assert_eq!(code_of("Pihak berwenang Ukraina mengatakan itu.", "Pihak berwenang Ukraina"), ["UKRGOV"]);
    }

    #[test]
    fn appositive_role_codes_the_name() {
        assert_eq!(code_of("Park Jin-kyeong, warga negara Korea Selatan mengatakan hal itu.", "Park Jin-kyeong, warga negara Korea Selatan"), ["KORCVL"]);
    }

    #[test]
    fn short_names_take_the_earlier_full_name() {
        let a = actors("Presiden Rusia Vladimir Putin tiba. Putin lalu berpidato.");
        let short = a.iter().find(|(t, ..)| t == "Putin").unwrap();
        assert_eq!(short.1, ["RUSGOV"]);
        // An unknown name stays a person without a code.
        let a = actors("Budi Santoso lalu berpidato.");
        assert!(a.iter().any(|(t, c, _)| t == "Budi Santoso" && c.is_empty()));
    }

    #[test]
    fn pair_anaphora_and_generic_roles() {
        let a = actors("Jepang dan Filipina bertemu. Kedua negara sepakat. Polisi berjaga.");
        let pair = a.iter().find(|(t, ..)| t == "Kedua negara").unwrap();
        assert_eq!(pair.1, ["JPN", "PHL"]);
        assert_eq!(code_of("Polisi berjaga.", "Polisi"), ["COP"]);
    }

    #[test]
    fn all_capital_aliases_match_only_in_capitals() {
        assert_eq!(code_of("Presiden AS berbicara.", "Presiden AS"), ["USAGOV"]);
        assert!(actors("Ia bertindak sebagai as tim.").iter().all(|(_, c, _)| c.is_empty()));
    }
}
