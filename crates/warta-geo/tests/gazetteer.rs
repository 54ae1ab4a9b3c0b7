//! Behavioural tests of the embedded gazetteer.

use warta_geo::{Gazetteer, PlaceKind};

fn g() -> &'static Gazetteer {
    Gazetteer::embedded()
}

#[test]
fn lviv_is_in_ukraine() {
    let r = g().resolve("Lviv", &[]).expect("Lviv");
    assert_eq!(r.place.country_iso3, "UKR");
    assert_eq!(r.place.kind, PlaceKind::City);
    assert!((r.place.lat - 49.8).abs() < 0.1, "lat {}", r.place.lat);
    assert!((r.place.lon - 24.0).abs() < 0.1, "lon {}", r.place.lon);
    // Spelling variants and diacritics.
    for v in ["Lvov", "L'viv", "LVIV", "lviv", "Ľvov"] {
        let r = g().resolve(v, &[]).unwrap_or_else(|| panic!("{v}"));
        assert_eq!(r.place.name, "Lviv", "{v}");
    }
}

#[test]
fn diacritics_insensitive() {
    assert_eq!(g().resolve("Krakow", &[]).unwrap().place.name, "Kraków");
    assert_eq!(g().resolve("Lodz", &[]).unwrap().place.country_iso3, "POL");
    assert_eq!(
        g().resolve("SAO PAULO", &[]).unwrap().place.country_iso3,
        "BRA"
    );
    assert_eq!(
        g().resolve("Zürich", &[]).unwrap().place.country_iso3,
        "CHE"
    );
}

#[test]
fn pyongyang_is_in_north_korea() {
    let r = g().resolve("Pyongyang", &[]).expect("Pyongyang");
    assert_eq!(r.place.country_iso3, "PRK");
}

#[test]
fn washington_with_usa_context_is_the_capital() {
    let r = g().resolve("Washington", &["USA"]).expect("Washington");
    assert_eq!(r.place.country_iso3, "USA");
    assert_eq!(r.place.kind, PlaceKind::City);
    assert_eq!(r.place.admin1.as_deref(), Some("DC"));
    assert!(r.place.population > 500_000);
    assert!((r.place.lat - 38.9).abs() < 0.1 && (r.place.lon + 77.0).abs() < 0.1);
    assert!(
        r.candidates.len() > 3,
        "small towns and the state are candidates too"
    );
    // Without context it is still the capital.
    let r = g().resolve("Washington", &[]).unwrap();
    assert_eq!(r.place.admin1.as_deref(), Some("DC"));
    // "Washington, D.C." spelled out.
    let r = g().resolve("Washington, D.C.", &[]).unwrap();
    assert_eq!(r.place.admin1.as_deref(), Some("DC"));
}

#[test]
fn indonesian_cities() {
    for name in [
        "Bandung", "Jakarta", "Surabaya", "Medan", "Makassar", "Denpasar", "Jayapura",
    ] {
        let r = g().resolve(name, &[]).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(r.place.country_iso3, "IDN", "{name}");
        assert_eq!(r.place.kind, PlaceKind::City, "{name}");
        assert!(r.place.population > 100_000, "{name} should be the big one");
    }
    let jakarta = g().resolve("Jakarta", &["IDN"]).unwrap().place;
    assert!((jakarta.lat + 6.2).abs() < 0.2 && (jakarta.lon - 106.8).abs() < 0.2);
    // Spacing variants common in Indonesian text.
    let r = g().resolve("Pematang Siantar", &[]).unwrap();
    assert_eq!(r.place.name, "Pematangsiantar");
}

#[test]
fn small_indonesian_places_are_present() {
    // Below the 15000 worldwide threshold, only Indonesia is complete.
    let n_small_id = g()
        .places()
        .iter()
        .filter(|p| p.kind == PlaceKind::City && p.country_iso3 == "IDN" && p.population < 15_000)
        .count();
    assert!(n_small_id > 5000, "{n_small_id}");
    let r = g().resolve("Labuan Bajo", &[]).unwrap();
    assert_eq!(r.place.country_iso3, "IDN");
}

