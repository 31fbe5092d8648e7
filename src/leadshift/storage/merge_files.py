"""The files of a git merge of one ledger file: read the three versions, write the merged one and what was set aside.

Git calls its merge driver with three temporary files (the common ancestor,
ours, theirs) and the path of the file being merged; the driver leaves the
result in ours. The result always parses and validates: what the merge could
not settle stays as ours in the file, and the other version goes to a
`.conflict` file beside it (`log/2026-11.toml.conflict`, never committed:
.gitignore), which `leadshift doctor` names until it is settled and deleted.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel

from leadshift.domain.book import Book
from leadshift.domain.merging import ABSENT, Clash, Merged, merge_book, merge_month
from leadshift.domain.records import Month
from leadshift.errors import LedgerFileError, LedgerWriteError, UsageError, in_words
from leadshift.storage import codec, durable
from leadshift.storage.layout import LEDGER_FILE, conflict_name, merged_file

SIDES = ("BASE", "OURS", "THEIRS")
WHOLE_FILE = "the whole file"
_HEADER = (
    "# What `leadshift merge-file` could not settle when git merged {rel}: for each place, `kept` is what\n"
    "# {rel} holds now and `set_aside` the other side's version (a side without one had removed it).\n"
    "# Make {rel} what it should be with `leadshift edit {name}`, then delete this file.\n\n"
)


class MergeResult(NamedTuple):
    clashes: int
    conflict_file: Path | None  # where the clashes were written, if any


def merge_files(paths: tuple[str, str, str], rel: str, folder: Path, at: datetime) -> MergeResult:
    """Merge BASE, OURS and THEIRS of `rel` into OURS; clashes go to `rel`.conflict under `folder` (the work tree)."""
    which = merged_file(rel)
    if which is None:
        raise UsageError(
            f"PATH '{_cut(rel)}' is not a file leadshift merges: only ledger.toml and log/YYYY-MM.toml "
            "(.gitattributes names them)."
        )
    base, ours, theirs = _read_all(paths)
    try:
        merged = _merge(which, base, ours, theirs, rel)
    except LedgerFileError as error:  # a side git gave us is not a ledger file: keep ours, set theirs aside whole
        clashes: tuple[Clash, ...] = (Clash(WHOLE_FILE, f"a side cannot be read: {error.message}", None, theirs),)
    else:
        _write(Path(paths[1]), _encoded(merged.content, rel))
        clashes = merged.clashes
    if not clashes:
        return MergeResult(0, None)
    target = folder / conflict_name(rel)
    _write(target, _conflict_text(target, rel, clashes, at))
    return MergeResult(len(clashes), target)


def _merge(which: str, base: bytes, ours: bytes, theirs: bytes, rel: str) -> Merged[Any]:
    model, context = (Book, None) if which == LEDGER_FILE else (Month, {"month": which})
    decoded = [
        _decode(data, model, f"{side} of {rel}", context) if data.strip() else None  # no BASE: added on both sides
        for side, data in zip(SIDES, (base, ours, theirs), strict=True)
    ]
    mine, other = _present(decoded[1:], rel)
    return merge_book(decoded[0], mine, other) if which == LEDGER_FILE else merge_month(decoded[0], mine, other, which)


def _present(sides: list[Any], rel: str) -> tuple[Any, Any]:
    """OURS and THEIRS, which git gives only when both sides have the file: an empty one is a file cut short."""
    if any(side is None for side in sides):
        raise LedgerFileError(f"OURS or THEIRS of {rel} is empty")
    return sides[0], sides[1]


def _decode(data: bytes, model: type[Any], label: str, context: dict[str, Any] | None = None) -> Any:
    return codec.decode(data, model, label, "", context)


def _encoded(model: BaseModel, rel: str) -> bytes:
    """The merged model as leadshift writes it, checked to read back as exactly that model."""
    data = codec.encode(model)
    if codec.decode(data, type(model), rel, "This is a bug in leadshift.", _context_of(model, rel)) != model:
        raise LedgerWriteError(f"the merged {rel} would not read back as written; nothing was merged.")
    return data


def _context_of(model: BaseModel, rel: str) -> dict[str, Any] | None:
    return {"month": merged_file(rel)} if isinstance(model, Month) else None


def _read_all(paths: tuple[str, str, str]) -> tuple[bytes, bytes, bytes]:
    """The three files' bytes; every one that cannot be read is named in one message."""
    found: list[bytes] = []
    problems: list[str] = []
    for side, given in zip(SIDES, paths, strict=True):
        try:
            path = Path(given)
            if not path.is_file():  # never open a FIFO or a folder
                raise FileNotFoundError(None, "no such file")
            found.append(path.read_bytes())
        except (OSError, ValueError) as error:  # ValueError: a NUL in the name
            why = in_words(error) if isinstance(error, OSError) else "not a file name"
            problems.append(f"{side} '{_cut(given)}' ({why.lower()})")
    if problems:
        raise UsageError(f"cannot read {', '.join(problems)}; git gives the merge driver three files it can read.")
    return found[0], found[1], found[2]


def _write(path: Path, data: bytes) -> None:
    try:
        durable.ensure_private_dir(path.parent)
        durable.write_atomic(path, data)
    except OSError as error:
        raise LedgerWriteError(f"could not write {path}: {in_words(error)}; the merge is left to git.") from None


def _conflict_text(target: Path, rel: str, clashes: tuple[Clash, ...], at: datetime) -> bytes:
    """The clashes as TOML, after those a previous merge set aside there (kept until the file is deleted)."""
    import tomli_w

    entries = [_entry(clash, at) for clash in clashes]
    blocks = tomli_w.dumps({"conflicts": entries}).encode()
    try:
        earlier = target.read_bytes() if target.is_file() else b""
    except OSError:
        earlier = b""
    if codec.toml_table(earlier):  # a merge before this one set something aside too: keep it
        return earlier.rstrip(b"\n") + b"\n\n" + blocks
    name = "ledger" if rel == LEDGER_FILE else Path(rel).stem
    header = _HEADER.format(rel=rel, name=name) + tomli_w.dumps({"file": rel})
    return header.encode() + b"\n" + blocks


def _entry(clash: Clash, at: datetime) -> dict[str, Any]:
    entry: dict[str, Any] = {"at": at.replace(microsecond=0), "place": clash.place, "why": clash.why}
    for side in ("kept", "set_aside"):
        value = getattr(clash, side)
        if isinstance(value, BaseModel):
            entry[side] = value.model_dump(mode="python", exclude_none=True)
        elif isinstance(value, bytes):  # a whole file that could not be read: its text, as it was
            entry[side] = value.decode("utf-8", errors="replace")
        elif value is not ABSENT and value is not None:
            entry[side] = value
    return entry


def _cut(text: str) -> str:
    """A path as messages show it: at most 60 characters."""
    return text if len(text) <= 60 else f"{text[:60]}…"
