"""Floor (b): floor (a)'s app validating one Pydantic model and printing it as JSON."""

import os

# As leadshift's cli/__init__.py does before Pydantic is imported: no plugin scan.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from datetime import date, datetime  # noqa: E402
from typing import Annotated  # noqa: E402

from a_typer_help import make_app  # noqa: E402
from pydantic import BaseModel, ConfigDict, Field  # noqa: E402


class Hours(BaseModel):
    """A record much like leadshift's hours: constrained fields, strict about unknown keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(pattern=r"^[0-9a-f]{8}$")]
    date: date
    hours: Annotated[float, Field(gt=0, le=24, multiple_of=0.25)]
    client: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40)]
    note: Annotated[str, Field(max_length=500)] = ""
    added: datetime


def validated(client: str, hours: float, note: str) -> Hours:
    fields = {"id": "0badcafe", "date": "2026-11-20", "hours": hours, "client": client, "note": note}
    return Hours.model_validate({**fields, "added": "2026-11-20T18:00:00"})


def print_json(client: str, hours: float, note: str) -> Hours:
    record = validated(client, hours, note)
    print(record.model_dump_json(indent=2))
    return record


if __name__ == "__main__":
    make_app(print_json)()
