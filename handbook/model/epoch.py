"""SOURCE_DATE_EPOCH: the date reproducible builds print instead of the clock's."""

from __future__ import annotations

import os

from handbook.errors import HandbookError

LATEST = 253_402_300_799  # 9999-12-31 23:59:59 UTC: the last second a four-digit year can print


def source_date_epoch() -> int | None:
    """The value of SOURCE_DATE_EPOCH, checked; None when it is not set.

    Every command checks it first (reportlab reads the variable itself when a card or a
    contact sheet is made), so a bad value is one line, never an internal error.
    """
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        value = int(raw) if len(raw) <= 20 else LATEST + 1
    except ValueError:
        raise HandbookError(f"SOURCE_DATE_EPOCH: expected a whole number of seconds since 1970, got {raw!r}") from None
    if value < 0:
        raise HandbookError(f"SOURCE_DATE_EPOCH: expected a date after 1970, got {raw!r}")
    if value > LATEST:
        raise HandbookError(f"SOURCE_DATE_EPOCH: expected a date before the year 10000, got {raw[:24]!r}")
    return value
