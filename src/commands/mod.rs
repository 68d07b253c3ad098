//! The commands a user runs, one file each: `build`, `check`, `pdf`, `init` and `new`
//! (scaffold), `serve`, and `theme` (strings, eject). Each is a thin layer over the driver and the model.

pub(crate) mod build;
pub(crate) mod check;
pub(crate) mod pdf;
pub(crate) mod scaffold;
pub(crate) mod serve;
pub(crate) mod theme;
