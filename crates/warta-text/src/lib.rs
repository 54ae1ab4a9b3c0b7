//! Text layer of Warta: splits an article into paragraphs, sentences and tokens, each carrying both byte
//! offsets (for slicing) and Unicode code point offsets (what the output contract promises).
//!
//! It is language-agnostic: the only language knowledge it takes is the set of abbreviations after which
//! a period does not end a sentence ("Dr.", "Jl.", "Sept."), which the caller reads from a language pack.
//! Everything runs in one pass over the text, so time is linear in article length.

use std::collections::HashSet;

/// What a token is made of; later stages mostly care about words and numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens or apostrophes ("Jong-un", "Kim's").
    Word,
    /// Digits, possibly with inner '.', ',', ':' between digits ("10.00", "2,5").
    Number,
    /// One punctuation or symbol character.
    Punct,
}

#[derive(Debug, Clone)]
pub struct Token {
    /// Byte range into the text.
    pub start: usize,
    pub end: usize,
    /// Code point range into the text.
    pub cstart: usize,
    pub cend: usize,
    pub kind: TokenKind,
    /// Lower-cased form, used for all dictionary matching.
    pub lower: String,
    /// True when a newline or other whitespace precedes the token.
    pub space_before: bool,
}

#[derive(Debug, Clone)]
pub struct Sentence {
    /// Token index range.
    pub tokens: std::ops::Range<usize>,
    pub paragraph: usize,
}

/// A segmented article.
#[derive(Debug)]
pub struct Doc<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub paragraph_count: usize,
}

impl<'a> Doc<'a> {
    pub fn token_text(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// The text from the start of token `a` to the end of token `b - 1`.
    pub fn span_text(&self, a: usize, b: usize) -> &'a str {
        if a >= b {
            return "";
        }
        &self.text[self.tokens[a].start..self.tokens[b - 1].end]
    }

    /// Byte range of a sentence.
    pub fn sentence_bytes(&self, s: usize) -> (usize, usize) {
        let r = &self.sentences[s].tokens;
        (self.tokens[r.start].start, self.tokens[r.end - 1].end)
    }

    /// Code point range of a sentence.
    pub fn sentence_chars(&self, s: usize) -> (usize, usize) {
        let r = &self.sentences[s].tokens;
        (self.tokens[r.start].cstart, self.tokens[r.end - 1].cend)
    }

    /// Index of the sentence holding token `t` (binary search; sentences are in order).
    pub fn sentence_of(&self, t: usize) -> usize {
        self.sentences.partition_point(|s| s.tokens.end <= t)
    }

    /// True if the token starts with an upper-case letter.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.token_text(i).chars().next().is_some_and(char::is_uppercase)
    }
}

/// Characters that may open or close a quotation.
pub fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_mark(c)
}

