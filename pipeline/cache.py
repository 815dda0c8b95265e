"""The build cache: skip ``lkjip build`` when nothing that affects its outputs has changed.

The key is a Git tree id of the inputs (the docs folder, data/, mkdocs.yml, the lkjip package
itself, and a small ``params`` blob with the build options, SOURCE_DATE_EPOCH, the names of
the installed distributions, i.e. the tool versions, and fontconfig's cache files, i.e. the
installed fonts). It is computed from the files on disk,
with Git's own object hashing, so it needs no repository and no commit: a dirty work tree or a
plain folder gets a key too, and for a clean checkout each subtree equals the committed one.

The cache keeps no copy of the outputs: ``.lkjip-cache/manifest.json`` records the key of the
build that produced the current ``site/`` and PDF, and the size and SHA-256 of every output
file. A hit needs the same key *and* outputs that still match the manifest byte for byte, so a
modified, deleted or added output file, or a damaged manifest, means a rebuild, never a
stale or corrupt output served. Hashing every output costs a few tens of milliseconds, cheaper
than any doubt about a shortcut based on modification times.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pygit2

import pipeline

CACHE_DIR = ".lkjip-cache"
MANIFEST = "manifest.json"
FORMAT = 1  # bump when the manifest's layout changes: an old manifest is then a miss

_FILE, _EXECUTABLE, _LINK, _TREE = "100644", "100755", "120000", "40000"
_SKIPPED_DIRS = {"__pycache__"}


# --- the key: Git object ids of the inputs -------------------------------------------------

def tree_id(entries: list[tuple[str, str, str]]) -> str:
    """Git's id of a tree of ``(mode, name, hex id)`` entries (``git mktree`` gives the same).

    Git orders entries by name, comparing a subtree's name as if it ended with ``/``.
    """
    ordered = sorted(entries, key=lambda e: e[1] + "/" if e[0] == _TREE else e[1])
    body = b"".join(f"{mode} {name}".encode() + b"\0" + bytes.fromhex(oid)
                    for mode, name, oid in ordered)
    return hashlib.sha1(b"tree %d\0" % len(body) + body, usedforsecurity=False).hexdigest()


def blob_id(data: bytes) -> str:
    return str(pygit2.hash(data))


def _ignored(name: str) -> bool:
    # Dot files are editor swap files, caches and our own staging folders; MkDocs skips
    # them too, so they cannot change an output.
    return name.startswith(".") or name in _SKIPPED_DIRS or name.endswith(".pyc")


def folder_tree(folder: Path) -> str | None:
    """The Git tree id of ``folder`` as ``git add`` would store it; None when empty/missing."""
    try:
        children = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return None
    entries = []
    for child in children:
        if _ignored(child.name):
            continue
        if child.is_symlink():
            entries.append((_LINK, child.name, blob_id(os.readlink(child.path).encode())))
        elif child.is_dir():
            sub = folder_tree(Path(child.path))
            if sub is not None:  # Git has no empty trees
                entries.append((_TREE, child.name, sub))
        elif child.is_file():
            mode = _EXECUTABLE if child.stat().st_mode & stat.S_IXUSR else _FILE
            entries.append((mode, child.name, str(pygit2.hashfile(child.path))))
    return tree_id(entries) if entries else None


def installed_distributions() -> list[str]:
    """``name-version.dist-info`` of every installed distribution: the tool versions.

    A directory listing instead of :mod:`importlib.metadata`, which costs ~100 ms per build;
    any upgrade (WeasyPrint, MkDocs, Material, Markdown, ...) then changes the key.
    """
    found: set[str] = set()
    for entry in sys.path:
        if entry.endswith("-packages") and os.path.isdir(entry):
            found.update(n for n in os.listdir(entry) if n.endswith(".dist-info"))
    return sorted(found)


def font_caches() -> list[str]:
    """fontconfig's cache files (name, size, time): the installed fonts, cheaply.

    WeasyPrint finds fonts through fontconfig, and installing or removing a font (a Debian
    package, or a file in ~/.fonts) runs ``fc-cache``, which rewrites these files.
    """
    home = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    found = []
    for folder in ("/var/cache/fontconfig", os.path.join(home, "fontconfig")):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                info = entry.stat()
            except OSError:
                continue
            found.append(f"{entry.path} {info.st_size} {info.st_mtime_ns}")
    return sorted(found)


def params_text(params: Mapping[str, str]) -> str:
    lines = [f"{name}={value}" for name, value in sorted(params.items())]
    lines += [f"python={sys.version.split()[0]}", f"lkjip={pipeline.__version__}"]
    lines += [f"dist={name}" for name in installed_distributions()]
    lines += [f"font={entry}" for entry in font_caches()]
    return "\n".join(lines) + "\n"


def input_key(root: Path, inputs: Mapping[str, Path], params: Mapping[str, str]) -> str:
    """The key of a build: a tree of ``inputs`` (name -> file or folder under ``root``), the
    lkjip package, and ``params``. Changing any byte of any of them changes the key."""
    entries = [(_FILE, "params", blob_id(params_text(params).encode()))]
    package = folder_tree(Path(pipeline.__file__).parent)
    if package is not None:
        entries.append((_TREE, "lkjip", package))
    for name, path in inputs.items():
        if path.is_file():
            entries.append((_FILE, name, str(pygit2.hashfile(str(path)))))
        elif (sub := folder_tree(path)) is not None:
            entries.append((_TREE, name, sub))
    return tree_id(entries)


# --- the manifest: which outputs a key produced ---------------------------------------------

@dataclass(frozen=True)
class Manifest:
    key: str
    site: str | None  # paths relative to the project root
    pdf: str | None
    page_count: int | None
    files: dict[str, tuple[int, str]]  # relative path -> (size, sha256)


def _sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _output_files(root: Path, site: str | None, pdf: str | None) -> Iterator[Path]:
    if pdf is not None:
        yield root / pdf
    if site is not None:
        for folder, _dirs, names in os.walk(root / site):
            for name in names:
                yield Path(folder, name)


def describe_outputs(root: Path, site: str | None, pdf: str | None) -> dict[str, tuple[int, str]]:
    return {p.relative_to(root).as_posix(): (p.stat().st_size, _sha256(p))
            for p in _output_files(root, site, pdf)}


def _manifest_path(root: Path) -> Path:
    return root / CACHE_DIR / MANIFEST


def _encode(manifest: Manifest) -> bytes:
    body = {"format": FORMAT, "key": manifest.key, "site": manifest.site, "pdf": manifest.pdf,
            "page_count": manifest.page_count,
            "files": {k: list(v) for k, v in sorted(manifest.files.items())}}
    text = json.dumps(body, sort_keys=True, ensure_ascii=False)
    # The checksum makes a truncated or hand-edited manifest a miss, not a wrong answer.
    digest = hashlib.sha256(text.encode()).hexdigest()
    return json.dumps({"sha256": digest, "body": text}, ensure_ascii=False).encode()


def _decode(data: bytes) -> Manifest | None:
    try:
        outer = json.loads(data)
        text = outer["body"]
        if hashlib.sha256(text.encode()).hexdigest() != outer["sha256"]:
            return None
        body = json.loads(text)
        if body["format"] != FORMAT:
            return None
        files = {str(k): (int(v[0]), str(v[1])) for k, v in body["files"].items()}
        return Manifest(str(body["key"]), body["site"], body["pdf"], body["page_count"], files)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def read_manifest(root: Path) -> Manifest | None:
    try:
        return _decode(_manifest_path(root).read_bytes())
    except OSError:
        return None


def outputs_intact(root: Path, manifest: Manifest) -> bool:
    """Every output file the manifest lists, no other, each with its recorded bytes."""
    try:
        found = {p.relative_to(root).as_posix(): p
                 for p in _output_files(root, manifest.site, manifest.pdf)}
        if found.keys() != manifest.files.keys():
            return False
        # Sizes first: a cheap way out before hashing.
        if any(found[k].stat().st_size != size for k, (size, _) in manifest.files.items()):
            return False
        return all(_sha256(found[k]) == digest for k, (_, digest) in manifest.files.items())
    except OSError:
        return False


def lookup(root: Path, key: str) -> Manifest | None:
    """The manifest of the current outputs when they were built from ``key`` and are intact."""
    manifest = read_manifest(root)
    if manifest is None or manifest.key != key or not outputs_intact(root, manifest):
        return None
    return manifest


def forget(root: Path) -> None:
    """Drop the manifest: called before outputs are replaced, so that a build interrupted
    half-way through publishing can never be taken for a complete one."""
    _manifest_path(root).unlink(missing_ok=True)


def store(root: Path, key: str, *, site: str | None, pdf: str | None,
          page_count: int | None) -> Manifest:
    """Record the outputs now in place as the product of ``key`` (written atomically)."""
    manifest = Manifest(key, site, pdf, page_count, describe_outputs(root, site, pdf))
    target = _manifest_path(root)
    target.parent.mkdir(exist_ok=True)
    partial = target.with_name(f".{MANIFEST}.{os.getpid()}.tmp")
    try:
        partial.write_bytes(_encode(manifest))
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return manifest
