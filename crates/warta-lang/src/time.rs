//! Time words of a language (`time.toml`): month and weekday names and the words of relative dates.

use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct TimeWords {
    /// Twelve lists of lower-cased names, January first; the first name is the full one.
    pub months: Vec<Vec<String>>,
    /// Seven lists of lower-cased names, Monday first.
    pub weekdays: Vec<Vec<String>>,
}
