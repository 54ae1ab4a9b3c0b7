//! The Indonesian trigger lexicon (`lang/id/events.toml`), sentence by sentence: every PLOVER type in
//! active (`me-`, `ber-`, bare), passive (`di- … oleh`) and nominal (`pe-an`, `ke-an`, `-an`) forms, with
//! the CAMEO code, source and target actor codes and modality each sentence must get; sentences that must
//! yield nothing; and checks that the lexicon itself agrees with the CAMEO→PLOVER table.
//!
//! All sentences were written for this test. Each row names the trigger word it is about; other events in
//! the same sentence are not checked unless a row in `FORBIDDEN` says so.
//!
//! Engine gaps found by this table were fixed in the engine; their rows now sit at the end of `ROWS`.

use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use warta_core::cameo::CameoTable;
use warta_core::model::{ArticleResult, Event};
use warta_core::{Article, Extractor};

const PLOVER: [&str; 16] = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
    "COERCE", "ASSAULT",
];

fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| Extractor::new(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()).expect("packs load"))
}

fn extract(text: &str) -> ArticleResult {
    extractor().extract(&Article { id: "t".into(), text: text.into(), lang: Some("id".into()), published: Some("2024-06-19".into()), ..Default::default() })
}

/// The form the trigger word takes in the sentence; documents coverage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Form {
    /// me-, ber-, bare stems, -kan, -i.
    Active,
    /// di- (… oleh X).
    Passive,
    /// pe-an, ke-an, -an.
    Nominal,
}
use Form::*;

#[derive(Clone, Copy, Debug)]
struct Row {
    text: &'static str,
    /// The trigger word as it stands in the text (compared case-insensitively).
    trigger: &'static str,
    kind: &'static str,
    cameo: &'static str,
    source: &'static [&'static str],
    target: &'static [&'static str],
    modality: &'static str,
    form: Form,
}

const fn r(text: &'static str, trigger: &'static str, kind: &'static str, cameo: &'static str, source: &'static [&'static str], target: &'static [&'static str], form: Form) -> Row {
    Row { text, trigger, kind, cameo, source, target, modality: "asserted", form }
}

