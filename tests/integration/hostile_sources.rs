//! Nothing outside the site folder is read or published; special files are skipped.
//! Each test here failed on bf75f1e (run them with `FARO_BIN=<old faro>` to see).

#[allow(unused_imports)]
use crate::support::*;
