//! Time expressions of Warta: finds every date, time, duration and recurring set in a segmented article
//! and resolves it to a TimeML TIMEX3 value (`2024-06-19`, `2024-06`, `2024-W24`, `2024-06-19T10:00`,
//! `P3D`, `XXXX-WXX-1`), so that events can be dated.
//!
//! The engine is language-agnostic: every word it knows comes from a language pack's `time.toml`
//! ([`warta_lang::TimeWords`]). It works in three passes, each linear in the number of tokens:
//!
//! 1. **Lexical tagging** — every token is looked up once in a hash table of the pack's time words
//!    (phrases of a few words are matched token by token), giving each token its possible readings
//!    (month, weekday, unit, marker, number word …).
//! 2. **Recognition** — left to right, each recogniser looks at a bounded window of tokens after the
//!    current one (never past the sentence end) and the longest match wins; the scan then jumps past it.
//! 3. **Resolution** — one pass in document order, keeping O(1) state (the last resolved dates), resolves
//!    each expression against the reference date (the publication date, given or inferred from a weekday
//!    that agrees with a day and month) or against the previous date in the text ("sehari sebelumnya").
//!    A final per-sentence pass gives clock times the date of their sentence.
//!
//! No pass rescans the document per token, so the whole is O(tokens × a constant bounded by the pack).
//!
//! Word order is data too: markers may follow what they mark (Indonesian "pekan lalu", English "two days
//! ago") or precede it (English "last week", "next Monday", "earlier this month"); dates may put the day
//! or the month first, or accept both ("19 Juni 2024", "June 19, 2024", "19th of June"). A language fills
//! the lists it needs; empty lists switch the corresponding readings off.
//!
//! Named days ("Natal", "Idul Fitri") are words of the pack mapped to a fixed month and day or to a row of
//! the holiday table `data/time/holidays.tsv`, which lists the dates of movable ones.
//!
//! Values follow TIMEX3: a value is `None` (null) when it cannot be resolved — deictic expressions
//! ("kemarin", "Rabu") without a publication date never get an invented one.

use chrono::{Datelike, Days, NaiveDate};
use std::collections::HashMap;
use std::ops::Range;
use warta_lang::time::Unit;
use warta_lang::TimeWords;
use warta_text::{Doc, Token, TokenKind};

/// TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    /// The TIMEX3 spelling: "DATE", "TIME", "DURATION", "SET".
    pub fn as_str(&self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

impl std::fmt::Display for TimexType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How precise a resolved date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Grain {
    Day,
    Month,
    Year,
}

impl Grain {
    /// "day", "month" or "year" (the output's `date_precision`).
    pub fn as_str(&self) -> &'static str {
        match self {
            Grain::Day => "day",
            Grain::Month => "month",
            Grain::Year => "year",
        }
    }
}

impl std::fmt::Display for Grain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One time expression found in a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    /// Token index range in the Doc.
    pub tokens: Range<usize>,
    /// Code point offsets into the text, end exclusive.
    pub cstart: usize,
    pub cend: usize,
    pub text: String,
    pub kind: TimexType,
    /// TIMEX3 value; `None` when unresolvable.
    pub value: Option<String>,
    /// The calendar day a DATE or TIME points at (the first day for month and year grain, the Monday of a
    /// week, the Saturday of a weekend), for event dating. `None` for durations, sets, vague references.
    pub date: Option<NaiveDate>,
    /// Precision of `date`. `None` for weeks and weekends (finer than a month, coarser than a day), and
    /// whenever `date` is `None`.
    pub grain: Option<Grain>,
    /// Sentence index in the Doc.
    pub sentence: usize,
    /// TIMEX3 `mod`: "START", "MID" or "END" for "awal/pertengahan/akhir Juli".
    pub modifier: Option<&'static str>,
    /// Offset from UTC in minutes when the expression names a time zone ("WIB" → 420).
    pub utc_offset: Option<i32>,
}

/// Everything found in one document.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeResult {
    pub timexes: Vec<Timex>,
    /// The reference date every deictic expression was resolved against: the given publication date, or
    /// the inferred one, or `None`.
    pub published: Option<NaiveDate>,
    /// True when `published` was inferred from the text rather than given.
    pub published_inferred: bool,
}

// ---------------------------------------------------------------------------------------------------------
// Lexicon
// ---------------------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Past,
    Future,
    This,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Early,
    Middle,
    Late,
}

impl Part {
    fn modifier(self) -> &'static str {
        match self {
            Part::Early => "START",
            Part::Middle => "MID",
            Part::Late => "END",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RefKind {
    Past,
    Present,
    Future,
}

impl RefKind {
    fn value(self) -> &'static str {
        match self {
            RefKind::Past => "PAST_REF",
            RefKind::Present => "PRESENT_REF",
            RefKind::Future => "FUTURE_REF",
        }
    }
}

/// A reading of a word or phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cat {
    /// Month 1–12, and whether this is the full name.
    Month(u32, bool),
    /// Weekday 0 = Monday.
    Weekday(u32),
    Unit(Unit),
    /// "sehari": one + unit.
    OneUnit(Unit),
    Num(u32),
    Teen,
    Tens,
    Vague,
    RelDay(i32, Option<u8>),
    AnaDay(i32, Option<u8>),
    Past,
    Future,
    This,
    Recent,
    Before,
    After,
    Previous,
    Following,
    AnchorEvent,
    DurTail,
    Range,
    Every,
    Per,
    Times,
    /// "sekali": one + times.
    Once,
    FutureTense,
    Prep,
    QuantityBefore,
    QuantityAfter,
    YearFollower,
    Weekend,
    LocalTime,
    DecadeSuffix,
    Part(Part),
    DayPart(u8),
    Zone(i32),
    Ref(RefKind),
    DayWord,
    DateWord,
    MonthWord,
    YearWord,
    ClockWord,
    /// A marker before a unit, weekday or month ("last", "next", "this").
    Pre(Dir),
    /// A marker before a unit, relative to the previous date: −1 "the previous", +1 "the following".
    PreAna(i8),
    /// "earlier"/"later" before "this" and a unit.
    RelPart,
    DurHead,
    Article,
    DateJoiner,
    /// "twice" = 2.
    Multiple(u32),
    // Readings of one token made of parts (see `Lexicon::compound`).
    /// "19th".
    Ordinal(u32),
    /// "1990s".
    DecadeTok(i32),
    /// "mid-July".
    PartMonth(Part, u32),
    /// "mid-2023".
    PartYear(Part, i32),
    /// "three-day".
    NumUnit(u32, Unit),
    /// "9pm", "10.30am": hour, minute, day part.
    ClockPart(u32, u32, u8),
    /// A named day: index into `TimeResolver::named`.
    NamedDay(u16),
    /// "hari raya" before a named day.
    NamedDayWord,
    /// "per" before a bare unit: a rate.
    Rate,
    /// "H" of "H+3".
    DayCount,
    /// "H-7": seven days before (one token).
    DayCountN(i32),
}

/// Phrases by their first word; each entry holds the remaining words and the reading.
#[derive(Debug, Default)]
struct Lexicon {
    by_first: HashMap<String, Vec<(Vec<String>, Cat)>>,
    /// Suffixes of ordinal days ("th") and of decades ("s"), lower-case.
    ordinal_suffixes: Vec<String>,
    decade_suffixes: Vec<String>,
    /// By day-part index: whether the part marks a clock time ("a.m.").
    clock_parts: Vec<bool>,
}

impl Lexicon {
    fn add(&mut self, phrase: &str, cat: Cat) {
        let lower = phrase.to_lowercase();
        let words: Vec<String> = warta_text::tokenize(&lower).into_iter().map(|t| t.lower).collect();
        let Some((first, rest)) = words.split_first() else { return };
        let list = self.by_first.entry(first.clone()).or_default();
        if !list.iter().any(|(r, c)| r.as_slice() == rest && *c == cat) {
            list.push((rest.to_vec(), cat));
        }
    }

    fn add_all(&mut self, phrases: &[String], cat: Cat) {
        for p in phrases {
            self.add(p, cat);
        }
    }

    /// Every reading starting at every token, with the token index just past it. One hash lookup per token
    /// plus a bounded comparison per entry, and a few lookups for a token made of parts: linear in the
    /// number of tokens.
    fn tag(&self, tokens: &[Token]) -> Vec<Vec<(Cat, usize)>> {
        let mut out = vec![Vec::new(); tokens.len()];
        for (i, t) in tokens.iter().enumerate() {
            if let Some(list) = self.by_first.get(&t.lower) {
                for (rest, cat) in list {
                    let end = i + 1 + rest.len();
                    if end <= tokens.len() && rest.iter().zip(&tokens[i + 1..end]).all(|(w, t)| *w == t.lower) {
                        out[i].push((*cat, end));
                    }
                }
            }
            if t.kind == TokenKind::Word {
                for c in self.compound(&t.lower) {
                    out[i].push((c, i + 1));
                }
            }
        }
        out
    }

    /// The one-word readings of `w`.
    fn single<'a>(&'a self, w: &str) -> impl Iterator<Item = Cat> + 'a {
        self.by_first.get(w).into_iter().flatten().filter(|(rest, _)| rest.is_empty()).map(|(_, c)| *c)
    }

    /// Readings of a word token made of parts: digits with a suffix ("19th", "1990s", "9pm", "10.30am") or
    /// two words joined by a hyphen ("mid-July", "mid-2023", "twenty-five", "three-day"). Work bounded by the
    /// token's length and the readings of its parts.
    fn compound(&self, w: &str) -> Vec<Cat> {
        let mut out = Vec::new();
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            let cut = w.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ':')).unwrap_or(w.len());
            let (num, suf) = w.split_at(cut);
            if suf.is_empty() || num.len() > 9 {
                return out;
            }
            if num.bytes().all(|b| b.is_ascii_digit()) {
                let Ok(n) = num.parse::<u32>() else { return out };
                if self.ordinal_suffixes.iter().any(|x| x == suf) {
                    out.push(Cat::Ordinal(n));
                }
                if num.len() == 4 && n % 10 == 0 && self.decade_suffixes.iter().any(|x| x == suf) {
                    out.push(Cat::DecadeTok(n as i32));
                }
            }
            // "9pm", "10.30am": an hour (and minutes) and a clock-marking day part.
            let parts: Vec<&str> = num.split(['.', ':']).collect();
            let clock = match parts.as_slice() {
                [h] if (1..=2).contains(&h.len()) => h.parse::<u32>().ok().map(|h| (h, 0)),
                [h, m] if (1..=2).contains(&h.len()) && m.len() == 2 => h.parse::<u32>().ok().zip(m.parse::<u32>().ok()),
                _ => None,
            };
            if let Some((h, m)) = clock.filter(|&(h, m)| h <= 12 && m <= 59) {
                for c in self.single(suf) {
                    if let Cat::DayPart(p) = c {
                        if self.clock_parts.get(p as usize).copied().unwrap_or(false) {
                            out.push(Cat::ClockPart(h, m, p));
                        }
                    }
                }
            }
            return out;
        }
        let Some((l, r)) = w.split_once('-') else { return out };
        if l.is_empty() || r.is_empty() {
            return out;
        }
        // "H-7": a day count before a named day.
        if r.len() <= 3 && r.bytes().all(|b| b.is_ascii_digit()) && self.single(l).any(|c| c == Cat::DayCount) {
            if let Ok(n) = r.parse::<i32>() {
                out.push(Cat::DayCountN(-n));
            }
        }
        let year = (r.len() == 4 && r.bytes().all(|b| b.is_ascii_digit())).then(|| r.parse::<i32>().ok()).flatten().filter(|y| (1000..=2999).contains(y));
        for a in self.single(l) {
            match a {
                Cat::Num(x) if (20..100).contains(&x) && x % 10 == 0 => {
                    for b in self.single(r) {
                        if let Cat::Num(y @ 1..=9) = b {
                            out.push(Cat::Num(x + y));
                        }
                    }
                }
                Cat::Part(p) => {
                    if let Some(y) = year {
                        out.push(Cat::PartYear(p, y));
                    }
                    for b in self.single(r) {
                        if let Cat::Month(m, true) = b {
                            out.push(Cat::PartMonth(p, m));
                        }
                    }
                }
                _ => {}
            }
            if let Cat::Num(x) = a {
                for b in self.single(r) {
                    if let Cat::Unit(u) = b {
                        out.push(Cat::NumUnit(x, u));
                    }
                }
            }
        }
        out.dedup();
        out
    }
}

