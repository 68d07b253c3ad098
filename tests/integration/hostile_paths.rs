//! One URL registry: every output path claimed once; aliases, tags, NUL bytes and odd file names.
//! Each test here failed on bf75f1e (run them with `FARO_BIN=<old faro>` to see).

#[allow(unused_imports)]
use crate::support::*;
