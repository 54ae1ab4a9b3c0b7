//! A trainable named-entity layer: a BIO sequence tagger (PER, ORG, LOC) that users train on their own
//! CoNLL data to correct Warta's rule-based name tagger.
//!
//! The model is an averaged structured perceptron (Collins 2002) decoded with Viterbi over tag bigrams,
//! with BIO constraints (an `I-X` only continues an `X`). Each token is described by its form (lower-cased
//! word, shape, prefixes and suffixes, capitals, sentence-initial position), its neighbours (the word each
//! side, the shapes of two each side), the word lists it and its neighbours are in and, the key feature,
//! the rule tagger's own BIO tag for it and its neighbours: so the model learns where the rules go wrong on
//! the user's data.
//!
//! Trained on a few hundred sentences the perceptron also learns noise, so it keeps a *rule weight*: a
//! bonus for the rule tagger's own tag, added at decoding. Training chooses it by cross-validation on the
//! training data (from plain model to rules alone), so the model departs from the rules only as far as
//! departing paid on sentences it had not seen.
//!
//! The crate knows no language. Word lists come in as bits that the caller defines (`Token::lists`), and
//! the caller must set them the same way when training and when tagging. Training is deterministic (a
//! fixed shuffle seed) and the model file is a small binary format with a text header and a version.

use std::collections::HashMap;
use std::path::Path;

/// The tags, in model order. `0` is outside every name.
pub const TAGS: [&str; 7] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];
const N: usize = TAGS.len();
/// Row of the transition table for the start of a sentence.
const START: usize = N;
const MAGIC: &str = "warta-ner";
const VERSION: u32 = 2;
/// Rule weights tried by cross-validation, in units of perceptron updates; the last keeps the rules' tags
/// wherever they are allowed.
const RULE_WEIGHTS: [f32; 8] = [0.0, 2.0, 5.0, 10.0, 20.0, 40.0, 80.0, 1e6];
/// Folds of the cross-validation that chooses the rule weight.
const FOLDS: usize = 5;

/// The tag index of a BIO tag such as "B-PER"; `None` for a tag the model does not know.
pub fn tag_index(tag: &str) -> Option<usize> {
    TAGS.iter().position(|t| *t == tag)
}

/// The label ("PER", "ORG", "LOC") of a tag index, `None` for O.
pub fn label_of(tag: usize) -> Option<&'static str> {
    TAGS.get(tag).and_then(|t| t.get(2..))
}

fn is_begin(tag: usize) -> bool {
    tag % 2 == 1
}

/// `I-X` may only follow `B-X` or `I-X`.
fn allowed(prev: usize, tag: usize) -> bool {
    tag == 0 || is_begin(tag) || prev != START && prev != 0 && (prev + 1) / 2 == (tag + 1) / 2
}

/// One token of a sentence as the tagger sees it.
#[derive(Debug, Clone)]
pub struct Token {
    pub text: String,
    /// The rule tagger's tag for this token (an index into `TAGS`).
    pub rule: usize,
    /// Word lists the token is in, one bit per list, as the caller defines them.
    pub lists: u32,
}

/// Name spans `(start, end, label)` of a tag sequence, end exclusive. An `I-X` that does not continue an
/// `X` opens a span, as conlleval reads it.
pub fn spans(tags: &[usize]) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().chain(std::iter::once(&0)).enumerate() {
        let continues = t != 0 && !is_begin(t) && open.is_some_and(|(_, l)| (l + 1) / 2 == (t + 1) / 2);
        if let Some((s, l)) = open {
            if !continues {
                out.push((s, i, label_of(l).unwrap_or("O")));
                open = None;
            }
        }
        if t != 0 && open.is_none() {
            open = Some((i, t));
        }
    }
    out
}

/// FNV-1a: a hash that is the same on every platform and build, so model files travel.
fn fnv(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| (h ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// The hash of feature `kind` with value `parts` joined by '|', without building the string.
fn hash_parts(kind: &str, parts: &[&str]) -> u64 {
    let mut h = fnv(fnv(0xcbf2_9ce4_8422_2325, kind.as_bytes()), &[0x1f]);
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            h = fnv(h, b"|");
        }
        h = fnv(h, p.as_bytes());
    }
    h
}