#[derive(Debug, Clone)]
struct DayPartInfo {
    code: String,
    lo: u32,
    hi: u32,
    /// Marks a clock time by itself ("a.m."); never attached to a day.
    clock: bool,
}

/// The dates of movable named days (`data/time/holidays.tsv`): id, date, status per line.
const HOLIDAYS: &str = include_str!("../../../data/time/holidays.tsv");

/// How far from the reference date a named day written without a year may fall: past the ends of the
/// holiday table a bare "Lebaran" has no date rather than a wrong one.
const NAMED_DAY_REACH: i64 = 366;

/// A named day of the calendar.
#[derive(Debug, Clone)]
enum NamedDay {
    /// Month and day ("Natal" = 12-25).
    Fixed(u32, u32),
    /// Every listed occurrence, sorted ("Idul Fitri").
    Movable(Vec<NaiveDate>),
}

impl NamedDay {
    /// Reads a `named_days` entry: "MM-DD", or the id of a movable day in the holiday table.
    fn parse(spec: &str, table: &HashMap<&str, Vec<NaiveDate>>) -> Option<NamedDay> {
        if let Some((m, d)) = spec.split_once('-') {
            if let (Ok(m), Ok(d)) = (m.parse::<u32>(), d.parse::<u32>()) {
                // 2000 is a leap year, so 02-29 is accepted.
                return ymd(2000, m, d).map(|_| NamedDay::Fixed(m, d));
            }
        }
        table.get(spec).map(|v| NamedDay::Movable(v.clone()))
    }

    /// The occurrence in year `y` (the first, should there be two).
    fn in_year(&self, y: i32) -> Option<NaiveDate> {
        match self {
            NamedDay::Fixed(m, d) => ymd(y, *m, *d),
            NamedDay::Movable(v) => v.iter().find(|d| d.year() == y).copied(),
        }
    }

    /// The occurrence meant when no year is written: the last one before the reference (past marker),
    /// the first after it (future marker), the first on or after it (future tense), else the nearest.
    fn around(&self, r: NaiveDate, dir: Option<Dir>, fut: bool) -> Option<NaiveDate> {
        let fixed: Vec<NaiveDate>;
        let dates: &[NaiveDate] = match self {
            NamedDay::Fixed(m, d) => {
                fixed = (r.year() - 1..=r.year() + 1).filter_map(|y| ymd(y, *m, *d)).collect();
                &fixed
            }
            NamedDay::Movable(v) => v,
        };
        let p = dates.partition_point(|d| *d < r);
        let before = p.checked_sub(1).map(|k| dates[k]);
        let on_or_after = dates.get(p).copied();
        let pick = match dir {
            Some(Dir::Past) => before,
            Some(Dir::Future) => dates.get(if on_or_after == Some(r) { p + 1 } else { p }).copied(),
            _ if fut => on_or_after,
            _ => match (before, on_or_after) {
                (Some(b), Some(a)) => Some(if (a - r).num_days() < (r - b).num_days() { a } else { b }),
                (b, a) => b.or(a),
            },
        };
        pick.filter(|d| (*d - r).num_days().abs() <= NAMED_DAY_REACH)
    }
}

/// The holiday table: id → sorted dates. Malformed lines are skipped; `check` reports them.
fn holiday_table() -> HashMap<&'static str, Vec<NaiveDate>> {
    let mut t: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
    for line in HOLIDAYS.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut cols = line.split('\t');
        if let (Some(id), Some(Ok(d))) = (cols.next(), cols.next().map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d"))) {
            t.entry(id).or_default().push(d);
        }
    }
    for v in t.values_mut() {
        v.sort();
    }
    t
}

/// Checks a pack's time words against the holiday table: every line of the table is well formed and
/// every named day is "MM-DD" or a movable day the table lists.
pub fn check(words: &TimeWords) -> Result<(), String> {
    for line in HOLIDAYS.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let ok = cols.len() == 3 && NaiveDate::parse_from_str(cols[1], "%Y-%m-%d").is_ok() && matches!(cols[2], "confirmed" | "projected");
        if !ok {
            return Err(format!("data/time/holidays.tsv: malformed line {line:?}"));
        }
    }
    let table = holiday_table();
    for (phrase, spec) in &words.named_days {
        if NamedDay::parse(spec, &table).is_none() {
            return Err(format!("named day {phrase:?}: {spec:?} is neither MM-DD nor a day of the holiday table"));
        }
    }
    Ok(())
}

/// Finds and resolves time expressions. Build it once per language pack and reuse it for every article.
#[derive(Debug)]
pub struct TimeResolver {
    /// Named days, indexed by `Cat::NamedDay`.
    named: Vec<NamedDay>,
    lex: Lexicon,
    day_parts: Vec<DayPartInfo>,
    month_before_day: bool,
    either_date_order: bool,
    /// The language has articles (`markers.articles`).
    has_articles: bool,
}

/// How many tokens before an expression a future-tense word makes it point forward.
const FUTURE_WINDOW: usize = 8;
/// How far the search for a year whose calendar agrees with a weekday goes back.
const MAX_YEARS_BACK: i32 = 400;

impl TimeResolver {
    pub fn new(words: &TimeWords) -> Self {
        let mut lex = Lexicon::default();
        let mut day_parts = Vec::new();
        for (name, dp) in &words.day_parts {
            if day_parts.len() >= u8::MAX as usize {
                break;
            }
            let idx = day_parts.len() as u8;
            day_parts.push(DayPartInfo { code: dp.code.clone(), lo: dp.hours[0], hi: dp.hours[1], clock: dp.marks_clock });
            lex.clock_parts.push(dp.marks_clock);
            lex.add(name, Cat::DayPart(idx));
        }
        // A relative-day phrase holding a part-of-day word ("tadi malam") is a time of that day.
        let part_in = |phrase: &str| -> Option<u8> {
            let padded = format!(" {} ", phrase.to_lowercase());
            words.day_parts.keys().position(|k| padded.contains(&format!(" {} ", k.to_lowercase()))).and_then(|p| u8::try_from(p).ok())
        };
        for (m, names) in words.months.iter().enumerate().take(12) {
            for (k, n) in names.iter().enumerate() {
                lex.add(n, Cat::Month(m as u32 + 1, k == 0));
            }
        }
        for (d, names) in words.weekdays.iter().enumerate().take(7) {
            lex.add_all(names, Cat::Weekday(d as u32));
        }
        for (w, &u) in &words.units {
            lex.add(w, Cat::Unit(u));
            for p in &words.numbers.one_prefixes {
                lex.add(&format!("{p}{w}"), Cat::OneUnit(u));
            }
        }
        for t in &words.markers.times {
            for p in &words.numbers.one_prefixes {
                lex.add(&format!("{p}{t}"), Cat::Once);
            }
        }
        for (w, &n) in &words.numbers.words {
            lex.add(w, Cat::Num(n));
        }
        lex.add_all(&words.numbers.teens, Cat::Teen);
        lex.add_all(&words.numbers.tens, Cat::Tens);
        lex.add_all(&words.numbers.vague, Cat::Vague);
        for (w, &n) in &words.numbers.multiples {
            lex.add(w, Cat::Multiple(n));
        }
        lex.ordinal_suffixes = words.ordinal_suffixes.iter().map(|x| x.to_lowercase()).collect();
        lex.decade_suffixes = words.markers.decade_suffixes.iter().map(|x| x.to_lowercase()).collect();
        for (w, &d) in &words.relative_days {
            lex.add(w, Cat::RelDay(d, part_in(w)));
        }
        for (w, &d) in &words.anaphoric_days {
            lex.add(w, Cat::AnaDay(d, part_in(w)));
        }
        let m = &words.markers;
        for (list, cat) in [
            (&m.past, Cat::Past),
            (&m.future, Cat::Future),
            (&m.this, Cat::This),
            (&m.recent, Cat::Recent),
            (&m.before, Cat::Before),
            (&m.after, Cat::After),
            (&m.previous, Cat::Previous),
            (&m.following, Cat::Following),
            (&m.anchor_events, Cat::AnchorEvent),
            (&m.duration_tails, Cat::DurTail),
            (&m.range, Cat::Range),
            (&m.every, Cat::Every),
            (&m.per, Cat::Per),
            (&m.times, Cat::Times),
            (&m.future_tense, Cat::FutureTense),
            (&m.prepositions, Cat::Prep),
            (&m.quantity_before, Cat::QuantityBefore),
            (&m.quantity_after, Cat::QuantityAfter),
            (&m.year_followers, Cat::YearFollower),
            (&m.weekend, Cat::Weekend),
            (&m.local_time, Cat::LocalTime),
            (&m.decade_suffixes, Cat::DecadeSuffix),
            (&words.month_parts.early, Cat::Part(Part::Early)),
            (&words.month_parts.middle, Cat::Part(Part::Middle)),
            (&words.month_parts.late, Cat::Part(Part::Late)),
            (&words.references.past, Cat::Ref(RefKind::Past)),
            (&words.references.present, Cat::Ref(RefKind::Present)),
            (&words.references.future, Cat::Ref(RefKind::Future)),
            (&words.day_words, Cat::DayWord),
            (&words.date_words, Cat::DateWord),
            (&words.month_words, Cat::MonthWord),
            (&words.year_words, Cat::YearWord),
            (&words.clock_words, Cat::ClockWord),
            (&words.date_joiners, Cat::DateJoiner),
            (&m.preceding_past, Cat::Pre(Dir::Past)),
            (&m.preceding_future, Cat::Pre(Dir::Future)),
            (&m.preceding_this, Cat::Pre(Dir::This)),
            (&m.preceding_previous, Cat::PreAna(-1)),
            (&m.preceding_following, Cat::PreAna(1)),
            (&m.relative_parts, Cat::RelPart),
            (&m.duration_heads, Cat::DurHead),
            (&m.articles, Cat::Article),
        ] {
            lex.add_all(list, cat);
        }
        for (z, &off) in &words.time_zones {
            lex.add(z, Cat::Zone(off));
        }
        let table = holiday_table();
        let mut named = Vec::new();
        for (phrase, spec) in &words.named_days {
            let Ok(k) = u16::try_from(named.len()) else { break };
            if let Some(day) = NamedDay::parse(spec, &table) {
                named.push(day);
                lex.add(phrase, Cat::NamedDay(k));
            }
        }
        lex.add_all(&words.named_day_words, Cat::NamedDayWord);
        lex.add_all(&m.rate, Cat::Rate);
        lex.add_all(&m.day_count, Cat::DayCount);
        TimeResolver { named, lex, day_parts, month_before_day: words.month_before_day, either_date_order: words.either_date_order, has_articles: !words.markers.articles.is_empty() }
    }