impl Row {
    const fn m(self, modality: &'static str) -> Row {
        Row { modality, ..self }
    }
}

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // AGREE (03x): agreement and intent; a future visit or meeting is intent to meet.
    r("Pemerintah Indonesia dan Malaysia sepakat untuk menggelar perundingan batas laut pekan depan.", "sepakat", "AGREE", "036", &["IDNGOV"], &["MYS"], Active),
    r("Israel dan Hamas menyepakati gencatan senjata.", "menyepakati", "AGREE", "037", &["ISR"], &["PSEREB"], Active),
    r("Menteri Luar Negeri Jepang berjanji memberikan bantuan kemanusiaan kepada Filipina.", "berjanji", "AGREE", "0333", &["JPNGOV"], &["PHL"], Active),
    r("Presiden Prancis menawarkan mediasi kepada Armenia dan Azerbaijan.", "menawarkan", "AGREE", "039", &["FRAGOV"], &["ARM", "AZE"], Active),
    r("Pemerintah Korea Selatan bersedia berunding dengan Korea Utara.", "bersedia", "AGREE", "036", &["KORGOV"], &["PRK"], Active),
    r("Usulan Indonesia disetujui oleh Malaysia.", "disetujui", "AGREE", "030", &["MYS"], &["IDN"], Passive),
    r("Kesepakatan Mesir dengan Qatar untuk menengahi konflik itu diumumkan pada Senin.", "kesepakatan", "AGREE", "039", &["EGY"], &["QAT"], Nominal),
    r("Presiden Amerika Serikat akan mengunjungi Vietnam bulan depan.", "mengunjungi", "AGREE", "036", &["USAGOV"], &["VNM"], Active).m("future"),
    r("Menteri Pertahanan Australia dijadwalkan bertemu dengan Menteri Pertahanan Jepang di Tokyo.", "bertemu", "AGREE", "036", &["AUSGOV"], &["JPNGOV"], Active).m("future"),
    r("Seandainya Rusia menarik pasukan dari Kherson, Ukraina siap berunding.", "berunding", "AGREE", "036", &["UKR"], &["RUS"], Active).m("future"),

    // CONSULT (04x)
    r("Perdana Menteri India mengunjungi Jepang pada Senin.", "mengunjungi", "CONSULT", "042", &["INDGOV"], &["JPN"], Active),
    r("Presiden Vietnam dikunjungi oleh Perdana Menteri Australia di Hanoi.", "dikunjungi", "CONSULT", "042", &["AUSGOV"], &["VNMGOV"], Passive),
    r("Kunjungan Presiden Brasil ke Tiongkok berlangsung selama tiga hari.", "kunjungan", "CONSULT", "042", &["BRAGOV"], &["CHN"], Nominal),
    r("Menteri Luar Negeri Indonesia bertemu dengan Menteri Luar Negeri Australia di Jakarta.", "bertemu", "CONSULT", "040", &["IDNGOV"], &["AUSGOV"], Active),
    r("Pertemuan Presiden Indonesia dengan Perdana Menteri Singapura berlangsung di Bintan.", "pertemuan", "CONSULT", "040", &["IDNGOV"], &["SGPGOV"], Nominal),
    r("Presiden Rusia menelepon Presiden Turki untuk membahas situasi di Laut Hitam.", "menelepon", "CONSULT", "041", &["RUSGOV"], &["TURGOV"], Active),
    r("Delegasi Israel dan Hamas berunding di Doha.", "berunding", "CONSULT", "046", &["ISRGOV"], &["PSEREB"], Active),
    r("Presiden Mesir menjamu Menteri Luar Negeri Turki di Kairo.", "menjamu", "CONSULT", "043", &["EGYGOV"], &["TURGOV"], Active),
    r("Indonesia dan Jepang membahas kerja sama maritim.", "membahas", "CONSULT", "040", &["IDN"], &["JPN"], Active),

    // SUPPORT (05x): signing a treaty is 057.
    r("Indonesia dan Vietnam menandatangani perjanjian batas zona ekonomi eksklusif.", "menandatangani", "SUPPORT", "057", &["IDN"], &["VNM"], Active),
    r("Perjanjian perdagangan itu ditandatangani oleh Menteri Perdagangan Indonesia dan Menteri Perdagangan Australia.", "ditandatangani", "SUPPORT", "057", &["IDNGOV"], &["AUSGOV"], Passive),
    r("Presiden Prancis memuji Indonesia atas penyelenggaraan pemilu yang damai.", "memuji", "SUPPORT", "051", &["FRAGOV"], &["IDN"], Active),
    r("Pemerintah Jerman memberikan dukungan kepada Ukraina.", "dukungan", "SUPPORT", "051", &["DEUGOV"], &["UKR"], Active),
    r("Ukraina didukung oleh Polandia dalam sidang Majelis Umum PBB.", "didukung", "SUPPORT", "051", &["POL"], &["UKR"], Passive),
    r("Dukungan Arab Saudi terhadap Palestina kembali ditegaskan.", "dukungan", "SUPPORT", "051", &["SAU"], &["PSE"], Nominal),
    r("Menteri Luar Negeri Jepang meminta maaf kepada Korea Selatan.", "meminta", "SUPPORT", "055", &["JPNGOV"], &["KOR"], Active),
    r("Tiongkok tidak menandatangani perjanjian itu dengan India.", "menandatangani", "SUPPORT", "057", &["CHN"], &["IND"], Active).m("negated"),

    // COOPERATE (06x)
    r("Jepang menjalin kerja sama ekonomi dengan Vietnam.", "menjalin", "COOPERATE", "061", &["JPN"], &["VNM"], Active),
    r("Kerja sama pertahanan antara Indonesia dan Prancis diperkuat.", "kerja", "COOPERATE", "062", &["IDN"], &["FRA"], Nominal),
    r("Kepolisian Malaysia berbagi informasi intelijen dengan Polri.", "berbagi", "COOPERATE", "064", &["MYSCOP"], &["IDNCOP"], Active),
    r("Tentara Filipina dan Amerika Serikat menggelar latihan militer gabungan di Luzon.", "latihan", "COOPERATE", "062", &["PHLMIL"], &["USA"], Active),
    r("Rusia berkolaborasi dengan Tiongkok dalam eksplorasi ruang angkasa.", "berkolaborasi", "COOPERATE", "060", &["RUS"], &["CHN"], Active),

    // AID (07x)
    r("Pemerintah Jepang mengirimkan bantuan kemanusiaan kepada Turki.", "bantuan", "AID", "073", &["JPNGOV"], &["TUR"], Active),
    r("Amerika Serikat memasok senjata kepada Ukraina.", "memasok", "AID", "072", &["USA"], &["UKR"], Active),
    r("Pemerintah Ekuador memberikan suaka kepada jurnalis Inggris.", "memberikan", "AID", "075", &["ECUGOV"], &["GBRMED"], Active),
    r("Indonesia mengirimkan pasukan penjaga perdamaian ke Lebanon.", "mengirimkan", "AID", "074", &["IDN"], &["LBN"], Active),
    r("Bantuan kemanusiaan Uni Eropa untuk Gaza tiba di Rafah.", "bantuan", "AID", "073", &["IGOEUREEC"], &["PSE"], Nominal),
    r("Laos menerima bantuan dana Bank Dunia sebesar 10 juta dolar.", "bantuan", "AID", "071", &["IGOWBK"], &["LAO"], Passive),
    r("Vietnam memperoleh bantuan ekonomi Jepang.", "bantuan", "AID", "071", &["JPN"], &["VNM"], Passive),
    r("Pemerintah Jepang belum memberikan bantuan militer kepada Ukraina.", "bantuan", "AID", "072", &["JPNGOV"], &["UKR"], Active).m("negated"),

    // CONCEDE (080–083)
    r("Perdana Menteri Pakistan mengundurkan diri setelah kalah dalam mosi tidak percaya.", "mengundurkan", "CONCEDE", "0831", &["PAKGOV"], &[], Active),
    r("Pengunduran diri Perdana Menteri Nepal diumumkan pada Kamis.", "pengunduran", "CONCEDE", "0831", &["NPLGOV"], &[], Nominal),
    r("Tuntutan serikat buruh dikabulkan oleh Pemerintah Korea Selatan.", "dikabulkan", "CONCEDE", "083", &["KORGOV"], &["LAB"], Passive),
    r("Pemerintah Myanmar melonggarkan pembatasan terhadap media asing.", "melonggarkan", "CONCEDE", "081", &["MMRGOV"], &["MED"], Active),
    r("Presiden Indonesia memberikan amnesti kepada aktivis Papua.", "memberikan", "CONCEDE", "0811", &["IDNGOV"], &["IDNOPP"], Active),
    r("Pemerintah Iran akhirnya melunak terhadap Uni Eropa.", "melunak", "CONCEDE", "080", &["IRNGOV"], &["IGOEUREEC"], Active),
    r("Presiden Korea Selatan tak akan mundur dari jabatannya.", "mundur", "CONCEDE", "0831", &["KORGOV"], &[], Active).m("negated"),

    // RETREAT (084–087)
    r("Pemerintah Myanmar membebaskan ratusan tahanan politik.", "membebaskan", "RETREAT", "0841", &["MMRGOV"], &[], Active),
    r("Nelayan Indonesia dibebaskan oleh otoritas Australia.", "dibebaskan", "RETREAT", "0841", &["AUSGOV"], &["IDNCVL"], Passive),
    r("Penarikan pasukan Amerika Serikat dari Irak selesai pada Desember.", "penarikan", "RETREAT", "087", &["USAMIL"], &[], Nominal),
    r("Amerika Serikat mencabut sanksi terhadap Venezuela.", "mencabut", "RETREAT", "085", &["USA"], &["VEN"], Active),
    r("Kelompok pemberontak menyerah kepada tentara Sudan.", "menyerah", "RETREAT", "0874", &["REB"], &["SDNMIL"], Active),
    r("Pasukan Israel mundur dari Khan Younis.", "mundur", "RETREAT", "087", &["ISRMIL"], &[], Active),
    r("Israel menahan diri terhadap Iran.", "menahan", "RETREAT", "087", &["ISR"], &["IRN"], Active),
    r("Rusia enggan menarik pasukan dari Ukraina.", "menarik", "RETREAT", "087", &["RUS"], &[], Active).m("negated"),
    r("Jika Hamas membebaskan sandera, Israel bersedia menghentikan serangan.", "membebaskan", "RETREAT", "0841", &["PSEREB"], &[], Active).m("conditional"),
    r("Seandainya Rusia menarik pasukan dari Kherson, Ukraina siap berunding.", "menarik", "RETREAT", "087", &["RUS"], &[], Active).m("conditional"),

    // REQUEST (10x)
    r("Sekjen PBB mendesak Rusia dan Ukraina melakukan gencatan senjata.", "mendesak", "REQUEST", "1056", &["IGOUNO"], &["RUS", "UKR"], Active),
    r("Indonesia meminta Australia membebaskan nelayan yang ditahan.", "meminta", "REQUEST", "1053", &["IDN"], &["AUS"], Active),
    r("Tiongkok didesak oleh Uni Eropa untuk menghentikan dukungan kepada Rusia.", "didesak", "REQUEST", "100", &["IGOEUREEC"], &["CHN"], Passive),
    r("Seruan Sekjen PBB kepada Israel untuk menghentikan serangan disampaikan di New York.", "seruan", "REQUEST", "1056", &["IGOUNO"], &["ISR"], Nominal),
    r("Pemerintah Filipina meminta bantuan kemanusiaan kepada Jepang.", "meminta", "REQUEST", "1033", &["PHLGOV"], &["JPN"], Active),
    r("Ukraina mengimbau NATO untuk mengirim lebih banyak bantuan.", "mengimbau", "REQUEST", "103", &["UKR"], &["IGOWSTNAT"], Active),
    r("Para demonstran menuntut Presiden Peru mundur dari jabatannya.", "menuntut", "REQUEST", "1041", &["OPP"], &["PERGOV"], Active),
    r("Amnesty International mendesak pembebasan aktivis Papua.", "mendesak", "REQUEST", "1053", &["NGOAMN"], &["IDNOPP"], Active),
    r("Turki menyerukan gencatan senjata di Gaza.", "menyerukan", "REQUEST", "1056", &["TUR"], &[], Active),
    r("Presiden Filipina meminta dialog dengan Tiongkok.", "meminta", "REQUEST", "106", &["PHLGOV"], &["CHN"], Active),
    r("ASEAN menyerukan dialog antara junta Myanmar dan kelompok oposisi.", "menyerukan", "REQUEST", "106", &["IGOSEAASN"], &["MMRMIL"], Active),

    // ACCUSE (09x, 11x)
    r("Korea Selatan menuduh Korea Utara meluncurkan rudal balistik.", "menuduh", "ACCUSE", "112", &["KOR"], &["PRK"], Active),
    r("Rusia dituduh oleh Ukraina melakukan kejahatan perang.", "dituduh", "ACCUSE", "1124", &["UKR"], &["RUS"], Passive),
    r("Tuduhan Amerika Serikat terhadap Tiongkok soal spionase dibantah Beijing.", "tuduhan", "ACCUSE", "1125", &["USA"], &["CHN"], Nominal),
    r("Israel dikecam oleh Turki.", "dikecam", "ACCUSE", "111", &["TUR"], &["ISR"], Passive),
    r("Kecaman Tiongkok terhadap Jepang disampaikan melalui juru bicara.", "kecaman", "ACCUSE", "111", &["CHN"], &["JPN"], Nominal),
    r("Filipina menggugat Tiongkok ke Mahkamah Arbitrase Internasional.", "menggugat", "ACCUSE", "115", &["PHL"], &["CHN"], Active),
    r("Filipina memanggil duta besar Tiongkok di Manila.", "memanggil", "ACCUSE", "114", &["PHL"], &["CHNGOV"], Active),
    r("Kementerian Luar Negeri RI melayangkan nota protes kepada Tiongkok.", "melayangkan", "ACCUSE", "114", &["IDNGOV"], &["CHN"], Active),

    // REJECT (12x)
    r("Korea Utara menolak tuntutan Amerika Serikat untuk menghentikan program nuklirnya.", "menolak", "REJECT", "124", &["PRK"], &["USA"], Active),
    r("Pemerintah Rusia menolak tawaran mediasi Turki.", "menolak", "REJECT", "126", &["RUSGOV"], &["TUR"], Active),
    r("Tiongkok memveto resolusi Dewan Keamanan PBB tentang Suriah.", "memveto", "REJECT", "129", &["CHN"], &["IGOUNO"], Active),
    r("Usulan perundingan itu ditolak oleh Pemerintah Ukraina.", "ditolak", "REJECT", "125", &["UKRGOV"], &[], Passive),
    r("Penolakan Israel terhadap usulan gencatan senjata memicu kecaman.", "penolakan", "REJECT", "125", &["ISR"], &[], Nominal),

    // THREATEN (13x)
    r("Korea Utara mengancam akan menyerang Korea Selatan.", "mengancam", "THREATEN", "138", &["PRK"], &["KOR"], Active),
    r("Presiden Amerika Serikat mengancam menjatuhkan sanksi terhadap Iran.", "mengancam", "THREATEN", "1312", &["USAGOV"], &["IRN"], Active),
    r("Rusia mengancam Polandia dengan serangan rudal.", "mengancam", "THREATEN", "138", &["RUS"], &["POL"], Active),
    r("Taiwan diancam oleh Tiongkok.", "diancam", "THREATEN", "130", &["CHN"], &["TWN"], Passive),
    r("Ancaman Rusia terhadap Moldova semakin nyata.", "ancaman", "THREATEN", "130", &["RUS"], &["MDA"], Nominal),
    r("Iran memberikan ultimatum kepada Azerbaijan.", "ultimatum", "THREATEN", "139", &["IRN"], &["AZE"], Active),

    // PROTEST (14x)
    r("Ribuan mahasiswa berunjuk rasa di depan gedung DPR di Jakarta.", "berunjuk", "PROTEST", "141", &["IDNEDU"], &["IDNLEG"], Active),
    r("Serikat buruh Korea Selatan melakukan pemogokan nasional.", "pemogokan", "PROTEST", "143", &["KORLAB"], &[], Nominal),
    r("Para aktivis menggelar aksi mogok makan di depan Istana Negara.", "mogok", "PROTEST", "142", &["OPP"], &["IDNGOV"], Active),
    r("Mahasiswa Indonesia memprotes keputusan DPR.", "memprotes", "PROTEST", "140", &["IDNEDU"], &["IDNLEG"], Active),
    r("Demonstran memblokade jalan menuju bandara.", "memblokade", "PROTEST", "144", &["OPP"], &[], Active),
    r("Pengunjuk rasa Kenya bentrok dengan polisi di Nairobi.", "bentrok", "PROTEST", "145", &["KENOPP"], &["KENCOP"], Active),
    r("Ribuan buruh Prancis mogok kerja di Paris.", "mogok", "PROTEST", "143", &["FRALAB"], &[], Active),
    r("Buruh pabrik tekstil di Bandung melakukan aksi pemogokan.", "pemogokan", "PROTEST", "143", &["IDNLAB"], &[], Nominal),
    r("Warga Hong Kong menggelar aksi unjuk rasa menentang undang-undang keamanan.", "unjuk", "PROTEST", "141", &["HKGCVL"], &[], Active),
    r("Aksi unjuk rasa digelar oleh ribuan mahasiswa di depan Istana Negara.", "digelar", "PROTEST", "141", &["EDU"], &[], Passive),
    r("Unjuk rasa itu digelar oleh serikat buruh Korea Selatan di Seoul.", "digelar", "PROTEST", "141", &["KORLAB"], &[], Passive),
    r("Apabila Korea Utara menguji coba rudal lagi, Jepang akan memprotes keras.", "memprotes", "PROTEST", "140", &["JPN"], &[], Active).m("future"),

    // SANCTION (16x)
    r("Pemerintah Nikaragua memutuskan hubungan diplomatik dengan Belanda.", "memutuskan", "SANCTION", "161", &["NICGOV"], &["NLD"], Active),
    r("Pemerintah Belanda mengusir dua diplomat Rusia.", "mengusir", "SANCTION", "166", &["NLDGOV"], &["RUSGOV"], Active),
    r("Duta Besar Rusia diusir oleh Pemerintah Polandia.", "diusir", "SANCTION", "166", &["POLGOV"], &["RUSGOV"], Passive),
    r("Amerika Serikat menghentikan bantuan militer kepada Mesir.", "menghentikan", "SANCTION", "1622", &["USA"], &["EGY"], Active),
    r("Pemerintah Australia membekukan hubungan dengan Myanmar.", "membekukan", "SANCTION", "160", &["AUSGOV"], &["MMR"], Active),
    r("Palestina menangguhkan perundingan dengan Israel.", "menangguhkan", "SANCTION", "164", &["PSE"], &["ISR"], Active),
    r("Pemutusan hubungan diplomatik Nikaragua dengan Taiwan diumumkan pada Senin.", "pemutusan", "SANCTION", "161", &["NIC"], &["TWN"], Nominal),
    r("Penghentian bantuan Amerika Serikat kepada Mesir mengejutkan Kairo.", "penghentian", "SANCTION", "162", &["USA"], &["EGY"], Nominal),

    // COERCE (163, 17x, 191–192)
    r("Polisi Indonesia menangkap dua warga negara Tiongkok di Batam.", "menangkap", "COERCE", "173", &["IDNCOP"], &["CHNCVL"], Active),
    r("Polisi menangkap puluhan mahasiswa di depan gedung DPR.", "menangkap", "COERCE", "173", &["COP"], &["EDU"], Active),
    r("Dua jurnalis Australia ditahan oleh aparat keamanan Myanmar.", "ditahan", "COERCE", "173", &["MMRCOP"], &["AUSMED"], Passive),
    r("Uni Eropa menjatuhkan sanksi terhadap Belarus.", "menjatuhkan", "COERCE", "163", &["IGOEUREEC"], &["BLR"], Active),
    r("Rusia dijatuhi sanksi oleh Uni Eropa.", "dijatuhi", "COERCE", "163", &["IGOEUREEC"], &["RUS"], Passive),
    r("AS menjatuhkan sanksi terhadap Kuba.", "menjatuhkan", "COERCE", "163", &["USA"], &["CUB"], Active),
    r("Pemerintah Malaysia mendeportasi puluhan pekerja migran Indonesia.", "mendeportasi", "COERCE", "174", &["MYSGOV"], &["IDNLAB"], Active),
    r("Kapal nelayan Vietnam disita oleh penjaga pantai Indonesia.", "disita", "COERCE", "1711", &["IDNCOP"], &["VNMCVL"], Passive),
    r("Tentara Israel memberlakukan jam malam di Hebron.", "memberlakukan", "COERCE", "1723", &["ISRMIL"], &["PSE"], Active),
    r("Amerika Serikat akan menjatuhkan sanksi terhadap Rusia.", "menjatuhkan", "COERCE", "163", &["USA"], &["RUS"], Active).m("future"),
    r("Pendudukan Israel atas Tepi Barat dikecam PBB.", "pendudukan", "COERCE", "192", &["ISR"], &["PSE"], Nominal),

    // ASSAULT (18x–20x, 1712)
    r("Rusia menyerang Ukraina dengan rudal balistik.", "menyerang", "ASSAULT", "195", &["RUS"], &["UKR"], Active),
    r("Ukraina diserang oleh Rusia pada Kamis malam.", "diserang", "ASSAULT", "190", &["RUS"], &["UKR"], Passive),
    r("Serangan Israel terhadap Lebanon menewaskan lima orang.", "serangan", "ASSAULT", "190", &["ISR"], &["LBN"], Nominal),
    r("Kelompok bersenjata menculik dua warga negara Jerman di Nigeria.", "menculik", "ASSAULT", "181", &["NGAREB"], &["DEUCVL"], Active),
    r("Seorang warga Palestina ditembak oleh tentara Israel.", "ditembak", "ASSAULT", "193", &["ISRMIL"], &["PSECVL"], Passive),
    r("Pesawat tempur Israel membombardir Jalur Gaza.", "membombardir", "ASSAULT", "195", &["ISRMIL"], &["PSE"], Active),
    r("Militer Sudan menggempur posisi pemberontak di Khartoum.", "menggempur", "ASSAULT", "194", &["SDNMIL"], &["SDNREB"], Active),
    r("Penjaga pantai Tiongkok menembakkan meriam air ke kapal Filipina.", "menembakkan", "ASSAULT", "175", &["CHNCOP"], &["PHL"], Active),
    r("Polisi Malaysia membubarkan paksa aksi mahasiswa di Kuala Lumpur.", "membubarkan", "ASSAULT", "175", &["MYSCOP"], &["MYSEDU"], Active),
    r("Aksi mahasiswa dibubarkan paksa oleh polisi Thailand.", "dibubarkan", "ASSAULT", "175", &["THACOP"], &["EDU"], Passive),
    r("Tentara Israel menembak mati seorang remaja Palestina di Jenin.", "menembak", "ASSAULT", "1823", &["ISRMIL"], &["PSE"], Active),
    r("Rusia melancarkan invasi ke Ukraina pada Februari 2022.", "melancarkan", "ASSAULT", "190", &["RUS"], &["UKR"], Active),
    r("Rusia mungkin menyerang Moldova tahun depan.", "menyerang", "ASSAULT", "190", &["RUS"], &["MDA"], Active).m("speculative"),
    r("Amerika Serikat akan membela Israel jika Iran menyerang Israel.", "menyerang", "ASSAULT", "190", &["IRN"], &["ISR"], Active).m("conditional"),
    r("Kalau Israel menyerang Iran, harga minyak dunia akan melonjak.", "menyerang", "ASSAULT", "190", &["ISR"], &["IRN"], Active).m("conditional"),
    r("Korea Selatan akan membalas apabila Korea Utara menembakkan rudal ke wilayahnya.", "menembakkan", "ASSAULT", "195", &["PRK"], &[], Active).m("conditional"),

    // MOBILIZE (15x)
    r("Korea Utara menguji coba rudal balistik antarbenua.", "menguji", "MOBILIZE", "150", &["PRK"], &[], Active),
    r("Polri menurunkan ribuan personel untuk mengamankan unjuk rasa di Jakarta.", "menurunkan", "MOBILIZE", "153", &["IDNCOP"], &[], Active),
    r("Militer Taiwan menyiagakan pasukan di pesisir barat.", "menyiagakan", "MOBILIZE", "152", &["TWNMIL"], &[], Active),
    r("Pengerahan pasukan Rusia ke perbatasan Ukraina meningkat.", "pengerahan", "MOBILIZE", "154", &["RUSMIL"], &[], Nominal),
    r("Rusia memobilisasi 300 ribu tentara cadangan.", "memobilisasi", "MOBILIZE", "154", &["RUS"], &[], Active),
    r("Tiongkok mengirim kapal perang ke Laut Natuna Utara.", "mengirim", "MOBILIZE", "154", &["CHN"], &[], Active),
    r("Korea Utara dapat meluncurkan rudal balistik pekan ini.", "meluncurkan", "MOBILIZE", "150", &["PRK"], &[], Active).m("speculative"),
    r("Indonesia tidak akan mengirim pasukan ke Gaza.", "mengirim", "MOBILIZE", "154", &["IDN"], &["PSE"], Active).m("negated"),
    r("Apabila Korea Utara menguji coba rudal lagi, Jepang akan memprotes keras.", "menguji", "MOBILIZE", "150", &["PRK"], &[], Active).m("conditional"),
    // Formerly KNOWN_GAPS (engine fixes: outer-affix form, nominal + oleh, dari-agent, comma lists).
    r("Rusia akan bekerja sama dengan Tiongkok di bidang energi.", "bekerja", "AGREE", "031", &["RUS"], &["CHN"], Active).m("future"),
    r("Indonesia dan Australia bekerja sama memberantas penyelundupan manusia.", "bekerja", "COOPERATE", "060", &["IDN"], &["AUS"], Active),
    r("Presiden Mesir menerima kunjungan Menteri Luar Negeri Turki di Kairo.", "menerima", "CONSULT", "043", &["EGYGOV"], &["TURGOV"], Active),
    r("Pemerintah Thailand memenuhi tuntutan para demonstran.", "memenuhi", "CONCEDE", "083", &["THAGOV"], &["OPP"], Active),
    r("Menteri Luar Negeri Iran mengecam Israel atas serangan udara di Suriah.", "mengecam", "ACCUSE", "111", &["IRNGOV"], &["ISR"], Active),
    r("Tiongkok memperingatkan Filipina agar tidak memasuki perairan Scarborough.", "memperingatkan", "THREATEN", "130", &["CHN"], &["PHL"], Active),
    r("Tiongkok mengerahkan puluhan kapal perang di sekitar Taiwan.", "mengerahkan", "MOBILIZE", "154", &["CHN"], &[], Active),
    r("Pembebasan sandera oleh Hamas berlangsung di Rafah.", "pembebasan", "RETREAT", "0841", &["PSEREB"], &[], Nominal),
    r("Pemerintah Singapura mengekstradisi buronan korupsi kepada Indonesia.", "mengekstradisi", "COOPERATE", "063", &["SGPGOV"], &["IDN"], Active),
    r("Uni Eropa memperpanjang sanksi ekonomi terhadap Rusia.", "memperpanjang", "COERCE", "163", &["IGOEUREEC"], &["RUS"], Active),
    r("Pengusiran diplomat Rusia oleh Jerman dikecam Moskow.", "pengusiran", "SANCTION", "166", &["DEU"], &["RUSGOV"], Nominal),
    r("Penangkapan aktivis Hong Kong oleh polisi Tiongkok menuai kecaman.", "penangkapan", "COERCE", "173", &["CHNCOP"], &["HKGOPP"], Nominal),
    r("Penembakan warga sipil oleh tentara Myanmar dikecam PBB.", "penembakan", "ASSAULT", "193", &["MMRMIL"], &["CVL"], Nominal),
    r("Penyitaan kapal nelayan Vietnam oleh Bakamla berlangsung pada Selasa.", "penyitaan", "COERCE", "1711", &["IDNCOP"], &["VNMCVL"], Nominal),
    r("Laos menerima bantuan dari Bank Dunia sebesar 10 juta dolar.", "bantuan", "AID", "071", &["IGOWBK"], &["LAO"], Passive),
    r("Jika Iran menyerang Israel, Amerika Serikat akan membela Israel.", "menyerang", "ASSAULT", "190", &["IRN"], &["ISR"], Active).m("conditional"),
];

