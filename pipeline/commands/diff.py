"""``lkjip diff A B``: a redline of the rendered report between two revisions.

``A`` and ``B`` are anything git can name (``review/2025/2``, ``main``, a commit id) or a round
as ``2025/2``. With one revision, ``B`` is HEAD. With ``--since-paraf`` (``--sejak-paraf``),
``A`` is the newest paraf given with your key in this year's rounds.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.commands.options import add_key
from pipeline.errors import UserError
from pipeline.messages import review as msg
from pipeline.messages import safety as safety_msg
from pipeline.review import lineage, snapshot
from pipeline.review.isolation import redline_between
from pipeline.review.redline import redline_page
from pipeline.workflow import gitrepo
from pipeline.workflow.facts import read_policy_changes, sop_at
from pipeline.workflow.policy import describe

DIST = "dist"


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("diff", help="redline laporan antara dua revisi (teks, tabel, angka)")
    parser.add_argument("revisions", nargs="*", metavar="REVISI",
                        help="A B (mis. review/2025/1 review/2025/2); satu revisi: A terhadap HEAD")
    parser.add_argument("--since-paraf", "--sejak-paraf", dest="since_paraf",
                        action="store_true", help="bandingkan dengan paraf terakhir Anda")
    add_key(parser)
    parser.add_argument("--out", help="berkas HTML keluaran (bawaan: dist/redline-A-B.html)")
    parser.set_defaults(func=run)


def default_out(workdir: Path, old: snapshot.Revision, new: snapshot.Revision) -> Path:
    return workdir / DIST / f"redline-{old.label}-{new.label}.html"


def run(args: argparse.Namespace) -> int:
    repo = gitrepo.open_repo()
    revisions: list[str] = list(args.revisions)
    if args.since_paraf:
        if len(revisions) > 1:
            raise UserError(msg.DIFF_SINCE_PARAF_WITH_REVS)
        key = gitrepo.signing_key(repo, args.key)
        year = lineage.current_year(repo)
        found = lineage.last_paraf(repo, key.public, year)
        if found is None:
            raise UserError(msg.NO_PARAF_YET.format(fingerprint=key.public.fingerprint,
                                                    year=year))
        old = snapshot.Revision(f"paraf-{found[:10]}", found)
        new = snapshot.resolve(repo, revisions[0] if revisions else "HEAD")
    elif len(revisions) in (1, 2):
        old = snapshot.resolve(repo, revisions[0])
        new = snapshot.resolve(repo, revisions[1] if len(revisions) == 2 else "HEAD")
    else:
        raise UserError(msg.DIFF_NEEDS_TWO)
    # What changes outside content/ and data/ comes first: it is not in the redline.
    policy = describe(read_policy_changes(repo, old.oid, new.oid), sop_at(repo, old.oid))
    for line in policy:
        print(line)
    redline, sandboxed = redline_between(repo, old, new)
    workdir = Path(repo.workdir) if repo.workdir else Path.cwd()
    out = Path(args.out) if args.out else default_out(workdir, old, new)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(redline_page(redline, notices=tuple(policy)), encoding="utf-8")
    tmp.replace(out)
    print(msg.DIFF_SUMMARY_LINE.format(chapters=len(redline.changed_chapters),
                                       figures=len(redline.figures),
                                       files=len(redline.data_files)))
    print(msg.DIFF_WRITTEN.format(path=out))
    if not sandboxed:
        print(safety_msg.NOT_SANDBOXED)
    return 0
