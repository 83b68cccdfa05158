//! Photos for publishing: decoded, turned upright, cropped and scaled to the sizes the
//! theme uses, and encoded again, so no metadata (EXIF, GPS, XMP, IPTC) ever leaves the
//! office. Pure: bytes in, bytes out. Absurd inputs are refused before decoding.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::messages::Msg;

/// Largest image accepted, in pixels (50 megapixels).
pub const MAX_PIXELS: u64 = 50_000_000;
/// Bump when the output of [`process`] changes, so cached results are not reused.
pub const PIPELINE_VERSION: u32 = 1;

/// What an image is for, which decides its sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// A representative's portrait: cropped to 3:4 in three sizes.
    Portrait,
    /// Any other picture (a WeChat QR, a station photo): kept whole, at most 960 px.
    Picture,
}

/// One size of a published image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size {
    /// Short name in file names (`s`, `m`, `l`, `x`).
    pub name: &'static str,
    /// Width in pixels (a maximum for pictures).
    pub width: u32,
    /// Height in pixels (a maximum for pictures).
    pub height: u32,
}

/// Portrait sizes: card (and its 2x), page (and its 2x), print (26 mm at 300 dpi ≈ 307 px).
pub const PORTRAIT_SIZES: [Size; 3] = [
    Size {
        name: "s",
        width: 120,
        height: 160,
    },
    Size {
        name: "m",
        width: 240,
        height: 320,
    },
    Size {
        name: "l",
        width: 480,
        height: 640,
    },
];

/// The one size of a picture: fits in 960 × 960.
pub const PICTURE_SIZE: Size = Size {
    name: "x",
    width: 960,
    height: 960,
};

/// One encoded output of [`process`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    /// Which size.
    pub size: &'static str,
    /// `jpg` or `png`.
    pub ext: &'static str,
    /// Pixel width.
    pub width: u32,
    /// Pixel height.
    pub height: u32,
    /// The file.
    pub bytes: Vec<u8>,
}

fn err(detail: impl ToString) -> Msg {
    Msg::ImageError {
        detail: detail.to_string(),
    }
}

/// Decodes `bytes` (JPEG, PNG or WebP, CMYK and 16-bit included), applies the EXIF
/// orientation, and encodes every size `use_` asks for, without any metadata.
pub fn process(bytes: &[u8], use_: Use) -> Result<Vec<Encoded>, Msg> {
    let (img, format) = decode(bytes)?;
    match use_ {
        Use::Portrait => Ok(PORTRAIT_SIZES
            .iter()
            .map(|s| {
                let out =
                    img.resize_to_fill(s.width, s.height, image::imageops::FilterType::Lanczos3);
                jpeg(s.name, &out)
            })
            .collect::<Result<_, _>>()?),
        Use::Picture => {
            let s = PICTURE_SIZE;
            let out = if img.width() > s.width || img.height() > s.height {
                img.resize(s.width, s.height, image::imageops::FilterType::Lanczos3)
            } else {
                img
            };
            // Line art (a QR image) stays lossless; photos become JPEG.
            if format == ImageFormat::Jpeg {
                Ok(vec![jpeg(s.name, &out)?])
            } else {
                Ok(vec![png(s.name, &out)?])
            }
        }
    }
}

fn decode(bytes: &[u8]) -> Result<(DynamicImage, ImageFormat), Msg> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(err)?;
    let format = reader
        .format()
        .ok_or_else(|| err("not a JPEG, PNG or WebP image"))?;
    if !matches!(
        format,
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP
    ) {
        return Err(err(format!("{format:?} is not supported")));
    }
    // Read the size from the header alone, before any pixel is decoded.
    let (w, h) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(err)?;
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(err(format!(
            "{w}×{h} pixels is over the 50-megapixel limit"
        )));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_alloc = Some(1 << 30);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(err)?;
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(err)?;
    img.apply_orientation(orientation);
    Ok((img, format))
}

fn jpeg(size: &'static str, img: &DynamicImage) -> Result<Encoded, Msg> {
    let rgb = img.to_rgb8();
    let mut out = Cursor::new(Vec::new());
    let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 82);
    rgb.write_with_encoder(enc).map_err(err)?;
    Ok(Encoded {
        size,
        ext: "jpg",
        width: rgb.width(),
        height: rgb.height(),
        bytes: out.into_inner(),
    })
}

