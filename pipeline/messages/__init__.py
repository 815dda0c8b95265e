"""Every user-facing text, in Bahasa Indonesia, one module per area.

Keeping the wording here (not scattered in the code) keeps it consistent between the CLI,
the server hook, CI and the review page, which all show the same messages.
"""

from datetime import datetime, timedelta, timezone

# Kalimantan Barat keeps Western Indonesia Time; every moment is shown in it, whatever zone
# the machine (a CI runner, say) is set to, so the same history reads the same everywhere.
WIB = timezone(timedelta(hours=7), "WIB")


def format_time(timestamp: int) -> str:
    """A moment as the office writes it: ``25-11-2026 14:30 WIB``."""
    return datetime.fromtimestamp(timestamp, WIB).strftime("%d-%m-%Y %H:%M WIB")
