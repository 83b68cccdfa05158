//! View structs: the only thing templates see (docs/THEMES.md is their contract).
//!
//! Built per page from the model, with every link already relative to that page and
//! every date and label already in the site's language, so templates stay simple and
//! the model can change without breaking themes.

use serde::Serialize;

use super::labels::{Label, Words};
use super::links::Linker;
use super::relations::Relations;
use crate::markdown;
use crate::model::{Date, Report, Representative, Site, Station};

/// What every view builder needs.
pub struct Ctx<'a> {
    /// The site.
    pub site: &'a Site,
    /// Words in the site's language.
    pub words: &'a Words<'a>,
    /// Who belongs where.
    pub rel: &'a Relations<'a>,
    /// The build date: what is "upcoming" and who is "former".
    pub today: Date,
    /// Links for the page being built.
    pub link: Linker,
    /// Print settings, when the site has QR codes.
    pub print: Option<&'a super::print::Print>,
    /// Published images.
    pub media: &'a crate::media::Media,
}

/// `{name, url}`.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Shown text.
    pub name: String,
    /// Relative href.
    pub url: String,
}

/// An image.
#[derive(Debug, Clone, Serialize)]
pub struct Image {
    /// Relative src.
    pub src: String,
    /// `srcset`, may be empty.
    pub srcset: String,
    /// Pixel width, when known.
    pub width: Option<u32>,
    /// Pixel height, when known.
    pub height: Option<u32>,
    /// Alternative text.
    pub alt: String,
}

/// A representative's card.
#[derive(Debug, Clone, Serialize)]
pub struct PersonCard {
    id: String,
    url: String,
    name: String,
    name_pinyin: String,
    pub(super) photo: Option<Image>,
    level: Label,
    post: String,
    region: String,
    constituency: String,
    stations: Vec<Link>,
    former: bool,
}

/// A station's card.
#[derive(Debug, Clone, Serialize)]
pub struct StationCard {
    id: String,
    url: String,
    name: String,
    tier: Label,
    kind: Label,
    parent: Option<Link>,
    region: String,
    address: String,
    hours: String,
    phone: String,
    member_count: usize,
}

/// A report's card, with the suggestion and reception details when it has them.
#[derive(Debug, Clone, Serialize)]
pub struct ReportCard {
    slug: String,
    url: String,
    title: String,
    date: String,
    kind: Label,
    summary: String,
    representatives: Vec<Link>,
    suggestion: Option<SuggestionView>,
    reception: Option<ReceptionView>,
    station: Option<Link>,
}

#[derive(Debug, Clone, Serialize)]
struct SuggestionView {
    number: String,
    status: Option<Label>,
    handler: String,
    answered_on: Option<String>,
    satisfaction: Option<Label>,
}

#[derive(Debug, Clone, Serialize)]
struct ReceptionView {
    visitors: Option<u32>,
    opinions: Option<u32>,
}

pub(super) fn text(s: &Option<crate::model::Spanned<String>>) -> String {
    s.as_ref().map(|s| s.value.clone()).unwrap_or_default()
}

impl Ctx<'_> {
    /// A link to a representative's page.
    pub fn rep_link(&self, rep: &Representative) -> Link {
        Link {
            name: rep.name.value.clone(),
            url: self.link.page(&format!("representatives/{}", rep.id)),
        }
    }

    /// A link to a station's page.
    pub fn station_link(&self, st: &Station) -> Link {
        Link {
            name: st.name.value.clone(),
            url: self.link.page(&format!("stations/{}", st.id)),
        }
    }

    /// A representative's portrait at `size` (`s` card, `m` page, `l` print), with
    /// every size in `srcset`; `None` without a photo.
    pub fn photo(&self, rep: &Representative, size: &str) -> Option<Image> {
        let photo = rep.photo.as_ref()?;
        let main = self.media.size(&photo.value, size)?;
        let all = self.media.get(&photo.value).unwrap_or_default();
        let srcset: Vec<String> = all
            .iter()
            .map(|p| format!("{} {}w", self.link.file(&p.path), p.width))
            .collect();
        Some(Image {
            src: self.link.file(&main.path),
            srcset: srcset.join(", "),
            width: Some(main.width),
            height: Some(main.height),
            alt: rep.name.value.clone(),
        })
    }

    /// Any other published picture (WeChat QR, station photo).
    pub fn picture(&self, content_rel: &str, alt: String) -> Option<Image> {
        let p = self.media.size(content_rel, "x")?;
        Some(Image {
            src: self.link.file(&p.path),
            srcset: String::new(),
            width: Some(p.width),
            height: Some(p.height),
            alt,
        })
    }

    /// A representative's card.
    pub fn person(&self, rep: &Representative) -> PersonCard {
        PersonCard {
            id: rep.id.clone(),
            url: self.link.page(&format!("representatives/{}", rep.id)),
            name: rep.name.value.clone(),
            name_pinyin: super::pinyin_of(rep),
            photo: self.photo(rep, "s"),
            level: self.words.label("level", rep.level.value),
            post: text(&rep.occupation),
            region: text(&rep.region),
            constituency: text(&rep.constituency),
            stations: rep
                .stations
                .iter()
                .filter_map(|s| self.site.station(&s.value))
                .map(|s| self.station_link(s))
                .collect(),
            former: rep.is_former(self.today),
        }
    }

    /// A station's card.
    pub fn station(&self, st: &Station) -> StationCard {
        StationCard {
            id: st.id.clone(),
            url: self.link.page(&format!("stations/{}", st.id)),
            name: st.name.value.clone(),
            tier: self.words.label("tier", st.tier),
            kind: self.words.label("kind", st.kind),
            parent: st
                .parent
                .as_ref()
                .and_then(|p| self.site.station(&p.value))
                .map(|p| self.station_link(p)),
            region: text(&st.region),
            address: text(&st.address),
            hours: text(&st.hours),
            phone: text(&st.phone),
            member_count: self.rel.members_of_station(&st.id).len(),
        }
    }

    /// A report's card.
    pub fn report(&self, r: &Report) -> ReportCard {
        let summary = match &r.summary {
            Some(s) => s.value.clone(),
            None => markdown::first_paragraph(&r.body),
        };
        ReportCard {
            slug: r.slug.clone(),
            url: self.link.page(&format!("reports/{}", r.slug)),
            title: r.title.value.clone(),
            date: self.words.date(r.date.value),
            kind: self.words.label("report", r.kind.value),
            summary,
            representatives: r
                .representatives
                .iter()
                .filter_map(|id| self.site.representative(&id.value))
                .map(|rep| self.rep_link(rep))
                .collect(),
            suggestion: r.suggestion.as_ref().map(|s| SuggestionView {
                number: text(&s.number),
                status: s
                    .status
                    .as_ref()
                    .map(|v| self.words.label("status", v.value)),
                handler: text(&s.handler),
                answered_on: s.answered_on.as_ref().map(|d| self.words.date(d.value)),
                satisfaction: s
                    .satisfaction
                    .as_ref()
                    .map(|v| self.words.label("satisfaction", v.value)),
            }),
            reception: r.reception.as_ref().map(|x| ReceptionView {
                visitors: x.visitors.as_ref().map(|v| v.value),
                opinions: x.opinions.as_ref().map(|v| v.value),
            }),
            station: r
                .station
                .as_ref()
                .and_then(|s| self.site.station(&s.value))
                .map(|s| self.station_link(s)),
        }
    }
}
