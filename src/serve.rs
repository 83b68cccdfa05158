//! `repdir serve`: build, serve the result on loopback, rebuild on every change.
//!
//! The preview is built into `.cache/serve/` so that `output/` (what gets published) is
//! only ever written by `repdir build`. A broken edit keeps the last good build on
//! screen, with the problems shown over every page; the open page reloads itself after
//! each rebuild through a long-polling request, so no WebSocket is needed. Only files
//! inside the preview folder are ever served.

use std::io::Read as _;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::new_debouncer;

use crate::messages::Lang;
use crate::{BuildOptions, build};

/// Options of `repdir serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site's folder.
    pub site: PathBuf,
    /// Address to listen on; loopback unless asked otherwise.
    pub bind: std::net::IpAddr,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// Include draft reports.
    pub drafts: bool,
}

/// What the server shows: which build, and the problems of the last attempt.
#[derive(Default)]
struct State {
    version: u64,
    problems: Option<String>,
}

type Shared = Arc<(Mutex<State>, Condvar)>;

/// Runs until the process is stopped; returns an exit code when it cannot start.
pub fn serve(opts: &ServeOptions) -> i32 {
    let out_dir = opts.site.join(".cache/serve");
    let shared: Shared = Arc::new((Mutex::new(State::default()), Condvar::new()));
    rebuild(opts, &out_dir, &shared);
    let server = match tiny_http::Server::http(SocketAddr::new(opts.bind, opts.port)) {
        Ok(server) => Arc::new(server),
        Err(e) => {
            eprintln!("error: cannot listen on {}:{}: {e}", opts.bind, opts.port);
            return 1;
        }
    };
    watch(opts, &out_dir, &shared);
    match server.server_addr().to_ip() {
        Some(addr) => println!("serving http://{addr}/  (Ctrl+C to stop)"),
        None => println!("serving"),
    }
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (server, shared, root) = (server.clone(), shared.clone(), out_dir.clone());
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    respond(request, &root, &shared);
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    0
}

/// Builds into the preview folder and records the outcome for the pages.
fn rebuild(opts: &ServeOptions, out_dir: &Path, shared: &Shared) {
    let built = build(&BuildOptions {
        site: opts.site.clone(),
        output: Some(out_dir.to_path_buf()),
        drafts: opts.drafts,
        ..BuildOptions::default()
    });
    let text = built.diags.to_text(built.lang);
    eprint!("{text}");
    let problems = match &built.summary {
        Some(s) => {
            eprintln!("{}", rebuilt_line(built.lang, s.pages, s.written));
            None
        }
        None => {
            eprintln!("{}", kept_line(built.lang));
            Some(text)
        }
    };
    let (lock, cvar) = &**shared;
    let mut state = lock.lock().unwrap_or_else(|e| e.into_inner());
    state.version += 1;
    state.problems = problems;
    cvar.notify_all();
}

fn rebuilt_line(lang: Lang, pages: usize, written: usize) -> String {
    match lang {
        Lang::Zh => format!("已重新生成：{pages} 个页面，{written} 个文件有变化"),
        Lang::En => format!("rebuilt: {pages} pages, {written} files changed"),
    }
}

fn kept_line(lang: Lang) -> String {
    match lang {
        Lang::Zh => "内容有错误：继续显示上一次成功生成的网站".to_owned(),
        Lang::En => "the content has errors: still showing the last good build".to_owned(),
    }
}

/// Starts watching `content/` and `themes/` (before the address is announced, so no
/// edit made after that is missed); changes a moment apart count as one rebuild.
fn watch(opts: &ServeOptions, out_dir: &Path, shared: &Shared) {
    let (tx, rx) = std::sync::mpsc::channel();
    let Ok(mut debouncer) = new_debouncer(Duration::from_millis(300), None, tx) else {
        eprintln!("warning: cannot watch for changes; restart serve after editing");
        return;
    };
    for dir in ["content", "themes"] {
        let path = opts.site.join(dir);
        if path.is_dir() {
            let _ = debouncer.watch(&path, RecursiveMode::Recursive);
        }
    }
    let (opts, out_dir, shared) = (opts.clone(), out_dir.to_path_buf(), shared.clone());
    std::thread::spawn(move || {
        let _keep_watching = debouncer;
        for events in rx {
            let Ok(events) = events else { continue };
            // Reading files during a build is not an edit (or every build would start
            // the next), and codes.yaml is written by the build itself.
            let edited = events
                .iter()
                .filter(|e| is_edit(&e.kind))
                .flat_map(|e| e.paths.iter())
                .any(|p| {
                    !p.ends_with("codes.yaml")
                        && !p
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                });
            if edited {
                rebuild(&opts, &out_dir, &shared);
            }
        }
    });
}

