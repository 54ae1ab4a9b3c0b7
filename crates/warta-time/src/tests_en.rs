//! English tests: sentences written for them, resolved with `lang/en/time.toml`. The English pack may not
//! load whole yet, so its time words are read on their own (with a stand-in `pack.toml`).
//!
//! Publication date 2024-06-19, a Wednesday (ISO week 25), unless a test says otherwise.

use super::*;
use std::collections::HashSet;
use std::sync::OnceLock;
use warta_lang::Pack;

const EN_TIME: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../lang/en/time.toml"));
const PUB: &str = "2024-06-19";
const TODAY: &str = "2026-11-26";

fn words() -> &'static TimeWords {
    static W: OnceLock<TimeWords> = OnceLock::new();
    W.get_or_init(|| {
        let files = [("pack.toml", "code = 'en'\nname = 'English'"), ("time.toml", EN_TIME)];
        Pack::from_files("en", files.into_iter()).unwrap_or_else(|e| panic!("{e}")).time
    })
}

fn resolver() -> &'static TimeResolver {
    static R: OnceLock<TimeResolver> = OnceLock::new();
    R.get_or_init(|| TimeResolver::new(words()))
}

/// Abbreviations after which a period does not end an English sentence (a stand-in for the pack's list).
fn abbrevs() -> HashSet<String> {
    ["mr", "mrs", "ms", "dr", "prof", "gen", "sen", "gov", "lt", "col", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "st"]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn run(text: &str, published: Option<&str>, today: &str) -> TimeResult {
    let doc = warta_text::segment(text, &abbrevs());
    let r = resolver().resolve(&doc, published.map(d), d(today));
    // Offsets give back the text; expressions are ordered and disjoint.
    let chars: Vec<char> = text.chars().collect();
    for t in &r.timexes {
        assert!(t.cstart < t.cend && t.cend <= chars.len(), "{t:?}");
        assert_eq!(chars[t.cstart..t.cend].iter().collect::<String>(), t.text, "{t:?}");
    }
    for w in r.timexes.windows(2) {
        assert!(w[0].tokens.end <= w[1].tokens.start, "overlapping: {:?} {:?}", w[0], w[1]);
    }
    r
}

fn listing(r: &TimeResult) -> Vec<String> {
    r.timexes.iter().map(|t| format!("{:?} {} {:?} {:?}", t.text, t.kind.as_str(), t.value, t.modifier)).collect()
}

fn get<'a>(r: &'a TimeResult, text: &str) -> &'a Timex {
    r.timexes.iter().find(|t| t.text == text).unwrap_or_else(|| panic!("no timex {text:?} in {:#?}", listing(r)))
}

use TimexType::{Date as DATE, Duration as DURATION, Set as SET, Time as TIME};