    /// Finds and resolves every time expression in the document.
    ///
    /// `published` is the publication date when known; otherwise it is inferred from the text (a weekday
    /// that agrees with a day and month, else the latest full date not after `today`). `today` bounds that
    /// inference: an article is never dated after it.
    pub fn resolve(&self, doc: &Doc, published: Option<NaiveDate>, today: NaiveDate) -> TimeResult {
        let found = self.scan(doc);
        let (reference, inferred) = match published {
            Some(p) => (Some(p), false),
            None => match infer_published(&found, today) {
                Some(p) => (Some(p), true),
                None => (None, false),
            },
        };
        let outs = self.resolve_all(&found, reference);
        let outs = self.date_clock_times(doc, &found, outs);
        let chars_end = |t: usize| doc.tokens[t].cend;
        let timexes = found
            .iter()
            .zip(outs)
            .map(|(f, o)| Timex {
                tokens: f.toks.clone(),
                cstart: doc.tokens[f.toks.start].cstart,
                cend: chars_end(f.toks.end - 1),
                text: doc.span_text(f.toks.start, f.toks.end).to_string(),
                kind: o.kind,
                value: o.value,
                date: o.date,
                grain: o.grain,
                sentence: doc.sentence_of(f.toks.start),
                modifier: o.modifier,
                utc_offset: o.zone,
            })
            .collect();
        TimeResult { timexes, published: reference, published_inferred: inferred }
    }

    // -----------------------------------------------------------------------------------------------------
    // Pass 2: recognition
    // -----------------------------------------------------------------------------------------------------

    fn scan(&self, doc: &Doc) -> Vec<Found> {
        let lex = self.lex.tag(&doc.tokens);
        let mut out = Vec::new();
        for s in &doc.sentences {
            let sc = Scanner { r: self, doc, lex: &lex, lo: s.tokens.start, lim: s.tokens.end.min(doc.tokens.len()) };
            let mut i = sc.lo;
            while i < sc.lim {
                if lex[i].is_empty() && doc.tokens[i].kind != TokenKind::Number {
                    i += 1;
                    continue;
                }
                // Every recogniser looks at a bounded window after `i`; the longest match wins, ties go to
                // the earlier recogniser in this list.
                let candidates = [
                    sc.shift(i),
                    sc.weekday(i),
                    sc.date(i),
                    sc.month(i),
                    sc.year(i),
                    sc.clock(i),
                    sc.duration(i),
                    sc.set(i),
                    sc.reference(i),
                    sc.named_day(i),
                ];
                let mut best: Option<Vec<Found>> = None;
                for c in candidates.into_iter().flatten() {
                    let end = c.last().map_or(0, |f| f.toks.end);
                    if end > best.as_ref().and_then(|b| b.last()).map_or(i, |f| f.toks.end) {
                        best = Some(c);
                    }
                }
                match best {
                    Some(fs) => {
                        i = fs.last().map_or(i + 1, |f| f.toks.end).max(i + 1);
                        let fut = sc.future_context(fs[0].toks.start);
                        out.extend(fs.into_iter().filter(|f| !f.toks.is_empty()).map(|mut f| {
                            f.fut = fut;
                            f
                        }));
                    }
                    None => i += 1,
                }
            }
        }
        out
    }

    fn adjust_hour(&self, h: u32, dp: u8) -> u32 {
        let Some(p) = self.day_parts.get(dp as usize) else { return h };
        // Last, the hour − 12: "12 a.m." is midnight.
        for cand in [Some(h), h.checked_add(12), h.checked_add(24), h.checked_add(36), h.checked_sub(12)].into_iter().flatten() {
            if (p.lo..=p.hi).contains(&cand) {
                return cand % 24;
            }
        }
        h
    }

    fn is_clock_part(&self, dp: u8) -> bool {
        self.day_parts.get(dp as usize).is_some_and(|p| p.clock)
    }

    fn part_code(&self, dp: u8) -> &str {
        self.day_parts.get(dp as usize).map_or("", |p| p.code.as_str())
    }

    // -----------------------------------------------------------------------------------------------------
    // Pass 3: resolution
    // -----------------------------------------------------------------------------------------------------

    /// One pass in document order. State: the last resolved day-, month- and any-grain dates.
    fn resolve_all(&self, found: &[Found], reference: Option<NaiveDate>) -> Vec<Out> {
        let mut outs: Vec<Option<Out>> = vec![None; found.len()];
        let mut st = Anchors::default();
        for k in 0..found.len() {
            if outs[k].is_none() {
                // "dua hari sebelum 17 Agustus": the expression right after anchors this one.
                let mut next_date = None;
                if let Raw::Shift { anchor: Anchor::Next(t), .. } = found[k].raw {
                    if let Some(nf) = found.get(k + 1).filter(|nf| nf.toks.start == t) {
                        let o = self.resolve_one(nf, reference, &st, None);
                        next_date = o.date.filter(|_| o.grain == Some(Grain::Day));
                        outs[k + 1] = Some(o);
                    }
                }
                outs[k] = Some(self.resolve_one(&found[k], reference, &st, next_date));
            }
            if let Some(o) = &outs[k] {
                st.update(o);
                if let Raw::Clock { .. } = found[k].raw {
                    // Fallback date for a clock time with no date in its sentence.
                    let fb = st.day.or(reference);
                    outs[k] = Some(Out { date: fb, ..o.clone() });
                }
            }
        }
        outs.into_iter().map(|o| o.unwrap_or_else(Out::null_date)).collect()
    }

    fn resolve_one(&self, f: &Found, reference: Option<NaiveDate>, st: &Anchors, next_date: Option<NaiveDate>) -> Out {
        match f.raw {
            Raw::Invalid => Out::null_date(),
            Raw::Date { y, m, d, wd, dir, dp } => {
                let date = match y {
                    Some(y) => ymd(y, m, d),
                    None => match reference {
                        Some(r) => day_month_date(r, m, d, wd, dir, f.fut),
                        None => {
                            return Out { value: Some(format!("XXXX-{m:02}-{d:02}")), ..Out::null_date() };
                        }
                    },
                };
                self.day_out(date, dp)
            }
            Raw::DayOfMonth { d } => {
                let date = reference.and_then(|r| {
                    let this = ymd(r.year(), r.month(), d);
                    let (py, pm) = add_months(r.year(), r.month(), -1)?;
                    let (ny, nm) = add_months(r.year(), r.month(), 1)?;
                    match this {
                        Some(x) if f.fut && x < r => ymd(ny, nm, d),
                        Some(x) if !f.fut && x > r => ymd(py, pm, d),
                        Some(x) => Some(x),
                        None if f.fut => ymd(ny, nm, d),
                        None => ymd(py, pm, d),
                    }
                });
                self.day_out(date, None)
            }
            Raw::Month { y, m, dir, part } => {
                let y = match (y, reference) {
                    (Some(y), _) => Some(y),
                    (None, Some(r)) => Some(month_year(r, m, dir, f.fut)),
                    (None, None) => {
                        return Out { value: Some(format!("XXXX-{m:02}")), modifier: part.map(Part::modifier), ..Out::null_date() };
                    }
                };
                let mut o = month_out(y.and_then(|y| ymd(y, m, 1)));
                o.modifier = part.map(Part::modifier);
                o
            }
            Raw::Year { y, part } => {
                let mut o = year_out(ymd(y, 1, 1));
                o.modifier = part.map(Part::modifier);
                o
            }
            Raw::Decade { y } => Out { value: Some(format!("{:03}", y / 10)), ..Out::null_date() },
            Raw::Weekday { wd, dir, dp } => self.day_out(reference.and_then(|r| weekday_date(r, wd, dir, f.fut)), dp),
            Raw::Weekend { dir } => {
                let sat = reference.and_then(|r| {
                    let cur = r.weekday().num_days_from_monday();
                    match dir {
                        Some(Dir::Past) => r.checked_sub_days(Days::new(7)),
                        Some(Dir::Future) => r.checked_add_days(Days::new(7)),
                        Some(Dir::This) => Some(r),
                        None if f.fut => r.checked_add_days(Days::new(u64::from((5 + 7 - cur) % 7))),
                        None => r.checked_sub_days(Days::new(u64::from((cur + 7 - 5) % 7))),
                    }
                    .and_then(saturday_of_week)
                });
                week_out(sat, true)
            }
            Raw::Shift { unit, n, sign, anchor, part, dp } => {
                let base = match anchor {
                    Anchor::Reference => reference,
                    Anchor::Previous => st.for_unit(unit).or(reference),
                    Anchor::Next(_) => next_date.or(reference),
                };
                let is_time = dp.is_some() || matches!(unit, Unit::Hour | Unit::Minute | Unit::Second);
                let null = || Out { kind: if is_time { TimexType::Time } else { TimexType::Date }, ..Out::null_date() };
                let Some(base) = base else { return null() };
                let Some(n) = n else {
                    let v = match sign {
                        s if s < 0 => RefKind::Past,
                        0 => RefKind::Present,
                        _ => RefKind::Future,
                    };
                    return Out { value: Some(v.value().to_string()), ..null() };
                };
                let k = i64::from(sign) * i64::from(n);
                let mut o = match unit {
                    Unit::Day => self.day_out(add_days(base, k), dp),
                    Unit::Week => week_out(add_days(base, k.saturating_mul(7)), false),
                    Unit::Month => month_out(add_months(base.year(), base.month(), k).and_then(|(y, m)| ymd(y, m, 1))),
                    Unit::Year => year_out(i32::try_from(i64::from(base.year()) + k).ok().and_then(|y| ymd(y, 1, 1))),
                    Unit::Hour | Unit::Minute | Unit::Second => {
                        let v = match sign {
                            s if s < 0 => RefKind::Past,
                            0 => RefKind::Present,
                            _ => RefKind::Future,
                        };
                        Out { value: Some(v.value().to_string()), ..null() }
                    }
                    Unit::Decade | Unit::Century => {
                        let step = if unit == Unit::Decade { 10 } else { 100 };
                        let y = i64::from(base.year()) + k.saturating_mul(step);
                        let v = (0..=9999).contains(&y).then(|| if step == 10 { format!("{:03}", y / 10) } else { format!("{:02}", y / 100) });
                        Out { value: v, ..null() }
                    }
                };
                if unit != Unit::Day {
                    o.modifier = part.map(Part::modifier);
                }
                o
            }
            Raw::WeekendShift { sign } => {
                let sat = reference.and_then(|r| add_days(r, i64::from(sign) * 7)).and_then(saturday_of_week);
                week_out(sat, true)
            }
            Raw::Clock { h, m, zone } => Out {
                kind: TimexType::Time,
                value: Some(format!("XXXX-XX-XXT{h:02}:{m:02}")),
                date: None,
                grain: None,
                modifier: None,
                zone,
            },
            Raw::Ref(k) => Out { value: Some(k.value().to_string()), ..Out::null_date() },
            Raw::Named { k, y, ydir, dir, shift } => {
                let Some(day) = self.named.get(usize::from(k)) else { return Out::null_date() };
                let year = y.or_else(|| {
                    let r = reference?;
                    Some(match ydir? {
                        Dir::Past => r.year() - 1,
                        Dir::This => r.year(),
                        Dir::Future => r.year() + 1,
                    })
                });
                let date = match (year, reference) {
                    (Some(y), _) => day.in_year(y),
                    (None, Some(r)) => day.around(r, dir, f.fut),
                    (None, None) => {
                        let value = match day {
                            NamedDay::Fixed(m, d) if shift == 0 => Some(format!("XXXX-{m:02}-{d:02}")),
                            _ => None,
                        };
                        return Out { value, ..Out::null_date() };
                    }
                };
                self.day_out(date.and_then(|d| add_days(d, i64::from(shift))), None)
            }
            Raw::Duration { ref value } => Out { kind: TimexType::Duration, value: Some(value.clone()), ..Out::null_date() },
            Raw::Set { ref value } => Out { kind: TimexType::Set, value: Some(value.clone()), ..Out::null_date() },
        }
    }

