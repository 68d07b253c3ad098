//! The one reader of the user's text files (Markdown, YAML, CSV, templates): UTF-8 is
//! checked with the line and column of the first bad byte, a BOM is dropped and CRLF
//! becomes LF, so every later stage sees the same text whatever editor wrote it. Also the
//! one line-wrapping rule, shared by charts and social cards.

use crate::diagnostics::{Code, Diagnostic};
use crate::messages::Said;
use std::path::Path;

/// Reads a text file: BOM stripped, CRLF turned into LF, invalid UTF-8 reported with its line.
pub(crate) fn read_utf8(path: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| cannot_read(path, &e))?;
    utf8_text(bytes, path)
}

/// A file that cannot be read: the system's own words for why (in its language) as a value.
pub(crate) fn cannot_read(path: &Path, error: &dyn std::fmt::Display) -> Diagnostic {
    Diagnostic::error_said(Code::Io, path, Said::new("content-cannot-read", &[("error", &error.to_string())]))
}

/// `read_utf8` for bytes already in memory (theme files); `path` names them in diagnostics.
pub(crate) fn utf8_text(bytes: Vec<u8>, path: &Path) -> Result<String, Diagnostic> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.as_bytes();
            let good = e.utf8_error().valid_up_to();
            let (line, col) = crate::diagnostics::line_col(std::str::from_utf8(&bytes[..good]).unwrap_or(""), good);
            return Err(Diagnostic::error_said(Code::NotUtf8, path, Said::new("content-not-utf8", &[]))
                .at(Some(line), Some(col))
                .hint_said(Said::new("content-not-utf8-hint", &[])));
        }
    };
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    Ok(if text.contains('\r') { text.replace("\r\n", "\n") } else { text })
}

/// `text` broken at spaces into lines no wider than `width`, as `measure` gives widths (a
/// word wider than that has a line of its own and is not cut: the caller checks it fits).
/// Charts measure with an estimate, social cards with the font itself.
pub(crate) fn wrap(text: &str, width: f64, measure: &dyn Fn(&str) -> f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if measure(&format!("{line} {word}")) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bom_and_crlf_are_dropped_and_bad_bytes_located() {
        assert_eq!(utf8_text(b"\xef\xbb\xbfa\r\nb".to_vec(), Path::new("x")).unwrap(), "a\nb");
        let err = utf8_text(b"ok\nab\xff".to_vec(), Path::new("x")).unwrap_err();
        assert_eq!((err.code, err.line, err.col), (Code::NotUtf8, Some(2), Some(3)));
    }
}
