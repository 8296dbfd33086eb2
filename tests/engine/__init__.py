"""Tier 2: against the real embedded engine (ArcadeDB over Bolt) started by the session fixture."""