fn hash(kind: &str, value: &str) -> u64 {
    hash_parts(kind, &[value])
}

const BITS: [&str; 32] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20",
    "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31",
];

/// The coarse shape of a word: "Xx" (capitalised), "XX" (capitals), "X" (one capital), "x" (lower case),
/// "d" (digits), "p" (punctuation) or "mixed".
pub fn shape(w: &str) -> &'static str {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return if w.chars().any(|c| c.is_numeric()) { "d" } else { "p" };
    }
    if w.chars().any(|c| c.is_numeric()) {
        return "mixed";
    }
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    match (upper, letters[0].is_uppercase()) {
        (0, _) => "x",
        (1, true) if letters.len() == 1 => "X",
        (1, true) => "Xx",
        (u, _) if u == letters.len() => "XX",
        _ => "mixed",
    }
}

/// The detailed shape: each character as X, x, d or itself, runs collapsed ("Al-Azhar" → "Xx-Xx").
fn long_shape(w: &str) -> String {
    let mut out = String::new();
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !out.ends_with(k) {
            out.push(k);
        }
    }
    out
}

fn opens_sentence(w: &str) -> bool {
    matches!(w, "." | "!" | "?" | ":" | "\"" | "“" | "(" | "-" | "–" | "—")
}

/// Hashed features of every token of a sentence.
pub fn features(sent: &[Token]) -> Vec<Vec<u64>> {
    let lower: Vec<String> = sent.iter().map(|t| t.text.to_lowercase()).collect();
    let shapes: Vec<&str> = sent.iter().map(|t| shape(&t.text)).collect();
    let word = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else {
            lower.get(i as usize).map_or("</s>", String::as_str)
        }
    };
    let shape_at = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else {
            shapes.get(i as usize).copied().unwrap_or("</s>")
        }
    };
    let rule_at = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else {
            sent.get(i as usize).map_or("</s>", |t| TAGS.get(t.rule).copied().unwrap_or("O"))
        }
    };
    let lists_at = |i: isize| -> u32 { if i < 0 { 0 } else { sent.get(i as usize).map_or(0, |t| t.lists) } };
    let mut out = Vec::with_capacity(sent.len());
    for (k, t) in sent.iter().enumerate() {
        let i = k as isize;
        let w = word(i);
        let s = shapes[k];
        let initial = (0..k).all(|j| shapes[j] == "p") || k > 0 && opens_sentence(&lower[k - 1]);
        let r = rule_at(i);
        let mut f = vec![
            hash("bias", ""),
            hash("w", w),
            hash("s", s),
            hash("S", &long_shape(&t.text)),
            hash_parts("init|s", &[if initial { "true" } else { "false" }, s]),
            hash("r", r),
            hash_parts("r|s", &[r, s]),
            hash_parts("r|w", &[r, w]),
            hash_parts("r-1|r", &[rule_at(i - 1), r]),
            hash_parts("r|r+1", &[r, rule_at(i + 1)]),
            // Words one step away only, and no word bigrams: with the few hundred sentences a user
            // annotates, wider word context memorises more than it generalises (measured by
            // cross-validation); shapes two steps away do help.
            hash("w-1", word(i - 1)),
            hash("w+1", word(i + 1)),
            hash("s-1", shape_at(i - 1)),
            hash("s-2", shape_at(i - 2)),
            hash("s+1", shape_at(i + 1)),
            hash("s+2", shape_at(i + 2)),
            hash_parts("s-1|s|s+1", &[shape_at(i - 1), s, shape_at(i + 1)]),
        ];
        let bounds: Vec<usize> = w.char_indices().map(|(b, _)| b).chain(std::iter::once(w.len())).collect();
        let len = bounds.len() - 1;
        for n in 1..=4.min(len.saturating_sub(1)) {
            f.push(hash(["p1", "p2", "p3", "p4"][n - 1], &w[..bounds[n]]));
            f.push(hash(["x1", "x2", "x3", "x4"][n - 1], &w[bounds[len - n]..]));
        }
        for (rel, name) in [(0, "l"), (-1, "l-1"), (1, "l+1"), (-2, "l-2")] {
            let bits = lists_at(i + rel);
            for b in 0..32 {
                if bits & (1 << b) != 0 {
                    f.push(hash(name, BITS[b]));
                    if rel == 0 {
                        f.push(hash_parts("l|s", &[BITS[b], s]));
                    }
                }
            }
        }
        out.push(f);
    }
    out
}

