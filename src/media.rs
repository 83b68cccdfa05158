//! The media stage: every image a record points at, processed once and cached.
//!
//! Outputs are named by a hash of the source bytes (`media/<hash>-m.jpg`), so a changed
//! photo gets a new name and browsers never show a stale one. The work is cached in
//! `.cache/images/<hash>/` under the site, so an unchanged photo is not decoded again on
//! the next build; the cache is safe to delete.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::diag::Location;
use crate::images::{self, Encoded, Use};
use crate::messages::Msg;
use crate::model::{Site, Spanned};

/// Largest image file read, in bytes.
pub const MAX_IMAGE_BYTES: u64 = 64 * 1024 * 1024;

/// One published size of an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    /// `s`, `m`, `l` or `x`.
    pub size: String,
    /// Path under the output folder.
    pub path: String,
    /// Pixel width.
    pub width: u32,
    /// Pixel height.
    pub height: u32,
}

/// One processed image file for the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaFile {
    /// Path under the output folder.
    pub path: String,
    /// Where its bytes are.
    pub source: Source,
}

/// Where a processed image's bytes are: in the cache (linked into the output, never
/// held in memory), or in memory when the cache could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file under `.cache/images/`.
    Cached(PathBuf),
    /// The encoded bytes.
    Memory(Vec<u8>),
}

/// One size of an image, as the cache or the encoder gives it.
struct Sized {
    size: &'static str,
    ext: &'static str,
    width: u32,
    height: u32,
    source: Source,
}

/// The processed images of a site, by their path in `content/`, and the files to write.
#[derive(Debug, Default)]
pub struct Media {
    images: BTreeMap<String, Vec<Published>>,
    /// Files to add to the output.
    pub files: Vec<MediaFile>,
    /// How many images were taken from the cache.
    pub cached: usize,
}

impl Media {
    /// The published sizes of the image at `content_rel`, smallest first.
    pub fn get(&self, content_rel: &str) -> Option<&[Published]> {
        self.images.get(content_rel).map(Vec::as_slice)
    }

    /// One size of an image (`"m"`), or its only size.
    pub fn size(&self, content_rel: &str, size: &str) -> Option<&Published> {
        let all = self.get(content_rel)?;
        all.iter().find(|p| p.size == size).or(all.last())
    }
}

struct Job<'a> {
    source: &'a Path,
    path: &'a Spanned<String>,
    use_: Use,
}

/// Processes every image of the site (in parallel), through the cache at `cache_dir`.
pub fn prepare(
    content: &Path,
    cache_dir: &Path,
    site: &Site,
) -> Result<Media, Vec<(Location, Msg)>> {
    let mut jobs: Vec<Job> = Vec::new();
    for rep in &site.representatives {
        jobs.extend(rep.photo.iter().map(|p| Job {
            source: &rep.source,
            path: p,
            use_: Use::Portrait,
        }));
        jobs.extend(rep.wechat_qr.iter().map(|p| Job {
            source: &rep.source,
            path: p,
            use_: Use::Picture,
        }));
    }
    for st in &site.stations {
        jobs.extend(st.photo.iter().map(|p| Job {
            source: &st.source,
            path: p,
            use_: Use::Picture,
        }));
    }
    jobs.sort_by(|a, b| a.path.value.cmp(&b.path.value));
    jobs.dedup_by(|a, b| a.path.value == b.path.value);
    let results: Vec<_> = jobs
        .par_iter()
        .map(|job| run(content, cache_dir, job))
        .collect();
    let mut media = Media::default();
    let mut errors = Vec::new();
    for (job, result) in jobs.iter().zip(results) {
        match result {
            Ok((encoded, hash, from_cache)) => {
                media.cached += usize::from(from_cache);
                let mut sizes = Vec::new();
                for e in encoded {
                    let path = format!("media/{hash}-{}.{}", e.size, e.ext);
                    sizes.push(Published {
                        size: e.size.to_owned(),
                        path: path.clone(),
                        width: e.width,
                        height: e.height,
                    });
                    media.files.push(MediaFile {
                        path,
                        source: e.source,
                    });
                }
                media.images.insert(job.path.value.clone(), sizes);
            }
            Err(msg) => errors.push((Location::new(job.source, job.path.pos), msg)),
        }
    }
    if errors.is_empty() {
        Ok(media)
    } else {
        Err(errors)
    }
}

fn run(content: &Path, cache_dir: &Path, job: &Job) -> Result<(Vec<Sized>, String, bool), Msg> {
    let bytes = crate::files::read_bytes(&content.join(&job.path.value), MAX_IMAGE_BYTES)?;
    let mut hasher = Sha256::new();
    hasher.update(images::PIPELINE_VERSION.to_le_bytes());
    hasher.update([job.use_ as u8]);
    hasher.update(&bytes);
    let hash: String = hasher
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    let dir = cache_dir.join(&hash);
    if let Some(sizes) = read_cache(&dir) {
        return Ok((sizes, hash, true));
    }
    let encoded = images::process(&bytes, job.use_)?;
    write_cache(&dir, &encoded);
    let sizes = match read_cache(&dir) {
        Some(sizes) => sizes,
        None => encoded
            .into_iter()
            .map(|e| Sized {
                size: e.size,
                ext: e.ext,
                width: e.width,
                height: e.height,
                source: Source::Memory(e.bytes),
            })
            .collect(),
    };
    Ok((sizes, hash, false))
}

/// Cached sizes are files `<size>-<width>x<height>.<ext>`; a missing or unreadable
/// cache entry is simply processed again.
fn read_cache(dir: &Path) -> Option<Vec<Sized>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).ok()? {
        let path = entry.ok()?.path();
        let name = path.file_name()?.to_str()?;
        let (stem, ext) = name.rsplit_once('.')?;
        let (size, dims) = stem.split_once('-')?;
        let (w, h) = dims.split_once('x')?;
        let size = ["s", "m", "l", "x"].into_iter().find(|s| *s == size)?;
        let ext = ["jpg", "png"].into_iter().find(|e| *e == ext)?;
        let (width, height) = (w.parse().ok()?, h.parse().ok()?);
        out.push(Sized {
            size,
            ext,
            width,
            height,
            source: Source::Cached(path),
        });
    }
    out.sort_by_key(|e| e.width);
    (!out.is_empty()).then_some(out)
}

/// Best effort: a cache that cannot be written only costs time on the next build.
fn write_cache(dir: &Path, encoded: &[Encoded]) {
    let tmp: PathBuf = dir.with_extension(format!("tmp{}", std::process::id()));
    let ok = std::fs::create_dir_all(&tmp).is_ok()
        && encoded.iter().all(|e| {
            std::fs::write(
                tmp.join(format!("{}-{}x{}.{}", e.size, e.width, e.height, e.ext)),
                &e.bytes,
            )
            .is_ok()
        });
    if !ok || std::fs::rename(&tmp, dir).is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
}
