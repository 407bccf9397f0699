"""One function per command, called by `handbook.cli`: load and check, then lay out, then write.

`build` (the handbook), `cards` and `cardjobs` (cards, and the jobs that make them),
`patients` (a patients' CSV file), `check` (check, list), `scaffold` (new, init,
schema), `figures` (the contact sheet), and `printing`, the checks every printing
command makes after loading. Commands are thin: the work is in the stages they call.
"""
