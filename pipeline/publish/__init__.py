"""Steps 9 and 10 of the SOP: merge to main, server enforcement, release and archive.

Modules, one reason to change each:

- ``merge``    ``lkjip merge``: the Kasubbag Perencanaan's signed merge of a verified round;
- ``mainline`` ``verify --branch main``: main from the trust anchor holds only verified merges;
- ``hook``     the ``pre-receive`` hook: the same rules where the repository lives;
- ``release``  the signed release tag, the archive bundle and its offline verification.

Rules are pure functions in :mod:`pipeline.workflow.verify` (``verify_merge``,
``verify_main``); this package reads facts, calls them, and writes.
"""
