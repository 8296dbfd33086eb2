"""valuenet explorer."""