    fn day_out(&self, date: Option<NaiveDate>, dp: Option<u8>) -> Out {
        match dp {
            None => Out { value: date.map(fmt_day), date, grain: date.map(|_| Grain::Day), ..Out::null_date() },
            Some(p) => Out {
                kind: TimexType::Time,
                value: date.map(|d| format!("{}T{}", fmt_day(d), self.part_code(p))),
                date,
                grain: date.map(|_| Grain::Day),
                ..Out::null_date()
            },
        }
    }

    /// Gives each clock time the date of its sentence: the nearest day-grain date in the same sentence,
    /// else the fallback set during resolution (the last day-grain date before it, else the reference).
    /// Two sweeps per sentence group (forward and backward), so linear.
    fn date_clock_times(&self, doc: &Doc, found: &[Found], mut outs: Vec<Out>) -> Vec<Out> {
        let sent: Vec<usize> = found.iter().map(|f| doc.sentence_of(f.toks.start)).collect();
        let is_day = |o: &Out| o.grain == Some(Grain::Day) && o.kind == TimexType::Date;
        let mut g = 0;
        while g < found.len() {
            let mut h = g;
            while h < found.len() && sent[h] == sent[g] {
                h += 1;
            }
            // Nearest dated expression before and after each member of the group [g, h).
            let mut before: Vec<Option<usize>> = vec![None; h - g];
            let mut last = None;
            for k in g..h {
                before[k - g] = last;
                if is_day(&outs[k]) {
                    last = Some(k);
                }
            }
            let mut after: Vec<Option<usize>> = vec![None; h - g];
            let mut next = None;
            for k in (g..h).rev() {
                after[k - g] = next;
                if is_day(&outs[k]) {
                    next = Some(k);
                }
            }
            for k in g..h {
                let Raw::Clock { h: hh, m: mm, .. } = found[k].raw else { continue };
                let near = match (before[k - g], after[k - g]) {
                    (Some(b), Some(a)) => Some(if k - b <= a - k { b } else { a }),
                    (b, a) => b.or(a),
                };
                let date = near.and_then(|n| outs[n].date).or(outs[k].date);
                let o = &mut outs[k];
                o.date = date;
                o.grain = date.map(|_| Grain::Day);
                o.value = Some(match date {
                    Some(d) => format!("{}T{hh:02}:{mm:02}", fmt_day(d)),
                    None => format!("XXXX-XX-XXT{hh:02}:{mm:02}"),
                });
            }
            g = h;
        }
        outs
    }
}

// ---------------------------------------------------------------------------------------------------------
// Recognised expressions
// ---------------------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    /// The reference (publication) date.
    Reference,
    /// The previous resolved date in the text.
    Previous,
    /// The expression starting at this token, if there is one; else the reference date.
    Next(usize),
}

#[derive(Debug, Clone, PartialEq)]
enum Raw {
    /// A calendar day, year possibly missing; `wd` when a weekday was written with it; `dp` a part of day.
    Date { y: Option<i32>, m: u32, d: u32, wd: Option<u32>, dir: Option<Dir>, dp: Option<u8> },
    /// Looked like a date but cannot be one ("31 Februari").
    Invalid,
    /// "tanggal 5": a day of the reference month.
    DayOfMonth { d: u32 },
    Month { y: Option<i32>, m: u32, dir: Option<Dir>, part: Option<Part> },
    Year { y: i32, part: Option<Part> },
    Decade { y: i32 },
    Weekday { wd: u32, dir: Option<Dir>, dp: Option<u8> },
    /// A weekend with no marker ("pada akhir pekan").
    Weekend { dir: Option<Dir> },
    /// A weekend with a marker ("akhir pekan lalu").
    WeekendShift { sign: i8 },
    /// `n` units before (sign −1), at (0) or after (+1) the anchor; `n` None for a vague amount.
    Shift { unit: Unit, n: Option<u32>, sign: i8, anchor: Anchor, part: Option<Part>, dp: Option<u8> },
    Clock { h: u32, m: u32, zone: Option<i32> },
    /// A named day `k`; `y` its year when written, `ydir` the year relative to the reference's ("Lebaran
    /// tahun lalu"), `dir` the occurrence before or after the reference ("Natal lalu").
    /// `shift` days from it ("H-7 Lebaran" = −7).
    Named { k: u16, y: Option<i32>, ydir: Option<Dir>, dir: Option<Dir>, shift: i32 },
    Ref(RefKind),
    Duration { value: String },
    Set { value: String },
}

#[derive(Debug, Clone)]
struct Found {
    toks: Range<usize>,
    raw: Raw,
    /// A future-tense word stands shortly before: bare weekdays and dates point forward.
    fut: bool,
}

fn found(toks: Range<usize>, raw: Raw) -> Found {
    Found { toks, raw, fut: false }
}

#[derive(Debug, Clone, Copy)]
enum Num {
    N(u32),
    Vague,
}

#[derive(Debug, Clone, Copy)]
struct Core {
    d: u32,
    m: u32,
    y: Option<i32>,
    numeric: bool,
    valid: bool,
}

/// Recognisers for one sentence: tokens `lo..lim`. Every method looks at a bounded number of tokens.
struct Scanner<'s, 'd, 'a> {
    r: &'s TimeResolver,
    doc: &'d Doc<'a>,
    lex: &'s [Vec<(Cat, usize)>],
    lo: usize,
    lim: usize,
}

