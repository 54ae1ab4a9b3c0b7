//! Measure the embedded gazetteer's parse time and resolve names given on the
//! command line.
//!
//! `cargo run -p warta-geo --release --example geo_probe -- Lviv "southern Russia" Washington:USA`
//! (a `:ISO3,ISO3` suffix gives context countries).

use std::time::Instant;
use warta_geo::Gazetteer;

fn main() {
    let mut times = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let g = Gazetteer::load_embedded();
        times.push(t.elapsed());
        std::hint::black_box(&g);
    }
    times.sort();
    let t = Instant::now();
    let g = Gazetteer::embedded();
    let first = t.elapsed();
    println!(
        "parse: first use {:?}; fresh parses min {:?} median {:?} max {:?}; {} places, {} countries",
        first,
        times[0],
        times[times.len() / 2],
        times[times.len() - 1],
        g.places().len(),
        g.country_count()
    );
    let t = Instant::now();
    let names = g.names_for_matching(100_000);
    println!(
        "names_for_matching(100000): {} names in {:?}",
        names.len(),
        t.elapsed()
    );
    for arg in std::env::args().skip(1) {
        let (name, ctx) = arg.split_once(':').unwrap_or((arg.as_str(), ""));
        let ctx: Vec<&str> = ctx.split(',').filter(|s| !s.is_empty()).collect();
        match g.resolve(name, &ctx) {
            None => println!("{name}: not found"),
            Some(r) => {
                let p = &r.place;
                println!(
                    "{name} {ctx:?} => {} [{:?}] {} {:?} ({:.4}, {:.4}) pop {}",
                    p.name, p.kind, p.country_iso3, p.admin1, p.lat, p.lon, p.population
                );
                for (c, s) in r.candidates.iter().take(5) {
                    println!(
                        "    {s:6.2} {} [{:?}] {} {:?} pop {}",
                        c.name, c.kind, c.country_iso3, c.admin1, c.population
                    );
                }
            }
        }
    }
}
