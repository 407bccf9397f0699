"""`handbook serve`: a local web page for clinicians who do not edit YAML.

The only package that imports Flask and Jinja2 (and only when `handbook serve` runs). Like
`cli`, it is a front end: it parses a request, calls `handbook.commands`, and shows what
they return; nothing below it knows it exists. `app` builds the Flask app and its guards
(Host header, CSRF token, security headers), `views` holds the pages, `planform` turns the
programme form into a plan file's YAML and the plan's problems back into form fields,
`previews` makes card PDFs and PNG previews in memory, `server` runs it on 127.0.0.1.
"""
