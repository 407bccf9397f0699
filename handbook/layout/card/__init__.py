"""The one-page exercise card: what it shows (`request`), how its parts are arranged and measured
(`arrange`, `parts`, `boxes`, `text`) and how it is fitted and drawn (`render`).

The names below are the card's interface for the commands; the modules behind them are its
workings.
"""

from handbook.layout.card.render import (
    CHECK_PAPERS,
    PAPER_NAMES,
    CardDoesNotFit,
    card_fits,
    fit_card,
    fit_problem,
    left_out,
    render_card,
    render_card_noting,
)
from handbook.layout.card.request import DEFAULT_WEEKS, CardRequest, request_for, tick_weeks

__all__ = [
    "CHECK_PAPERS", "DEFAULT_WEEKS", "PAPER_NAMES", "CardDoesNotFit", "CardRequest", "card_fits", "fit_card",
    "fit_problem", "left_out", "render_card", "render_card_noting", "request_for", "tick_weeks",
]
