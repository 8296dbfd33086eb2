"""Tier 3: end to end: the `valuenet` command line in subprocesses, the served explorer in a real browser."""
