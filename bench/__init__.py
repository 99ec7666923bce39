"""Benchmarks: ratios against a baseline measured the same way (see bench/run.py)."""