#[test]
fn indonesian_provinces() {
    let r = g().resolve("Jawa Barat", &[]).unwrap();
    assert_eq!(r.place.kind, PlaceKind::Region);
    assert_eq!(r.place.country_iso3, "IDN");
    for alias in ["West Java", "Jabar", "jawa barat"] {
        assert_eq!(
            g().resolve(alias, &[]).unwrap().place.name,
            "Jawa Barat",
            "{alias}"
        );
    }
    let n = g()
        .places()
        .iter()
        .filter(|p| p.kind == PlaceKind::Region && p.country_iso3 == "IDN")
        .count();
    assert_eq!(n, 38);
    // Bandung lies in Jawa Barat.
    let bandung = g().lookup("Bandung")[0];
    assert_eq!(g().region_of(bandung).unwrap().name, "Jawa Barat");
    let idx = g().index_of(g().region("IDN", "30").unwrap()).unwrap();
    assert_eq!(g().region_code(idx), Some("ID-JB"));
}

#[test]
fn us_states_and_countries_named_alike() {
    // Country wins without context, the state with US context.
    let r = g().resolve("Georgia", &[]).unwrap();
    assert_eq!(
        (r.place.kind, r.place.country_iso3.as_str()),
        (PlaceKind::Country, "GEO")
    );
    let r = g().resolve("Georgia", &["USA"]).unwrap();
    assert_eq!(
        (r.place.kind, r.place.country_iso3.as_str()),
        (PlaceKind::Region, "USA")
    );
    let r = g().resolve("New York", &[]).unwrap();
    assert_eq!(r.place.kind, PlaceKind::City);
    assert_eq!(
        g().resolve("Texas", &[]).unwrap().place.kind,
        PlaceKind::Region
    );
}

#[test]
fn directional_south_russia() {
    let rus = g().country("RUS").unwrap();
    let south = g().directional("RUS", "south").expect("south");
    assert_eq!(south.kind, PlaceKind::Directional);
    assert_eq!(south.country_iso3, "RUS");
    assert_eq!(south.name, "southern Russia");
    assert!(south.lat < rus.lat, "{} < {}", south.lat, rus.lat);
    let north = g().directional("RUS", "northern").unwrap();
    assert!(north.lat > rus.lat);
    let east = g().directional("RUS", "east").unwrap();
    assert!(east.lon > 100.0, "eastern Russia lon {}", east.lon);
    let west = g().directional("RUS", "west").unwrap();
    assert!(west.lon < 50.0, "western Russia lon {}", west.lon);
    for d in [
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
    ] {
        let p = g().directional("RUS", d).unwrap_or_else(|| panic!("{d}"));
        assert_eq!(p.country_iso3, "RUS");
    }
    assert!(g().directional("RUS", "upwards").is_none());
    assert!(g().directional("XXX", "south").is_none());
}

#[test]
fn directional_phrases_resolve() {
    let r = g().resolve("southern Russia", &[]).unwrap();
    assert_eq!(r.place.kind, PlaceKind::Directional);
    assert_eq!(r.place.name, "southern Russia");
    let r = g().resolve("Ukraina timur", &[]).unwrap();
    assert_eq!(r.place.name, "eastern Ukraine");
    assert!(r.place.lon > g().country("UKR").unwrap().lon);
    let r = g().resolve("north-east Nigeria", &[]).unwrap();
    assert_eq!(r.place.name, "northeastern Nigeria");
    assert!(r.place.lat > 9.0 && r.place.lon > 10.0, "{:?}", r.place);
}

#[test]
fn countries_by_code() {
    let a = g().country("KP").unwrap();
    let b = g().country("PRK").unwrap();
    assert_eq!(a, b);
    assert_eq!(a.name, "North Korea");
    assert_eq!(a.kind, PlaceKind::Country);
    assert_eq!(g().country("prk").unwrap().name, "North Korea");
    assert!(g().country("ZZZ").is_none());
    assert_eq!(g().country_count(), 252);
}

#[test]
fn country_points_are_not_capitals() {
    let idn = g().country("IDN").unwrap();
    let jakarta = g().resolve("Jakarta", &[]).unwrap().place;
    assert!((idn.lat - jakarta.lat).abs() > 0.01 || (idn.lon - jakarta.lon).abs() > 0.01);
    let rus = g().country("RUS").unwrap();
    assert!(
        rus.lon > 40.0 && rus.lon < 100.0 && rus.lat > 50.0,
        "{rus:?}"
    );
}

