//! A few store connections shared by the request handlers. A store is `Send` but not `Sync`, so each
//! request takes one connection for itself, runs on a blocking thread (SQLite and the PostgreSQL client both
//! block), and gives it back. The semaphore makes requests queue rather than open more connections.

use crate::ApiError;
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;
use warta_store::Store;

pub struct Pool {
    inner: Arc<Inner>,
    permits: Arc<Semaphore>,
    size: usize,
}

struct Inner {
    stores: Mutex<Vec<Box<dyn Store>>>,
    location: String,
}

impl Pool {
    /// Opens `size` connections to the store at `location` (a SQLite file or a `postgres://` URL).
    pub fn open(location: &str, size: usize) -> Result<Pool, String> {
        let size = size.max(1);
        let stores = (0..size)
            .map(|_| warta_store::open(location).map_err(|e| format!("{location}: {e}")))
            .collect::<Result<Vec<_>, _>>()?;
        let inner = Inner { stores: Mutex::new(stores), location: location.to_string() };
        Ok(Pool { inner: Arc::new(inner), permits: Arc::new(Semaphore::new(size)), size })
    }

    pub fn size(&self) -> usize {
        self.size
    }

    /// Runs `f` with a store of its own on a blocking thread.
    pub async fn run<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut dyn Store) -> Result<T, ApiError> + Send + 'static,
    {
        let permit = self.permits.clone().acquire_owned().await.map_err(|_| unavailable())?;
        let inner = self.inner.clone();
        let joined = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let mut lease = Lease::take(&inner)?;
            f(lease.store())
        })
        .await;
        joined.map_err(|_| ApiError::new(axum::http::StatusCode::INTERNAL_SERVER_ERROR, "the request failed"))?
    }
}

fn unavailable() -> ApiError {
    ApiError::new(axum::http::StatusCode::SERVICE_UNAVAILABLE, "the server is shutting down")
}

/// A borrowed connection, returned on drop. If a handler panicked the connection may be mid-transaction,
/// so a fresh one replaces it.
struct Lease<'a> {
    inner: &'a Inner,
    store: Option<Box<dyn Store>>,
}

impl<'a> Lease<'a> {
    fn take(inner: &'a Inner) -> Result<Self, ApiError> {
        // The permit guarantees a free connection; a missing one means a replacement failed to open.
        let store = match inner.stores.lock().unwrap_or_else(|p| p.into_inner()).pop() {
            Some(s) => s,
            None => warta_store::open(&inner.location).map_err(ApiError::from)?,
        };
        Ok(Lease { inner, store: Some(store) })
    }

    fn store(&mut self) -> &mut dyn Store {
        self.store.as_deref_mut().expect("held until drop")
    }
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        let store = if std::thread::panicking() { warta_store::open(&self.inner.location).ok() } else { self.store.take() };
        if let Some(s) = store {
            self.inner.stores.lock().unwrap_or_else(|p| p.into_inner()).push(s);
        }
    }
}
