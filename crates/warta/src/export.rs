//! `warta export --format gdelt|csv|jsonl|parquet -o FILE`: stored events in the formats analysts load.
//!
//! - `gdelt`: the 61-column GDELT 2.0 event table (tab-separated, no header), one row per merged event;
//!   CAMEO codes stay strings with their leading zeros, place country codes are FIPS 10-4 as GDELT has them.
//! - `csv`, `jsonl`, `parquet`: merged events, or with `--mentions` every event mention with its evidence.
//!
//! The output is written to `FILE.partial` and renamed when complete, so a failed export leaves no half file.

use crate::query::{open_existing, FilterArgs};
use arrow_array::{ArrayRef, BooleanArray, Float64Array, Int64Array, RecordBatch, StringArray};
use arrow_schema::{DataType, Field, Schema};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use warta_core::model::{Actor, Location};
use warta_geo::Gazetteer;
use warta_store::{MergedEvent, Mention, StoreError};

#[derive(Clone, Copy, clap::ValueEnum, PartialEq, Eq, Debug)]
pub enum ExportFormat {
    /// GDELT 2.0 event table: 61 tab-separated columns, one merged event per line.
    Gdelt,
    /// Comma-separated values with a header line.
    Csv,
    /// JSON Lines, one object per event.
    Jsonl,
    /// Apache Parquet (Snappy-compressed).
    Parquet,
}

#[derive(clap::Args)]
pub struct ExportArgs {
    /// The store: a SQLite file or a postgres:// URL.
    #[arg(long, default_value = "warta.db")]
    pub db: String,
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Output file (`-` for standard output, except for parquet).
    #[arg(long, short)]
    pub output: PathBuf,
    /// Every event mention with its evidence instead of merged events (csv, jsonl, parquet).
    #[arg(long)]
    pub mentions: bool,
    #[command(flatten)]
    pub filter: FilterArgs,
}

/// A cell of a flat table.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Float(f64),
    Bool(bool),
    Str(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Int,
    Float,
    Bool,
    Str,
}

fn s(v: impl Into<String>) -> Value {
    Value::Str(v.into())
}

fn os(v: Option<impl Into<String>>) -> Value {
    v.map(|v| Value::Str(v.into())).unwrap_or(Value::Null)
}

fn codes(a: &[Actor]) -> Value {
    s(a.iter().map(|a| a.code.as_str()).collect::<Vec<_>>().join(";"))
}

fn names(a: &[Actor]) -> Value {
    s(a.iter().map(|a| a.name.as_deref().unwrap_or(&a.text)).collect::<Vec<_>>().join(";"))
}

fn loc(l: &Option<Location>) -> [Value; 6] {
    match l {
        Some(l) => [
            s(&l.name),
            s(&l.country),
            s(&l.kind),
            Value::Float(l.lat),
            Value::Float(l.lon),
            l.geonames_id.map(|g| Value::Int(g as i64)).unwrap_or(Value::Null),
        ],
        None => [Value::Null, Value::Null, Value::Null, Value::Null, Value::Null, Value::Null],
    }
}

pub const MERGED_COLUMNS: &[(&str, Col)] = &[
    ("id", Col::Int),
    ("date", Col::Str),
    ("date_precision", Col::Str),
    ("type", Col::Str),
    ("mode", Col::Str),
    ("cameo", Col::Str),
    ("quad_class", Col::Int),
    ("goldstein", Col::Float),
    ("source_codes", Col::Str),
    ("source_names", Col::Str),
    ("target_codes", Col::Str),
    ("target_names", Col::Str),
    ("location_name", Col::Str),
    ("location_country", Col::Str),
    ("location_kind", Col::Str),
    ("lat", Col::Float),
    ("lon", Col::Float),
    ("geonames_id", Col::Int),
    ("num_mentions", Col::Int),
    ("num_sources", Col::Int),
    ("num_articles", Col::Int),
    ("first_seen", Col::Str),
    ("last_seen", Col::Str),
    ("added_at", Col::Str),
    ("source_url", Col::Str),
    ("is_root", Col::Bool),
];