/// (sentence, expression, type, value, TIMEX3 mod): each sentence on its own, published 2024-06-19.
const TABLE: &[(&str, &str, TimexType, &str, Option<&str>)] = &[
    // Markers before a unit.
    ("Food prices rose sharply last week.", "last week", DATE, "2024-W24", None),
    ("Parliament meets again next week.", "next week", DATE, "2024-W26", None),
    ("Markets rallied this week.", "this week", DATE, "2024-W25", None),
    ("Exports fell last month.", "last month", DATE, "2024-05", None),
    ("Sales slumped this month.", "this month", DATE, "2024-06", None),
    ("The plant reopens next month.", "next month", DATE, "2024-07", None),
    ("The economy shrank last year.", "last year", DATE, "2023", None),
    ("Elections are due next year.", "next year", DATE, "2025", None),
    ("Growth slowed this year.", "this year", DATE, "2024", None),
    ("Turnout in last year's vote was low.", "last year's", DATE, "2023", None),
    ("The budget for the current year was cut.", "current year", DATE, "2024", None),
    ("The minister resigned earlier this month.", "earlier this month", DATE, "2024-06", None),
    ("Prices will rise later this year.", "later this year", DATE, "2024", None),
    ("Talks stalled earlier this week.", "earlier this week", DATE, "2024-W25", None),
    ("The port will reopen early next year.", "early next year", DATE, "2025", Some("START")),
    ("The mine closed late last year.", "late last year", DATE, "2023", Some("END")),
    ("The law expires at the end of the year.", "the end of the year", DATE, "2024", Some("END")),
    ("Wages were cut at the end of last month.", "the end of last month", DATE, "2024-05", Some("END")),
    ("Roads were jammed last weekend.", "last weekend", DATE, "2024-W24-WE", None),
    ("Protests are planned this weekend.", "this weekend", DATE, "2024-W25-WE", None),
    // Weekdays.
    ("She arrived last Tuesday.", "last Tuesday", DATE, "2024-06-18", None),
    ("Putin spoke on Wednesday.", "Wednesday", DATE, "2024-06-19", None),
    ("The rebels attacked on Monday.", "Monday", DATE, "2024-06-17", None),
    ("He will fly there next Monday.", "next Monday", DATE, "2024-06-24", None),
    ("The court rules this Friday.", "this Friday", DATE, "2024-06-21", None),
    ("Troops withdrew last Sunday.", "last Sunday", DATE, "2024-06-16", None),
    ("The president will visit on Thursday.", "Thursday", DATE, "2024-06-20", None),
    ("Shelling resumed Tuesday night.", "Tuesday night", TIME, "2024-06-18TNI", None),
    // Calendar dates.
    ("The deal was signed June 19.", "June 19", DATE, "2024-06-19", None),
    ("The deal was signed June 19, 2024, in Pyongyang.", "June 19, 2024", DATE, "2024-06-19", None),
    ("Putin landed on Wednesday, June 19.", "Wednesday, June 19", DATE, "2024-06-19", None),
    ("The treaty was signed on 19 June 2024.", "19 June 2024", DATE, "2024-06-19", None),
    ("The vote was held on June 2nd.", "June 2nd", DATE, "2024-06-02", None),
    ("He was born on the 4th of July 1990.", "4th of July 1990", DATE, "1990-07-04", None),
    ("The ceasefire began Jan. 5, 2023.", "Jan. 5, 2023", DATE, "2023-01-05", None),
    ("The fair opens Dec. 24.", "Dec. 24", DATE, "2023-12-24", None),
    ("Elections were held on 2024-02-14 nationwide.", "2024-02-14", DATE, "2024-02-14", None),
    // Months, years, decades.
    ("Talks resume in July.", "July", DATE, "2024-07", None),
    ("The law takes effect by July.", "July", DATE, "2024-07", None),
    ("The law takes effect in December.", "December", DATE, "2024-12", None),
    ("Prices fell in January.", "January", DATE, "2024-01", None),
    ("Floods hit last June.", "last June", DATE, "2023-06", None),
    ("Voting starts next March.", "next March", DATE, "2025-03", None),
    ("Inflation hit a peak in May 2022.", "May 2022", DATE, "2022-05", None),
    ("Fighting eased in mid-July.", "mid-July", DATE, "2024-07", Some("MID")),
    ("Rains came in early June.", "early June", DATE, "2024-06", Some("START")),
    ("The deal collapsed in late May.", "late May", DATE, "2024-05", Some("END")),
    ("The plant closed in late 2023.", "late 2023", DATE, "2023", Some("END")),
    ("Output peaked in mid-2021.", "mid-2021", DATE, "2021", Some("MID")),
    ("The war ended in 2019.", "2019", DATE, "2019", None),
    ("Turnout in the 2024 election was high.", "2024", DATE, "2024", None),
    ("Inflation soared in the 1990s.", "1990s", DATE, "199", None),
    // Relative days and parts of the day.
    ("Yesterday the minister resigned.", "Yesterday", DATE, "2024-06-18", None),
    ("Today the talks open.", "Today", DATE, "2024-06-19", None),
    ("Tomorrow the vote is held.", "Tomorrow", DATE, "2024-06-20", None),
    ("Tonight the leaders dine together.", "Tonight", TIME, "2024-06-19TNI", None),
    ("A blast shook the city last night.", "last night", TIME, "2024-06-18TNI", None),
    ("The minister spoke this morning.", "this morning", TIME, "2024-06-19TMO", None),
    ("Rain fell yesterday afternoon.", "yesterday afternoon", TIME, "2024-06-18TAF", None),
    ("The envoy left the day before yesterday.", "the day before yesterday", DATE, "2024-06-17", None),
    // Amounts with markers after them.
    ("Two days ago the border closed.", "Two days ago", DATE, "2024-06-17", None),
    ("Three weeks ago rebels attacked.", "Three weeks ago", DATE, "2024-W22", None),
    ("The firm was founded three years ago.", "three years ago", DATE, "2021", None),
    ("A decade ago the town was empty.", "A decade ago", DATE, "201", None),
    ("A few days ago the talks failed.", "A few days ago", DATE, "PAST_REF", None),
    ("The results come two weeks from now.", "two weeks from now", DATE, "2024-W27", None),
    // Clock times.
    ("He spoke at 10 a.m. in Seoul.", "10 a.m.", TIME, "2024-06-19T10:00", None),
    ("The blast happened at 10:00 GMT near the port.", "10:00 GMT", TIME, "2024-06-19T10:00", None),
    ("The curfew starts at 9 p.m. sharp.", "9 p.m.", TIME, "2024-06-19T21:00", None),
    ("The strike began at 9pm on Tuesday.", "9pm", TIME, "2024-06-18T21:00", None),
    ("The plane landed at 10.30am.", "10.30am", TIME, "2024-06-19T10:30", None),
    ("Guards changed at 12 a.m. sharp.", "12 a.m.", TIME, "2024-06-19T00:00", None),
    ("The rally ended at 6:45 p.m. local time.", "6:45 p.m. local time", TIME, "2024-06-19T18:45", None),
    // Durations.
    ("The strike lasted for three days.", "three days", DURATION, "P3D", None),
    ("The siege lasted two weeks.", "two weeks", DURATION, "P2W", None),
    ("He waited for 24 hours.", "24 hours", DURATION, "PT24H", None),
    ("Talks went on for a year.", "a year", DURATION, "P1Y", None),
    ("Prices rose over the past three days.", "past three days", DURATION, "P3D", None),
    ("Aid will arrive over the next two weeks.", "next two weeks", DURATION, "P2W", None),
    ("Tensions rose over the past week.", "past week", DURATION, "P1W", None),
    ("He began a three-day visit to Hanoi.", "three-day", DURATION, "P3D", None),
    ("Unions called a 24-hour strike.", "24-hour", DURATION, "PT24H", None),
    ("The war lasted twenty-five years.", "twenty-five years", DURATION, "P25Y", None),
    ("He was jailed for several months.", "several months", DURATION, "PXM", None),
    ("The operation took 2 hours 30 minutes.", "2 hours 30 minutes", DURATION, "PT2H30M", None),
    ("Markets fell three days in a row.", "three days in a row", DURATION, "P3D", None),
    // Sets.
    ("The market opens every Monday.", "every Monday", SET, "XXXX-WXX-1", None),
    ("Patrols run every day.", "every day", SET, "P1D", None),
    ("The council meets twice a week.", "twice a week", SET, "P1W", None),
    ("Inspectors come three times a year.", "three times a year", SET, "P1Y", None),
    ("Reports are filed each month.", "each month", SET, "P1M", None),
    ("Bells ring every morning.", "every morning", SET, "XXXX-XX-XXTMO", None),
    ("Salaries are paid every 25 June.", "every 25 June", SET, "XXXX-06-25", None),
    // Vague references.
    ("Prices have risen recently.", "recently", DATE, "PAST_REF", None),
    ("Prices are now stable.", "now", DATE, "PRESENT_REF", None),
    ("Violence has grown in recent years.", "recent years", DATE, "PAST_REF", None),
    ("More rain is expected in the coming days.", "coming days", DATE, "FUTURE_REF", None),
];

