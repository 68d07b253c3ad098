//! The document information of a printed report: title, author, subject and dates.
//! Chromium writes the HTML `<title>` and the time of printing, and has no way to name an
//! author, so faro replaces its Info dictionary.
//!
//! By hand rather than with a PDF crate: Skia, Chromium's PDF writer, puts the whole file
//! under one classic cross-reference table, so replacing one object only moves the offsets
//! after it. lopdf, the maintained PDF crate, needs a newer Rust than faro's 1.86 and two
//! dozen crates (ciphers among them) for this one dictionary. A file laid out otherwise is
//! an error, not a guess, and the tests of `faro pdf` read the result back with poppler.

/// What the Info dictionary says.
pub(crate) struct Info<'a> {
    pub(crate) title: &'a str,
    pub(crate) author: Option<&'a str>,
    pub(crate) subject: Option<&'a str>,
    /// `2026-12-01`: the date of the report's text, for both dates (never the clock's).
    pub(crate) date: Option<&'a str>,
}

/// `pdf` with its Info dictionary replaced by `info`, the producer kept.
pub(crate) fn set_info(pdf: &[u8], info: &Info) -> Result<Vec<u8>, String> {
    let bad = |what: &str| format!("Chromium wrote a PDF faro cannot read: {what}");
    let kw = rfind(pdf, b"startxref").ok_or_else(|| bad("no startxref"))?;
    let xref: usize = number(&pdf[kw + 9..]).ok_or_else(|| bad("no cross-reference offset"))?;
    let table = pdf.get(xref..kw).filter(|t| t.starts_with(b"xref")).ok_or_else(|| bad("no cross-reference table"))?;
    let trailer = find(table, b"trailer").ok_or_else(|| bad("no trailer"))?;
    // `xref`, one section `0 N`, then N entries of 20 bytes: `oooooooooo ggggg n \n`.
    let body = table[4..trailer].trim_ascii_start();
    let nl = body.iter().position(|&b| b == b'\n' || b == b'\r').ok_or_else(|| bad("a cross-reference header"))?;
    let section = std::str::from_utf8(&body[..nl]).ok().and_then(|h| h.trim().split_once(' '));
    let count: usize = match section {
        Some(("0", count)) => count.parse().map_err(|_| bad("a cross-reference header"))?,
        _ => return Err(bad("a cross-reference section that does not start at 0")),
    };
    let rows = body[nl..].trim_ascii_start();
    if rows.len() < count * 20 || !rows[count * 20..].trim_ascii().is_empty() {
        return Err(bad("more than one cross-reference section"));
    }
    let entries: Vec<(usize, bool, &[u8])> = rows
        .chunks(20)
        .take(count)
        .map(|e| Some((number(&e[..10])?, e.get(17) == Some(&b'n'), e)))
        .collect::<Option<_>>()
        .ok_or_else(|| bad("a cross-reference entry"))?;
    let dict = &table[trailer..];
    let obj: usize = find(dict, b"/Info").and_then(|at| number(&dict[at + 5..])).ok_or_else(|| bad("no /Info"))?;
    let (start, _, entry) = *entries.get(obj).filter(|e| e.1 && e.0 < xref).ok_or_else(|| bad("no Info object"))?;
    let generation = number(&entry[11..16]).ok_or_else(|| bad("a cross-reference entry"))?;
    // The object runs up to the next one in the file (Skia writes them one after another).
    let end = entries.iter().filter(|e| e.1 && e.0 > start).map(|e| e.0).min().unwrap_or(xref).min(xref);
    let producer = find(&pdf[start..end], b"/Producer").and_then(|at| literal(&pdf[start + at + 9..end]));
    let object = format!("{obj} {generation} obj\n<<{}>>\nendobj\n", dictionary(info, producer));
    let moved = |at: usize| if at > start { at + object.len() - (end - start) } else { at };
    let mut out = Vec::with_capacity(pdf.len() + object.len());
    out.extend_from_slice(&pdf[..start]);
    out.extend_from_slice(object.as_bytes());
    out.extend_from_slice(&pdf[end..xref]);
    out.extend_from_slice(format!("xref\n0 {count}\n").as_bytes());
    for &(at, used, raw) in &entries {
        if used {
            out.extend_from_slice(format!("{:010}{}", moved(at), String::from_utf8_lossy(&raw[10..])).as_bytes());
        } else {
            out.extend_from_slice(raw);
        }
    }
    out.extend_from_slice(&table[trailer..]);
    out.extend_from_slice(format!("startxref\n{}\n%%EOF\n", moved(xref)).as_bytes());
    Ok(out)
}

fn dictionary(info: &Info, producer: Option<&[u8]>) -> String {
    let mut d = format!("/Title {}", text(info.title));
    for (key, value) in [("Author", info.author), ("Subject", info.subject)] {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            d.push_str(&format!("\n/{key} {}", text(v)));
        }
    }
    d.push_str(&format!("\n/Creator (faro {})", env!("CARGO_PKG_VERSION")));
    if let Some(p) = producer {
        d.push_str(&format!("\n/Producer {}", String::from_utf8_lossy(p)));
    }
    if let Some(date) =
        info.date.map(|d| d.replace('-', "")).filter(|d| d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()))
    {
        d.push_str(&format!("\n/CreationDate (D:{date}000000Z)\n/ModDate (D:{date}000000Z)"));
    }
    d
}

