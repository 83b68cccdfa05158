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
pub mod media;
pub mod messages;
pub mod model;
pub mod qr;
pub mod render;
pub mod serve;
pub mod write;
pub mod yaml;

use std::path::{Path, PathBuf};

use diag::{Diagnostics, Location};
use messages::{Lang, Msg};
use model::{Date, Site};
use render::RenderOptions;

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
    /// Counts rendered pages; hidden unless the caller shows it on a terminal.
    pub progress: Option<indicatif::ProgressBar>,
}

/// What a successful build wrote.
#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    /// HTML pages.
    pub pages: usize,
    /// All files.
    pub files: usize,
    /// Files written because they were new or changed; the rest kept their old copy.
    pub written: usize,
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
    let lang = loaded.lang;
    let mut diags = loaded.diags;
    match build_stages(opts, loaded.site, &mut diags) {
        Ok(summary) => Built {
            summary: Some(summary),
            diags,
            lang,
        },
        Err(errors) => {
            for (at, msg) in errors {
                diags.error(at, msg);
            }
            Built {
                summary: None,
                diags,
                lang,
            }
        }
    }
}

/// Problems that stop a build, each at its place.
type Stop = Vec<(Location, Msg)>;

fn stop(at: Location, msg: Msg) -> Stop {
    vec![(at, msg)]
}

/// The recipe, one line a stage; any stage's errors stop it before anything is written.
fn build_stages(
    opts: &BuildOptions,
    site: Option<Site>,
    diags: &mut Diagnostics,
) -> Result<Summary, Stop> {
    let Some(mut site) = site.filter(|_| !diags.has_errors()) else {
        return Err(Vec::new());
    };
    let output = output_folder(opts)?;
    let at_output = |msg| stop(Location::file(output.display().to_string()), msg);
    if let Some(url) = &opts.base_url {
        let url = if url.ends_with('/') {
            url.clone()
        } else {
            format!("{url}/")
        };
        site.config.base_url = Some(model::Spanned::new(url, diag::Pos::FILE));
    }
    let theme = render::theme::load(&opts.site, &site.config.theme, site.config.language)?;
    let print = print_settings(opts, &mut site, diags)?;
    let media = media::prepare(
        &opts.site.join("content"),
        &opts.site.join(".cache/images"),
        &site,
    )?;
    let progress = opts
        .progress
        .clone()
        .unwrap_or_else(indicatif::ProgressBar::hidden);
    progress.set_length(render::page_estimate(&site) as u64);
    let today = opts.today.unwrap_or_else(build_date);
    let render_opts = RenderOptions {
        today,
        drafts: opts.drafts,
        print,
        progress,
    };
    let staging = write::Staging::begin(&output).map_err(at_output)?;
    render::render(&site, &theme, &media, &render_opts, &staging)
        .map_err(|(at, msg)| stop(at, msg))?;
    for file in &media.files {
        staging.media(file).map_err(at_output)?;
    }
    let stats = staging.finish().map_err(at_output)?;
    Ok(Summary {
        pages: stats.pages,
        files: stats.files,
        written: stats.written,
        bytes: stats.bytes,
    })
}

/// Where the site goes: `--output`, or `output/` under the site.
fn output_folder(opts: &BuildOptions) -> Result<PathBuf, Stop> {
    let output = opts
        .output
        .clone()
        .unwrap_or_else(|| opts.site.join("output"));
    if output_is_safe(&opts.site, &output) {
        Ok(output)
    } else {
        Err(stop(
            Location::file(output.display().to_string()),
            Msg::OutputInsideContent,
        ))
    }
}

/// QR settings when the site has a `base_url` (new representatives get their codes
/// now, saved to `content/codes.yaml`); otherwise a warning and no codes.
fn print_settings(
    opts: &BuildOptions,
    site: &mut Site,
    diags: &mut Diagnostics,
) -> Result<Option<render::print::Print>, Stop> {
    let Some(base) = site.config.base_url.clone() else {
        diags.warning(Location::file("content/site.yaml"), Msg::NoBaseUrl);
        return Ok(None);
    };
    if site.codes.assign(&site.representatives) > 0 {
        write::save_codes(&opts.site, &site.codes)
            .map_err(|msg| stop(Location::file("content/codes.yaml"), msg))?;
    }
    Ok(Some(render::print::Print {
        base_url: base.value,
        ecc: site.config.qr_ecc,
    }))
}

/// The output may not be the site folder, hold it, or lie inside `content/`.
fn output_is_safe(site: &Path, output: &Path) -> bool {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (site, output) = (abs(site), abs(output));
    output != site && !site.starts_with(&output) && !output.starts_with(site.join("content"))
}
