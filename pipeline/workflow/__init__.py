"""The SOP as a Git workflow: rounds, returns, paraf and signature as signed commits.

Modules, one reason to change each:

- ``sop``       the SOP definition (YAML, Landak's by default): roles, steps, order, time standards;
- ``roster``    who holds which role, identified by SSH public key (``sop/roster.yaml``);
- ``signing``   SSH signatures via ``ssh-keygen -Y``, the way git makes and checks them;
- ``ed25519``   the in-process Ed25519 check (cryptography) that spares ssh-keygen a process;
- ``commits``   strict parsing of commit objects and of lkjip's ``Lkjip-*`` trailers;
- ``gitrepo``   pygit2 access: refs, blobs, work-tree state, writing signed commits;
- ``facts``     reading the facts of a round and the policy that judges it (main read once);
- ``verify``    the pure judgement ``verify_round(facts, policy) -> Verdict``;
- ``rounds``    the moves: start, submit, paraf, sign, return;
- ``status``    where the cycle is, who acts next, overdue against the time standard.
"""