pub fn merged_row(m: &MergedEvent) -> Vec<Value> {
    let mut v = vec![
        Value::Int(m.id),
        os(m.date.clone()),
        os(m.date_precision.clone()),
        s(&m.kind),
        s(&m.mode),
        s(&m.cameo),
        Value::Int(m.quad_class as i64),
        Value::Float(m.goldstein),
        codes(&m.source),
        names(&m.source),
        codes(&m.target),
        names(&m.target),
    ];
    v.extend(loc(&m.location));
    v.extend([
        Value::Int(m.num_mentions),
        Value::Int(m.num_sources),
        Value::Int(m.num_articles),
        s(&m.first_seen),
        s(&m.last_seen),
        s(&m.added_at),
        os(m.source_url.clone()),
        Value::Bool(m.is_root),
    ]);
    v
}

pub const MENTION_COLUMNS: &[(&str, Col)] = &[
    ("id", Col::Int),
    ("merged_id", Col::Int),
    ("article_id", Col::Int),
    ("article_ext_id", Col::Str),
    ("url", Col::Str),
    ("title", Col::Str),
    ("source", Col::Str),
    ("published", Col::Str),
    ("date", Col::Str),
    ("date_precision", Col::Str),
    ("date_evidence", Col::Str),
    ("type", Col::Str),
    ("mode", Col::Str),
    ("cameo", Col::Str),
    ("quad_class", Col::Int),
    ("goldstein", Col::Float),
    ("source_codes", Col::Str),
    ("source_names", Col::Str),
    ("target_codes", Col::Str),
    ("target_names", Col::Str),
    ("location_name", Col::Str),
    ("location_country", Col::Str),
    ("location_kind", Col::Str),
    ("lat", Col::Float),
    ("lon", Col::Float),
    ("geonames_id", Col::Int),
    ("modality", Col::Str),
    ("sentence_index", Col::Int),
    ("sentence_start", Col::Int),
    ("sentence_end", Col::Int),
    ("trigger", Col::Str),
    ("trigger_start", Col::Int),
    ("trigger_end", Col::Int),
    ("rule", Col::Str),
    ("is_root", Col::Bool),
];

pub fn mention_row(m: &Mention) -> Vec<Value> {
    let e = &m.event;
    let mut v = vec![
        Value::Int(m.id),
        Value::Int(m.merged_id),
        Value::Int(m.article_id),
        s(&m.article_ext_id),
        os(m.url.clone()),
        os(m.title.clone()),
        os(m.source.clone()),
        os(m.published.clone()),
        os(e.date.clone()),
        os(e.date_precision.clone()),
        s(&e.date_evidence.source),
        s(&e.kind),
        s(&e.mode),
        s(&e.cameo),
        Value::Int(e.quad_class as i64),
        Value::Float(e.goldstein),
        codes(&e.source),
        names(&e.source),
        codes(&e.target),
        names(&e.target),
    ];
    v.extend(loc(&e.location));
    v.extend([
        s(&e.modality),
        Value::Int(e.sentence.index as i64),
        Value::Int(e.sentence.start as i64),
        Value::Int(e.sentence.end as i64),
        s(&e.trigger.text),
        Value::Int(e.trigger.start as i64),
        Value::Int(e.trigger.end as i64),
        s(&e.rule),
        Value::Bool(m.is_root),
    ]);
    v
}

// ---------------------------------------------------------------------------------------------------------
// GDELT 2.0

/// The GDELT 2.0 event table's columns, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
];

/// CAMEO actor type codes (the rest of a code after the country are types, known groups or regions).
const ACTOR_TYPES: &[&str] = &[
    "COP", "GOV", "INS", "JUD", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF", "AGR", "BUS", "CRM", "CVL", "DEV",
    "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED", "REF", "MOD", "RAD", "IGO", "IMG", "INT", "MNC", "NGM",
    "NGO", "SET",
];

/// CAMEO regional codes, which GDELT does not put in any actor column of their own.
const REGIONS: &[&str] = &[
    "WST", "AFR", "ASA", "EUR", "MEA", "NAF", "SAF", "WAF", "EAF", "CAF", "SAM", "NMR", "CRB", "CAS", "SAS", "SEA",
    "BLK", "BAL", "LAM", "PGS", "SCN", "CAU", "MDT", "EEU", "ARB", "PAC", "ATH", "NAM",
];

