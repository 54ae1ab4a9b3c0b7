//! Tests on sentences written for them and on the seed article (`examples/seed-id.txt`).

use super::*;
use std::collections::HashSet;
use std::sync::OnceLock;
use warta_lang::Pack;

fn pack() -> &'static Pack {
    static PACK: OnceLock<Pack> = OnceLock::new();
    PACK.get_or_init(|| Pack::embedded("id").expect("the Indonesian pack loads"))
}

fn resolver() -> &'static TimeResolver {
    static R: OnceLock<TimeResolver> = OnceLock::new();
    R.get_or_init(|| TimeResolver::new(&pack().time))
}

fn abbrevs() -> HashSet<String> {
    pack().general.abbreviations.iter().cloned().collect()
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn run(text: &str, published: Option<&str>, today: &str) -> TimeResult {
    let doc = warta_text::segment(text, &abbrevs());
    let r = resolver().resolve(&doc, published.map(d), d(today));
    check_offsets(text, &r);
    r
}

/// Every timex's code point offsets and token range give back its text.
fn check_offsets(text: &str, r: &TimeResult) {
    let chars: Vec<char> = text.chars().collect();
    for t in &r.timexes {
        assert!(t.cstart < t.cend && t.cend <= chars.len(), "{t:?}");
        assert_eq!(chars[t.cstart..t.cend].iter().collect::<String>(), t.text, "{t:?}");
        assert!(!t.tokens.is_empty());
    }
    for w in r.timexes.windows(2) {
        assert!(w[0].tokens.end <= w[1].tokens.start, "overlapping or unordered: {:?} {:?}", w[0], w[1]);
    }
}

fn get<'a>(r: &'a TimeResult, text: &str) -> &'a Timex {
    r.timexes.iter().find(|t| t.text == text).unwrap_or_else(|| panic!("no timex {text:?} in {:#?}", listing(r)))
}

fn listing(r: &TimeResult) -> Vec<String> {
    r.timexes.iter().map(|t| format!("{:?} {} {:?}", t.text, t.kind.as_str(), t.value)).collect()
}

fn val<'a>(r: &'a TimeResult, text: &str) -> Option<&'a str> {
    get(r, text).value.as_deref()
}

fn none_named(r: &TimeResult, text: &str) {
    assert!(r.timexes.iter().all(|t| !t.text.contains(text)), "unexpected timex with {text:?}: {:#?}", listing(r));
}

const SEED: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seed-id.txt"));

// ---- the seed article -----------------------------------------------------------------------------------

#[test]
fn seed_publication_date_is_inferred_from_weekday() {
    let r = run(SEED, None, "2026-11-26");
    assert_eq!(r.published, Some(d("2024-06-19")));
    assert!(r.published_inferred);
}

#[test]
fn seed_expressions_resolve_as_an_analyst_reads_them() {
    let r = run(SEED, None, "2026-11-26");
    let t = get(&r, "Rabu (19 Juni)");
    assert_eq!((t.kind, t.value.as_deref(), t.date, t.grain), (TimexType::Date, Some("2024-06-19"), Some(d("2024-06-19")), Some(Grain::Day)));
    assert_eq!(val(&r, "hari Rabu"), Some("2024-06-19"));
    assert_eq!(val(&r, "Sehari sebelumnya"), Some("2024-06-18"));
    assert_eq!(val(&r, "hari Selasa"), Some("2024-06-18"));
    // Anchored on the publication date, not on "hari Selasa" just before it.
    assert_eq!(val(&r, "Sehari sebelum pertemuan"), Some("2024-06-18"));
    let t = get(&r, "bulan Juli nanti");
    assert_eq!((t.value.as_deref(), t.grain, t.date), (Some("2024-07"), Some(Grain::Month), Some(d("2024-07-01"))));
    assert_eq!(val(&r, "Belakangan ini"), Some("PAST_REF"));
    assert_eq!(get(&r, "Belakangan ini").date, None);
}

#[test]
fn seed_has_no_spurious_timexes() {
    let r = run(SEED, None, "2026-11-26");
    let texts: Vec<&str> = r.timexes.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Rabu (19 Juni)", "hari Rabu", "Sehari sebelumnya", "hari Selasa", "Belakangan ini", "Sehari sebelum pertemuan", "bulan Juli nanti"],
        "{:#?}",
        listing(&r)
    );
    // "2 orang" is a quantity; the title and byline hold no time.
    none_named(&r, "2");
    assert!(r.timexes.iter().all(|t| t.sentence >= 2));
}

#[test]
fn seed_offsets_and_sentences() {
    let r = run(SEED, None, "2026-11-26");
    let doc = warta_text::segment(SEED, &abbrevs());
    let t = get(&r, "Rabu (19 Juni)");
    let cstart = SEED[..SEED.find("Rabu (19 Juni)").unwrap()].chars().count();
    assert_eq!((t.cstart, t.cend), (cstart, cstart + 14));
    let s1 = get(&r, "Sehari sebelumnya").sentence;
    let s2 = get(&r, "hari Rabu").sentence;
    assert_eq!(doc.sentences[s1].paragraph, doc.sentences[s2].paragraph + 1);
    assert_eq!(get(&r, "hari Selasa").sentence, doc.sentence_of(get(&r, "hari Selasa").tokens.start));
}

#[test]
fn seed_with_a_given_publication_date() {
    let r = run(SEED, Some("2024-06-20"), "2026-11-26");
    assert_eq!(r.published, Some(d("2024-06-20")));
    assert!(!r.published_inferred);
    assert_eq!(val(&r, "Rabu (19 Juni)"), Some("2024-06-19"));
    assert_eq!(val(&r, "hari Rabu"), Some("2024-06-19"));
    assert_eq!(val(&r, "Sehari sebelum pertemuan"), Some("2024-06-19"));
}