fn is_mark(c: char) -> bool {
    // Combining marks keep decomposed accents inside their word.
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Splits `text` into tokens; linear in its length.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte_at = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut tokens = Vec::with_capacity(n / 5 + 1);
    let mut i = 0;
    let mut space_before = true;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() || c.is_control() {
            space_before = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if is_word_char(c) {
            let mut j = i + 1;
            let mut all_digits = c.is_ascii_digit();
            while j < n {
                let d = chars[j].1;
                if is_word_char(d) {
                    all_digits &= d.is_ascii_digit();
                    j += 1;
                    continue;
                }
                // Inner joiners: "Jong-un", "Jum'at", "10.00", "2,5" — only between two word characters.
                // A possessive "'s" stays a token of its own ("Russia" + "'s"), so the name still matches.
                let next = chars.get(j + 1).map(|p| p.1);
                let possessive = matches!(d, '\'' | '’')
                    && matches!(next, Some('s' | 'S'))
                    && !chars.get(j + 2).is_some_and(|p| p.1.is_alphanumeric());
                let joins = match d {
                    '-' | '\u{2011}' | '\'' | '’' => next.is_some_and(|x| x.is_alphanumeric()) && !all_digits && !possessive,
                    '.' | ',' | ':' => all_digits && next.is_some_and(|x| x.is_ascii_digit()),
                    _ => false,
                };
                if joins {
                    j += 2;
                    if let Some(x) = next {
                        all_digits &= x.is_ascii_digit();
                    }
                } else {
                    break;
                }
            }
            kind = if all_digits || chars[start].1.is_ascii_digit() && text[byte_at(start)..byte_at(j)].chars().all(|x| !x.is_alphabetic()) {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            i = j;
        } else if matches!(c, '\'' | '’') && (i == 0 || is_word_char(chars[i - 1].1)) && matches!(chars.get(i + 1).map(|p| p.1), Some('s' | 'S')) && !chars.get(i + 2).is_some_and(|p| p.1.is_alphanumeric()) {
            kind = TokenKind::Word;
            i += 2;
        } else {
            kind = TokenKind::Punct;
            i += 1;
        }
        let (bs, be) = (byte_at(start), byte_at(i));
        tokens.push(Token {
            start: bs,
            end: be,
            cstart: start,
            cend: i,
            kind,
            lower: text[bs..be].to_lowercase(),
            space_before,
        });
        space_before = false;
    }
    tokens
}

/// Segments an article. `abbreviations` holds lower-cased words (without the period) after which a period
/// is part of the abbreviation, not the end of a sentence.
pub fn segment<'a>(text: &'a str, abbreviations: &HashSet<String>) -> Doc<'a> {
    let tokens = tokenize(text);
    let mut sentences = Vec::new();
    let mut paragraph = 0;
    let mut start = 0;
    let newline_between = |a: usize, b: usize| text[tokens[a].end..tokens[b].start].contains('\n');
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let last = i + 1 == tokens.len();
        let mut boundary = last;
        let mut new_paragraph = false;
        if !last && newline_between(i, i + 1) {
            boundary = true;
            new_paragraph = true;
        } else if !last && t.kind == TokenKind::Punct && is_terminal(&text[t.start..t.end]) {
            // Swallow closing quotes and brackets that belong to this sentence: `global”.` or `dekat.”`
            let mut j = i + 1;
            while j < tokens.len() && !tokens[j].space_before && is_closer(&text[tokens[j].start..tokens[j].end]) {
                j += 1;
            }
            // An initial keeps its point even in text tokenised with spaces ("Stephen R . Covey"), and so
            // does a capitalised abbreviation before another capital ("Prof . Dr . Zulman").
            let abbrev = t.lower == "." && i > start && tokens[i - 1].kind == TokenKind::Word && {
                let prev = &text[tokens[i - 1].start..tokens[i - 1].end];
                let spaced_title = || prev.starts_with(char::is_uppercase) && j < tokens.len() && starts_sentence(text, &tokens[j]) && !is_terminal(&text[tokens[j].start..tokens[j].end]);
                abbreviations.contains(&tokens[i - 1].lower) && (!tokens[i].space_before || spaced_title()) || is_initial(prev)
            };
            if !abbrev && j < tokens.len() && starts_sentence(text, &tokens[j]) && tokens[j].space_before {
                i = j - 1;
                boundary = true;
                if j < tokens.len() && newline_between(j - 1, j) {
                    new_paragraph = true;
                }
            } else if !abbrev && j >= tokens.len() {
                i = j - 1;
                boundary = true;
            }
        }
        if boundary {
            let end = (i + 1).min(tokens.len());
            if end > start {
                sentences.push(Sentence { tokens: start..end, paragraph });
            }
            start = end;
            if new_paragraph && end < tokens.len() && text[tokens[end - 1].end..tokens[end].start].contains('\n') {
                paragraph += 1;
            }
        }
        i += 1;
    }
    let paragraph_count = if sentences.is_empty() { 0 } else { paragraph + 1 };
    Doc { text, tokens, sentences, paragraph_count }
}

fn is_terminal(p: &str) -> bool {
    matches!(p, "." | "!" | "?" | "…")
}

fn is_closer(p: &str) -> bool {
    matches!(p, "”" | "\"" | "’" | "'" | "»" | ")" | "]" | "." | "!" | "?")
}

fn is_initial(word: &str) -> bool {
    let mut cs = word.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
}

