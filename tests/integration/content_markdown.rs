//! Issue 17: content_markdown.

#[allow(unused_imports)]
use crate::support::*;
