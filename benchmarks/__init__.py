"""Benchmarks of the engine and the UI (not tests, not part of the runtime package): `make bench`, `make bench-ui`."""