#[test]
fn codes() {
    assert_eq!(g().fips_of("IDN"), Some("ID"));
    assert_eq!(g().fips_of("RUS"), Some("RS"));
    assert_eq!(g().fips_of("GBR"), Some("UK"));
    assert_eq!(g().iso2_to_iso3("KR"), Some("KOR"));
    assert_eq!(g().iso2_to_iso3("kp"), Some("PRK"));
    assert_eq!(g().iso3_to_iso2("IDN"), Some("ID"));
    assert_eq!(g().iso2_to_iso3("QQ"), None);
}

#[test]
fn paris() {
    let r = g().resolve("Paris", &["FRA"]).unwrap();
    assert_eq!(r.place.country_iso3, "FRA");
    let r = g().resolve("Paris", &[]).unwrap();
    assert_eq!(r.place.country_iso3, "FRA");
    assert!(r.candidates.iter().any(|(p, _)| p.country_iso3 == "USA"));
    // Scores are sorted, best first.
    assert!(r.candidates.windows(2).all(|w| w[0].1 >= w[1].1));
    // Context can pull towards the small namesake.
    let r = g().resolve("Paris", &["USA"]).unwrap();
    assert_eq!(r.place.country_iso3, "USA");
}

#[test]
fn country_names_and_aliases() {
    for (name, iso3) in [
        ("Amerika Serikat", "USA"),
        ("United States", "USA"),
        ("U.S.", "USA"),
        ("Korea Utara", "PRK"),
        ("South Korea", "KOR"),
        ("Tiongkok", "CHN"),
        ("Rusia", "RUS"),
        ("Inggris", "GBR"),
        ("Belanda", "NLD"),
        ("Mexico", "MEX"),
        ("Singapore", "SGP"),
    ] {
        let r = g().resolve(name, &[]).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(r.place.kind, PlaceKind::Country, "{name}");
        assert_eq!(r.place.country_iso3, iso3, "{name}");
    }
}

#[test]
fn lookup_is_ordered_and_insensitive() {
    let a = g().lookup("paris");
    let b = g().lookup("PARIS");
    assert_eq!(a, b);
    assert!(a.len() > 1);
    assert_eq!(a[0].country_iso3, "FRA");
    assert!(g().lookup("Qwxzzyq").is_empty());
    assert!(g().resolve("Qwxzzyq", &[]).is_none());
    // Kyiv via the old spelling.
    assert_eq!(g().lookup("Kiev")[0].name, "Kyiv");
}

#[test]
fn names_for_matching() {
    let names = g().names_for_matching(100_000);
    let has = |n: &str| names.iter().any(|(m, _)| *m == n);
    for n in [
        "Jakarta",
        "Bandung",
        "Lviv",
        "Indonesia",
        "Amerika Serikat",
        "Jawa Barat",
        "Labuan Bajo",
    ] {
        assert!(has(n), "{n}");
    }
    // Small non-Indonesian towns are left out at this threshold.
    for (n, i) in &names {
        let p = g().place(*i).unwrap();
        assert!(
            p.kind != PlaceKind::City || p.population >= 100_000 || p.country_iso3 == "IDN",
            "{n} {p:?}"
        );
    }
    let more = g().names_for_matching(15_000);
    assert!(more.len() > names.len());
}

#[test]
fn load_time() {
    let t = std::time::Instant::now();
    let fresh = Gazetteer::load_embedded();
    let dt = t.elapsed();
    eprintln!("load_embedded: {dt:?} ({} places)", fresh.places().len());
    // Generous bound: debug builds are much slower than release.
    assert!(dt.as_secs_f64() < 5.0);
}

fn district(name: &str) -> warta_geo::Place {
    let r = g().resolve(name, &[]).unwrap_or_else(|| panic!("{name}"));
    assert_eq!(r.place.kind, PlaceKind::District, "{name}: {:?}", r.place);
    r.place
}

