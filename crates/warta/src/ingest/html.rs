//! Web pages to articles with `scraper` (html5ever): the article body as paragraphs, and the title,
//! publication date, canonical URL, site name and language from the page's metadata.

use scraper::node::Node;
use scraper::{ElementRef, Html, Selector};
use std::sync::OnceLock;

/// What a page says about itself, and its body text (paragraphs separated by blank lines).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Page {
    pub title: Option<String>,
    pub text: String,
    pub url: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
    pub source: Option<String>,
}

struct Selectors {
    meta_title: Vec<Selector>,
    title: Selector,
    h1: Selector,
    meta_date: Vec<Selector>,
    time: Selector,
    json_ld: Selector,
    canonical: Selector,
    og_url: Selector,
    site_name: Selector,
    html_lang: Selector,
    content_lang: Selector,
    roots: Vec<Selector>,
    p: Selector,
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("valid selector")
}

fn selectors() -> &'static Selectors {
    static S: OnceLock<Selectors> = OnceLock::new();
    S.get_or_init(|| Selectors {
        meta_title: ["meta[property='og:title']", "meta[name='twitter:title']"].map(sel).to_vec(),
        title: sel("title"),
        h1: sel("h1"),
        meta_date: [
            "meta[property='article:published_time']",
            "meta[name='article:published_time']",
            "meta[itemprop='datePublished']",
            "meta[name='pubdate']",
            "meta[name='publishdate']",
            "meta[name='publish-date']",
            "meta[name='content_PublishedDate']",
            "meta[name='DC.date.issued']",
            "meta[name='dc.date']",
            "meta[name='date']",
            "meta[property='og:published_time']",
        ]
        .map(sel)
        .to_vec(),
        time: sel("time[datetime]"),
        json_ld: sel("script[type='application/ld+json']"),
        canonical: sel("link[rel='canonical']"),
        og_url: sel("meta[property='og:url']"),
        site_name: sel("meta[property='og:site_name']"),
        html_lang: sel("html[lang]"),
        content_lang: sel("meta[http-equiv='content-language']"),
        roots: ["[itemprop='articleBody']", "article", "main", "[role='main']", "body"].map(sel).to_vec(),
        p: sel("p"),
    })
}

/// Elements whose text is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg", "button",
    "select", "textarea", "figure", "h1", "head", "title", "object", "video", "audio", "canvas", "menu",
];

/// Elements that end a paragraph.
const BLOCK: &[&str] = &[
    "p", "div", "section", "article", "main", "br", "li", "ul", "ol", "blockquote", "h2", "h3", "h4", "h5", "h6",
    "pre", "table", "tr", "td", "th", "dl", "dt", "dd", "hr", "body",
];

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first `YYYY-MM-DD` of a date or date-time value, when it is a real date.
pub fn iso_day(s: &str) -> Option<String> {
    let d = s.trim().get(..10)?;
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok().map(|d| d.to_string())
}

/// Paragraph texts under `el`, skipping navigation, scripts and the like.
fn paragraphs(el: ElementRef) -> Vec<String> {
    fn walk(node: ElementRef, cur: &mut String, out: &mut Vec<String>) {
        for child in node.children() {
            match child.value() {
                Node::Text(t) => cur.push_str(t),
                Node::Element(e) => {
                    let Some(child) = ElementRef::wrap(child) else { continue };
                    let name = e.name();
                    if SKIP.contains(&name) || e.attr("hidden").is_some() {
                        continue;
                    }
                    let block = BLOCK.contains(&name);
                    if block {
                        end_paragraph(cur, out);
                    }
                    walk(child, cur, out);
                    if block {
                        end_paragraph(cur, out);
                    }
                }
                _ => {}
            }
        }
    }
    fn end_paragraph(cur: &mut String, out: &mut Vec<String>) {
        let p = squash(cur);
        if !p.is_empty() {
            out.push(p);
        }
        cur.clear();
    }
    let mut out = Vec::new();
    let mut cur = String::new();
    walk(el, &mut cur, &mut out);
    end_paragraph(&mut cur, &mut out);
    out
}

/// The article body: the first of `[itemprop=articleBody]`, `<article>` (the one with the most paragraph
/// text), `<main>`, `[role=main]` or `<body>` that holds text.
fn body(doc: &Html) -> String {
    let s = selectors();
    for root_sel in &s.roots {
        let best = doc.select(root_sel).max_by_key(|el| el.select(&s.p).map(|p| p.text().map(str::len).sum::<usize>()).sum::<usize>());
        if let Some(root) = best {
            let paras = paragraphs(root);
            if !paras.is_empty() {
                return paras.join("\n\n");
            }
        }
    }
    String::new()
}

fn attr_of(doc: &Html, s: &Selector, attr: &str) -> Option<String> {
    doc.select(s).filter_map(|e| e.value().attr(attr)).map(squash).find(|v| !v.is_empty())
}

