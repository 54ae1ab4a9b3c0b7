//! WARC archives as Common Crawl ships CC-NEWS: each record its own gzip member (`.warc.gz`), or plain
//! `.warc`. A corrupt gzip member is reported with its record number and byte offset, and reading resumes
//! at the next gzip member; a truncated record is reported and skipped.

use flate2::bufread::GzDecoder;
use std::io::{self, BufRead, Read};

/// Largest record body read into memory; larger records are reported and skipped.
pub const MAX_RECORD: u64 = 64 << 20;

/// A reader with its own buffer, so it can look ahead across refills and knows its byte offset.
pub struct Reader<R> {
    inner: R,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    /// Bytes consumed so far.
    pub pos: u64,
}

impl<R: Read> Reader<R> {
    pub fn new(inner: R) -> Self {
        Reader { inner, buf: vec![0; 1 << 16], start: 0, end: 0, pos: 0 }
    }

    /// Makes at least `n` bytes available unless the input ends first; returns how many are.
    fn ensure(&mut self, n: usize) -> io::Result<usize> {
        if self.end - self.start >= n {
            return Ok(self.end - self.start);
        }
        if self.start > 0 {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        if self.buf.len() < n {
            self.buf.resize(n, 0);
        }
        while self.end < n {
            match self.inner.read(&mut self.buf[self.end..]) {
                Ok(0) => break,
                Ok(k) => self.end += k,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(self.end - self.start)
    }

    /// Skips to the next gzip member header (`1f 8b 08`); false at end of input.
    pub fn seek_gzip_magic(&mut self) -> io::Result<bool> {
        loop {
            let avail = self.ensure(3)?;
            if avail < 3 {
                let n = avail;
                self.consume(n);
                return Ok(false);
            }
            let window = &self.buf[self.start..self.end];
            if let Some(i) = window.windows(3).position(|w| w == [0x1f, 0x8b, 0x08]) {
                self.consume(i);
                return Ok(true);
            }
            let skip = window.len() - 2;
            self.consume(skip);
        }
    }

    pub fn at_eof(&mut self) -> io::Result<bool> {
        Ok(self.ensure(1)? == 0)
    }

    pub fn starts_with(&mut self, magic: &[u8]) -> io::Result<bool> {
        let n = self.ensure(magic.len())?;
        Ok(n >= magic.len() && &self.buf[self.start..self.start + magic.len()] == magic)
    }
}

impl<R: Read> Read for Reader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(out.len());
        out[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Reader<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.start == self.end {
            self.ensure(1)?;
        }
        Ok(&self.buf[self.start..self.end])
    }

    fn consume(&mut self, n: usize) {
        let n = n.min(self.end - self.start);
        self.start += n;
        self.pos += n as u64;
    }
}

/// One WARC record: its header fields and its block.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Record {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

#[derive(Debug)]
pub enum RecordError {
    /// The block is shorter than its `Content-Length`.
    Truncated { expected: u64, got: u64 },
    Malformed(String),
    TooLarge(u64),
    Io(io::Error),
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::Truncated { expected, got } => {
                write!(f, "truncated WARC record (Content-Length {expected}, only {got} bytes)")
            }
            RecordError::Malformed(m) => write!(f, "malformed WARC record: {m}"),
            RecordError::TooLarge(n) => write!(f, "WARC record of {n} bytes is larger than {MAX_RECORD}; skipped"),
            RecordError::Io(e) => write!(f, "cannot read: {e}"),
        }
    }
}

impl From<io::Error> for RecordError {
    fn from(e: io::Error) -> Self {
        RecordError::Io(e)
    }
}

