//! Relative links between pages, pretty (`zhang-san/`) or portable (`zhang-san/index.html`).
//!
//! Every link is relative to the page it is on, so the output works under any path
//! prefix and, in portable mode, opened straight from disk or a USB stick.

use crate::config::Links;

/// Makes links for one page.
#[derive(Debug, Clone)]
pub struct Linker {
    root: String,
    portable: bool,
}

impl Linker {
    /// Links for the page written at `out_path` (e.g. `representatives/zhang-san/index.html`).
    pub fn for_page(out_path: &str, links: Links) -> Linker {
        let depth = out_path.matches('/').count();
        Linker {
            root: "../".repeat(depth),
            portable: links == Links::Portable,
        }
    }

    /// Links from the site root's absolute path (`/` or `/rd/`): for the 404 page, which
    /// a server shows at whatever address was asked for.
    pub fn absolute(root_path: &str, links: Links) -> Linker {
        Linker {
            root: root_path.to_owned(),
            portable: links == Links::Portable,
        }
    }

    /// The way up to the site root: `""`, `"../"`, …
    pub fn root(&self) -> &str {
        &self.root
    }

    /// A link to the page whose folder is `dir` (`""` for home, `representatives/zhang-san`).
    pub fn page(&self, dir: &str) -> String {
        match (dir.is_empty(), self.portable) {
            (true, true) => format!("{}index.html", self.root),
            (true, false) if self.root.is_empty() => "./".to_owned(),
            (true, false) => self.root.clone(),
            (false, true) => format!("{}{dir}/index.html", self.root),
            (false, false) => format!("{}{dir}/", self.root),
        }
    }

    /// A link to a file (`qr/zhang-san.svg`).
    pub fn file(&self, path: &str) -> String {
        format!("{}{path}", self.root)
    }
}

/// The file a page folder is written to: `representatives/zhang-san` → `…/index.html`.
pub fn index_file(dir: &str) -> String {
    if dir.is_empty() {
        "index.html".to_owned()
    } else {
        format!("{dir}/index.html")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_relative_to_the_page() {
        let l = Linker::for_page("representatives/zhang-san/index.html", Links::Pretty);
        assert_eq!(l.page("stations/a"), "../../stations/a/");
        assert_eq!(l.page(""), "../../");
        assert_eq!(l.file("static/style.css"), "../../static/style.css");
        let home = Linker::for_page("index.html", Links::Pretty);
        assert_eq!(home.page(""), "./");
        assert_eq!(home.page("reports"), "reports/");
        let p = Linker::for_page("index.html", Links::Portable);
        assert_eq!(p.page("reports"), "reports/index.html");
        assert_eq!(p.page(""), "index.html");
    }
}
