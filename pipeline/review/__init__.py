"""Reviewing as a reviewer would: the redline between versions, the review page, the history."""
