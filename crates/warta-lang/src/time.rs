//! Time words of a language (`time.toml`): month and weekday names and the words of relative dates.
//!
//! Everything the time resolver (`warta-time`) knows about a language is here, as data. Every word is
//! lower-cased; a word may be a phrase of several words ("hari ini", "keesokan harinya"), matched token by
//! token. A word may appear in several lists (Indonesian "minggu" is both Sunday and the unit week; "hari" is
//! both the unit day and the word that may precede a weekday): the resolver decides by context.
//!
//! Markers may follow what they mark ("pekan lalu", "two days ago": `markers.past` …) or precede it ("last
//! week": `markers.preceding_past` …); a language fills the lists it uses. A hyphenated token is also read
//! by its parts: a start/middle/end word and a month or year ("mid-July", "mid-2023"), a tens word and a digit
//! word ("twenty-five"), a number and a unit ("three-day"). Digits with a suffix are read as an ordinal day
//! ("19th", `ordinal_suffixes`), a decade ("1990s", `markers.decade_suffixes`) or a clock time ("9pm", a day
//! part with `marks_clock`).

use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct TimeWords {
    /// Twelve lists of lower-cased names, January first; the first name is the full one (the others are
    /// abbreviations, accepted only next to a day number or a year).
    pub months: Vec<Vec<String>>,
    /// Seven lists of lower-cased names, Monday first.
    pub weekdays: Vec<Vec<String>>,
    /// True when the language writes the month before the day ("June 19, 2024"); false for "19 Juni 2024".
    #[serde(default)]
    pub month_before_day: bool,
    /// True when the other order is written too ("19 June 2024" next to "June 19, 2024").
    #[serde(default)]
    pub either_date_order: bool,
    /// Suffixes written right after the digits of an ordinal day ("19th", "1st"); lower-case.
    #[serde(default)]
    pub ordinal_suffixes: Vec<String>,
    /// Words between a day number and a month name ("the 19th of June").
    #[serde(default)]
    pub date_joiners: Vec<String>,
    /// Words that may precede a weekday and belong to the expression ("hari Rabu").
    #[serde(default)]
    pub day_words: Vec<String>,
    /// Words that may precede a day number or date ("tanggal 19 Juni", "tanggal 5").
    #[serde(default)]
    pub date_words: Vec<String>,
    /// Words that may precede a month name ("bulan Juli").
    #[serde(default)]
    pub month_words: Vec<String>,
    /// Words that may precede a year ("tahun 2024").
    #[serde(default)]
    pub year_words: Vec<String>,
    /// Words that introduce a clock time ("pukul 10.00").
    #[serde(default)]
    pub clock_words: Vec<String>,
    /// Unit words for durations and relative dates ("hari" → day, "pekan" → week).
    #[serde(default)]
    pub units: BTreeMap<String, Unit>,
    #[serde(default)]
    pub numbers: Numbers,
    /// Days relative to the reference (publication) date: "kemarin" = -1, "besok" = 1. A phrase holding a
    /// part-of-day word ("tadi malam") is a time of that day.
    #[serde(default)]
    pub relative_days: BTreeMap<String, i32>,
    /// Days relative to the previous date in the text: "keesokan harinya" = 1, "hari itu" = 0.
    #[serde(default)]
    pub anaphoric_days: BTreeMap<String, i32>,
    #[serde(default)]
    pub markers: Markers,
    #[serde(default)]
    pub month_parts: MonthParts,
    /// Parts of the day: word → TIMEX3 code and hour range (for "pukul 8 malam" → 20:00).
    #[serde(default)]
    pub day_parts: BTreeMap<String, DayPart>,
    /// Time zone abbreviations → offset from UTC in minutes ("wib" = 420).
    #[serde(default)]
    pub time_zones: BTreeMap<String, i32>,
    /// Vague references to the past, present or future ("belakangan ini", "kini", "kelak").
    #[serde(default)]
    pub references: References,
    /// Named days: phrase → `"MM-DD"` for a day fixed in the calendar ("natal" = "12-25"), or the id of a
    /// movable day whose dates are listed in `data/time/holidays.tsv` ("lebaran" = "eid_al_fitr").
    #[serde(default)]
    pub named_days: BTreeMap<String, String>,
    /// Words that may precede a named day and belong to the expression ("hari raya Idul Fitri").
    #[serde(default)]
    pub named_day_words: Vec<String>,
}

