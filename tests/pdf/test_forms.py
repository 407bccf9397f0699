"""Forms of operators made once per process: each PDF is byte for byte what reportlab's
beginForm/endForm would make of the same operators."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable
from typing import Any

import pytest
from reportlab.pdfgen.canvas import Canvas

from handbook.pdf import forms
from handbook.pdf.document import binary_streams, text_streams

OPS = "\n".join(["0 0 0 RG 1.5 w", *(f"{i} {i * 2} m {i + 30} {i * 3} l S" for i in range(40)), ".5 .5 .5 rg",
                 "10 10 20 20 re f"])
OTHER = "1 0 0 rg 0 0 5 5 re f"


def _pdf(place: Callable[[Any, str, str, float, float, float, float, float], None],
         streams: Callable[[], Any] = binary_streams) -> bytes:
    """Two pages showing two forms, one of them three times, at several places and scales."""
    buffer = io.BytesIO()
    with streams():
        canv = Canvas(buffer, pagesize=(300, 300), invariant=1, pageCompression=1)
        canv.setFillAlpha(0.5)  # the page has a graphics state of its own: not the form's
        canv.rect(5, 5, 10, 10, fill=1)
        place(canv, "pose1", OPS, 80, 60, 10, 20, 1.0)
        place(canv, "pose1", OPS, 80, 60, 100, 20, 1.5)
        canv.showPage()
        place(canv, "pose2", OTHER, 5, 5, 0, 0, 2.0)
        place(canv, "pose1", OPS, 80, 60, 10, 200, 0.5)
        canv.showPage()
        canv.save()
    return buffer.getvalue()


def _reportlabs(canv: Any, name: str, ops: str, width: float, height: float, x: float, y: float,
                scale: float) -> None:
    """The same forms defined by reportlab's own beginForm/endForm, once per document (shown alike)."""
    if not canv.hasForm(name):
        canv.beginForm(name, 0, 0, width, height)
        canv._code.append(ops)
        canv.endForm()
    forms._show(canv, name, x, y, scale)


def _one_form(place: Callable[..., None], compression: int = 1,
              defined_in: Callable[[], Any] = contextlib.nullcontext) -> bytes:
    """A page with one form, defined inside `defined_in` (a stream setting), written without ASCII85."""
    buffer = io.BytesIO()
    with binary_streams():
        canv = Canvas(buffer, pagesize=(100, 100), invariant=1, pageCompression=compression)
        with defined_in():
            place(canv, "pose1", OPS, 80, 60, 0, 0, 1.0)
        canv.showPage()
        canv.save()
    return buffer.getvalue()


@pytest.mark.parametrize("streams", [binary_streams, text_streams], ids=["compressed", "ascii85"])
def test_a_kept_form_is_byte_identical_to_reportlabs(streams: Callable[[], Any]) -> None:
    forms._filtered.cache_clear()
    made, again = _pdf(forms.place_form, streams), _pdf(forms.place_form, streams)
    assert made == again == _pdf(_reportlabs, streams)
    assert forms._filtered.cache_info().currsize == 2  # one stream a form, made once for both documents


def test_the_filters_are_those_in_force_when_the_document_is_written() -> None:
    """A form defined while ASCII85 is on but written after it is off is written as reportlab would."""
    forms._filtered.cache_clear()
    assert _one_form(forms.place_form, defined_in=text_streams) == _one_form(_reportlabs, defined_in=text_streams)
    assert b"ASCII85Decode" not in _one_form(forms.place_form, defined_in=text_streams)


def test_without_compression_a_form_is_reportlabs_own() -> None:
    assert _one_form(forms.place_form, compression=0) == _one_form(_reportlabs, compression=0)
    assert b"FlateDecode" not in _one_form(forms.place_form, compression=0)
