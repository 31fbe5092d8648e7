"""Stable pseudonyms for client and teammate keys, and the ledger's own id in an export.

Each is an HMAC-SHA256 of the key under a secret kept in the ledger folder (storage/export_key.py):
the same ledger gives the same pseudonyms on every export, so a roll-up can follow a client from
week to week, while the export alone cannot be turned back into names (a plain hash of `acme`
could be guessed by hashing likely keys; without the secret there is nothing to guess against).
"""

from __future__ import annotations

import hashlib
import hmac

from leadshift.domain.terms import ME

DIGITS = 12  # hex digits kept: 48 bits, so two keys of one ledger never meet by chance


def _digest(secret: bytes, message: str) -> str:
    return hmac.new(secret, message.encode(), hashlib.sha256).hexdigest()[:DIGITS]


def ledger_id(secret: bytes) -> str:
    """The id every row of this ledger's exports carries, so that merged exports keep their rows apart."""
    return _digest(secret, "ledger")


class Pseudonyms:
    """Key -> pseudonym, per table: `client-3f9a0c2e71b4`, `teammate-...`; `me`, the leader, stays `me`."""

    def __init__(self, secret: bytes) -> None:
        self._secret = secret

    def of(self, table: str, key: str) -> str:
        if key == ME:
            return key
        # The table is part of the message: a client and a teammate with the same key get unrelated pseudonyms.
        return f"{table.removesuffix('s')}-{_digest(self._secret, f'{table}:{key}')}"
