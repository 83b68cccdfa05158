//! repdir: a static site generator for public directories of elected representatives.
//!
//! The pipeline is the module list, and [`build`] reads as it:
//! [`load`] (read `content/` into a [`model::Site`], check it) → [`render`] (theme and
//! view structs → pages in memory, with [`markdown`] and [`images`]) → [`write`] (swap
//! the new tree in). Every stage reports into [`diag::Diagnostics`]; nothing is written
//! unless every stage succeeded. See ARCHITECTURE.md.

#![warn(missing_docs, unreachable_pub)]

pub mod cli;
pub mod codes;
pub mod config;
pub mod diag;
pub mod files;
pub mod images;
pub mod load;
pub mod markdown;
pub mod messages;
pub mod model;
pub mod qr;
pub mod render;
pub mod write;
pub mod yaml;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use diag::{Diagnostics, Location};
use messages::{Lang, Msg};
use model::{Date, Site};
use render::{OutFile, RenderOptions};

/// Reads and checks the site at `root`: the whole of `repdir check`.
pub fn check(root: &Path) -> load::Loaded {
    load::load(root)
}

/// Options of [`build`].
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site's folder (holding `content/`).
    pub site: PathBuf,
    /// Where to write; `output/` under the site by default.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of `site.yaml`.
    pub base_url: Option<String>,
    /// Include draft reports.
    pub drafts: bool,
    /// The build date; `SOURCE_DATE_EPOCH` or today when `None`.
    pub today: Option<Date>,
}

/// What a successful build wrote.
#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    /// HTML pages.
    pub pages: usize,
    /// All files.
    pub files: usize,
    /// Total bytes.
    pub bytes: u64,
}

/// The result of a build: the summary when it wrote the site, and every diagnostic.
#[derive(Debug)]
pub struct Built {
    /// `Some` when the new site was written.
    pub summary: Option<Summary>,
    /// Problems found (warnings only when `summary` is `Some`).
    pub diags: Diagnostics,
    /// Language of the messages.
    pub lang: Lang,
}

/// The build date: `SOURCE_DATE_EPOCH` (reproducible builds) or today, UTC.
pub fn build_date() -> Date {
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| time::OffsetDateTime::from_unix_timestamp(secs).ok())
        .unwrap_or_else(time::OffsetDateTime::now_utc);
    now.date()
}

/// Builds the site: check, render, write. Nothing is written unless all succeed.
pub fn build(opts: &BuildOptions) -> Built {
    let loaded = load::load(&opts.site);
    let (lang, mut diags) = (loaded.lang, loaded.diags);
    let fail = |diags| Built {
        summary: None,
        diags,
        lang,
    };
    let Some(mut site) = loaded.site.filter(|_| !diags.has_errors()) else {
        return fail(diags);
    };
    if let Some(url) = &opts.base_url {
        let url = if url.ends_with('/') {
            url.clone()
        } else {
            format!("{url}/")
        };
        site.config.base_url = Some(model::Spanned::new(url, diag::Pos::FILE));
    }
    let output = opts
        .output
        .clone()
        .unwrap_or_else(|| opts.site.join("output"));
    if !output_is_safe(&opts.site, &output) {
        diags.error(
            Location::file(output.display().to_string()),
            Msg::OutputInsideContent,
        );
        return fail(diags);
    }
    let theme = match render::theme::load(&opts.site, &site.config.theme, lang) {
        Ok(theme) => theme,
        Err(errors) => {
            for (at, msg) in errors {
                diags.error(at, msg);
            }
            return fail(diags);
        }
    };
    let today = opts.today.unwrap_or_else(build_date);
    let print = match &site.config.base_url {
        Some(base) => {
            if site.codes.assign(&site.representatives) > 0 {
                if let Err(msg) = write::save_codes(&opts.site, &site.codes) {
                    diags.error(Location::file("content/codes.yaml"), msg);
                    return fail(diags);
                }
            }
            Some(render::print::Print {
                base_url: base.value.clone(),
                ecc: site.config.qr_ecc,
            })
        }
        None => {
            diags.warning(Location::file("content/site.yaml"), Msg::NoBaseUrl);
            None
        }
    };
    let render_opts = RenderOptions {
        today,
        drafts: opts.drafts,
        print,
    };
    let mut files = match render::render(&site, &theme, &render_opts) {
        Ok(files) => files,
        Err((at, msg)) => {
            diags.error(at, msg);
            return fail(diags);
        }
    };
    let pages = files.iter().filter(|f| f.path.ends_with(".html")).count();
    match media(&opts.site, &site) {
        Ok(media) => files.extend(media),
        Err(errors) => {
            for (at, msg) in errors {
                diags.error(at, msg);
            }
            return fail(diags);
        }
    }
    match write::write_site(&output, &files) {
        Ok(stats) => Built {
            summary: Some(Summary {
                pages,
                files: stats.files,
                bytes: stats.bytes,
            }),
            diags,
            lang,
        },
        Err(msg) => {
            diags.error(Location::file(output.display().to_string()), msg);
            fail(diags)
        }
    }
}

/// The output may not be the site folder, hold it, or lie inside `content/`.
fn output_is_safe(site: &Path, output: &Path) -> bool {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (site, output) = (abs(site), abs(output));
    output != site && !site.starts_with(&output) && !output.starts_with(site.join("content"))
}

/// Every image a record points at, cleaned of metadata, at its published path.
fn media(root: &Path, site: &Site) -> Result<Vec<OutFile>, Vec<(Location, Msg)>> {
    let mut wanted: Vec<(&Path, &model::Spanned<String>)> = Vec::new();
    for rep in &site.representatives {
        wanted.extend(
            rep.photo
                .iter()
                .chain(&rep.wechat_qr)
                .map(|p| (rep.source.as_path(), p)),
        );
    }
    for st in &site.stations {
        wanted.extend(st.photo.iter().map(|p| (st.source.as_path(), p)));
    }
    wanted.sort_by(|a, b| a.1.value.cmp(&b.1.value));
    wanted.dedup_by(|a, b| a.1.value == b.1.value);
    let results: Vec<Result<OutFile, (Location, Msg)>> = wanted
        .par_iter()
        .map(|(source, p)| {
            let at = || Location::new(*source, p.pos);
            let bytes = std::fs::read(root.join("content").join(&p.value)).map_err(|e| {
                (
                    at(),
                    Msg::ReadFailed {
                        reason: e.to_string(),
                    },
                )
            })?;
            let clean = images::clean(&bytes).map_err(|m| (at(), m))?;
            Ok(OutFile {
                path: render::media_path(&p.value),
                bytes: clean,
            })
        })
        .collect();
    let (ok, errors): (Vec<_>, Vec<_>) = results.into_iter().partition(Result::is_ok);
    if errors.is_empty() {
        Ok(ok.into_iter().flatten().collect())
    } else {
        Err(errors.into_iter().filter_map(Result::err).collect())
    }
}
