//! English: one table of sentences written for Warta, at least three per PLOVER type, each with the event
//! an analyst codes in it (type, CAMEO code prefix, source and target country, modality). They cover
//! active, passive and nominal forms, modality (will / may / not / if / reported speech), appositive and
//! possessive actors ("Russian President Vladimir Putin", "Russia's defence minister"), compound actors
//! ("Hungarian and Romanian officials") and capitals standing for governments ("the Kremlin",
//! "Washington", "Pyongyang"). Then the English rewrite of the seed article (examples/en-seed.txt), which
//! must yield the events the Indonesian original does.

use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use warta_core::model::{Actor, ArticleResult, Event};
use warta_core::{Article, Extractor};

const SEED: &str = include_str!("../../../examples/en-seed.txt");

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()).expect("packs load"))
}

/// An English sentence published on Wednesday 19 June 2024.
fn extract(text: &str) -> ArticleResult {
    extractor().extract(&Article { id: "t".into(), text: text.into(), lang: Some("en".into()), published: Some("2024-06-19".into()), ..Default::default() })
}

/// A party matches a country (ISO alpha-3) or a code prefix ("IGO").
fn has(actors: &[Actor], party: Option<&str>) -> bool {
    match party {
        None => true,
        Some(p) => actors.iter().any(|a| a.country.as_deref() == Some(p) || a.code.starts_with(p)),
    }
}

