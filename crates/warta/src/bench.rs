//! `warta bench`: placeholder replaced below.
use std::process::ExitCode;
pub fn run(_n: usize) -> Result<ExitCode, String> {
    Err("not yet".into())
}
