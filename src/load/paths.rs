//! Paths inside records (`photo`, `wechat_qr`): relative to `content/`, and never out of it.

use std::path::{Component, Path, PathBuf};

use crate::messages::Msg;

/// Resolves `rel` against the content folder: it must be relative, have no `..`, name an
/// existing file, and (after symlinks) still lie inside `content` (`content_real` is the
/// content folder's canonical path).
pub(super) fn resolve(content: &Path, content_real: &Path, rel: &str) -> Result<PathBuf, Msg> {
    let path = Path::new(rel);
    let escapes = rel.contains('\\')
        || path
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
    if rel.is_empty() || escapes {
        return Err(Msg::PathOutside {
            path: rel.to_owned(),
        });
    }
    let full = content.join(path);
    let real = match full.canonicalize() {
        Ok(real) => real,
        Err(_) => {
            return Err(Msg::PathMissing {
                path: rel.to_owned(),
            });
        }
    };
    if !real.starts_with(content_real) {
        return Err(Msg::PathOutside {
            path: rel.to_owned(),
        });
    }
    if !real.is_file() {
        return Err(Msg::PathNotFile {
            path: rel.to_owned(),
        });
    }
    Ok(full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_escapes_and_missing_files() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir_all(content.join("media")).unwrap();
        std::fs::write(content.join("media/a.jpg"), b"x").unwrap();
        std::fs::write(dir.path().join("secret.txt"), b"x").unwrap();
        let real = content.canonicalize().unwrap();
        assert!(resolve(&content, &real, "media/a.jpg").is_ok());
        assert_eq!(
            resolve(&content, &real, "../secret.txt")
                .unwrap_err()
                .code(),
            "path-outside"
        );
        assert_eq!(
            resolve(&content, &real, "/etc/passwd").unwrap_err().code(),
            "path-outside"
        );
        assert_eq!(
            resolve(&content, &real, "media/b.jpg").unwrap_err().code(),
            "path-missing"
        );
        assert_eq!(
            resolve(&content, &real, "media").unwrap_err().code(),
            "path-not-file"
        );
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(
                dir.path().join("secret.txt"),
                content.join("media/link.jpg"),
            )
            .unwrap();
            assert_eq!(
                resolve(&content, &real, "media/link.jpg")
                    .unwrap_err()
                    .code(),
                "path-outside"
            );
        }
    }
}