/// Sentences that must yield no event at all.
const NEGATIVES: &[(&str, &str)] = &[
    ("Ketika perang Rusia – Ukraina masih berlangsung, harga gandum dunia terus naik.", "a war named as background is not an event"),
    ("Film tentang perang Korea itu diputar di bioskop Jakarta.", "war as a topic"),
    ("KTT ASEAN akan digelar di Labuan Bajo bulan depan.", "KTT is not an actor and a summit being held is no event between parties"),
    ("Montir itu merusak as roda mobil tua.", "lower-case \"as\" (axle) is not the United States"),
    ("Menteri Pertahanan Jepang meninggal karena serangan jantung.", "a heart attack is not an assault"),
    ("Gempa bermagnitudo 6,1 mengguncang Pasaman Barat dan menewaskan 41 orang.", "an earthquake kills, but it is nobody's assault"),
    ("Kecelakaan bus di jalur Puncak menewaskan 12 penumpang.", "a road accident is not an assault"),
    ("Bantuan itu tiba di pelabuhan kemarin.", "aid without a giver"),
    ("Perjanjian kemitraan itu berlaku sejak 2019.", "an agreement named as a thing"),
    ("Sebelum pertemuan itu, para menteri makan siang bersama.", "a meeting as a time reference"),
    ("Harga minyak naik akibat sanksi terhadap Rusia.", "sanctions named as a cause, with no one imposing them"),
    ("Harga minyak naik setelah serangan terhadap kapal tanker di Laut Merah.", "an attack as background without parties"),
    ("Invasi Rusia ke Ukraina telah berlangsung dua tahun.", "an ongoing war named as background"),
    ("Mahasiswa itu belajar bahasa Inggris dan Jepang di Bandung.", "languages are not actors and studying is no event"),
];

