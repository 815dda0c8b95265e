"""Release assets on Gitea and Forgejo, through their API with the CI job's own token.

GitHub's workflows use an action for this and GitLab its ``release:`` keyword; Gitea and
Forgejo have neither that works everywhere, so ``lkjip release-assets`` calls the API (the same
on both, ``/api/v1``): find the release of the tag or create it, then upload each file as an
asset (an asset of the same name is replaced). Only the standard library: CI installs nothing
more for it.
"""

from __future__ import annotations

import json
import mimetypes
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import quote
from urllib.request import Request, urlopen

from pipeline.errors import UserError
from pipeline.messages import publish as msg

TIMEOUT = 60


@dataclass(frozen=True)
class Forge:
    api: str  # e.g. https://git.example.go.id/api/v1
    repository: str  # owner/name
    token: str

    def _request(self, method: str, path: str, body: bytes | None = None,
                 content_type: str = "application/json") -> tuple[int, object]:
        request = Request(f"{self.api.rstrip('/')}/repos/{self.repository}{path}", data=body,
                          method=method, headers={"Authorization": f"token {self.token}",
                                                  "Accept": "application/json",
                                                  "Content-Type": content_type})
        try:
            with urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 (https from CI)
                raw = response.read()
                return response.status, json.loads(raw) if raw else None
        except HTTPError as exc:
            return exc.code, None
        except OSError as exc:
            raise UserError(msg.FORGE_UNREACHABLE.format(api=self.api, reason=exc)) from exc


def attach(forge: Forge, tag: str, files: Sequence[Path],
           say: Callable[[str], None] = print) -> int:
    """Upload ``files`` as assets of the release of ``tag`` (created when missing); returns the
    release's id. Raises :class:`UserError` naming the step that the forge refused."""
    status, release = forge._request("GET", f"/releases/tags/{quote(tag, safe='')}")
    if status == 404:
        body = json.dumps({"tag_name": tag, "name": msg.FORGE_RELEASE_NAME.format(tag=tag),
                           "body": msg.FORGE_RELEASE_BODY}).encode()
        status, release = forge._request("POST", "/releases", body)
    if status not in (200, 201) or not isinstance(release, dict) or "id" not in release:
        raise UserError(msg.FORGE_RELEASE_REFUSED.format(tag=tag, status=status))
    release_id = int(release["id"])
    existing = {a.get("name"): a.get("id") for a in release.get("assets") or []
                if isinstance(a, dict)}
    for file in files:
        if file.name in existing:
            forge._request("DELETE", f"/releases/{release_id}/assets/{existing[file.name]}")
        body, content_type = _multipart(file)
        status, _ = forge._request(
            "POST", f"/releases/{release_id}/assets?name={quote(file.name)}", body, content_type)
        if status not in (200, 201):
            raise UserError(msg.FORGE_ASSET_REFUSED.format(name=file.name, status=status))
        say(msg.FORGE_ASSET_DONE.format(name=file.name, tag=tag))
    return release_id


def _multipart(file: Path) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"attachment\"; "
            f"filename=\"{file.name}\"\r\nContent-Type: {kind}\r\n\r\n").encode()
    return (head + file.read_bytes() + f"\r\n--{boundary}--\r\n".encode(),
            f"multipart/form-data; boundary={boundary}")
