//! The site as plain data: settings, records and reports, with lookups by id.
//!
//! Nothing here reads or writes files. The loader (`crate::load`) builds a [`Site`];
//! every later stage only reads it.

mod common;
mod group;
mod report;
mod representative;
mod station;

use std::collections::HashMap;

pub use common::{
    Choice, ContactKind, Date, Gender, Level, ReportKind, Satisfaction, Spanned, StationKind,
    Status, Tier, parse_date,
};
pub use group::Group;
pub use report::{ReceptionInfo, Report, SuggestionInfo};
pub use representative::{Contact, Representative, Role, Term};
pub use station::{GeoPoint, ReceptionDay, Station};

use crate::codes::Codes;
use crate::config::SiteConfig;

/// Everything a site holds, sorted by id (reports by slug) so output is deterministic.
#[derive(Debug, Clone)]
pub struct Site {
    /// `content/site.yaml`.
    pub config: SiteConfig,
    /// Representatives, by id.
    pub representatives: Vec<Representative>,
    /// Stations, by id.
    pub stations: Vec<Station>,
    /// Groups, by id.
    pub groups: Vec<Group>,
    /// Reports, by slug (drafts included; the renderer decides).
    pub reports: Vec<Report>,
    /// Short codes of the printed QR codes (`content/codes.yaml`).
    pub codes: Codes,
    rep_index: HashMap<String, usize>,
    station_index: HashMap<String, usize>,
    group_index: HashMap<String, usize>,
}

impl Site {
    /// Puts the records in id order and indexes them.
    pub fn new(
        config: SiteConfig,
        mut representatives: Vec<Representative>,
        mut stations: Vec<Station>,
        mut groups: Vec<Group>,
        mut reports: Vec<Report>,
    ) -> Site {
        representatives.sort_by(|a, b| a.id.cmp(&b.id));
        stations.sort_by(|a, b| a.id.cmp(&b.id));
        groups.sort_by(|a, b| a.id.cmp(&b.id));
        reports.sort_by(|a, b| a.slug.cmp(&b.slug));
        let index = |ids: Vec<&String>| -> HashMap<String, usize> {
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i))
                .collect()
        };
        Site {
            rep_index: index(representatives.iter().map(|r| &r.id).collect()),
            station_index: index(stations.iter().map(|s| &s.id).collect()),
            group_index: index(groups.iter().map(|g| &g.id).collect()),
            config,
            representatives,
            stations,
            groups,
            reports,
            codes: Codes::default(),
        }
    }

    /// The representative with this id.
    pub fn representative(&self, id: &str) -> Option<&Representative> {
        self.rep_index.get(id).map(|&i| &self.representatives[i])
    }

    /// The station with this id.
    pub fn station(&self, id: &str) -> Option<&Station> {
        self.station_index.get(id).map(|&i| &self.stations[i])
    }

    /// The group with this id.
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.group_index.get(id).map(|&i| &self.groups[i])
    }
}