/// Sentences that must not yield an event of the given type (other events are allowed).
const FORBIDDEN: &[(&str, &str, &str)] = &[
    ("Sekjen PBB mendesak Rusia dan Ukraina menahan diri.", "COERCE", "\"menahan diri\" is restraint, not an arrest"),
    ("Pemerintah Rusia menolak tawaran mediasi Turki.", "CONSULT", "a refused offer of mediation is no mediation"),
    ("Penolakan Hungaria terhadap sanksi baru Uni Eropa membuat para diplomat frustrasi.", "COERCE", "a bare \"sanksi\" has no imposer here"),
    ("Amerika Serikat menghentikan bantuan militer kepada Mesir.", "AID", "stopping aid is a sanction, not aid"),
    ("Pemerintah Belanda mengusir dua diplomat Rusia.", "COERCE", "expelling diplomats is SANCTION 166"),
    ("Polri menurunkan ribuan personel untuk mengamankan unjuk rasa di Jakarta.", "PROTEST", "the police secure a protest; they do not protest"),
];

fn show(e: &Event) -> String {
    let codes = |v: &[warta_core::model::Actor]| v.iter().map(|a| a.code.as_str()).collect::<Vec<_>>().join(",");
    format!("{} {} {}→{} [{}] {:?} {}", e.kind, e.cameo, codes(&e.source), codes(&e.target), e.modality, e.trigger.text, e.rule)
}