// ---- absolute expressions -------------------------------------------------------------------------------

#[test]
fn absolute_dates() {
    let r = run(
        "Pertemuan digelar pada 19 Juni 2024 di Jakarta. Surat bertanggal 19/6/2024 itu dibacakan. \
         Kamis (25/9/2014) polisi datang. Ia lahir 25 September 2014. Pemilu digelar 2024-02-14.",
        None,
        "2026-01-01",
    );
    assert_eq!(val(&r, "19 Juni 2024"), Some("2024-06-19"));
    assert_eq!(val(&r, "19/6/2024"), Some("2024-06-19"));
    let t = get(&r, "Kamis (25/9/2014)");
    assert_eq!((t.value.as_deref(), t.grain), (Some("2014-09-25"), Some(Grain::Day)));
    assert_eq!(val(&r, "25 September 2014"), Some("2014-09-25"));
    assert_eq!(val(&r, "2024-02-14"), Some("2024-02-14"));
}

#[test]
fn day_month_without_year_takes_the_publication_year() {
    let r = run(
        "Rapat pada 19 Juni berjalan lancar. Proyek dimulai pada 25 Desember. Acara pada 5 Juli ditunda. \
         Pada Rabu (19/6) ia tiba. Pada (17/6) pula. Nilai 3/4 tak berarti.",
        Some("2024-06-19"),
        "2026-01-01",
    );
    assert_eq!(val(&r, "19 Juni"), Some("2024-06-19"));
    // December 2024 would be more than six months after publication: the year before.
    assert_eq!(val(&r, "25 Desember"), Some("2023-12-25"));
    assert_eq!(val(&r, "5 Juli"), Some("2024-07-05"));
    assert_eq!(val(&r, "Rabu (19/6)"), Some("2024-06-19"));
    assert_eq!(val(&r, "17/6"), Some("2024-06-17"));
    none_named(&r, "3/4");
}

#[test]
fn day_month_with_markers_and_future_tense() {
    let r = run("Insiden 19 Juni lalu memicu protes. Sidang akan digelar pada 1 Juni mendatang.", Some("2024-06-10"), "2026-01-01");
    assert_eq!(val(&r, "19 Juni lalu"), Some("2023-06-19"));
    assert_eq!(val(&r, "1 Juni mendatang"), Some("2025-06-01"));
    let r = run("Presiden akan berkunjung pada 2 Juni.", Some("2024-06-10"), "2026-01-01");
    assert_eq!(val(&r, "2 Juni"), Some("2025-06-02"));
}

#[test]
fn months_and_years() {
    let r = run(
        "Inflasi Juni 2024 naik. Pada tahun 2024 ekonomi tumbuh. Pada 2019, ia pindah. Sebanyak 2024 orang hadir. \
         Pada 1998 dan 2019 terjadi krisis. Di era 1990-an harga murah. Periode 2019-2024 berakhir.",
        Some("2024-06-19"),
        "2026-01-01",
    );
    let t = get(&r, "Juni 2024");
    assert_eq!((t.value.as_deref(), t.grain, t.date), (Some("2024-06"), Some(Grain::Month), Some(d("2024-06-01"))));
    let t = get(&r, "tahun 2024");
    assert_eq!((t.value.as_deref(), t.grain), (Some("2024"), Some(Grain::Year)));
    assert_eq!(val(&r, "2019"), Some("2019"));
    assert_eq!(r.timexes.iter().filter(|t| t.sentence == 3).count(), 0, "{:#?}", listing(&r));
    assert_eq!(val(&r, "1998"), Some("1998"));
    assert_eq!(r.timexes.iter().filter(|t| t.sentence == 4).count(), 2, "1998 and 2019");
    assert_eq!(val(&r, "1990-an"), Some("199"));
    let years: Vec<_> = r.timexes.iter().filter(|t| t.sentence == 6).map(|t| t.value.clone().unwrap()).collect();
    assert_eq!(years, ["2019", "2024"]);
}

#[test]
fn bare_numbers_that_are_quantities_are_not_years() {
    let r = run("Sebanyak 2000 tentara dikirim. Korban mencapai 1950 jiwa. Ada 2024 orang. Kode 2010 dipakai. Hingga 2000 orang mengungsi.", Some("2024-06-19"), "2026-01-01");
    assert!(r.timexes.is_empty(), "{:#?}", listing(&r));
}

#[test]
fn bare_month_names_need_context() {
    let r = run("Pada Juli harga naik. Mei Lin datang. Jan Ethes tersenyum. Kenaikan Jan 2024 tercatat.", Some("2024-06-19"), "2026-01-01");
    assert_eq!(val(&r, "Juli"), Some("2024-07"));
    none_named(&r, "Mei");
    none_named(&r, "Ethes");
    assert_eq!(val(&r, "Jan 2024"), Some("2024-01"));
}

#[test]
fn parts_of_month_and_year() {
    let r = run(
        "Pada awal Juli ia pergi. Pertemuan pertengahan Juni 2023 gagal. Hingga akhir Juli nanti. Target akhir tahun ini. \
         Proyek awal 2025 dimulai.",
        Some("2024-06-19"),
        "2026-01-01",
    );
    let t = get(&r, "awal Juli");
    assert_eq!((t.value.as_deref(), t.modifier, t.grain), (Some("2024-07"), Some("START"), Some(Grain::Month)));
    let t = get(&r, "pertengahan Juni 2023");
    assert_eq!((t.value.as_deref(), t.modifier), (Some("2023-06"), Some("MID")));
    assert_eq!(get(&r, "akhir Juli nanti").modifier, Some("END"));
    let t = get(&r, "akhir tahun ini");
    assert_eq!((t.value.as_deref(), t.modifier, t.grain), (Some("2024"), Some("END"), Some(Grain::Year)));
    assert_eq!(val(&r, "awal 2025"), Some("2025"));
}

