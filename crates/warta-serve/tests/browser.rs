//! The dashboard in a real browser: Debian's headless Chromium driven through chromedriver (WebDriver),
//! against a server on loopback over a store filled from `examples/`. Filters by a country, checks that
//! the timeline, map and table follow, opens an article and finds the highlighted trigger, and saves a
//! screenshot to `target/test-artifacts/dashboard.png`.
//!
//! Without chromium and chromedriver the test says so loudly and passes, unless `WARTA_REQUIRE_BROWSER`
//! is set (as `.ci/run` does), where their absence fails it.

mod common;

use fantoccini::{Client, ClientBuilder, Locator};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Ends chromedriver (and so its browsers) however the test ends.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn find_binary(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    names.iter().flat_map(|n| std::env::split_paths(&path).map(move |d| d.join(n))).find(|p| p.is_file())
}

/// Waits until `f` holds (the page loads its panels asynchronously).
async fn until<F, Fut>(what: &str, mut f: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let end = Instant::now() + Duration::from_secs(15);
    while !f().await {
        assert!(Instant::now() < end, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn count(c: &Client, css: &str) -> usize {
    c.find_all(Locator::Css(css)).await.map(|v| v.len()).unwrap_or(0)
}

async fn texts(c: &Client, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in c.find_all(Locator::Css(css)).await.unwrap() {
        out.push(e.text().await.unwrap_or_default());
    }
    out
}

async fn attrs(c: &Client, css: &str, name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for e in c.find_all(Locator::Css(css)).await.unwrap() {
        out.extend(e.attr(name).await.unwrap());
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dashboard_filters_and_highlights() {
    let required = std::env::var_os("WARTA_REQUIRE_BROWSER").is_some();
    let (Some(chromium), Some(chromedriver)) = (find_binary(&["chromium", "chromium-browser"]), find_binary(&["chromedriver"])) else {
        assert!(!required, "WARTA_REQUIRE_BROWSER is set but chromium or chromedriver is missing (apt-get install chromium chromium-driver)");
        eprintln!("\n!!! BROWSER TEST SKIPPED: chromium and chromedriver not found (apt-get install chromium chromium-driver) !!!\n");
        return;
    };

    let dir = tempfile::tempdir().unwrap();
    let db = common::store(dir.path());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(warta_serve::serve(listener, warta_serve::router(common::state(&db, false, 0))));

    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let _driver = Driver(
        Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts"),
    );
    let profile = dir.path().join("profile");
    let caps = serde_json::json!({
        "goog:chromeOptions": {
            "binary": chromium,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--window-size=1280,1400", format!("--user-data-dir={}", profile.display())]
        }
    });
    let mut client = None;
    let end = Instant::now() + Duration::from_secs(20);
    while client.is_none() {
        match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new()).capabilities(caps.as_object().unwrap().clone()).connect(&format!("http://127.0.0.1:{port}")).await {
            Ok(c) => client = Some(c),
            Err(e) => {
                assert!(Instant::now() < end, "cannot reach chromedriver: {e}");
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    }
    let c = client.unwrap();

    let started = Instant::now();
    c.goto(&format!("http://{addr}/")).await.unwrap();
    until("the first table", || async { count(&c, "#events tbody tr[data-id]").await > 0 }).await;
    eprintln!("dashboard loaded in {} ms", started.elapsed().as_millis());
    let all_rows = count(&c, "#events tbody tr[data-id]").await;
    let all_places = count(&c, "#map circle.place").await;

    // Filter by North Korea.
    c.find(Locator::Id("f-country")).await.unwrap().send_keys("PRK").await.unwrap();
    c.find(Locator::Id("apply")).await.unwrap().click().await.unwrap();
    until("the filtered table", || async {
        let n = count(&c, "#events tbody tr[data-id]").await;
        n > 0 && n < all_rows && texts(&c, "#status").await.join("").contains("places")
    })
    .await;
    // Every event involves North Korea, the timeline shows 18 and 19 June 2024, the map marks North Korea.
    let rows = texts(&c, "#events tbody tr[data-id]").await;
    assert!(rows.iter().all(|r| r.contains("PRK")), "{rows:?}");
    let periods = attrs(&c, "#timeline rect.bar", "data-period").await;
    assert!(periods.contains(&"2024-06-18".to_string()) && periods.contains(&"2024-06-19".to_string()), "{periods:?}");
    assert_eq!(attrs(&c, "#map path.selected", "data-iso3").await, ["PRK"]);
    let places = attrs(&c, "#map circle.place", "data-country").await;
    assert!(places.contains(&"PRK".to_string()) && places.len() < all_places, "{places:?}");
    let nodes = attrs(&c, "#network circle.node", "data-code").await;
    assert!(nodes.contains(&"RUSGOV".to_string()) && nodes.contains(&"PRK".to_string()), "{nodes:?}");

    // Open the first event's article: its trigger is highlighted.
    c.find(Locator::Css("#events tbody tr[data-id]")).await.unwrap().click().await.unwrap();
    until("the article", || async { count(&c, "#article-text mark.trigger").await > 0 }).await;
    let triggers = texts(&c, "#article-text mark.trigger").await;
    assert!(triggers.iter().all(|t| !t.trim().is_empty()), "{triggers:?}");
    assert!(count(&c, "#article-text .quote").await > 0, "quotes are highlighted");
    assert!(count(&c, "#article-text .speaker").await > 0, "speakers are highlighted");

    let png = c.screenshot().await.unwrap();
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/test-artifacts");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("dashboard.png"), png).unwrap();
    c.close().await.unwrap();
}
