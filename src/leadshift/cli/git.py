"""`leadshift git init|sync`: one ledger on two machines, through git, with your own remote and credentials."""

from __future__ import annotations

import typer

from leadshift.cli.app import new_app
from leadshift.cli.output import Outcome, command, news
from leadshift.cli.session import Session

app = new_app("One ledger on several machines, through git: your own remote, your own credentials.")


def register(tree: typer.Typer) -> None:
    tree.add_typer(app, name="git")


def _repository(session: Session):  # type: ignore[no-untyped-def]
    """The ledger's store and its repository; no ledger, or no git: one line saying so."""
    from leadshift.storage.git import Repository

    store = session.store
    if not store.exists():
        store.read_book()
    repo = Repository(store)
    repo.run("--version")  # no git: say so before anything else
    return store, repo


def _driver() -> str:
    import sys

    from leadshift.storage.git import driver_command

    return driver_command(sys.executable)


def _machine() -> str:
    import socket

    return socket.gethostname() or "this machine"


@command(app, "init")
def git_init(ctx: typer.Context) -> Outcome:
    """Make the ledger folder a git repository ready to sync; run it again on each machine after cloning.

    Writes .gitignore (what stays on each machine: backups, journal, cache, lock) and .gitattributes, registers
    leadshift's merge driver in .git/config, and makes a first commit if there is none. Running it twice
    changes nothing.
    """
    from leadshift.render.text import visible
    from leadshift.storage import lock

    session = Session.of(ctx)
    store, repo = _repository(session)
    with lock.exclusive(store.lock_path):
        made = not repo.exists()
        if made:
            repo.create()
        changed = repo.set_up(_driver())
        first = repo.head() is None and bool(repo.stage())
        if first:
            repo.commit(f"leadshift on {_machine()}: the ledger as it stands")
        repo.make_private()
    home = visible(store.home)
    lines = [f"Made {home} a git repository." if made else f"{home} is a git repository already."]
    lines.append(
        f"Set up: {', '.join(changed)}." if changed else "Set up already: .gitignore, .gitattributes, the merge driver."
    )
    if first:
        lines.append("Committed the ledger as it stands.")
    if repo.upstream() is None:
        lines.append(f"Next: add a private remote (`git -C {home} remote add origin URL`), then `leadshift git sync`.")
    else:
        lines.append("Next: `leadshift git sync`.")
    return news(*lines)


@command(app, "sync")
def git_sync(ctx: typer.Context) -> Outcome:
    """Commit this machine's changes, pull the other machine's (merged by record id), push, and check the ledger.

    Pulls with a rebase: this machine's commits are replayed on what came in, each file merged by
    leadshift's driver, and the history stays one line. Exits 1 when something was set aside for you to
    settle, or when `leadshift doctor` finds a problem after the pull.
    """
    from datetime import datetime

    from leadshift.errors import GitFailed
    from leadshift.render.text import visible
    from leadshift.storage import lock
    from leadshift.storage.git_changes import INDEX, describe

    session = Session.of(ctx)
    store, repo = _repository(session)
    home = visible(store.home)
    if not repo.exists():
        raise GitFailed(f"{home} is not a git repository yet: run `leadshift git init` first (after cloning, too).")
    target = repo.upstream()
    if target is None:
        raise GitFailed(
            f"the ledger has no remote to sync with: add a private one (`git -C {home} remote add origin URL`), "
            "then run `leadshift git sync` again."
        )
    remote, branch = target
    where = f"{remote}/{branch}"
    theirs = repo.fetch(remote, branch)  # outside the lock: the network may be slow, and no ledger file changes
    lines: list[str] = []
    with lock.exclusive(store.lock_path):  # a `leadshift log` meanwhile waits, and never reads half a pull
        repo.set_up(_driver())  # a fresh clone gets the merge driver before its first merge
        before = repo.head()
        if repo.stage():
            summary = describe(repo, before, INDEX)
            repo.commit(f"leadshift on {_machine()}: {summary}")
            lines.append(f"Committed on {_machine()}: {summary}.")
        else:
            lines.append("Nothing new to commit here.")
        mine, files = repo.head(), repo.ledger_files()
        settled = repo.rebase(theirs) if theirs and mine else []
        came = describe(repo, mine, repo.head() or "") if mine and repo.head() != mine else ""
        lines.append(f"Pulled from {where}: {came}." if came else f"Nothing new on {where}.")
        repo.make_private()  # git writes 0644: closed again before anyone reads
        repo.journal_pull(files, session.command, f"pulled from {where}: {came}", datetime.now())
    if repo.head() != theirs:  # only what the remote lacks: a sync with nothing new sends nothing
        repo.push(remote, branch)
        lines.append(f"Pushed to {where}.")
    else:
        lines.append(f"Nothing to push: {where} is up to date.")
    lines += [_set_aside(rel, where) for rel in settled]
    problems = _checkup(session)
    lines.append(problems or "The ledger checks out (`leadshift doctor` finds nothing wrong).")
    return Outcome(notes=news(*lines).notes, exit_code=1 if settled or problems else 0)


def _set_aside(rel: str, where: str) -> str:
    from leadshift.storage.layout import conflict_name, edit_name

    return (
        f"{rel}: the same entry changed differently on both machines; the file keeps the version from {where}, "
        f"and {conflict_name(rel)} lists both. Settle it with `leadshift edit {edit_name(rel)}`, then delete "
        f"{conflict_name(rel)}."
    )


def _checkup(session: Session) -> str:
    """What `doctor` finds after the pull, in one line; empty when nothing."""
    from leadshift.domain.wording import plural
    from leadshift.recovery.doctor import inspect_ledger

    problems = inspect_ledger(session.reader).problems
    if not problems:
        return ""
    first = problems[0]
    return f"`leadshift doctor` finds {plural(len(problems), 'problem')}; the first: {first.message} Fix: {first.fix}"
