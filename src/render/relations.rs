//! Who belongs where, computed once per build: the reverse of the records' references.
//!
//! Records point one way (a representative lists stations; a report lists
//! representatives); pages need the other way too. Building these maps once keeps
//! every page's work proportional to what it shows, never to the whole site.

use std::collections::HashMap;

use crate::model::{Report, Representative, Site, Station};

/// Reverse lookups over a site.
pub struct Relations<'a> {
    /// Published reports, newest first (then by slug).
    pub reports: Vec<&'a Report>,
    reports_by_rep: HashMap<&'a str, Vec<&'a Report>>,
    members_by_station: HashMap<&'a str, Vec<&'a Representative>>,
    members_by_group: HashMap<&'a str, Vec<&'a Representative>>,
    children_by_station: HashMap<&'a str, Vec<&'a Station>>,
}

impl<'a> Relations<'a> {
    /// Indexes `site`; drafts count only when `drafts` is set.
    pub fn new(site: &'a Site, drafts: bool) -> Relations<'a> {
        let mut reports: Vec<&Report> =
            site.reports.iter().filter(|r| drafts || !r.draft).collect();
        reports.sort_by(|a, b| {
            b.date
                .value
                .cmp(&a.date.value)
                .then_with(|| a.slug.cmp(&b.slug))
        });
        let mut reports_by_rep: HashMap<&str, Vec<&Report>> = HashMap::new();
        for r in &reports {
            for id in &r.representatives {
                reports_by_rep.entry(id.value.as_str()).or_default().push(r);
            }
        }
        let mut members_by_station: HashMap<&str, Vec<&Representative>> = HashMap::new();
        let mut members_by_group: HashMap<&str, Vec<&Representative>> = HashMap::new();
        for rep in &site.representatives {
            for s in &rep.stations {
                members_by_station
                    .entry(s.value.as_str())
                    .or_default()
                    .push(rep);
            }
            for g in &rep.groups {
                members_by_group
                    .entry(g.value.as_str())
                    .or_default()
                    .push(rep);
            }
        }
        let mut children_by_station: HashMap<&str, Vec<&Station>> = HashMap::new();
        for st in &site.stations {
            if let Some(p) = &st.parent {
                children_by_station
                    .entry(p.value.as_str())
                    .or_default()
                    .push(st);
            }
        }
        Relations {
            reports,
            reports_by_rep,
            members_by_station,
            members_by_group,
            children_by_station,
        }
    }

    /// Reports concerning a representative, newest first.
    pub fn reports_of(&self, rep: &str) -> &[&'a Report] {
        self.reports_by_rep.get(rep).map_or(&[], Vec::as_slice)
    }

    /// Representatives receiving at a station, by id.
    pub fn members_of_station(&self, station: &str) -> &[&'a Representative] {
        self.members_by_station
            .get(station)
            .map_or(&[], Vec::as_slice)
    }

    /// Members of a group, by id.
    pub fn members_of_group(&self, group: &str) -> &[&'a Representative] {
        self.members_by_group.get(group).map_or(&[], Vec::as_slice)
    }

    /// Points and offices under a station, by id.
    pub fn children_of(&self, station: &str) -> &[&'a Station] {
        self.children_by_station
            .get(station)
            .map_or(&[], Vec::as_slice)
    }
}