fn starts_sentence(text: &str, t: &Token) -> bool {
    let c = text[t.start..].chars().next().unwrap_or(' ');
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '«' | '(' | '‘' | '[' | '-' | '–' | '—')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn abbrevs() -> HashSet<String> {
        ["dr", "jl", "sept", "prof"].iter().map(|s| s.to_string()).collect()
    }

    fn sentences(text: &str) -> Vec<String> {
        let d = segment(text, &abbrevs());
        (0..d.sentences.len()).map(|s| {
            let (a, b) = d.sentence_bytes(s);
            text[a..b].to_string()
        }).collect()
    }

    #[test]
    fn offsets_are_code_points() {
        let text = "“Kami” di Jepang";
        let toks = tokenize(text);
        assert_eq!(toks[0].cstart, 0);
        assert_eq!(toks[1].cstart, 1);
        assert_eq!(toks[1].cend, 5);
        assert_eq!(toks[3].cstart, 7);
        let chars: Vec<char> = text.chars().collect();
        let s: String = chars[toks[4].cstart..toks[4].cend].iter().collect();
        assert_eq!(s, "Jepang");
    }

    #[test]
    fn hyphenated_names_and_times_stay_whole() {
        let toks = tokenize("Kim Jong-un pukul 10.00 WIB, 19/6/2024");
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(words, ["kim", "jong-un", "pukul", "10.00", "wib", ",", "19", "/", "6", "/", "2024"]);
        assert_eq!(toks[3].kind, TokenKind::Number);
    }

    #[test]
    fn possessive_s_is_its_own_token() {
        let toks = tokenize("Russia's minister, Jum'at, didn't");
        let words: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        assert_eq!(words, ["russia", "'s", "minister", ",", "jum'at", ",", "didn't"]);
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let s = sentences("Dr. Budi tinggal di Jl. Merdeka. Ia lahir 5 Sept. 1960 di Bandung. J. Smith datang.");
        assert_eq!(s, ["Dr. Budi tinggal di Jl. Merdeka.", "Ia lahir 5 Sept. 1960 di Bandung.", "J. Smith datang."]);
        // Text tokenised with spaces, as CoNLL files are: an initial still keeps its point.
        let s = sentences("Karya Arifin C . Noer dipentaskan . Ia hadir .");
        assert_eq!(s, ["Karya Arifin C . Noer dipentaskan .", "Ia hadir ."]);
        let s = sentences("Program dibuka Prof . Dr . Zulman Utama . Dr . Budi hadir .");
        assert_eq!(s, ["Program dibuka Prof . Dr . Zulman Utama .", "Dr . Budi hadir ."]);
    }

    #[test]
    fn title_and_byline_lines_are_sentences() {
        let s = sentences("Judul Berita Besar\n\noleh Zhao Fenghua\n\nPutin tiba. Dia disambut.");
        assert_eq!(s, ["Judul Berita Besar", "oleh Zhao Fenghua", "Putin tiba.", "Dia disambut."]);
        let d = segment("A b\n\nC d.\nE f.", &abbrevs());
        assert_eq!(d.sentences.iter().map(|s| s.paragraph).collect::<Vec<_>>(), [0, 1, 2]);
    }

    #[test]
    fn parenthesised_date_and_closing_quotes() {
        let s = sentences("Putin tiba pada Rabu (19 Juni). Hal ini menarik. Ia berkata: “Ini global”. Lalu pergi.");
        assert_eq!(s, ["Putin tiba pada Rabu (19 Juni).", "Hal ini menarik.", "Ia berkata: “Ini global”.", "Lalu pergi."]);
        let s = sentences("“Kami prihatin,” kata Blinken. (sin)");
        assert_eq!(s, ["“Kami prihatin,” kata Blinken.", "(sin)"]);
        let s = sentences("Ia berkata: “Eropa harus bersatu.”");
        assert_eq!(s, ["Ia berkata: “Eropa harus bersatu.”"]);
    }

    #[test]
    fn lower_case_after_period_is_no_boundary() {
        let s = sentences("Harga naik 2.5 persen. dan seterusnya");
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn empty_and_whitespace_text() {
        assert!(segment("", &abbrevs()).sentences.is_empty());
        assert!(segment(" \n\n\t ", &abbrevs()).sentences.is_empty());
    }
}
