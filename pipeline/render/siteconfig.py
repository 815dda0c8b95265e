"""``mkdocs.yml``, read by lkjip and checked against what a report needs, before anything uses it.

A revision's ``mkdocs.yml`` is input from whoever wrote the revision. MkDocs' own loader
honours Python tags, ``hooks:`` (Python files it runs) and ``!ENV``; Python-Markdown imports
every ``markdown_extensions`` entry by dotted name and calls it with its options, and some
extensions read any file they are pointed at. So lkjip reads the file itself, with the same
limited YAML reader as the data (no tags, a bound on aliases), and accepts only the settings,
plugins and Markdown extensions listed here, each with the options listed here. MkDocs never
parses the file: it gets the validated dictionary (:func:`mkdocs_config`).

Every problem names ``mkdocs.yml:line``; ``lkjip check`` lists them all, and every renderer
refuses to start on a file that has any.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from pipeline.data.yamlfile import PathKey, YamlDocument, parse_yaml, read_yaml
from pipeline.errors import Problem, UserError
from pipeline.messages import safety as msg
from pipeline.render.sanitize import is_plain_text

CONFIG_FILE = "mkdocs.yml"
DEFAULT_DOCS_DIR = "content"
# A report's mkdocs.yml has a few dozen values; far more is a mistake or an alias bomb.
MAX_NODES = 5_000

# --- value kinds --------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_WORD = re.compile(r"^[a-z0-9][a-z0-9._/-]*$")

Checker = Callable[[Any], str | None]  # value -> problem text, or None when it is fine


def _text(value: Any) -> str | None:
    """Plain text: MkDocs' templates print these unescaped, in text and in attributes."""
    if not isinstance(value, str):
        return msg.CONFIG_TYPE.format(key="{key}", kind=msg.CONFIG_KINDS["text"])
    if not is_plain_text(value):
        return msg.CONFIG_PLAIN_TEXT
    return None


def _bool(value: Any) -> str | None:
    return None if isinstance(value, bool) else msg.CONFIG_TYPE.format(
        key="{key}", kind=msg.CONFIG_KINDS["bool"])


def _int(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool)
    return None if ok else msg.CONFIG_TYPE.format(key="{key}", kind=msg.CONFIG_KINDS["int"])


def _int_or_text(value: Any) -> str | None:
    if isinstance(value, str):
        return _text(value)
    return None if _int(value) is None else msg.CONFIG_TYPE.format(
        key="{key}", kind=msg.CONFIG_KINDS["int_or_text"])