fn sorted(v: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut v: Vec<String> = v.into_iter().collect();
    v.sort();
    v
}

/// What is wrong with the row's event, or None when it is coded as the row says.
fn check(row: &Row) -> Option<String> {
    let result = extract(row.text);
    let all = result.events.iter().map(show).collect::<Vec<_>>().join(" | ");
    let candidates: Vec<&Event> = result.events.iter().filter(|e| e.trigger.text.to_lowercase() == row.trigger.to_lowercase()).collect();
    let Some(e) = candidates.iter().find(|e| e.kind == row.kind).or(candidates.first()) else {
        return Some(format!("{:?}: no event on {:?}; events: [{all}]", row.text, row.trigger));
    };
    let mut problems = Vec::new();
    if e.kind != row.kind {
        problems.push(format!("type {} ≠ {}", e.kind, row.kind));
    }
    if e.cameo.get(..2) != row.cameo.get(..2) {
        problems.push(format!("CAMEO root {} ≠ {}", &e.cameo[..2.min(e.cameo.len())], &row.cameo[..2]));
    } else if e.cameo != row.cameo {
        problems.push(format!("CAMEO {} ≠ {}", e.cameo, row.cameo));
    }
    let source = sorted(e.source.iter().map(|a| a.code.clone()));
    let target = sorted(e.target.iter().map(|a| a.code.clone()));
    if source != sorted(row.source.iter().map(|s| s.to_string())) {
        problems.push(format!("source {source:?} ≠ {:?}", row.source));
    }
    if target != sorted(row.target.iter().map(|s| s.to_string())) {
        problems.push(format!("target {target:?} ≠ {:?}", row.target));
    }
    if e.modality != row.modality {
        problems.push(format!("modality {} ≠ {}", e.modality, row.modality));
    }
    if !e.rule.starts_with("id.") {
        problems.push(format!("rule {} is not an Indonesian rule", e.rule));
    }
    if problems.is_empty() {
        None
    } else {
        Some(format!("{:?} ({:?}): {}; events: [{all}]", row.text, row.trigger, problems.join(", ")))
    }
}

