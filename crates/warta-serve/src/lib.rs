//! `warta-serve`: the HTTP side of Warta. `warta serve` runs it over a store so that people can look at
//! the events in a browser and programs can read them as JSON.
//!
//! - **API** under `/api/` ([`api`]): merged events with the filters of `warta query`, paging and sorting;
//!   one event with every mention and its evidence; articles with their entity, time, quote and trigger
//!   spans; actors and who acts on whom; counts over time; places; full-text search; health. Described by
//!   the OpenAPI document at `/openapi.json` ([`openapi`]), which a test holds to the routes.
//! - **Dashboard** at `/`: one HTML page with vanilla JS and CSS and the world's country shapes
//!   (`data/geo/world.json`), all compiled into the binary, so it needs no build step and no network.
//! - **Safe by default**: the caller picks the address (`warta serve` defaults to loopback); every route is
//!   read-only except `POST /api/articles`, which exists only with an ingest token and demands it as a
//!   bearer token; request bodies, URIs and the request rate per client are bounded ([`limits`]); every
//!   query parameter is checked and a wrong one is a 400 naming it ([`params`]).
//!
//! The store is `Send` but not `Sync`, so requests borrow a store from a small [`pool::Pool`] of
//! connections and run on tokio's blocking threads.

pub mod api;
mod assets;
pub mod limits;
pub mod openapi;
pub mod params;
pub mod pool;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::net::SocketAddr;
use std::sync::Arc;
use warta_core::Extractor;

/// How a server behaves; [`Config::default`] is the safe setting `warta serve` starts from.
#[derive(Clone)]
pub struct Config {
    /// When set, `POST /api/articles` ingests articles sent with `Authorization: Bearer <token>`.
    pub ingest_token: Option<String>,
    /// Largest request body accepted, in bytes.
    pub max_body: usize,
    /// Requests per second each client address may make on average (0: no limit).
    pub rate_per_sec: u32,
    /// Requests a client may make at once before the rate applies.
    pub burst: u32,
}

impl Default for Config {
    fn default() -> Self {
        // Bodies fit one article at the extractor's 5 MB cap with JSON escaping to spare; the rate lets a
        // dashboard load all its panels at once and a person click freely.
        Config { ingest_token: None, max_body: 8 << 20, rate_per_sec: 50, burst: 100 }
    }
}

/// What every handler shares.
pub struct AppState {
    pub pool: pool::Pool,
    pub config: Config,
    /// Present exactly when ingestion is enabled.
    pub extractor: Option<Extractor>,
    limiter: limits::RateLimiter,
}

impl AppState {
    /// `extractor` must be given when `config.ingest_token` is set (it extracts posted articles).
    pub fn new(pool: pool::Pool, config: Config, extractor: Option<Extractor>) -> Result<Arc<AppState>, String> {
        if config.ingest_token.is_some() != extractor.is_some() {
            return Err("an ingest token needs an extractor, and an extractor is only used with an ingest token".into());
        }
        if config.ingest_token.as_deref().is_some_and(|t| t.len() < 16) {
            return Err("the ingest token must be at least 16 characters".into());
        }
        let limiter = limits::RateLimiter::new(config.rate_per_sec, config.burst);
        Ok(Arc::new(AppState { pool, config, extractor, limiter }))
    }
}

/// An error answer: a status and a message, sent as `{"error": {"status", "message"}}`.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError { status, message: message.into() }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }
}

impl From<warta_store::StoreError> for ApiError {
    fn from(e: warta_store::StoreError) -> Self {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("store: {e}"))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({ "error": { "status": self.status.as_u16(), "message": self.message } });
        (self.status, axum::Json(body)).into_response()
    }
}

/// The whole application: API, OpenAPI document and dashboard, behind the limits.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .merge(api::routes())
        .merge(assets::routes())
        .route("/openapi.json", axum::routing::get(openapi::handler))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(state.clone(), limits::guard))
        .layer(axum::extract::DefaultBodyLimit::max(state.config.max_body))
        .with_state(state)
}

/// Serves `router` on `listener` until Ctrl-C (or SIGTERM), passing each client's address to the rate limit.
pub async fn serve(listener: tokio::net::TcpListener, router: Router) -> std::io::Result<()> {
    axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown())
        .await
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
