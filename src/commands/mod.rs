//! The commands a user runs, one file each: `build`, `check`, `pdf`, `init` and `new`
//! (scaffold), and `serve`. Each is a thin layer over the driver and the model.

pub mod build;
pub mod check;
pub mod pdf;
pub mod scaffold;
pub mod serve;