#[test]
fn date_ranges() {
    let r = run("Konferensi berlangsung 19-21 Juni 2024 di Bali. Pameran 3 hingga 5 Mei.", Some("2024-06-19"), "2026-01-01");
    assert_eq!(val(&r, "19"), Some("2024-06-19"));
    assert_eq!(val(&r, "21 Juni 2024"), Some("2024-06-21"));
    assert_eq!(val(&r, "3"), Some("2024-05-03"));
    assert_eq!(val(&r, "5 Mei"), Some("2024-05-05"));
}

#[test]
fn day_of_month_alone() {
    let r = run("Pada tanggal 5 ia berangkat.", Some("2024-06-19"), "2026-01-01");
    assert_eq!(val(&r, "tanggal 5"), Some("2024-06-05"));
    let r = run("Pada tanggal 25 ia berangkat.", Some("2024-06-19"), "2026-01-01");
    assert_eq!(val(&r, "tanggal 25"), Some("2024-05-25"));
}

// ---- weekdays -------------------------------------------------------------------------------------------

#[test]
fn weekdays_point_to_the_past_unless_marked() {
    // 2024-06-19 is a Wednesday.
    let r = run(
        "Ia tiba Selasa. Pada hari Rabu ia bicara. Senin depan ia pergi. Kamis lalu ia datang. Rapat Jumat ini batal.",
        Some("2024-06-19"),
        "2026-01-01",
    );
    assert_eq!(val(&r, "Selasa"), Some("2024-06-18"));
    assert_eq!(val(&r, "hari Rabu"), Some("2024-06-19"));
    assert_eq!(val(&r, "Senin depan"), Some("2024-06-24"));
    assert_eq!(val(&r, "Kamis lalu"), Some("2024-06-13"));
    assert_eq!(val(&r, "Jumat ini"), Some("2024-06-21"));
    let r = run("Senin mendatang harga naik. Presiden akan berkunjung pada Kamis.", Some("2024-06-19"), "2026-01-01");
    assert_eq!(val(&r, "Senin mendatang"), Some("2024-06-24"));
    assert_eq!(val(&r, "Kamis"), Some("2024-06-20"));
}

#[test]
fn minggu_is_a_week_or_sunday_by_context() {
    let r = run("Minggu lalu harga naik. Pada hari Minggu ia libur. Selama dua minggu hujan. Minggu (16/6) sepi.", Some("2024-06-19"), "2026-01-01");
    let t = get(&r, "Minggu lalu");
    assert_eq!((t.value.as_deref(), t.date, t.grain), (Some("2024-W24"), Some(d("2024-06-10")), None));
    assert_eq!(val(&r, "hari Minggu"), Some("2024-06-16"));
    assert_eq!(get(&r, "dua minggu").kind, TimexType::Duration);
    assert_eq!(val(&r, "dua minggu"), Some("P2W"));
    assert_eq!(val(&r, "Minggu (16/6)"), Some("2024-06-16"));
}

// ---- relative expressions -------------------------------------------------------------------------------

#[test]
fn deictic_days() {
    let r = run("Kemarin hujan. Hari ini cerah. Besok rapat. Lusa libur. Kemarin lusa banjir. Dua hari lalu gempa.", Some("2024-06-19"), "2026-01-01");
    assert_eq!(val(&r, "Kemarin"), Some("2024-06-18"));
    assert_eq!(val(&r, "Hari ini"), Some("2024-06-19"));
    assert_eq!(val(&r, "Besok"), Some("2024-06-20"));
    assert_eq!(val(&r, "Lusa"), Some("2024-06-21"));
    assert_eq!(val(&r, "Kemarin lusa"), Some("2024-06-17"));
    assert_eq!(val(&r, "Dua hari lalu"), Some("2024-06-17"));
}

#[test]
fn relative_weeks_months_years() {
    let r = run(
        "Pekan lalu ia datang. Pekan depan rapat. Bulan lalu harga naik. Tahun depan pemilu. Tahun lalu resesi. \
         Dua tahun lalu pandemi. Tiga bulan lalu banjir. Bulan ini sepi. Sepekan lalu ramai. Setahun lalu sepi. \
         Akhir pekan lalu macet. Akhir bulan lalu gaji turun. Beberapa hari lalu hujan.",
        Some("2024-06-19"),
        "2026-01-01",
    );
    let t = get(&r, "Pekan lalu");
    assert_eq!((t.kind, t.value.as_deref()), (TimexType::Date, Some("2024-W24")));
    assert_eq!(val(&r, "Pekan depan"), Some("2024-W26"));
    let t = get(&r, "Bulan lalu");
    assert_eq!((t.value.as_deref(), t.grain), (Some("2024-05"), Some(Grain::Month)));
    let t = get(&r, "Tahun depan");
    assert_eq!((t.value.as_deref(), t.grain), (Some("2025"), Some(Grain::Year)));
    assert_eq!(val(&r, "Tahun lalu"), Some("2023"));
    assert_eq!(val(&r, "Dua tahun lalu"), Some("2022"));
    assert_eq!(val(&r, "Tiga bulan lalu"), Some("2024-03"));
    assert_eq!(val(&r, "Bulan ini"), Some("2024-06"));
    assert_eq!(val(&r, "Sepekan lalu"), Some("2024-W24"));
    assert_eq!(val(&r, "Setahun lalu"), Some("2023"));
    let t = get(&r, "Akhir pekan lalu");
    assert_eq!((t.value.as_deref(), t.date), (Some("2024-W24-WE"), Some(d("2024-06-15"))));
    let t = get(&r, "Akhir bulan lalu");
    assert_eq!((t.value.as_deref(), t.modifier), (Some("2024-05"), Some("END")));
    let t = get(&r, "Beberapa hari lalu");
    assert_eq!((t.value.as_deref(), t.date), (Some("PAST_REF"), None));
}

