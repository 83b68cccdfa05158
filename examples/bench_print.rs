//! Measures the print stage: photos processed cold and warm (from `.cache/`), and QR codes.
//!
//! `cargo run --release --example bench_print -- [N] [DIR]` writes a site of N
//! representatives (default 1000), each with a 1200 × 1600 camera-sized JPEG, into DIR
//! (default a temporary folder), then times `media::prepare` with an empty cache and
//! again with the cache filled, and the encoding of N QR codes (SVG and PNG).

use std::path::PathBuf;
use std::time::Instant;

use image::{ImageBuffer, Rgb};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let dir = args
        .get(2)
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("repdir-bench-print"));
    let _ = std::fs::remove_dir_all(&dir);
    let content = dir.join("content");
    std::fs::create_dir_all(content.join("representatives")).unwrap();
    std::fs::create_dir_all(content.join("media/photos")).unwrap();
    std::fs::write(
        content.join("site.yaml"),
        "title: 基准测试\nbase_url: https://rd.example.gov.cn/\n",
    )
    .unwrap();

    let started = Instant::now();
    let mut photo_bytes = 0u64;
    for i in 0..n {
        let id = format!("rep-{i:06}");
        std::fs::write(
            content.join(format!("representatives/{id}.yaml")),
            format!("name: 代表{i}\nlevel: county\nphoto: media/photos/{id}.jpg\n"),
        )
        .unwrap();
        let jpeg = camera_photo(i as u32);
        photo_bytes += jpeg.len() as u64;
        std::fs::write(content.join(format!("media/photos/{id}.jpg")), jpeg).unwrap();
    }
    println!(
        "wrote {n} photos ({:.1} MB) in {:.1} s",
        photo_bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );

    let loaded = repdir::check(&dir);
    let site = loaded.site.expect("the generated site loads");
    let cache = dir.join(".cache/images");
    for run in ["cold", "warm"] {
        let t = Instant::now();
        let media = repdir::media::prepare(&content, &cache, &site).expect("photos process");
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{run}: {n} photos in {secs:.2} s ({:.1} ms each), {} from cache, {} files",
            secs * 1000.0 / n as f64,
            media.cached,
            media.files.len()
        );
    }

    let t = Instant::now();
    let mut version = 0;
    for i in 0..n {
        let payload =
            repdir::qr::payload("https://rd.example.gov.cn/", &format!("{:04X}", i % 65536));
        let code = repdir::qr::encode(&payload, 'Q').unwrap();
        version = version.max(repdir::qr::version(&code));
        std::hint::black_box(repdir::qr::svg(&code));
        std::hint::black_box(repdir::qr::png(&code));
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "qr: {n} codes (SVG + PNG) in {secs:.3} s ({:.0} µs each), version {version}",
        secs * 1e6 / n as f64
    );
    // Where a code's time goes.
    let payload = repdir::qr::payload("https://rd.example.gov.cn/", "K7QX");
    let code = repdir::qr::encode(&payload, 'Q').unwrap();
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(repdir::qr::encode(&payload, 'Q').unwrap());
    }
    let encode = t.elapsed().as_secs_f64() * 1e6 / n as f64;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(repdir::qr::svg(&code));
    }
    let svg = t.elapsed().as_secs_f64() * 1e6 / n as f64;
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(repdir::qr::png(&code));
    }
    let png = t.elapsed().as_secs_f64() * 1e6 / n as f64;
    println!("  encode {encode:.0} µs, svg {svg:.0} µs, png {png:.0} µs");
}

/// A camera-sized picture with gradients and noise, so JPEG has real work to do.
fn camera_photo(seed: u32) -> Vec<u8> {
    let mut state = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
    let img = ImageBuffer::from_fn(1200, 1600, |x, y| {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let noise = (state & 31) as u8;
        Rgb([
            ((x / 5) as u8).wrapping_add(noise),
            ((y / 7) as u8).wrapping_add(noise),
            ((x + y) / 11) as u8,
        ])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
    img.write_with_encoder(enc).unwrap();
    out.into_inner()
}
