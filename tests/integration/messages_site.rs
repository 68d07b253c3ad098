//! Issue 18: the site part of faro speaks the terminal's language: its messages and hints
//! come from the Fluent catalogs (themes/default/messages/<lang>/site.ftl).