/// Best tag sequence under emission scores `em[i][tag]` and transitions `tr[prev][tag]` (row `START` for
/// the first token), within the BIO constraints.
fn viterbi(em: &[[f64; N]], tr: &[[f64; N]; N + 1]) -> Vec<usize> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![[f64::NEG_INFINITY; N]; n];
    let mut back = vec![[0usize; N]; n];
    for t in 0..N {
        if allowed(START, t) {
            score[0][t] = tr[START][t] + em[0][t];
        }
    }
    for i in 1..n {
        for t in 0..N {
            for p in 0..N {
                if !allowed(p, t) || score[i - 1][p] == f64::NEG_INFINITY {
                    continue;
                }
                let s = score[i - 1][p] + tr[p][t] + em[i][t];
                if s > score[i][t] {
                    score[i][t] = s;
                    back[i][t] = p;
                }
            }
        }
    }
    let mut best = (0..N).fold(0, |b, t| if score[n - 1][t] > score[n - 1][b] { t } else { b });
    let mut out = vec![0; n];
    for i in (0..n).rev() {
        out[i] = best;
        best = back[i][best];
    }
    out
}

/// A trained tagger.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The language pack the model was trained with (its features come from that pack's word lists).
    pub lang: String,
    weights: HashMap<u64, [f32; N]>,
    transitions: [[f32; N]; N + 1],
    /// Bonus added to the rules' tag of every token when decoding.
    pub rule_weight: f32,
}

/// What the cross-validation behind a model's rule weight measured: micro F1 over held-out folds of
/// the training data, for the rules alone and for the model with the chosen weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Validation {
    pub rules_f1: f64,
    pub model_f1: f64,
}

