"""``lkjip release-assets FILE...``: attach files to the release of the tag CI is building, on
Gitea or Forgejo, with the job's token (see :mod:`pipeline.publish.forge`)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from pipeline.errors import UserError
from pipeline.messages import publish as msg
from pipeline.publish.forge import Forge, attach


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("release-assets", help=msg.FORGE_HELP, description=msg.FORGE_HELP)
    parser.add_argument("files", nargs="+", type=Path, metavar="BERKAS")
    parser.add_argument("--tag", default=os.environ.get("GITHUB_REF_NAME", ""),
                        help=msg.FORGE_HELP_TAG)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    env = os.environ
    server = env.get("LKJIP_FORGE_URL") or env.get("GITHUB_SERVER_URL", "")
    repository = env.get("GITHUB_REPOSITORY", "")
    token = env.get("FORGE_TOKEN", "")
    missing = [name for name, value in (("GITHUB_SERVER_URL", server),
                                        ("GITHUB_REPOSITORY", repository),
                                        ("FORGE_TOKEN", token), ("--tag", args.tag))
               if not value]
    if missing:
        raise UserError(msg.FORGE_MISSING.format(names=", ".join(missing)))
    for file in args.files:
        if not file.is_file():
            raise UserError(msg.FORGE_NO_FILE.format(path=file))
    attach(Forge(f"{server.rstrip('/')}/api/v1", repository, token), args.tag, args.files)
    return 0
