//! `warta serve`: the dashboard and JSON API (crate `warta-serve`) over a store.

use std::net::SocketAddr;
use std::process::ExitCode;
use warta_serve::{pool::Pool, AppState, Config};

#[derive(clap::Args)]
pub struct ServeArgs {
    /// The store: a SQLite file or a postgres:// URL.
    #[arg(long, default_value = "warta.db")]
    pub db: String,
    /// Address to listen on. The default answers only this machine; give 0.0.0.0:8080 to open it to others.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Enables POST /api/articles for requests carrying `Authorization: Bearer TOKEN` (16 characters or more).
    #[arg(long, value_name = "TOKEN")]
    pub ingest_token: Option<String>,
    /// Requests per second each client address may make on average (0: no limit).
    #[arg(long, default_value_t = 50)]
    pub rate: u32,
    /// Requests a client may make in a burst before the rate applies.
    #[arg(long, default_value_t = 100)]
    pub burst: u32,
    /// Largest request body, in MB.
    #[arg(long, default_value_t = 8)]
    pub max_body_mb: usize,
    /// Store connections shared by the requests (SQLite in WAL mode reads on all of them at once).
    #[arg(long, default_value_t = 8)]
    pub connections: usize,
}

pub fn run(args: &ServeArgs) -> Result<ExitCode, String> {
    // Refuse a missing SQLite file rather than serve a new empty one.
    drop(crate::query::open_existing(&args.db)?);
    let pool = Pool::open(&args.db, args.connections)?;
    let config = Config {
        ingest_token: args.ingest_token.clone(),
        max_body: args.max_body_mb << 20,
        rate_per_sec: args.rate,
        burst: args.burst,
    };
    let extractor = args.ingest_token.as_ref().map(|_| crate::extractor(None)).transpose()?;
    let state = AppState::new(pool, config, extractor)?;
    let rt = tokio::runtime::Runtime::new().map_err(|e| format!("cannot start the server: {e}"))?;
    rt.block_on(async {
        let listener =
            tokio::net::TcpListener::bind(args.addr).await.map_err(|e| format!("cannot listen on {}: {e}", args.addr))?;
        let addr = listener.local_addr().map_err(|e| e.to_string())?;
        if !addr.ip().is_loopback() {
            eprintln!("warta: listening on {addr}, reachable from other machines");
        }
        let ingest = if args.ingest_token.is_some() { "on (bearer token)" } else { "off" };
        eprintln!("warta: dashboard at http://{addr}/ , API at http://{addr}/api/ (ingest {ingest}); Ctrl-C stops");
        warta_serve::serve(listener, warta_serve::router(state)).await.map_err(|e| format!("server error: {e}"))
    })?;
    Ok(ExitCode::SUCCESS)
}
