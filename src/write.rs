//! The only writer of the output folder: all or nothing.
//!
//! The new site is written into a staging folder beside the output, then swapped in.
//! Any failure before the swap leaves the previous output exactly as it was; files of
//! removed records disappear because the new tree never had them.

use std::fs;
use std::path::{Path, PathBuf};

use crate::messages::Msg;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use crate::diag::Location;
use crate::render::{OutFile, RenderError, Sink};

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteStats {
    /// Files written.
    pub files: usize,
    /// Files whose bytes were new or changed (the others were linked from the old tree).
    pub written: usize,
    /// HTML pages among them.
    pub pages: usize,
    /// Bytes written.
    pub bytes: u64,
}

fn sibling(output: &Path, suffix: &str) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    output.with_file_name(format!(".{name}.{suffix}"))
}

fn failed(path: &Path, e: std::io::Error) -> Msg {
    Msg::WriteFailed {
        reason: format!("{}: {e}", path.display()),
    }
}

/// Puts back the previous output if a build was interrupted between the two renames.
pub fn recover(output: &Path) {
    let old = sibling(output, "old");
    if !output.exists() && old.is_dir() {
        let _ = fs::rename(&old, output);
    }
}

/// The new site being written beside the output: files go in as they are rendered;
/// [`Staging::finish`] swaps it in. Dropped unfinished (a failed build), it is removed
/// and the output is left as it was.
pub struct Staging {
    dir: PathBuf,
    output: PathBuf,
    files: AtomicUsize,
    written: AtomicUsize,
    pages: AtomicUsize,
    bytes: AtomicU64,
    finished: bool,
}