#[test]
fn month_with_future_and_past_markers() {
    let r = run("KTT pada bulan Juli nanti. Pemilu Februari mendatang. Banjir Maret lalu. Rapat Juni mendatang.", Some("2024-06-19"), "2026-01-01");
    assert_eq!(val(&r, "bulan Juli nanti"), Some("2024-07"));
    assert_eq!(val(&r, "Februari mendatang"), Some("2025-02"));
    assert_eq!(val(&r, "Maret lalu"), Some("2024-03"));
    assert_eq!(val(&r, "Juni mendatang"), Some("2025-06"));
}

#[test]
fn anaphoric_expressions_follow_the_previous_date() {
    let r = run(
        "Pada 10 Maret 2024 banjir melanda. Sehari sebelumnya hujan deras. Dua hari kemudian air surut. \
         Keesokan harinya warga pulang. Pada hari itu juga bantuan tiba. Tahun sebelumnya kering.",
        Some("2024-06-19"),
        "2026-01-01",
    );
    assert_eq!(val(&r, "Sehari sebelumnya"), Some("2024-03-09"));
    // Anchors on the most recent date: "Sehari sebelumnya" (9 March) + 2.
    assert_eq!(val(&r, "Dua hari kemudian"), Some("2024-03-11"));
    assert_eq!(val(&r, "Keesokan harinya"), Some("2024-03-12"));
    assert_eq!(val(&r, "hari itu"), Some("2024-03-12"));
    assert_eq!(val(&r, "Tahun sebelumnya"), Some("2023"));
}

#[test]
fn anaphora_without_a_previous_date_falls_back_to_the_reference() {
    let r = run("Sehari sebelumnya hujan.", Some("2024-06-19"), "2026-01-01");
    assert_eq!(val(&r, "Sehari sebelumnya"), Some("2024-06-18"));
}

#[test]
fn before_and_after_named_events_and_dates() {
    let r = run(
        "Sehari sebelum KTT, menteri bertemu. Dua hari setelah pertemuan itu ia pulang. Tiga hari sebelum 17 Agustus bendera dipasang.",
        Some("2024-06-19"),
        "2026-01-01",
    );
    assert_eq!(val(&r, "Sehari sebelum KTT"), Some("2024-06-18"));
    assert_eq!(val(&r, "Dua hari setelah pertemuan"), Some("2024-06-21"));
    assert_eq!(val(&r, "Tiga hari sebelum"), Some("2024-08-14"));
    assert_eq!(val(&r, "17 Agustus"), Some("2024-08-17"));
}

// ---- times of day ---------------------------------------------------------------------------------------

#[test]
fn clock_times_take_the_governing_date() {
    let r = run(
        "Rapat pada Rabu (19/6) dimulai pukul 10.00 WIB. Pukul 8 malam ia pulang. Sidang berlangsung pukul 08.00-12.00 WITA.",
        None,
        "2026-01-01",
    );
    assert_eq!(r.published, Some(d("2024-06-19")));
    let t = get(&r, "pukul 10.00 WIB");
    assert_eq!((t.kind, t.value.as_deref(), t.utc_offset, t.date), (TimexType::Time, Some("2024-06-19T10:00"), Some(420), Some(d("2024-06-19"))));
    assert_eq!(val(&r, "Pukul 8 malam"), Some("2024-06-19T20:00"));
    assert_eq!(val(&r, "pukul 08.00"), Some("2024-06-19T08:00"));
    let t = get(&r, "12.00 WITA");
    assert_eq!((t.value.as_deref(), t.utc_offset), (Some("2024-06-19T12:00"), Some(480)));
    assert_eq!(get(&r, "pukul 08.00").utc_offset, Some(480));
}

#[test]
fn clock_time_uses_the_date_later_in_its_sentence() {
    let r = run("Ledakan terjadi pukul 03.15 waktu setempat, Selasa (18/6).", Some("2024-06-19"), "2026-01-01");
    assert_eq!(val(&r, "pukul 03.15 waktu setempat"), Some("2024-06-18T03:15"));
}

#[test]
fn clock_time_without_any_date() {
    let r = run("Acara dimulai pukul 10.00.", None, "2026-01-01");
    assert_eq!(r.published, None);
    let t = get(&r, "pukul 10.00");
    assert_eq!((t.value.as_deref(), t.date), (Some("XXXX-XX-XXT10:00"), None));
    // A bare "10.00" is a number, not a time.
    let r = run("Harga naik 10.00 persen.", None, "2026-01-01");
    assert!(r.timexes.is_empty(), "{:#?}", listing(&r));
}

#[test]
fn parts_of_day() {
    let r = run("Kemarin sore hujan. Selasa malam ia tiba. Tadi pagi macet. Malam ini sepi. Tadi malam gempa.", Some("2024-06-19"), "2026-01-01");
    let t = get(&r, "Kemarin sore");
    assert_eq!((t.kind, t.value.as_deref()), (TimexType::Time, Some("2024-06-18TAF")));
    assert_eq!(val(&r, "Selasa malam"), Some("2024-06-18TNI"));
    assert_eq!(val(&r, "Tadi pagi"), Some("2024-06-19TMO"));
    assert_eq!(val(&r, "Malam ini"), Some("2024-06-19TNI"));
    assert_eq!(val(&r, "Tadi malam"), Some("2024-06-18TNI"));
}

