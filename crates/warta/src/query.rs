//! `warta query`: merged events (or, with `--mentions`, every event mention with its evidence) matching
//! filters, as a table or JSON Lines.

use std::io::Write;
use std::process::ExitCode;
use warta_geo::{Gazetteer, PlaceKind};
use warta_store::{Filter, MergedEvent, Mention, StoreError};

/// Filters shared by `query` and `export`. A merged event matches when one of its mentions does.
#[derive(clap::Args, Clone, Default)]
pub struct FilterArgs {
    /// Actor code prefix (RUS, RUSGOV, IGOWSTNAT); find names with the text filter.
    #[arg(long)]
    pub actor: Option<String>,
    /// Country (ISO alpha-3 or alpha-2 code, or English name) of the event's place or of any actor.
    #[arg(long)]
    pub country: Option<String>,
    /// PLOVER event type (AGREE, SUPPORT, ASSAULT, …).
    #[arg(long = "type")]
    pub kind: Option<String>,
    /// CAMEO code prefix (e.g. 19 for all fighting, 057 for signing an agreement).
    #[arg(long)]
    pub cameo: Option<String>,
    /// Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// Part of the name of the event's place (or its ISO alpha-3 country).
    #[arg(long)]
    pub place: Option<String>,
    /// Words that must all appear in the reporting article (full-text search).
    #[arg(long)]
    pub text: Option<String>,
}

/// ISO alpha-3 code of a country given as a code or an English/GeoNames name.
pub fn country_code(v: &str) -> Result<String, String> {
    let g = Gazetteer::embedded();
    let v = v.trim();
    if let Some(p) = g.country(v) {
        return Ok(p.country_iso3.clone());
    }
    if let Some(p) = g.lookup(v).into_iter().find(|p| p.kind == PlaceKind::Country) {
        return Ok(p.country_iso3.clone());
    }
    Err(format!("--country {v:?}: not a known country code or name"))
}

impl FilterArgs {
    pub fn to_filter(&self) -> Result<Filter, String> {
        let f = Filter {
            actor: self.actor.clone(),
            country: self.country.as_deref().map(country_code).transpose()?,
            kind: self.kind.clone(),
            cameo: self.cameo.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            place: self.place.clone(),
            text: self.text.clone(),
            limit: None,
            offset: 0,
        };
        f.validate().map_err(|e| format!("--{e}"))?;
        Ok(f)
    }
}

#[derive(clap::Args)]
pub struct QueryArgs {
    /// The store: a SQLite file or a postgres:// URL.
    #[arg(long, default_value = "warta.db")]
    pub db: String,
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Every event mention (one per article and sentence, with its evidence) instead of merged events.
    #[arg(long)]
    pub mentions: bool,
    /// JSON Lines (one object per event) instead of a table.
    #[arg(long)]
    pub json: bool,
    /// At most this many rows (0: all).
    #[arg(long, default_value_t = 50)]
    pub limit: u64,
    /// Skip this many rows first.
    #[arg(long, default_value_t = 0)]
    pub offset: u64,
}

/// Opens a store that must already exist (a SQLite file is not created by reading it).
pub fn open_existing(db: &str) -> Result<Box<dyn warta_store::Store>, String> {
    let is_url = db.starts_with("postgres://") || db.starts_with("postgresql://");
    if !is_url && !std::path::Path::new(db).exists() {
        return Err(format!("{db}: no such store (create it with `warta ingest PATH --db {db}`)"));
    }
    warta_store::open(db).map_err(|e| format!("{db}: {e}"))
}

fn actors(a: &[warta_core::model::Actor]) -> String {
    if a.is_empty() {
        return "-".into();
    }
    a.iter().map(|a| a.code.as_str()).collect::<Vec<_>>().join(",")
}

fn place(l: &Option<warta_core::model::Location>) -> String {
    match l {
        Some(l) if l.name == l.country || l.kind == "country" => l.name.clone(),
        Some(l) => format!("{} ({})", l.name, l.country),
        None => "-".into(),
    }
}