/// `datePublished` from JSON-LD blocks (objects, arrays and `@graph` lists).
fn json_ld_date(doc: &Html) -> Option<String> {
    fn find(v: &serde_json::Value) -> Option<String> {
        match v {
            serde_json::Value::Object(m) => m
                .get("datePublished")
                .and_then(|d| d.as_str())
                .and_then(iso_day)
                .or_else(|| m.get("@graph").and_then(find)),
            serde_json::Value::Array(a) => a.iter().find_map(find),
            _ => None,
        }
    }
    doc.select(&selectors().json_ld).find_map(|el| {
        let text: String = el.text().collect();
        serde_json::from_str::<serde_json::Value>(&text).ok().as_ref().and_then(find)
    })
}

fn lang_code(v: &str) -> Option<String> {
    let code: String = v.trim().chars().take_while(|c| c.is_ascii_alphabetic()).collect::<String>().to_lowercase();
    (code.len() == 2 || code.len() == 3).then_some(code)
}

/// Reads a whole page.
pub fn page(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let s = selectors();
    let title = s
        .meta_title
        .iter()
        .find_map(|sel| attr_of(&doc, sel, "content"))
        .or_else(|| doc.select(&s.title).map(|t| squash(&t.text().collect::<String>())).find(|t| !t.is_empty()))
        .or_else(|| doc.select(&s.h1).map(|t| squash(&t.text().collect::<String>())).find(|t| !t.is_empty()));
    let published = s
        .meta_date
        .iter()
        .find_map(|sel| attr_of(&doc, sel, "content").and_then(|d| iso_day(&d)))
        .or_else(|| json_ld_date(&doc))
        .or_else(|| doc.select(&s.time).filter_map(|t| t.value().attr("datetime")).find_map(iso_day));
    let url = attr_of(&doc, &s.canonical, "href")
        .or_else(|| attr_of(&doc, &s.og_url, "content"))
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let lang = attr_of(&doc, &s.html_lang, "lang")
        .or_else(|| attr_of(&doc, &s.content_lang, "content"))
        .and_then(|l| lang_code(&l));
    Page { title, text: body(&doc), url, published, lang, source: attr_of(&doc, &s.site_name, "content") }
}

/// Text of an HTML fragment (an RSS item's content), as paragraphs.
pub fn fragment_text(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    paragraphs(doc.root_element()).join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_metadata_and_body() {
        let html = r#"<!doctype html><html lang="id-ID"><head>
            <title>Judul | Situs</title>
            <meta property="og:title" content="Putin tiba di Pyongyang">
            <meta property="article:published_time" content="2024-06-19T08:00:00+07:00">
            <meta property="og:site_name" content="Kabar">
            <link rel="canonical" href="https://kabar.example/putin">
            <script>var x = "not text";</script></head>
            <body><nav>Beranda | Dunia</nav><header>Logo</header>
            <article><h1>Putin tiba di Pyongyang</h1>
              <p>Presiden Rusia Vladimir   Putin tiba di <b>Pyongyang</b>.</p>
              <figure><figcaption>Foto: Reuters</figcaption></figure>
              <p>Ia bertemu Kim Jong Un.</p></article>
            <footer>Hak cipta</footer></body></html>"#;
        let p = page(html);
        assert_eq!(p.title.as_deref(), Some("Putin tiba di Pyongyang"));
        assert_eq!(p.published.as_deref(), Some("2024-06-19"));
        assert_eq!(p.url.as_deref(), Some("https://kabar.example/putin"));
        assert_eq!(p.lang.as_deref(), Some("id"));
        assert_eq!(p.source.as_deref(), Some("Kabar"));
        assert_eq!(p.text, "Presiden Rusia Vladimir Putin tiba di Pyongyang.\n\nIa bertemu Kim Jong Un.");
    }

    #[test]
    fn json_ld_and_time_dates() {
        let p = page(r#"<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2024-06-18T10:00:00Z"}]}</script></head><body><p>Teks.</p></body></html>"#);
        assert_eq!(p.published.as_deref(), Some("2024-06-18"));
        let p = page(r#"<html><body><time datetime="2024-06-17">17 Juni</time><p>Teks.</p></body></html>"#);
        assert_eq!(p.published.as_deref(), Some("2024-06-17"));
    }

    #[test]
    fn no_body_is_empty() {
        assert_eq!(page("<html><head><title>Kosong</title></head><body><nav>menu</nav></body></html>").text, "");
        assert_eq!(page("<html><head><title>Kosong</title></head></html>").text, "");
    }

    #[test]
    fn fragments() {
        assert_eq!(fragment_text("<p>Satu &amp; dua.</p><p>Tiga</p>"), "Satu & dua.\n\nTiga");
    }
}
