//! Language identification per article with lingua, restricted to the languages Warta can tell apart
//! here (English, Indonesian, Malay). Indonesian and Malay are close, so Malay must clearly win.

use lingua::{Language, LanguageDetector, LanguageDetectorBuilder};

pub struct LanguageIdentifier {
    detector: LanguageDetector,
}

/// How far Malay's confidence must exceed Indonesian's before an article is called Malay.
const MALAY_MARGIN: f64 = 0.35;
/// Enough text to decide; longer articles are judged on their opening.
const SAMPLE_CHARS: usize = 3000;

impl Default for LanguageIdentifier {
    fn default() -> Self {
        Self::new()
    }
}

impl LanguageIdentifier {
    pub fn new() -> Self {
        let detector = LanguageDetectorBuilder::from_languages(&[Language::English, Language::Indonesian, Language::Malay]).build();
        LanguageIdentifier { detector }
    }

    /// ISO 639-1 code of the article's language, or None when the text has no letters to judge.
    pub fn identify(&self, text: &str) -> Option<&'static str> {
        let sample: String = text.chars().take(SAMPLE_CHARS).collect();
        if sample.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            return None;
        }
        let conf = self.detector.compute_language_confidence_values(&sample);
        let of = |l: Language| conf.iter().find(|(x, _)| *x == l).map(|(_, c)| *c).unwrap_or(0.0);
        let (en, id, ms) = (of(Language::English), of(Language::Indonesian), of(Language::Malay));
        if en > id + ms {
            Some("en")
        } else if ms > id + MALAY_MARGIN {
            Some("ms")
        } else {
            Some("id")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_indonesian_english_and_malay_apart() {
        let l = LanguageIdentifier::new();
        assert_eq!(l.identify("Presiden Rusia mengunjungi Korea Utara dan menandatangani perjanjian pertahanan bersama pada hari Rabu."), Some("id"));
        assert_eq!(l.identify("The Russian president visited North Korea on Wednesday and signed a mutual defence treaty."), Some("en"));
        assert_eq!(
            l.identify("Kerajaan Malaysia akan membentangkan belanjawan tambahan bulan hadapan, kata Perdana Menteri kepada pemberita di Putrajaya semalam. Beliau berkata kerajaan perlu memastikan rakyat tidak terbeban dengan kenaikan harga barang keperluan."),
            Some("ms")
        );
        assert_eq!(l.identify("12345 ..."), None);
    }
}
