"""The one line-breaking engine, on widths a reader can check by hand."""

from __future__ import annotations

import math

from handbook.layout.text import Span, break_lines, width_range


def test_items_join_a_line_while_they_fit_with_their_spaces() -> None:
    # 4 + 1 + 4 = 9 fits 10; + 1 + 4 = 14 does not
    assert break_lines([4, 4, 4, 4], [0, 1, 1, 1], 10, 10) == [Span(0, 2, 1.0), Span(2, 4, 1.0)]


def test_the_first_line_can_be_narrower() -> None:
    assert break_lines([4, 4, 4], [0, 1, 1], 5, 10) == [Span(0, 1, 1.0), Span(1, 3, 1.0)]


def test_spaces_may_shrink_as_reportlab_lets_them() -> None:
    # 4 + 2 + 4.05 = 10.05: over 10, but within 5 % of the 2 pt space (0.1)
    assert break_lines([4, 4.05], [0, 2], 10, 10, shrinkage=0.05) == [Span(0, 2, 10 - 10.05)]
    assert break_lines([4, 4.05], [0, 2], 10, 10) == [Span(0, 1, 6.0), Span(1, 2, 10 - 4.05)]


def test_a_forced_break_ends_the_line_even_when_empty() -> None:
    assert break_lines([3, None, None, 3], [0, 0, 0, 1], 10, 10) == [
        Span(0, 1, 7.0, forced=True), Span(2, 2, 10.0, forced=True), Span(3, 4, 7.0)]


def test_an_item_wider_than_its_line_is_for_the_caller_to_cut() -> None:
    assert break_lines([3, 12], [0, 1], 10, 10) is None
    assert break_lines([10.005], [0], 10, 10, slack=0.01) == [Span(0, 1, 10 - 10.005)]


def test_an_infinite_gap_always_starts_a_line() -> None:
    assert break_lines([1, 1, 1], [0, math.inf, 0], 10, 10) == [Span(0, 1, 9.0), Span(1, 3, 8.0)]


def test_with_overflow_an_item_too_wide_for_any_line_stands_alone() -> None:
    assert break_lines([3, 12, 3], [0, 1, 1], 10, 10, overflow=True) == [
        Span(0, 1, 7.0), Span(1, 2, -2.0), Span(2, 3, 7.0)]


def test_the_width_range_is_where_the_lines_stay_the_same() -> None:
    # 4 + 1 + 4 = 9 on the first line, which could not take the next 4 (14); 4 + 1 + 4 = 9 again
    spans = break_lines([4, 4, 4, 4], [0, 1, 1, 1], 10, 10)
    assert spans is not None
    low, high = width_range(spans, [4, 4, 4, 4], [0, 1, 1, 1], 10)
    assert 9 < low < 9 + 1e-6 and 14 - 1e-6 < high < 14
    for width in (low, 11.0, 13.99):
        assert [(s.start, s.stop) for s in break_lines([4, 4, 4, 4], [0, 1, 1, 1], width, width) or []] == [
            (0, 2), (2, 4)]
    wider = break_lines([4, 4, 4, 4], [0, 1, 1, 1], 14, 14) or []
    assert [(s.start, s.stop) for s in wider] == [(0, 3), (3, 4)]  # other lines
    assert len(break_lines([4, 4, 4, 4], [0, 1, 1, 1], 8.9, 8.9) or []) == 4


def test_text_that_fits_one_line_keeps_it_at_any_wider_width() -> None:
    spans = break_lines([3, 3], [0, 1], 20, 20, slack=0.01)
    assert spans is not None
    assert width_range(spans, [3, 3], [0, 1], 20, slack=0.01) == (7 - 0.01 + 1e-7, math.inf)


def test_an_infinite_width_keeps_its_lines_for_itself_alone() -> None:
    spans = break_lines([3, 3], [0, 1], math.inf, math.inf)
    assert spans is not None
    low, high = width_range(spans, [3, 3], [0, 1], math.inf)
    assert not low <= 60.0 < high and not low <= math.inf < high  # an empty range: nothing else is served from it
