"""Benchmarks of the public API (run ``python -m bench.api``; see bench/README.md)."""
