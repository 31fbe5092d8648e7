"""The cache of validated month files in `.cache/`: what makes reading a long ledger cheap.

Parsing TOML costs about as much as the rest of a command, so what a month
file held when it was last validated is kept here: its record ids, the keys
it names, its digest (the few records history is read for, see digest.py) and
the dates of those records in `index.json`, and the whole validated month, as JSON, in `months/YYYY-MM.json`.

An entry is trusted only while the file's size, mtime_ns AND blake2b hash are
those it was made from: a hand edit, even one that keeps the size and the
mtime, or a file written by any other path (a restore, an editor, a sync) is
read and validated again. The cache is plain JSON (loading it runs no code),
every file starts with a checksum of the rest (a truncated, corrupted or
foreign file is ignored and rebuilt), and it is private (0700, files 0600,
written atomically). It can be deleted at any time: leadshift rebuilds it. A
cache that cannot be read or written never fails a command, and one whose
folder is a symbolic link is neither read nor written (as if there were none):
the records it holds must not land in, or be taken from, a folder outside the ledger.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leadshift.storage import durable
from leadshift.storage.layout import CACHE_DIR, INDEX_FILE, MONTHS_DIR
from leadshift.storage.writable import read_only_mode

FORMAT = 1  # bump when what an entry holds changes: older caches are then ignored
_MAGIC = b"leadshift-cache"


@dataclass(frozen=True)
class Source:
    """A ledger file's bytes and the fingerprint the cache is keyed on."""

    data: bytes
    size: int
    mtime_ns: int
    blake2b: str

    @classmethod
    def read(cls, path: Path) -> Source:
        """Read `path`; the size and mtime are those of the bytes read (fstat of the same open file)."""
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            info = os.fstat(fd)
            chunks = []
            while chunk := os.read(fd, max(info.st_size + 1, 65536)):  # one read, unless the file grew
                chunks.append(chunk)
        finally:
            os.close(fd)
        data = b"".join(chunks)
        return cls(data, info.st_size, info.st_mtime_ns, hashlib.blake2b(data, digest_size=20).hexdigest())

    def matches(self, entry: dict[str, Any]) -> bool:
        return (entry.get("size"), entry.get("mtime_ns"), entry.get("blake2b")) == (
            self.size,
            self.mtime_ns,
            self.blake2b,
        )

    def fingerprint(self) -> dict[str, Any]:
        return {"size": self.size, "mtime_ns": self.mtime_ns, "blake2b": self.blake2b}


class Cache:
    """The `.cache/` folder of one ledger: read once, written back once if anything changed."""

    def __init__(self, home: Path) -> None:
        self.folder = home / CACHE_DIR
        self._index: dict[str, dict[str, Any]] | None = None
        self._changed: dict[str, dict[str, Any]] = {}
        self._month_files: dict[str, bytes] = {}

    # -- reading: any problem reads as "not cached" ------------------------------

    def facts(self, key: str, source: Source) -> dict[str, Any] | None:
        """What month `key` held when validated, if its file is still exactly that one."""
        entry = self._changed.get(key) or self._entries().get(key)
        return entry if isinstance(entry, dict) and source.matches(entry) and _well_formed(entry) else None

    def month_json(self, key: str, source: Source) -> bytes | None:
        """The validated month `key` as JSON, if made from exactly this file."""
        body = self._month_files.get(key)
        if body is None and not self._linked():
            body = _unpack(_read(self.folder / MONTHS_DIR / f"{key}.json"), source.blake2b)
        return body

    def _linked(self) -> bool:
        """Whether `.cache` or `.cache/months` is a symbolic link: then there is no cache."""
        return self.folder.is_symlink() or (self.folder / MONTHS_DIR).is_symlink()

    def _writable(self) -> bool:
        """Whether no folder or file the cache would write is read-only (writable.py), the ledger folder included."""
        months = self.folder / MONTHS_DIR
        files = [self.folder / INDEX_FILE, *(months / f"{key}.json" for key in self._month_files)]
        return all(read_only_mode(path) is None for path in [self.folder.parent, self.folder, months, *files])

    def _entries(self) -> dict[str, dict[str, Any]]:
        if self._index is None:
            index = None if self._linked() else _unpack(_read(self.folder / INDEX_FILE), "index")
            try:
                loaded = json.loads(index) if index is not None else {}
            except ValueError:
                loaded = {}
            self._index = loaded if isinstance(loaded, dict) else {}
        return self._index

    # -- writing -----------------------------------------------------------------

    def put(self, key: str, source: Source, facts: dict[str, Any], month_json: bytes) -> None:
        """Remember month `key` as validated from `source`; written by `save()`."""
        self._changed[key] = {**source.fingerprint(), **facts}
        self._month_files[key] = month_json

    def save(self) -> None:
        """Write what changed; a cache that cannot be written is simply not written."""
        if not self._changed:
            return
        try:
            if self._linked() or not self._writable():
                return  # never write through a planted link, nor into a ledger made read-only
            months = self.folder / MONTHS_DIR
            durable.ensure_private_dir(self.folder)  # each level: mkdir(parents=True) would leave .cache 0755
            durable.ensure_private_dir(months)
            for key, body in self._month_files.items():
                source = self._changed[key]["blake2b"]
                durable.write_atomic(months / f"{key}.json", _pack(body, source), sync=False)
            entries = {**self._entries(), **self._changed}
            index = json.dumps(entries, separators=(",", ":"), sort_keys=True).encode()
            durable.write_atomic(self.folder / INDEX_FILE, _pack(index, "index"), sync=False)
        except OSError:
            return
        self._index, self._changed, self._month_files = entries, {}, {}


def _well_formed(entry: dict[str, Any]) -> bool:
    """An entry holds every fact, of the right type (anything else is treated as not cached)."""
    ids, refs, slots = entry.get("ids"), entry.get("refs"), entry.get("extremes")
    return (
        type(entry.get("schema_version")) is int
        and isinstance(entry.get("digest"), str)
        and isinstance(ids, str)
        and len(ids) % 8 == 0
        and isinstance(refs, dict)
        and all(isinstance(keys, dict) for keys in refs.values())
        and isinstance(slots, dict)
        and all(isinstance(day, str) for day in slots.values())
    )


def _pack(body: bytes, tag: str) -> bytes:
    """A header line (format, what the body was made from, checksum of the body), then the body."""
    checksum = hashlib.blake2b(body, digest_size=20).hexdigest()
    return b"%s %d %s %s\n" % (_MAGIC, FORMAT, tag.encode(), checksum.encode()) + body


def _unpack(data: bytes | None, tag: str) -> bytes | None:
    """The body of a cache file made from `tag` by this format, or None (missing, foreign, truncated, corrupted)."""
    if not data:
        return None
    header, _, body = data.partition(b"\n")
    parts = header.split(b" ")
    if len(parts) != 4 or parts[0] != _MAGIC or parts[1] != b"%d" % FORMAT or parts[2] != tag.encode():
        return None
    return body if hashlib.blake2b(body, digest_size=20).hexdigest().encode() == parts[3] else None


def _read(path: Path) -> bytes | None:
    """The bytes of a regular cache file (never through a link), or None."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb") as file:
            if stat.S_ISREG(os.fstat(file.fileno()).st_mode):
                return file.read()
    return None