// ---- durations and sets ---------------------------------------------------------------------------------

#[test]
fn durations() {
    let r = run(
        "Ia ditahan tiga hari. Proyek butuh 2 pekan. Setahun ia pergi. Hujan selama dua pekan. Operasi 2 jam 30 menit. \
         Sudah beberapa bulan ia pergi. Ia dihukum dua puluh lima tahun. Dalam tiga hari terakhir harga naik. \
         Masa jabatan sebelas tahun. Sehari ia pergi. Sekitar dua belas jam ia menunggu. Satu dekade berlalu. Selama puluhan tahun ia diam.",
        Some("2024-06-19"),
        "2026-01-01",
    );
    for (text, v) in [
        ("tiga hari", "P3D"),
        ("2 pekan", "P2W"),
        ("Setahun", "P1Y"),
        ("dua pekan", "P2W"),
        ("2 jam 30 menit", "PT2H30M"),
        ("beberapa bulan", "PXM"),
        ("dua puluh lima tahun", "P25Y"),
        ("tiga hari terakhir", "P3D"),
        ("sebelas tahun", "P11Y"),
        ("Sehari", "P1D"),
        ("dua belas jam", "PT12H"),
        ("Satu dekade", "P1DE"),
        ("puluhan tahun", "PXY"),
    ] {
        let t = get(&r, text);
        assert_eq!((t.kind, t.value.as_deref(), t.date), (TimexType::Duration, Some(v), None), "{text}");
    }
    none_named(&r, "selama");
}

#[test]
fn sets() {
    let r = run(
        "Pasar buka setiap Senin. Ia lari tiap hari. Rapat dua kali seminggu. Upacara setiap 17 Agustus. \
         Kelas setiap hari Jumat. Patroli setiap malam. Laporan tiap tahun. Cek tiga kali per pekan. \
         Rapat sebulan sekali. Ia pulang seminggu dua kali.",
        Some("2024-06-19"),
        "2026-01-01",
    );
    for (text, v) in [
        ("setiap Senin", "XXXX-WXX-1"),
        ("tiap hari", "P1D"),
        ("dua kali seminggu", "P1W"),
        ("setiap 17 Agustus", "XXXX-08-17"),
        ("setiap hari Jumat", "XXXX-WXX-5"),
        ("setiap malam", "XXXX-XX-XXTNI"),
        ("tiap tahun", "P1Y"),
        ("tiga kali per pekan", "P1W"),
        ("sebulan sekali", "P1M"),
        ("seminggu dua kali", "P1W"),
    ] {
        let t = get(&r, text);
        assert_eq!((t.kind, t.value.as_deref()), (TimexType::Set, Some(v)), "{text}");
    }
}

#[test]
fn vague_references() {
    let r = run("Saat ini harga stabil. Kelak ia kembali. Baru-baru ini ia pergi.", Some("2024-06-19"), "2026-01-01");
    assert_eq!(val(&r, "Saat ini"), Some("PRESENT_REF"));
    assert_eq!(val(&r, "Kelak"), Some("FUTURE_REF"));
    assert_eq!(val(&r, "Baru-baru ini"), Some("PAST_REF"));
}

// ---- publication date inference ------------------------------------------------------------------------

#[test]
fn year_inferred_from_weekday_agreement() {
    // 19 June is a Wednesday in 2019, 2024 and 2030.
    let r = run("Putin tiba pada Rabu (19 Juni).", None, "2026-11-26");
    assert_eq!((r.published, r.published_inferred), (Some(d("2024-06-19")), true));
    let r = run("Putin tiba pada Rabu (19/6).", None, "2026-11-26");
    assert_eq!(r.published, Some(d("2024-06-19")));
    assert_eq!(val(&r, "Rabu (19/6)"), Some("2024-06-19"));
}

#[test]
fn year_inference_skips_a_matching_date_after_today() {
    // 2024-06-19 agrees with the weekday but lies after "today": the latest earlier agreeing year is 2019.
    let r = run("Putin tiba pada Rabu (19 Juni). Kemarin ia berangkat.", None, "2024-06-10");
    assert_eq!((r.published, r.published_inferred), (Some(d("2019-06-19")), true));
    assert_eq!(val(&r, "Rabu (19 Juni)"), Some("2019-06-19"));
    assert_eq!(val(&r, "Kemarin"), Some("2019-06-18"));
    // Today itself counts.
    let r = run("Putin tiba pada Rabu (19 Juni).", None, "2024-06-19");
    assert_eq!(r.published, Some(d("2024-06-19")));
}

#[test]
fn the_latest_weekday_date_is_the_publication_date() {
    let r = run("Senin (17/6) ia berangkat. Rabu (19/6) ia tiba. Kemarin ia bicara.", None, "2026-11-26");
    assert_eq!(r.published, Some(d("2024-06-19")));
    assert_eq!(val(&r, "Senin (17/6)"), Some("2024-06-17"));
    assert_eq!(val(&r, "Kemarin"), Some("2024-06-18"));
}

#[test]
fn a_date_announced_in_the_future_tense_is_not_the_publication_date() {
    let r = run("Jakarta, Kamis (20/6/2024) - Presiden akan meresmikan bendungan pada Jumat (21/6) pagi.", None, "2026-11-26");
    assert_eq!(r.published, Some(d("2024-06-20")));
    assert_eq!(val(&r, "Jumat (21/6) pagi"), Some("2024-06-21TMO"));
    // With nothing else, it still pins the year.
    let r = run("Presiden akan meresmikan bendungan pada Jumat (21/6).", None, "2026-11-26");
    assert_eq!(r.published, Some(d("2024-06-21")));
}

