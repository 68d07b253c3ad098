//! The data a site publishes besides its pages: indicators (`data/indicators/`), goals and
//! roadmap (`data/goals.yaml`, `data/roadmap.yaml`), and the frozen editions of final
//! reports (`data/editions/`). Each kind of file is parsed and checked here, with file and
//! line, before anything is rendered.

pub(crate) mod editions;
pub(crate) mod goals;
pub(crate) mod indicators;
