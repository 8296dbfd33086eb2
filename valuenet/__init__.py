"""valuenet: shared package for configuration, the engine connection, the embedded server and the schema.

The version is the installed package's (`valuenet --version`, `importlib.metadata.version("valuenet")`),
declared once in pyproject.toml.
"""
