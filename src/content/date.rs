//! Dates in front matter: a calendar day (`2025-02-10`) or an RFC 3339 instant with its
//! offset (`2025-02-10T10:00:00-05:00`, `…Z`). A date is kept as written (normalised), so
//! a page shows the day its writer meant and feeds keep the offset; lists compare dates
//! by the instant they name, so pages written in different offsets sort as time runs.

/// The normalised text of a front-matter date, or why it is not one (`bad-date`'s `want`). Accepted: `YYYY-MM-DD`;
/// or a day, `T` (or a space, as YAML and Hugo allow), `HH:MM[:SS[.fraction]]` and an offset
/// (`Z`, `±HH:MM`, `±HHMM`, `±HH`), written back as `YYYY-MM-DDTHH:MM:SS[.f]Z|±HH:MM`.
/// A time without an offset is refused: it names no instant, and guessing one would move
/// the page in feeds or, near midnight, to another day.
pub(crate) fn normalize(text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    let day = text.get(..10).filter(|d| is_valid_date(d)).ok_or(DAY)?;
    let rest = &text[10..];
    if rest.is_empty() {
        return Ok(day.to_string());
    }
    let rest = rest.strip_prefix(['T', 't', ' ']).ok_or(DAY)?;
    let split = rest.find(['Z', 'z', '+', '-', ' ']).unwrap_or(rest.len());
    let (time, offset) = (&rest[..split], rest[split..].trim_start());
    let time = clock(time).ok_or(TIME)?;
    if offset.is_empty() {
        return Err(NO_OFFSET);
    }
    let offset = zone(offset).ok_or(TIME)?;
    Ok(format!("{day}T{time}{offset}"))
}

// Why a text is not a date, as `bad-date` in the catalogs names it.
const DAY: &str = "day";
const TIME: &str = "time";
const NO_OFFSET: &str = "no-offset";

/// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fraction`, written back with seconds.
fn clock(time: &str) -> Option<String> {
    let (hms, fraction) = time.split_once('.').map_or((time, None), |(a, b)| (a, Some(b)));
    let parts: Vec<&str> = hms.split(':').collect();
    let two = |s: &str, max: u32| (s.len() == 2).then(|| digits(s)).flatten().filter(|&n| n <= max);
    let (h, m, s) = match parts[..] {
        [h, m] if fraction.is_none() => (two(h, 23)?, two(m, 59)?, 0),
        [h, m, s] => (two(h, 23)?, two(m, 59)?, two(s, 60)?),
        _ => return None,
    };
    let fraction = match fraction {
        Some(f) if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) => return None,
        Some(f) => format!(".{f}"),
        None => String::new(),
    };
    Some(format!("{h:02}:{m:02}:{s:02}{fraction}"))
}

/// `Z`, `±HH:MM`, `±HHMM` or `±HH`, written back as `Z` or `±HH:MM`.
fn zone(offset: &str) -> Option<String> {
    if offset.eq_ignore_ascii_case("z") {
        return Some("Z".into());
    }
    let sign = offset.chars().next().filter(|c| matches!(c, '+' | '-'))?;
    let part = |a: usize, b: usize| offset.get(a..b).and_then(digits);
    let (h, m) = match (offset.len(), offset.as_bytes().get(3)) {
        (3, _) => (part(1, 3)?, 0),
        (5, _) => (part(1, 3)?, part(3, 5)?),
        (6, Some(b':')) => (part(1, 3)?, part(4, 6)?),
        _ => return None,
    };
    (h <= 23 && m <= 59).then(|| format!("{sign}{h:02}:{m:02}"))
}

fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// A calendar date written YYYY-MM-DD: `2025-02-30` is not one.
pub(crate) fn is_valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let num = |s: &str, len: usize| (s.len() == len).then(|| digits(s)).flatten();
    let [y, m, d] = parts[..] else { return false };
    let (Some(y), Some(m), Some(d)) = (num(y, 4), num(m, 2), num(d, 2)) else { return false };
    (1..=days_in_month(y, m)).contains(&d)
}

fn days_in_month(y: u32, m: u32) -> u32 {
    let leap = y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400));
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

