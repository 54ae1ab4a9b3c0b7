//! Every endpoint against a store filled from `examples/`: answers, bad parameters, the ingest token, the
//! limits, and the OpenAPI document held to the routes.

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

struct App {
    router: axum::Router,
    _dir: tempfile::TempDir,
}

fn app(ingest: bool, rate: u32) -> App {
    let dir = tempfile::tempdir().unwrap();
    let db = common::store(dir.path());
    App { router: warta_serve::router(common::state(&db, ingest, rate)), _dir: dir }
}

async fn send(app: &App, req: Request<Body>) -> (StatusCode, Value) {
    let res = app.router.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

async fn get(app: &App, uri: &str) -> (StatusCode, Value) {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

fn codes(v: &Value, side: &str) -> Vec<String> {
    v[side].as_array().unwrap().iter().map(|a| a["code"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn reads() {
    let app = app(false, 0);
    let (s, h) = get(&app, "/api/health").await;
    assert_eq!((s, h["status"].as_str(), h["ingest"].as_bool()), (StatusCode::OK, Some("ok"), Some(false)));
    assert!(h["store"]["events"].as_u64().unwrap() > 20);

    // The seed article's treaty: Russia and North Korea on 19 June 2024.
    let (s, page) = get(&app, "/api/events?country=PRK&type=SUPPORT&from=2024-06-19&to=2024-06-19").await;
    assert_eq!(s, StatusCode::OK);
    let events = page["events"].as_array().unwrap();
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| e["date"] == "2024-06-19" && e["type"] == "SUPPORT"));
    assert!(events.iter().any(|e| codes(e, "source").contains(&"RUSGOV".into())));

    // Paging: pages of 3 do not overlap and the last one says so.
    let (_, p1) = get(&app, "/api/events?limit=3&sort=id").await;
    let (_, p2) = get(&app, "/api/events?limit=3&offset=3&sort=id").await;
    assert_eq!(p1["next_offset"], 3);
    assert!(p1["events"][2]["id"].as_i64() < p2["events"][0]["id"].as_i64());
    let (_, all) = get(&app, "/api/events?limit=1000").await;
    assert!(all["next_offset"].is_null());
    // Sorting: newest first by default; by mentions when asked.
    let dates: Vec<&str> = all["events"].as_array().unwrap().iter().filter_map(|e| e["date"].as_str()).collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    let (_, by) = get(&app, "/api/events?sort=-mentions&limit=1000").await;
    let m: Vec<i64> = by["events"].as_array().unwrap().iter().map(|e| e["num_mentions"].as_i64().unwrap()).collect();
    assert!(m.windows(2).all(|w| w[0] >= w[1]));
    // A country can be named.
    let (_, named) = get(&app, "/api/events?country=North%20Korea&limit=1000").await;
    let (_, coded) = get(&app, "/api/events?country=PRK&limit=1000").await;
    assert_eq!(named["events"], coded["events"]);

    // One event with its mentions and evidence.
    let id = events[0]["id"].as_i64().unwrap();
    let (s, one) = get(&app, &format!("/api/events/{id}")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(one["event"]["id"], id);
    let mention = &one["mentions"][0];
    assert!(mention["event"]["trigger"]["text"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(mention["event"]["rule"].as_str().unwrap().contains('.'));

    // The article with spans that point into its text (code points).
    let aid = mention["article_id"].as_i64().unwrap();
    let (s, art) = get(&app, &format!("/api/articles/{aid}")).await;
    assert_eq!(s, StatusCode::OK);
    let chars: Vec<char> = art["text"].as_str().unwrap().chars().collect();
    let span = |v: &Value| -> String {
        chars[v["start"].as_u64().unwrap() as usize..v["end"].as_u64().unwrap() as usize].iter().collect()
    };
    for e in art["result"]["events"].as_array().unwrap() {
        assert_eq!(span(&e["trigger"]), e["trigger"]["text"].as_str().unwrap());
    }
    for kind in ["entities", "times", "quotes"] {
        let list = art["result"][kind].as_array().unwrap();
        assert!(!list.is_empty(), "{kind}");
        for x in list {
            assert_eq!(span(x), x["text"].as_str().unwrap(), "{kind}");
        }
    }
    assert!(art["result"]["quotes"].as_array().unwrap().iter().any(|q| q["speaker"].is_string()));

    // Lists and aggregates.
    let (_, arts) = get(&app, "/api/articles?country=UKR").await;
    assert!(!arts["articles"].as_array().unwrap().is_empty());
    let (_, actors) = get(&app, "/api/actors?limit=5").await;
    let actors = actors["actors"].as_array().unwrap();
    assert_eq!(actors.len(), 5);
    assert!(actors.windows(2).all(|w| w[0]["events"].as_i64() >= w[1]["events"].as_i64()));
    let (_, net) = get(&app, "/api/network?country=PRK").await;
    assert!(net["links"].as_array().unwrap().iter().any(|l| l["source"] == "RUSGOV" && l["target"] == "PRK"));
    let (_, tl) = get(&app, "/api/timeline?country=PRK").await;
    let periods: Vec<&str> = tl["buckets"].as_array().unwrap().iter().map(|b| b["period"].as_str().unwrap()).collect();
    assert!(periods.contains(&"2024-06-18") && periods.contains(&"2024-06-19"), "{periods:?}");
    let (_, tl) = get(&app, "/api/timeline?grain=month&country=PRK").await;
    assert_eq!(tl["buckets"][0]["period"], "2024-06");
    let (_, places) = get(&app, "/api/places").await;
    let countries: Vec<&str> = places["places"].as_array().unwrap().iter().map(|p| p["country"].as_str().unwrap()).collect();
    // The seed article's places: North Korea (Pyongyang), Russia, Ukraine.
    for c in ["PRK", "RUS", "UKR"] {
        assert!(countries.contains(&c), "{c} not in {countries:?}");
    }

    // Full-text search finds articles and their events.
    let (s, found) = get(&app, "/api/search?q=Putin").await;
    assert_eq!(s, StatusCode::OK);
    assert!(!found["articles"].as_array().unwrap().is_empty());
    assert!(!found["events"].as_array().unwrap().is_empty());
    let (_, none) = get(&app, "/api/search?q=zzzxqy").await;
    assert!(none["articles"].as_array().unwrap().is_empty());

    // The dashboard's files.
    for (path, kind) in [("/", "text/html"), ("/app.js", "text/javascript"), ("/app.css", "text/css"), ("/world.json", "application/json")] {
        let res = app.router.clone().oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert!(res.headers()[header::CONTENT_TYPE].to_str().unwrap().starts_with(kind), "{path}");
        assert!(res.headers().contains_key(header::CONTENT_SECURITY_POLICY));
    }
}

#[tokio::test]
async fn bad_requests_are_json_errors_naming_the_problem() {
    let app = app(false, 0);
    for (uri, status, says) in [
        ("/api/events?colour=red", 400, "unknown parameter \"colour\""),
        ("/api/events?from=June", 400, "from \"June\""),
        ("/api/events?to=2024-13", 400, "to \"2024-13\""),
        ("/api/events?from=2024-07&to=2024-06", 400, "after"),
        ("/api/events?type=BOMB", 400, "PLOVER"),
        ("/api/events?cameo=19x", 400, "cameo"),
        ("/api/events?country=Atlantis", 400, "country"),
        ("/api/events?limit=0", 400, "limit"),
        ("/api/events?limit=5000", 400, "limit"),
        ("/api/events?offset=-1", 400, "offset"),
        ("/api/events?sort=size", 400, "sort"),
        ("/api/events?limit=1&limit=2", 400, "more than once"),
        ("/api/timeline?grain=week", 400, "grain"),
        ("/api/search", 400, "\"q\" is required"),
        ("/api/search?q=%2A%2A", 400, "q"),
        ("/api/health?x=1", 400, "takes none"),
        ("/api/events/abc", 400, "event id"),
        ("/api/events/0", 400, "event id"),
        ("/api/events/99999", 404, "no event 99999"),
        ("/api/articles/99999", 404, "no article"),
        ("/api/nothing", 404, "no such endpoint"),
    ] {
        let (s, body) = get(&app, uri).await;
        assert_eq!(s.as_u16(), status, "{uri}: {body}");
        assert_eq!(body["error"]["status"], status, "{uri}");
        let msg = body["error"]["message"].as_str().unwrap();
        assert!(msg.contains(says), "{uri}: {msg}");
    }
    let long = format!("/api/events?q={}", "a".repeat(300));
    assert_eq!(get(&app, &long).await.0, StatusCode::BAD_REQUEST);
    let huge = format!("/api/events?{}", "x=1&".repeat(2000));
    assert_eq!(get(&app, &huge).await.0, StatusCode::URI_TOO_LONG);
    let (s, body) = send(&app, Request::delete("/api/events").body(Body::empty()).unwrap()).await;
    assert_eq!((s, body["error"]["status"].as_u64()), (StatusCode::METHOD_NOT_ALLOWED, Some(405)));
    // Read-only unless started with a token.
    let (s, _) = send(&app, post_articles(Some(common::TOKEN), "application/json", r#"{"text": "x"}"#.into())).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
}

fn post_articles(token: Option<&str>, content_type: &str, body: String) -> Request<Body> {
    let mut r = Request::builder().method(Method::POST).uri("/api/articles").header(header::CONTENT_TYPE, content_type);
    if let Some(t) = token {
        r = r.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    r.body(Body::from(body)).unwrap()
}

#[tokio::test]
async fn ingest_needs_the_token() {
    let app = app(true, 0);
    let article = serde_json::json!([{
        "id": "posted", "published": "2024-07-01", "lang": "id",
        "text": "Presiden Prabowo Subianto bertemu Presiden Rusia Vladimir Putin di Moskow pada Senin (1/7)."
    }])
    .to_string();
    let (s, _) = send(&app, post_articles(None, "application/json", article.clone())).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _) = send(&app, post_articles(Some("wrong-token-0123456789"), "application/json", article.clone())).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _) = send(&app, post_articles(Some(common::TOKEN), "text/plain", article.clone())).await;
    assert_eq!(s, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    for bad in ["not json", "[]", "42", r#"{"title": "no text"}"#, r#"{"text": "  "}"#, r#"{"text": "x", "published": "soon"}"#] {
        let (s, body) = send(&app, post_articles(Some(common::TOKEN), "application/json", bad.into())).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{bad}: {body}");
    }
    let (_, before) = get(&app, "/api/health").await;
    let (s, report) = send(&app, post_articles(Some(common::TOKEN), "application/json; charset=utf-8", article.clone())).await;
    assert_eq!(s, StatusCode::CREATED, "{report}");
    assert_eq!(report["articles"], 1);
    assert!(report["events"].as_u64().unwrap() >= 1);
    let (_, after) = get(&app, "/api/health").await;
    assert_eq!(after["store"]["articles"].as_u64().unwrap(), before["store"]["articles"].as_u64().unwrap() + 1);
    // The same article again changes nothing.
    let (s, report) = send(&app, post_articles(Some(common::TOKEN), "application/json", article)).await;
    assert_eq!((s, report["duplicates"].as_u64()), (StatusCode::OK, Some(1)));
    let (_, found) = get(&app, "/api/search?q=Prabowo%20Moskow").await;
    assert_eq!(found["articles"][0]["ext_id"], "posted");
    // Bodies over the limit are refused before they are read whole.
    let big = format!("{{\"text\": \"{}\"}}", "a".repeat(9 << 20));
    let (s, _) = send(&app, post_articles(Some(common::TOKEN), "application/json", big)).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn rate_limit_answers_429() {
    let app = app(false, 5);
    let mut statuses = Vec::new();
    for _ in 0..8 {
        let res = app.router.clone().oneshot(Request::get("/api/health").body(Body::empty()).unwrap()).await.unwrap();
        if res.status() == StatusCode::TOO_MANY_REQUESTS {
            assert!(res.headers().contains_key(header::RETRY_AFTER));
        }
        statuses.push(res.status().as_u16());
    }
    assert_eq!(&statuses[..5], &[200; 5]);
    assert!(statuses[5..].contains(&429), "{statuses:?}");
}

/// Checks `value` has the `required` fields of `schema` (following `$ref`s one level into objects).
fn check_required(doc: &Value, schema: &Value, value: &Value, at: &str) {
    let schema = match schema["$ref"].as_str() {
        Some(r) => &doc["components"]["schemas"][r.rsplit('/').next().unwrap()],
        None => schema,
    };
    if let Some(req) = schema["required"].as_array() {
        for f in req {
            let f = f.as_str().unwrap();
            assert!(value.get(f).is_some(), "{at}: missing {f} in {value}");
            if let Some(sub) = schema["properties"].get(f) {
                check_required(doc, sub, &value[f], &format!("{at}.{f}"));
            }
        }
    }
    if let (Some(items), Some(arr)) = (schema.get("items"), value.as_array()) {
        if let Some(first) = arr.first() {
            check_required(doc, items, first, &format!("{at}[0]"));
        }
    }
}

#[tokio::test]
async fn openapi_describes_the_routes() {
    let app = app(true, 0);
    let (s, doc) = get(&app, "/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    let mut documented = Vec::new();
    for (path, ops) in paths {
        for (method, op) in ops.as_object().unwrap() {
            documented.push(format!("{} {path}", method.to_uppercase()));
            let uri = path.replace("{id}", "1");
            let ok = &op["responses"]["200"]["content"]["application/json"]["schema"];
            if method == "post" {
                let body = r#"{"text": "Menteri Luar Negeri Retno Marsudi mengunjungi Beijing pada Selasa (2/7/2024)."}"#;
                let (s, v) = send(&app, post_articles(Some(common::TOKEN), "application/json", body.into())).await;
                assert!(op["responses"].get(s.as_str()).is_some(), "POST {path}: {s} undocumented");
                check_required(&doc, &op["responses"][s.as_str()]["content"]["application/json"]["schema"], &v, path);
                continue;
            }
            let (s, v) = get(&app, &uri).await;
            if path == "/api/search" {
                // q is required: without it the documented 400.
                assert_eq!(s, StatusCode::BAD_REQUEST);
            } else {
                assert_eq!(s, StatusCode::OK, "GET {uri}: {v}");
                check_required(&doc, ok, &v, path);
            }
            // Each documented parameter, with its example (and the required ones), is accepted.
            let query: Vec<&Value> = op["parameters"].as_array().unwrap().iter().filter(|p| p["in"] == "query").collect();
            let pair = |p: &Value| format!("{}={}", p["name"].as_str().unwrap(), p["example"].as_str().unwrap());
            let required: Vec<String> = query.iter().filter(|p| p["required"] == true).map(|p| pair(p)).collect();
            for p in &query {
                let mut pairs = required.clone();
                if p["required"] != true {
                    pairs.push(pair(p));
                }
                let q = format!("{uri}?{}", pairs.join("&"));
                let (s, v) = get(&app, &q).await;
                assert_eq!(s, StatusCode::OK, "GET {q}: {v}");
                check_required(&doc, ok, &v, &q);
            }
            // And an undocumented one is refused.
            let (s, _) = get(&app, &format!("{uri}?undocumented=1")).await;
            assert_eq!(s, StatusCode::BAD_REQUEST, "{uri}");
        }
    }
    // Every route the router answers is documented (each of these answers something other than 404).
    for route in [
        "GET /api/health", "GET /api/events", "GET /api/events/{id}", "GET /api/articles", "POST /api/articles",
        "GET /api/articles/{id}", "GET /api/actors", "GET /api/network", "GET /api/timeline", "GET /api/places",
        "GET /api/search",
    ] {
        assert!(documented.contains(&route.to_string()), "{route} is not documented");
    }
    assert_eq!(documented.len(), 11, "{documented:?}");
}
