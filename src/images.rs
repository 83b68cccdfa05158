//! Photos for publishing: decoded and encoded again, so no metadata (EXIF, GPS, XMP)
//! ever leaves the office, and scaled down to what a page shows.
//!
//! Pure: bytes in, bytes out. Refuses absurd inputs before decoding them.

use std::io::Cursor;

use image::{ImageFormat, ImageReader, Limits};

use crate::messages::Msg;

/// Largest side of a published photo, in pixels.
pub const MAX_SIDE: u32 = 1200;
/// Largest image accepted, in pixels (50 megapixels).
pub const MAX_PIXELS: u64 = 50_000_000;

/// The file name a content image is published under (WebP becomes PNG).
pub fn published_name(content_rel: &str) -> String {
    match content_rel.rsplit_once('.') {
        Some((stem, ext)) if ext.eq_ignore_ascii_case("webp") => format!("{stem}.png"),
        _ => content_rel.to_owned(),
    }
}

/// Decodes `bytes` and encodes them again without metadata, at most [`MAX_SIDE`] wide.
pub fn clean(bytes: &[u8]) -> Result<Vec<u8>, Msg> {
    let err = |detail: String| Msg::ImageError { detail };
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| err(e.to_string()))?;
    let format = reader
        .format()
        .ok_or_else(|| err("unknown format".into()))?;
    let (w, h) = reader.into_dimensions().map_err(|e| err(e.to_string()))?;
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(err(format!("{w}×{h} > 50 MP")));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(1 << 30);
    reader.limits(limits);
    let mut img = reader.decode().map_err(|e| err(e.to_string()))?;
    if img.width() > MAX_SIDE || img.height() > MAX_SIDE {
        img = img.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Lanczos3);
    }
    let mut out = Cursor::new(Vec::new());
    match format {
        ImageFormat::Jpeg => {
            let rgb = img.to_rgb8();
            let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
            rgb.write_with_encoder(enc)
                .map_err(|e| err(e.to_string()))?;
        }
        _ => img
            .write_to(&mut out, ImageFormat::Png)
            .map_err(|e| err(e.to_string()))?,
    }
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_an_image() {
        assert_eq!(clean(b"not an image").unwrap_err().code(), "image-error");
        assert_eq!(clean(b"").unwrap_err().code(), "image-error");
    }

    #[test]
    fn re_encodes_png_without_text_chunks() {
        let img = image::RgbImage::from_pixel(4, 4, image::Rgb([200, 10, 10]));
        let mut png = Cursor::new(Vec::new());
        img.write_to(&mut png, ImageFormat::Png).unwrap();
        let mut bytes = png.into_inner();
        // Insert a tEXt chunk carrying "GPS" before IEND.
        let iend = bytes.len() - 12;
        let chunk = [&[0, 0, 0, 7][..], b"tEXt", b"GPS\0x=1", &[0, 0, 0, 0]].concat();
        bytes.splice(iend..iend, chunk);
        let out = clean(&bytes).unwrap();
        assert!(!out.windows(3).any(|w| w == b"GPS"));
        assert!(out.starts_with(b"\x89PNG"));
    }
}