/// What a normalised date sorts by: its instant in seconds (a day alone is its midnight in
/// UTC, as feeds write it), then its text, so equal instants still order the same way.
pub(crate) fn sort_key(date: &str) -> (i64, &str) {
    (instant(date).unwrap_or(i64::MIN), date)
}

/// Seconds since 1970 (UTC) of a normalised date; None for text that is not one.
fn instant(date: &str) -> Option<i64> {
    let num = |a: usize, b: usize| date.get(a..b).and_then(digits).map(i64::from);
    let days = days_from_civil(num(0, 4)?, num(5, 7)?, num(8, 10)?);
    if date.len() == 10 {
        return Some(days * 86_400);
    }
    let secs = num(11, 13)? * 3600 + num(14, 16)? * 60 + num(17, 19)?;
    let n = date.len();
    let offset = if date.ends_with('Z') {
        0
    } else {
        let sign = if date.get(n - 6..n - 5)? == "-" { -1 } else { 1 };
        sign * (num(n - 5, n - 3)? * 3600 + num(n - 2, n)? * 60)
    };
    Some(days * 86_400 + secs - offset)
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date as an RFC 3339 instant, for Atom: a day alone is its midnight in UTC.
pub(crate) fn rfc3339(date: &str) -> String {
    if date.len() == 10 {
        format!("{date}T00:00:00Z")
    } else {
        date.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_normalised_or_refused() {
        let cases: &[(&str, Result<&str, &str>)] = &[
            ("2025-02-10", Ok("2025-02-10")),
            ("2025-02-10T10:00:00-05:00", Ok("2025-02-10T10:00:00-05:00")),
            ("2025-02-10T15:00:00Z", Ok("2025-02-10T15:00:00Z")),
            ("2025-02-10t15:00:00z", Ok("2025-02-10T15:00:00Z")),
            ("2025-02-10 10:00:00 -05:00", Ok("2025-02-10T10:00:00-05:00")),
            ("2025-02-10 10:00-05", Ok("2025-02-10T10:00:00-05:00")),
            ("2025-02-10T10:00:00.250+0530", Ok("2025-02-10T10:00:00.250+05:30")),
            ("2025-02-10 10:00", Err(NO_OFFSET)),
            ("2025-02-10T10:00:00", Err(NO_OFFSET)),
            ("2025-02-10T25:00:00Z", Err(TIME)),
            ("2025-02-10T10:00:00+5", Err(TIME)),
            ("2025-02-10T10:00:00+05:0:0", Err(TIME)),
            ("2025-02-10T10:00:00.Z", Err(TIME)),
            ("2025-02-10X10:00:00Z", Err(DAY)),
            ("2025-02-29", Err(DAY)),
            ("2025", Err(DAY)),
            ("ayer", Err(DAY)),
            ("2025-02-1é", Err(DAY)),
        ];
        for (text, want) in cases {
            assert_eq!(normalize(text).as_deref().map_err(|e| *e), *want, "{text}");
        }
    }

    #[test]
    fn dates_are_checked() {
        assert!(is_valid_date("2022-06-01"));
        assert!(is_valid_date("2024-02-29"));
        assert!(!is_valid_date("2025-02-29"));
        assert!(!is_valid_date("2022-13-01"));
        assert!(!is_valid_date("1 de junio"));
    }

    #[test]
    fn dates_sort_by_their_instant() {
        let cases = [
            ("1970-01-01", 0),
            ("1970-01-02", 86_400),
            ("2025-02-10T10:00:00-05:00", 1_739_199_600),
            ("2025-02-10T15:00:00Z", 1_739_199_600),
            ("2025-02-11T00:30:00+09:00", 1_739_201_400),
        ];
        for (date, secs) in cases {
            assert_eq!(instant(date), Some(secs), "{date}");
        }
        // 09:00 in Lima is after 10:00 in Madrid the same day.
        assert!(sort_key("2025-02-10T09:00:00-05:00") > sort_key("2025-02-10T10:00:00+01:00"));
    }

    #[test]
    fn feeds_get_an_instant() {
        assert_eq!(rfc3339("2025-02-10"), "2025-02-10T00:00:00Z");
        assert_eq!(rfc3339("2025-02-10T10:00:00-05:00"), "2025-02-10T10:00:00-05:00");
    }
}
