//! `warta geocode "text"`: every place the text names, the gazetteer's candidates with their scores, and the
//! choice, so a wrong pin can be traced to its cause in one command.

use std::process::ExitCode;
use warta_core::model::{Article, ArticleResult};

#[derive(clap::Args)]
pub struct GeocodeArgs {
    /// The text to read (a sentence or a whole article).
    text: String,
    /// Language of the text (id, en); detected when absent.
    #[arg(long)]
    lang: Option<String>,
    /// How many candidates to show per mention.
    #[arg(long, default_value_t = 5)]
    candidates: usize,
}

pub fn run(args: &GeocodeArgs) -> Result<ExitCode, String> {
    let ex = crate::extractor(None)?;
    let article = Article { id: "geocode".into(), text: args.text.clone(), lang: args.lang.clone(), ..Default::default() };
    let r = ex.extract(&article);
    for w in &r.warnings {
        eprintln!("warta: {w}");
    }
    print!("{}", report(&r, args.candidates));
    Ok(ExitCode::SUCCESS)
}

fn report(r: &ArticleResult, shown: usize) -> String {
    let mut out = String::new();
    if r.places.is_empty() {
        out.push_str("no place mentions\n");
    }
    for p in &r.places {
        let l = &p.location;
        out.push_str(&format!("\"{}\" at {}..{}  ({})\n", l.text, p.start, p.end, p.rule));
        for (i, c) in p.candidates.iter().take(shown).enumerate() {
            let admin = c.admin1.as_deref().map(|a| format!(" admin1 {a}")).unwrap_or_default();
            let id = c.geonames_id.map(|g| format!(" geonames {g}")).unwrap_or_default();
            out.push_str(&format!(
                "    {}. {} ({}, {}{admin}, population {}){id}  score {:.2}\n",
                i + 1,
                c.name,
                c.country,
                c.kind,
                c.population,
                c.score
            ));
        }
        if p.candidates.len() > shown {
            out.push_str(&format!("    … {} more\n", p.candidates.len() - shown));
        }
        let id = l.geonames_id.map(|g| format!(", geonames {g}")).unwrap_or_default();
        out.push_str(&format!("  → {} ({}, {}) {:.4},{:.4}{id}\n", l.name, l.country, l.kind, l.lat, l.lon));
    }
    let placed: Vec<String> = r
        .events
        .iter()
        .map(|e| match &e.location {
            Some(l) => format!("  {} \"{}\" → {} ({})", e.kind, e.trigger.text, l.name, l.country),
            None => format!("  {} \"{}\" → no place", e.kind, e.trigger.text),
        })
        .collect();
    if !placed.is_empty() {
        out.push_str("events:\n");
        out.push_str(&placed.join("\n"));
        out.push('\n');
    }
    out
}
