"""The macro language: ``{{ name ARG ARG }}`` in a content page, the only way a number from
data/ enters the text of the report.

It sits below both the content checks and the renderer, so ``lkjip check``, the site and the
PDF read and judge macros with the same code:

- :mod:`pipeline.macro.syntax` finds the uses in Markdown text, with their lines;
- :mod:`pipeline.macro.registry` names the macros, their arguments, and judges a use against
  a :class:`~pipeline.model.report.Report`.

How each macro renders is :mod:`pipeline.render.macros`' job.
"""
