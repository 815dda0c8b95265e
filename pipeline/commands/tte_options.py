"""The TTE options shared by ``lkjip release`` and the trust roots of the verifying commands.

Passwords and passphrases come from ``--tte-password-file``, the environment variable
``LKJIP_TTE_PASSWORD`` or a prompt, never from an argument (the process list and the shell
history would show it); they are passed on and never stored.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from asn1crypto.x509 import Certificate

from pipeline.errors import UserError
from pipeline.messages import tte as msg
from pipeline.publish import tte

PASSWORD_VARIABLE = "LKJIP_TTE_PASSWORD"
TRUST_CONFIG = "lkjip.tteTrust"


def add_signing_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--tte", type=Path, metavar="BERKAS.p12", help=msg.HELP_TTE)
    parser.add_argument("--tte-url", metavar="URL", help=msg.HELP_TTE_URL)
    parser.add_argument("--tte-nik", metavar="NIK", help=msg.HELP_TTE_NIK)
    parser.add_argument("--tte-password-file", type=Path, metavar="BERKAS",
                        help=msg.HELP_TTE_PASSWORD_FILE)
    parser.add_argument("--tsa", metavar="URL", help=msg.HELP_TSA)
    parser.add_argument("--tte-crl", type=Path, action="append", default=[], metavar="BERKAS",
                        help=msg.HELP_TTE_CRL)


def password(args: argparse.Namespace, what: str) -> str:
    if args.tte_password_file is not None:
        try:
            return args.tte_password_file.read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise UserError(msg.PASSWORD_FILE_UNREADABLE.format(
                path=args.tte_password_file, reason=exc.strerror)) from None
    if PASSWORD_VARIABLE in os.environ:
        return os.environ[PASSWORD_VARIABLE]
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(msg.PASSWORD_PROMPT.format(what=what))
    raise UserError(msg.PASSWORD_NONE)


def signing_options(args: argparse.Namespace) -> tte.TteOptions | None:
    """The signer the options name (asking for its password), or None without --tte."""
    if args.tte and args.tte_url:
        raise UserError(msg.TTE_BOTH)
    if not (args.tte or args.tte_url):
        for option, value in (("--tsa", args.tsa), ("--tte-crl", args.tte_crl),
                              ("--tte-nik", args.tte_nik),
                              ("--tte-password-file", args.tte_password_file)):
            if value:
                raise UserError(msg.TTE_OPTION_WITHOUT_SIGNER.format(option=option))
        return None
    crls = tuple(tte.load_crls(args.tte_crl))
    signer: tte.TteSigner
    if args.tte:
        signer = tte.Pkcs12Signer(args.tte, password(args, str(args.tte)).encode())
    else:
        if not args.tte_nik:
            raise UserError(msg.TTE_NEEDS_NIK)
        signer = tte.RemoteSigner(args.tte_url, args.tte_nik, password(args, args.tte_url))
    return tte.TteOptions(signer, args.tsa, crls)


def trust_roots(given: Path | None, repo_config: object = None) -> list[Certificate] | None:
    """Roots from ``--trust``, else from git config ``lkjip.tteTrust``; None if neither."""
    path = given
    if path is None and repo_config is not None:
        try:
            value = repo_config[TRUST_CONFIG]  # type: ignore[index]
        except (KeyError, TypeError):
            value = None
        path = Path(value).expanduser() if value else None
    return tte.load_certificates(path) if path is not None else None
