//! The JSON API under `/api/`. Every handler checks its parameters first ([`crate::params`]), then runs
//! one store call on a pooled connection.

use crate::params::{self, Query};
use crate::{ApiError, AppState};
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use std::sync::Arc;
use warta_core::Article;
use warta_store::{ArticleSummary, Ingested, IngestReport, MergedEvent, Mention};

/// Articles one `POST /api/articles` may carry.
pub const MAX_POSTED_ARTICLES: usize = 1000;

pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/api/health", get(health))
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/articles", get(articles).post(ingest))
        .route("/api/articles/{id}", get(article))
        .route("/api/actors", get(actors))
        .route("/api/network", get(network))
        .route("/api/timeline", get(timeline))
        .route("/api/places", get(places))
        .route("/api/search", get(search))
}

type State_ = State<Arc<AppState>>;

fn id(raw: &str, what: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>()
        .ok()
        .filter(|&n| n > 0)
        .ok_or_else(|| ApiError::bad_request(format!("{what} id {raw:?}: expected a positive whole number")))
}

async fn health(State(s): State_, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    Query::parse(raw.as_deref(), &[])?;
    let ingest = s.config.ingest_token.is_some();
    let stats = s.pool.run(|st| Ok((st.backend(), st.stats()?))).await?;
    let (backend, stats) = stats;
    Ok(Json(serde_json::json!({ "status": "ok", "backend": backend, "ingest": ingest, "store": stats })).into_response())
}

#[derive(Serialize)]
struct EventsPage {
    events: Vec<MergedEvent>,
    limit: u64,
    offset: u64,
    /// The offset of the next page, or null on the last page.
    next_offset: Option<u64>,
}

async fn events(State(s): State_, RawQuery(raw): RawQuery) -> Result<Json<EventsPage>, ApiError> {
    let q = Query::parse(raw.as_deref(), &params::EVENTS)?;
    let (mut f, limit, offset, sort) = (q.filter()?, q.int(&params::LIMIT)?, q.int(&params::OFFSET)?, q.sort()?);
    // One row more than asked tells whether there is a next page without counting every match.
    f.limit = Some(limit + 1);
    f.offset = offset;
    let mut events = s.pool.run(move |st| Ok(st.events_page(&f, sort)?)).await?;
    let more = events.len() as u64 > limit;
    events.truncate(limit as usize);
    Ok(Json(EventsPage { events, limit, offset, next_offset: more.then_some(offset + limit) }))
}

#[derive(Serialize)]
struct EventDetail {
    event: MergedEvent,
    /// Every report of the event, with its article and evidence.
    mentions: Vec<Mention>,
}

async fn event(State(s): State_, Path(raw): Path<String>, RawQuery(q): RawQuery) -> Result<Json<EventDetail>, ApiError> {
    Query::parse(q.as_deref(), &[])?;
    let id = id(&raw, "event")?;
    let found = s
        .pool
        .run(move |st| Ok(st.merged_event(id)?.map(|e| st.mentions_of(id).map(|m| (e, m))).transpose()?))
        .await?;
    let (event, mentions) = found.ok_or_else(|| ApiError::not_found(format!("no event {id}")))?;
    Ok(Json(EventDetail { event, mentions }))
}

#[derive(Serialize)]
struct ArticlesPage {
    articles: Vec<ArticleSummary>,
    limit: u64,
    offset: u64,
}

async fn articles(State(s): State_, RawQuery(raw): RawQuery) -> Result<Json<ArticlesPage>, ApiError> {
    let q = Query::parse(raw.as_deref(), &params::ARTICLES)?;
    let (mut f, limit, offset) = (q.filter()?, q.int(&params::LIMIT)?, q.int(&params::OFFSET)?);
    f.limit = Some(limit);
    f.offset = offset;
    let articles = s.pool.run(move |st| Ok(st.articles(&f)?)).await?;
    Ok(Json(ArticlesPage { articles, limit, offset }))
}

async fn article(State(s): State_, Path(raw): Path<String>, RawQuery(q): RawQuery) -> Result<Response, ApiError> {
    Query::parse(q.as_deref(), &[])?;
    let id = id(&raw, "article")?;
    let found = s.pool.run(move |st| Ok(st.article(id)?)).await?;
    let article = found.ok_or_else(|| ApiError::not_found(format!("no article {id}")))?;
    Ok(Json(article).into_response())
}

async fn actors(State(s): State_, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let q = Query::parse(raw.as_deref(), &params::ACTORS)?;
    let mut f = q.filter()?;
    f.limit = Some(q.int(&params::LIMIT)?);
    f.offset = q.int(&params::OFFSET)?;
    let actors = s.pool.run(move |st| Ok(st.actor_counts(&f)?)).await?;
    Ok(Json(serde_json::json!({ "actors": actors })).into_response())
}

