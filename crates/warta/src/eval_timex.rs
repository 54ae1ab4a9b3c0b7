//! `warta eval timex DIR`: scores time expressions against TimeML `.tml` files exactly as
//! `../shared/eval/score.py timex` does (same reading of the files, same matching, same two lines), then
//! lists what went wrong for error analysis.
//!
//! Each file gives a publication date (the first `value` after `<DCT>`, its first ten characters) and a
//! text (everything between `<TEXT>` and the last `</TEXT>`, entities unescaped) with inline
//! `<TIMEX3 type value>…</TIMEX3>` spans counted in code points. An article is sent as Indonesian with
//! the DCT as its publication date. A prediction matches the first gold span it overlaps that no earlier
//! gold span took; it scores for extraction, and for value when the values are equal as strings.

use chrono::NaiveDate;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use warta_core::{Article, Extractor};

#[derive(clap::Args)]
pub struct TimexArgs {
    /// Folder of TimeML `.tml` files.
    dir: PathBuf,
    /// The date year inference may not pass (default: the system date).
    #[arg(long)]
    today: Option<NaiveDate>,
}

/// A gold time expression: code-point span, TIMEX3 type and value.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldTimex {
    pub start: usize,
    pub end: usize,
    pub kind: Option<String>,
    pub value: Option<String>,
}

/// One `.tml` file as the scorer reads it.
#[derive(Debug, Clone)]
pub struct TmlDoc {
    pub name: String,
    pub dct: String,
    pub text: String,
    pub gold: Vec<GoldTimex>,
}

pub fn run(args: &TimexArgs) -> Result<ExitCode, String> {
    let docs = read_dir(&args.dir)?;
    let ex = crate::extractor(args.today)?;
    print!("{}", score(&ex, &docs));
    Ok(ExitCode::SUCCESS)
}

/// Every `.tml` file of `dir`, by file name.
pub fn read_dir(dir: &Path) -> Result<Vec<TmlDoc>, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tml"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let path = dir.join(&n);
            let src = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            parse_tml(&n, &src).ok_or_else(|| format!("{}: no <DCT> value or no <TEXT>", path.display()))
        })
        .collect()
}

/// Reads one TimeML document the way the scorer's regular expressions do.
pub fn parse_tml(name: &str, src: &str) -> Option<TmlDoc> {
    let after_dct = &src[src.find("<DCT>")? + "<DCT>".len()..];
    let v = &after_dct[after_dct.find("value=\"")? + "value=\"".len()..];
    let dct_full = &v[..v.find('"')?];
    let dct: String = dct_full.chars().take(10).collect();
    let open = src.find("<TEXT>")? + "<TEXT>".len();
    let close = src.rfind("</TEXT>")?;
    let body = src.get(open..close)?;
    let mut text = String::new();
    let mut len = 0;
    let mut gold = Vec::new();
    let mut pos = 0;
    while let Some(rel) = body[pos..].find("<TIMEX3") {
        let at = pos + rel;
        let attrs_from = at + "<TIMEX3".len();
        let Some(gt) = body[attrs_from..].find('>') else { break };
        let inner_from = attrs_from + gt + 1;
        let Some(end_rel) = body[inner_from..].find("</TIMEX3>") else { break };
        let inner_to = inner_from + end_rel;
        let before = unescape(&body[pos..at]);
        len += before.chars().count();
        text.push_str(&before);
        let inner = unescape(&body[inner_from..inner_to]);
        let n = inner.chars().count();
        let attrs = &body[attrs_from..attrs_from + gt];
        gold.push(GoldTimex { start: len, end: len + n, kind: attr(attrs, "type"), value: attr(attrs, "value") });
        len += n;
        text.push_str(&inner);
        pos = inner_to + "</TIMEX3>".len();
    }
    text.push_str(&unescape(&body[pos..]));
    Some(TmlDoc { name: name.to_string(), dct, text, gold })
}

/// The last `key="…"` among the attributes, as a dictionary built from them keeps it; the key must be a
/// whole word (`tid` does not answer for `id`).
fn attr(attrs: &str, key: &str) -> Option<String> {
    let pat = format!("{key}=\"");
    let mut found = None;
    let mut from = 0;
    while let Some(rel) = attrs[from..].find(&pat) {
        let at = from + rel;
        let whole = attrs[..at].chars().next_back().is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        let vstart = at + pat.len();
        let Some(vlen) = attrs[vstart..].find('"') else { break };
        if whole {
            found = Some(attrs[vstart..vstart + vlen].to_string());
        }
        from = vstart + vlen + 1;
    }
    found
}