/// An actor code split as GDELT splits it: country, known group and up to three types.
#[derive(Debug, Default, PartialEq)]
pub struct CameoActor {
    pub code: String,
    pub name: String,
    pub country: String,
    pub known_group: String,
    pub types: [String; 3],
}

pub fn cameo_actor(a: Option<&Actor>) -> CameoActor {
    let Some(a) = a else { return CameoActor::default() };
    let code = a.code.trim().to_ascii_uppercase();
    let chunks: Vec<&str> = (0..code.len()).step_by(3).filter_map(|i| code.get(i..(i + 3).min(code.len()))).collect();
    let mut out = CameoActor {
        code: code.clone(),
        name: a.name.as_deref().unwrap_or(&a.text).to_uppercase(),
        ..Default::default()
    };
    let mut rest = &chunks[..];
    if let Some(first) = chunks.first() {
        let is_country = a.country.as_deref() == Some(*first)
            || (!ACTOR_TYPES.contains(first) && Gazetteer::embedded().country(first).is_some_and(|p| p.country_iso3 == *first));
        if is_country {
            out.country = first.to_string();
            rest = &chunks[1..];
        }
    }
    let mut t = 0;
    for c in rest {
        if ACTOR_TYPES.contains(c) {
            if t < 3 {
                out.types[t] = c.to_string();
                t += 1;
            }
        } else if !REGIONS.contains(c) && out.known_group.is_empty() && c.len() == 3 {
            out.known_group = c.to_string();
        }
    }
    out
}

/// GDELT geography fields (type, full name, FIPS country, ADM1, ADM2, lat, long, feature id).
fn gdelt_geo(l: Option<&Location>) -> [String; 8] {
    let Some(l) = l else { return ["0".into(), String::new(), String::new(), String::new(), String::new(), String::new(), String::new(), String::new()] };
    let g = Gazetteer::embedded();
    let fips = g.fips_of(&l.country).unwrap_or("").to_string();
    let us = l.country == "USA";
    let (kind, adm1) = match l.kind.as_str() {
        "city" => (if us { 3 } else { 4 }, admin1_of(l).map(|a| format!("{fips}{a}")).unwrap_or_else(|| fips.clone())),
        "admin1" => (if us { 2 } else { 5 }, admin1_of(l).map(|a| format!("{fips}{a}")).unwrap_or_else(|| fips.clone())),
        _ => (1, fips.clone()),
    };
    let country_name = g.country(&l.country).map(|p| p.name.clone()).unwrap_or_default();
    let full = if kind == 1 || country_name.is_empty() || l.name == country_name {
        l.name.clone()
    } else {
        format!("{}, {country_name}", l.name)
    };
    let feature = match (kind, l.geonames_id) {
        (1, _) => fips.clone(),
        (_, Some(id)) => id.to_string(),
        _ => adm1.clone(),
    };
    [kind.to_string(), full, fips, adm1, String::new(), l.lat.to_string(), l.lon.to_string(), feature]
}

/// The GeoNames first-level division code of a located place, found through the gazetteer.
fn admin1_of(l: &Location) -> Option<String> {
    let id = l.geonames_id?;
    Gazetteer::embedded().lookup(&l.name).into_iter().find(|p| p.geonames_id == Some(id)).and_then(|p| p.admin1.clone())
}

fn tsv(v: &str) -> String {
    v.replace(['\t', '\n', '\r'], " ")
}

