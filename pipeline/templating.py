"""HTML that lkjip writes itself comes from Jinja2 templates with autoescaping, never from
string concatenation: whatever a revision puts in a name, a note or a title arrives as text.

Every standalone page carries :data:`CSP`: no script runs, nothing is fetched, images only as
``data:`` URIs, styles only from the page itself.
"""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from pipeline.terminal import strip_controls

# No script, no fetch, no plugin, no form sent anywhere but back to the page's own server.
CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


@cache
def environment(package: str) -> Environment:
    """The template environment of ``package`` (its ``templates/`` folder)."""
    env = Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["csp"] = CSP
    env.filters["oneline"] = oneline
    return env


def oneline(text: object) -> str:
    """Text on one line, without control characters (a commit's note may have paragraphs,
    or escape sequences; the page shows it in a row)."""
    return " ".join(strip_controls(str(text)).split())


def render(package: str, name: str, **context: object) -> str:
    return environment(package).get_template(name).render(**context)


def macros(package: str, name: str) -> object:
    """The macros of template ``name``, callable from Python (each returns escaped HTML)."""
    return environment(package).get_template(name).module
