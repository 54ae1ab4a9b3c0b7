//! Query parameters: what each endpoint accepts (the OpenAPI document is generated from the same lists),
//! and their checks. Any unknown, repeated or malformed parameter is a 400 that names it; an empty value
//! counts as absent, as an empty field of a form means "no filter".

use crate::ApiError;
use std::collections::HashMap;
use warta_geo::{Gazetteer, PlaceKind};
use warta_store::{EventSort, Filter, Grain};

/// One query parameter, as validated here and documented in `/openapi.json`.
pub struct Param {
    pub name: &'static str,
    pub description: &'static str,
    /// `string` or `integer`.
    pub kind: &'static str,
    /// A valid value (the OpenAPI test sends it).
    pub example: &'static str,
    pub required: bool,
    /// For integers: the default and the largest accepted value.
    pub default: Option<u64>,
    pub max: Option<u64>,
}

const fn text(name: &'static str, description: &'static str, example: &'static str) -> Param {
    Param { name, description, kind: "string", example, required: false, default: None, max: None }
}

const fn int(name: &'static str, description: &'static str, example: &'static str, default: u64, max: u64) -> Param {
    Param { name, description, kind: "integer", example, required: false, default: Some(default), max: Some(max) }
}

pub static FROM: Param = text("from", "Events whose date overlaps on or after this day: YYYY, YYYY-MM or YYYY-MM-DD.", "2024-06");
pub static TO: Param = text("to", "Events whose date overlaps on or before this day: YYYY, YYYY-MM or YYYY-MM-DD.", "2024-06-30");
pub static COUNTRY: Param = text(
    "country",
    "Country of the event's place or of any actor: ISO alpha-3 or alpha-2 code, or English name.",
    "PRK",
);
pub static ACTOR: Param =
    text("actor", "Actor code prefix (RUS, RUSGOV, IGOWSTNAT); find names with q.", "RUSGOV");
pub static TYPE: Param = text("type", "PLOVER event type (AGREE, SUPPORT, ASSAULT, …).", "SUPPORT");
pub static CAMEO: Param = text("cameo", "CAMEO event code prefix of 1-4 digits (19: fighting; 057: signing an agreement).", "05");
pub static PLACE: Param = text("place", "Part of the name of the event's place, or its ISO alpha-3 country.", "Pyongyang");
pub static Q: Param = text("q", "Words that must all occur in the reporting article (full-text search).", "Putin");
pub static Q_REQUIRED: Param = Param { required: true, ..text("q", "Words that must all occur in the article.", "Putin") };
pub static LIMIT: Param = int("limit", "Page size.", "10", 50, 1000);
pub static LIMIT_MAP: Param = int("limit", "How many places or links, most events first.", "100", 500, 5000);
pub static OFFSET: Param = int("offset", "Rows to skip (paging).", "0", 0, 1_000_000);
pub static SORT: Param = text(
    "sort",
    "date, id, mentions, articles or goldstein; a leading - sorts descending. Default -date (newest first).",
    "-mentions",
);
pub static GRAIN: Param = text("grain", "Bucket size: day (default), month or year.", "month");

// What each endpoint takes: the event filters (from … q) and its own paging or grain.
pub static EVENTS: [&Param; 11] = [&FROM, &TO, &COUNTRY, &ACTOR, &TYPE, &CAMEO, &PLACE, &Q, &LIMIT, &OFFSET, &SORT];
pub static ARTICLES: [&Param; 10] = [&FROM, &TO, &COUNTRY, &ACTOR, &TYPE, &CAMEO, &PLACE, &Q, &LIMIT, &OFFSET];
pub static ACTORS: [&Param; 10] = [&FROM, &TO, &COUNTRY, &ACTOR, &TYPE, &CAMEO, &PLACE, &Q, &LIMIT, &OFFSET];
pub static NETWORK: [&Param; 9] = [&FROM, &TO, &COUNTRY, &ACTOR, &TYPE, &CAMEO, &PLACE, &Q, &LIMIT_MAP];
pub static PLACES: [&Param; 9] = [&FROM, &TO, &COUNTRY, &ACTOR, &TYPE, &CAMEO, &PLACE, &Q, &LIMIT_MAP];
pub static TIMELINE: [&Param; 9] = [&FROM, &TO, &COUNTRY, &ACTOR, &TYPE, &CAMEO, &PLACE, &Q, &GRAIN];
pub static SEARCH: [&Param; 2] = [&Q_REQUIRED, &LIMIT];

/// The PLOVER event types.
pub const PLOVER_TYPES: [&str; 16] = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
];

/// The longest free-text value accepted (names, words to search).
const MAX_TEXT: usize = 200;

/// The parameters of one request, checked against what its endpoint accepts.
pub struct Query {
    values: HashMap<&'static str, String>,
}

