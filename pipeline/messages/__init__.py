"""Every user-facing text, in Bahasa Indonesia, one module per area.

Keeping the wording here (not scattered in the code) keeps it consistent between the CLI,
the server hook, CI and the review page, which all show the same messages.
"""
