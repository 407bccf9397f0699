"""Reading content: strict YAML (`yamlread`), the field tables and specs (`fields`, `schema`,
`values`), pictures (`images`), poses (`poses`) and a pose named in a routine (`figure`), into the model
(`loader`).

Every problem is collected with its file:line:col before anything is printed. Nothing
here imports reportlab or the layout (an import-linter contract in pyproject.toml).
"""