pub fn gdelt_row(m: &MergedEvent) -> Vec<String> {
    use chrono::Datelike;
    let day = m
        .date
        .as_deref()
        .and_then(warta_store::date_range)
        .map(|(start, _)| start)
        .or_else(|| warta_store::date_range(&m.first_seen).map(|(s, _)| s))
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let (sqldate, month, year, fraction) = match day {
        Some(d) => (
            d.format("%Y%m%d").to_string(),
            d.format("%Y%m").to_string(),
            d.year().to_string(),
            format!("{:.4}", d.year() as f64 + d.ordinal0() as f64 / 365.0),
        ),
        None => Default::default(),
    };
    let a1 = cameo_actor(m.source.first());
    let a2 = cameo_actor(m.target.first());
    let mut row = vec![m.id.to_string(), sqldate, month, year, fraction];
    for a in [a1, a2] {
        let [t1, t2, t3] = a.types;
        row.extend([a.code, a.name, a.country, a.known_group, String::new(), String::new(), String::new(), t1, t2, t3]);
    }
    let cameo = m.cameo.clone();
    row.extend([
        (m.is_root as u8).to_string(),
        cameo.clone(),
        cameo.get(..3).unwrap_or(&cameo).to_string(),
        cameo.get(..2).unwrap_or(&cameo).to_string(),
        m.quad_class.to_string(),
        format!("{:.1}", m.goldstein),
        m.num_mentions.to_string(),
        m.num_sources.to_string(),
        m.num_articles.to_string(),
        "0".into(),
    ]);
    // Warta places the event, not each actor: actor geographies stay empty.
    row.extend(gdelt_geo(None));
    row.extend(gdelt_geo(None));
    row.extend(gdelt_geo(m.location.as_ref()));
    let added: String = m.added_at.chars().filter(|c| c.is_ascii_digit()).take(14).collect();
    row.push(added);
    row.push(m.source_url.clone().unwrap_or_default());
    debug_assert_eq!(row.len(), GDELT_COLUMNS.len());
    row.into_iter().map(|v| tsv(&v)).collect()
}

// ---------------------------------------------------------------------------------------------------------
// Writers

fn csv_field(v: &Value) -> String {
    let raw = match v {
        Value::Null => return String::new(),
        Value::Int(i) => return i.to_string(),
        Value::Float(f) => return f.to_string(),
        Value::Bool(b) => return (if *b { "true" } else { "false" }).into(),
        Value::Str(s) => s,
    };
    if raw.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", raw.replace('"', "\"\""))
    } else {
        raw.clone()
    }
}

pub fn csv_line(row: &[Value]) -> String {
    row.iter().map(csv_field).collect::<Vec<_>>().join(",")
}

/// Collects rows and writes them as Parquet row groups.
struct ParquetOut {
    writer: parquet::arrow::ArrowWriter<std::fs::File>,
    schema: Arc<Schema>,
    cols: &'static [(&'static str, Col)],
    rows: Vec<Vec<Value>>,
}

const PARQUET_BATCH: usize = 8192;

impl ParquetOut {
    fn new(file: std::fs::File, cols: &'static [(&'static str, Col)]) -> Result<Self, String> {
        let fields: Vec<Field> = cols
            .iter()
            .map(|(name, c)| {
                let t = match c {
                    Col::Int => DataType::Int64,
                    Col::Float => DataType::Float64,
                    Col::Bool => DataType::Boolean,
                    Col::Str => DataType::Utf8,
                };
                Field::new(*name, t, true)
            })
            .collect();
        let schema = Arc::new(Schema::new(fields));
        let props = parquet::file::properties::WriterProperties::builder()
            .set_compression(parquet::basic::Compression::SNAPPY)
            .build();
        let writer = parquet::arrow::ArrowWriter::try_new(file, schema.clone(), Some(props)).map_err(|e| e.to_string())?;
        Ok(ParquetOut { writer, schema, cols, rows: Vec::with_capacity(PARQUET_BATCH) })
    }

    fn push(&mut self, row: Vec<Value>) -> Result<(), String> {
        self.rows.push(row);
        if self.rows.len() >= PARQUET_BATCH {
            self.write_batch()?;
        }
        Ok(())
    }

    fn write_batch(&mut self) -> Result<(), String> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let rows = std::mem::take(&mut self.rows);
        let arrays: Vec<ArrayRef> = self
            .cols
            .iter()
            .enumerate()
            .map(|(i, (_, c))| -> ArrayRef {
                match c {
                    Col::Int => Arc::new(Int64Array::from_iter(rows.iter().map(|r| match r[i] {
                        Value::Int(v) => Some(v),
                        _ => None,
                    }))),
                    Col::Float => Arc::new(Float64Array::from_iter(rows.iter().map(|r| match r[i] {
                        Value::Float(v) => Some(v),
                        _ => None,
                    }))),
                    Col::Bool => Arc::new(BooleanArray::from_iter(rows.iter().map(|r| match r[i] {
                        Value::Bool(v) => Some(v),
                        _ => None,
                    }))),
                    Col::Str => Arc::new(StringArray::from_iter(rows.iter().map(|r| match &r[i] {
                        Value::Str(v) => Some(v.as_str()),
                        _ => None,
                    }))),
                }
            })
            .collect();
        let batch = RecordBatch::try_new(self.schema.clone(), arrays).map_err(|e| e.to_string())?;
        self.writer.write(&batch).map_err(|e| e.to_string())
    }

    fn finish(mut self) -> Result<(), String> {
        self.write_batch()?;
        self.writer.close().map_err(|e| e.to_string())?;
        Ok(())
    }
}

