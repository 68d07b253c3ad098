//! Integration tests: build fixture sites in temporary folders and check the output.