fn png(size: &'static str, img: &DynamicImage) -> Result<Encoded, Msg> {
    let mut out = Cursor::new(Vec::new());
    let (width, height) = (img.width(), img.height());
    let img = if img.color().has_alpha() {
        DynamicImage::from(img.to_rgba8())
    } else {
        DynamicImage::from(img.to_rgb8())
    };
    img.write_to(&mut out, ImageFormat::Png).map_err(err)?;
    Ok(Encoded {
        size,
        ext: "png",
        width,
        height,
        bytes: out.into_inner(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(img: DynamicImage, format: ImageFormat) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, format).unwrap();
        out.into_inner()
    }

    #[test]
    fn refuses_what_is_not_an_image() {
        assert_eq!(
            process(b"not an image", Use::Portrait).unwrap_err().code(),
            "image-error"
        );
        assert_eq!(
            process(b"", Use::Portrait).unwrap_err().code(),
            "image-error"
        );
        let png = encoded(DynamicImage::new_rgb8(40, 30), ImageFormat::Png);
        assert!(
            process(&png[..png.len() / 2], Use::Portrait).is_err(),
            "a truncated file"
        );
    }

    #[test]
    fn portraits_come_in_three_exact_sizes() {
        let png = encoded(DynamicImage::new_rgb8(400, 300), ImageFormat::Png);
        let out = process(&png, Use::Portrait).unwrap();
        let sizes: Vec<(u32, u32)> = out.iter().map(|e| (e.width, e.height)).collect();
        assert_eq!(sizes, [(120, 160), (240, 320), (480, 640)]);
        assert!(out.iter().all(|e| e.bytes.starts_with(&[0xFF, 0xD8])));
    }

    #[test]
    fn sixteen_bit_png_is_read() {
        let img = DynamicImage::ImageRgb16(image::ImageBuffer::from_pixel(
            20,
            20,
            image::Rgb([65535u16, 0, 0]),
        ));
        assert!(process(&encoded(img, ImageFormat::Png), Use::Picture).is_ok());
    }

    #[test]
    fn metadata_does_not_survive() {
        let mut bytes = encoded(DynamicImage::new_rgb8(8, 8), ImageFormat::Png);
        // A tEXt chunk holding "GPS", before IEND.
        let iend = bytes.len() - 12;
        let chunk = [&[0, 0, 0, 7][..], b"tEXt", b"GPS\0x=1", &[0, 0, 0, 0]].concat();
        bytes.splice(iend..iend, chunk);
        for e in process(&bytes, Use::Picture)
            .unwrap()
            .into_iter()
            .chain(process(&bytes, Use::Portrait).unwrap())
        {
            assert!(!e.bytes.windows(3).any(|w| w == b"GPS"));
        }
    }

    #[test]
    fn refuses_images_over_50_megapixels_before_decoding() {
        // A PNG header claiming 10000 × 6000 pixels, with no pixel data behind it.
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&10000u32.to_be_bytes());
        png.extend_from_slice(&6000u32.to_be_bytes());
        png.extend_from_slice(&[8, 2, 0, 0, 0]);
        let crc = crc32(&png[12..]);
        png.extend_from_slice(&crc.to_be_bytes());
        // An empty IDAT chunk, so the header can be read to its end.
        png.extend_from_slice(&[0, 0, 0, 0]);
        png.extend_from_slice(b"IDAT");
        png.extend_from_slice(&crc32(b"IDAT").to_be_bytes());
        let msg = process(&png, Use::Portrait)
            .unwrap_err()
            .text(crate::messages::Lang::En);
        assert!(msg.contains("50-megapixel"), "{msg}");
    }

    /// A JPEG with an EXIF block: orientation 6 (turn right) and a description that
    /// stands for GPS data.
    pub(crate) fn jpeg_with_exif(width: u32, height: u32) -> Vec<u8> {
        let jpeg = encoded(DynamicImage::new_rgb8(width, height), ImageFormat::Jpeg);
        let desc = b"GPS-SECRET-31.2N\0";
        let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
        tiff.extend_from_slice(&[0, 2]); // two entries
        tiff.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0]); // Orientation = 6
        let desc_offset = 8 + 2 + 2 * 12 + 4;
        tiff.extend_from_slice(&[0x01, 0x0E, 0, 2]);
        tiff.extend_from_slice(&(desc.len() as u32).to_be_bytes());
        tiff.extend_from_slice(&(desc_offset as u32).to_be_bytes());
        tiff.extend_from_slice(&[0, 0, 0, 0]);
        tiff.extend_from_slice(desc);
        let mut app1 = vec![0xFF, 0xE1];
        app1.extend_from_slice(&((2 + 6 + tiff.len()) as u16).to_be_bytes());
        app1.extend_from_slice(b"Exif\0\0");
        app1.extend_from_slice(&tiff);
        [&jpeg[..2], &app1, &jpeg[2..]].concat()
    }

    #[test]
    fn exif_orientation_is_applied_and_exif_dropped() {
        let bytes = jpeg_with_exif(40, 20);
        assert!(bytes.windows(10).any(|w| w == b"GPS-SECRET"));
        let out = process(&bytes, Use::Picture).unwrap();
        assert_eq!((out[0].width, out[0].height), (20, 40), "turned upright");
        for e in out.iter().chain(&process(&bytes, Use::Portrait).unwrap()) {
            assert!(!e.bytes.windows(10).any(|w| w == b"GPS-SECRET"));
            assert!(!e.bytes.windows(4).any(|w| w == b"Exif"));
        }
    }

    #[test]
    fn cmyk_jpeg_is_read() {
        // A 64×48 CMYK JPEG (orange), as print shops send.
        let cmyk = include_bytes!("../tests/fixtures/images/cmyk.jpg");
        let out = process(cmyk, Use::Picture).unwrap();
        let px = image::load_from_memory(&out[0].bytes)
            .unwrap()
            .to_rgb8()
            .get_pixel(10, 10)
            .0;
        assert!(
            px[0] > 200 && px[1] > 90 && px[1] < 170 && px[2] < 60,
            "orange, not inverted: {px:?}"
        );
    }

    fn crc32(data: &[u8]) -> u32 {
        let mut crc = 0xFFFF_FFFFu32;
        for &b in data {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 != 0 {
                    (crc >> 1) ^ 0xEDB8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
}
