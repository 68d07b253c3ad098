//! Metadata taken out of a JPEG or PNG without touching its pixels: the original is
//! published at its own URL with the same image data, less EXIF (and its GPS position),
//! XMP, IPTC, comments and whatever trails the image. What decoding needs stays: JFIF,
//! Adobe's colour transform, the ICC colour profile, the tables and the scans.

use super::Unreadable;

/// The JPEG less every APPn segment but JFIF, Adobe and ICC, less comments, and less
/// anything after its end (phones append depth maps and second images there, each with
/// EXIF of its own).
pub(super) fn jpeg(b: &[u8]) -> Result<Vec<u8>, Unreadable> {
    if !b.starts_with(&[0xFF, 0xD8]) {
        return Err(Unreadable::NotJpegOrPng);
    }
    let truncated = || Unreadable::Damaged;
    let mut out = vec![0xFF, 0xD8];
    let mut i = 2;
    loop {
        if b.get(i) != Some(&0xFF) {
            return Err(Unreadable::Damaged);
        }
        while b.get(i) == Some(&0xFF) {
            i += 1; // fill bytes
        }
        let marker = *b.get(i).ok_or_else(truncated)?;
        i += 1;
        match marker {
            0xD9 => {
                out.extend([0xFF, 0xD9]);
                return Ok(out);
            }
            0x01 | 0xD0..=0xD7 => {
                out.extend([0xFF, marker]);
                continue;
            }
            _ => {}
        }
        let len = b.get(i..i + 2).map(|l| u16::from_be_bytes([l[0], l[1]]) as usize).ok_or_else(truncated)?;
        let segment = b.get(i..i + len).filter(|_| len >= 2).ok_or_else(truncated)?;
        let body = &segment[2..];
        let keep = match marker {
            0xE0 => body.starts_with(b"JFIF\0"),
            0xE2 => body.starts_with(b"ICC_PROFILE\0"),
            0xEE => body.starts_with(b"Adobe"),
            0xE1..=0xEF | 0xFE => false,
            _ => true,
        };
        if keep {
            out.extend([0xFF, marker]);
            out.extend_from_slice(segment);
        }
        i += len;
        if marker == 0xDA {
            // The scan's data runs to the next marker that is neither a stuffed 0xFF nor a restart.
            let start = i;
            while !(b.get(i) == Some(&0xFF) && b.get(i + 1).is_some_and(|&m| m != 0 && !(0xD0..=0xD7).contains(&m))) {
                if i + 1 >= b.len() {
                    return Err(truncated());
                }
                i += 1;
            }
            out.extend_from_slice(&b[start..i]);
        }
    }
}

/// PNG chunks that describe pixels; every other one (`tEXt`, `zTXt`, `iTXt`, `eXIf`,
/// `tIME`, private chunks) is left out.
const PNG_KEPT: [&[u8; 4]; 12] =
    [b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT", b"bKGD", b"pHYs"];

/// The PNG less its text, EXIF and time chunks, and less anything after `IEND`.
pub(super) fn png(b: &[u8]) -> Result<Vec<u8>, Unreadable> {
    const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    if !b.starts_with(&SIGNATURE) {
        return Err(Unreadable::NotJpegOrPng);
    }
    let mut out = SIGNATURE.to_vec();
    let mut i = 8;
    loop {
        let len = b
            .get(i..i + 4)
            .map(|l| u32::from_be_bytes([l[0], l[1], l[2], l[3]]) as usize)
            .ok_or(Unreadable::Damaged)?;
        let chunk = b.get(i..i + 12 + len).ok_or(Unreadable::Damaged)?;
        let kind = &chunk[4..8];
        if PNG_KEPT.iter().any(|k| &k[..] == kind) {
            out.extend_from_slice(chunk);
        }
        i += 12 + len;
        if kind == b"IEND" {
            return Ok(out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_jpeg_loses_exif_comments_and_trailing_data_and_keeps_its_scan() {
        let seg = |m: u8, body: &[u8]| {
            let mut s = vec![0xFF, m];
            s.extend(((body.len() + 2) as u16).to_be_bytes());
            s.extend_from_slice(body);
            s
        };
        let mut jpeg = vec![0xFF, 0xD8];
        jpeg.extend(seg(0xE0, b"JFIF\0\x01\x02"));
        jpeg.extend(seg(0xE1, b"Exif\0\0GPS"));
        jpeg.extend(seg(0xE1, b"http://ns.adobe.com/xap/1.0/\0<x/>"));
        jpeg.extend(seg(0xED, b"Photoshop 3.0\0IPTC"));
        jpeg.extend(seg(0xFE, b"a comment"));
        jpeg.extend(seg(0xDB, b"tables"));
        jpeg.extend(seg(0xDA, b"scan"));
        jpeg.extend([1, 2, 0xFF, 0x00, 3, 0xFF, 0xD0, 4]);
        jpeg.extend([0xFF, 0xD9]);
        jpeg.extend(b"trailer Exif\0\0");
        let out = jpeg_ok(&jpeg);
        let mut want = vec![0xFF, 0xD8];
        want.extend(seg(0xE0, b"JFIF\0\x01\x02"));
        want.extend(seg(0xDB, b"tables"));
        want.extend(seg(0xDA, b"scan"));
        want.extend([1, 2, 0xFF, 0x00, 3, 0xFF, 0xD0, 4, 0xFF, 0xD9]);
        assert_eq!(out, want);
    }

    fn jpeg_ok(b: &[u8]) -> Vec<u8> {
        jpeg(b).unwrap()
    }

    #[test]
    fn a_truncated_jpeg_or_png_is_refused() {
        assert!(jpeg(&[0xFF, 0xD8, 0xFF, 0xE1, 0x00]).is_err());
        assert!(jpeg(b"GIF89a").is_err());
        assert!(png(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, b'I']).is_err());
    }
}