/// Cuts to `w` characters (with an ellipsis) and pads to `w`.
fn cell(s: &str, w: usize) -> String {
    let n = s.chars().count();
    if n > w {
        let mut t: String = s.chars().take(w.saturating_sub(1)).collect();
        t.push('…');
        t
    } else {
        format!("{s}{}", " ".repeat(w - n))
    }
}

fn io_err(e: std::io::Error) -> StoreError {
    StoreError(format!("cannot write output: {e}"))
}

pub fn run(args: &QueryArgs) -> Result<ExitCode, String> {
    let mut filter = args.filter.to_filter()?;
    filter.limit = (args.limit > 0).then_some(args.limit);
    filter.offset = args.offset;
    let mut store = open_existing(&args.db)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut rows = 0usize;
    let result = if args.mentions {
        if !args.json {
            writeln!(
                out,
                "{} {} {} {} {} {} {} {} ARTICLE: TRIGGER",
                cell("ID", 7),
                cell("EVENT", 7),
                cell("DATE", 10),
                cell("TYPE", 9),
                cell("CAMEO", 5),
                cell("SOURCE", 16),
                cell("TARGET", 16),
                cell("RULE", 24),
            )
            .map_err(|e| e.to_string())?;
        }
        store.mentions(&filter, &mut |m: Mention| {
            rows += 1;
            if args.json {
                serde_json::to_writer(&mut out, &m)?;
                writeln!(out).map_err(io_err)
            } else {
                let e = &m.event;
                writeln!(
                    out,
                    "{} {} {} {} {} {} {} {} {}: {:?}",
                    cell(&m.id.to_string(), 7),
                    cell(&m.merged_id.to_string(), 7),
                    cell(e.date.as_deref().unwrap_or("-"), 10),
                    cell(&e.kind, 9),
                    cell(&e.cameo, 5),
                    cell(&actors(&e.source), 16),
                    cell(&actors(&e.target), 16),
                    cell(&e.rule, 24),
                    m.article_ext_id,
                    e.trigger.text
                )
                .map_err(io_err)
            }
        })
    } else {
        if !args.json {
            writeln!(
                out,
                "{} {} {} {} {} {} {} {} {} SRC",
                cell("ID", 7),
                cell("DATE", 10),
                cell("TYPE", 9),
                cell("CAMEO", 5),
                cell("SOURCE", 18),
                cell("TARGET", 18),
                cell("PLACE", 24),
                cell("MENT", 4),
                cell("ART", 4),
            )
            .map_err(|e| e.to_string())?;
        }
        store.merged_events(&filter, &mut |m: MergedEvent| {
            rows += 1;
            if args.json {
                serde_json::to_writer(&mut out, &m)?;
                writeln!(out).map_err(io_err)
            } else {
                writeln!(
                    out,
                    "{} {} {} {} {} {} {} {} {} {}",
                    cell(&m.id.to_string(), 7),
                    cell(m.date.as_deref().unwrap_or("-"), 10),
                    cell(&m.kind, 9),
                    cell(&m.cameo, 5),
                    cell(&actors(&m.source), 18),
                    cell(&actors(&m.target), 18),
                    cell(&place(&m.location), 24),
                    cell(&m.num_mentions.to_string(), 4),
                    cell(&m.num_articles.to_string(), 4),
                    m.num_sources
                )
                .map_err(io_err)
            }
        })
    };
    result.map_err(|e| e.to_string())?;
    out.flush().map_err(|e| format!("cannot write output: {e}"))?;
    if !args.json {
        drop(out);
        let what = if args.mentions { "mentions" } else { "events" };
        let more = if Some(rows as u64) == filter.limit { " (more with --limit/--offset)" } else { "" };
        eprintln!("{rows} {what}{more}");
    }
    Ok(ExitCode::SUCCESS)
}
