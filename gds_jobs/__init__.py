"""valuenet gds_jobs."""
