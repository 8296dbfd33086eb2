"""Every Cypher query of valuenet, one `.cypher` file each (see valuenet/queries.py).

Installed as the package `valuenet.cypher` (pyproject.toml maps this folder), so the queries travel with the
wheel and are found with importlib.resources. No Python code lives here.
"""
