"""Putting PDFs on disk: atomic files (`files`), imposition of finished pages two-up and in
booklet order (`impose`), and the worker pool that makes many cards (`pool`)."""
