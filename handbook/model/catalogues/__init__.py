"""The message catalogues, one module per language: every key of English, the same {placeholders}.

Keys are grouped by where they print. `handbook.model.labels` reads them.
"""
