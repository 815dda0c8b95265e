"""Data in and out for the people who live in Excel and Word: xlsx export and import,
the capaian table as CSV, the report as docx. Core code: it never imports the CLI."""
