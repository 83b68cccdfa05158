//! QR codes for the short links: the payload, an SVG and a 300 dpi 1-bit PNG. Pure.
//!
//! The payload is kept small so the printed code is coarse and scans at a glance: when
//! `base_url` has no path, the whole URL is written in upper case, which QR encodes in
//! its alphanumeric mode (5.5 bits a character instead of 8). Scheme and host are
//! case-insensitive, and the site holds the short-link pages under `R/`.

use std::fmt::Write as _;

use qrcode::{EcLevel, QrCode};

use crate::messages::Msg;

/// Pixels per module in the PNG: at 300 dpi, 12 px = 1.02 mm.
pub const PNG_MODULE_PX: u32 = 12;
/// Modules of white around the code, as the QR standard asks.
pub const QUIET_ZONE: u32 = 4;

/// The URL a representative's QR code encodes: `HTTPS://RD.EXAMPLE.GOV.CN/R/K7QX`.
pub fn payload(base_url: &str, code: &str) -> String {
    let base = if base_url.ends_with('/') {
        base_url.to_owned()
    } else {
        format!("{base_url}/")
    };
    let has_path = base.splitn(4, '/').nth(3).is_some_and(|p| !p.is_empty());
    if has_path {
        format!("{base}R/{code}")
    } else {
        format!("{}R/{code}", base.to_uppercase())
    }
}

/// The same short link as people read and type it: `https://rd.example.gov.cn/R/K7QX`.
pub fn display_url(base_url: &str, code: &str) -> String {
    let base = if base_url.ends_with('/') {
        base_url.to_owned()
    } else {
        format!("{base_url}/")
    };
    format!("{base}R/{code}")
}

/// Encodes `payload` at error correction `ecc` (`L`, `M`, `Q`, `H`).
pub fn encode(payload: &str, ecc: char) -> Result<QrCode, Msg> {
    QrCode::with_error_correction_level(payload.as_bytes(), level(ecc)).map_err(|e| {
        Msg::ImageError {
            detail: format!("QR: {e}"),
        }
    })
}

/// How many modules wide the code for `payload` is, without drawing it (choosing the
/// mask, the costly part of encoding, is skipped).
pub fn modules(payload: &str, ecc: char) -> Result<usize, Msg> {
    let bits =
        qrcode::bits::encode_auto(payload.as_bytes(), level(ecc)).map_err(|e| Msg::ImageError {
            detail: format!("QR: {e}"),
        })?;
    Ok(bits.version().width() as usize)
}

fn level(ecc: char) -> EcLevel {
    match ecc {
        'L' => EcLevel::L,
        'M' => EcLevel::M,
        'H' => EcLevel::H,
        _ => EcLevel::Q,
    }
}

/// The QR version (1–40) of a code.
pub fn version(code: &QrCode) -> i16 {
    match code.version() {
        qrcode::Version::Normal(v) | qrcode::Version::Micro(v) => v,
    }
}

/// A crisp vector drawing with a 4-module quiet zone, one unit per module.
pub fn svg(code: &QrCode) -> String {
    let n = code.width() as u32;
    let size = n + 2 * QUIET_ZONE;
    // One rectangle per horizontal run of dark modules keeps the file small.
    let colors = code.to_colors();
    let mut path = String::new();
    for (y, row) in colors.chunks(n as usize).enumerate() {
        let mut x = 0;
        while x < row.len() {
            if row[x] == qrcode::Color::Dark {
                let start = x;
                while x < row.len() && row[x] == qrcode::Color::Dark {
                    x += 1;
                }
                let (left, top, run) =
                    (start as u32 + QUIET_ZONE, y as u32 + QUIET_ZONE, x - start);
                let _ = write!(path, "M{left} {top}h{run}v1h-{run}z");
            } else {
                x += 1;
            }
        }
    }
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>\n"
    )
}

