//! What is printed and scanned: QR code files, short-link pages, noticeboards.
//!
//! Only built when the site has a `base_url`, since a printed code must hold an
//! absolute address. Short-link pages need no script: a meta refresh plus a visible
//! link, and the feedback channel for whoever lands there.

use rayon::prelude::*;
use serde::Serialize;

use super::context::{Ctx, Image, Link};
use super::frame::{PageSpec, Renderer};
use super::{OutFile, RenderError, Sink, escape};
use crate::codes::Target;
use crate::config::Paper;
use crate::model::Station;
use crate::qr;

/// The print settings of a build with a `base_url`.
#[derive(Debug, Clone)]
pub struct Print {
    /// The site's absolute address, ending in `/`.
    pub base_url: String,
    /// QR error correction level.
    pub ecc: char,
}

/// Printed width of a board's QR code, quiet zone excluded, in millimetres.
pub const BOARD_QR_MM: f64 = 30.5;

/// Width of the QR image for a code `modules` wide so the code is [`BOARD_QR_MM`] wide.
pub fn qr_image_mm(modules: usize) -> f64 {
    let n = modules as f64;
    (BOARD_QR_MM * (n + 2.0 * f64::from(qr::QUIET_ZONE)) / n * 10.0).ceil() / 10.0
}

/// Tiles on one printed sheet, by paper and orientation.
pub fn tiles_per_sheet(paper: Paper, landscape: bool) -> (usize, usize) {
    match (paper, landscape) {
        (Paper::A4, false) => (2, 3),
        (Paper::A4, true) => (3, 2),
        (Paper::A3, false) => (3, 4),
        (Paper::A3, true) => (4, 3),
    }
}

#[derive(Serialize)]
struct Tile {
    name: String,
    url: String,
    level: super::labels::Label,
    post: String,
    photo: Option<Image>,
    qr: String,
    /// Width of the QR image (quiet zone included) that makes the code itself at
    /// least [`BOARD_QR_MM`] wide.
    qr_mm: String,
    short_url: String,
    wechat_qr: Option<Image>,
}

#[derive(Serialize)]
struct Sheet {
    number: usize,
    tiles: Vec<Tile>,
}