impl Model {
    /// Tags one sentence; returns tag indexes.
    pub fn tag(&self, sent: &[Token]) -> Vec<usize> {
        let feats = features(sent);
        let em: Vec<[f64; N]> = feats
            .iter()
            .zip(sent)
            .map(|(fs, tok)| {
                let mut e = [0.0; N];
                for w in fs.iter().filter_map(|f| self.weights.get(f)) {
                    for t in 0..N {
                        e[t] += w[t] as f64;
                    }
                }
                if let Some(r) = e.get_mut(tok.rule) {
                    *r += self.rule_weight as f64;
                }
                e
            })
            .collect();
        let mut tr = [[0.0; N]; N + 1];
        for (r, row) in self.transitions.iter().enumerate() {
            for t in 0..N {
                tr[r][t] = row[t] as f64;
            }
        }
        viterbi(&em, &tr)
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The model file: a text header (magic, version, language, tags, rule weight, feature count) ended by "data\n",
    /// then little-endian binary: the transition table, then each feature's hash and weights, sorted by
    /// hash so the same model always gives the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = format!("{MAGIC}\nversion {VERSION}\nlang {}\ntags {}\nrule_weight {}\nfeatures {}\ndata\n", self.lang, TAGS.join(" "), self.rule_weight, self.weights.len()).into_bytes();
        for row in &self.transitions {
            for w in row {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        let mut keys: Vec<&u64> = self.weights.keys().collect();
        keys.sort();
        for k in keys {
            out.extend_from_slice(&k.to_le_bytes());
            for w in &self.weights[k] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by `to_bytes`; the error says what is wrong, without the file name.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let mut rest = bytes;
        let mut line = || -> Result<&str, String> {
            let end = rest.iter().position(|&b| b == b'\n').ok_or("truncated header")?;
            let l = std::str::from_utf8(&rest[..end]).map_err(|_| "header is not text")?;
            rest = &rest[end + 1..];
            Ok(l)
        };
        if line().ok() != Some(MAGIC) {
            return Err("not a warta NER model (bad magic line)".into());
        }
        // Version 1 files have no rule weight: they decode as they always did, with none.
        let version = line()?;
        let old = version == "version 1";
        if !old && version != format!("version {VERSION}") {
            return Err(format!("unsupported model {version:?}; this build reads versions 1 and {VERSION}"));
        }
        let lang = line()?.strip_prefix("lang ").ok_or("no lang line")?.to_string();
        let tags = line()?;
        if tags != format!("tags {}", TAGS.join(" ")) {
            return Err(format!("unexpected tag set {tags:?}"));
        }
        let rule_weight = if old { 0.0 } else { line()?.strip_prefix("rule_weight ").and_then(|w| w.parse::<f32>().ok()).filter(|w| w.is_finite()).ok_or("bad rule_weight line")? };
        let count: usize = line()?.strip_prefix("features ").and_then(|c| c.parse().ok()).ok_or("bad features line")?;
        if line()? != "data" {
            return Err("no data line".into());
        }
        let record = 8 + 4 * N;
        let table = 4 * N * (N + 1);
        if rest.len() != table + count.checked_mul(record).ok_or("feature count overflows")? {
            return Err(format!("data is {} bytes, expected {} for {count} features", rest.len(), table + count * record));
        }
        let f32_at = |b: &[u8], k: usize| f32::from_le_bytes([b[k], b[k + 1], b[k + 2], b[k + 3]]);
        let mut transitions = [[0f32; N]; N + 1];
        for (r, row) in transitions.iter_mut().enumerate() {
            for (t, w) in row.iter_mut().enumerate() {
                *w = f32_at(rest, 4 * (r * N + t));
            }
        }
        let mut weights = HashMap::with_capacity(count);
        for rec in rest[table..].chunks_exact(record) {
            let key = u64::from_le_bytes(rec[..8].try_into().map_err(|_| "bad record")?);
            let mut w = [0f32; N];
            for (t, x) in w.iter_mut().enumerate() {
                *x = f32_at(rec, 8 + 4 * t);
            }
            weights.insert(key, w);
        }
        Ok(Model { lang, weights, transitions, rule_weight })
    }

    pub fn save(&self, path: &Path) -> Result<(), String> {
        std::fs::write(path, self.to_bytes()).map_err(|e| format!("{}: cannot write model: {e}", path.display()))
    }

    /// Loads a model file; every error names the file.
    pub fn load(path: &Path) -> Result<Model, String> {
        let bytes = std::fs::read(path).map_err(|e| format!("{}: cannot read model: {e}", path.display()))?;
        Model::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// A sentence with its gold tags, for training.
#[derive(Clone)]
pub struct Example {
    pub tokens: Vec<Token>,
    pub gold: Vec<usize>,
}

/// Weights being learnt, with the sums the averaged perceptron needs (Daumé's trick: the average is
/// `w - u / c`, where `u` accumulates each update times the step it happened at).
struct Learner {
    index: HashMap<u64, usize>,
    w: Vec<[f64; N]>,
    u: Vec<[f64; N]>,
    tw: [[f64; N]; N + 1],
    tu: [[f64; N]; N + 1],
    c: f64,
}

impl Learner {
    fn update(&mut self, f: u64, tag: usize, delta: f64) {
        let next = self.w.len();
        let k = *self.index.entry(f).or_insert(next);
        if k == next {
            self.w.push([0.0; N]);
            self.u.push([0.0; N]);
        }
        self.w[k][tag] += delta;
        self.u[k][tag] += self.c * delta;
    }

    fn emissions(&self, feats: &[Vec<u64>]) -> Vec<[f64; N]> {
        feats
            .iter()
            .map(|fs| {
                let mut e = [0.0; N];
                for &k in fs.iter().filter_map(|f| self.index.get(f)) {
                    for t in 0..N {
                        e[t] += self.w[k][t];
                    }
                }
                e
            })
            .collect()
    }
}

/// A small deterministic generator for the shuffle, so the same data always gives the same model.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Trains a model for `epochs` passes over the examples, shuffled each pass with a fixed seed, and sets
/// its rule weight by cross-validation (see the crate doc). `progress` is called after each pass of the
/// final training with the pass number and the number of sentences it tagged wrongly. Also returns what
/// the cross-validation measured; with fewer sentences than folds, the weight stays 0 and there is none.
pub fn train(examples: &[Example], lang: &str, epochs: usize, progress: impl FnMut(usize, usize)) -> (Model, Option<Validation>) {
    let mut model = perceptron(examples, lang, epochs, progress);
    if examples.len() < FOLDS {
        return (model, None);
    }
    // Span counts (tp, fp, fn) on the held-out folds: one row per rule weight, and the rules alone.
    let mut counts = [[0usize; 3]; RULE_WEIGHTS.len()];
    let mut rules = [0usize; 3];
    for fold in 0..FOLDS {
        let (train, test): (Vec<&Example>, Vec<&Example>) = {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            for (k, e) in examples.iter().enumerate() {
                if k % FOLDS == fold { b.push(e) } else { a.push(e) }
            }
            (a, b)
        };
        let train: Vec<Example> = train.into_iter().cloned().collect();
        let mut m = perceptron(&train, lang, epochs, |_, _| {});
        for e in &test {
            let ruled: Vec<usize> = e.tokens.iter().map(|t| t.rule).collect();
            add_counts(&mut rules, &ruled, &e.gold);
        }
        for (k, &w) in RULE_WEIGHTS.iter().enumerate() {
            m.rule_weight = w;
            for e in &test {
                add_counts(&mut counts[k], &m.tag(&e.tokens), &e.gold);
            }
        }
    }
    // Ties go to the heavier weight: the rules unless the data says otherwise.
    let best = (0..RULE_WEIGHTS.len()).fold(0, |b, k| if f1(&counts[k]) >= f1(&counts[b]) { k } else { b });
    model.rule_weight = RULE_WEIGHTS[best];
    (model, Some(Validation { rules_f1: f1(&rules), model_f1: f1(&counts[best]) }))
}

/// Adds the span matches of `pred` against `gold` to `(tp, fp, fn)`.
fn add_counts(c: &mut [usize; 3], pred: &[usize], gold: &[usize]) {
    let (p, g) = (spans(pred), spans(gold));
    let tp = p.iter().filter(|s| g.contains(s)).count();
    c[0] += tp;
    c[1] += p.len() - tp;
    c[2] += g.len() - tp;
}

fn f1(c: &[usize; 3]) -> f64 {
    let d = 2 * c[0] + c[1] + c[2];
    if d == 0 { 0.0 } else { 2.0 * c[0] as f64 / d as f64 }
}

/// The averaged perceptron itself, with no rule weight.
fn perceptron(examples: &[Example], lang: &str, epochs: usize, mut progress: impl FnMut(usize, usize)) -> Model {
    let feats: Vec<Vec<Vec<u64>>> = examples.iter().map(|e| features(&e.tokens)).collect();
    let mut l = Learner { index: HashMap::new(), w: Vec::new(), u: Vec::new(), tw: [[0.0; N]; N + 1], tu: [[0.0; N]; N + 1], c: 1.0 };
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Lcg(0x5eed);
    for epoch in 1..=epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let mut wrong = 0;
        for &x in &order {
            let gold = &examples[x].gold;
            let pred = viterbi(&l.emissions(&feats[x]), &l.tw);
            if pred != *gold {
                wrong += 1;
                for i in 0..gold.len() {
                    if gold[i] != pred[i] {
                        for &f in &feats[x][i] {
                            l.update(f, gold[i], 1.0);
                            l.update(f, pred[i], -1.0);
                        }
                    }
                    let (pg, pp) = if i == 0 { (START, START) } else { (gold[i - 1], pred[i - 1]) };
                    if (pg, gold[i]) != (pp, pred[i]) {
                        l.tw[pg][gold[i]] += 1.0;
                        l.tu[pg][gold[i]] += l.c;
                        l.tw[pp][pred[i]] -= 1.0;
                        l.tu[pp][pred[i]] -= l.c;
                    }
                }
            }
            l.c += 1.0;
        }
        progress(epoch, wrong);
    }
    let avg = |w: f64, u: f64| (w - u / l.c) as f32;
    let mut weights = HashMap::with_capacity(l.index.len());
    for (&f, &k) in &l.index {
        let mut w = [0f32; N];
        for t in 0..N {
            w[t] = avg(l.w[k][t], l.u[k][t]);
        }
        if w.iter().any(|x| *x != 0.0) {
            weights.insert(f, w);
        }
    }
    let mut transitions = [[0f32; N]; N + 1];
    for r in 0..=N {
        for t in 0..N {
            transitions[r][t] = avg(l.tw[r][t], l.tu[r][t]);
        }
    }
    Model { lang: lang.to_string(), weights, transitions, rule_weight: 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tok(text: &str, rule: &str, lists: u32) -> Token {
        Token { text: text.into(), rule: tag_index(rule).unwrap(), lists }
    }

    /// Sentences "<cue> <Name> <verb> ..." where the cue word (list bit 0 for persons, bit 1 for places)
    /// decides the label and the rules always say PER.
    fn toy() -> Vec<Example> {
        let names = ["Budi", "Sari", "Tono", "Rina", "Joko", "Dewi", "Agus", "Wati"];
        let mut out = Vec::new();
        for (k, n) in names.iter().enumerate() {
            let (cue, bit, tag) = if k % 2 == 0 { ("kata", 1, "B-PER") } else { ("di", 2, "B-LOC") };
            out.push(Example {
                tokens: vec![tok("Hal", "O", 0), tok("itu", "O", 0), tok(cue, "O", bit), tok(n, "B-PER", 0), tok(".", "O", 0)],
                gold: vec![0, 0, 0, tag_index(tag).unwrap(), 0],
            });
        }
        out
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("Jakarta"), "Xx");
        assert_eq!(shape("KPK"), "XX");
        assert_eq!(shape("H"), "X");
        assert_eq!(shape("dan"), "x");
        assert_eq!(shape("2024"), "d");
        assert_eq!(shape("G20"), "mixed");
        assert_eq!(shape("McCain"), "mixed");
        assert_eq!(shape(","), "p");
        assert_eq!(long_shape("Al-Azhar"), "Xx-Xx");
        assert_eq!(long_shape("2,5"), "d,d");
    }

    #[test]
    fn features_see_neighbours_lists_and_rules() {
        let sent = vec![tok("di", "O", 2), tok("Bandung", "B-LOC", 0)];
        let f = features(&sent);
        assert!(f[1].contains(&hash("w-1", "di")));
        assert!(f[1].contains(&hash("l-1", "1")));
        assert!(f[1].contains(&hash("r", "B-LOC")));
        assert!(f[1].contains(&hash("p2", "ba")) && f[1].contains(&hash("x3", "ung")));
        assert!(f[0].contains(&hash("init|s", "true|x")) && f[1].contains(&hash("init|s", "false|Xx")));
        assert!(f[0].contains(&hash("w+1", "bandung")) && f[1].contains(&hash("w+1", "</s>")));
    }

    #[test]
    fn bio_spans_follow_conlleval() {
        let t = |s: &str| tag_index(s).unwrap();
        let tags = [t("B-PER"), t("I-PER"), t("O"), t("I-LOC"), t("B-ORG"), t("I-LOC")];
        assert_eq!(spans(&tags), vec![(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 6, "LOC")]);
    }

    #[test]
    fn training_learns_to_correct_the_rules() {
        let data = toy();
        let mut last = usize::MAX;
        let model = perceptron(&data, "xx", 10, |_, wrong| last = wrong);
        assert_eq!(last, 0, "the toy set is separable");
        for e in &data {
            assert_eq!(model.tag(&e.tokens), e.gold);
        }
        // A new name after a place cue is a place although the rules say person.
        let unseen = vec![tok("Hal", "O", 0), tok("itu", "O", 0), tok("di", "O", 2), tok("Garut", "B-PER", 0), tok(".", "O", 0)];
        assert_eq!(model.tag(&unseen)[3], tag_index("B-LOC").unwrap());
    }

    #[test]
    fn cross_validation_weighs_the_rules_by_how_right_they_are() {
        // Where the rules are wrong in a way the features show, the model must not lean on them.
        let (model, v) = train(&toy(), "xx", 10, |_, _| {});
        let v = v.unwrap();
        assert!(v.model_f1 > v.rules_f1, "{v:?}");
        assert!(model.rule_weight < RULE_WEIGHTS[RULE_WEIGHTS.len() - 1], "{}", model.rule_weight);
        // Where the rules are right and the annotator is not (a cue that means nothing, gold drawn at
        // random from it), the rules must win on held-out sentences.
        let mut noisy = Vec::new();
        let mut rng = Lcg(7);
        for k in 0..60 {
            let name = format!("Nama{k}");
            let gold = if rng.below(3) == 0 { "B-LOC" } else { "B-PER" };
            noisy.push(Example {
                tokens: vec![tok("kata", "O", 0), tok(&name, "B-PER", 0), tok(".", "O", 0)],
                gold: vec![0, tag_index(gold).unwrap(), 0],
            });
        }
        let (model, v) = train(&noisy, "xx", 10, |_, _| {});
        let v = v.unwrap();
        assert!(v.model_f1 >= v.rules_f1, "{v:?}");
        let unseen = vec![tok("kata", "O", 0), tok("Baru", "B-PER", 0), tok(".", "O", 0)];
        assert_eq!(model.tag(&unseen)[1], tag_index("B-PER").unwrap(), "rule weight {}", model.rule_weight);
    }

    #[test]
    fn version_1_models_load_without_rule_weight() {
        let (model, _) = train(&toy(), "id", 3, |_, _| {});
        let text = model.to_bytes();
        let cut = text.windows(5).position(|w| w == b"rule_").unwrap();
        let end = cut + text[cut..].iter().position(|&b| b == b'\n').unwrap() + 1;
        let mut v1 = text[..cut].to_vec();
        v1.extend_from_slice(&text[end..]);
        let at = v1.windows(9).position(|w| w == b"version 2").unwrap();
        v1[at + 8] = b'1';
        let back = Model::from_bytes(&v1).unwrap();
        assert_eq!(back.rule_weight, 0.0);
    }

    #[test]
    fn training_is_deterministic() {
        let (a, _) = train(&toy(), "xx", 5, |_, _| {});
        let (b, _) = train(&toy(), "xx", 5, |_, _| {});
        assert_eq!(a.to_bytes(), b.to_bytes());
    }

    #[test]
    fn decoding_respects_bio() {
        // Emissions favour I-PER first, which may not open a sentence, and I-LOC after a person.
        let i_per = tag_index("I-PER").unwrap();
        let mut em = vec![[0.0; N]; 2];
        em[0][i_per] = 5.0;
        em[0][tag_index("B-PER").unwrap()] = 1.0;
        em[0][tag_index("B-LOC").unwrap()] = -10.0;
        em[1][tag_index("I-LOC").unwrap()] = 5.0;
        em[1][i_per] = 1.0;
        assert_eq!(viterbi(&em, &[[0.0; N]; N + 1]), vec![tag_index("B-PER").unwrap(), i_per]);
    }

    #[test]
    fn model_round_trips_and_bad_files_are_named() {
        let (mut model, _) = train(&toy(), "id", 3, |_, _| {});
        assert!(!model.is_empty());
        model.rule_weight = 2.5;
        let dir = std::env::temp_dir().join(format!("warta-ner-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("m.bin");
        model.save(&path).unwrap();
        let back = Model::load(&path).unwrap();
        assert_eq!(back, model);
        assert_eq!(back.lang, "id");

        let bad = dir.join("bad.bin");
        std::fs::write(&bad, b"hello\n").unwrap();
        let e = Model::load(&bad).unwrap_err();
        assert!(e.contains("bad.bin") && e.contains("not a warta NER model"), "{e}");
        let mut cut = model.to_bytes();
        cut.truncate(cut.len() - 3);
        std::fs::write(&bad, &cut).unwrap();
        let e = Model::load(&bad).unwrap_err();
        assert!(e.contains("bad.bin") && e.contains("expected"), "{e}");
        let e = Model::load(&dir.join("missing.bin")).unwrap_err();
        assert!(e.contains("missing.bin"), "{e}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
