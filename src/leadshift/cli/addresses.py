"""The options that give `log --calendar` its addresses: a client's domains, a teammate's or your own emails.

Each is repeatable (`--domain acme.com --domain acme.de`) and replaces the list it
sets; `--domain ''` empties it. Values are lowercased and checked as they enter.
"""

from __future__ import annotations

import re
from typing import Annotated, Optional

import typer

from leadshift.domain.terms import DOMAIN_PATTERN, EMAIL_PATTERN
from leadshift.errors import UsageError


def parse_domain(text: str) -> str:
    domain = text.strip().lower().removeprefix("@")
    if domain and (len(domain) > 253 or not re.fullmatch(DOMAIN_PATTERN, domain)):
        raise UsageError(f"'{text}' is not an email domain; give one like acme.com (without the name before @).")
    return domain


def parse_email(text: str) -> str:
    email = text.strip().lower().removeprefix("mailto:")
    if email and (len(email) > 254 or not re.fullmatch(EMAIL_PATTERN, email)):
        raise UsageError(f"'{text}' is not an email address; give one like alice@example.com.")
    return email


def given_list(values: list[str] | None) -> list[str] | None:
    """The values given, empty ones dropped (`''` empties the list); None when the option was not given."""
    return None if values is None else [v for v in values if v]


Domains = Annotated[
    Optional[list[str]],
    typer.Option(
        "--domain",
        metavar="DOMAIN",
        parser=parse_domain,
        help="An email domain of its people, like acme.com (repeat for more; '' for none): "
        "`log --calendar` reads a meeting with them as its hours.",
        show_default=False,
    ),
]
Emails = Annotated[
    Optional[list[str]],
    typer.Option(
        "--email",
        metavar="EMAIL",
        parser=parse_email,
        help="An email address (repeat for more; '' for none): how `log --calendar` knows them in a meeting.",
        show_default=False,
    ),
]