#[test]
fn future_tense_does_not_cross_punctuation() {
    let r = run("Putin, yang akan mengunjungi Vietnam, tiba pada Kamis.", Some("2024-06-19"), "2026-11-26");
    assert_eq!(val(&r, "Kamis"), Some("2024-06-13"));
}

#[test]
fn law_numbers_are_not_durations() {
    let r = run("Ia dijerat Pasal 27 ayat 3 UU Nomor 11 Tahun 2008.", Some("2024-06-19"), "2026-11-26");
    assert_eq!(listing(&r), ["\"Tahun 2008\" DATE Some(\"2008\")"]);
}

#[test]
fn leap_day_weekday_inference() {
    // 29 February fell on a Thursday in 2024 (and 1996, 2068 …).
    let r = run("Kamis (29/2) ia pergi.", None, "2026-11-26");
    assert_eq!(r.published, Some(d("2024-02-29")));
    let r = run("Kamis (29/2) ia pergi.", None, "2024-02-28");
    assert_eq!(r.published, Some(d("1996-02-29")));
}

#[test]
fn full_dates_infer_publication_when_no_weekday_pins_it() {
    let r = run("Perjanjian diteken 25 September 2014. Pada 3 Januari 2015 ia mundur. Rencana 30 Desember 2030 batal. Kemarin hujan.", None, "2026-11-26");
    assert_eq!((r.published, r.published_inferred), (Some(d("2015-01-03")), true));
    assert_eq!(val(&r, "Kemarin"), Some("2015-01-02"));
    assert_eq!(val(&r, "30 Desember 2030"), Some("2030-12-30"));
}

#[test]
fn nothing_pins_the_date_so_deictics_stay_null() {
    let r = run("Kemarin hujan. Pada hari Selasa ia pergi. Pada 19 Juni ia tiba. Pada bulan Juli nanti KTT. Sehari sebelumnya sepi. Pekan lalu ramai.", None, "2026-11-26");
    assert_eq!((r.published, r.published_inferred), (None, false));
    assert_eq!(val(&r, "Kemarin"), None);
    assert_eq!(val(&r, "hari Selasa"), None);
    assert_eq!(val(&r, "Sehari sebelumnya"), None);
    assert_eq!(val(&r, "Pekan lalu"), None);
    // Partly known: TIMEX3 keeps the known fields.
    let t = get(&r, "19 Juni");
    assert_eq!((t.value.as_deref(), t.date), (Some("XXXX-06-19"), None));
    assert_eq!(val(&r, "bulan Juli nanti"), Some("XXXX-07"));
    assert!(r.timexes.iter().all(|t| t.date.is_none()));
}

// ---- robustness -----------------------------------------------------------------------------------------

#[test]
fn empty_and_trivial_documents() {
    for text in ["", " ", "\n\n", ".", "(", "tahun", "setiap", "pukul", "2024", "19/", "19/6/", "/6/2024", "Rabu (", "Rabu (19", "sehari sebelum"] {
        let r = run(text, None, "2026-11-26");
        let _ = run(text, Some("2024-06-19"), "2026-11-26");
        assert!(r.timexes.iter().all(|t| t.date.is_none() || t.value.is_some()), "{text}");
    }
    assert_eq!(run("2024", None, "2026-11-26").timexes.len(), 1);
}

#[test]
fn impossible_and_huge_values_never_panic() {
    let r = run(
        "Tanggal 99/99/99999 salah. Pada 31 Februari ia datang. Pada 29 Februari 2023 hujan. Rabu (31/2) sepi. \
         Pukul 99.99 WIB. Sekitar 99999999999999 hari lalu. 999999999 tahun lalu. 999999999 bulan lalu. \
         999999999 pekan depan. 999999999 abad lalu. Tanggal 45 Juni. 0 hari lalu. Pada tanggal 31 ia pergi. \
         Tahun 9999 dan tahun 1000. Sehari sebelum 31 Februari.",
        Some("2024-06-19"),
        "2026-11-26",
    );
    assert_eq!(val(&r, "31 Februari"), None);
    assert_eq!(val(&r, "29 Februari 2023"), None);
    assert_eq!(val(&r, "999999999 tahun lalu"), None);
    assert_eq!(val(&r, "999999999 bulan lalu"), None);
    assert_eq!(val(&r, "0 hari lalu"), Some("2024-06-19"));
    none_named(&r, "99/99");
    none_named(&r, "99.99");
    none_named(&r, "45");
    // 31 June does not exist; the day falls back to 31 May.
    assert_eq!(val(&r, "tanggal 31"), Some("2024-05-31"));
    // Every resolved date is formatted as a real date.
    for t in &r.timexes {
        if let (Some(v), Some(dt)) = (&t.value, t.date) {
            if t.grain == Some(Grain::Day) && t.kind == TimexType::Date {
                assert_eq!(v, &fmt_day(dt));
            }
        }
    }
    let _ = run("Rabu (31/2) sepi.", None, "2026-11-26");
    let _ = run("Rabu (29 Februari) sepi.", None, "0001-01-05");
}