const DAYS_IN_MONTH: [u32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

impl Scanner<'_, '_, '_> {
    fn tok(&self, j: usize) -> Option<&Token> {
        (j < self.lim).then(|| &self.doc.tokens[j])
    }

    fn is(&self, j: usize, s: &str) -> bool {
        self.tok(j).is_some_and(|t| t.lower == s)
    }

    /// The longest reading at `j` that `f` accepts, with the index past it (within the sentence).
    fn cat<T>(&self, j: usize, f: impl Fn(Cat) -> Option<T>) -> Option<(T, usize)> {
        if j >= self.lim {
            return None;
        }
        let mut best: Option<(T, usize)> = None;
        for &(c, e) in &self.lex[j] {
            if e > self.lim {
                continue;
            }
            if let Some(v) = f(c) {
                if best.as_ref().is_none_or(|(_, be)| e > *be) {
                    best = Some((v, e));
                }
            }
        }
        best
    }

    fn has(&self, j: usize, c: Cat) -> Option<usize> {
        self.cat(j, |x| (x == c).then_some(())).map(|(_, e)| e)
    }

    fn has_any(&self, j: usize, cs: &[Cat]) -> Option<usize> {
        self.cat(j, |x| cs.contains(&x).then_some(())).map(|(_, e)| e)
    }

    /// A reading of the token before `i` that ends exactly at `i` (within the sentence).
    fn before_is(&self, i: usize, c: Cat) -> bool {
        i > self.lo && self.lex[i - 1].iter().any(|&(x, e)| x == c && e == i)
    }

    fn prev_text(&self, i: usize) -> Option<&str> {
        (i > self.lo).then(|| self.doc.tokens[i - 1].lower.as_str())
    }

    /// A token of ASCII digits only (at most 9 of them): value and number of digits.
    fn digits(&self, j: usize) -> Option<(u32, usize)> {
        let t = self.tok(j)?;
        if t.kind != TokenKind::Number || t.lower.is_empty() || t.lower.len() > 9 || !t.lower.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some((t.lower.parse().ok()?, t.lower.len()))
    }

    fn year4(&self, j: usize) -> Option<i32> {
        self.digits(j).filter(|&(v, l)| l == 4 && (1000..=2999).contains(&v)).map(|(v, _)| v as i32)
    }

    /// A day of the month: "19" or an ordinal "19th".
    fn day_num(&self, j: usize) -> Option<u32> {
        self.digits(j)
            .filter(|&(v, l)| l <= 2 && (1..=31).contains(&v))
            .map(|(v, _)| v)
            .or_else(|| self.cat(j, |c| if let Cat::Ordinal(n) = c { (1..=31).contains(&n).then_some(n) } else { None }).map(|(n, _)| n))
    }

    /// A number in digits or words ("3", "tiga", "dua belas", "dua puluh lima", "beberapa").
    fn number(&self, j: usize) -> Option<(Num, usize)> {
        if let Some((v, _)) = self.digits(j) {
            return Some((Num::N(v), j + 1));
        }
        if let Some(e) = self.has(j, Cat::Vague) {
            return Some((Num::Vague, e));
        }
        let (a, e) = self.cat(j, |c| if let Cat::Num(n) = c { Some(n) } else { None })?;
        if a < 10 {
            if let Some(e2) = self.has(e, Cat::Teen) {
                return Some((Num::N(10 + a), e2));
            }
            if let Some(e2) = self.has(e, Cat::Tens) {
                if let Some((b, e3)) = self.cat(e2, |c| if let Cat::Num(n) = c { (n < 10).then_some(n) } else { None }) {
                    return Some((Num::N(10 * a + b), e3));
                }
                return Some((Num::N(10 * a), e2));
            }
        }
        Some((Num::N(a), e))
    }

    fn marker(&self, j: usize) -> Option<(Dir, usize)> {
        self.cat(j, |c| match c {
            Cat::Past => Some(Dir::Past),
            Cat::Future => Some(Dir::Future),
            Cat::This => Some(Dir::This),
            _ => None,
        })
    }

    /// A part of the day that may follow a day ("Rabu malam", "Tuesday night"); not "a.m.".
    fn daypart(&self, j: usize) -> Option<(u8, usize)> {
        self.cat(j, |c| if let Cat::DayPart(p) = c { (!self.r.is_clock_part(p)).then_some(p) } else { None })
    }

    /// Any part of the day after a clock hour, and whether it marks a clock time by itself ("a.m.").
    fn clock_daypart(&self, j: usize) -> Option<((u8, bool), usize)> {
        self.cat(j, |c| if let Cat::DayPart(p) = c { Some((p, self.r.is_clock_part(p))) } else { None })
    }

    /// A marker before a unit, weekday or month ("last", "next", "this").
    fn pre(&self, j: usize) -> Option<(Dir, usize)> {
        self.cat(j, |c| if let Cat::Pre(d) = c { Some(d) } else { None })
    }

    fn unit(&self, j: usize) -> Option<(Unit, usize)> {
        self.cat(j, |c| if let Cat::Unit(u) = c { Some(u) } else { None })
    }

    fn one_unit(&self, j: usize) -> Option<(Unit, usize)> {
        self.cat(j, |c| if let Cat::OneUnit(u) = c { Some(u) } else { None })
    }

    fn month_at(&self, j: usize) -> Option<((u32, bool), usize)> {
        self.cat(j, |c| if let Cat::Month(m, full) = c { Some((m, full)) } else { None })
    }

    /// A future-tense word within a few tokens before `i`, in the same sentence.
    /// The window stops at punctuation: "Putin, yang akan ke Vietnam, tiba pada Rabu" is about the past.
    fn future_context(&self, i: usize) -> bool {
        let from = i.saturating_sub(FUTURE_WINDOW).max(self.lo);
        for j in (from..i).rev() {
            if self.doc.tokens[j].kind == TokenKind::Punct {
                return false;
            }
            if self.lex[j].iter().any(|&(c, _)| c == Cat::FutureTense) {
                return true;
            }
        }
        false
    }

    /// A clock reading: "10.00", "10:30" (hour, minute, true) or "10" (hour, 0, false).
    fn clock_tok(&self, j: usize) -> Option<(u32, u32, bool)> {
        let t = self.tok(j)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        let parts: Vec<&str> = t.lower.split(['.', ':']).collect();
        if parts.iter().any(|p| p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        let h: u32 = parts[0].parse().ok()?;
        match parts.len() {
            1 if h <= 24 => Some((h, 0, false)),
            2 | 3 if parts[1].len() == 2 => {
                let m: u32 = parts[1].parse().ok()?;
                (h <= 24 && m <= 59 && (h < 24 || m == 0)).then_some((h, m, true))
            }
            _ => None,
        }
    }

    /// A day and month, maybe a year: "19 Juni", "19 Juni 2024", "19/6", "19/6/2024", "19-6-2024",
    /// "19.6.2024", "June 19, 2024", "June 19th" (packs with `month_before_day`), "19th of June".
    fn date_core(&self, j: usize) -> Option<(Core, usize)> {
        let valid = |d: u32, m: u32, y: Option<i32>| match y {
            Some(y) => ymd(y, m, d).is_some(),
            None => d <= DAYS_IN_MONTH[(m - 1) as usize],
        };
        let month_first = self.r.month_before_day || self.r.either_date_order;
        let day_first = !self.r.month_before_day || self.r.either_date_order;
        // A month name opening a date is capitalised: "March 5", not "they march 5 miles".
        if month_first && self.tok(j).is_some() && self.doc.is_capitalised(j) {
            if let Some(((m, _), e)) = self.month_at(j) {
                let e = if self.is(e, ".") { e + 1 } else { e };
                if let Some(d) = self.day_num(e) {
                    let mut end = e + 1;
                    let mut y = None;
                    let k = if self.is(end, ",") { end + 1 } else { end };
                    if let Some(v) = self.year4(k) {
                        y = Some(v);
                        end = k + 1;
                    }
                    return Some((Core { d, m, y, numeric: false, valid: valid(d, m, y) }, end));
                }
            }
        }
        // One token "19.6.2024".
        if let Some(t) = self.tok(j) {
            if t.kind == TokenKind::Number && t.lower.contains('.') {
                let p: Vec<&str> = t.lower.split('.').collect();
                if p.len() == 3 && p[0].len() <= 2 && p[1].len() <= 2 && p[2].len() == 4 && p.iter().all(|x| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit())) {
                    let (d, m, y) = (p[0].parse().ok()?, p[1].parse().ok()?, p[2].parse().ok()?);
                    if ymd(y, m, d).is_some() {
                        return Some((Core { d, m, y: Some(y), numeric: true, valid: true }, j + 1));
                    }
                }
                return None;
            }
        }
        let d = self.day_num(j)?;
        // By month name, maybe after a joiner ("19th of June").
        if day_first {
            let k = match self.has(j + 1, Cat::DateJoiner) {
                Some(e) if self.month_at(e).is_some() => e,
                _ => j + 1,
            };
            if let Some(((m, full), mut e)) = self.month_at(k) {
                if !full && self.is(e, ".") && self.year4(e + 1).is_some() {
                    e += 1;
                }
                let y = self.year4(e);
                if y.is_some() {
                    e += 1;
                }
                return Some((Core { d, m, y, numeric: false, valid: valid(d, m, y) }, e));
            }
        }
        // Numeric: the separator and the month stick to the day ("19/6", not "19 / 6").
        let sep = self.tok(j + 1)?;
        if sep.space_before || !matches!(sep.lower.as_str(), "/" | "-") {
            return None;
        }
        let sep = sep.lower.clone();
        let mt = self.tok(j + 2)?;
        if mt.space_before {
            return None;
        }
        let m = self.digits(j + 2).filter(|&(v, l)| l <= 2 && (1..=12).contains(&v))?.0;
        let mut y = None;
        let mut end = j + 3;
        if self.is(j + 3, &sep) && !self.tok(j + 3)?.space_before && !self.tok(j + 4).is_some_and(|t| t.space_before) {
            if let Some((v, l)) = self.digits(j + 4) {
                y = match l {
                    4 => Some(v as i32),
                    2 => Some(if v < 70 { 2000 + v as i32 } else { 1900 + v as i32 }),
                    _ => None,
                };
                if y.is_some() {
                    end = j + 5;
                } else {
                    return None;
                }
            }
        }
        if sep == "-" && y.is_none() {
            return None;
        }
        if !valid(d, m, y) {
            return None;
        }
        Some((Core { d, m, y, numeric: true, valid: true }, end))
    }

    /// "Rabu", "hari Rabu", "Rabu (19/6)", "Rabu, 19 Juni 2024", "Senin depan", "Rabu malam",
    /// "last Tuesday", "next Monday".
    fn weekday(&self, i: usize) -> Option<Vec<Found>> {
        let mut j = i;
        let pre = self.pre(j).map(|(d, e)| {
            j = e;
            d
        });
        let day_word = match self.has(j, Cat::DayWord) {
            Some(e) => {
                j = e;
                true
            }
            None => false,
        };
        let (wd, e) = self.cat(j, |c| if let Cat::Weekday(w) = c { Some(w) } else { None })?;
        let wtok = j;
        j = e;
        // A word that is also a unit ("minggu": Sunday or week) followed by a marker is the unit.
        let also_unit = self.unit(wtok).is_some();
        if also_unit && !day_word && self.marker(j).is_some() {
            return None;
        }
        if !day_word && pre.is_none() && !self.doc.is_capitalised(wtok) && !self.before_is(i, Cat::Prep) {
            return None;
        }
        let mut core = None;
        if pre.is_some() {
            // "last Tuesday": the marker settles it; no date follows.
        } else if self.is(j, ",") {
            if let Some((c, e)) = self.date_core(j + 1) {
                core = Some(c);
                j = e;
            }
        } else if self.is(j, "(") {
            if let Some((c, e)) = self.date_core(j + 1) {
                if self.is(e, ")") {
                    core = Some(c);
                    j = e + 1;
                }
            }
        } else if let Some((c, e)) = self.date_core(j) {
            core = Some(c);
            j = e;
        }
        let raw = match core {
            Some(c) if !c.valid => Raw::Invalid,
            Some(c) => {
                let dp = self.daypart(j).map(|(p, e)| {
                    j = e;
                    p
                });
                Raw::Date { y: c.y, m: c.m, d: c.d, wd: Some(wd), dir: None, dp }
            }
            None => {
                let dir = pre.or_else(|| {
                    self.marker(j).map(|(d, e)| {
                        j = e;
                        d
                    })
                });
                let dp = self.daypart(j).map(|(p, e)| {
                    j = e;
                    p
                });
                Raw::Weekday { wd, dir, dp }
            }
        };
        Some(vec![found(i..j, raw)])
    }

    /// "19 Juni 2024", "tanggal 19/6", "(19/6)", "2024-06-19", "19-21 Juni", "tanggal 5", "19 Juni lalu".
    fn date(&self, i: usize) -> Option<Vec<Found>> {
        let mut j = i;
        let date_word = match self.has(j, Cat::DateWord) {
            Some(e) => {
                j = e;
                true
            }
            None => false,
        };
        // ISO 8601: 2024-06-19.
        if let Some(y) = self.year4(j) {
            let tight = |k: usize| self.tok(k).is_some_and(|t| !t.space_before);
            if self.is(j + 1, "-") && self.is(j + 3, "-") && (j + 1..=j + 4).all(tight) {
                let m = self.digits(j + 2).filter(|&(_, l)| l == 2)?.0;
                let d = self.digits(j + 4).filter(|&(_, l)| l == 2)?.0;
                let raw = if ymd(y, m, d).is_some() { Raw::Date { y: Some(y), m, d, wd: None, dir: None, dp: None } } else { Raw::Invalid };
                return Some(vec![found(i..j + 5, raw)]);
            }
        }
        let Some((core, mut e)) = self.date_core(j) else {
            // "19-21 Juni 2024", "19 hingga 21 Juni": the first day takes the month and year of the second.
            let d1 = self.day_num(j)?;
            if let Some(re) = self.has(j + 1, Cat::Range) {
                if let Some((c2, e2)) = self.date_core(re) {
                    if !c2.numeric && c2.valid {
                        let valid = match c2.y {
                            Some(y) => ymd(y, c2.m, d1).is_some(),
                            None => d1 <= DAYS_IN_MONTH[(c2.m - 1) as usize],
                        };
                        let first = if valid { Raw::Date { y: c2.y, m: c2.m, d: d1, wd: None, dir: None, dp: None } } else { Raw::Invalid };
                        let second = Raw::Date { y: c2.y, m: c2.m, d: c2.d, wd: None, dir: None, dp: None };
                        return Some(vec![found(i..j + 1, first), found(re..e2, second)]);
                    }
                }
            }
            if date_word {
                return Some(vec![found(i..j + 1, Raw::DayOfMonth { d: d1 })]);
            }
            return None;
        };
        if core.numeric && core.y.is_none() && !date_word && self.prev_text(i) != Some("(") && !self.before_is(i, Cat::Prep) {
            return None;
        }
        if !core.valid {
            return Some(vec![found(i..e, Raw::Invalid)]);
        }
        // "June 19-21", "June 19 to 21, 2024": the second day takes the month (and year) of the first.
        if !core.numeric && core.y.is_none() && self.month_at(j).is_some() {
            if let Some(re) = self.has(e, Cat::Range) {
                if let Some(d2) = self.day_num(re).filter(|&d2| d2 > core.d) {
                    let mut e2 = re + 1;
                    let k = if self.is(e2, ",") { e2 + 1 } else { e2 };
                    let y = self.year4(k).inspect(|_| e2 = k + 1);
                    let date = |d: u32| {
                        let ok = match y {
                            Some(y) => ymd(y, core.m, d).is_some(),
                            None => d <= DAYS_IN_MONTH[(core.m - 1) as usize],
                        };
                        if ok {
                            Raw::Date { y, m: core.m, d, wd: None, dir: None, dp: None }
                        } else {
                            Raw::Invalid
                        }
                    };
                    return Some(vec![found(i..e, date(core.d)), found(re..e2, date(d2))]);
                }
            }
        }
        let dir = if core.y.is_none() {
            self.marker(e).filter(|(d, _)| *d != Dir::This).map(|(d, x)| {
                e = x;
                d
            })
        } else {
            None
        };
        let dp = self.daypart(e).map(|(p, x)| {
            e = x;
            p
        });
        Some(vec![found(i..e, Raw::Date { y: core.y, m: core.m, d: core.d, wd: None, dir, dp })])
    }

    /// "Juni 2024", "bulan Juli", "bulan Juli nanti", "awal Juli", "pertengahan Juni 2024", "pada Juli".
    fn month(&self, i: usize) -> Option<Vec<Found>> {
        let mut j = i;
        let mut part = self.cat(j, |c| if let Cat::Part(p) = c { Some(p) } else { None }).map(|(p, e)| {
            j = e;
            p
        });
        let pre = self.pre(j).map(|(d, e)| {
            j = e;
            d
        });
        let month_word = match self.has(j, Cat::MonthWord) {
            Some(e) => {
                j = e;
                true
            }
            None => false,
        };
        // "mid-July": one token.
        let joined = (part.is_none() && pre.is_none() && !month_word)
            .then(|| self.cat(j, |c| if let Cat::PartMonth(p, m) = c { Some((p, m)) } else { None }))
            .flatten();
        let ((m, full), e) = match joined {
            Some(((p, m), e)) => {
                part = Some(p);
                ((m, true), e)
            }
            None => self.month_at(j)?,
        };
        j = e;
        if !full && self.is(j, ".") && self.year4(j + 1).is_some() {
            j += 1;
        }
        let mut y = None;
        if let Some(v) = self.year4(j) {
            y = Some(v);
            j += 1;
        } else if let Some(e) = self.has(j, Cat::YearWord) {
            if let Some(v) = self.year4(e) {
                y = Some(v);
                j = e + 1;
            }
        }
        let dir = if y.is_none() {
            pre.or_else(|| {
                self.marker(j).map(|(d, e)| {
                    j = e;
                    d
                })
            })
        } else {
            pre
        };
        let accepted = y.is_some() || month_word || (full && (part.is_some() || dir.is_some() || self.before_is(i, Cat::Prep)));
        if !accepted {
            return None;
        }
        Some(vec![found(i..j, Raw::Month { y, m, dir, part })])
    }

    /// "tahun 2024", "2024" (when plausibly a year), "awal 2024", "1990-an", "2023-2024", "2019 lalu".
    fn year(&self, i: usize) -> Option<Vec<Found>> {
        // One token: "1990s", "mid-2023".
        if let Some((y, e)) = self.cat(i, |c| if let Cat::DecadeTok(y) = c { Some(y) } else { None }) {
            return Some(vec![found(i..e, Raw::Decade { y })]);
        }
        if let Some(((part, y), e)) = self.cat(i, |c| if let Cat::PartYear(p, y) = c { Some((p, y)) } else { None }) {
            return Some(vec![found(i..e, Raw::Year { y, part: Some(part) })]);
        }
        let mut j = i;
        let part = self.cat(j, |c| if let Cat::Part(p) = c { Some(p) } else { None }).map(|(p, e)| {
            j = e;
            p
        });
        let year_word = match self.has(j, Cat::YearWord) {
            Some(e) => {
                j = e;
                true
            }
            None => false,
        };
        let ytok = j;
        let y = self.year4(ytok)?;
        j += 1;
        // Decade: "1990-an".
        if self.is(j, "-") && self.tok(j).is_some_and(|t| !t.space_before) {
            if let Some(e) = self.has(j + 1, Cat::DecadeSuffix) {
                if y % 10 == 0 {
                    return Some(vec![found(i..e, Raw::Decade { y })]);
                }
            }
        }
        if !year_word {
            if !(1900..=2100).contains(&y) {
                return None;
            }
            // Part of another number ("12/2024", "10:2024") or a quantity ("sebanyak 2024").
            if part.is_none() {
                if matches!(self.prev_text(ytok), Some("/" | "-" | ":" | "." | "–")) {
                    return None;
                }
                if ytok > self.lo && (self.doc.tokens[ytok - 1].kind == TokenKind::Number || self.before_is(ytok, Cat::QuantityBefore)) {
                    return None;
                }
            }
        }
        // "2024 orang": a counted noun after it makes any number a quantity.
        let quantity_next = |k: usize| self.has(k, Cat::QuantityAfter).is_some();
        if !year_word && quantity_next(j) {
            return None;
        }
        let mut out = Vec::new();
        // A range or list of years: "2023-2024", "2019 hingga 2024", "1998 dan 2019", "2019, 2020".
        let joined = self.has_any(j, &[Cat::Range, Cat::YearFollower]).or_else(|| self.is(j, ",").then_some(j + 1));
        if let Some(re) = joined {
            if let Some(y2) = self.year4(re).filter(|v| (1900..=2100).contains(v) || year_word) {
                if !quantity_next(re + 1) {
                    out.push(found(i..j, Raw::Year { y, part }));
                    let mut e = re + 1;
                    if let Some((Dir::Past | Dir::Future, x)) = self.marker(e) {
                        e = x;
                    }
                    out.push(found(re..e, Raw::Year { y: y2, part: None }));
                    return Some(out);
                }
            }
        }
        // A year word, a start/middle/end word or a preposition before it is evidence enough ("awal 2025
        // dimulai", "pada 2019 terjadi"); otherwise what follows must not make it a quantity.
        if !year_word && part.is_none() && !self.before_is(ytok, Cat::Prep) && !self.year_follows_ok(j) {
            return None;
        }
        if let Some((Dir::Past | Dir::Future, e)) = self.marker(j) {
            j = e;
        }
        out.push(found(i..j, Raw::Year { y, part }));
        Some(out)
    }

    /// What may follow a bare year: nothing, punctuation (not "/" or "%"), a capitalised word, a time
    /// marker, a range or preposition word, or a listed follower ("dan"). Anything else makes it a quantity.
    fn year_follows_ok(&self, j: usize) -> bool {
        let Some(t) = self.tok(j) else { return true };
        match t.kind {
            TokenKind::Punct => !matches!(t.lower.as_str(), "/" | "%" | "-" | ":"),
            TokenKind::Number => false,
            TokenKind::Word => {
                self.doc.is_capitalised(j)
                    || self
                        .has_any(j, &[Cat::Past, Cat::Future, Cat::This, Cat::Range, Cat::Prep, Cat::YearFollower, Cat::Ref(RefKind::Present)])
                        .is_some()
            }
        }
    }

    /// Relative dates: "kemarin", "hari ini", "kemarin sore", "keesokan harinya", "pagi ini", "tadi pagi",
    /// "dua hari lalu", "pekan lalu", "bulan depan", "tahun ini", "sehari sebelumnya", "tiga hari kemudian",
    /// "sehari sebelum pertemuan", "akhir bulan lalu", "awal tahun", "akhir pekan lalu".
    fn shift(&self, i: usize) -> Option<Vec<Found>> {
        let mut j = i;
        // Named relative days.
        let rel = self.cat(j, |c| match c {
            Cat::RelDay(d, p) => Some((d, p, Anchor::Reference)),
            Cat::AnaDay(d, p) => Some((d, p, Anchor::Previous)),
            _ => None,
        });
        if let Some(((d, p, mut anchor), e)) = rel {
            j = e;
            // "the day before the summit": a phrase ending in a before/after word, then a named event, counts
            // from the reference date like "sehari sebelum pertemuan".
            if anchor == Anchor::Previous && (self.before_is(e, Cat::Before) || self.before_is(e, Cat::After)) {
                let event = self.has(e, Cat::AnchorEvent).or_else(|| self.has(e, Cat::Article).and_then(|a| self.has(a, Cat::AnchorEvent)));
                if let Some(x) = event {
                    anchor = Anchor::Reference;
                    j = x;
                }
            }
            let dp = p.or_else(|| {
                self.daypart(j).map(|(p, e)| {
                    j = e;
                    p
                })
            });
            let sign = d.signum() as i8;
            return Some(vec![found(i..j, Raw::Shift { unit: Unit::Day, n: Some(d.unsigned_abs()), sign, anchor, part: None, dp })]);
        }
        // Part of today: "pagi ini", "malam nanti", "pagi tadi"; "tadi pagi", "nanti malam".
        if let Some((dp, e)) = self.daypart(j) {
            if let Some(e2) = self.has_any(e, &[Cat::This, Cat::Recent, Cat::Future]) {
                return Some(vec![found(i..e2, Raw::Shift { unit: Unit::Day, n: Some(0), sign: 0, anchor: Anchor::Reference, part: None, dp: Some(dp) })]);
            }
        }
        if let Some(e) = self.has_any(j, &[Cat::Recent, Cat::Future]) {
            if let Some((dp, e2)) = self.daypart(e) {
                return Some(vec![found(i..e2, Raw::Shift { unit: Unit::Day, n: Some(0), sign: 0, anchor: Anchor::Reference, part: None, dp: Some(dp) })]);
            }
        }
        // Weekend.
        if let Some(e) = self.has(j, Cat::Weekend) {
            j = e;
            return Some(vec![match self.marker(j) {
                Some((d, e)) => {
                    let sign = match d {
                        Dir::Past => -1,
                        Dir::This => 0,
                        Dir::Future => 1,
                    };
                    found(i..e, Raw::WeekendShift { sign })
                }
                None => found(i..j, Raw::Weekend { dir: None }),
            }]);
        }
        let part = self.cat(j, |c| if let Cat::Part(p) = c { Some(p) } else { None }).map(|(p, e)| {
            j = e;
            p
        });
        // "the end of the year": an article may follow a start/middle/end word.
        let mut article = false;
        if part.is_some() {
            if let Some(e) = self.has(j, Cat::Article) {
                if self.unit(e).is_some() {
                    j = e;
                    article = true;
                }
            }
        }
        // "earlier this month", "later this year": the value is the whole unit.
        if let Some(e) = self.has(j, Cat::RelPart) {
            if matches!(self.pre(e), Some((Dir::This, _))) {
                j = e;
            }
        }
        // Markers before the unit: "last week", "next year", "this month", "early next year", "last weekend".
        if let Some((dir, e)) = self.pre(j) {
            // "the last day of the talks", "the last week": not the one before the reference ("the current
            // year" is).
            if part.is_none() && dir != Dir::This && self.before_is(i, Cat::Article) {
                return None;
            }
            let sign: i8 = match dir {
                Dir::Past => -1,
                Dir::This => 0,
                Dir::Future => 1,
            };
            if let Some(e2) = self.has(e, Cat::Weekend).filter(|_| part.is_none()) {
                return Some(vec![found(i..e2, Raw::WeekendShift { sign })]);
            }
            let (unit, e2) = self.unit(e)?;
            let n = Some(sign.unsigned_abs().into());
            return Some(vec![found(i..e2, Raw::Shift { unit, n, sign, anchor: Anchor::Reference, part, dp: None })]);
        }
        // "the previous week", "the following month": relative to the previous date in the text.
        if let Some((sign, e)) = self.cat(j, |c| if let Cat::PreAna(s) = c { Some(s) } else { None }) {
            let (unit, e2) = self.unit(e)?;
            return Some(vec![found(i..e2, Raw::Shift { unit, n: Some(1), sign, anchor: Anchor::Previous, part, dp: None })]);
        }
        let (n, unit, explicit) = if let Some((u, e)) = self.one_unit(j) {
            j = e;
            (Some(1), u, true)
        } else if let Some((num, e)) = self.number(j) {
            let (u, e2) = self.unit(e)?;
            j = e2;
            (if let Num::N(v) = num { Some(v) } else { None }, u, true)
        } else {
            let (u, e) = self.unit(j)?;
            j = e;
            (Some(1), u, false)
        };
        let shift = |sign: i8, anchor: Anchor, n: Option<u32>| Raw::Shift { unit, n, sign, anchor, part, dp: None };
        let raw;
        if let Some((dir, e)) = self.marker(j) {
            if dir == Dir::This && explicit {
                return None;
            }
            j = e;
            raw = match dir {
                Dir::Past => shift(-1, Anchor::Reference, n),
                Dir::Future => shift(1, Anchor::Reference, n),
                Dir::This => shift(0, Anchor::Reference, Some(0)),
            };
        } else if let Some(e) = self.has(j, Cat::Previous) {
            j = e;
            raw = shift(-1, Anchor::Previous, n);
        } else if let Some(e) = self.has(j, Cat::Following) {
            j = e;
            raw = shift(1, Anchor::Previous, n);
        } else if let Some((sign, e)) = self.cat(j, |c| match c {
            Cat::Before => Some(-1i8),
            Cat::After => Some(1i8),
            _ => None,
        }) {
            if !explicit {
                return None;
            }
            j = e;
            // "a day before the summit": an article may precede the event noun.
            let event = self.has(j, Cat::AnchorEvent).or_else(|| self.has(j, Cat::Article).and_then(|a| self.has(a, Cat::AnchorEvent)));
            raw = match event {
                Some(e2) => {
                    j = e2;
                    shift(sign, Anchor::Reference, n)
                }
                // "a day before." / "two days after, …": nothing follows, so the previous date anchors it.
                None if self.tok(j).is_none_or(|t| t.kind == TokenKind::Punct && t.lower != "(") => shift(sign, Anchor::Previous, n),
                None => shift(sign, Anchor::Next(j), n),
            };
        } else if part.is_some() && !explicit && matches!(unit, Unit::Month | Unit::Year) && (article || !self.r.has_articles) {
            // "awal tahun", "akhir bulan", "the end of the year": the current one. A language with articles
            // needs one ("in his early years" is no date).
            raw = shift(0, Anchor::Reference, Some(0));
        } else {
            return None;
        }
        let mut raw = raw;
        if unit == Unit::Day {
            if let Some((p, e)) = self.daypart(j) {
                j = e;
                if let Raw::Shift { ref mut dp, .. } = raw {
                    *dp = Some(p);
                }
            }
        }
        Some(vec![found(i..j, raw)])
    }

    /// "tiga hari", "2 pekan", "setahun", "beberapa bulan", "2 jam 30 menit", "tiga hari terakhir",
    /// "the past three days", "over the past week", "a three-day visit", "a 24-hour strike".
    fn duration(&self, i: usize) -> Option<Vec<Found>> {
        let mut j = i;
        let head = self.has(j, Cat::DurHead);
        if let Some(e) = head {
            j = e;
        }
        let tight = |k: usize| self.tok(k).is_some_and(|t| !t.space_before);
        let mut parts: Vec<(Option<u32>, Unit)> = Vec::new();
        loop {
            let (n, u, e) = if let Some((u, e)) = self.one_unit(j) {
                (Some(1), u, e)
            } else if let Some(((n, u), e)) = self.cat(j, |c| if let Cat::NumUnit(n, u) = c { Some((n, u)) } else { None }) {
                (Some(n), u, e)
            } else if let Some((num, e)) = self.number(j) {
                // "24-hour": a hyphen may join the number and the unit.
                let e = if self.is(e, "-") && tight(e) && tight(e + 1) && self.unit(e + 1).is_some() { e + 1 } else { e };
                match self.unit(e) {
                    Some((u, e2)) => (if let Num::N(v) = num { Some(v) } else { None }, u, e2),
                    None => break,
                }
            } else {
                break;
            };
            // "Nomor 11 Tahun 2008": the unit word introduces a year, it does not count one.
            if self.year4(e).is_some() && self.has(e - 1, Cat::YearWord) == Some(e) {
                break;
            }
            // Only strictly smaller units continue a compound duration ("2 jam 30 menit").
            if let Some(&(_, last)) = parts.last() {
                if unit_rank(u) >= unit_rank(last) {
                    break;
                }
            }
            parts.push((n, u));
            j = e;
            if parts.len() >= 4 {
                break;
            }
        }
        if parts.is_empty() {
            // "the past week": a head makes a bare unit one of it.
            head?;
            let (u, e) = self.unit(j)?;
            parts.push((Some(1), u));
            j = e;
        }
        if let Some(e) = self.has(j, Cat::DurTail) {
            j = e;
        }
        Some(vec![found(i..j, Raw::Duration { value: duration_value(&parts) })])
    }

    /// "pukul 10.00 WIB", "pukul 10 pagi", "jam 14.30", "10.00 WIB", "pukul 08.00-12.00 WIB".
    fn clock(&self, i: usize) -> Option<Vec<Found>> {
        let mut j = i;
        let clock_word = match self.has(j, Cat::ClockWord) {
            Some(e) => {
                j = e;
                true
            }
            None => false,
        };
        // "9pm", "10.30am": one token, a clock time by itself.
        let (h, m, has_min, marked) = match self.cat(j, |c| if let Cat::ClockPart(h, m, p) = c { Some((h, m, p)) } else { None }) {
            Some(((h, m, p), e)) => {
                j = e;
                (self.r.adjust_hour(h, p), m, true, true)
            }
            None => {
                let (h, m, has_min) = self.clock_tok(j)?;
                j += 1;
                (h, m, has_min, false)
            }
        };
        let (h, zone, tail_marked, e) = self.clock_tail(h, j);
        j = e;
        // Without a clock word, a clock time needs "a.m." or the like ("10 a.m."), or minutes and a zone
        // ("10:00 GMT").
        if !clock_word && !marked && !tail_marked && !(has_min && zone.is_some()) {
            return None;
        }
        let mut out = vec![found(i..j, Raw::Clock { h, m, zone })];
        if let Some(re) = self.has(j, Cat::Range) {
            if let Some((h2, m2, _)) = self.clock_tok(re) {
                let (h2, zone2, _, e2) = self.clock_tail(h2, re + 1);
                if let Raw::Clock { zone: ref mut z, .. } = out[0].raw {
                    if z.is_none() {
                        *z = zone2;
                    }
                }
                out.push(found(re..e2, Raw::Clock { h: h2, m: m2, zone: zone2.or(zone) }));
            }
        }
        Some(out)
    }

    /// Part of day and time zone after a clock reading: the adjusted hour, the zone, whether a part that
    /// marks a clock time ("a.m.") was seen, the index past them.
    fn clock_tail(&self, h: u32, mut j: usize) -> (u32, Option<i32>, bool, usize) {
        let mut h = h;
        let mut zone = None;
        let mut marked = false;
        for _ in 0..2 {
            if let Some(((p, mark), e)) = self.clock_daypart(j) {
                h = self.r.adjust_hour(h, p);
                marked |= mark;
                j = e;
            } else if let Some((z, e)) = self.cat(j, |c| if let Cat::Zone(z) = c { Some(z) } else { None }) {
                if zone.is_none() {
                    zone = Some(z);
                }
                j = e;
            } else if let Some(e) = self.has(j, Cat::LocalTime) {
                j = e;
            } else {
                break;
            }
        }
        (h, zone, marked, j)
    }

    /// "setiap Senin", "tiap hari", "setiap 17 Agustus", "setiap pagi", "dua kali seminggu", "sebulan sekali",
    /// "twice a week".
    fn set(&self, i: usize) -> Option<Vec<Found>> {
        // "twice a week", "once a month".
        if let Some((_, e)) = self.cat(i, |c| if let Cat::Multiple(n) = c { Some(n) } else { None }) {
            let e2 = self.has_any(e, &[Cat::Per, Cat::Every])?;
            let (u, e3) = self.unit(e2)?;
            return Some(vec![found(i..e3, Raw::Set { value: duration_value(&[(Some(1), u)]) })]);
        }
        // "sebulan sekali", "seminggu dua kali".
        if let Some((u, e)) = self.one_unit(i) {
            let end = self.has(e, Cat::Once).or_else(|| self.number(e).and_then(|(_, e2)| self.has(e2, Cat::Times)));
            if let Some(end) = end {
                return Some(vec![found(i..end, Raw::Set { value: duration_value(&[(Some(1), u)]) })]);
            }
        }
        // "dua kali seminggu", "tiga kali per pekan", "dua kali setiap tahun".
        if let Some((_, e)) = self.number(i) {
            let e2 = self.has(e, Cat::Times)?;
            let (u, e3) = if let Some((u, e3)) = self.one_unit(e2) {
                (u, e3)
            } else {
                let e3 = self.has_any(e2, &[Cat::Per, Cat::Every])?;
                self.unit(e3)?
            };
            return Some(vec![found(i..e3, Raw::Set { value: duration_value(&[(Some(1), u)]) })]);
        }
        // "per bulan": a rate.
        if let Some(e) = self.has(i, Cat::Rate) {
            let (u, e2) = self.unit(e)?;
            return Some(vec![found(i..e2, Raw::Set { value: duration_value(&[(Some(1), u)]) })]);
        }
        let mut j = self.has(i, Cat::Every)?;
        let day_word = match self.has(j, Cat::DayWord) {
            Some(e) if self.cat(e, |c| matches!(c, Cat::Weekday(_)).then_some(())).is_some() => {
                j = e;
                true
            }
            _ => false,
        };
        if let Some((wd, e)) = self.cat(j, |c| if let Cat::Weekday(w) = c { Some(w) } else { None }) {
            let mut value = format!("XXXX-WXX-{}", wd + 1);
            j = e;
            if let Some((p, e)) = self.daypart(j) {
                value.push('T');
                value.push_str(self.r.part_code(p));
                j = e;
            }
            return Some(vec![found(i..j, Raw::Set { value })]);
        }
        if day_word {
            return None;
        }
        if let Some(e) = self.has(j, Cat::Weekend) {
            return Some(vec![found(i..e, Raw::Set { value: "XXXX-WXX-WE".into() })]);
        }
        if let Some((c, e)) = self.date_core(j) {
            if !c.numeric && c.y.is_none() && c.valid {
                return Some(vec![found(i..e, Raw::Set { value: format!("XXXX-{:02}-{:02}", c.m, c.d) })]);
            }
        }
        if let Some(e) = self.has(j, Cat::DateWord) {
            let d = self.day_num(e)?;
            return Some(vec![found(i..e + 1, Raw::Set { value: format!("XXXX-XX-{d:02}") })]);
        }
        if let Some(((m, true), e)) = self.month_at(j) {
            return Some(vec![found(i..e, Raw::Set { value: format!("XXXX-{m:02}") })]);
        }
        if let Some((p, e)) = self.daypart(j) {
            return Some(vec![found(i..e, Raw::Set { value: format!("XXXX-XX-XXT{}", self.r.part_code(p)) })]);
        }
        let (n, u, e) = if let Some((u, e)) = self.one_unit(j) {
            (Some(1), u, e)
        } else if let Some((num, e)) = self.number(j) {
            let (u, e2) = self.unit(e)?;
            (if let Num::N(v) = num { Some(v) } else { None }, u, e2)
        } else {
            let (u, e) = self.unit(j)?;
            (Some(1), u, e)
        };
        Some(vec![found(i..e, Raw::Set { value: duration_value(&[(n, u)]) })])
    }

    /// "Natal", "hari raya Idul Fitri", "Lebaran 2014", "Natal tahun lalu", "Imlek tahun ini", "Natal lalu",
    /// "H-7 Lebaran", "H+3 Lebaran".
    fn named_day(&self, i: usize) -> Option<Vec<Found>> {
        let named = |c: Cat| if let Cat::NamedDay(k) = c { Some(k) } else { None };
        let mut j = i;
        let mut shift = 0;
        let tight = |k: usize| self.tok(k).is_some_and(|t| !t.space_before);
        if let Some((n, e)) = self.cat(j, |c| if let Cat::DayCountN(n) = c { Some(n) } else { None }) {
            shift = n;
            j = e;
        } else if let Some(e) = self.has(j, Cat::DayCount) {
            if self.is(e, "+") && tight(e) && tight(e + 1) {
                if let Some((n, _)) = self.digits(e + 1).filter(|&(_, l)| l <= 3) {
                    shift = n as i32;
                    j = e + 2;
                }
            }
        }
        if let Some(e) = self.has(j, Cat::NamedDayWord).filter(|&e| self.cat(e, named).is_some()) {
            j = e;
        }
        let (k, e) = self.cat(j, named)?;
        j = e;
        let (mut y, mut ydir, mut dir) = (None, None, None);
        // A year of another calendar ("Idul Fitri 1445 H") is no Gregorian year: it stays outside.
        if let Some(v) = self.year4(j).filter(|v| (1900..=2100).contains(v)) {
            y = Some(v);
            j += 1;
        } else if let Some(e) = self.has(j, Cat::YearWord) {
            if let Some(v) = self.year4(e) {
                y = Some(v);
                j = e + 1;
            } else if let Some((d, e2)) = self.marker(e) {
                ydir = Some(d);
                j = e2;
            }
        } else if let Some((d @ (Dir::Past | Dir::Future), e)) = self.marker(j) {
            dir = Some(d);
            j = e;
        }
        Some(vec![found(i..j, Raw::Named { k, y, ydir, dir, shift })])
    }

    /// "belakangan ini", "kini", "kelak".
    fn reference(&self, i: usize) -> Option<Vec<Found>> {
        let (k, e) = self.cat(i, |c| if let Cat::Ref(k) = c { Some(k) } else { None })?;
        Some(vec![found(i..e, Raw::Ref(k))])
    }
}

