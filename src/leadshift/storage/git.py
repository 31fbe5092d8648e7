"""The ledger folder as a git repository: the user's own git, run in it, and what makes leadshift's merge work.

Only ledger.toml, the months and the two git files travel; what is each machine's
own stays out (.gitignore, from layout.GIT_IGNORED): backups, the cache, the
lock, temp files, what a merge set aside, and the journal. The journal is this
machine's undo history: whole files as this machine wrote them, numbered from
one, so two machines' entries would collide by name, and an undo on one machine
must never put back files over the other machine's changes.

Git writes the files it checks out 0644 and its folders 0755; `make_private`
takes group and other bits away again, as every leadshift write does.
"""

from __future__ import annotations

import os
import subprocess
from datetime import datetime

from leadshift.errors import GitFailed, in_words
from leadshift.storage import durable, journal
from leadshift.storage.layout import (
    CONFLICT_SUFFIX,
    GIT_ATTRIBUTES,
    GIT_DIR,
    GIT_IGNORE,
    GIT_IGNORED,
    GIT_MERGED,
    LEDGER_FILE,
    LOG_DIR,
    MERGE_DRIVER,
    Layout,
    merged_file,
)

TRAVELS = (LEDGER_FILE, LOG_DIR, GIT_IGNORE, GIT_ATTRIBUTES)  # what `git add` is given
MAX_STOPS = 1000  # a rebase stops at most once per commit replayed; this bounds a loop that would not end
# Git's own words are read in a few places; they are English whatever the user's language.
PLAIN = {"LC_ALL": "C", "GIT_TERMINAL_PROMPT": os.environ.get("GIT_TERMINAL_PROMPT", "1")}


