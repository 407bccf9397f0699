"""Laying out the model on paper: styles and fonts (`styles`), the one line-breaking engine
(`text`), pictures (`figures`), the handbook (`book/`, its paragraph in `book.paragraph`),
the card (`card/`, its text in `card.text`) and the contact sheet of poses (`contactsheet`).

Renderers take model objects and return PDF bytes; they never read YAML and never
write files. reportlab is used through its public API; what must go below it lives in
`handbook.pdf`.
"""