def _text_or_bool(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        return _text(value)
    return msg.CONFIG_TYPE.format(key="{key}", kind=msg.CONFIG_KINDS["text_or_bool"])


def _word(value: Any) -> str | None:
    """An identifier (a feature name, a colour, an icon): lower case, digits, . _ / -."""
    if isinstance(value, str) and _WORD.match(value):
        return None
    return msg.CONFIG_PLAIN_TEXT if isinstance(value, str) else msg.CONFIG_TYPE.format(
        key="{key}", kind=msg.CONFIG_KINDS["text"])


def is_local_path(value: str) -> bool:
    """A relative path inside the project: no scheme, no leading slash, no ``..``."""
    if not value or _CONTROL.search(value) or _SCHEME.match(value) or "\\" in value:
        return False
    path = PurePosixPath(value)
    return not path.is_absolute() and ".." not in path.parts


def _local_path(value: Any) -> str | None:
    if not isinstance(value, str):
        return msg.CONFIG_TYPE.format(key="{key}", kind=msg.CONFIG_KINDS["text"])
    return None if is_local_path(value) else msg.CONFIG_LOCAL_PATH.format(
        key="{key}", value=_CONTROL.sub("?", value))


def _site_url(value: Any) -> str | None:
    if not isinstance(value, str):
        return msg.CONFIG_TYPE.format(key="{key}", kind=msg.CONFIG_KINDS["text"])
    if value and not value.startswith(("https://", "http://")):
        return msg.CONFIG_LOCAL_PATH.format(key="{key}", value=_CONTROL.sub("?", value))
    return _text(value)


def _false(value: Any) -> str | None:
    return None if value is False else msg.CONFIG_FONT


# --- what a report's mkdocs.yml may say ---------------------------------------------------

# Top-level settings: each with its check. nav, theme, plugins, markdown_extensions and extra
# have their own walkers below.
_SETTINGS: dict[str, Checker] = {
    "site_name": _text,
    "site_description": _text,
    "site_author": _text,
    "site_url": _site_url,
    "copyright": _text,
    "docs_dir": _local_path,
    "site_dir": _local_path,
    "use_directory_urls": _bool,
    "strict": _bool,
}
_STRUCTURED = ("nav", "theme", "plugins", "markdown_extensions", "extra")
# Settings MkDocs knows that would run code, read files or pull in scripts: named, with why.
_FORBIDDEN = ("hooks", "INHERIT", "extra_javascript", "extra_css", "watch")

_THEME: dict[str, Checker] = {
    "name": lambda v: None if v == "material" else msg.CONFIG_THEME.format(value=v),
    "language": _word,
    "font": _false,
    "logo": _local_path,
    "favicon": _local_path,
}
_PALETTE: dict[str, Checker] = {"scheme": _word, "primary": _word, "accent": _word,
                                "media": _text}
_TOGGLE: dict[str, Checker] = {"icon": _word, "name": _text}

# Plugins: name -> allowed options. ``lkjip``'s ``pdf`` option would publish any file.
PLUGINS: dict[str, dict[str, Checker]] = {
    "search": {"lang": _word, "separator": _text, "min_search_length": _int},
    "offline": {"enabled": _bool},
    "lkjip": {},
}

# Markdown extensions: canonical name -> allowed options. Only extensions that turn Markdown
# into HTML and nothing else; none that reads files or takes a Python callable as an option.
EXTENSIONS: dict[str, dict[str, Checker]] = {
    "abbr": {},
    "admonition": {},
    "attr_list": {},
    "def_list": {},
    "fenced_code": {},
    "footnotes": {},
    "md_in_html": {},
    "sane_lists": {},
    "tables": {},
    "toc": {"permalink": _text_or_bool, "permalink_title": _text, "toc_depth": _int_or_text,
            "title": _text, "baselevel": _int},
    "pymdownx.betterem": {},
    "pymdownx.caret": {},
    "pymdownx.details": {},
    "pymdownx.mark": {},
    "pymdownx.tilde": {},
}
_READS_FILES = ("pymdownx.snippets", "markdown_include.include", "mdx_include", "pymdownx.b64")
# MkDocs always adds these before the ones in mkdocs.yml; the print path does the same, so a
# fenced code block reads the same in the site and in the PDF.
BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


def extension_name(name: str) -> str:
    """``markdown.extensions.tables`` -> ``tables``; other names unchanged."""
    return name.removeprefix("markdown.extensions.")


# --- the walk -----------------------------------------------------------------------------


def _problem(doc: YamlDocument, key: PathKey, text: str) -> Problem:
    name = ".".join(str(part) for part in key if isinstance(part, str)) or CONFIG_FILE
    return doc.problem(key, text.replace("{key}", name))


def _options(doc: YamlDocument, key: PathKey, value: Any, allowed: dict[str, Checker],
             owner: str) -> Iterator[Problem]:
    if value is None:
        return
    if not isinstance(value, dict):
        yield _problem(doc, key, msg.CONFIG_TYPE.format(key=owner,
                                                         kind=msg.CONFIG_KINDS["mapping"]))
        return
    for option, option_value in value.items():
        where = (*key, option)
        if option not in allowed:
            text = (msg.CONFIG_NO_OPTIONS.format(name=owner) if not allowed else
                    msg.CONFIG_OPTION.format(option=option, name=owner,
                                             allowed=", ".join(allowed)))
            if option in msg.CONFIG_WHY:
                text = msg.CONFIG_FORBIDDEN_KEY.format(key=f"{owner}.{option}",
                                                       why=msg.CONFIG_WHY[option])
            yield _problem(doc, where, text)
        elif (found := allowed[option](option_value)) is not None:
            yield _problem(doc, where, found)


def _named_items(doc: YamlDocument, key: PathKey, value: Any,
                 ) -> Iterator[tuple[PathKey, str, Any] | Problem]:
    """``- name`` or ``- name: {options}`` entries of a plugins/extensions list."""
    if value is None:
        return
    if isinstance(value, dict):  # MkDocs also takes a mapping of name -> options
        items = [{name: options} for name, options in value.items()]
        keys = [(*key, name) for name in value]
    elif isinstance(value, list):
        items = value
        keys = [(*key, index) for index in range(len(value))]
    else:
        yield _problem(doc, key, msg.CONFIG_TYPE.format(key="{key}",
                                                         kind=msg.CONFIG_KINDS["list"]))
        return
    for where, item in zip(keys, items, strict=True):
        if isinstance(item, str):
            yield where, item, None
        elif isinstance(item, dict) and len(item) == 1:
            name, options = next(iter(item.items()))
            yield (*where, name) if not isinstance(value, dict) else where, str(name), options
        else:
            yield _problem(doc, where, msg.CONFIG_TYPE.format(key="{key}",
                                                               kind=msg.CONFIG_KINDS["mapping"]))


def _allowlisted(doc: YamlDocument, key: PathKey, value: Any,
                 allowed: dict[str, dict[str, Checker]], unknown: str,
                 ) -> Iterator[Problem]:
    """A plugins or markdown_extensions list: every name on its list, with allowed options.
    ``unknown`` words the refusal of any other name (``{name}``, ``{allowed}``)."""
    for item in _named_items(doc, key, value):
        if isinstance(item, Problem):
            yield item
            continue
        where, name, options = item
        canonical = extension_name(name)
        if canonical in _READS_FILES:
            yield _problem(doc, where, msg.CONFIG_EXTENSION_READS_FILES.format(name=canonical))
        elif canonical not in allowed:
            yield _problem(doc, where, unknown.format(name=_CONTROL.sub("?", name),
                                                      allowed=", ".join(allowed)))
        else:
            yield from _options(doc, where, options, allowed[canonical], canonical)


def _plugins(doc: YamlDocument, key: PathKey, value: Any) -> Iterator[Problem]:
    yield from _allowlisted(doc, key, value, PLUGINS, msg.CONFIG_PLUGIN)


def _extensions(doc: YamlDocument, key: PathKey, value: Any) -> Iterator[Problem]:
    yield from _allowlisted(doc, key, value, EXTENSIONS, msg.CONFIG_EXTENSION)


def _nav(doc: YamlDocument, key: PathKey, value: Any) -> Iterator[Problem]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nav(doc, (*key, index), item)
    elif isinstance(value, dict):
        for title, child in value.items():
            if (found := _text(title)) is not None:
                yield _problem(doc, (*key, title), found.replace("{key}", "nav"))
            yield from _nav(doc, (*key, title), child)
    elif isinstance(value, str):
        page = value.endswith(".md") and is_local_path(value)
        link = value.startswith(("https://", "http://")) and _text(value) is None
        if not (page or link):
            yield _problem(doc, key, msg.CONFIG_NAV_ITEM.format(value=_CONTROL.sub("?", value)))
    else:
        yield _problem(doc, key, msg.CONFIG_NAV_ITEM.format(value=value))


def _theme(doc: YamlDocument, key: PathKey, value: Any) -> Iterator[Problem]:
    if isinstance(value, str):
        value = {"name": value}
    if not isinstance(value, dict):
        yield _problem(doc, key, msg.CONFIG_TYPE.format(key="theme",
                                                         kind=msg.CONFIG_KINDS["mapping"]))
        return
    for option, option_value in value.items():
        where = (*key, option)
        if option in _THEME:
            if (found := _THEME[option](option_value)) is not None:
                yield _problem(doc, where, found)
        elif option == "features":
            yield from _list_of(doc, where, option_value, _word)
        elif option == "palette":
            palettes = option_value if isinstance(option_value, list) else [option_value]
            for index, palette in enumerate(palettes):
                at = (*where, index) if isinstance(option_value, list) else where
                yield from _palette(doc, at, palette)
        elif option in msg.CONFIG_WHY:
            yield _problem(doc, where, msg.CONFIG_FORBIDDEN_KEY.format(
                key=f"theme.{option}", why=msg.CONFIG_WHY[option]))
        else:
            yield _problem(doc, where, msg.CONFIG_OPTION.format(
                option=option, name="theme", allowed=", ".join([*_THEME, "features",
                                                                 "palette"])))


def _palette(doc: YamlDocument, key: PathKey, value: Any) -> Iterator[Problem]:
    allowed = {**_PALETTE, "toggle": None}
    if not isinstance(value, dict):
        yield _problem(doc, key, msg.CONFIG_TYPE.format(key="theme.palette",
                                                         kind=msg.CONFIG_KINDS["mapping"]))
        return
    for option, option_value in value.items():
        where = (*key, option)
        if option == "toggle":
            yield from _options(doc, where, option_value, _TOGGLE, "toggle")
        elif option in _PALETTE:
            if (found := _PALETTE[option](option_value)) is not None:
                yield _problem(doc, where, found)
        else:
            yield _problem(doc, where, msg.CONFIG_OPTION.format(
                option=option, name="palette", allowed=", ".join(allowed)))


def _list_of(doc: YamlDocument, key: PathKey, value: Any, check: Checker) -> Iterator[Problem]:
    if not isinstance(value, list):
        yield _problem(doc, key, msg.CONFIG_TYPE.format(key="{key}",
                                                         kind=msg.CONFIG_KINDS["list"]))
        return
    for index, item in enumerate(value):
        if (found := check(item)) is not None:
            yield _problem(doc, (*key, index), found)


def _extra(doc: YamlDocument, key: PathKey, value: Any) -> Iterator[Problem]:
    yield from _options(doc, key, value, {"generator": _bool}, "extra")


_WALKERS = {"nav": _nav, "theme": _theme, "plugins": _plugins,
            "markdown_extensions": _extensions, "extra": _extra}


def config_problems(doc: YamlDocument) -> list[Problem]:
    """Every way ``doc`` (a parsed mkdocs.yml) leaves what lkjip accepts."""
    value = doc.value
    if not isinstance(value, dict):
        return [Problem(doc.path, 1, msg.CONFIG_NOT_MAPPING)]
    problems: list[Problem] = []
    allowed = ", ".join([*_SETTINGS, *_STRUCTURED])
    for key, item in value.items():
        where: PathKey = (key,)
        if key in _FORBIDDEN:
            problems.append(doc.problem(where, msg.CONFIG_FORBIDDEN_KEY.format(
                key=key, why=msg.CONFIG_WHY[key])))
        elif key in _WALKERS:
            problems += _WALKERS[key](doc, where, item)
        elif key in _SETTINGS:
            if (found := _SETTINGS[key](item)) is not None:
                problems.append(_problem(doc, where, found))
        else:
            problems.append(doc.problem(where, msg.CONFIG_UNKNOWN_KEY.format(
                key=_CONTROL.sub("?", str(key)), allowed=allowed)))
    return problems


# --- reading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SiteConfig:
    """A validated mkdocs.yml: plain data MkDocs and the print path may use as it is."""

    data: dict[str, Any]

    @property
    def docs_dir(self) -> str:
        return str(self.data.get("docs_dir", DEFAULT_DOCS_DIR))


def parse_site_config(text: str, shown_as: str = CONFIG_FILE,
                      ) -> tuple[SiteConfig | None, list[Problem]]:
    """The configuration in ``text``, or None and every problem that stops it."""
    doc, problems = parse_yaml(text, shown_as, max_nodes=MAX_NODES)
    return _validated(doc, problems)


def read_site_config(root: Path) -> tuple[SiteConfig | None, list[Problem]]:
    """``root/mkdocs.yml``, read once and validated; see :func:`parse_site_config`."""
    file = root / CONFIG_FILE
    doc, problems = read_yaml(file, CONFIG_FILE, max_nodes=MAX_NODES)
    return _validated(doc, problems)


def _validated(doc: YamlDocument | None, problems: list[Problem],
               ) -> tuple[SiteConfig | None, list[Problem]]:
    if doc is not None and not problems:  # a half-read file would only give echoes
        problems = config_problems(doc)
    if doc is None or problems:
        return None, sorted(set(problems), key=lambda p: (p.line or 0, p.message))
    return SiteConfig(doc.value), []


def load_site_config(root: Path) -> SiteConfig:
    """:func:`read_site_config`, raising :class:`UserError` with every problem."""
    config, problems = read_site_config(root)
    if config is None:
        raise UserError(msg.CONFIG_FILE_BAD.format(
            problems="\n".join(f"  {p}" for p in problems)))
    return config


def markdown_extensions(data: dict[str, Any]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The extensions and options the site uses, MkDocs' built-in ones first, for
    Python-Markdown. Only call this on a validated configuration."""
    names: list[str] = list(BUILTIN_EXTENSIONS)
    configs: dict[str, dict[str, Any]] = {}
    entries = data.get("markdown_extensions") or []
    if isinstance(entries, dict):
        entries = [{name: options} for name, options in entries.items()]
    for item in entries:
        name, options = (item, None) if isinstance(item, str) else next(iter(item.items()))
        name = extension_name(name)
        if name not in names:
            names.append(name)
        if options:
            configs[name] = {**configs.get(name, {}), **options}
    return names, configs


def mkdocs_config(config: SiteConfig, root: Path, **overrides: Any) -> Any:
    """An MkDocs configuration made from the validated data (MkDocs never reads the file),
    with ``overrides`` (``site_dir``) on top. Raises :class:`UserError` on MkDocs' own
    validation errors."""
    from mkdocs.config.defaults import MkDocsConfig

    mkdocs = MkDocsConfig(config_file_path=str(root / CONFIG_FILE))
    mkdocs.load_dict({**config.data, **overrides})
    errors, _warnings = mkdocs.validate()
    if errors:
        raise UserError(msg.CONFIG_FILE_BAD.format(
            problems="\n".join(f"  {CONFIG_FILE}: {name}: {error}" for name, error in errors)))
    return mkdocs
