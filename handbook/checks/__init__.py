"""Checks over the loaded model: reading grade and sentence length (`readability`), and
characters the typeface lacks (`glyphs`, given the fonts' coverage by the caller).

Pure functions over `handbook.model`: no reportlab, no layout, no files.
"""
