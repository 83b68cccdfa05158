//! The representative page's view: everything one representative's page shows (the
//! `rep` of docs/THEMES.md), built from the cards of `context.rs`.

use serde::Serialize;

use super::context::{Ctx, Image, Link, PersonCard, ReportCard, text};
use super::labels::Label;
use crate::markdown;
use crate::model::{ContactKind, Date, ReportKind, Representative};

/// The representative page's `rep`.
#[derive(Debug, Serialize)]
pub(super) struct RepView {
    #[serde(flatten)]
    card: PersonCard,
    gender: Option<Label>,
    ethnicity: String,
    party: String,
    congress: String,
    term: TermView,
    roles: Vec<RoleView>,
    groups: Vec<Link>,
    stations: Vec<RepStation>,
    contacts: Vec<ContactView>,
    wechat_qr: Option<Image>,
    bio_html: String,
    activity: Activity,
    qr: Option<QrView>,
}

#[derive(Debug, Serialize)]
struct TermView {
    start: Option<String>,
    end: Option<String>,
}

#[derive(Debug, Serialize)]
struct RoleView {
    title: String,
    body: String,
    period: String,
}

#[derive(Debug, Serialize)]
struct RepStation {
    name: String,
    url: String,
    tier: Label,
    address: String,
    hours: String,
    receptions: Vec<DayView>,
}

#[derive(Debug, Serialize)]
struct DayView {
    date: String,
    time: String,
    note: String,
}

#[derive(Debug, Serialize)]
struct ContactView {
    kind: &'static str,
    kind_label: String,
    label: String,
    value: String,
    href: Option<String>,
}

#[derive(Debug, Default, Serialize)]
struct Activity {
    suggestions: Vec<ReportCard>,
    receptions: Vec<ReportCard>,
    report_backs: Vec<ReportCard>,
    others: Vec<ReportCard>,
}

/// The QR code of a representative (filled in by the print stage).
#[derive(Debug, Clone, Serialize)]
pub(super) struct QrView {
    /// Relative link to the SVG.
    pub svg: String,
    /// Relative link to the PNG.
    pub png: String,
    /// The short URL it encodes.
    pub short_url: String,
}

fn contact_href(kind: ContactKind, value: &str) -> Option<String> {
    let digits: String = value
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    match kind {
        ContactKind::Phone | ContactKind::Mobile if !digits.is_empty() => {
            Some(format!("tel:{digits}"))
        }
        ContactKind::Email if value.contains('@') && !value.contains(char::is_whitespace) => {
            Some(format!("mailto:{value}"))
        }
        ContactKind::Website if value.starts_with("https://") || value.starts_with("http://") => {
            Some(value.to_owned())
        }
        _ => None,
    }
}

impl Ctx<'_> {
    /// Everything the representative page shows.
    pub(super) fn rep_view(&self, rep: &Representative) -> RepView {
        let w = self.words;
        let period = |s: &Option<crate::model::Spanned<Date>>,
                      e: &Option<crate::model::Spanned<Date>>| {
            match (s, e) {
                (Some(s), Some(e)) => format!("{} – {}", w.date(s.value), w.date(e.value)),
                (Some(s), None) => format!("{} –", w.date(s.value)),
                (None, Some(e)) => format!("– {}", w.date(e.value)),
                (None, None) => String::new(),
            }
        };
        let stations = rep
            .stations
            .iter()
            .filter_map(|s| self.site.station(&s.value))
            .map(|st| RepStation {
                name: st.name.value.clone(),
                url: self.link.page(&format!("stations/{}", st.id)),
                tier: w.label("tier", st.tier),
                address: text(&st.address),
                hours: text(&st.hours),
                receptions: st
                    .reception
                    .iter()
                    .filter(|d| {
                        d.date.value >= self.today
                            && d.representatives.iter().any(|r| r.value == rep.id)
                    })
                    .map(|d| DayView {
                        date: w.date(d.date.value),
                        time: text(&d.time),
                        note: text(&d.note),
                    })
                    .collect(),
            })
            .collect();
        let mut activity = Activity::default();
        for r in self.rel.reports_of(&rep.id) {
            let card = self.report(r);
            match r.kind.value {
                ReportKind::Suggestion => activity.suggestions.push(card),
                ReportKind::Reception => activity.receptions.push(card),
                ReportKind::ReportBack => activity.report_backs.push(card),
                _ => activity.others.push(card),
            }
        }
        // The page shows the larger portrait than a card does.
        let mut card = self.person(rep);
        card.photo = self.photo(rep, "m");
        RepView {
            card,
            gender: rep.gender.as_ref().map(|g| w.label("gender", g.value)),
            ethnicity: text(&rep.ethnicity),
            party: text(&rep.party),
            congress: rep
                .congress
                .as_ref()
                .or(self.site.config.congress.as_ref())
                .map(|c| c.value.clone())
                .unwrap_or_default(),
            term: TermView {
                start: rep
                    .term
                    .as_ref()
                    .and_then(|t| t.start.as_ref())
                    .map(|d| w.date(d.value)),
                end: rep
                    .term
                    .as_ref()
                    .and_then(|t| t.end.as_ref())
                    .map(|d| w.date(d.value)),
            },
            roles: rep
                .roles
                .iter()
                .map(|r| RoleView {
                    title: r.title.value.clone(),
                    body: text(&r.body),
                    period: period(&r.start, &r.end),
                })
                .collect(),
            groups: rep
                .groups
                .iter()
                .filter_map(|g| self.site.group(&g.value))
                .map(|g| Link {
                    name: g.name.value.clone(),
                    url: self.link.page(&format!("groups/{}", g.id)),
                })
                .collect(),
            stations,
            contacts: rep
                .contacts
                .iter()
                .map(|c| ContactView {
                    kind: crate::model::Choice::key(c.kind.value),
                    kind_label: w.label("contact", c.kind.value).label,
                    label: text(&c.label),
                    value: c.value.value.clone(),
                    href: contact_href(c.kind.value, &c.value.value),
                })
                .collect(),
            wechat_qr: rep.wechat_qr.as_ref().and_then(|q| {
                self.picture(
                    &q.value,
                    format!("{} {}", rep.name.value, w.get("wechat_qr")),
                )
            }),
            bio_html: rep
                .bio
                .as_ref()
                .map(|b| markdown::to_html(&b.value))
                .unwrap_or_default(),
            activity,
            qr: self.print.and_then(|p| {
                let code = self.site.codes.code_of(rep)?;
                Some(QrView {
                    svg: self.link.file(&format!("qr/{}.svg", rep.id)),
                    png: self.link.file(&format!("qr/{}.png", rep.id)),
                    short_url: crate::qr::display_url(&p.base_url, code),
                })
            }),
        }
    }
}
