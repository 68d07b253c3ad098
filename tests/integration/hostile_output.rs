//! The output folder contract: a build never deletes or moves what faro did not write.
//! Each test here failed on bf75f1e (run them with `FARO_BIN=<old faro>` to see).

#[allow(unused_imports)]
use crate::support::*;
