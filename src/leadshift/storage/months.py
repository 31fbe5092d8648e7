"""Reading month files through the cache: each verified, and parsed only when it changed.

`MonthReader` answers three questions about a month file, each as cheaply as
the cache allows, and always about the file as it is on disk now:

- `facts(key)`: is it valid, and what does it hold (ids, keys named, schema
  version, digest)? From the cache when the file is unchanged and every key it
  names is still in ledger.toml; otherwise the file is parsed and validated.
- `month(key)`: the whole validated month (from the cached JSON, validated
  again by Pydantic, which is much faster than parsing TOML).
- `history(keys)`: the digests of those months that hold the extremes the
  reports read from history (digest.py), chosen and read from the cached facts.

A file that fails any check is decoded from its TOML, so the error names the
file, the line and the fix exactly as an uncached read would.

`Months` is the mapping of every month of a ledger that `Store.change()` hands
to commands: all files are verified up front (no write while any is broken),
and a month is read in full only when a command looks at it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import ValidationError

from leadshift.domain.book import Book
from leadshift.domain.records import Month
from leadshift.errors import LedgerFileError
from leadshift.storage.cache import Cache, Source
from leadshift.storage.codec import decode_file
from leadshift.storage.digest import digest, extremes, holding_extremes
from leadshift.storage.layout import Layout


class MonthReader:
    """The month files of one ledger, checked against one book."""

    def __init__(self, layout: Layout, book: Book) -> None:
        self.layout = layout
        self.book = book
        self.cache = Cache(layout.home)
        self._sources: dict[str, Source] = {}
        self._months: dict[str, Month] = {}  # read in full by this command
        self._facts: dict[str, dict[str, Any]] = {}  # verified by this command

    def facts(self, key: str) -> dict[str, Any]:
        """What month `key` holds, its file verified; raises LedgerFileError if it is broken."""
        if key not in self._facts:
            source = self._source(key)
            facts = self.cache.facts(key, source)
            if facts is None or not names_known_keys(facts, self.book):
                self._parse(key)
                facts = self.cache.facts(key, source)
                assert facts is not None  # _parse just put them
            self._facts[key] = facts
        return self._facts[key]

    def month(self, key: str) -> Month:
        """The whole month `key`, validated."""
        if key not in self._months:
            source = self._source(key)
            cached = self.cache.month_json(key, source)
            try:
                if cached is not None:
                    self._months[key] = Month.model_validate_json(cached, context=self._context(key))
            except ValidationError:
                pass  # parsed below, so that the error is worded from the TOML
            else:
                if cached is not None and self.cache.facts(key, source) is None:  # the index lost it: rebuild
                    self.cache.put(key, source, facts_of(self._months[key]), cached)
        return self._months[key] if key in self._months else self._parse(key)

    def history(self, keys: list[str]) -> dict[str, Month]:
        """For months `keys` (each verified): the digests of the few that hold history's extremes."""
        slots = {key: self.facts(key)["extremes"] for key in keys}
        return {key: self._digest(key) for key in sorted(holding_extremes(slots))}

    def _digest(self, key: str) -> Month:
        try:
            return Month.model_validate_json(self.facts(key)["digest"], context=self._context(key))
        except ValidationError:
            return digest(self._parse(key))  # raises the TOML's own error if the file is broken

    def save(self) -> None:
        """Keep what was parsed for the next command (never fails)."""
        self.cache.save()

    def _source(self, key: str) -> Source:
        """The bytes of month file `key` and their fingerprint, read once."""
        if key not in self._sources:
            path = self.layout.month_path(key)
            try:
                self._sources[key] = Source.read(path)
            except OSError as error:
                raise LedgerFileError(f"cannot read {self.layout.label(path)}: {error.strerror}.") from None
        return self._sources[key]

    def _parse(self, key: str) -> Month:
        """Decode the TOML (the one place errors are worded) and remember what it holds."""
        source = self._source(key)
        month = decode_file(self.layout, self.layout.month_path(key), source.data, Month, self._context(key))
        self.cache.put(key, source, facts_of(month), month.model_dump_json().encode())
        self._months[key] = month
        return month

    def _context(self, key: str) -> dict[str, Any]:
        return {"month": key, "book": self.book}


def names_known_keys(facts: dict[str, Any], book: Book) -> bool:
    """Whether every key a month names is in `book` (validity apart from ledger.toml was cached)."""
    known = {"client": book.clients, "teammate": book.teammates}
    return all(kind in known and keys.keys() <= known[kind].keys() for kind, keys in facts["refs"].items())


def facts_of(month: Month) -> dict[str, Any]:
    """What the cache keeps about a validated month besides its whole content."""
    records = month.records()
    refs: dict[str, dict[str, list[Any]]] = {"client": {}, "teammate": {}}
    for record in records:
        for what, key in record.references():
            day = record.date.isoformat()
            count, first, last = refs[what].get(key, (0, day, day))
            refs[what][key] = [count + 1, min(first, day), max(last, day)]
    return {
        "schema_version": month.schema_version,
        "ids": "".join(r.id for r in records),  # every id is 8 hex digits
        "refs": refs,
        "extremes": extremes(month),
        "digest": digest(month).model_dump_json(),
    }


class Months(Mapping[str, Month]):
    """Every month of a ledger, keyed YYYY-MM, each read in full only when looked up.

    Built only after every file's facts were verified. `with_month` is how a
    draft replaces one; `record_ids` knows every id without reading a month.
    """

    def __init__(self, reader: MonthReader, keys: list[str], replaced: Mapping[str, Month] | None = None) -> None:
        self._reader = reader
        self._keys = sorted({*keys, *(replaced or {})})
        self._replaced = dict(replaced or {})

    def __getitem__(self, key: str) -> Month:
        if key in self._replaced:
            return self._replaced[key]
        if key not in self._keys:
            raise KeyError(key)
        return self._reader.month(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def with_month(self, key: str, month: Month) -> Months:
        return Months(self._reader, self._keys, {**self._replaced, key: month})

    def record_ids(self) -> set[str]:
        ids: set[str] = set()
        for key in self._keys:
            if key in self._replaced:
                ids.update(r.id for r in self._replaced[key].records())
            else:
                packed = self._reader.facts(key)["ids"]
                ids.update(packed[i : i + 8] for i in range(0, len(packed), 8))
        return ids

    def schema_versions(self) -> list[int]:
        """The schema version of every month, as its file says (or as replaced)."""
        return [
            self._replaced[key].schema_version if key in self._replaced else self._reader.facts(key)["schema_version"]
            for key in self._keys
        ]

    def needing_check(self, book: Book) -> list[str]:
        """The months to validate against a changed `book`: those replaced, and those on disk naming a key it lacks."""
        return [
            key for key in self._keys if key in self._replaced or not names_known_keys(self._reader.facts(key), book)
        ]
