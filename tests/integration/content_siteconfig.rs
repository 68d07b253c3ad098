//! Issue 17: content_siteconfig.

#[allow(unused_imports)]
use crate::support::*;
