//! Issue 17: content_theme.

#[allow(unused_imports)]
use crate::support::*;
