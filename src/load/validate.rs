//! Checks across files: references, cycles, paths, rotas, and personal data.
//!
//! Runs on a [`Site`] whose files each read cleanly; every problem is reported at the
//! line that holds the offending reference.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::{ids, paths, privacy};
use crate::diag::{Diagnostics, Location, Pos, slash_path};
use crate::messages::{Msg, RecordKind};
use crate::model::{Site, Spanned, Tier};

/// Everything `check` verifies once all files are read.
pub(super) fn validate(site: &Site, content: &Path, known: &Known, diags: &mut Diagnostics) {
    let mut v = Validator { site, known, diags };
    v.references();
    v.aliases();
    v.station_parents();
    v.rotas_and_convenors();
    v.paths(content);
    v.personal_data();
}

/// Every record id that has a file, whether or not the file could be read: a reference
/// to a broken record is not reported again (its own error says what is wrong).
pub(super) struct Known {
    pub(super) representatives: HashSet<String>,
    pub(super) stations: HashSet<String>,
    pub(super) groups: HashSet<String>,
}

struct Validator<'a> {
    site: &'a Site,
    known: &'a Known,
    diags: &'a mut Diagnostics,
}

impl Validator<'_> {
    fn reference(&mut self, source: &Path, kind: RecordKind, id: &Spanned<String>) {
        let exists = match kind {
            RecordKind::Representative => self.known.representatives.contains(&id.value),
            RecordKind::Station => self.known.stations.contains(&id.value),
            RecordKind::Group => self.known.groups.contains(&id.value),
            RecordKind::Report => true,
        };
        if !exists {
            let all: Vec<&str> = match kind {
                RecordKind::Representative => self
                    .site
                    .representatives
                    .iter()
                    .map(|r| r.id.as_str())
                    .collect(),
                RecordKind::Station => self.site.stations.iter().map(|s| s.id.as_str()).collect(),
                RecordKind::Group => self.site.groups.iter().map(|g| g.id.as_str()).collect(),
                RecordKind::Report => Vec::new(),
            };
            let suggestion = super::reader::did_you_mean(&id.value, &all).map(str::to_owned);
            self.diags.error(
                Location::new(source, id.pos),
                Msg::UnknownRef {
                    kind,
                    id: id.value.clone(),
                    suggestion,
                },
            );
        }
    }

    fn references(&mut self) {
        let site = self.site;
        for rep in &site.representatives {
            for s in &rep.stations {
                self.reference(&rep.source, RecordKind::Station, s);
            }
            for g in &rep.groups {
                self.reference(&rep.source, RecordKind::Group, g);
            }
        }
        for report in &site.reports {
            for r in &report.representatives {
                self.reference(&report.source, RecordKind::Representative, r);
            }
            if let Some(s) = &report.station {
                self.reference(&report.source, RecordKind::Station, s);
            }
            for g in &report.groups {
                self.reference(&report.source, RecordKind::Group, g);
            }
        }
        for station in &site.stations {
            for day in &station.reception {
                for r in &day.representatives {
                    self.reference(&station.source, RecordKind::Representative, r);
                }
            }
            if let Some(p) = &station.parent {
                self.reference(&station.source, RecordKind::Station, p);
            }
        }
        for group in &site.groups {
            if let Some(c) = &group.convenor {
                self.reference(&group.source, RecordKind::Representative, c);
            }
        }
    }

    /// Earlier ids must be valid ids and lead to one representative only.
    fn aliases(&mut self) {
        let mut owner: HashMap<&str, &Path> = HashMap::new();
        for rep in &self.site.representatives {
            owner.insert(&rep.id, &rep.source);
        }
        for rep in &self.site.representatives {
            for alias in &rep.aliases {
                let at = Location::new(&rep.source, alias.pos);
                if !ids::is_valid_id(&alias.value) {
                    let suggestion = Some(ids::slug_for(&alias.value)).filter(|s| !s.is_empty());
                    self.diags.error(
                        at,
                        Msg::BadId {
                            id: alias.value.clone(),
                            suggestion,
                        },
                    );
                } else if let Some(other) = owner.get(alias.value.as_str()) {
                    self.diags.error(
                        at,
                        Msg::DuplicateAlias {
                            alias: alias.value.clone(),
                            other: slash_path(other),
                        },
                    );
                } else {
                    owner.insert(&alias.value, &rep.source);
                }
            }
        }
    }

    /// A station's parent chain must end, and should end at a station (站).
    fn station_parents(&mut self) {
        let site = self.site;
        for station in &site.stations {
            let Some(parent) = &station.parent else {
                continue;
            };
            let at = Location::new(&station.source, parent.pos);
            if let Some(p) = site.station(&parent.value) {
                if p.tier != Tier::Station && station.tier == Tier::Station {
                    self.diags.warning(
                        at.clone(),
                        Msg::ParentNotStation {
                            parent: parent.value.clone(),
                        },
                    );
                }
            }
            let mut seen = vec![station.id.as_str()];
            let mut next = Some(parent.value.as_str());
            while let Some(id) = next {
                if seen.contains(&id) {
                    seen.push(id);
                    self.diags.error(
                        at,
                        Msg::ParentCycle {
                            chain: seen.join(" → "),
                        },
                    );
                    break;
                }
                seen.push(id);
                next = site
                    .station(id)
                    .and_then(|s| s.parent.as_ref())
                    .map(|p| p.value.as_str());
            }
        }
    }

    fn rotas_and_convenors(&mut self) {
        let site = self.site;
        for station in &site.stations {
            for day in &station.reception {
                for id in &day.representatives {
                    let Some(rep) = site.representative(&id.value) else {
                        continue;
                    };
                    if !rep.stations.iter().any(|s| s.value == station.id) {
                        self.diags.warning(
                            Location::new(&station.source, id.pos),
                            Msg::RotaNotMember {
                                representative: id.value.clone(),
                                station: station.id.clone(),
                            },
                        );
                    }
                }
            }
        }
        for group in &site.groups {
            let Some(c) = &group.convenor else { continue };
            let Some(rep) = site.representative(&c.value) else {
                continue;
            };
            if !rep.groups.iter().any(|g| g.value == group.id) {
                self.diags.warning(
                    Location::new(&group.source, c.pos),
                    Msg::ConvenorNotMember {
                        representative: c.value.clone(),
                        group: group.id.clone(),
                    },
                );
            }
        }
    }

    fn paths(&mut self, content: &Path) {
        let Ok(content_real) = content.canonicalize() else {
            return;
        };
        let site = self.site;
        let mut check = |source: &Path, p: &Spanned<String>| {
            if let Err(msg) = paths::resolve(content, &content_real, &p.value) {
                self.diags.error(Location::new(source, p.pos), msg);
            }
        };
        for rep in &site.representatives {
            for p in rep.photo.iter().chain(&rep.wechat_qr) {
                check(&rep.source, p);
            }
        }
        for station in &site.stations {
            if let Some(p) = &station.photo {
                check(&station.source, p);
            }
        }
    }

    /// Warns about public text that looks like an ID number or a personal mobile.
    fn personal_data(&mut self) {
        let site = self.site;
        let look = |diags: &mut Diagnostics, source: &Path, field: &str, text: &Spanned<String>| {
            let msg = if privacy::has_id_number(&text.value) {
                Msg::LooksLikeIdNumber {
                    field: field.to_owned(),
                }
            } else if privacy::has_mobile(&text.value) {
                Msg::LooksLikeMobile {
                    field: field.to_owned(),
                }
            } else {
                return;
            };
            diags.warning(Location::new(source, text.pos), msg);
        };
        for rep in &site.representatives {
            let fields = [
                ("name", Some(&rep.name)),
                ("ethnicity", rep.ethnicity.as_ref()),
                ("congress", rep.congress.as_ref()),
                ("constituency", rep.constituency.as_ref()),
                ("region", rep.region.as_ref()),
                ("party", rep.party.as_ref()),
                ("occupation", rep.occupation.as_ref()),
                ("bio", rep.bio.as_ref()),
            ];
            for (field, text) in fields {
                if let Some(text) = text {
                    look(self.diags, &rep.source, field, text);
                }
            }
            for c in &rep.contacts {
                look(self.diags, &rep.source, "contacts.value", &c.value);
                if let Some(label) = &c.label {
                    look(self.diags, &rep.source, "contacts.label", label);
                }
            }
        }
        for st in &site.stations {
            for (field, text) in [
                ("address", &st.address),
                ("hours", &st.hours),
                ("phone", &st.phone),
                ("description", &st.description),
            ] {
                if let Some(text) = text {
                    look(self.diags, &st.source, field, text);
                }
            }
            for day in &st.reception {
                if let Some(note) = &day.note {
                    look(self.diags, &st.source, "reception.note", note);
                }
            }
        }
        for g in &site.groups {
            if let Some(d) = &g.description {
                look(self.diags, &g.source, "description", d);
            }
        }
        for report in &site.reports {
            for (field, text) in [
                ("title", Some(&report.title)),
                ("summary", report.summary.as_ref()),
            ] {
                if let Some(text) = text {
                    look(self.diags, &report.source, field, text);
                }
            }
            for (i, line) in report.body.lines().enumerate() {
                let at = Spanned::new(line.to_owned(), Pos::new(report.body_line + i as u32, 1));
                look(self.diags, &report.source, "正文 / body", &at);
            }
        }
    }
}
