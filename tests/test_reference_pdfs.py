"""A few outputs guarded byte for byte: a small handbook, a card, a large-print A5 card.

A failure means the printed output changed. If that was meant, look at the new PDFs, then
write the references again with `python -m tests.reference` and commit them with the change.
"""

from __future__ import annotations

import pytest

from tests.reference import FOLDER, REFERENCES, render


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_the_output_is_the_reference(name: str) -> None:
    expected = (FOLDER / name).read_bytes()
    got = render(name)
    assert got == expected, (f"{name} differs from tests/data/reference/{name}; if the change is meant, "
                             "look at it, then run 'python -m tests.reference'")