async fn network(State(s): State_, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let q = Query::parse(raw.as_deref(), &params::NETWORK)?;
    let mut f = q.filter()?;
    f.limit = Some(q.int(&params::LIMIT_MAP)?);
    let links = s.pool.run(move |st| Ok(st.actor_links(&f)?)).await?;
    Ok(Json(serde_json::json!({ "links": links })).into_response())
}

async fn timeline(State(s): State_, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let q = Query::parse(raw.as_deref(), &params::TIMELINE)?;
    let (f, grain) = (q.filter()?, q.grain()?);
    let buckets = s.pool.run(move |st| Ok(st.timeline(&f, grain)?)).await?;
    let grain = format!("{grain:?}").to_lowercase();
    Ok(Json(serde_json::json!({ "grain": grain, "buckets": buckets })).into_response())
}

async fn places(State(s): State_, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let q = Query::parse(raw.as_deref(), &params::PLACES)?;
    let (f, limit) = (q.filter()?, q.int(&params::LIMIT_MAP)?);
    let places = s.pool.run(move |st| Ok(st.places(&f, limit)?)).await?;
    Ok(Json(serde_json::json!({ "places": places })).into_response())
}

async fn search(State(s): State_, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let q = Query::parse(raw.as_deref(), &params::SEARCH)?;
    let (words, limit) = (q.words()?, q.int(&params::LIMIT)?);
    let f = warta_store::Filter { text: Some(words), limit: Some(limit), ..Default::default() };
    let (articles, events) = s
        .pool
        .run(move |st| Ok((st.articles(&f)?, st.events_page(&f, warta_store::EventSort::default())?)))
        .await?;
    Ok(Json(serde_json::json!({ "articles": articles, "events": events })).into_response())
}

/// Compares without stopping at the first difference, so the time taken tells nothing about the token.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `POST /api/articles`: extracts and stores JSON articles (one object or an array), if the server was
/// started with an ingest token and the request carries it.
async fn ingest(State(s): State_, headers: HeaderMap, body: Bytes) -> Result<Response, ApiError> {
    let Some(token) = s.config.ingest_token.as_deref() else {
        return Err(ApiError::new(StatusCode::FORBIDDEN, "ingestion is off; start the server with --ingest-token to allow it"));
    };
    let given = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    if !given.is_some_and(|g| same_secret(g.trim().as_bytes(), token.as_bytes())) {
        let mut res = ApiError::new(StatusCode::UNAUTHORIZED, "a valid bearer token is required").into_response();
        res.headers_mut().insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
        return Ok(res);
    }
    let json_body = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(';').next().is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json")));
    if !json_body {
        return Err(ApiError::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "send articles as application/json"));
    }
    let articles = posted_articles(&body)?;
    let state = s.clone();
    let batch = tokio::task::spawn_blocking(move || {
        let ex = state.extractor.as_ref().expect("an ingest token comes with an extractor");
        articles
            .into_iter()
            .enumerate()
            .map(|(i, a)| {
                let r = ex.extract(&a);
                Ingested::new(format!("POST /api/articles#{i}"), a, r)
            })
            .collect::<Vec<_>>()
    })
    .await
    .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "extraction failed"))?;
    let report: IngestReport = s.pool.run(move |st| Ok(st.ingest(&batch)?)).await?;
    let status = if report.articles > 0 { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(report)).into_response())
}

/// The articles of a request body: `{"text": …}` or `[{"text": …}, …]`, as in `warta extract --input jsonl`.
fn posted_articles(body: &[u8]) -> Result<Vec<Article>, ApiError> {
    let value: serde_json::Value =
        serde_json::from_slice(body).map_err(|e| ApiError::bad_request(format!("the body is not JSON: {e}")))?;
    let items = match value {
        serde_json::Value::Array(items) => items,
        one @ serde_json::Value::Object(_) => vec![one],
        _ => return Err(ApiError::bad_request("expected an article object or an array of them")),
    };
    if items.is_empty() || items.len() > MAX_POSTED_ARTICLES {
        return Err(ApiError::bad_request(format!("send 1 to {MAX_POSTED_ARTICLES} articles per request")));
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let mut a: Article =
                serde_json::from_value(v).map_err(|e| ApiError::bad_request(format!("article {i}: {e}")))?;
            if a.text.trim().is_empty() {
                return Err(ApiError::bad_request(format!("article {i}: \"text\" is empty")));
            }
            if let Some(p) = a.published.as_deref().filter(|p| warta_store::date_range(p).is_none()) {
                return Err(ApiError::bad_request(format!("article {i}: published {p:?}: expected YYYY-MM-DD")));
            }
            if a.id.is_empty() {
                a.id = warta_store::content_hash(&a.text)[..16].to_string();
            }
            Ok(a)
        })
        .collect()
}

pub async fn not_found(uri: Uri) -> ApiError {
    ApiError::not_found(format!("no such endpoint: {}", uri.path()))
}

pub async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method not allowed here; the API is read-only except POST /api/articles")
}