/// A unit of time.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

/// Number words.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct Numbers {
    /// Whole words → value ("dua" = 2, "sepuluh" = 10, "sebelas" = 11).
    #[serde(default)]
    pub words: BTreeMap<String, u32>,
    /// Prefixes meaning "one" fused to a unit word ("se" + "hari" = "sehari").
    #[serde(default)]
    pub one_prefixes: Vec<String>,
    /// Words after a digit word that add ten ("dua belas" = 12).
    #[serde(default)]
    pub teens: Vec<String>,
    /// Words after a digit word that multiply it by ten ("dua puluh" = 20, "dua puluh lima" = 25).
    #[serde(default)]
    pub tens: Vec<String>,
    /// Words for an unspecified number ("beberapa hari" → P`X`D).
    #[serde(default)]
    pub vague: Vec<String>,
    /// Words for a number of times ("twice" = 2 in "twice a week").
    #[serde(default)]
    pub multiples: BTreeMap<String, u32>,
}

/// Function words of time expressions.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct Markers {
    /// After a unit, weekday, month or date: the one before the reference ("pekan lalu", "Rabu lalu").
    #[serde(default)]
    pub past: Vec<String>,
    /// After a unit, weekday, month or date: the one after the reference ("tahun depan", "Juli nanti").
    #[serde(default)]
    pub future: Vec<String>,
    /// After a unit, weekday or month: the one holding the reference ("tahun ini").
    #[serde(default)]
    pub this: Vec<String>,
    /// Before a unit, weekday or month: the one before the reference ("last week", "last Tuesday").
    #[serde(default)]
    pub preceding_past: Vec<String>,
    /// Before a unit, weekday or month: the one after the reference ("next year", "next Monday").
    #[serde(default)]
    pub preceding_future: Vec<String>,
    /// Before a unit, weekday or month: the one holding the reference ("this month", "this Friday").
    #[serde(default)]
    pub preceding_this: Vec<String>,
    /// Before a unit: the one before the previous date in the text ("the previous week").
    #[serde(default)]
    pub preceding_previous: Vec<String>,
    /// Before a unit: the one after the previous date in the text ("the following month").
    #[serde(default)]
    pub preceding_following: Vec<String>,
    /// Before a `preceding_this` word and a unit: the part of it before or after the reference; the value
    /// stays the whole unit ("earlier this month" → the month, "later this year" → the year).
    #[serde(default)]
    pub relative_parts: Vec<String>,
    /// Before an amount of time or a unit, keeping it a duration ("the past three days", "the next two
    /// weeks", "over the past week").
    #[serde(default)]
    pub duration_heads: Vec<String>,
    /// Articles that may stand between a start/middle/end word or a before/after word and what follows
    /// ("the end of the year", "a day before the summit"). In a language with articles a start/middle/end
    /// word makes a bare unit the current one only through an article ("the end of the year", not "his
    /// early years"); and an article before a `preceding_*` marker and a unit makes it no date ("the last
    /// day of the talks").
    #[serde(default)]
    pub articles: Vec<String>,
    /// Earlier on the reference day, next to a part of day ("tadi pagi", "pagi tadi").
    #[serde(default)]
    pub recent: Vec<String>,
    /// Between an amount of time and a named event: before it ("sehari sebelum pertemuan").
    #[serde(default)]
    pub before: Vec<String>,
    /// Between an amount of time and a named event: after it ("dua hari setelah KTT").
    #[serde(default)]
    pub after: Vec<String>,
    /// After an amount of time: before the previous date in the text ("sehari sebelumnya").
    #[serde(default)]
    pub previous: Vec<String>,
    /// After an amount of time: after the previous date in the text ("dua hari kemudian").
    #[serde(default)]
    pub following: Vec<String>,
    /// Nouns of named events that may follow a before/after word and belong to the expression
    /// ("sehari sebelum pertemuan").
    #[serde(default)]
    pub anchor_events: Vec<String>,
    /// After an amount of time, keeping it a duration ("tiga hari terakhir", "dua pekan ke depan").
    #[serde(default)]
    pub duration_tails: Vec<String>,
    /// Words joining the two ends of a range ("19-21 Juni", "pukul 08.00 hingga 12.00").
    #[serde(default)]
    pub range: Vec<String>,
    /// Words making a recurring set ("setiap Senin").
    #[serde(default)]
    pub every: Vec<String>,
    /// "per" in "dua kali per pekan".
    #[serde(default)]
    pub per: Vec<String>,
    /// "kali" in "dua kali sepekan".
    #[serde(default)]
    pub times: Vec<String>,
    /// Before a bare unit: a rate, so a recurring set ("Rp200.000 per bulan" → P1M).
    #[serde(default)]
    pub rate: Vec<String>,
    /// The letter of a day count before a named day: "H-7 Lebaran" is seven days before it, "H+3 Lebaran"
    /// three days after.
    #[serde(default)]
    pub day_count: Vec<String>,
    /// Future-tense words: a bare weekday or date shortly after one is the next such day, not the last.
    #[serde(default)]
    pub future_tense: Vec<String>,
    /// Words that introduce a date; they make a bare month name, year or "19/6" a date ("pada Juli").
    #[serde(default)]
    pub prepositions: Vec<String>,
    /// Words before a number that make it a quantity, not a year ("sebanyak 2000").
    #[serde(default)]
    pub quantity_before: Vec<String>,
    /// Counted nouns and measure words after a number that make it a quantity, whatever precedes it
    /// ("hingga 2000 orang").
    #[serde(default)]
    pub quantity_after: Vec<String>,
    /// Lower-case words that may follow a bare year ("pada 2023 dan 2024"); any other lower-case word after a
    /// bare number makes it a quantity ("2024 orang").
    #[serde(default)]
    pub year_followers: Vec<String>,
    /// Phrases for a weekend ("akhir pekan").
    #[serde(default)]
    pub weekend: Vec<String>,
    /// "waktu setempat": the clock time is local time.
    #[serde(default)]
    pub local_time: Vec<String>,
    /// The suffix after a year, with a hyphen ("1990-an") or without ("1990s"), that makes it a decade.
    #[serde(default)]
    pub decade_suffixes: Vec<String>,
}

/// Words for the start, middle and end of a month or year ("awal Juli", "pertengahan 2024", "akhir tahun").
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct MonthParts {
    #[serde(default)]
    pub early: Vec<String>,
    #[serde(default)]
    pub middle: Vec<String>,
    #[serde(default)]
    pub late: Vec<String>,
}

/// A part of the day.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub struct DayPart {
    /// TIMEX3 part-of-day code: MO, MI, AF, EV, NI or DT.
    pub code: String,
    /// Hours of the day it covers, `[from, to]` on a 0–47 clock (so night may run past midnight: [18, 28]).
    /// A clock hour with this part is read as the hour or the hour + 12 that falls in the range.
    pub hours: [u32; 2],
    /// True for words that only follow a clock hour and make it a clock time by themselves ("10 a.m.",
    /// "9pm"); they never attach to a weekday or a relative day.
    #[serde(default)]
    pub marks_clock: bool,
}

/// Vague references (TIMEX3 PAST_REF, PRESENT_REF, FUTURE_REF).
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct References {
    #[serde(default)]
    pub past: Vec<String>,
    #[serde(default)]
    pub present: Vec<String>,
    #[serde(default)]
    pub future: Vec<String>,
}
