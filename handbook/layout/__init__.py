"""Laying out the model on paper: styles and fonts (`styles`), paragraphs (`text`, and the
card's `cardtext`), pictures (`figures`), the handbook (`book/`), the card (`card/`) and
the contact sheet of poses (`contactsheet`).

Renderers take model objects and return PDF bytes; they never read YAML and never
write files. reportlab is used through its public API; what must go below it lives in
`handbook.pdf`.
"""