impl Query {
    /// Parses a raw query string; unknown, repeated, over-long or missing required parameters are a 400.
    pub fn parse(raw: Option<&str>, accepted: &[&'static Param]) -> Result<Query, ApiError> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
            .map_err(|e| ApiError::bad_request(format!("the query string cannot be read: {e}")))?;
        let mut values = HashMap::new();
        for (name, value) in pairs {
            let Some(p) = accepted.iter().find(|p| p.name == name) else {
                let names: Vec<&str> = accepted.iter().map(|p| p.name).collect();
                return Err(ApiError::bad_request(format!(
                    "unknown parameter {name:?}; this endpoint takes {}",
                    if names.is_empty() { "none".to_string() } else { names.join(", ") }
                )));
            };
            if values.contains_key(p.name) {
                return Err(ApiError::bad_request(format!("parameter {name:?} is given more than once")));
            }
            if value.chars().count() > MAX_TEXT {
                return Err(ApiError::bad_request(format!("parameter {name:?} is longer than {MAX_TEXT} characters")));
            }
            let value = value.trim().to_string();
            if !value.is_empty() {
                values.insert(p.name, value);
            }
        }
        if let Some(p) = accepted.iter().find(|p| p.required && !values.contains_key(p.name)) {
            return Err(ApiError::bad_request(format!("parameter {:?} is required: {}", p.name, p.description)));
        }
        Ok(Query { values })
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// An integer parameter within `0..=p.max` (`limit` from 1), or its default.
    pub fn int(&self, p: &Param) -> Result<u64, ApiError> {
        let (default, max) = (p.default.unwrap_or(0), p.max.unwrap_or(u64::MAX));
        let Some(v) = self.get(p.name) else { return Ok(default) };
        let min = u64::from(p.name == "limit");
        match v.parse::<u64>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(ApiError::bad_request(format!("{} {v:?}: expected a whole number from {min} to {max}", p.name))),
        }
    }

    pub fn sort(&self) -> Result<EventSort, ApiError> {
        self.get("sort").map_or(Ok(EventSort::default()), |s| EventSort::parse(s).map_err(|e| ApiError::bad_request(e.0)))
    }

    pub fn grain(&self) -> Result<Grain, ApiError> {
        self.get("grain").map_or(Ok(Grain::default()), |s| Grain::parse(s).map_err(|e| ApiError::bad_request(e.0)))
    }

    /// The required words of `/api/search`.
    pub fn words(&self) -> Result<String, ApiError> {
        let q = self.get("q").unwrap_or_default().to_string();
        let f = Filter { text: Some(q.clone()), ..Default::default() };
        f.validate().map_err(|e| ApiError::bad_request(format!("q: {}", e.0.trim_start_matches("text "))))?;
        Ok(q)
    }

    /// The event filter (without paging).
    pub fn filter(&self) -> Result<Filter, ApiError> {
        let kind = self.get("type").map(str::to_ascii_uppercase);
        if let Some(k) = kind.as_deref().filter(|k| !PLOVER_TYPES.contains(k)) {
            return Err(ApiError::bad_request(format!("type {k:?}: expected a PLOVER type, one of {}", PLOVER_TYPES.join(", "))));
        }
        let f = Filter {
            actor: self.get("actor").map(str::to_string),
            country: self.get("country").map(country_code).transpose()?,
            kind,
            cameo: self.get("cameo").map(str::to_string),
            from: self.get("from").map(str::to_string),
            to: self.get("to").map(str::to_string),
            place: self.get("place").map(str::to_string),
            text: self.get("q").map(str::to_string),
            limit: None,
            offset: 0,
        };
        // The store names the field by its own name; the API calls the words `q`.
        f.validate().map_err(|e| ApiError::bad_request(e.0.strip_prefix("text ").map_or(e.0.clone(), |m| format!("q {m}"))))?;
        if let (Some(from), Some(to)) = (f.from.as_deref(), f.to.as_deref()) {
            let start = warta_store::date_range(from).map(|r| r.0);
            let end = warta_store::date_range(to).map(|r| r.1);
            if start > end {
                return Err(ApiError::bad_request(format!("from {from:?} is after to {to:?}")));
            }
        }
        Ok(f)
    }
}

/// ISO alpha-3 code of a country given as an alpha-3 or alpha-2 code or an English (GeoNames) name.
pub fn country_code(v: &str) -> Result<String, ApiError> {
    let g = Gazetteer::embedded();
    if let Some(p) = g.country(v) {
        return Ok(p.country_iso3.clone());
    }
    if let Some(p) = g.lookup(v).into_iter().find(|p| p.kind == PlaceKind::Country) {
        return Ok(p.country_iso3.clone());
    }
    Err(ApiError::bad_request(format!("country {v:?}: not a known country code or name")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_name_the_parameter() {
        let err = |raw: &str| Query::parse(Some(raw), &EVENTS).and_then(|q| q.filter().and(q.int(&LIMIT)).and(q.sort())).unwrap_err().message;
        assert!(err("colour=red").contains("unknown parameter \"colour\""));
        assert!(err("type=FOO").contains("type \"FOO\""));
        assert!(err("from=June").contains("from \"June\""));
        assert!(err("from=2024-07&to=2024-06").contains("after"));
        assert!(err("country=Atlantis").contains("country"));
        assert!(err("limit=0").contains("limit"));
        assert!(err("limit=abc").contains("limit"));
        assert!(err("sort=size").contains("sort"));
        assert!(err("cameo=5x").contains("cameo"));
        assert!(err("q=%22%2A").contains("q "));
        assert!(err("type=AGREE&type=AID").contains("more than once"));
        let q = Query::parse(Some("country=North+Korea&type=support&limit=&q="), &EVENTS).unwrap();
        let f = q.filter().unwrap();
        assert_eq!((f.country.as_deref(), f.kind.as_deref(), f.text), (Some("PRK"), Some("SUPPORT"), None));
        assert_eq!(q.int(&LIMIT).unwrap(), 50);
        assert_eq!(country_code("KR").unwrap(), "KOR");
    }
}
