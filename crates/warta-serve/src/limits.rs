//! What every request passes first: a per-client rate limit, a bound on the URI, and response headers that
//! keep the dashboard's page from loading anything but its own files.

use crate::{ApiError, AppState};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Longest URI accepted: filters are short, so a longer one is a mistake or an attack.
pub const MAX_URI: usize = 4096;

/// A token bucket per client address: `burst` requests at once, refilled at `rate` per second.
pub struct RateLimiter {
    rate: f64,
    burst: f64,
    buckets: Mutex<HashMap<IpAddr, (f64, Instant)>>,
}

/// Clients remembered before the limiter forgets the ones whose buckets are full again.
const MAX_CLIENTS: usize = 10_000;

impl RateLimiter {
    /// `rate` 0 turns the limit off.
    pub fn new(rate: u32, burst: u32) -> Self {
        RateLimiter { rate: f64::from(rate), burst: f64::from(burst.max(1)), buckets: Mutex::new(HashMap::new()) }
    }

    /// Whether `client` may make a request now; if not, the seconds until it may.
    pub fn check(&self, client: IpAddr) -> Result<(), f64> {
        if self.rate == 0.0 {
            return Ok(());
        }
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        if buckets.len() >= MAX_CLIENTS {
            let (rate, burst) = (self.rate, self.burst);
            buckets.retain(|_, (tokens, at)| *tokens + now.duration_since(*at).as_secs_f64() * rate < burst);
        }
        let (tokens, at) = buckets.entry(client).or_insert((self.burst, now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * self.rate).min(self.burst);
        *at = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            Ok(())
        } else {
            Err((1.0 - *tokens) / self.rate)
        }
    }
}

/// The middleware: URI bound, rate limit, security headers.
pub async fn guard(State(state): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    if req.uri().to_string().len() > MAX_URI {
        return ApiError::new(StatusCode::URI_TOO_LONG, format!("the URI is longer than {MAX_URI} bytes")).into_response();
    }
    // Without connection info (a router called in-process) every request is one client.
    let client = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip());
    let mut res = match state.limiter.check(client) {
        Ok(()) => next.run(req).await,
        Err(wait) => {
            let mut res = ApiError::new(StatusCode::TOO_MANY_REQUESTS, "too many requests; slow down").into_response();
            let secs = wait.ceil().max(1.0) as u64;
            res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
            res
        }
    };
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'self'; img-src 'self' data:; frame-ancestors 'none'"),
    );
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_empties_and_refills() {
        let l = RateLimiter::new(1000, 3);
        let ip = IpAddr::V4(Ipv4Addr::LOCALHOST);
        assert!((0..3).all(|_| l.check(ip).is_ok()));
        assert!(l.check(ip).is_err());
        // Another client has its own bucket.
        assert!(l.check(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2))).is_ok());
        std::thread::sleep(std::time::Duration::from_millis(5));
        assert!(l.check(ip).is_ok());
        assert!(RateLimiter::new(0, 1).check(ip).is_ok());
    }
}
