//! Issue 17: content_search.

#[allow(unused_imports)]
use crate::support::*;
