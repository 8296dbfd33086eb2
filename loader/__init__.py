"""valuenet loader."""
