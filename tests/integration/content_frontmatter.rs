//! Issue 17: content_frontmatter.

#[allow(unused_imports)]
use crate::support::*;