fn read_line(r: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<usize> {
    line.clear();
    r.by_ref().take(64 * 1024).read_until(b'\n', line)
}

/// Reads the next record; `Ok(None)` at the end of input (blank lines between records are skipped).
pub fn read_record(r: &mut impl BufRead) -> Result<Option<Record>, RecordError> {
    let mut line = Vec::new();
    // Version line, after any blank separator lines.
    loop {
        if read_line(r, &mut line)? == 0 {
            return Ok(None);
        }
        if !line.iter().all(|b| b.is_ascii_whitespace()) {
            break;
        }
    }
    let version = String::from_utf8_lossy(&line).trim().to_string();
    if !version.starts_with("WARC/") {
        return Err(RecordError::Malformed(format!("expected a WARC/1.x version line, found {:?}", truncate(&version, 40))));
    }
    let mut headers = Vec::new();
    loop {
        if read_line(r, &mut line)? == 0 {
            return Err(RecordError::Truncated { expected: 0, got: 0 });
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            break;
        }
        if let Some(cont) = text.strip_prefix([' ', '\t']) {
            if let Some((_, v)) = headers.last_mut() {
                let v: &mut String = v;
                v.push(' ');
                v.push_str(cont.trim());
            }
            continue;
        }
        let Some((k, v)) = text.split_once(':') else {
            return Err(RecordError::Malformed(format!("header line without a colon: {:?}", truncate(text, 60))));
        };
        headers.push((k.trim().to_string(), v.trim().to_string()));
    }
    let len: u64 = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("Content-Length"))
        .and_then(|(_, v)| v.parse().ok())
        .ok_or_else(|| RecordError::Malformed("no valid Content-Length".into()))?;
    if len > MAX_RECORD {
        let skipped = io::copy(&mut r.by_ref().take(len), &mut io::sink())?;
        if skipped < len {
            return Err(RecordError::Truncated { expected: len, got: skipped });
        }
        return Err(RecordError::TooLarge(len));
    }
    let mut body = Vec::with_capacity(len as usize);
    let got = r.by_ref().take(len).read_to_end(&mut body)? as u64;
    if got < len {
        return Err(RecordError::Truncated { expected: len, got });
    }
    // The record ends with two CRLFs.
    for _ in 0..2 {
        let buf = r.fill_buf()?;
        if buf.starts_with(b"\r\n") {
            r.consume(2);
        } else if buf.starts_with(b"\n") {
            r.consume(1);
        }
    }
    Ok(Some(Record { headers, body }))
}

fn truncate(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// What happened at one place in an archive.
pub enum Event {
    Record { number: usize, offset: u64, record: Record },
    Error { number: usize, offset: u64, message: String },
}

/// Reads every record of an archive (gzipped per record, or plain), calling `f` for each record and each
/// problem. Returns an error only when the input cannot be read at all.
pub fn read_archive<R: Read>(input: R, f: &mut dyn FnMut(Event)) -> io::Result<()> {
    let mut r = Reader::new(input);
    if r.starts_with(&[0x1f, 0x8b])? {
        read_gzipped(&mut r, f)
    } else {
        read_plain(&mut r, f)
    }
}

fn read_plain<R: Read>(r: &mut Reader<R>, f: &mut dyn FnMut(Event)) -> io::Result<()> {
    let mut number = 0;
    loop {
        let offset = r.pos;
        number += 1;
        match read_record(r) {
            Ok(None) => return Ok(()),
            Ok(Some(record)) => f(Event::Record { number, offset, record }),
            Err(e) => {
                f(Event::Error { number, offset, message: e.to_string() });
                match e {
                    // Too large was skipped whole; the next record follows.
                    RecordError::TooLarge(_) => {}
                    _ => return Ok(()),
                }
            }
        }
    }
}

fn read_gzipped<R: Read>(r: &mut Reader<R>, f: &mut dyn FnMut(Event)) -> io::Result<()> {
    let mut number = 0;
    let mut data = Vec::new();
    loop {
        if r.at_eof()? {
            return Ok(());
        }
        let offset = r.pos;
        number += 1;
        data.clear();
        let decoded = GzDecoder::new(&mut *r).take(MAX_RECORD + 1).read_to_end(&mut data);
        if let Err(e) = decoded {
            f(Event::Error { number, offset, message: format!("corrupt gzip member: {e}") });
            // Resume at the next member header after the start of the broken one.
            if r.pos == offset {
                r.consume(1);
            }
            if !r.seek_gzip_magic()? {
                return Ok(());
            }
            continue;
        }
        if data.len() as u64 > MAX_RECORD {
            f(Event::Error { number, offset, message: format!("gzip member larger than {MAX_RECORD} bytes; skipped") });
            if !r.seek_gzip_magic()? {
                return Ok(());
            }
            continue;
        }
        // Usually one record per member; read them all.
        let mut slice: &[u8] = &data;
        let mut first = true;
        loop {
            if !first {
                number += 1;
            }
            first = false;
            match read_record(&mut slice) {
                Ok(None) => {
                    if data.iter().all(|b| b.is_ascii_whitespace()) {
                        f(Event::Error { number, offset, message: "empty gzip member".into() });
                    } else {
                        number -= 1;
                    }
                    break;
                }
                Ok(Some(record)) => f(Event::Record { number, offset, record }),
                Err(e) => {
                    f(Event::Error { number, offset, message: e.to_string() });
                    break;
                }
            }
            if slice.iter().all(|b| b.is_ascii_whitespace()) {
                break;
            }
        }
    }
}

/// An HTTP response split into status code, headers and body.
pub struct HttpResponse<'a> {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: &'a [u8],
}