#[test]
fn every_sentence_codes_its_event() {
    let failures: Vec<String> = ROWS.iter().filter_map(check).collect();
    assert!(failures.is_empty(), "{} of {} sentences coded wrongly:\n{}", failures.len(), ROWS.len(), failures.join("\n"));
}

#[test]
fn the_table_covers_every_type_in_several_forms_and_every_modality() {
    let mut per_type: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for row in ROWS {
        assert!(PLOVER.contains(&row.kind), "{:?}: unknown PLOVER type {}", row.text, row.kind);
        let code = CameoTable::get().lookup(row.cameo).unwrap_or_else(|| panic!("{:?}: CAMEO {} is not in the table", row.text, row.cameo));
        assert_eq!(code.plover, row.kind, "{:?}: CAMEO {} is {} in the table", row.text, row.cameo, code.plover);
        per_type.entry(row.kind).or_default().push(row);
    }
    for kind in PLOVER {
        let rows = per_type.get(kind).map(Vec::as_slice).unwrap_or_default();
        assert!(rows.len() >= 3, "{kind}: only {} sentences", rows.len());
    }
    let forms = |f: Form| ROWS.iter().filter(|r| r.form == f).count();
    assert!(forms(Passive) >= 12 && forms(Nominal) >= 12, "passive {} nominal {}", forms(Passive), forms(Nominal));
    for m in ["future", "negated", "conditional", "speculative"] {
        assert!(ROWS.iter().filter(|r| r.modality == m).count() >= 2, "fewer than two {m} sentences");
    }
}

