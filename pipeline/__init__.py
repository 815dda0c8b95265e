"""lkjip: the LKjIP (Laporan Kinerja Instansi Pemerintah) as documents-as-code.

Layout of the package, one job per sub-package:

- ``model``     the domain (indicators, budget, capaian formulas), pure, no I/O;
- ``data``      loading and checking ``data/*.yaml`` into the model, with file:line for errors;
- ``macro``     the macro language: finding ``{{ ... }}`` in a page, the registry of names;
- ``render``    what each macro prints, the MkDocs plugin, print HTML and the PDF (never Git);
- ``workflow``  the SOP as Git: roster, rounds, paraf, signatures, verification, status;
- ``publish``   merge, server hook, release and archive;
- ``commands``  one module per CLI command, a thin layer dispatched by ``cli``;
- ``messages``  every user-facing text (Bahasa Indonesia), one module per area.
"""

__version__ = "0.1.0"