impl Staging {
    /// Starts a new tree for `output` (repairing an interrupted earlier swap first).
    pub fn begin(output: &Path) -> Result<Staging, Msg> {
        recover(output);
        let dir = sibling(output, "new");
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(|e| failed(&dir, e))?;
        }
        fs::create_dir_all(&dir).map_err(|e| failed(&dir, e))?;
        Ok(Staging {
            dir,
            output: output.to_path_buf(),
            files: AtomicUsize::new(0),
            written: AtomicUsize::new(0),
            pages: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            finished: false,
        })
    }

    /// Writes one file into the new tree.
    pub fn write(&self, file: &OutFile) -> Result<(), Msg> {
        if file
            .path
            .split('/')
            .any(|part| part == ".." || part.is_empty())
        {
            return Err(Msg::WriteFailed {
                reason: format!("bad output path {}", file.path),
            });
        }
        let path = self.dir.join(&file.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| failed(parent, e))?;
        }
        if !self.reuse(&file.path, &file.bytes, &path) {
            fs::write(&path, &file.bytes).map_err(|e| failed(&path, e))?;
            self.written.fetch_add(1, Ordering::Relaxed);
        }
        self.files.fetch_add(1, Ordering::Relaxed);
        if file.path.ends_with(".html") {
            self.pages.fetch_add(1, Ordering::Relaxed);
        }
        self.bytes
            .fetch_add(file.bytes.len() as u64, Ordering::Relaxed);
        Ok(())
    }

    /// Links the current output's file into the new tree when its bytes are the same,
    /// so an unchanged file keeps its inode and mtime (rsync and upload tools then send
    /// only what changed). The old tree is never modified, so a failed build loses nothing.
    fn reuse(&self, rel: &str, bytes: &[u8], to: &Path) -> bool {
        let old = self.output.join(rel);
        let same = fs::metadata(&old).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
            && fs::read(&old).is_ok_and(|b| b == bytes);
        same && fs::hard_link(&old, to).is_ok()
    }

    /// Adds a processed image: hard-linked from the cache (no copy, no memory), or
    /// written when it only exists in memory.
    pub fn media(&self, file: &crate::media::MediaFile) -> Result<(), Msg> {
        let from = match &file.source {
            crate::media::Source::Memory(bytes) => {
                return self.write(&OutFile {
                    path: file.path.clone(),
                    bytes: bytes.clone(),
                });
            }
            crate::media::Source::Cached(from) => from,
        };
        let path = self.dir.join(&file.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| failed(parent, e))?;
        }
        if fs::hard_link(from, &path).is_err() {
            fs::copy(from, &path).map_err(|e| failed(&path, e))?;
        }
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(
            fs::metadata(&path).map_or(0, |m| m.len()),
            Ordering::Relaxed,
        );
        Ok(())
    }

    /// Puts the new tree in place of the output.
    pub fn finish(mut self) -> Result<WriteStats, Msg> {
        swap(&self.dir, &self.output)?;
        self.finished = true;
        Ok(WriteStats {
            files: self.files.load(Ordering::Relaxed),
            written: self.written.load(Ordering::Relaxed),
            pages: self.pages.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
        })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

impl Sink for Staging {
    fn put(&self, file: OutFile) -> Result<(), RenderError> {
        self.write(&file)
            .map_err(|msg| (Location::file(self.output.display().to_string()), msg))
    }
}

/// Writes `files` as the new content of `output` (all of them, then the swap).
pub fn write_site(output: &Path, files: &[OutFile]) -> Result<WriteStats, Msg> {
    let staging = Staging::begin(output)?;
    for f in files {
        staging.write(f)?;
    }
    staging.finish()
}

/// Puts the staged tree in place of the output. On Linux the two folders are exchanged
/// in one atomic step, so a build killed at any moment leaves either the whole old site
/// or the whole new one; elsewhere (or on a file system that cannot exchange) two
/// renames are used, and [`recover`] repairs the gap between them on the next build.
fn swap(staging: &Path, output: &Path) -> Result<(), Msg> {
    if output.is_dir() && exchange(staging, output).is_ok() {
        // `staging` now holds the old site.
        let _ = fs::remove_dir_all(staging);
        return Ok(());
    }
    let old = sibling(output, "old");
    if old.exists() {
        fs::remove_dir_all(&old).map_err(|e| failed(&old, e))?;
    }
    if output.exists() {
        fs::rename(output, &old).map_err(|e| failed(output, e))?;
    }
    if let Err(e) = fs::rename(staging, output) {
        let _ = fs::rename(&old, output);
        return Err(failed(output, e));
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both arguments are valid NUL-terminated paths that outlive the call.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// Writes `content/codes.yaml`: the one file repdir writes into `content/`. Written to a
/// temporary file and renamed, so it is never left half-written.
pub fn save_codes(site_root: &Path, codes: &crate::codes::Codes) -> Result<(), Msg> {
    let path = site_root.join("content/codes.yaml");
    let tmp = site_root.join("content/.codes.yaml.new");
    fs::write(&tmp, codes.to_yaml()).map_err(|e| failed(&tmp, e))?;
    fs::rename(&tmp, &path).map_err(|e| failed(&path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutFile {
        OutFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn replaces_the_whole_tree() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write_site(&out, &[file("a/index.html", "1"), file("gone.html", "x")]).unwrap();
        write_site(&out, &[file("a/index.html", "2")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), "2");
        assert!(!out.join("gone.html").exists());
        assert!(!sibling(&out, "new").exists() && !sibling(&out, "old").exists());
    }

    #[cfg(unix)]
    #[test]
    fn unchanged_files_keep_their_inode_and_only_changes_are_written() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write_site(&out, &[file("same.html", "1"), file("changed.html", "a")]).unwrap();
        let before = fs::metadata(out.join("same.html")).unwrap().ino();
        let stats = write_site(&out, &[file("same.html", "1"), file("changed.html", "b")]).unwrap();
        assert_eq!((stats.files, stats.written), (2, 1));
        assert_eq!(fs::metadata(out.join("same.html")).unwrap().ino(), before);
        assert_eq!(fs::read_to_string(out.join("changed.html")).unwrap(), "b");
    }

    #[test]
    fn a_failed_write_leaves_the_old_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("output");
        write_site(&out, &[file("index.html", "old")]).unwrap();
        assert!(write_site(&out, &[file("../escape.html", "x")]).is_err());
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
    }
}