/// Character references: numeric ones and the named ones TimeML files use (the XML five, spaces, dashes,
/// quotes). Anything else stays as written.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let name = &rest[1..semi];
            let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse::<u32>().ok().and_then(char::from_u32)
            } else {
                named(name)
            };
            c.map(|c| (c, semi + 1))
        });
        match decoded {
            Some((c, used)) => {
                out.push(c);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        _ => return None,
    })
}

/// Runs the extractor on every document and returns the scorer's two lines, then one line per missed
/// gold expression, wrong value and prediction that matched nothing.
pub fn score(ex: &Extractor, docs: &[TmlDoc]) -> String {
    let (mut tp_ext, mut tp_val, mut npred, mut ngold) = (0, 0, 0, 0);
    let mut errors = String::new();
    for d in docs {
        let article = Article { id: d.name.clone(), text: d.text.clone(), lang: Some("id".into()), published: Some(d.dct.clone()), ..Default::default() };
        let preds = ex.extract(&article).times;
        npred += preds.len();
        ngold += d.gold.len();
        let chars: Vec<char> = d.text.chars().collect();
        let span = |s: usize, e: usize| chars.get(s..e.min(chars.len())).map_or_else(String::new, |c| c.iter().collect::<String>());
        let mut used = vec![false; preds.len()];
        for g in &d.gold {
            let hit = preds.iter().enumerate().find(|(k, p)| !used[*k] && p.start < g.end && g.start < p.end);
            let gv = g.value.as_deref().unwrap_or("None");
            match hit {
                Some((k, p)) => {
                    used[k] = true;
                    tp_ext += 1;
                    let pv = p.value.as_deref().unwrap_or("None");
                    if pv == gv {
                        tp_val += 1;
                    } else {
                        let _ = writeln!(errors, "{}: wrong value {:?}: gold {gv}, got {pv} ({:?})", d.name, span(g.start, g.end), p.text);
                    }
                }
                None => {
                    let _ = writeln!(errors, "{}: missed {:?} {gv}", d.name, span(g.start, g.end));
                }
            }
        }
        for p in preds.iter().zip(&used).filter(|(_, u)| !**u).map(|(p, _)| p) {
            let _ = writeln!(errors, "{}: spurious {:?} {}", d.name, p.text, p.value.as_deref().unwrap_or("None"));
        }
    }
    let (pe, re, fe) = crate::eval::prf(tp_ext, npred, ngold);
    let (_, _, fv) = crate::eval::prf(tp_val, npred, ngold);
    let mut out = format!("extraction (relaxed): P={pe:.3} R={re:.3} F1={fe:.3}\n");
    out += &format!("value F1={fv:.3} extraction F1={fe:.3} over {ngold} gold timexes in {} articles\n", docs.len());
    out += &errors;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_tml_file_like_the_scorer() {
        let src = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2014-09-25T08:00\"/></DCT>\n<TEXT>\nR&amp;D <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2014-09-24\">kemarin</TIMEX3> — naik &#8220;tajam&#8221; <TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P3D\">tiga hari</TIMEX3>.\n</TEXT></TimeML>";
        let d = parse_tml("a.tml", src).unwrap();
        assert_eq!(d.dct, "2014-09-25");
        assert_eq!(d.text, "\nR&D kemarin — naik “tajam” tiga hari.\n");
        let chars: Vec<char> = d.text.chars().collect();
        let g = &d.gold[1];
        assert_eq!(chars[g.start..g.end].iter().collect::<String>(), "tiga hari");
        assert_eq!((g.kind.as_deref(), g.value.as_deref()), (Some("DURATION"), Some("P3D")));
        assert_eq!(d.gold[0].value.as_deref(), Some("2014-09-24"));
    }

    #[test]
    fn unknown_entities_and_bare_ampersands_stay() {
        assert_eq!(unescape("a & b &zz; &#x41;&lt;"), "a & b &zz; A<");
    }
}
