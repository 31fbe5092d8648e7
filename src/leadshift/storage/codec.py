"""Between TOML bytes and validated models, with errors a person can act on.

Errors name the file, the line and what is wrong, never the text of the line:
ledger files hold private notes about people, and error output ends up in
terminals, logs and bug reports.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from leadshift.errors import LedgerFileError
from leadshift.storage.layout import Layout

M = TypeVar("M", bound=BaseModel)

_TOML_POSITION = re.compile(r"\s*\((?:at line (\d+), column (\d+)|at end of document)\)$")
_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"^\s*\"?([A-Za-z0-9_-]+)\"?\s*=")


def decode(data: bytes, model: type[M], label: str, hint: str, context: dict[str, Any] | None = None) -> M:
    """Parse and validate one ledger file; raise LedgerFileError naming where it breaks."""
    try:
        text = data.decode("utf-8-sig")  # editors on Windows may add a byte-order mark
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise LedgerFileError(f"{label}, line {line}: the file is not UTF-8 text. {hint}", line) from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LedgerFileError(*_toml_message(str(error), label, hint)) from None
    except RecursionError:  # tomllib recurses once per nested array or table: `x = [[[[...` crashes it
        raise LedgerFileError(f"{label}: a value is nested too deeply to be a ledger value. {hint}") from None
    if not raw:
        # leadshift always writes schema_version: an empty file was cut short (a full disk, a
        # crash in another program) and must not pass for a month with no records.
        raise LedgerFileError(f"{label} is empty; it may have been cut short by a crash or a full disk. {hint}")
    try:
        return model.model_validate(raw, context=context)
    except ValidationError as error:
        raise LedgerFileError(*_schema_message(error, text, label, hint)) from None


def decode_file(layout: Layout, path: Path, data: bytes, model: type[M], context: dict[str, Any] | None = None) -> M:
    """Parse and validate the bytes of one of the ledger's files; errors name it and the two ways to fix it."""
    which = layout.edit_name(path)
    hint = f"Fix it with `leadshift edit {which}`, or put back a backup (`leadshift restore` lists them)."
    return decode(data, model, layout.label(path), hint, context)


def declared_version(data: bytes) -> int | None:
    """The schema_version a ledger file's TOML says it has, whatever else is wrong with it; None if none."""
    return version_in(toml_table(data))


def version_in(table: dict[str, Any] | None) -> int | None:
    """The schema_version of a parsed TOML table, if it has a whole number there."""
    version = table.get("schema_version") if table is not None else None
    return version if isinstance(version, int) and not isinstance(version, bool) else None


def toml_table(data: bytes) -> dict[str, Any] | None:
    """The TOML table in `data`, or None when it is not UTF-8 TOML (`decode` then says why)."""
    try:
        return tomllib.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None


_LAST_KEYS = ("note", "added")  # bookkeeping after the facts, when a person reads a record
# Written only when they hold something, so a ledger that never saved one keeps its bytes.
_OPTIONAL_TABLES = ("handoffs", "actions", "obstacles", "keywords", "remembered_series", "remembered_titles")
# The profile's weeks off, and the addresses `log --calendar` reads: left out while empty, like the handoffs.
_OPTIONAL_LISTS = ("holidays", "emails", "domains")
# Flags written only when set (a client's `prospect`), so a file from before they existed keeps its bytes.
_FLAGS_WHEN_SET = ("prospect", "skip")


def encode(model: BaseModel) -> bytes:
    """The TOML a person would write: no empty notes or tables, no unset optional keys."""
    import tomli_w  # only writes need it

    data = model.model_dump(mode="python", exclude_none=True)
    data = {k: _prune(v) for k, v in data.items() if v != [] and not (k in _OPTIONAL_TABLES and v == {})}
    return tomli_w.dumps(data).encode("utf-8")


def _prune(value: Any) -> Any:
    if isinstance(value, dict):
        kept = {
            k: _prune(v)
            for k, v in value.items()
            if not (k == "note" and v == "")
            and not (k in _OPTIONAL_LISTS and v == [])
            and not (k in _OPTIONAL_TABLES and v == {})
            and not (k in _FLAGS_WHEN_SET and v is False)
        }
        return {
            **{k: v for k, v in kept.items() if k not in _LAST_KEYS},
            **{k: kept[k] for k in _LAST_KEYS if k in kept},
        }
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def _toml_message(message: str, label: str, hint: str) -> tuple[str, int | None]:
    match = _TOML_POSITION.search(message)
    what = _TOML_POSITION.sub("", message).rstrip(".")
    line = int(match.group(1)) if match and match.group(1) else None
    where = f"line {line}, column {match.group(2)}" if match and line else "end of file"
    return f"{label}, {where}: {_lower_first(what)}. {hint}", line


def _schema_message(error: ValidationError, text: str, label: str, hint: str) -> tuple[str, int | None]:
    problems = error.errors(include_input=False, include_url=False)
    first = problems[0]
    loc = tuple(part for part in first["loc"] if part != "[key]")
    message = _describe(first)
    line = _locate(text.splitlines(), loc, first.get("ctx") or {})
    place = f"{label}, line {line}" if line else label
    field = f" ({_dotted(loc)})" if loc else ""
    more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return f"{place}{field}: {message}{more}. {hint}", line


def _describe(problem: dict[str, Any]) -> str:
    kind, message = problem["type"], problem["msg"]
    if kind == "string_pattern_mismatch" and "[a-z0-9]" in str(problem.get("ctx", {}).get("pattern", "")):
        return "keys are lowercase letters, digits, '-' or '_', at most 32, starting with a letter or digit"
    if kind == "extra_forbidden":
        return "unknown key (a typo?)"
    if kind == "missing":
        return "required key is missing"
    return _lower_first(message.removeprefix("Value error, "))


def _dotted(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts[-1] = f"{parts[-1]}[{part + 1}]" if parts else f"[{part + 1}]"
        else:
            parts.append(str(part))
    return ".".join(parts)


def _locate(lines: list[str], loc: tuple[Any, ...], rule: dict[str, Any]) -> int | None:
    """Best-effort line number for a schema error, found by table headers and keys.

    Rules across fields (`model.broken_rule`) say where they break: a record id or a table path.
    """
    if rule.get("record"):
        pattern = re.compile(rf"^\s*id\s*=\s*[\"']{rule['record']}[\"']")
        found = [n for n, line in enumerate(lines, 1) if pattern.match(line)]
        if found:
            return found[-1] if rule.get("last") else found[0]
    loc = tuple(rule.get("at") or loc)
    names = [str(p) for p in loc if not isinstance(p, int)]
    index = next((p for p in loc if isinstance(p, int)), None)
    for cut in range(len(names), 0, -1):
        header = ".".join(names[:cut])
        starts = [n for n, line in enumerate(lines) if (m := _HEADER.match(line)) and _unquote(m.group(1)) == header]
        if starts:
            start = starts[min(index or 0, len(starts) - 1)]
            return _key_line(lines, start + 1, names[cut] if cut < len(names) else None) or start + 1
    return _key_line(lines, 0, names[0] if names else None)


def _key_line(lines: list[str], start: int, key: str | None) -> int | None:
    if key is None:
        return None
    for number in range(start, len(lines)):
        if _HEADER.match(lines[number]):
            return None
        if (m := _KEY.match(lines[number])) and m.group(1) == key:
            return number + 1
    return None


def _unquote(header: str) -> str:
    return ".".join(part.strip().strip("\"'") for part in header.split("."))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text
