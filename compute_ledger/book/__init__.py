"""Book layer: from notebooks to the HTML book and the PDF.

Notebook execution and its keys (`execute`), what a kernel read (`reads`), `make book` in one
process (`build`), glue into prose (`glue`), the Sphinx extension that renders charts and
numbered tables and its static assets (`sphinx`, `static/`), the theme's stylesheets cut to the
rules the book uses (`stylesheets`), the PDF for circulation (`pdf`), the benchmark (`bench`) and
the command line (`cli`).

Imports: any layer below (`charts`, `analysis`, `evidence`) and `paths`.
"""
