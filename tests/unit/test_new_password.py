"""Generated server passwords travel as neo4j-admin arguments: none may read as an option."""

from __future__ import annotations

from valuenet.engines import new_password


def test_generated_passwords_never_start_like_an_option() -> None:
    passwords = {new_password() for _ in range(500)}
    assert len(passwords) == 500
    assert all(len(p) == 36 and not p.startswith("-") and p.isalnum() for p in passwords)
