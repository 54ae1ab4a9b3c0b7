//! `warta bench`: extraction throughput on a corpus generated from the bundled example articles, reported
//! against a baseline measured in the same process (segmentation alone), plus a linearity check: the
//! cost per byte of long articles relative to short ones, and English text against Indonesian per byte.

use std::process::ExitCode;
use std::time::Instant;
use warta_core::Article;

/// The bundled Indonesian examples; their paragraphs are recombined into articles. Real news repeats
/// less vocabulary than this corpus, which flatters the word-analysis cache.
const EXAMPLES: &[&str] = &[
    include_str!("../../../examples/seed-id.txt"),
    include_str!("../../../examples/id-protes-jakarta.txt"),
    include_str!("../../../examples/id-sanksi-diplomat.txt"),
    include_str!("../../../examples/id-gempa-bantuan.txt"),
    include_str!("../../../examples/id-insiden-natuna.txt"),
];

/// The bundled English example (the seed article rewritten), for English throughput.
const ENGLISH: &[&str] = &[include_str!("../../../examples/en-seed.txt")];

/// A small deterministic generator, so every run measures the same corpus.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

fn paragraphs(articles: &[&'static str]) -> Vec<&'static str> {
    articles.iter().flat_map(|a| a.split("\n\n")).map(str::trim).filter(|p| p.len() > 40).collect()
}

/// Indonesian articles of `min..=max` paragraphs drawn from the examples.
fn corpus(n: usize, min: usize, max: usize, seed: u64) -> Vec<Article> {
    corpus_from(EXAMPLES, "id", n, min, max, seed)
}

fn corpus_from(articles: &[&'static str], lang: &str, n: usize, min: usize, max: usize, seed: u64) -> Vec<Article> {
    let paras = paragraphs(articles);
    let mut rng = Lcg(seed);
    (0..n)
        .map(|i| {
            let k = min + rng.next(max - min + 1);
            let text = (0..k).map(|_| paras[rng.next(paras.len())]).collect::<Vec<_>>().join("\n\n");
            Article { id: i.to_string(), text, lang: Some(lang.into()), published: Some("2024-06-19".into()), ..Default::default() }
        })
        .collect()
}

fn time<F: FnMut()>(mut f: F) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64()
}

pub fn run(n: usize) -> Result<ExitCode, String> {
    let ex = crate::extractor(None)?;
    let docs = corpus(n.max(10), 3, 12, 42);
    let bytes: usize = docs.iter().map(|a| a.text.len()).sum();
    let abbrevs = std::collections::HashSet::new();
    // Warm up caches (gazetteer, CLDR names) before timing.
    ex.extract(&docs[0]);
    let mut events = 0;
    let t_extract = time(|| {
        for a in &docs {
            events += ex.extract(a).events.len();
        }
    });
    let mut sentences = 0;
    let t_segment = time(|| {
        for a in &docs {
            sentences += warta_text::segment(&a.text, &abbrevs).sentences.len();
        }
    });
    println!("corpus: {} articles, {:.2} MB, {sentences} sentences, {events} events", docs.len(), bytes as f64 / 1e6);
    println!("extract:  {:>9.1} articles/s  {:>7.2} MB/s  ({:.3} s)", docs.len() as f64 / t_extract, bytes as f64 / 1e6 / t_extract, t_extract);
    println!("baseline: {:>9.1} articles/s  {:>7.2} MB/s  (segmentation only, {:.3} s)", docs.len() as f64 / t_segment, bytes as f64 / 1e6 / t_segment, t_segment);
    println!("ratio extract/segmentation: {:.1}x", t_extract / t_segment);

    // Linearity: per-byte cost of articles 1x, 4x and 16x as long.
    println!("linearity (cost per byte relative to 1x-length articles):");
    let mut base = 0.0;
    for (i, scale) in [1usize, 4, 16].into_iter().enumerate() {
        let docs = corpus(64 / scale, 4 * scale, 4 * scale, 7);
        let b: usize = docs.iter().map(|a| a.text.len()).sum();
        let t = time(|| {
            for a in &docs {
                ex.extract(a);
            }
        });
        let per_byte = t / b as f64;
        if i == 0 {
            base = per_byte;
        }
        println!("  {scale:>2}x length: {:>8.0} bytes/article  {:.2}x", b as f64 / docs.len() as f64, per_byte / base);
    }

    // English against Indonesian, per byte, on corpora of the same shape measured back to back.
    let en = corpus_from(ENGLISH, "en", n.max(10) / 4, 3, 12, 42);
    let id = corpus(n.max(10) / 4, 3, 12, 42);
    ex.extract(&en[0]);
    let rate = |docs: &[Article]| {
        let b: usize = docs.iter().map(|a| a.text.len()).sum();
        b as f64 / 1e6 / time(|| docs.iter().for_each(|a| drop(ex.extract(a))))
    };
    let (en_rate, id_rate) = (rate(&en), rate(&id));
    println!("english: {en_rate:.2} MB/s, indonesian {id_rate:.2} MB/s: english runs at {:.2}x the indonesian rate", en_rate / id_rate);
    Ok(ExitCode::SUCCESS)
}