fn is_edit(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        _ => false,
    }
}

fn respond(mut request: tiny_http::Request, root: &Path, shared: &Shared) {
    let url = request.url().to_owned();
    if let Some(query) = url.strip_prefix("/__repdir/wait") {
        let seen = query.trim_start_matches("?v=").parse::<u64>().unwrap_or(0);
        let version = wait_for_change(shared, seen);
        let _ = request.respond(tiny_http::Response::from_string(version.to_string()));
        return;
    }
    // The body of a GET is never used; drain a little of it and move on.
    let _ = request
        .as_reader()
        .take(64 * 1024)
        .read_to_end(&mut Vec::new());
    let response = match resolve(root, &url) {
        Some(path) => file_response(&path, shared),
        None => not_found(root, shared),
    };
    let _ = request.respond(response);
}

/// Blocks until the build version differs from `seen` (or 25 s pass).
fn wait_for_change(shared: &Shared, seen: u64) -> u64 {
    let (lock, cvar) = &**shared;
    let state = lock.lock().unwrap_or_else(|e| e.into_inner());
    let (state, _) = cvar
        .wait_timeout_while(state, Duration::from_secs(25), |s| s.version == seen)
        .unwrap_or_else(|e| e.into_inner());
    state.version
}

/// The file a URL path names inside `root`, or `None`: a path with `..` in any
/// encoding, or one that leads (through a link) outside `root`, names nothing.
pub fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    if decoded.contains('\\')
        || relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut full = root.join(relative);
    if full.is_dir() {
        full = full.join("index.html");
    }
    let real = full.canonicalize().ok()?;
    let root_real = root.canonicalize().ok()?;
    (real.starts_with(&root_real) && real.is_file()).then_some(real)
}

/// `%xx` decoding; `None` for malformed escapes or text that is not UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let text = String::from_utf8(out).ok()?;
    (!text.contains('\0')).then_some(text)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

type Response = tiny_http::Response<std::io::Cursor<Vec<u8>>>;

fn file_response(path: &Path, shared: &Shared) -> Response {
    let Ok(mut bytes) = std::fs::read(path) else {
        return tiny_http::Response::from_string("").with_status_code(404);
    };
    let kind = content_type(path);
    if kind.starts_with("text/html") {
        bytes = inject(&bytes, shared);
    }
    let header = tiny_http::Header::from_bytes("Content-Type", kind).ok();
    let response = tiny_http::Response::from_data(bytes);
    match header {
        Some(h) => response.with_header(h),
        None => response,
    }
}

fn not_found(root: &Path, shared: &Shared) -> Response {
    let page = std::fs::read(root.join("404.html"))
        .unwrap_or_else(|_| b"<!DOCTYPE html><title>404</title>".to_vec());
    let mut response = tiny_http::Response::from_data(inject(&page, shared)).with_status_code(404);
    if let Ok(h) = tiny_http::Header::from_bytes("Content-Type", "text/html; charset=utf-8") {
        response = response.with_header(h);
    }
    response
}

/// Adds the reload script (serve mode only) and, after a failed build, the problems.
fn inject(html: &[u8], shared: &Shared) -> Vec<u8> {
    let (version, problems) = {
        let state = shared.0.lock().unwrap_or_else(|e| e.into_inner());
        (state.version, state.problems.clone())
    };
    let mut extra = String::new();
    if let Some(text) = problems {
        extra.push_str(
            "<div role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;\
             background:#fff4f4;color:#600;border-top:4px solid #9f1d20;padding:1em;font:14px/1.5 monospace;\
             white-space:pre-wrap;z-index:9999\">",
        );
        extra.push_str(&crate::render::escape(&text));
        extra.push_str("</div>");
    }
    extra.push_str(&format!(
        "<script>(function w(){{fetch('/__repdir/wait?v={version}').then(function(r){{return r.text()}})\
         .then(function(v){{if(v!=='{version}')location.reload();else w()}},function(){{setTimeout(w,2000)}})}})()</script>"
    ));
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{extra}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{extra}").into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_path_leaves_the_root() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::write(root.join("a/index.html"), "x").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        assert!(resolve(&root, "/a/").is_some());
        assert!(resolve(&root, "/a/index.html?x=1").is_some());
        for bad in [
            "/../secret.txt",
            "/a/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/..%2fsecret.txt",
            "/a/%2e%2e/%2e%2e/secret.txt",
            "/..\\secret.txt",
            "/%00",
            "/%zz",
        ] {
            assert_eq!(resolve(&root, bad), None, "{bad}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("link.txt"))
                .unwrap();
            assert_eq!(resolve(&root, "/link.txt"), None);
        }
    }
}