#[test]
fn english_expressions_resolve_against_the_publication_date() {
    let mut failures = Vec::new();
    for &(sentence, text, kind, value, modifier) in TABLE {
        let r = run(sentence, Some(PUB), TODAY);
        let Some(t) = r.timexes.iter().find(|t| t.text == text) else {
            failures.push(format!("{sentence:?}: no {text:?} in {:?}", listing(&r)));
            continue;
        };
        if (t.kind, t.value.as_deref(), t.modifier) != (kind, Some(value), modifier) {
            failures.push(format!("{sentence:?}: {text:?} gave {} {:?} {:?}, want {kind} {value:?} {modifier:?}", t.kind, t.value, t.modifier));
        }
    }
    assert!(failures.is_empty(), "{} of {} rows failed:\n{}", failures.len(), TABLE.len(), failures.join("\n"));
}

#[test]
fn english_table_sentences_hold_only_the_expected_expression() {
    // Each table sentence holds one time expression; a weekday next to a clock time is the second.
    let mut failures = Vec::new();
    for &(sentence, text, ..) in TABLE {
        let r = run(sentence, Some(PUB), TODAY);
        let extra: Vec<_> = r.timexes.iter().filter(|t| t.text != text && !(text == "9pm" && t.text == "Tuesday")).collect();
        if !extra.is_empty() {
            failures.push(format!("{sentence:?}: {:?}", listing(&r)));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn english_dates_carry_day_month_and_year_grain() {
    let r = run("Putin landed on Wednesday, June 19. Fighting eased in mid-July. The war ended in 2019.", Some(PUB), TODAY);
    let t = get(&r, "Wednesday, June 19");
    assert_eq!((t.date, t.grain), (Some(d("2024-06-19")), Some(Grain::Day)));
    let t = get(&r, "mid-July");
    assert_eq!((t.date, t.grain), (Some(d("2024-07-01")), Some(Grain::Month)));
    let t = get(&r, "2019");
    assert_eq!((t.date, t.grain), (Some(d("2019-01-01")), Some(Grain::Year)));
    let r = run("Food prices rose sharply last week.", Some(PUB), TODAY);
    let t = get(&r, "last week");
    assert_eq!((t.date, t.grain), (Some(d("2024-06-10")), None));
    let r = run("The blast happened at 10:00 GMT near the port.", Some(PUB), TODAY);
    assert_eq!(get(&r, "10:00 GMT").utc_offset, Some(0));
}

#[test]
fn english_anaphora_follows_the_previous_date() {
    let r = run(
        "The summit opened on June 10. The day before, protesters gathered outside. Two days later the leaders left. \
         A day earlier, the envoy had flown home. The following week talks resumed.",
        Some(PUB),
        TODAY,
    );
    assert_eq!(get(&r, "June 10").value.as_deref(), Some("2024-06-10"));
    assert_eq!(get(&r, "The day before").value.as_deref(), Some("2024-06-09"));
    // Anchored on the latest date: "The day before" (9 June) + 2.
    assert_eq!(get(&r, "Two days later").value.as_deref(), Some("2024-06-11"));
    assert_eq!(get(&r, "A day earlier").value.as_deref(), Some("2024-06-10"));
    // A week after "A day earlier" (10 June).
    assert_eq!(get(&r, "The following week").value.as_deref(), Some("2024-W25"));

    let r = run("Talks began on May 3, 2023. The next day the envoy left. That night the city was shelled. A week before, he had warned.", Some(PUB), TODAY);
    assert_eq!(get(&r, "The next day").value.as_deref(), Some("2023-05-04"));
    assert_eq!(get(&r, "That night").value.as_deref(), Some("2023-05-04TNI"));
    // "before" with nothing after it looks back from the previous date.
    assert_eq!(get(&r, "A week before").value.as_deref(), Some("2023-W17"));

    // Before a named event, "the day before" counts from the publication date, not the previous date.
    let r = run("Talks began on May 3, 2023. Police were deployed the day before the summit.", Some(PUB), TODAY);
    assert_eq!(get(&r, "the day before the summit").value.as_deref(), Some("2024-06-18"));

    let r = run("The previous year was calm. The day before, it rained.", Some(PUB), TODAY);
    // Nothing to follow: the publication date anchors them.
    assert_eq!(get(&r, "The previous year").value.as_deref(), Some("2023"));
    assert_eq!(get(&r, "The day before").value.as_deref(), Some("2024-06-18"));
}

#[test]
fn english_before_and_after_named_events_and_dates() {
    let r = run("A day before the summit, ministers met. Two days after the attack, schools reopened. Three days before June 30 the deadline passed.", Some(PUB), TODAY);
    assert_eq!(get(&r, "A day before the summit").value.as_deref(), Some("2024-06-18"));
    assert_eq!(get(&r, "Two days after the attack").value.as_deref(), Some("2024-06-21"));
    assert_eq!(get(&r, "Three days before").value.as_deref(), Some("2024-06-27"));
    assert_eq!(get(&r, "June 30").value.as_deref(), Some("2024-06-30"));
}

#[test]
fn english_date_ranges() {
    let r = run("The fair runs June 19-21, 2024 in Bali. The expo ran 3 to 5 May.", Some(PUB), TODAY);
    assert_eq!(get(&r, "June 19").value.as_deref(), Some("2024-06-19"));
    assert_eq!(get(&r, "21, 2024").value.as_deref(), Some("2024-06-21"));
    assert_eq!(get(&r, "3").value.as_deref(), Some("2024-05-03"));
    assert_eq!(get(&r, "5 May").value.as_deref(), Some("2024-05-05"));
    let r = run("Polls open from 8 a.m. to 2 p.m. on Sunday.", Some(PUB), TODAY);
    assert_eq!(get(&r, "8 a.m.").value.as_deref(), Some("2024-06-16T08:00"));
    assert_eq!(get(&r, "2 p.m.").value.as_deref(), Some("2024-06-16T14:00"));
}

#[test]
fn english_publication_date_is_inferred_from_a_weekday() {
    // 19 June fell on a Wednesday in 2024 (and 2019, 2030): the latest such year up to today.
    let r = run("Putin arrived in Pyongyang on Wednesday, June 19. Yesterday he left Moscow. Last week he was in Beijing.", None, TODAY);
    assert_eq!((r.published, r.published_inferred), (Some(d("2024-06-19")), true));
    assert_eq!(get(&r, "Wednesday, June 19").value.as_deref(), Some("2024-06-19"));
    assert_eq!(get(&r, "Yesterday").value.as_deref(), Some("2024-06-18"));
    assert_eq!(get(&r, "Last week").value.as_deref(), Some("2024-W24"));
    // Day first, with an ordinal.
    let r = run("Putin arrived on Wednesday 19th June.", None, TODAY);
    assert_eq!(r.published, Some(d("2024-06-19")));
    // A full date with no weekday, when nothing better pins it.
    let r = run("The accord was signed on September 25, 2014. Yesterday talks resumed.", None, TODAY);
    assert_eq!(r.published, Some(d("2014-09-25")));
    assert_eq!(get(&r, "Yesterday").value.as_deref(), Some("2014-09-24"));
}

#[test]
fn english_without_a_publication_date_deictics_stay_null() {
    let r = run("Yesterday it rained. Last week prices rose. On Tuesday he left. Talks resume in July. Prices rose June 19.", None, TODAY);
    assert_eq!(r.published, None);
    assert_eq!(get(&r, "Yesterday").value, None);
    assert_eq!(get(&r, "Last week").value, None);
    assert_eq!(get(&r, "Tuesday").value, None);
    assert_eq!(get(&r, "July").value.as_deref(), Some("XXXX-07"));
    assert_eq!(get(&r, "June 19").value.as_deref(), Some("XXXX-06-19"));
}

#[test]
fn english_words_that_are_not_time_expressions() {
    for text in [
        "Some 2000 people fled.",
        "About 1950 soldiers died.",
        "Casualties stood at 10 on Monday night.",
        "In his early years he farmed.",
        "They march 5 miles a day.",
        "It may 19 percent fall.",
        "He said it was the last day of the talks.",
        "The PM met the Sun editor.",
        "I am sure.",
        "He came second in the race.",
    ] {
        let r = run(text, Some(PUB), TODAY);
        let bad: Vec<_> = r
            .timexes
            .iter()
            .filter(|t| t.kind != TimexType::Duration && !t.text.contains("Monday") && t.text != "a day")
            .map(|t| format!("{:?} {:?}", t.text, t.value))
            .collect();
        assert!(bad.is_empty(), "{text:?}: {bad:?}");
    }
    // "the last day of the talks" is not the day before publication.
    let r = run("He said it was the last day of the talks.", Some(PUB), TODAY);
    assert!(r.timexes.iter().all(|t| t.kind != TimexType::Date), "{:?}", listing(&r));
    let r = run("Casualties stood at 10 on Monday night.", Some(PUB), TODAY);
    assert!(r.timexes.iter().all(|t| t.text != "10"), "{:?}", listing(&r));
}

#[test]
fn english_impossible_values_and_word_salad_never_panic() {
    let r = run(
        "On February 30 it snowed. On 31st of April 2023 nothing. At 99:99 GMT. At 13 a.m. 999999999 years ago. \
         mid-99999 and mid-Foo and twenty-ten days. 0th June. 99th of June. 1990ss. 19990s.",
        Some(PUB),
        TODAY,
    );
    assert_eq!(get(&r, "February 30").value, None);
    assert!(r.timexes.iter().all(|t| t.text != "99:99 GMT"));
    let vocab = [
        "Wednesday", ",", "June", "19", "19th", "of", "2024", "last", "next", "this", "week", "year", "earlier", "later", "the",
        "day", "before", "after", "a", "two", "days", "ago", "from", "now", "at", "10", "a.m.", "p.m.", "9pm", "10:00", "GMT",
        "for", "every", "Monday", "twice", "mid-July", "mid-2023", "early", "late", "1990s", "yesterday", "tonight", "in", "July",
        "by", "-", "to", "21", "summit", ".", "\n\n", "twenty-five", "three-day", "24", "hour", "past", "end", "previous",
        "following", "weekend", "times", "31", "99999", "0",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..300 {
        let mut text = String::new();
        for _ in 0..(20 + round % 80) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(vocab[(seed % vocab.len() as u64) as usize]);
            if !seed.is_multiple_of(3) {
                text.push(' ');
            }
        }
        let published = if round % 2 == 0 { Some(PUB) } else { None };
        let r = run(&text, published, TODAY);
        for t in &r.timexes {
            if t.date.is_some() {
                assert!(t.value.is_some(), "{text:?}: {t:?}");
            }
        }
    }
}

#[test]
fn english_output_grows_linearly_with_the_document() {
    let one: String = TABLE.iter().map(|r| r.0).collect::<Vec<_>>().join(" ");
    let a = run(&one, Some(PUB), TODAY);
    let b = run(&one.repeat(20), Some(PUB), TODAY);
    assert!(!a.timexes.is_empty());
    assert_eq!(b.timexes.len(), 20 * a.timexes.len());
}

#[test]
fn the_english_time_words_load_completely() {
    let w = words();
    assert_eq!(w.months.len(), 12);
    assert_eq!(w.weekdays.len(), 7);
    assert!(w.month_before_day && w.either_date_order);
    assert_eq!(w.relative_days.get("yesterday"), Some(&-1));
    assert_eq!(w.units.get("weeks"), Some(&Unit::Week));
    assert!(w.markers.preceding_past.contains(&"last".to_string()));
    assert!(w.day_parts.values().any(|p| p.marks_clock));
    // No English in the Indonesian pack's new fields: they stay empty there.
    let id = Pack::embedded("id").expect("the Indonesian pack loads").time;
    assert!(!id.either_date_order && id.ordinal_suffixes.is_empty() && id.markers.preceding_past.is_empty());
}


