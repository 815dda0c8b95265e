"""Reviewing as a reviewer would: the redline between versions, the review page, the history."""

# The site's "Riwayat Penyusunan" page: named here so that site.py (cheap, every build) and
# history.py (the redline, only on a rebuild) need not import each other.
HISTORY_PAGE = "riwayat-penyusunan.md"
