"""Which fields of a model become columns of an export, and what each may carry (pure).

Read from the models themselves, so a field or a table added to the ledger is exported without this
file changing. What a field holds decides what happens to it:

    value      numbers, dates, yes/no, ids                      always, as they are
    word       one of the ledger's fixed words (a status)       always
    key        a client's or teammate's key                     always; a pseudonym with --anonymize
    keys       a list of them                                   the same, each
    free-text  what a person wrote: notes, requests, an item's text   only with --include-notes
    text       names, roles, tags, anything else written        left out with --anonymize (a name
                                                                becomes its row's pseudonym)
    models     a list of small records (a handoff's stages)     each through the same rules
"""

from __future__ import annotations

import datetime as dt
import types
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from leadshift.domain.schema import KEY_PATTERN
from leadshift.export.pseudonyms import Pseudonyms

FREE_TEXT = 500  # characters: a field allowed this long is something a person wrote at length
# The table each key field points to. `owner` may be `me`, the leader, who is no teammate: it gets no
# foreign key. A new key field fails tests/export/test_tables.py until it is named here.
POINTS_TO = {
    "client": "clients",
    "from_client": "clients",
    "because": "clients",
    "interrupted_by": "clients",
    "teammate": "teammates",
    "owner": "teammates",
    "backed_by": "teammates",
}
NOT_ENFORCED = {"owner"}
SQL_TYPES = {bool: "INTEGER", int: "INTEGER", float: "REAL"}  # anything else is TEXT (dates as ISO text)


@dataclass(frozen=True)
class Privacy:
    """What may leave the ledger: notes (`--include-notes`), and real keys and names (unless `--anonymize`)."""

    notes: bool
    pseudonyms: Pseudonyms | None


@dataclass(frozen=True)
class Column:
    name: str
    sql_type: str = "TEXT"
    points_to: str | None = None  # the table of its foreign key


def field_kind(field: FieldInfo) -> str:
    """What a field holds, from its type: see the module's docstring."""
    kind, metadata = _bare(field.annotation, list(field.metadata))
    if get_origin(kind) is Literal:
        return "word"
    if get_origin(kind) is list:
        item, item_metadata = _bare(get_args(kind)[0], [])
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "models"
        return "keys" if KEY_PATTERN in _patterns(item_metadata) else "texts"
    if kind is str:
        if KEY_PATTERN in _patterns(metadata):
            return "key"
        if _patterns(metadata):
            return "value"  # an id or a code, never written by a person
        return "free-text" if _max_length(metadata) >= FREE_TEXT else "text"
    return "value"


def is_key(annotation: Any) -> bool:
    """Whether a type (a dict's keys, say) holds a client's or teammate's key."""
    _, metadata = _bare(annotation, [])
    return KEY_PATTERN in _patterns(metadata)


def is_id(annotation: Any) -> bool:
    """Whether a type is a record's or an item's id (8 hex digits, or any other patterned code)."""
    kind, metadata = _bare(annotation, [])
    return kind is str and bool(_patterns(metadata)) and not is_key(annotation)


def sql_type(field: FieldInfo) -> str:
    kind, _ = _bare(field.annotation, [])
    return SQL_TYPES.get(kind, "TEXT")


def exported(name: str, field: FieldInfo, privacy: Privacy) -> bool:
    """Whether the field is a column of the export at all."""
    kind = field_kind(field)
    if kind == "free-text":
        return privacy.notes
    if kind in ("text", "texts") and privacy.pseudonyms is not None:
        return name == "name"  # kept, as its row's pseudonym; a role or a tag could name someone
    return True


def column(name: str, field: FieldInfo) -> Column:
    kind = field_kind(field)
    foreign = POINTS_TO.get(name) if kind == "key" and name not in NOT_ENFORCED else None
    return Column(name, sql_type(field), foreign)


def cell(name: str, field: FieldInfo, value: Any, privacy: Privacy, row_pseudonym: str | None = None) -> Any:
    """A field's value as exported: JSON-ready (dates as ISO text, lists and small records as they are)."""
    kind = field_kind(field)
    pseudonyms = privacy.pseudonyms
    if value is None:
        return None
    if kind == "key" and pseudonyms is not None:
        return pseudonyms.of(POINTS_TO[name], value)
    if kind == "keys" and pseudonyms is not None:
        return [pseudonyms.of(POINTS_TO[name], key) for key in value]
    if name == "name" and row_pseudonym is not None:
        return row_pseudonym
    if kind == "models":
        return [model_cells(item, privacy) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return list(value) if isinstance(value, (list, tuple)) else value


def model_cells(model: BaseModel, privacy: Privacy, row_pseudonym: str | None = None) -> dict[str, Any]:
    """Every exported field of `model`, in the model's order."""
    fields = type(model).model_fields
    return {
        name: cell(name, field, getattr(model, name), privacy, row_pseudonym)
        for name, field in fields.items()
        if exported(name, field, privacy)
    }


def _bare(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any]]:
    """The type inside Optional[...] and Annotated[...], with the constraints gathered on the way."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *more = get_args(annotation)
            metadata = [*metadata, *more]
        elif origin in (Union, types.UnionType):
            annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
        else:
            return annotation, metadata


def _constraints(metadata: list[Any]) -> list[Any]:
    """Each constraint, those inside a Field(...) too."""
    return [inner for item in metadata for inner in (item, *getattr(item, "metadata", []))]


def _patterns(metadata: list[Any]) -> set[str]:
    return {p for item in _constraints(metadata) if (p := getattr(item, "pattern", None))}


def _max_length(metadata: list[Any]) -> int:
    return max((m for item in _constraints(metadata) if (m := getattr(item, "max_length", None))), default=0)