/// A PDF text string: UTF-16BE with its byte-order mark, in hex, so nothing needs escaping.
fn text(s: &str) -> String {
    let hex: String = s.encode_utf16().map(|u| format!("{u:04X}")).collect();
    format!("<FEFF{hex}>")
}

/// The literal string `(…)` that `bytes` starts with (after blanks), parentheses and all.
fn literal(bytes: &[u8]) -> Option<&[u8]> {
    let from = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    if bytes[from] != b'(' {
        return None;
    }
    let (mut depth, mut escaped) = (0usize, false);
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match (escaped, b) {
            (true, _) => escaped = false,
            (false, b'\\') => escaped = true,
            (false, b'(') => depth += 1,
            (false, b')') if depth == 1 => return Some(&bytes[from..=i]),
            (false, b')') => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The unsigned number that `bytes` starts with, after blanks.
fn number(bytes: &[u8]) -> Option<usize> {
    let digits: Vec<u8> =
        bytes.iter().copied().skip_while(u8::is_ascii_whitespace).take_while(u8::is_ascii_digit).collect();
    std::str::from_utf8(&digits).ok()?.parse().ok()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF laid out as Skia writes one: the Info dictionary first, one xref section.
    fn skia_pdf() -> Vec<u8> {
        let objects = [
            "1 0 obj\n<</Title (Old)\n/Creator (Mozilla/5.0 \\(X11\\))\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261202005558+00'00')>>\nendobj\n",
            "3 0 obj\n<</Type /Catalog\n/Pages 2 0 R\n/Lang (es)>>\nendobj\n",
            "2 0 obj\n<</Type /Pages\n/Kids []\n/Count 0>>\nendobj\n",
        ];
        let mut pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
        let mut at = [0; 4];
        for (o, n) in objects.iter().zip([1, 3, 2]) {
            at[n] = pdf.len();
            pdf.extend_from_slice(o.as_bytes());
        }
        let xref = pdf.len();
        pdf.extend_from_slice(b"xref\n0 4\n0000000000 65535 f \n");
        for offset in &at[1..] {
            pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
        }
        pdf.extend_from_slice(
            format!("trailer\n<</Size 4\n/Root 3 0 R\n/Info 1 0 R>>\nstartxref\n{xref}\n%%EOF").as_bytes(),
        );
        pdf
    }

    /// Each object the xref table names starts where it says.
    fn assert_offsets_right(pdf: &[u8]) {
        let xref = number(&pdf[rfind(pdf, b"startxref").unwrap() + 9..]).unwrap();
        assert!(pdf[xref..].starts_with(b"xref\n0 4\n"));
        for n in 1..4 {
            let entry = &pdf[xref + 9 + 20 * n..][..20];
            let at = number(&entry[..10]).unwrap();
            assert!(pdf[at..].starts_with(format!("{n} 0 obj").as_bytes()), "object {n}");
        }
    }

    #[test]
    fn the_info_dictionary_is_replaced_and_the_offsets_follow() {
        let info = Info { title: "Informe 2025", author: Some("Comisión"), subject: None, date: Some("2026-12-01") };
        let out = set_info(&skia_pdf(), &info).unwrap();
        assert_offsets_right(&out);
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains(&format!("/Title {}", super::text("Informe 2025"))), "{text}");
        assert!(text.contains("/Author <FEFF0043006F006D00690073006900F3006E>"), "{text}");
        assert!(text.contains("/Producer (Skia/PDF m156)") && text.contains("/ModDate (D:20261201000000Z)"), "{text}");
        assert!(!text.contains("Mozilla") && !text.contains("(Old)") && !text.contains("D:2026120200"), "{text}");
        assert!(!text.contains("/Subject"), "{text}");
    }

    #[test]
    fn without_a_date_the_pdf_has_none_and_the_same_input_gives_the_same_bytes() {
        let info = Info { title: "T", author: None, subject: Some("S"), date: None };
        let (a, b) = (set_info(&skia_pdf(), &info).unwrap(), set_info(&skia_pdf(), &info).unwrap());
        assert_eq!(a, b);
        assert_offsets_right(&a);
        assert!(!String::from_utf8_lossy(&a).contains("Date"));
    }

    #[test]
    fn a_pdf_laid_out_otherwise_is_an_error() {
        let pdf = String::from_utf8_lossy(&skia_pdf()).replace("xref\n0 4", "xref\n0 2");
        assert!(set_info(pdf.as_bytes(), &Info { title: "T", author: None, subject: None, date: None }).is_err());
        assert!(set_info(b"%PDF-1.5\n", &Info { title: "T", author: None, subject: None, date: None }).is_err());
    }
}
