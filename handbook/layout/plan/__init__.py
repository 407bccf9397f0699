"""A patient's programme as one PDF: the first page ("Your programme"), a card per exercise (the
card itself, drawn by `handbook.layout.card`), and the weekly log.

`render_plan` is the interface for the commands; `pages` holds the document, `summary` and
`log` the pages of their own.
"""

from handbook.layout.plan.render import PlanRequest, RenderedPlan, render_plan

__all__ = ["PlanRequest", "RenderedPlan", "render_plan"]