impl HttpResponse<'_> {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Parses the HTTP response stored in a `response` record's block.
pub fn http_response(block: &[u8]) -> Option<HttpResponse<'_>> {
    let (head_end, body_start) = match block.windows(4).position(|w| w == b"\r\n\r\n") {
        Some(i) => (i, i + 4),
        None => {
            let i = block.windows(2).position(|w| w == b"\n\n")?;
            (i, i + 2)
        }
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.lines();
    let status_line = lines.next()?;
    let mut parts = status_line.split_whitespace();
    if !parts.next()?.starts_with("HTTP/") {
        return None;
    }
    let status = parts.next()?.parse().ok()?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Some(HttpResponse { status, headers, body: &block[body_start..] })
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn record(kind: &str, uri: &str, body: &[u8]) -> Vec<u8> {
        let mut v = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        v.extend_from_slice(body);
        v.extend_from_slice(b"\r\n\r\n");
        v
    }

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn collect(data: &[u8]) -> Vec<Result<(usize, String), (usize, String)>> {
        let mut out = Vec::new();
        read_archive(data, &mut |e| match e {
            Event::Record { number, record, .. } => out.push(Ok((number, record.header("WARC-Target-URI").unwrap_or("").to_string()))),
            Event::Error { number, message, .. } => out.push(Err((number, message))),
        })
        .unwrap();
        out
    }

    #[test]
    fn plain_records() {
        let mut data = record("response", "http://a", b"HTTP/1.1 200 OK\r\n\r\n<p>a</p>");
        data.extend(record("response", "http://b", b"x"));
        assert_eq!(collect(&data), vec![Ok((1, "http://a".into())), Ok((2, "http://b".into()))]);
        // Truncated at the end.
        data.extend(&record("response", "http://c", b"abcdef")[..100]);
        let got = collect(&data);
        assert_eq!(got.len(), 3);
        assert!(matches!(&got[2], Err((3, m)) if m.contains("truncated")), "{got:?}");
    }

    #[test]
    fn gzip_members_with_corruption_resume() {
        let mut data = gz(&record("response", "http://a", b"one"));
        let mut bad = gz(&record("response", "http://bad", b"two two two two two two two two"));
        let mid = bad.len() / 2;
        for b in &mut bad[12..mid] {
            *b ^= 0x55;
        }
        data.extend(bad);
        let full = record("response", "http://trunc", b"0123456789");
        data.extend(gz(&full[..full.len() - 8]));
        data.extend(gz(&record("response", "http://c", b"three")));
        data.extend(b"\x1f\x8b\x08garbage at the end");
        let got = collect(&data);
        assert_eq!(got[0], Ok((1, "http://a".into())));
        assert!(matches!(&got[1], Err((2, m)) if m.contains("gzip")), "{got:?}");
        assert!(matches!(&got[2], Err((3, m)) if m.contains("truncated")), "{got:?}");
        assert_eq!(got[3], Ok((4, "http://c".into())));
        assert!(matches!(&got[4], Err((5, m)) if m.contains("gzip")), "{got:?}");
        assert_eq!(got.len(), 5);
    }

    #[test]
    fn http_split() {
        let r = http_response(b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html>").unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
        assert_eq!(r.body, b"<html>");
        assert!(http_response(b"garbage").is_none());
    }
}
