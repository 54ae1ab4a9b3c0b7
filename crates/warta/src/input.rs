//! Reading articles from files and standard input, as plain text or JSON Lines. Every problem becomes a
//! record naming the file (and line), so one bad input never stops the run.

use crate::{InputFormat, ReadArgs};
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use warta_core::Article;

pub enum Record {
    Article(Article),
    /// A record that could not be read; reported in the output as `{"id", "error"}`.
    Error { id: String, message: String },
    /// An input that could not be opened at all.
    Unreadable { message: String },
}

/// An article id from a file name, without its extensions ("seed-id.txt.gz" → "seed-id").
pub(crate) fn stem(path: &Path) -> String {
    let name = path.file_name().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    Path::new(name).file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_else(|| path.display().to_string())
}

/// Why bytes are not usable as text, if they are not.
pub(crate) fn text_problem(bytes: &[u8]) -> Option<String> {
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Some("binary data (NUL bytes), not text".into());
    }
    std::str::from_utf8(bytes).err().map(|e| format!("not valid UTF-8 at byte {}", e.valid_up_to()))
}

/// Calls `f(line number, bytes)` for every non-blank line of a JSON Lines stream. A read error ends the
/// stream and is returned with the number of the line it hit; an `Err` from `f` stops early.
pub(crate) fn for_each_line(reader: impl Read, mut f: impl FnMut(usize, &[u8]) -> Result<(), String>) -> Result<Option<(usize, std::io::Error)>, String> {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut buf = Vec::new();
    let mut n = 0usize;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return Ok(None),
            Ok(_) => {}
            Err(e) => return Ok(Some((n + 1, e))),
        }
        n += 1;
        if !buf.iter().all(|b| b.is_ascii_whitespace()) {
            f(n, &buf)?;
        }
    }
}

/// One JSON Lines record (`{"id","text","title","published","lang","url","source"}`; only `text` is
/// required; `id` defaults to the line number). The error carries the record's id and the problem.
pub(crate) fn parse_article(bytes: &[u8], n: usize) -> Result<Article, (String, String)> {
    if let Some(problem) = text_problem(bytes) {
        return Err((n.to_string(), problem));
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| (n.to_string(), format!("invalid JSON: {e}")))?;
    let id = match value.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Number(x)) => x.to_string(),
        _ => n.to_string(),
    };
    let Some(text) = value.get("text").and_then(|t| t.as_str()) else {
        return Err((id, "no \"text\" string".into()));
    };
    let field = |k: &str| value.get(k).and_then(|v| v.as_str()).map(str::to_string).filter(|s| !s.trim().is_empty());
    Ok(Article {
        id,
        text: text.to_string(),
        title: field("title"),
        published: field("published"),
        lang: field("lang"),
        url: field("url"),
        source: field("source"),
    })
}

pub fn for_each_article(args: &ReadArgs, mut f: impl FnMut(Record) -> Result<(), String>) -> Result<(), String> {
    let stdin_only = args.files.is_empty();
    let paths: Vec<&Path> = if stdin_only { vec![Path::new("-")] } else { args.files.iter().map(|p| p.as_path()).collect() };
    for path in paths {
        let name = if path == Path::new("-") { "<stdin>".to_string() } else { path.display().to_string() };
        let reader: Box<dyn Read> = if path == Path::new("-") {
            Box::new(std::io::stdin().lock())
        } else if path.is_dir() {
            f(Record::Unreadable { message: format!("{name}: is a directory (use `warta ingest` for folders)") })?;
            continue;
        } else {
            match std::fs::File::open(path) {
                Ok(file) => Box::new(file),
                Err(e) => {
                    f(Record::Unreadable { message: format!("{name}: cannot read: {e}") })?;
                    continue;
                }
            }
        };
        match args.input {
            InputFormat::Text => {
                let mut bytes = Vec::new();
                let mut reader = reader;
                if let Err(e) = reader.read_to_end(&mut bytes) {
                    f(Record::Unreadable { message: format!("{name}: cannot read: {e}") })?;
                    continue;
                }
                let id = if path == Path::new("-") { "stdin".to_string() } else { stem(path) };
                if let Some(problem) = text_problem(&bytes) {
                    f(Record::Error { id, message: format!("{name}: {problem}") })?;
                    continue;
                }
                let text = String::from_utf8(bytes).expect("checked above");
                f(Record::Article(fill(args, Article { id, text, ..Default::default() })))?;
            }
            InputFormat::Jsonl => {
                let failed = for_each_line(reader, |n, bytes| {
                    f(match parse_article(bytes, n) {
                        Ok(a) => Record::Article(fill(args, a)),
                        Err((id, problem)) => Record::Error { id, message: format!("{name}:{n}: {problem}") },
                    })
                })?;
                if let Some((n, e)) = failed {
                    f(Record::Unreadable { message: format!("{name}:{n}: cannot read: {e}") })?;
                }
            }
        }
    }
    Ok(())
}

/// Command-line defaults apply where the record says nothing.
fn fill(args: &ReadArgs, mut a: Article) -> Article {
    if a.lang.is_none() {
        a.lang = args.lang.clone();
    }
    if a.published.is_none() {
        a.published = args.published.clone();
    }
    a
}