class Repository:
    """The ledger folder's git repository (which may not exist yet)."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.home = layout.home

    # -- running git -------------------------------------------------------------

    def run(self, *args: str, check: bool = True, editor: bool = False) -> subprocess.CompletedProcess[bytes]:
        """`git -C HOME args`; a failure (with `check`) is one line naming the command and what git said."""
        env = {**os.environ, **PLAIN, **({"GIT_EDITOR": "true"} if editor else {})}
        try:
            done = subprocess.run(
                ["git", "-C", str(self.home), *args], capture_output=True, env=env, stdin=subprocess.DEVNULL
            )
        except FileNotFoundError:
            raise GitFailed(
                "git is not installed (or not on your PATH); install it (https://git-scm.com) first."
            ) from None
        except OSError as error:
            raise GitFailed(f"git cannot be run: {in_words(error)}.") from None
        if check and done.returncode:
            raise GitFailed(f"`git {args[0]}` failed: {said(done)}")
        return done

    def text(self, *args: str) -> str:
        return self.run(*args).stdout.decode("utf-8", errors="replace").strip()

    def ok(self, *args: str) -> bool:
        return self.run(*args, check=False).returncode == 0

    # -- the repository ------------------------------------------------------------

    def exists(self) -> bool:
        return os.path.lexists(self.home / GIT_DIR)

    def create(self) -> None:
        self.run("init", "--quiet")  # on git's own default branch, as a bare remote made by the same git has

    def head(self) -> str | None:
        """The commit checked out; None before the first."""
        done = self.run("rev-parse", "--quiet", "--verify", "HEAD^{commit}", check=False)
        return done.stdout.decode().strip() or None if done.returncode == 0 else None

    def set_up(self, driver: str) -> list[str]:
        """.gitignore, .gitattributes and the merge driver as leadshift needs them; what had to change (idempotent)."""
        changed = [
            name
            for name, lines in ((GIT_IGNORE, GIT_IGNORED), (GIT_ATTRIBUTES, _attributes()))
            if self._has_lines(name, lines)
        ]
        for key, value in (("name", "leadshift: a ledger file merged by record id and by key"), ("driver", driver)):
            name = f"merge.{MERGE_DRIVER}.{key}"
            if self.run("config", "--get", name, check=False).stdout.decode().strip() != value:
                self.run("config", name, value)
                changed.append(f"the merge driver ({GIT_DIR}/config)")
        return list(dict.fromkeys(changed))

    def _has_lines(self, name: str, lines: tuple[str, ...]) -> bool:
        """Add to the file `name` the lines it lacks (a person's own lines stay); whether it changed."""
        path = self.home / name
        try:
            text = path.read_text(encoding="utf-8") if path.is_file() else ""
        except (OSError, UnicodeDecodeError) as error:
            raise GitFailed(f"cannot read {name}: {error}; fix or remove it, then run this again.") from None
        missing = [line for line in lines if line not in text.splitlines()]
        if not missing:
            return False
        joined = text + ("\n" if text and not text.endswith("\n") else "") + "".join(f"{line}\n" for line in missing)
        durable.write_atomic(path, joined.encode())
        return True

    def stage(self) -> list[str]:
        """`git add` what travels; the files staged to commit."""
        self.run("add", "--all", "--", *[rel for rel in TRAVELS if (self.home / rel).exists()])
        return self.text("diff", "--cached", "--name-only").splitlines()

    def commit(self, message: str) -> None:
        done = self.run("commit", "--quiet", "-m", message, check=False)
        if done.returncode:
            if b"tell me who you are" in done.stderr or b"empty ident" in done.stderr:
                raise GitFailed(
                    'git needs your name and email for its commits: `git config --global user.name "Your Name"` '
                    "and `git config --global user.email you@example.com`, then run this again."
                )
            raise GitFailed(f"`git commit` failed: {said(done)}")

    def show(self, rev: str, rel: str) -> bytes | None:
        """The file `rel` as commit `rev` has it (`:` for the index); None when it has none."""
        done = self.run("show", f"{rev}:{rel}" if rev != ":" else f":{rel}", check=False)
        return done.stdout if done.returncode == 0 else None

    def changed(self, before: str, after: str | None = None) -> list[str]:
        """The ledger files that differ between two commits (`after` None: the index)."""
        args = ["diff", "--name-only", before, *([after] if after else ["--cached"])]
        return [rel for rel in self.text(*args).splitlines() if merged_file(rel)]

    # -- the remote ------------------------------------------------------------------

    def upstream(self) -> tuple[str, str] | None:
        """(remote, branch) to sync with: the branch's upstream, else `origin` or the only remote; None if none."""
        branch = (
            self.text("symbolic-ref", "--quiet", "--short", "HEAD") if self.ok("symbolic-ref", "-q", "HEAD") else ""
        )
        if not branch:
            raise GitFailed(
                "the ledger's repository is not on a branch (a rebase or checkout under way?); finish it first."
            )
        remote = self.run("config", "--get", f"branch.{branch}.remote", check=False).stdout.decode().strip()
        merge = self.run("config", "--get", f"branch.{branch}.merge", check=False).stdout.decode().strip()
        remotes = self.text("remote").splitlines()
        if not remote:
            remote = "origin" if "origin" in remotes else remotes[0] if len(remotes) == 1 else ""
        return (remote, merge.removeprefix("refs/heads/") or branch) if remote else None

    def fetch(self, remote: str, branch: str) -> str | None:
        """Fetch `branch` of `remote`; the commit it is at there, None when the remote has no such branch yet."""
        self.run("fetch", "--quiet", remote)
        done = self.run("rev-parse", "--quiet", "--verify", f"refs/remotes/{remote}/{branch}", check=False)
        return done.stdout.decode().strip() or None if done.returncode == 0 else None

    def rebase(self, onto: str) -> list[str]:
        """Replay this machine's commits on `onto`; the files where the merge driver set something aside.

        The driver leaves each file it merges valid, so a stop on one is settled by taking that file as it is
        (what clashed waits in its .conflict file). A stop on anything else is undone, and nothing changes.
        """
        started = self.run("rebase", "--quiet", onto, check=False, editor=True)
        if started.returncode and not self.rebasing():  # refused before it began (files git would overwrite)
            raise GitFailed(f"`git rebase` failed, so nothing was pulled: {said(started)}")
        settled: list[str] = []
        for _ in range(MAX_STOPS):
            if not self.rebasing():
                return settled
            stuck = self.text("diff", "--name-only", "--diff-filter=U").splitlines()
            unsettled = [rel for rel in stuck if not self._settled_by_driver(rel)]
            if unsettled:
                self.run("rebase", "--abort", check=False)
                raise GitFailed(
                    f"git could not merge {', '.join(unsettled)} with what came in, so nothing was pulled; settle it "
                    f"by hand (`cd {self.home} && git pull --rebase`), then run `leadshift git sync` again."
                )
            if stuck:
                self.run("add", "--", *stuck)
                settled += stuck
            if not self.run("rebase", "--continue", check=False, editor=True).returncode == 0 and not stuck:
                self.run("rebase", "--skip", check=False, editor=True)  # a commit left with nothing to change
        raise GitFailed(f"the rebase did not finish; see `git -C {self.home} status`.")

    def _settled_by_driver(self, rel: str) -> bool:
        if merged_file(rel) is None:
            return False
        path = self.home / rel
        return path.is_file() and b"\n<<<<<<< " not in b"\n" + path.read_bytes()

    def rebasing(self) -> bool:
        return any((self.home / GIT_DIR / name).exists() for name in ("rebase-merge", "rebase-apply"))

    def push(self, remote: str, branch: str) -> None:
        self.run("push", "--quiet", "--set-upstream", remote, f"HEAD:refs/heads/{branch}")

    # -- what a pull changed ------------------------------------------------------------

    def ledger_files(self) -> dict[str, bytes]:
        """ledger.toml and every month file as they are now, by path relative to the folder."""
        paths = [self.layout.book_path, *map(self.layout.month_path, self.layout.month_keys())]
        return {self.layout.label(path): path.read_bytes() for path in paths if path.is_file()}

    def journal_pull(self, before: dict[str, bytes], command: str, summary: str, at: datetime) -> None:
        """Record in the journal the files a pull changed, as every write does: `undo` can then take it back.

        Written after git changed them (git gives no moment before): a crash in between leaves a pull
        that undo does not know, and files that are whole all the same.
        """
        after = self.ledger_files()
        changed = sorted(rel for rel in before.keys() | after.keys() if before.get(rel) != after.get(rel))
        if changed:
            versions = [journal.Version(rel, before.get(rel), after.get(rel)) for rel in changed]
            journal.record(self.layout, command, summary, versions, at)

    # -- permissions -------------------------------------------------------------------

    def make_private(self) -> None:
        """What git wrote (0644 files, 0755 folders) closed to other users again, .git/ itself included."""
        paths = [
            self.home,
            self.home / GIT_DIR,
            self.home / GIT_IGNORE,
            self.home / GIT_ATTRIBUTES,
            self.layout.book_path,
        ]
        if self.layout.log_dir.is_dir():
            paths += [self.layout.log_dir, *self.layout.log_dir.iterdir()]
        paths += [p for p in self.home.iterdir() if p.name.endswith(CONFLICT_SUFFIX)]
        for path in paths:
            if path.exists() and not path.is_symlink():
                durable.take_away_others(path)


def _attributes() -> tuple[str, ...]:
    return tuple(f"{pattern} merge={MERGE_DRIVER}" for pattern in GIT_MERGED)


def said(done: subprocess.CompletedProcess[bytes]) -> str:
    """What git said last, on one line (its hints left out)."""
    lines = [line.strip() for line in done.stderr.decode("utf-8", errors="replace").splitlines()]
    lines = [line for line in lines if line and not line.startswith("hint:")]
    return (lines[-1] if lines else f"exit code {done.returncode}").rstrip(".") + "."


def driver_command(python: str) -> str:
    """The merge driver as .git/config runs it: this leadshift's own Python, so no PATH is needed."""
    import shlex

    return f"{shlex.quote(python)} -m leadshift merge-file %O %A %B %P"
