"""Rendering: Markdown macros from the model, the MkDocs plugin, print HTML and the PDF.

Rendering receives a :class:`pipeline.model.report.Report` and plain values (dates, commit
ids); it never talks to Git.
"""
