"""The programme's first page, "Your programme": who and when, a table of the exercises, the stop box.

From the top: the title; the patient, clinician, clinic with its phone, start and next
visit, each a label and its value; a plain line on how to use the pack; a table with a row
per exercise (its title, the dose in the handbook's words, the side, the clinician's note);
and the stop box as the handbook draws it (heavy border): every exercise's stop signs once
each, the clinic's red flags, and its phone. All of it flows: with many exercises, or in
large print, the table goes on to the next page (its heading row repeated) and the stop box
moves there whole; nothing is made smaller.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table

from handbook.layout.book.flowables import Box
from handbook.layout.book.paragraph import Run, Text
from handbook.layout.styles import FONT, FONT_BOLD, INK, Geometry
from handbook.model.programme import NONE, Programme, dose_words, side_words
from handbook.pdf.text import text_width

BULLET = "\u2022"
COLUMNS = (0.27, 0.37, 0.15, 0.21)  # of the column: exercise, how much and how often, side, note
PAD = 5.0


def summary_story(programme: Programme, styles: dict[str, ParagraphStyle], geometry: Geometry) -> list[Flowable]:
    """The flowables of the first page."""
    lang = programme.lang
    clinic = programme.clinic
    fields = [("plan.for", programme.patient)]
    if programme.clinician:
        fields.append(("plan.clinician", programme.clinician))
    fields += [("plan.clinic", f"{clinic.name} \u00b7 {clinic.phone}"), ("plan.start", lang.date(programme.start))]
    if programme.review is not None:
        fields.append(("plan.review", lang.date(programme.review)))
    story: list[Flowable] = [Text(lang("plan.title"), styles["plan-title"]),
                             _fields([(lang(key), value) for key, value in fields], styles, geometry.frame_width)]
    if programme.not_reviewed:
        story.append(Text([Run(lang("book.not_reviewed"), FONT_BOLD)], styles["plan-field"]))
    story.append(Text(lang("plan.intro"), styles["plan-intro"]))
    story.append(_exercises(programme, styles, geometry.frame_width))
    story.append(_stop_box(programme, styles, geometry.frame_height))
    return story


def _fields(rows: list[tuple[str, str]], styles: dict[str, ParagraphStyle], width: float) -> Table:
    """Labels in bold in a column as wide as the longest, their values beside them."""
    label, value = styles["plan-field-label"], styles["plan-field"]
    widest = max(text_width(text, label.fontName, label.fontSize) for text, _ in rows)
    column = min(widest + 10, width * 0.4)
    table = Table([[Text(text, label), Text(shown, value)] for text, shown in rows],
                  colWidths=[column, width - column], hAlign="LEFT")
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT),  # else a cell selects Helvetica (not embedded)
                    ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])
    return table


def _exercises(programme: Programme, styles: dict[str, ParagraphStyle], width: float) -> Table:
    """The table of the exercises: a heading row, then a row each; split between rows, the heading repeated."""
    lang = programme.lang
    head, cell = styles["cell-head"], styles["cell"]
    texts = [[(lang(key), head.fontName) for key in ("plan.exercise", "plan.dose", "plan.side", "plan.note")]]
    for number, exercise in enumerate(programme.exercises, start=1):
        texts.append([(f"{number}. {exercise.routine.title}", FONT_BOLD), (dose_words(exercise, lang), cell.fontName),
                      (side_words(exercise, lang), cell.fontName), (exercise.note or NONE, cell.fontName)])
    rows: list[list[Flowable]] = [[Text([Run(text, font)], head if index == 0 else cell) for text, font in row]
                                  for index, row in enumerate(texts)]
    table = Table(rows, colWidths=column_widths(texts, cell.fontSize, width), repeatRows=1, hAlign="LEFT")
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                    ("TOPPADDING", (0, 0), (-1, -1), PAD), ("BOTTOMPADDING", (0, 0), (-1, -1), PAD + 2),
                    ("LEFTPADDING", (0, 0), (0, -1), 0),
                    ("LINEBELOW", (0, 0), (-1, 0), 1.5, INK), ("LINEBELOW", (0, 1), (-1, -1), 0.75, INK)])
    table.spaceAfter = 6
    return table


def column_widths(texts: list[list[tuple[str, str]]], size: float, width: float) -> list[float]:
    """The table's columns: their shares of `width` (COLUMNS), each widened to hold its longest word
    whole (in large print: "izquierdo", "physiotherapist"), the room taken from the widest column.
    `texts`: each row's cells, as (text, font) at `size`."""
    widths = [share * width for share in COLUMNS]
    need = [max(text_width(word, font, size) for text, font in column for word in text.split()) + 2 * PAD
            for column in zip(*texts, strict=True)]
    need[0] -= PAD  # the first column has no left padding
    short = sum(max(n - w, 0.0) for n, w in zip(need, widths, strict=True))
    widest = widths.index(max(widths))
    if not short or widths[widest] - short < need[widest]:
        return widths  # nothing to widen, or no room: a word wider than its column is cut, as a paragraph cuts it
    widths = [max(n, w) for n, w in zip(need, widths, strict=True)]
    widths[widest] = width - sum(w for i, w in enumerate(widths) if i != widest)
    return widths


def _stop_box(programme: Programme, styles: dict[str, ParagraphStyle], page: float) -> Box:
    """"Stop and call us if": every exercise's signs once each, the clinic's red flags and its phone."""
    lang = programme.lang
    clinic = programme.clinic

    def items(texts: list[str] | tuple[str, ...]) -> list[Flowable]:
        return [Text(text, styles["box-item"], BULLET) for text in texts]

    flags: list[Flowable] = []
    if programme.red_flags:  # the clinic's own advice, labelled as such, beside the phone
        flags = [Text(lang("book.red_flags"), styles["box-note"]), *items(programme.red_flags)]
    call = Text(lang("book.call", clinic=clinic.name, phone=clinic.phone), styles["box-note"])
    return Box(Text(lang("book.stop"), styles["box-title"]), [*items(programme.stop_signs()), *flags, call], page,
               Text(lang("book.stop_continued"), styles["box-title"]))