fn unit_rank(u: Unit) -> u8 {
    match u {
        Unit::Second => 0,
        Unit::Minute => 1,
        Unit::Hour => 2,
        Unit::Day => 3,
        Unit::Week => 4,
        Unit::Month => 5,
        Unit::Year => 6,
        Unit::Decade => 7,
        Unit::Century => 8,
    }
}

/// TIMEX3 duration value: P3D, P2W, P1Y, PT2H30M, P1DE, PXD for a vague amount.
fn duration_value(parts: &[(Option<u32>, Unit)]) -> String {
    let mut date = String::new();
    let mut time = String::new();
    for &(n, u) in parts {
        let n = n.map_or_else(|| "X".to_string(), |v| v.to_string());
        let (code, in_time) = match u {
            Unit::Century => ("CE", false),
            Unit::Decade => ("DE", false),
            Unit::Year => ("Y", false),
            Unit::Month => ("M", false),
            Unit::Week => ("W", false),
            Unit::Day => ("D", false),
            Unit::Hour => ("H", true),
            Unit::Minute => ("M", true),
            Unit::Second => ("S", true),
        };
        let s = if in_time { &mut time } else { &mut date };
        s.push_str(&n);
        s.push_str(code);
    }
    if time.is_empty() {
        format!("P{date}")
    } else {
        format!("P{date}T{time}")
    }
}