/// A 1-bit PNG, [`PNG_MODULE_PX`] pixels a module, 300 dpi recorded in the file.
pub fn png(code: &QrCode) -> Vec<u8> {
    let n = code.width() as u32;
    let modules = n + 2 * QUIET_ZONE;
    let side = modules * PNG_MODULE_PX;
    let colors = code.to_colors();
    let row_bytes = side.div_ceil(8) as usize;
    let mut data = Vec::with_capacity(row_bytes * side as usize);
    // Each row of modules is packed once, then repeated PNG_MODULE_PX times.
    for my in 0..modules {
        let mut row = vec![0xFFu8; row_bytes];
        for mx in 0..modules {
            let inside = (QUIET_ZONE..n + QUIET_ZONE).contains(&mx)
                && (QUIET_ZONE..n + QUIET_ZONE).contains(&my);
            if inside
                && colors[((my - QUIET_ZONE) * n + (mx - QUIET_ZONE)) as usize]
                    == qrcode::Color::Dark
            {
                for x in mx * PNG_MODULE_PX..(mx + 1) * PNG_MODULE_PX {
                    row[x as usize / 8] &= !(0x80 >> (x % 8));
                }
            }
        }
        for _ in 0..PNG_MODULE_PX {
            data.extend_from_slice(&row);
        }
    }
    let mut out = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut out, side, side);
        enc.set_color(png::ColorType::Grayscale);
        enc.set_depth(png::BitDepth::One);
        // Runs of identical rows: the fast deflate compresses them as well as the slow one.
        enc.set_compression(png::Compression::Fast);
        // 300 dpi = 11811 pixels per metre.
        enc.set_pixel_dims(Some(png::PixelDimensions {
            xppu: 11811,
            yppu: 11811,
            unit: png::Unit::Meter,
        }));
        if let Ok(mut w) = enc.write_header() {
            let _ = w.write_image_data(&data);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_is_upper_case_only_without_a_path() {
        assert_eq!(
            payload("https://rd.example.gov.cn/", "K7QX"),
            "HTTPS://RD.EXAMPLE.GOV.CN/R/K7QX"
        );
        assert_eq!(
            payload("https://x.gov.cn/rd/", "K7QX"),
            "https://x.gov.cn/rd/R/K7QX"
        );
    }

    #[test]
    fn a_26_character_base_url_fits_version_3_at_q() {
        let p = payload("https://rd.example.gov.cn/", "K7QX");
        assert_eq!(version(&encode(&p, 'Q').unwrap()), 3);
        assert_eq!(modules(&p, 'Q').unwrap(), 29);
    }

    #[test]
    fn svg_draws_the_same_modules() {
        let code = encode("HTTPS://RD.EXAMPLE.GOV.CN/R/K7QX", 'Q').unwrap();
        let svg = svg(&code);
        // Rasterise the path by hand: every run `Mx yhNv1h-Nz` fills N modules of a row.
        let n = code.width();
        let mut dark = vec![false; n * n];
        let d = svg
            .split(" d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        for run in d.split('z').filter(|r| !r.is_empty()) {
            let nums: Vec<usize> = run
                .split(|c: char| !c.is_ascii_digit())
                .filter(|t| !t.is_empty())
                .map(|t| t.parse().unwrap())
                .collect();
            let (x, y, len) = (nums[0] - 4, nums[1] - 4, nums[2]);
            for i in x..x + len {
                dark[y * n + i] = true;
            }
        }
        let expected: Vec<bool> = code
            .to_colors()
            .iter()
            .map(|c| *c == qrcode::Color::Dark)
            .collect();
        assert_eq!(dark, expected);
    }

    #[test]
    fn png_decodes_back_to_the_payload() {
        let p = payload("https://rd.example.gov.cn/", "AB23");
        let bytes = png(&encode(&p, 'Q').unwrap());
        let img = image::load_from_memory(&bytes).unwrap().to_luma8();
        let mut prepared = rqrr::PreparedImage::prepare(img);
        let grids = prepared.detect_grids();
        assert_eq!(grids.len(), 1);
        assert_eq!(grids[0].decode().unwrap().1, p);
    }
}
