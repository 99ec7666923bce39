"""Benchmarks: each script measures one thing against a baseline in the same run (see README)."""