enum Out {
    Text(Box<dyn Write>),
    Parquet(Box<ParquetOut>),
}

fn werr(e: impl std::fmt::Display) -> StoreError {
    StoreError(format!("cannot write output: {e}"))
}

pub fn run(args: &ExportArgs) -> Result<ExitCode, String> {
    let filter = args.filter.to_filter()?;
    if args.format == ExportFormat::Gdelt && args.mentions {
        return Err("--mentions: the gdelt format holds merged events only".into());
    }
    let to_stdout = args.output.as_os_str() == "-";
    if to_stdout && args.format == ExportFormat::Parquet {
        return Err("-o -: parquet needs a file".into());
    }
    let mut store = open_existing(&args.db)?;
    let partial = {
        let mut p = args.output.clone().into_os_string();
        p.push(".partial");
        PathBuf::from(p)
    };
    let cols = if args.mentions { MENTION_COLUMNS } else { MERGED_COLUMNS };
    let mut out = if to_stdout {
        Out::Text(Box::new(std::io::BufWriter::new(std::io::stdout())))
    } else {
        let file = std::fs::File::create(&partial).map_err(|e| format!("{}: cannot create: {e}", partial.display()))?;
        if args.format == ExportFormat::Parquet {
            Out::Parquet(Box::new(ParquetOut::new(file, cols)?))
        } else {
            Out::Text(Box::new(std::io::BufWriter::new(file)))
        }
    };
    if let (Out::Text(w), ExportFormat::Csv) = (&mut out, args.format) {
        writeln!(w, "{}", cols.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(",")).map_err(|e| e.to_string())?;
    }
    let mut n = 0u64;
    let format = args.format;
    let mut emit = |row: Option<Vec<Value>>, gdelt: Option<Vec<String>>, json: Option<serde_json::Value>| -> Result<(), StoreError> {
        n += 1;
        match (&mut out, format) {
            (Out::Parquet(p), _) => p.push(row.expect("row")).map_err(werr),
            (Out::Text(w), ExportFormat::Gdelt) => writeln!(w, "{}", gdelt.expect("gdelt").join("\t")).map_err(werr),
            (Out::Text(w), ExportFormat::Csv) => writeln!(w, "{}", csv_line(&row.expect("row"))).map_err(werr),
            (Out::Text(w), _) => {
                serde_json::to_writer(&mut *w, &json.expect("json"))?;
                writeln!(w).map_err(werr)
            }
        }
    };
    let result = if args.mentions {
        store.mentions(&filter, &mut |m| match format {
            ExportFormat::Jsonl => emit(None, None, Some(serde_json::to_value(&m)?)),
            _ => emit(Some(mention_row(&m)), None, None),
        })
    } else {
        store.merged_events(&filter, &mut |m| match format {
            ExportFormat::Gdelt => emit(None, Some(gdelt_row(&m)), None),
            ExportFormat::Jsonl => emit(None, None, Some(serde_json::to_value(&m)?)),
            _ => emit(Some(merged_row(&m)), None, None),
        })
    };
    if let Err(e) = result {
        let _ = std::fs::remove_file(&partial);
        return Err(e.to_string());
    }
    match out {
        Out::Parquet(p) => p.finish()?,
        Out::Text(mut w) => w.flush().map_err(|e| format!("cannot write output: {e}"))?,
    }
    if !to_stdout {
        std::fs::rename(&partial, &args.output).map_err(|e| format!("{}: cannot write: {e}", args.output.display()))?;
    }
    let what = if args.mentions { "mentions" } else { "events" };
    eprintln!("exported {n} {what} as {:?} to {}", args.format, args.output.display());
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(code: &str, country: Option<&str>) -> Actor {
        Actor { text: "x".into(), code: code.into(), country: country.map(str::to_string), name: Some("Vladimir Putin".into()) }
    }

    #[test]
    fn actor_codes_split_like_gdelt() {
        let a = cameo_actor(Some(&actor("RUSGOV", Some("RUS"))));
        assert_eq!((a.country.as_str(), a.types[0].as_str(), a.name.as_str()), ("RUS", "GOV", "VLADIMIR PUTIN"));
        let a = cameo_actor(Some(&actor("IGOWSTNAT", None)));
        assert_eq!((a.country.as_str(), a.types[0].as_str(), a.known_group.as_str()), ("", "IGO", "NAT"));
        let a = cameo_actor(Some(&actor("IGOUNO", None)));
        assert_eq!((a.types[0].as_str(), a.known_group.as_str()), ("IGO", "UNO"));
        let a = cameo_actor(Some(&actor("PRK", Some("PRK"))));
        assert_eq!((a.country.as_str(), a.types[0].as_str()), ("PRK", ""));
        assert_eq!(cameo_actor(None), CameoActor::default());
    }

    #[test]
    fn gdelt_rows_have_61_columns() {
        let m = MergedEvent {
            id: 7,
            kind: "SUPPORT".into(),
            mode: String::new(),
            cameo: "057".into(),
            quad_class: 1,
            goldstein: 8.0,
            date: Some("2024-06".into()),
            date_precision: Some("month".into()),
            source: vec![actor("RUSGOV", Some("RUS"))],
            target: vec![actor("PRK", Some("PRK"))],
            location: Some(Location {
                text: "Pyongyang".into(),
                name: "Pyongyang".into(),
                country: "PRK".into(),
                lat: 39.03,
                lon: 125.75,
                geonames_id: Some(1871859),
                kind: "city".into(),
            }),
            num_mentions: 3,
            num_sources: 2,
            num_articles: 2,
            first_seen: "2024-06-19".into(),
            last_seen: "2024-06-20".into(),
            added_at: "2024-06-20T10:11:12Z".into(),
            source_url: Some("https://x/a".into()),
            is_root: true,
        };
        let r = gdelt_row(&m);
        assert_eq!(r.len(), 61);
        assert_eq!(GDELT_COLUMNS.len(), 61);
        let col = |name: &str| r[GDELT_COLUMNS.iter().position(|c| *c == name).unwrap()].as_str();
        assert_eq!(col("SQLDATE"), "20240601");
        assert_eq!(col("EventCode"), "057");
        assert_eq!(col("EventBaseCode"), "057");
        assert_eq!(col("EventRootCode"), "05");
        assert_eq!(col("Actor1Code"), "RUSGOV");
        assert_eq!(col("Actor1CountryCode"), "RUS");
        assert_eq!(col("Actor1Type1Code"), "GOV");
        assert_eq!(col("Actor2CountryCode"), "PRK");
        assert_eq!(col("ActionGeo_Type"), "4");
        assert_eq!(col("ActionGeo_CountryCode"), "KN");
        assert_eq!(col("ActionGeo_FeatureID"), "1871859");
        assert_eq!(col("Actor1Geo_Type"), "0");
        assert_eq!(col("IsRootEvent"), "1");
        assert_eq!(col("NumArticles"), "2");
        assert_eq!(col("DATEADDED"), "20240620101112");
        assert_eq!(col("SOURCEURL"), "https://x/a");
        assert_eq!(merged_row(&m).len(), MERGED_COLUMNS.len());
    }

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_line(&[s("a,b"), Value::Null, s("say \"x\""), Value::Int(3)]), "\"a,b\",,\"say \"\"x\"\"\",3");
    }
}
