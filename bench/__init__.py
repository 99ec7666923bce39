"""Benchmarks: each measures one thing against a baseline in the same run (see README and bench/run.py)."""
