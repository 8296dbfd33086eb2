"""Tier 1: no engine. Pure functions, parsing, the graph model, recording doubles."""
