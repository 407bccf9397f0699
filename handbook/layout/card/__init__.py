"""The exercise card (one side, or a front and back when one is too little): what it shows
(`request`), how its parts are arranged and measured (`arrange`, `parts`, `boxes`, `text`) and
how it is fitted and drawn (`render`).

The names below are the card's interface for the commands; the modules behind them are its
workings.
"""

from handbook.layout.card.render import (
    CHECK_PAPERS,
    PAPER_NAMES,
    CardDoesNotFit,
    draw_card,
    fit_card,
    fit_problem,
    render_card,
    render_card_sides,
)
from handbook.layout.card.request import DEFAULT_WEEKS, CardRequest, request_for, tick_weeks

__all__ = [
    "CHECK_PAPERS", "DEFAULT_WEEKS", "PAPER_NAMES", "CardDoesNotFit", "CardRequest", "draw_card", "fit_card",
    "fit_problem", "render_card", "render_card_sides", "request_for", "tick_weeks",
]