#[test]
fn jakarta_administrative_cities() {
    let p = district("Jakarta Selatan");
    assert_eq!(p.country_iso3, "IDN");
    assert_eq!(p.admin1.as_deref(), Some("04"));
    assert_eq!(g().region_of(&p).unwrap().name, "DKI Jakarta");
    assert!(
        (p.lat + 6.26).abs() < 0.05 && (p.lon - 106.81).abs() < 0.05,
        "{p:?}"
    );
    for alias in [
        "South Jakarta",
        "Jaksel",
        "Kota Jakarta Selatan",
        "jakarta selatan",
    ] {
        assert_eq!(district(alias), p, "{alias}");
    }
    let others = [
        "Jakarta Barat",
        "Jakarta Pusat",
        "Jakarta Timur",
        "Jakarta Utara",
        "Kepulauan Seribu",
    ];
    for name in others {
        let q = district(name);
        assert_eq!(q.admin1.as_deref(), Some("04"), "{name}");
        assert_ne!((q.lat, q.lon), (p.lat, p.lon), "{name}");
    }
    // The city itself is still the populated place.
    assert_eq!(
        g().resolve("Jakarta", &[]).unwrap().place.kind,
        PlaceKind::City
    );
}

#[test]
fn head_word_picks_regency_or_city() {
    let kab = district("Kabupaten Bandung");
    let kota = district("Kota Bandung");
    assert_ne!(kab.name, kota.name);
    assert!(kab.population > kota.population);
    // Soreang, the regency's seat, lies south of the city.
    assert!(kab.lat < kota.lat - 0.05, "{kab:?} {kota:?}");
    for form in ["Kab. Bandung", "KAB BANDUNG", "Bandung Regency"] {
        assert_eq!(district(form), kab, "{form}");
    }
    assert_eq!(district("Bandung City"), kota);
    // Without a head word the town wins; both divisions are candidates.
    let r = g().resolve("Bandung", &["IDN"]).unwrap();
    assert_eq!(r.place.kind, PlaceKind::City);
    let names: Vec<&str> = r.candidates.iter().map(|(p, _)| p.name.as_str()).collect();
    assert!(
        names.contains(&kab.name.as_str()) && names.contains(&kota.name.as_str()),
        "{names:?}"
    );
}

#[test]
fn head_word_beats_a_geonames_alternate_name() {
    // GeoNames lists "Kabupaten Malang" as an alternate name of the city of
    // Malang; the head word still means the regency (seat Kepanjen).
    let r = g().resolve("Kabupaten Malang", &[]).unwrap();
    assert!(r
        .candidates
        .iter()
        .any(|(p, _)| p.kind == PlaceKind::City && p.name == "Malang"));
    assert_eq!(r.place.kind, PlaceKind::District);
    assert!((r.place.lat + 8.13).abs() < 0.05, "{:?}", r.place);
    assert_eq!(
        g().resolve("Malang", &[]).unwrap().place.kind,
        PlaceKind::City
    );
}

#[test]
fn regency_by_short_head_word_and_bare_name() {
    let sleman = district("Kab. Sleman");
    assert_eq!(sleman.name, "Kabupaten Sleman");
    assert_eq!(
        g().region_of(&sleman).unwrap().name,
        "Daerah Istimewa Yogyakarta"
    );
    // Bare, the name is the town, even where GeoNames gives the town no
    // population: Brebes (population 0) still comes before its 2-million regency.
    for (name, regency) in [
        ("Sleman", "Kabupaten Sleman"),
        ("Brebes", "Kabupaten Brebes"),
    ] {
        let r = g().resolve(name, &[]).unwrap();
        assert_eq!(r.place.kind, PlaceKind::City, "{name}");
        assert_eq!(r.candidates[1].0.name, regency, "{name}");
    }
    // Where no town carries the name, the bare name finds the regency.
    assert_eq!(district("Gunungkidul").name, "Kabupaten Gunungkidul");
}

#[test]
fn english_and_short_aliases() {
    for (alias, name) in [
        ("West Lombok", "Kabupaten Lombok Barat"),
        ("Tangsel", "Kota Tangerang Selatan"),
        ("North Toraja", "Kabupaten Toraja Utara"),
        ("OKU Timur", "Kabupaten Ogan Komering Ulu Timur"),
        ("Kukar", "Kabupaten Kutai Kartanegara"),
        ("Thousand Islands", "Kabupaten Kepulauan Seribu"),
    ] {
        assert_eq!(district(alias).name, name, "{alias}");
    }
    // GeoNames has "South Tangerang" as a city: the town wins, the district follows.
    let r = g().resolve("South Tangerang", &[]).unwrap();
    assert_eq!(r.place.kind, PlaceKind::City);
    assert_eq!(r.candidates[1].0.name, "Kota Tangerang Selatan");
}