#[test]
fn pseudo_random_word_salad_never_panics() {
    let vocab = [
        "Rabu", "(", ")", "19", "/", "6", "2024", "Juni", "hari", "ini", "lalu", "depan", "sehari", "sebelumnya", "sebelum",
        "pukul", "10.00", "WIB", "setiap", "Senin", "dua", "kali", "seminggu", "minggu", "Minggu", "awal", "akhir", "pekan",
        "tahun", "bulan", "-", "hingga", "tanggal", "31", "99999", "kemarin", "malam", "tadi", ".", ",", "99", "0", "belas",
        "puluh", "beberapa", "keesokan", "harinya", "1990", "an", "nanti", "akan", "2:30", "24.00", "\n\n", "Tahun", "29",
        "Februari", "setelah", "pertemuan", "ke", "terakhir", "selama", "jam", "12",
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    for round in 0..300 {
        let mut text = String::new();
        for _ in 0..(20 + round % 80) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let w = vocab[(seed % vocab.len() as u64) as usize];
            text.push_str(w);
            if !seed.is_multiple_of(3) {
                text.push(' ');
            }
        }
        let published = if round % 2 == 0 { Some("2024-06-19") } else { None };
        let r = run(&text, published, "2026-11-26");
        for t in &r.timexes {
            if t.date.is_some() {
                assert!(t.value.is_some(), "{text:?}: {t:?}");
            }
        }
    }
}

#[test]
fn output_grows_linearly_with_the_document() {
    // Not a timing test: the resolver is linear by construction (one hash lookup per token, bounded
    // look-ahead per recogniser, one resolution pass with O(1) state; see the crate docs). This checks that a
    // long document is handled in one go and that repetition multiplies the output, nothing more.
    let text = SEED.repeat(50);
    let r = run(&text, Some("2024-06-19"), "2026-11-26");
    let one = run(SEED, Some("2024-06-19"), "2026-11-26");
    assert_eq!(r.timexes.len(), 50 * one.timexes.len());
}

// ---- the pack and the engine ----------------------------------------------------------------------------

#[test]
fn the_indonesian_time_words_load_completely() {
    let t = &pack().time;
    assert_eq!(t.months.len(), 12);
    assert_eq!(t.weekdays.len(), 7);
    assert_eq!(t.relative_days.get("kemarin"), Some(&-1));
    assert_eq!(t.relative_days.get("lusa"), Some(&2));
    assert_eq!(t.units.get("pekan"), Some(&Unit::Week));
    assert!(t.markers.previous.contains(&"sebelumnya".to_string()));
    assert!(t.time_zones.contains_key("wib"));
    assert!(!t.day_parts.is_empty() && !t.references.past.is_empty() && !t.month_parts.late.is_empty());
}

#[test]
fn unknown_time_fields_are_rejected() {
    let e = Pack::from_files("xx", [("pack.toml", "code='xx'\nname='X'"), ("time.toml", "months=[]\nweekdays=[]\nbogus=1")].into_iter()).unwrap_err();
    assert!(e.to_string().contains("time.toml"), "{e}");
    let e = Pack::from_files("xx", [("pack.toml", "code='xx'\nname='X'"), ("time.toml", "months=[]\nweekdays=[]\n[markers]\npastt=['x']")].into_iter()).unwrap_err();
    assert!(e.to_string().contains("time.toml"), "{e}");
}

#[test]
fn the_engine_reads_any_language_from_data() {
    // A toy English pack: nothing Indonesian in the engine.
    let toml = r#"
        months = [["january"], ["february"], ["march"], ["april"], ["may"], ["june"], ["july"], ["august"],
                  ["september"], ["october"], ["november"], ["december"]]
        weekdays = [["monday"], ["tuesday"], ["wednesday"], ["thursday"], ["friday"], ["saturday"], ["sunday"]]
        month_before_day = true
        year_words = ["year"]
        [units]
        day = "day"
        days = "day"
        week = "week"
        weeks = "week"
        [numbers.words]
        two = 2
        three = 3
        [relative_days]
        yesterday = -1
        [markers]
        past = ["ago"]
        previous = ["earlier"]
        every = ["every"]
    "#;
    let p = Pack::from_files("xx", [("pack.toml", "code='xx'\nname='X'"), ("time.toml", toml)].into_iter()).unwrap();
    let r = TimeResolver::new(&p.time);
    let text = "Putin arrived on Wednesday, June 19, 2024. Two days earlier he left. Yesterday he spoke. Talks lasted three days. He calls every Monday.";
    let doc = warta_text::segment(text, &HashSet::new());
    let res = r.resolve(&doc, None, d("2026-11-26"));
    check_offsets(text, &res);
    assert_eq!(res.published, Some(d("2024-06-19")));
    assert_eq!(val(&res, "Wednesday, June 19, 2024"), Some("2024-06-19"));
    assert_eq!(val(&res, "Two days earlier"), Some("2024-06-17"));
    assert_eq!(val(&res, "Yesterday"), Some("2024-06-18"));
    assert_eq!(val(&res, "three days"), Some("P3D"));
    assert_eq!(val(&res, "every Monday"), Some("XXXX-WXX-1"));
}

#[test]
fn type_and_grain_names() {
    assert_eq!(
        [TimexType::Date, TimexType::Time, TimexType::Duration, TimexType::Set].map(|t| t.as_str()),
        ["DATE", "TIME", "DURATION", "SET"]
    );
    assert_eq!([Grain::Day, Grain::Month, Grain::Year].map(|g| g.as_str()), ["day", "month", "year"]);
    assert_eq!(TimexType::Duration.to_string(), "DURATION");
}

// ---- named days, rates, schedules -----------------------------------------------------------------------

#[test]
fn fixed_named_days_take_the_nearest_year_or_the_written_one() {
    let r = run("Polisi bersiap menjelang Natal dan Tahun Baru. Perayaan Natal 2018 aman. Hari Kemerdekaan meriah.", Some("2019-12-20"), "2026-11-26");
    assert_eq!(val(&r, "Natal"), Some("2019-12-25"));
    assert_eq!(val(&r, "Tahun Baru"), Some("2020-01-01"));
    assert_eq!(val(&r, "Natal 2018"), Some("2018-12-25"));
    assert_eq!(val(&r, "Hari Kemerdekaan"), Some("2019-08-17"));
    assert_eq!(get(&r, "Natal").kind, TimexType::Date);
    assert_eq!(get(&r, "Natal").grain, Some(Grain::Day));
}