fn listing(events: &[Event]) -> String {
    events
        .iter()
        .map(|e| {
            let s: Vec<&str> = e.source.iter().map(|a| a.code.as_str()).collect();
            let t: Vec<&str> = e.target.iter().map(|a| a.code.as_str()).collect();
            format!("    {} {} {:?}→{:?} [{}] {:?} {}", e.kind, e.cameo, s, t, e.modality, e.trigger.text, e.rule)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// (sentence, PLOVER type, CAMEO prefix, source, target, modality). `None`: the party is not checked.
type Case = (&'static str, &'static str, &'static str, Option<&'static str>, Option<&'static str>, &'static str);

const CASES: &[Case] = &[
    // AGREE
    ("Hungarian and Romanian officials agreed on Wednesday to reopen the border crossing.", "AGREE", "03", Some("HUN"), Some("ROU"), "asserted"),
    ("The Kremlin promised to send humanitarian aid to Syria.", "AGREE", "033", Some("RUS"), Some("SYR"), "asserted"),
    ("A ceasefire was agreed by Armenia and Azerbaijan on Monday.", "AGREE", "037", Some("ARM"), Some("AZE"), "asserted"),
    ("Japan will offer loans to Vietnam, the foreign ministry said.", "AGREE", "033", Some("JPN"), Some("VNM"), "future"),
    ("Chinese Premier Li Qiang will travel to Canberra next month.", "AGREE", "036", Some("CHN"), Some("AUS"), "future"),
    ("Britain will provide weapons to Kyiv.", "AGREE", "0332", Some("GBR"), Some("UKR"), "future"),
    ("Colombian rebels will lay down their arms next month.", "AGREE", "035", Some("COL"), None, "future"),
    // CONSULT
    ("Russian President Vladimir Putin visited Pyongyang on Wednesday.", "CONSULT", "042", Some("RUS"), Some("PRK"), "asserted"),
    ("The Chinese foreign minister was received by Indonesian President Joko Widodo in Jakarta.", "CONSULT", "043", Some("IDN"), Some("CHN"), "asserted"),
    ("Indian and Pakistani diplomats held talks in Geneva.", "CONSULT", "040", Some("IND"), Some("PAK"), "asserted"),
    ("US President Joe Biden telephoned Israeli Prime Minister Benjamin Netanyahu on Sunday.", "CONSULT", "041", Some("USA"), Some("ISR"), "asserted"),
    ("Russia's defence minister met his Chinese counterpart in Beijing.", "CONSULT", "040", Some("RUS"), Some("CHN"), "asserted"),
    // SUPPORT
    ("France and Germany signed a defence treaty in Paris.", "SUPPORT", "057", Some("FRA"), Some("DEU"), "asserted"),
    ("The European Union praised Ukraine's reform efforts.", "SUPPORT", "051", Some("IGO"), Some("UKR"), "asserted"),
    ("Kenya was praised by the African Union for its mediation.", "SUPPORT", "051", Some("IGO"), Some("KEN"), "asserted"),
    ("Washington recognised Kosovo's independence in 2008.", "SUPPORT", "054", Some("USA"), Some("XKX"), "asserted"),
    ("Ukrainian President Volodymyr Zelensky thanked Poland for its support.", "SUPPORT", "051", Some("UKR"), Some("POL"), "asserted"),
    // COOPERATE
    ("Israeli intelligence officials shared information with their American counterparts.", "COOPERATE", "064", Some("ISR"), Some("USA"), "asserted"),
    ("Kazakh and Uzbek troops held joint military exercises near the border.", "COOPERATE", "062", Some("KAZ"), Some("UZB"), "asserted"),
    ("Spain extradited two suspects to Morocco.", "COOPERATE", "063", Some("ESP"), Some("MAR"), "asserted"),
    // AID
    ("Japan sent humanitarian aid to the Philippines after the typhoon.", "AID", "073", Some("JPN"), Some("PHL"), "asserted"),
    ("Ukraine received military aid from Germany.", "AID", "072", Some("DEU"), Some("UKR"), "asserted"),
    ("The World Bank granted Ghana a loan of 300 million dollars.", "AID", "071", Some("IGO"), Some("GHA"), "asserted"),
    // CONCEDE
    ("The Thai government lifted a curfew in Bangkok on Tuesday.", "CONCEDE", "081", Some("THA"), None, "asserted"),
    ("Sri Lanka's president resigned on Thursday.", "CONCEDE", "0831", Some("LKA"), None, "asserted"),
    ("The Nepalese government accepted the demands of striking teachers.", "CONCEDE", "083", Some("NPL"), None, "asserted"),
    ("Iran may ease restrictions on foreign journalists.", "CONCEDE", "081", Some("IRN"), None, "speculative"),
    // RETREAT
    ("Russia released three Ukrainian prisoners of war on Friday.", "RETREAT", "0841", Some("RUS"), Some("UKR"), "asserted"),
    ("Two French journalists were freed by Malian rebels.", "RETREAT", "0841", Some("MLI"), Some("FRA"), "asserted"),
    ("Israel withdrew its troops from southern Lebanon.", "RETREAT", "087", Some("ISR"), None, "asserted"),
    // ACCUSE
    ("Seoul did not condemn the North Korean missile launch.", "ACCUSE", "111", Some("KOR"), Some("PRK"), "negated"),
    ("The United States accused Russia of war crimes in Ukraine.", "ACCUSE", "1124", Some("USA"), Some("RUS"), "asserted"),
    ("Iran was accused by Britain of supplying drones to Russia.", "ACCUSE", "112", Some("GBR"), Some("IRN"), "asserted"),
    ("Beijing condemned the visit of the American delegation to Taipei.", "ACCUSE", "111", Some("CHN"), Some("USA"), "asserted"),
    ("The United Nations launched an investigation into the killings.", "ACCUSE", "09", Some("IGO"), None, "asserted"),
    ("Germany is deeply concerned about Hungary's new media law.", "ACCUSE", "110", Some("DEU"), Some("HUN"), "asserted"),
    ("The Philippines lodged a formal protest with China over the collision.", "ACCUSE", "114", Some("PHL"), Some("CHN"), "asserted"),
    // REQUEST
    ("The United States on Thursday demanded that North Korea abandon its nuclear programme.", "REQUEST", "10", Some("USA"), Some("PRK"), "asserted"),
    ("Germany urged Turkey to release the jailed journalists.", "REQUEST", "1053", Some("DEU"), Some("TUR"), "asserted"),
    ("Serbia was asked by the European Union to hand over the suspects.", "REQUEST", "10", Some("IGO"), Some("SRB"), "asserted"),
    ("An appeal by Egypt for an immediate ceasefire in Gaza went unanswered.", "REQUEST", "1056", Some("EGY"), None, "asserted"),
    ("The British foreign secretary said Iran must stop enriching uranium.", "REQUEST", "10", None, Some("IRN"), "reported"),
    // REJECT
    ("Tokyo did not endorse the Chinese proposal.", "REJECT", "125", Some("JPN"), Some("CHN"), "asserted"),
    ("Venezuela rejected a US proposal for new elections.", "REJECT", "125", Some("VEN"), Some("USA"), "asserted"),
    ("Hamas refused to release the Israeli hostages.", "REJECT", "1243", Some("PSE"), Some("ISR"), "asserted"),
    ("The peace plan was rejected by Azerbaijan.", "REJECT", "12", Some("AZE"), None, "asserted"),
    ("China vetoed the Security Council resolution on Myanmar.", "REJECT", "129", Some("CHN"), Some("IGO"), "asserted"),
    ("The Hungarian foreign minister said Hungary would not recognise the election result.", "REJECT", "12", Some("HUN"), None, "reported"),
    // THREATEN
    ("North Korea threatened to attack South Korean warships.", "THREATEN", "138", Some("PRK"), Some("KOR"), "asserted"),
    ("The United States warned China against any invasion of Taiwan.", "THREATEN", "13", Some("USA"), Some("CHN"), "asserted"),
    ("Pyongyang threatened Seoul with nuclear strikes.", "THREATEN", "1385", Some("PRK"), Some("KOR"), "asserted"),
    ("Iran must halt uranium enrichment or face new sanctions, the French president said.", "THREATEN", "1312", None, Some("IRN"), "reported"),
    // PROTEST
    ("Thousands of Kenyan teachers protested outside parliament in Nairobi.", "PROTEST", "14", Some("KEN"), None, "asserted"),
    ("French farmers blocked motorways around Paris on Monday.", "PROTEST", "144", Some("FRA"), None, "asserted"),
    ("Belarusian opposition activists began a hunger strike in Minsk.", "PROTEST", "142", Some("BLR"), None, "asserted"),
    ("British rail workers went on strike over pay.", "PROTEST", "143", Some("GBR"), None, "asserted"),
    // MOBILIZE
    ("Russia deployed additional troops near the Belarusian border.", "MOBILIZE", "154", Some("RUS"), None, "asserted"),
    ("South Korea put its military on high alert.", "MOBILIZE", "152", Some("KOR"), None, "asserted"),
    ("Chinese warships conducted live-fire drills near Taiwan.", "MOBILIZE", "150", Some("CHN"), None, "asserted"),
    ("Pyongyang test-fired two ballistic missiles on Sunday.", "MOBILIZE", "150", Some("PRK"), None, "asserted"),
    // SANCTION
    ("Lithuania expelled four Russian diplomats on Thursday.", "SANCTION", "166", Some("LTU"), Some("RUS"), "asserted"),
    ("Canada suspended diplomatic relations with Iran.", "SANCTION", "161", Some("CAN"), Some("IRN"), "asserted"),
    ("Italy cancelled a planned visit to Tehran.", "SANCTION", "160", Some("ITA"), Some("IRN"), "asserted"),
    ("Japan halted economic aid to Myanmar.", "SANCTION", "1621", Some("JPN"), Some("MMR"), "asserted"),
    ("Poland may suspend military aid to Ukraine.", "SANCTION", "1622", Some("POL"), Some("UKR"), "speculative"),
    // COERCE
    ("Chinese police arrested two Canadian citizens in Beijing.", "COERCE", "173", Some("CHN"), Some("CAN"), "asserted"),
    ("Three Turkish journalists were detained by Iranian security forces.", "COERCE", "173", Some("IRN"), Some("TUR"), "asserted"),
    ("The European Union imposed sanctions on Belarus.", "COERCE", "163", Some("IGO"), Some("BLR"), "asserted"),
    ("Myanmar's military declared martial law in Yangon.", "COERCE", "1724", Some("MMR"), None, "asserted"),
    ("The arrest of a Swiss tourist by Egyptian police sparked outrage.", "COERCE", "173", Some("EGY"), Some("CHE"), "asserted"),
    ("Washington imposed new tariffs on Chinese steel.", "COERCE", "163", Some("USA"), Some("CHN"), "asserted"),
    // ASSAULT
    ("Israeli warplanes bombed Hezbollah positions in southern Lebanon.", "ASSAULT", "195", Some("ISR"), Some("LBN"), "asserted"),
    ("A Ukrainian village was attacked by Russian drones.", "ASSAULT", "195", Some("RUS"), Some("UKR"), "asserted"),
    ("A Russian missile attack on Kyiv killed five people.", "ASSAULT", "195", Some("RUS"), Some("UKR"), "asserted"),
    ("Gunmen kidnapped two Italian aid workers in Niger.", "ASSAULT", "181", None, Some("ITA"), "asserted"),
    ("Hezbollah may have fired rockets at northern Israel.", "ASSAULT", "195", Some("LBN"), Some("ISR"), "speculative"),
    ("If Azerbaijan attacks Armenia again, Moscow will send peacekeepers.", "ASSAULT", "190", Some("AZE"), Some("ARM"), "conditional"),
    // Progressive verbs after is/are/was are active (engine gap fixed).
    ("China is supplying weapons to Russia.", "AID", "072", Some("CHN"), Some("RUS"), "asserted"),
    ("Russian troops are attacking Kharkiv.", "ASSAULT", "19", Some("RUS"), None, "asserted"),
    // Agents before a noun trigger (possessive, adjacent actor), and a sector placed by its event.
    ("The Japanese prime minister's visit to Seoul ended on Friday.", "CONSULT", "042", Some("JPN"), Some("KOR"), "asserted"),
    ("Russia's attack on Ukraine continued on Monday.", "ASSAULT", "19", Some("RUS"), Some("UKR"), "asserted"),
    ("Rebels in Ivory Coast blocked roads.", "PROTEST", "144", Some("CIV"), None, "asserted"),
    // The host of a visit named only as the place visited.
    ("The Iraqi president arrived in Amman on Wednesday.", "CONSULT", "042", Some("IRQ"), Some("JOR"), "asserted"),
];

const PLOVER_TYPES: [&str; 16] = [
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE", "REQUEST", "REJECT", "THREATEN", "PROTEST",
    "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
];

#[test]
fn the_table_covers_every_plover_type_three_times() {
    let mut per_type: BTreeMap<&str, usize> = BTreeMap::new();
    for c in CASES {
        *per_type.entry(c.1).or_default() += 1;
    }
    for t in PLOVER_TYPES {
        assert!(per_type.get(t).copied().unwrap_or(0) >= 3, "{t}: {per_type:?}");
    }
}

#[test]
fn each_sentence_yields_its_event() {
    let mut failures = Vec::new();
    for &(text, kind, cameo, src, tgt, modality) in CASES {
        let r = extract(text);
        assert_eq!(r.lang.as_deref(), Some("en"));
        let found = r.events.iter().any(|e| e.kind == kind && e.cameo.starts_with(cameo) && has(&e.source, src) && has(&e.target, tgt) && e.modality == modality);
        if !found {
            failures.push(format!("{text}\n  want {kind} {cameo}* {src:?}→{tgt:?} [{modality}]\n  got\n{}", listing(&r.events)));
        }
    }
    assert!(failures.is_empty(), "{} of {} sentences miss their event:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

#[test]
fn plain_sentences_give_no_events() {
    for text in [
        "The weather in Madrid was mild on Tuesday and the markets were quiet.",
        "The minister's press release was published on the ministry's website.",
        "Prices of rice rose in March, the statistics office said.",
        "A Russian orchestra performed in Vienna on Sunday.",
    ] {
        let r = extract(text);
        assert!(r.events.is_empty(), "{text}\n{}", listing(&r.events));
    }
}

#[test]
fn a_threat_announced_for_the_future_is_threaten() {
    let r = extract("Canada said it would expel Iranian diplomats unless the detained journalists were freed.");
    let e = r.events.iter().find(|e| e.kind == "THREATEN").unwrap_or_else(|| panic!("{}", listing(&r.events)));
    assert!(e.cameo.starts_with("13"));
    assert!(has(&e.source, Some("CAN")), "{}", listing(&r.events));
}

#[test]
fn a_future_visit_is_intent_to_meet() {
    let r = extract("The Kremlin said Putin will visit Pyongyang next month.");
    let e = r.events.iter().find(|e| e.kind == "AGREE").unwrap_or_else(|| panic!("{}", listing(&r.events)));
    assert_eq!((e.cameo.as_str(), e.modality.as_str()), ("036", "future"));
    assert!(has(&e.target, Some("PRK")));
    assert_eq!((e.date.as_deref(), e.date_precision.as_deref()), (Some("2024-07"), Some("month")));
}

// ---------------------------------------------------------------- the seed article in English

fn seed() -> &'static ArticleResult {
    static R: OnceLock<ArticleResult> = OnceLock::new();
    R.get_or_init(|| extractor().extract(&Article { id: "en-seed".into(), text: SEED.into(), ..Default::default() }))
}

fn countries(actors: &[Actor]) -> Vec<String> {
    let mut v: Vec<String> = actors.iter().map(|a| a.country.clone().unwrap_or_else(|| a.code.clone())).collect();
    v.sort();
    v.dedup();
    v
}

fn find<'a>(r: &'a ArticleResult, kind: &str, src: &str, tgt: &str) -> Vec<&'a Event> {
    r.events.iter().filter(|e| e.kind == kind && countries(&e.source).iter().any(|c| c == src) && countries(&e.target).iter().any(|c| c == tgt)).collect()
}

#[test]
fn seed_language_and_inferred_publication_date() {
    let r = seed();
    assert_eq!(r.lang.as_deref(), Some("en"), "detected, not given");
    assert_eq!(r.published.value.as_deref(), Some("2024-06-19"), "Wednesday (June 19) pins the year");
    assert!(r.published.inferred);
}

#[test]
fn seed_putin_visits_north_korea_on_19_june() {
    let r = seed();
    let visits = find(r, "CONSULT", "RUS", "PRK");
    let v = visits.iter().find(|e| e.date.as_deref() == Some("2024-06-19")).unwrap_or_else(|| panic!("{}", listing(&r.events)));
    assert_eq!(v.cameo, "042");
    assert_eq!(v.source[0].code, "RUSGOV");
    assert_eq!(v.modality, "asserted");
    assert_eq!(v.location.as_ref().map(|l| l.country.as_str()), Some("PRK"));
    // Setting off on Tuesday is the day before; nothing is dated to any other day.
    assert!(visits.iter().all(|e| matches!(e.date.as_deref(), Some("2024-06-19" | "2024-06-18"))), "{}", listing(&r.events));
}

#[test]
fn seed_treaty_is_one_support_057() {
    let r = seed();
    let signings: Vec<&Event> = r.events.iter().filter(|e| e.cameo == "057").collect();
    assert_eq!(signings.len(), 1, "title, lead and Kim's statement are one event:\n{}", listing(&r.events));
    let e = signings[0];
    assert_eq!(e.kind, "SUPPORT");
    let mut parties = countries(&e.source);
    parties.extend(countries(&e.target));
    parties.sort();
    assert_eq!(parties, ["PRK", "RUS"]);
    assert_eq!(e.date.as_deref(), Some("2024-06-19"));
    assert!(e.also_reported.len() >= 2, "{:?}", e.also_reported);
}

#[test]
fn seed_drone_strikes_are_assaults_placed_where_they_hit() {
    let r = seed();
    let on_ukraine = find(r, "ASSAULT", "RUS", "UKR");
    assert_eq!(on_ukraine.len(), 1, "{}", listing(&r.events));
    let e = on_ukraine[0];
    assert_eq!(e.cameo, "195");
    assert_eq!(e.date.as_deref(), Some("2024-06-19"));
    assert_eq!(e.location.as_ref().map(|l| l.country.as_str()), Some("UKR"));

    let on_russia = find(r, "ASSAULT", "UKR", "RUS");
    assert_eq!(on_russia.len(), 1, "{}", listing(&r.events));
    let e = on_russia[0];
    assert_eq!(e.cameo, "195");
    assert_eq!(e.date.as_deref(), Some("2024-06-18"), "a day earlier");
    assert_eq!(e.source[0].code, "UKRMIL");
    let l = e.location.as_ref().expect("placed");
    assert_eq!(l.country, "RUS");
    assert!(l.lat < 52.0, "southern Russia, not the country's centre: {l:?}");
}

#[test]
fn seed_the_war_itself_is_no_event() {
    let r = seed();
    for e in &r.events {
        assert!(!e.trigger.text.to_lowercase().starts_with("war"), "{}", listing(&r.events));
    }
    assert!(r.events.len() <= 13, "few events an analyst would strike:\n{}", listing(&r.events));
}

#[test]
fn seed_nato_warning_and_summit() {
    let r = seed();
    let support = r
        .events
        .iter()
        .find(|e| e.modality == "speculative" && countries(&e.source) == ["RUS"] && countries(&e.target) == ["PRK"])
        .unwrap_or_else(|| panic!("Russia may support North Korea's programmes:\n{}", listing(&r.events)));
    assert!(matches!(support.kind.as_str(), "AID" | "SUPPORT"));
    assert_eq!(support.date.as_deref(), Some("2024-06-18"), "a day before the meeting");

    let summit = find(r, "AGREE", "IGOWSTNAT", "AUS");
    assert_eq!(summit.len(), 1, "{}", listing(&r.events));
    let e = summit[0];
    assert_eq!((e.cameo.as_str(), e.modality.as_str()), ("036", "future"));
    assert_eq!((e.date.as_deref(), e.date_precision.as_deref()), (Some("2024-07"), Some("month")));
    assert_eq!(countries(&e.target), ["AUS", "JPN", "KOR", "NZL"]);
    let l = e.location.as_ref().expect("Washington");
    assert_eq!((l.name.as_str(), l.country.as_str()), ("Washington", "USA"));
    assert!((l.lon + 77.0).abs() < 0.5, "the capital, not the state: {l:?}");
}

#[test]
fn seed_blinken_accuses_china() {
    let r = seed();
    let acc = find(r, "ACCUSE", "USA", "CHN");
    assert!(!acc.is_empty(), "{}", listing(&r.events));
    assert!(acc.iter().all(|e| e.cameo.starts_with("11")));
}

// ---------------------------------------------------------------- known engine gaps
// English sentences the pack alone cannot code right; each names the engine behaviour at fault. Run with
// `cargo test -p warta-core --test english -- --ignored` to see which still fail.
const ENGINE_GAPS: &[(Case, &str)] = &[
    (("Lebanon complained to the United Nations about two Israeli air raids.", "ASSAULT", "195", Some("ISR"), None, "asserted"), "an actor adjective right before a noun trigger is its agent, not the clause subject"),
    (("The United States sent Ukraine new air defence systems.", "AID", "072", Some("USA"), Some("UKR"), "asserted"), "the indirect object between verb and head noun is the target"),
    (("Israel withdrew its troops from Lebanon.", "RETREAT", "087", Some("ISR"), Some("LBN"), "asserted"), "the agent's own troops are not the target when a country follows"),
    (("Israel lifted on Friday the blockade of Gaza.", "RETREAT", "085", Some("ISR"), Some("PSE"), "asserted"), "a time expression inside a multi-word trigger blocks the match"),
    (("Egyptian police opened fire on protesters, killing one person and arresting twelve.", "COERCE", "173", Some("EGY"), None, "asserted"), "a participle clause after a comma shares the main clause's subject"),
    (("Russia said Sudan must return the helicopter.", "REQUEST", "10", Some("RUS"), Some("SDN"), "reported"), "the speaker of reported speech is the source of a 'must' demand"),
    (("Iran said it would cut off aid to the rebels and expel British diplomats.", "THREATEN", "136", Some("IRN"), Some("GBR"), "reported"), "a second verb joined by 'and' keeps the first one's subject"),
    (("The attack by Houthi rebels on a British tanker drew condemnation.", "ASSAULT", "19", Some("YEM"), Some("GBR"), "asserted"), "after 'the X by A', a marked target ('on B') still counts"),
];

#[test]
#[ignore = "engine gaps, reported to the engine's owner"]
fn engine_gaps() {
    let mut failures = Vec::new();
    for &((text, kind, cameo, src, tgt, modality), why) in ENGINE_GAPS {
        let r = extract(text);
        if !r.events.iter().any(|e| e.kind == kind && e.cameo.starts_with(cameo) && has(&e.source, src) && has(&e.target, tgt) && e.modality == modality) {
            failures.push(format!("{text}  ({why})\n  want {kind} {cameo}* {src:?}→{tgt:?} [{modality}]\n  got\n{}", listing(&r.events)));
        }
    }
    assert!(failures.is_empty(), "{} of {}:\n{}", failures.len(), ENGINE_GAPS.len(), failures.join("\n"));
}

#[test]
#[ignore = "engine gap: a noun trigger after 'before the' is background"]
fn background_noun_after_a_determiner_is_no_event() {
    let r = extract("Before the meeting between Chinese and Japanese officials, the yen fell.");
    assert!(r.events.is_empty(), "{}", listing(&r.events));
}
