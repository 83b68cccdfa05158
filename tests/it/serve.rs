//! `repdir serve` over real loopback HTTP: pages served, edits rebuilt, a broken edit
//! keeps the last good build, and no path leads outside the preview folder.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::build::Site;

/// A running `repdir serve`, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(site: &Site) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_repdir"))
        .args(["serve", "--port", "0", "--site"])
        .arg(&site.root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap()
        .to_owned();
    assert!(addr.starts_with("127.0.0.1:"), "{line}");
    Server { child, addr }
}

/// Sends `path` as written (no normalising client in between); returns status and body.
fn get(server: &Server, path: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(&server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

/// Asks for `path` until `done` holds, for at most 20 seconds.
fn until(server: &Server, path: &str, done: impl Fn(&str) -> bool) -> String {
    let started = Instant::now();
    loop {
        let (_, body) = get(server, path);
        if done(&body) || started.elapsed() > Duration::from_secs(20) {
            return body;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

// Pages are served, with the reload script that only serve mode adds.
#[test]
fn serves_pages_with_the_reload_script() {
    let site = Site::from_fixture("build/basic");
    let server = start(&site);
    let (status, body) = get(&server, "/representatives/zhang-san/");
    assert_eq!(status, 200);
    assert!(body.contains("张三") && body.contains("/__repdir/wait"));
    assert_eq!(get(&server, "/no/such/page/").0, 404);
    assert!(
        !site.root.join("output").exists(),
        "serve leaves output/ to `repdir build`"
    );
}

// An edit is rebuilt and served; a broken edit keeps the last good build and shows
// the problem over the page.
#[test]
fn rebuilds_on_edits_and_keeps_the_last_good_build() {
    let site = Site::from_fixture("build/basic");
    let server = start(&site);
    let rep = site.root.join("content/representatives/zhang-san.yaml");
    let yaml = std::fs::read_to_string(&rep).unwrap();
    std::fs::write(&rep, yaml.replace("青溪中学教师", "青溪中学高级教师")).unwrap();
    let body = until(&server, "/representatives/zhang-san/", |b| {
        b.contains("高级教师")
    });
    assert!(body.contains("高级教师"), "the edit was not rebuilt");
    let li_si = site.root.join("content/representatives/li-si.yaml");
    let text = std::fs::read_to_string(&li_si).unwrap();
    std::fs::write(&li_si, format!("{text}levle: city\n")).unwrap();
    let body = until(&server, "/representatives/zhang-san/", |b| {
        b.contains("role=\"alert\"")
    });
    assert!(
        body.contains("role=\"alert\"") && body.contains("levle"),
        "no problem shown"
    );
    assert!(
        body.contains("高级教师"),
        "the last good build is still served"
    );
}

// No spelling of `..` reaches outside the preview folder.
#[test]
fn refuses_paths_outside_the_preview() {
    let site = Site::from_fixture("build/basic");
    std::fs::write(site.root.join("secret.txt"), "SECRET-OUTSIDE").unwrap();
    let server = start(&site);
    for path in [
        "/../secret.txt",
        "/../../secret.txt",
        "/../../../secret.txt",
        "/%2e%2e/%2e%2e/%2e%2e/secret.txt",
        "/%2E%2E%2F%2E%2E%2F%2E%2E%2Fsecret.txt",
        "/..%2f..%2f..%2fsecret.txt",
        "/static/..%5c..%5c..%5csecret.txt",
        "/%252e%252e/secret.txt",
    ] {
        let (status, body) = get(&server, path);
        assert!(status == 404 || status == 400, "{path}: {status}");
        assert!(!body.contains("SECRET-OUTSIDE"), "{path} leaked a file");
    }
    // Still serving after all that.
    assert_eq!(get(&server, "/").0, 200);
}