#[test]
fn movable_named_days_come_from_the_holiday_table() {
    let r = run(
        "Uang beredar naik menjelang Lebaran. Penjualan naik dibanding Lebaran tahun lalu. Hari Raya Nyepi sepi. Umat Buddha merayakan Waisak, dan Tahun Baru Imlek dirayakan di Glodok. Isra Mi'raj dan Maulid Nabi libur. Idul Adha 1444 H.",
        Some("2023-06-26"),
        "2026-11-26",
    );
    assert_eq!(val(&r, "Lebaran"), Some("2023-04-22"));
    assert_eq!(val(&r, "Lebaran tahun lalu"), Some("2022-05-02"));
    assert_eq!(val(&r, "Hari Raya Nyepi"), Some("2023-03-22"));
    assert_eq!(val(&r, "Waisak"), Some("2023-06-04"));
    assert_eq!(val(&r, "Tahun Baru Imlek"), Some("2023-01-22"));
    assert_eq!(val(&r, "Isra Mi'raj"), Some("2023-02-18"));
    assert_eq!(val(&r, "Maulid Nabi"), Some("2023-09-28"));
    // The Hijri year is not a Gregorian one and stays outside.
    assert_eq!(val(&r, "Idul Adha"), Some("2023-06-29"));
}

#[test]
fn named_day_markers_pick_the_occurrence() {
    let r = run("Harga naik sejak Lebaran lalu. Pemudik bersiap untuk Lebaran mendatang. Natal tahun depan meriah.", Some("2024-04-05"), "2026-11-26");
    assert_eq!(val(&r, "Lebaran lalu"), Some("2023-04-22"));
    assert_eq!(val(&r, "Lebaran mendatang"), Some("2024-04-10"));
    assert_eq!(val(&r, "Natal tahun depan"), Some("2025-12-25"));
    // Future tense: the coming one, though last year's is nearer.
    let r = run("Pemerintah akan menetapkan libur Idul Fitri.", Some("2024-06-01"), "2026-11-26");
    assert_eq!(val(&r, "Idul Fitri"), Some("2025-03-31"));
}

#[test]
fn a_named_day_anchors_an_amount_before_it() {
    let r = run("Puncak arus mudik terjadi dua hari sebelum Lebaran.", Some("2015-07-14"), "2026-11-26");
    assert_eq!(val(&r, "dua hari sebelum"), Some("2015-07-15"));
    assert_eq!(val(&r, "Lebaran"), Some("2015-07-17"));
}

#[test]
fn named_days_outside_the_table_or_without_a_reference_stay_honest() {
    let r = run("Mudik Lebaran ramai. Natal meriah.", Some("2060-12-01"), "2070-01-01");
    assert_eq!(val(&r, "Lebaran"), None);
    assert_eq!(val(&r, "Natal"), Some("2060-12-25"));
    let r = run("Mudik Lebaran ramai. Natal meriah.", None, "2026-11-26");
    assert_eq!(val(&r, "Lebaran"), None);
    assert_eq!(val(&r, "Natal"), Some("XXXX-12-25"));
}

#[test]
fn every_pack_names_only_days_the_table_knows() {
    for code in Pack::available() {
        let p = Pack::embedded(code).unwrap();
        check(&p.time).unwrap_or_else(|e| panic!("{code}: {e}"));
    }
    let mut bad = pack().time.clone();
    bad.named_days.insert("hari fiktif".into(), "no_such_day".into());
    assert!(check(&bad).unwrap_err().contains("hari fiktif"));
}

#[test]
fn rates_are_sets() {
    let r = run("Biaya kuota Rp200.000 per bulan dan 15.000 tiket per hari, naik 20 persen per tahun. Harga Rp9.770 per dolar.", Some("2020-07-13"), "2026-11-26");
    assert_eq!(val(&r, "per bulan"), Some("P1M"));
    assert_eq!(get(&r, "per bulan").kind, TimexType::Set);
    assert_eq!(val(&r, "per hari"), Some("P1D"));
    assert_eq!(val(&r, "per tahun"), Some("P1Y"));
    none_named(&r, "dolar");
}

#[test]
fn schedules_and_forecasts_point_forward() {
    let r = run("Puncak musim hujan diperkirakan terjadi pada Januari. Presiden dijadwalkan tiba Rabu. Kasus naik sejak Januari.", Some("2016-11-08"), "2026-11-26");
    let jan: Vec<_> = r.timexes.iter().filter(|t| t.text == "Januari").map(|t| t.value.as_deref()).collect();
    assert_eq!(jan, [Some("2017-01"), Some("2016-01")]);
    assert_eq!(val(&r, "Rabu"), Some("2016-11-09"));
}

#[test]
fn day_counts_before_a_named_day() {
    let r = run("Arus mudik memuncak pada H-3 Lebaran, lalu arus balik ramai H+2 Lebaran. H-7 hari raya Idul Fitri jalan lengang.", Some("2024-04-05"), "2026-11-26");
    assert_eq!(val(&r, "H-3 Lebaran"), Some("2024-04-07"));
    assert_eq!(val(&r, "H+2 Lebaran"), Some("2024-04-12"));
    assert_eq!(val(&r, "H-7 hari raya Idul Fitri"), Some("2024-04-03"));
    // Without a named day an H count is no date.
    let r = run("Tim SAR bekerja hingga H-7.", Some("2024-04-05"), "2026-11-26");
    assert!(r.timexes.is_empty(), "{:?}", listing(&r));
}
