"""A week of the log: a page to tick each day's exercises, score the pain and bring back.

From the top: "Week 1: 7 Dec – 13 Dec"; the patient's name; how to use it; a grid with a row
per exercise and a column per day (the day's short name over its date), each cell a box to
tick, and a last row of boxes to write the day's pain score in, its scale worded under the
grid; "How did it feel this week?" with easy / OK / hard to tick for each exercise; a line
for "Missed? Why:"; and "Bring this sheet to your visit on ...". Black on white only, every
box and row at least 8 mm (11 mm in large print): room to write by hand.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table

from handbook.layout.book.paragraph import Run, Text
from handbook.layout.styles import FONT, FONT_BOLD, INK, PLAN_LARGE_TICK_BOX, PLAN_TICK_BOX, Geometry
from handbook.model.programme import Programme, exercise_label
from handbook.pdf.text import text_width

PAD = 4.0
WRITE_PITCH = 30.0  # points between the lines to write on: more than 10 mm


class TickBox(Flowable):
    """A square to tick or write in, `side` points, centred in the width it is given; never splits."""

    LINE = 1.2

    def __init__(self, side: float) -> None:
        super().__init__()
        self.side = side

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.side

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setStrokeColor(INK)
        canv.setLineWidth(self.LINE)
        canv.rect((self.width - self.side) / 2, 0, self.side, self.side, stroke=1, fill=0)
        canv.restoreState()


class Centred(Flowable):
    """Short lines (a day's name over its date; easy, OK, hard), each centred in the width it is
    given, in one style; never splits. Each line is a few characters: a column is made as wide."""

    def __init__(self, lines: list[str], style: ParagraphStyle) -> None:
        super().__init__()
        self.lines = lines
        self.style = style

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self.lines) * self.style.leading
        return availWidth, self.height

    def draw(self) -> None:
        canv, style = self.canv, self.style
        canv.saveState()
        canv.setFillColor(INK)
        canv.setFont(style.fontName, style.fontSize)
        for number, line in enumerate(self.lines):
            canv.drawCentredString(self.width / 2, self.height - style.fontSize - number * style.leading, line)
        canv.restoreState()


class _RuledLines(Flowable):
    """A label in the style's font and ruled lines to write on by hand, `pitch` apart; never splits.
    Subclasses size themselves (`wrap`) and say where the label and each line go (`draw`)."""

    def __init__(self, label: str, style: ParagraphStyle, pitch: float) -> None:
        super().__init__()
        self.label = label
        self.style = style
        self.pitch = pitch
        self.spaceBefore = style.spaceBefore

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        return []

    def _draw(self, baseline: float, lines: list[tuple[float, float]]) -> None:
        """The label on `baseline`, then a line from each (x, y) to the right edge."""
        canv, style = self.canv, self.style
        canv.saveState()
        canv.setFillColor(INK)
        canv.setFont(style.fontName, style.fontSize)
        canv.drawString(0, baseline, self.label)
        canv.setStrokeColor(INK)
        canv.setLineWidth(0.8)
        for x, y in lines:
            canv.line(x, y, self.width, y)
        canv.restoreState()


class WriteLines(_RuledLines):
    """A label with a line to write on after it, then `count - 1` lines across the column."""

    def __init__(self, label: str, style: ParagraphStyle, count: int, pitch: float) -> None:
        super().__init__(label, style, pitch)
        self.count = count

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = self.style.fontSize + (self.count - 1) * self.pitch + 4
        return availWidth, self.height

    def draw(self) -> None:
        style = self.style
        baseline = self.height - style.fontSize
        start = text_width(self.label, style.fontName, style.fontSize) + 8
        self._draw(baseline, [(start if number == 0 else 0, baseline - 3 - number * self.pitch)
                              for number in range(self.count)])


class NotesLines(_RuledLines):
    """A label and lines under it, filling the rest of the page when it has room for the label and
    two lines; otherwise nothing (the page is full)."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.lines = int((availHeight - self.style.leading - 4) // self.pitch)
        self.height = self.style.leading + self.lines * self.pitch if self.lines >= 2 else 0.0
        return availWidth, self.height

    def draw(self) -> None:
        if self.height:
            self._draw(self.height - self.style.fontSize,
                       [(0, self.height - self.style.leading - number * self.pitch + 4)
                        for number in range(1, self.lines + 1)])


def week_story(programme: Programme, week: int, styles: dict[str, ParagraphStyle], geometry: Geometry,
               large_print: bool = False) -> list[Flowable]:
    """The flowables of week `week` (from 1) of the log."""
    lang = programme.lang
    box = PLAN_LARGE_TICK_BOX if large_print else PLAN_TICK_BOX
    width = geometry.frame_width
    pitch = max(WRITE_PITCH, box * 1.2)
    return [
        Text(programme.week_heading(week), styles["log-title"]),
        Text([Run(lang("plan.for") + " ", FONT_BOLD), Run(programme.patient)], styles["plan-field"]),
        Text([Run(programme.bring(), FONT_BOLD)], styles["log-note"]),
        Text(lang("plan.tick"), styles["log-note"]),
        _grid(programme, week, styles, box, width),
        Text(lang("plan.pain_scale"), styles["log-note"]),
        _feel(programme, styles, box),
        WriteLines(lang("plan.missed"), styles["log-heading"], 2, pitch),
        NotesLines(lang("book.notes"), styles["log-heading"], pitch),
    ]


def _grid(programme: Programme, week: int, styles: dict[str, ParagraphStyle], box: float, width: float) -> Table:
    """A row per exercise and the pain row, a column per day, each cell a box."""
    lang = programme.lang
    day_style, head, cell = styles["day"], styles["cell-head"], styles["cell"]
    days = programme.days(week)
    column = max(box, *(text_width(programme.weekday(day), day_style.fontName, day_style.fontSize)
                        for day in days)) + 2 * PAD
    rows: list[list[Flowable]] = [[Text(lang("plan.exercise"), head),
                                   *(Centred([programme.weekday(day), str(day.day)], day_style) for day in days)]]
    for number, exercise in enumerate(programme.exercises, start=1):
        rows.append([Text(exercise_label(number, exercise, lang), cell), *(TickBox(box) for _ in days)])
    rows.append([Text(lang("plan.pain"), head), *(TickBox(box) for _ in days)])
    table = Table(rows, colWidths=[width - 7 * column, *([column] * 7)], repeatRows=1, hAlign="LEFT")
    table.setStyle(_table_style(len(rows)))
    return table


def _feel(programme: Programme, styles: dict[str, ParagraphStyle], box: float) -> Table:
    """"How did it feel this week?", then easy, OK and hard, each after a box to tick."""
    lang = programme.lang
    label, word = styles["log-heading"], styles["cell"]
    words = [lang(key) for key in ("plan.easy", "plan.ok", "plan.hard")]
    question = lang("plan.feel")
    cells: list[Flowable] = [Text(question, label)]
    widths = [text_width(question, label.fontName, label.fontSize) + 4 * PAD]
    for text in words:
        cells += [TickBox(box), Text(text, word)]
        widths += [box + 2 * PAD, text_width(text, word.fontName, word.fontSize) + 4 * PAD]
    table = Table([cells], colWidths=widths, hAlign="LEFT")
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                    ("LEFTPADDING", (0, 0), (0, 0), 0), ("TOPPADDING", (0, 0), (-1, -1), PAD),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), PAD)])
    table.spaceBefore = label.spaceBefore
    return table


def _table_style(rows: int) -> list[tuple[object, ...]]:
    """Cells padded and centred on their middle, a rule under the heading row and under each row."""
    return [("FONTNAME", (0, 0), (-1, -1), FONT),  # else a cell selects Helvetica (not embedded)
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
            ("ALIGN", (1, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ("LEFTPADDING", (0, 0), (0, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), PAD), ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
            ("LINEBELOW", (0, 0), (-1, 0), 1.5, INK), ("LINEBELOW", (0, 1), (-1, rows - 1), 0.5, INK)]