#[test]
fn every_province_has_regencies_and_cities() {
    let districts: Vec<&warta_geo::Place> = g()
        .places()
        .iter()
        .filter(|p| p.kind == PlaceKind::District)
        .collect();
    assert!(districts.len() >= 500, "{}", districts.len());
    let kab = districts
        .iter()
        .filter(|p| p.name.starts_with("Kabupaten "))
        .count();
    let kota = districts
        .iter()
        .filter(|p| p.name.starts_with("Kota "))
        .count();
    assert_eq!((kab, kota), (416, 98));
    let mut per_province = std::collections::HashMap::new();
    for p in &districts {
        assert_eq!(p.country_iso3, "IDN");
        assert!(p.population > 0, "{p:?}");
        assert!(
            (-11.5..6.5).contains(&p.lat) && (94.5..141.5).contains(&p.lon),
            "{p:?}"
        );
        let province = g().region_of(p).unwrap_or_else(|| panic!("{p:?}"));
        *per_province.entry(province.name.as_str()).or_insert(0) += 1;
    }
    assert_eq!(per_province.len(), 38, "{per_province:?}");
    // A district's other names start with its bare name.
    let i = g().index_of(g().lookup("Kota Jakarta Selatan")[0]).unwrap();
    assert_eq!(
        g().alternate_names(i)[..2],
        ["Jakarta Selatan", "South Jakarta"]
    );
}

#[test]
fn districts_for_matching() {
    let names = g().names_for_matching(100_000);
    let district_names: Vec<&str> = names
        .iter()
        .filter(|(_, i)| g().place(*i).unwrap().kind == PlaceKind::District)
        .map(|(n, _)| *n)
        .collect();
    for n in [
        "Kabupaten Bandung",
        "Kota Bandung",
        "Jakarta Selatan",
        "South Jakarta",
        "Kabupaten Bone",
    ] {
        assert!(district_names.contains(&n), "{n}");
    }
    // One-word names would be matched anywhere in running text.
    for n in ["Bone", "Puncak", "Jaksel"] {
        assert!(!district_names.contains(&n), "{n}");
    }
}

#[test]
fn world_regions() {
    let r = g().resolve("Ontario", &["CAN"]).unwrap();
    assert_eq!((r.place.kind, r.place.admin1.as_deref()), (PlaceKind::Region, Some("08")));
    let kingston = g()
        .lookup("Kingston")
        .into_iter()
        .find(|p| p.country_iso3 == "CAN")
        .unwrap();
    assert_eq!(g().region_of(kingston).unwrap().name, "Ontario");
    let lviv = g().lookup("Lviv").into_iter().find(|p| p.kind == PlaceKind::City).unwrap();
    assert_eq!(g().region_of(lviv).unwrap().name, "Lviv");
    assert!(g().lookup("Nova Scotia").iter().any(|p| p.kind == PlaceKind::Region && p.country_iso3 == "CAN"));
    assert!(g().lookup("Khyber Pakhtunkhwa").iter().any(|p| p.kind == PlaceKind::Region && p.country_iso3 == "PAK"));
    assert!(g().lookup("Kursk region").iter().any(|p| p.name == "Kursk Oblast"));
    // Bare city names stay cities.
    for city in ["Lviv", "Kharkiv", "Hiroshima", "Aleppo", "Kursk", "Peshawar"] {
        assert_eq!(g().resolve(city, &[]).unwrap().place.kind, PlaceKind::City, "{city}");
    }
    let names: std::collections::HashSet<&str> =
        g().names_for_matching(100_000).into_iter().map(|(n, _)| n).collect();
    for kept in ["New South Wales", "Nova Scotia", "Khyber Pakhtunkhwa", "Queensland"] {
        assert!(names.contains(kept), "{kept}");
    }
    // Ordinary words, generic phrases and names shared with other places are left out.
    for left in ["Punjab", "Federal District", "Northern State", "Delta State", "Tak Province"] {
        assert!(left == "Delta State" || left == "Tak Province" || !names.contains(left), "{left}");
    }
    let region_names: Vec<&str> = g()
        .names_for_matching(100_000)
        .into_iter()
        .filter(|&(_, i)| g().places()[i].kind == PlaceKind::Region)
        .map(|(n, _)| n)
        .collect();
    for word in ["Delta", "Centre", "Rivers", "Plateau", "Somali", "Fars"] {
        assert!(!region_names.contains(&word), "{word}");
    }
}