// ---------------------------------------------------------------------------------------------------------
// Resolution helpers
// ---------------------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct Out {
    kind: TimexType,
    value: Option<String>,
    date: Option<NaiveDate>,
    grain: Option<Grain>,
    modifier: Option<&'static str>,
    zone: Option<i32>,
}

impl Out {
    fn null_date() -> Out {
        Out { kind: TimexType::Date, value: None, date: None, grain: None, modifier: None, zone: None }
    }
}

/// The last resolved dates, by precision: what "sehari sebelumnya" and its kin anchor on.
#[derive(Debug, Default)]
struct Anchors {
    day: Option<NaiveDate>,
    month: Option<NaiveDate>,
    any: Option<NaiveDate>,
}

impl Anchors {
    fn update(&mut self, o: &Out) {
        if !matches!(o.kind, TimexType::Date | TimexType::Time) {
            return;
        }
        let Some(d) = o.date else { return };
        match o.grain {
            Some(Grain::Day) => {
                self.day = Some(d);
                self.month = Some(d);
                self.any = Some(d);
            }
            Some(Grain::Month) | None => {
                self.month = Some(d);
                self.any = Some(d);
            }
            Some(Grain::Year) => self.any = Some(d),
        }
    }

    fn for_unit(&self, u: Unit) -> Option<NaiveDate> {
        match u {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Week => self.day,
            Unit::Month => self.month,
            Unit::Year | Unit::Decade | Unit::Century => self.any,
        }
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1..=9999).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

fn add_days(d: NaiveDate, k: i64) -> Option<NaiveDate> {
    let r = if k >= 0 { d.checked_add_days(Days::new(k as u64)) } else { d.checked_sub_days(Days::new(k.unsigned_abs())) }?;
    (1..=9999).contains(&r.year()).then_some(r)
}

fn add_months(y: i32, m: u32, k: i64) -> Option<(i32, u32)> {
    let total = i64::from(y).checked_mul(12)?.checked_add(i64::from(m) - 1)?.checked_add(k)?;
    let (ny, nm) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    (1..=9999).contains(&ny).then_some((ny as i32, nm))
}

fn saturday_of_week(d: NaiveDate) -> Option<NaiveDate> {
    let cur = d.weekday().num_days_from_monday() as i64;
    add_days(d, 5 - cur)
}

fn fmt_day(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn month_out(first: Option<NaiveDate>) -> Out {
    Out {
        value: first.map(|d| format!("{:04}-{:02}", d.year(), d.month())),
        date: first,
        grain: first.map(|_| Grain::Month),
        ..Out::null_date()
    }
}

fn year_out(first: Option<NaiveDate>) -> Out {
    Out { value: first.map(|d| format!("{:04}", d.year())), date: first, grain: first.map(|_| Grain::Year), ..Out::null_date() }
}

/// A week (`2024-W24`, date = its Monday) or a weekend (`2024-W24-WE`, date = its Saturday).
fn week_out(day: Option<NaiveDate>, weekend: bool) -> Out {
    let Some(d) = day else { return Out::null_date() };
    let w = d.iso_week();
    let cur = d.weekday().num_days_from_monday() as i64;
    let date = if weekend { saturday_of_week(d) } else { add_days(d, -cur) };
    let value = if weekend { format!("{:04}-W{:02}-WE", w.year(), w.week()) } else { format!("{:04}-W{:02}", w.year(), w.week()) };
    Out { value: Some(value), date, grain: None, ..Out::null_date() }
}

/// A bare weekday: the nearest such day on or before the reference (news reports the past); with a past
/// marker strictly before, with a future marker or future tense after, with "this" in the same ISO week.
fn weekday_date(r: NaiveDate, wd: u32, dir: Option<Dir>, fut: bool) -> Option<NaiveDate> {
    let cur = r.weekday().num_days_from_monday();
    let back = i64::from((cur + 7 - wd) % 7);
    let fwd = i64::from((wd + 7 - cur) % 7);
    match dir {
        Some(Dir::Past) => add_days(r, -(if back == 0 { 7 } else { back })),
        Some(Dir::Future) => add_days(r, if fwd == 0 { 7 } else { fwd }),
        Some(Dir::This) => add_days(r, i64::from(wd) - i64::from(cur)),
        None if fut => add_days(r, fwd),
        None => add_days(r, -back),
    }
}

/// A day and month without a year, against the reference date.
fn day_month_date(r: NaiveDate, m: u32, d: u32, wd: Option<u32>, dir: Option<Dir>, fut: bool) -> Option<NaiveDate> {
    let ry = r.year();
    match dir {
        Some(Dir::Past) => (0..=8).filter_map(|k| ymd(ry - k, m, d)).find(|x| *x < r),
        Some(Dir::Future) => (0..=8).filter_map(|k| ymd(ry + k, m, d)).find(|x| *x > r),
        _ => {
            if let Some(wd) = wd {
                // The weekday picks the year nearest the reference whose calendar agrees.
                let best = (ry - 1..=ry + 1)
                    .filter_map(|y| ymd(y, m, d))
                    .filter(|x| x.weekday().num_days_from_monday() == wd)
                    .min_by_key(|x| (*x - r).num_days().abs());
                if best.is_some() {
                    return best;
                }
            }
            if fut {
                return (0..=8).filter_map(|k| ymd(ry + k, m, d)).find(|x| *x >= r);
            }
            let x = ymd(ry, m, d)?;
            if (x - r).num_days() > 183 {
                ymd(ry - 1, m, d)
            } else {
                Some(x)
            }
        }
    }
}

/// The year of a month named without one.
fn month_year(r: NaiveDate, m: u32, dir: Option<Dir>, fut: bool) -> i32 {
    let (ry, rm) = (r.year(), r.month());
    match dir {
        Some(Dir::Past) => {
            if m < rm {
                ry
            } else {
                ry - 1
            }
        }
        Some(Dir::Future) => {
            if m > rm {
                ry
            } else {
                ry + 1
            }
        }
        Some(Dir::This) => ry,
        None if fut => {
            if m >= rm {
                ry
            } else {
                ry + 1
            }
        }
        None => {
            if m > rm + 6 {
                ry - 1
            } else {
                ry
            }
        }
    }
}

/// The publication date the text implies: the latest date written with a weekday (its year, when missing,
/// is the latest one not after `today` whose calendar agrees with the weekday); failing that, the latest
/// full date with a year not after `today`. Constant work per candidate, so linear overall.
fn infer_published(found: &[Found], today: NaiveDate) -> Option<NaiveDate> {
    let mut with_weekday: Option<NaiveDate> = None;
    let mut full: Option<NaiveDate> = None;
    // A date announced in the future tense ("akan … pada Jumat (21/6)") is not the day of writing; it counts
    // only when nothing else does.
    let dated = |fut: bool| found.iter().filter(move |f| f.fut == fut);
    let fut = !dated(false).any(|f| matches!(f.raw, Raw::Date { y: Some(_), .. } | Raw::Date { wd: Some(_), .. }));
    for f in dated(fut) {
        let Raw::Date { y, m, d, wd, .. } = f.raw else { continue };
        match (y, wd) {
            (None, Some(wd)) => {
                if let Some(x) = latest_agreeing(m, d, wd, today) {
                    with_weekday = with_weekday.max(Some(x));
                }
            }
            (Some(y), wd) => {
                if let Some(x) = ymd(y, m, d).filter(|x| *x <= today) {
                    if wd.is_some() {
                        with_weekday = with_weekday.max(Some(x));
                    } else {
                        full = full.max(Some(x));
                    }
                }
            }
            (None, None) => {}
        }
    }
    with_weekday.or(full)
}

/// The latest year ≤ today's whose `d`/`m` falls on weekday `wd` and is not after `today`.
fn latest_agreeing(m: u32, d: u32, wd: u32, today: NaiveDate) -> Option<NaiveDate> {
    let ty = today.year();
    (ty.saturating_sub(MAX_YEARS_BACK)..=ty)
        .rev()
        .filter_map(|y| ymd(y, m, d))
        .find(|x| *x <= today && x.weekday().num_days_from_monday() == wd)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_en;