impl Renderer<'_> {
    /// `qr/<id>.svg` and `qr/<id>.png` for every representative with a code.
    pub(super) fn qr_files(&self, print: &Print, sink: &dyn Sink) -> Result<(), RenderError> {
        self.site
            .representatives
            .par_iter()
            .filter_map(|rep| self.site.codes.code_of(rep).map(|code| (rep, code)))
            .try_for_each(|(rep, code)| {
                let payload = qr::payload(&print.base_url, code);
                let qr = qr::encode(&payload, print.ecc)
                    .map_err(|m| (crate::diag::Location::file("content/codes.yaml"), m))?;
                sink.put(OutFile {
                    path: format!("qr/{}.svg", rep.id),
                    bytes: qr::svg(&qr).into_bytes(),
                })?;
                sink.put(OutFile {
                    path: format!("qr/{}.png", rep.id),
                    bytes: qr::png(&qr),
                })
            })
    }

    /// `R/<CODE>/index.html` for every code ever given out.
    pub(super) fn short_links(&self) -> Vec<OutFile> {
        let cfg = &self.site.config;
        let feedback = cfg.feedback.as_ref().map(|f| {
            let label = f
                .label
                .as_ref()
                .map_or_else(|| self.words.get("feedback_link"), |l| l.value.clone());
            let link = match &f.url {
                Some(u) => format!("<a href=\"{}\">{}</a>", escape(&u.value), escape(&label)),
                None => escape(&label),
            };
            let phone = f
                .phone
                .as_ref()
                .map(|p| format!(" {}", escape(&p.value)))
                .unwrap_or_default();
            format!(
                "<p>{}{link}{phone}</p>\n",
                escape(&self.words.get("feedback_intro"))
            )
        });
        self.site
            .codes
            .targets(self.site)
            .into_iter()
            .map(|(code, target)| {
                let dir = format!("R/{code}");
                let ctx = self.ctx(&dir);
                let (url, name) = match target {
                    Target::Rep(rep) => (
                        ctx.link.page(&format!("representatives/{}", rep.id)),
                        rep.name.value.clone(),
                    ),
                    Target::Gone => (
                        ctx.link.page("representatives"),
                        self.words.get("code_gone"),
                    ),
                };
                let html = super::redirect_page_with(
                    &url,
                    &name,
                    cfg.language.tag(),
                    feedback.as_deref().unwrap_or(""),
                );
                OutFile {
                    path: super::links::index_file(&dir),
                    bytes: html.into_bytes(),
                }
            })
            .collect()
    }

    fn tile(&self, ctx: &Ctx, rep: &crate::model::Representative, print: &Print) -> Option<Tile> {
        let code = self.site.codes.code_of(rep)?;
        let photo = ctx.photo(rep, "l");
        Some(Tile {
            name: rep.name.value.clone(),
            url: ctx.link.page(&format!("representatives/{}", rep.id)),
            level: self.words.label("level", rep.level.value),
            post: rep
                .occupation
                .as_ref()
                .map(|o| o.value.clone())
                .unwrap_or_default(),
            photo,
            qr: ctx.link.file(&format!("qr/{}.svg", rep.id)),
            qr_mm: format!(
                "{:.1}",
                qr_image_mm(qr::modules(&qr::payload(&print.base_url, code), print.ecc).ok()?)
            ),
            short_url: qr::display_url(&print.base_url, code),
            wechat_qr: rep.wechat_qr.as_ref().and_then(|q| {
                ctx.picture(
                    &q.value,
                    format!("{} {}", rep.name.value, self.words.get("wechat_qr")),
                )
            }),
        })
    }

    /// `boards/index.html` and one printable board per station with representatives.
    pub(super) fn boards(&self, print: &Print) -> Result<Vec<OutFile>, RenderError> {
        let cfg = &self.site.config;
        let (cols, rows) = tiles_per_sheet(cfg.paper, cfg.landscape);
        let per_sheet = cols * rows;
        let today = self.opts.today;
        let stations: Vec<&Station> = self
            .site
            .stations
            .iter()
            .filter(|s| {
                self.rel
                    .members_of_station(&s.id)
                    .iter()
                    .any(|r| !r.is_former(today))
            })
            .collect();
        let mut out = Vec::new();
        out.push(self.page(
            PageSpec {
                dir: "boards",
                template: "boards.html",
                section: "boards",
                title: self.words.get("nav_boards"),
                description: String::new(),
                record: None,
            },
            |ctx, c| {
                let list: Vec<serde_json::Value> = stations
                    .iter()
                    .map(|s| {
                        let n = self
                            .rel
                            .members_of_station(&s.id)
                            .iter()
                            .filter(|r| !r.is_former(today))
                            .count();
                        serde_json::json!({
                            "station": ctx.station(s),
                            "url": ctx.link.page(&format!("boards/{}", s.id)),
                            "count": n,
                            "sheets": n.div_ceil(per_sheet),
                        })
                    })
                    .collect();
                c.insert("boards", &list);
            },
        )?);
        for st in stations {
            let dir = format!("boards/{}", st.id);
            let title = format!("{} · {}", st.name.value, self.words.get("board_title"));
            out.push(self.page(
                PageSpec {
                    dir: &dir,
                    template: "board.html",
                    section: "boards",
                    title,
                    description: String::new(),
                    record: Some(&st.source),
                },
                |ctx, c| {
                    let tiles: Vec<Tile> = self
                        .rel
                        .members_of_station(&st.id)
                        .iter()
                        .filter(|r| !r.is_former(today))
                        .filter_map(|r| self.tile(ctx, r, print))
                        .collect();
                    let total = tiles.len();
                    let mut sheets: Vec<Sheet> = Vec::new();
                    for (i, tile) in tiles.into_iter().enumerate() {
                        if i % per_sheet == 0 {
                            sheets.push(Sheet {
                                number: sheets.len() + 1,
                                tiles: Vec::new(),
                            });
                        }
                        if let Some(sheet) = sheets.last_mut() {
                            sheet.tiles.push(tile);
                        }
                    }
                    let upcoming: Vec<serde_json::Value> = st
                    .reception
                    .iter()
                    .filter(|d| d.date.value >= today)
                    .take(3)
                    .map(|d| {
                        let people: Vec<Link> = d
                            .representatives
                            .iter()
                            .filter_map(|id| self.site.representative(&id.value))
                            .map(|r| ctx.rep_link(r))
                            .collect();
                        serde_json::json!({
                            "date": self.words.date(d.date.value),
                            "time": d.time.as_ref().map(|t| t.value.clone()).unwrap_or_default(),
                            "people": people,
                        })
                    })
                    .collect();
                    c.insert(
                        "board",
                        &serde_json::json!({
                            "station": ctx.station(st),
                            "receptions": upcoming,
                            "sheets": sheets,
                            "count": total,
                            "paper": match cfg.paper { Paper::A4 => "A4", Paper::A3 => "A3" },
                            "orientation": if cfg.landscape { "landscape" } else { "portrait" },
                            "columns": cols,
                            "rows": rows,
                            "stylesheet": ctx.link.file("static/board.css"),
                        }),
                    );
                },
            )?);
        }
        Ok(out)
    }
}