#[test]
fn background_and_non_events_yield_nothing() {
    let mut failures = Vec::new();
    for (text, why) in NEGATIVES {
        let events = extract(text).events;
        if !events.is_empty() {
            failures.push(format!("{text:?} ({why}): {}", events.iter().map(show).collect::<Vec<_>>().join(" | ")));
        }
    }
    assert!(failures.is_empty(), "sentences that should yield no event:\n{}", failures.join("\n"));
}

#[test]
fn no_event_of_the_wrong_type() {
    let mut failures = Vec::new();
    for (text, kind, why) in FORBIDDEN {
        let events = extract(text).events;
        if events.iter().any(|e| e.kind == *kind) {
            failures.push(format!("{text:?}: {kind} ({why}): {}", events.iter().map(show).collect::<Vec<_>>().join(" | ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn capital_as_is_the_united_states_and_ktt_is_no_organisation() {
    let r = extract("Presiden AS bertemu dengan Presiden Indonesia di Bali.");
    let e = r.events.iter().find(|e| e.kind == "CONSULT").expect("a meeting");
    assert_eq!(e.source[0].code, "USAGOV");
    let r = extract("Montir itu memasang as roda baru, lalu polisi menangkap montir itu.");
    assert!(r.entities.iter().all(|x| x.actor.as_deref() != Some("USA")), "{:?}", r.entities);
    // "KTT" (summit) is neither an entity nor part of the actor: the summit's host, NATO, acts.
    let r = extract("KTT NATO di Washington membahas kemitraan dengan Jepang.");
    assert!(r.entities.iter().all(|x| !x.text.contains("KTT")), "{:?}", r.entities);
    let e = r.events.iter().find(|e| e.kind == "CONSULT").expect("the summit discusses");
    assert_eq!((e.source[0].text.as_str(), e.source[0].code.as_str()), ("NATO", "IGOWSTNAT"));
}

#[test]
fn every_trigger_and_refinement_code_is_in_the_cameo_table() {
    let pack = warta_lang::Pack::embedded("id").expect("Indonesian pack");
    let table = CameoTable::get();
    let mut missing = Vec::new();
    for t in &pack.events.triggers {
        for code in std::iter::once(&t.cameo).chain(t.refine.iter().map(|r| &r.cameo)) {
            if table.lookup(code).is_none() {
                missing.push(format!("{}: {code}", t.id));
            }
        }
    }
    assert!(missing.is_empty(), "codes unknown to the CAMEO→PLOVER table: {missing:?}");
}

#[test]
fn each_plover_type_has_five_triggers() {
    let pack = warta_lang::Pack::embedded("id").expect("Indonesian pack");
    let table = CameoTable::get();
    let mut per_type: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for t in &pack.events.triggers {
        if let Some(c) = table.lookup(&t.cameo) {
            per_type.entry(c.plover).or_default().push(&t.id);
        }
    }
    for kind in PLOVER {
        let ids = per_type.get(kind).cloned().unwrap_or_default();
        assert!(ids.len() >= 5, "{kind} has {} triggers: {ids:?}", ids.len());
    }
}

#[test]
fn trigger_ids_name_their_plover_type() {
    // "assault.destroy" codes 1712 (ASSAULT) and "coerce.sanctions" 163 (COERCE): the id prefix says the type.
    let pack = warta_lang::Pack::embedded("id").expect("Indonesian pack");
    let table = CameoTable::get();
    for t in &pack.events.triggers {
        let plover = table.lookup(&t.cameo).map(|c| c.plover.to_lowercase()).unwrap_or_default();
        let prefix = t.id.split('.').next().unwrap_or_default();
        assert_eq!(prefix, plover, "trigger {} codes {} ({plover})", t.id, t.cameo);
    }
}
