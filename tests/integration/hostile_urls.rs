//! One URL policy: text a user writes never becomes a live script link or markup; spreadsheet-safe CSV.
//! Each test here failed on bf75f1e (run them with `FARO_BIN=<old faro>` to see).

#[allow(unused_imports)]
use crate::support::*;
