//! Issue 18: the content part of faro speaks the terminal's language: its messages and hints
//! come from the Fluent catalogs (themes/default/messages/<lang>/content.ftl).
