//! Issue 17: content_languages.

#[allow(unused_imports)]
use crate::support::*;
