"""Rendering a revision nobody has approved yet, away from everything worth stealing.

A draft, a round under review, a branch someone pushed: their Markdown, data and
``mkdocs.yml`` are input from whoever wrote them. lkjip already refuses code in them
(:mod:`pipeline.render.siteconfig`) and strips scripts from what they render
(:mod:`pipeline.render.sanitize`); this is the second wall. The revision is written from Git
into a temporary folder (with limits on files and bytes) and rendered by a child process
(:mod:`.worker`) that has

- no SSH agent socket and a temporary, empty HOME (the reviewer's key is not reachable);
- only a few environment variables (no tokens, no passwords);
- a time limit and a memory limit;
- with ``bwrap`` (Debian's bubblewrap): a read-only root, ``/tmp``, ``/run`` and the home
  folder replaced by empty ones, and no network. Without ``bwrap`` it is a plain child
  process, and :attr:`Rendered.sandboxed` says so.

The child's answer is JSON: chapters as sanitized HTML, the computed figures, the check's
problems. A revision that cannot be rendered, is too large or takes too long is an error in
the user's words, never a failed command or a hung build.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pygit2

import pipeline
from pipeline.errors import Problem, UserError
from pipeline.messages import safety as msg
from pipeline.review import snapshot
from pipeline.review.redline import Redline, RenderedChapter, Version, make_redline


@dataclass(frozen=True)
class Limits:
    seconds: float = 120.0  # wall-clock time for one revision
    memory: int = 3 * 1024**3  # address space of the child, bytes


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Rendered:
    """One revision as the child rendered it."""

    version: Version | None
    error: str = ""  # why it could not be rendered (user text)
    problems: tuple[Problem, ...] = ()  # lkjip check --lengkap, when asked for
    check_error: str = ""
    sandboxed: bool = False  # ran under bwrap


def bwrap() -> str | None:
    return shutil.which("bwrap")


def render_revisions(repo: pygit2.Repository, revisions: Sequence[snapshot.Revision], *,
                     config_from: str | None = None, check: bool = False,
                     limits: Limits = DEFAULT_LIMITS) -> list[Rendered]:
    """Render ``revisions`` in one isolated child; a revision that breaks the batch (time,
    memory) is retried alone, so one hostile branch never costs the others their render.

    ``config_from``: the commit whose ``mkdocs.yml`` is used instead of each revision's own
    (main's, for the history page). ``check`` also runs ``lkjip check --lengkap``.
    """
    with tempfile.TemporaryDirectory(prefix="lkjip-isolated-") as tmp:
        work = Path(tmp)
        config = _config_text(repo, config_from) if config_from else None
        prepared: list[tuple[int, Path]] = []
        results: list[Rendered | None] = [None] * len(revisions)
        for index, revision in enumerate(revisions):
            folder = work / f"rev-{index}"
            folder.mkdir()
            try:
                snapshot.extract(repo, revision.oid, folder, name=revision.spec)
            except UserError as exc:
                results[index] = Rendered(None, str(exc))
                continue
            if config is not None:
                (folder / snapshot.CONFIG_FILE).write_bytes(config)
            prepared.append((index, folder))
        batches = [prepared] if prepared else []
        while batches:
            batch = batches.pop()
            answers = _run(work, [(f, revisions[i].spec) for i, f in batch], check, limits)
            if isinstance(answers, str):
                if len(batch) > 1:  # find the one that broke it
                    batches += [[item] for item in batch]
                    continue
                results[batch[0][0]] = Rendered(None, answers.format(
                    what=revisions[batch[0][0]].spec))
                continue
            for (index, _folder), answer in zip(batch, answers, strict=True):
                results[index] = _rendered(answer, bwrap() is not None)
        return [r if r is not None else Rendered(None, "") for r in results]


def render_revision(repo: pygit2.Repository, revision: snapshot.Revision, **options: object,
                    ) -> Rendered:
    return render_revisions(repo, [revision], **options)[0]  # type: ignore[arg-type]


def redline_between(repo: pygit2.Repository, old: snapshot.Revision, new: snapshot.Revision,
                    *, config_from: str | None = None,
                    limits: Limits = DEFAULT_LIMITS) -> tuple[Redline, bool]:
    """The redline of two revisions, both rendered in isolation, and whether the child ran
    under bwrap. :class:`UserError` when either cannot be rendered."""
    both = render_revisions(repo, [old, new], config_from=config_from, limits=limits)
    for rendered in both:
        if rendered.version is None:
            raise UserError(rendered.error)  # it names the revision
    assert both[0].version is not None and both[1].version is not None
    files = snapshot.changed_files(repo, old.oid, new.oid)
    return make_redline(both[0].version, both[1].version, files), both[1].sandboxed


def _config_text(repo: pygit2.Repository, oid: str) -> bytes | None:
    tree = repo.get(oid).peel(pygit2.Tree)
    try:
        blob = repo.get(tree[snapshot.CONFIG_FILE].id)
    except KeyError:
        return None
    return blob.data if isinstance(blob, pygit2.Blob) else None


def _rendered(answer: dict, sandboxed: bool) -> Rendered:
    problems = tuple(Problem(str(p[0]), p[1] if isinstance(p[1], int) else None, str(p[2]))
                     for p in answer.get("problems", []))
    version = None
    if "chapters" in answer:
        chapters = tuple(RenderedChapter(str(c["src"]), str(c["title"]), str(c["html"]),
                                         str(c["error"])) for c in answer["chapters"])
        figures = {str(k): (str(v[0]), str(v[1])) for k, v in answer["figures"].items()}
        version = Version(str(answer["name"]), figures, chapters)
    return Rendered(version, str(answer.get("error", "")), problems,
                    str(answer.get("check_error", "")), sandboxed)


# --- the child ----------------------------------------------------------------------------

_PACKAGE_ROOT = Path(pipeline.__file__).resolve().parent.parent
_BOOT = ("import sys; sys.path.insert(0, {root!r}); "
         "from pipeline.review.worker import main; sys.exit(main(sys.argv[1]))")
# What the child may know of the parent's environment; everything else (SSH_AUTH_SOCK,
# tokens, LKJIP_TTE_PASSWORD, GIT_*) stays behind.
_KEPT_ENV = ("PATH", "LANG", "LC_ALL", "TZ", "SOURCE_DATE_EPOCH")


def _child_env(home: Path) -> dict[str, str]:
    env = {name: os.environ[name] for name in _KEPT_ENV if name in os.environ}
    env.setdefault("PATH", os.defpath)
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"),
               MPLCONFIGDIR=str(home / "matplotlib"), PYTHONDONTWRITEBYTECODE="1")
    _seed_font_cache(home / "matplotlib")
    return env


def _seed_font_cache(target: Path) -> None:
    """Give the child matplotlib's font list (a copy): building it takes seconds."""
    source = Path(os.environ.get("MPLCONFIGDIR") or Path.home() / ".cache" / "matplotlib")
    target.mkdir(parents=True, exist_ok=True)
    for cached in source.glob("fontlist-*.json"):
        if cached.is_file() and not cached.is_symlink():
            shutil.copyfile(cached, target / cached.name)


def _sandbox(command: list[str], work: Path) -> list[str]:
    tool = bwrap()
    if tool is None:
        return command
    hidden = ["/tmp", "/run", "/var/tmp", str(Path.home())]
    visible = sorted({str(_PACKAGE_ROOT), sys.prefix, sys.base_prefix,
                      str(Path(sys.executable).resolve().parent.parent)})
    args = [tool, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
            "--unshare-net", "--unshare-ipc", "--unshare-pid", "--unshare-uts",
            "--die-with-parent", "--new-session"]
    for folder in hidden:
        if Path(folder).is_dir():
            args += ["--tmpfs", folder]
    for folder in visible:  # the interpreter and lkjip, wherever they are installed
        args += ["--ro-bind", folder, folder]
    args += ["--bind", str(work), str(work), "--chdir", str(work), "--"]
    return args + command


def _limit(memory: int, seconds: float) -> None:  # runs in the child, before exec
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    cpu = max(1, int(seconds))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _run(work: Path, items: list[tuple[Path, str]], check: bool,
         limits: Limits) -> list[dict] | str:
    """The child's answers, or a message template (``{what}``) saying why there are none."""
    request = work / "request.json"
    request.write_text(json.dumps({"revisions": [
        {"folder": str(folder), "name": name, "check": check} for folder, name in items]}),
        encoding="utf-8")
    home = work / "home"
    home.mkdir(exist_ok=True)
    seconds = limits.seconds * len(items)
    command = _sandbox([sys.executable, "-I", "-c", _BOOT.format(root=str(_PACKAGE_ROOT)),
                        str(request)], work)
    with subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=_child_env(home), cwd=work,
                          start_new_session=True,
                          preexec_fn=lambda: _limit(limits.memory, seconds)) as child:
        try:
            out, _err = child.communicate(timeout=seconds)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.communicate()
            return msg.ISOLATED_TIMEOUT.replace("{seconds}", f"{seconds:g}")
    if child.returncode != 0:
        return msg.ISOLATED_CRASHED.replace("{code}", str(child.returncode))
    try:
        answer = json.loads(out)
        revisions = answer["revisions"]
        if not isinstance(revisions, list) or len(revisions) != len(items):
            raise ValueError
        return revisions
    except (ValueError, KeyError, TypeError):
        return msg.ISOLATED_FAILED.replace("{reason}", msg.ISOLATED_UNREADABLE)
