"""valuenet: shared package for configuration, the engine connection, the embedded server and the schema."""

__version__ = "0.1.0"
