"""The field tables of the three kinds of content file.

This is the single reference for what a file may hold: the loader checks against it,
`handbook schema` turns it into JSON Schema, and `handbook new` writes a scaffold from it.
"""

from __future__ import annotations

from typing import Any

from handbook.content.figure import FigureSpec
from handbook.content.schema import Field, ListOf, Record, TextOrRecord
from handbook.content.values import (
    AmountSpec,
    Boolean,
    Choice,
    Date,
    ImageFile,
    Integer,
    PatientAmount,
    Slug,
    Text,
    Url,
)
from handbook.model import labels

LANGUAGES = labels.LANGUAGES
PAPERS = ("a4", "letter")

DOSE_NUMBERS = (
    "hold_seconds",
    "minutes",
    "breaths",
    "reps",
    "sets",
    "rest_seconds",
    "times_per_day",
    "days_per_week",
    "weeks",
)

SENTENCE = Text(max_len=400, what="a sentence of text")
ITEM = Text(max_len=300, what="a short line of text")
PARAGRAPH = Text(max_len=1500, multiline=True, what="a paragraph of text")

REVIEW = Record(
    [
        Field(
            "by", Text(max_len=120, what="a name"), "name of the clinician who reviewed it", True, '"TODO: name, role"'
        ),
        Field("on", Date(), "date of the review, written YYYY-MM-DD", True, "2026-01-31"),
    ]
)

PICTURE = Record(
    [
        Field("file", ImageFile(), "PNG, JPEG or SVG file, relative to the content folder, e.g. images/lunge.png",
              True),
        Field("caption", Text(max_len=200, what="a caption"), "caption printed under the picture", True),
        Field(
            "alt",
            Text(max_len=300, what="a description"),
            "what the picture shows, for screen readers (default: the caption)",
        ),
    ]
)

FIGURE = FigureSpec()
FIGURE_HELP = "a pose drawn as line art, e.g. lying-back-pillow-knees ('handbook figures' shows them all)"

SOURCE = Record(
    [
        Field("title", Text(max_len=200, what="a title"), "title of the source document", True),
        Field("author", Text(max_len=200, what="a name"), "who wrote it"),
        Field("url", Url(), "where to read it (http:// or https://)"),
        Field("note", SENTENCE, "what this content takes from it"),
    ]
)

HOLD_SECONDS = AmountSpec(1, 3600, "seconds")
REPS = AmountSpec(1, 100, "repetitions")
SETS = AmountSpec(1, 20, "sets")
TIMES_PER_DAY = AmountSpec(1, 12, "times a day")
WEEKS = AmountSpec(1, 52, "weeks")

DOSE = Record(
    [
        Field("hold_seconds", HOLD_SECONDS,
              "seconds to hold; a number, a range such as [20, 30], or blank (the clinician writes it in)"),
        Field("minutes", AmountSpec(1, 180, "minutes"), "how many minutes the whole routine lasts"),
        Field("breaths", AmountSpec(1, 50, "breaths"), "slow breaths to take while holding"),
        Field("reps", REPS, "how many times to repeat it"),
        Field("sets", SETS, "how many sets"),
        Field("rest_seconds", AmountSpec(1, 600, "seconds"), "seconds of rest between sets"),
        Field("times_per_day", TIMES_PER_DAY, "how many times a day"),
        Field("days_per_week", AmountSpec(1, 7, "days a week"), "how many days a week (7 is every day)"),
        Field("weeks", WEEKS, "for how many weeks"),
        Field("per_side", Boolean(), "true when it is done on each side", example="false"),
        Field("note", SENTENCE, "a plain sentence about the dose, e.g. who sets a number"),
    ],
    one_of=DOSE_NUMBERS,
)

STEP = TextOrRecord(
    SENTENCE,
    Record(
        [
            Field("text", SENTENCE, "the action, in plain 'you' language", True),
            Field("hold_seconds", AmountSpec(1, 3600, "seconds"), "seconds to hold at this step"),
            Field("breaths", AmountSpec(1, 50, "breaths"), "slow breaths to take at this step"),
            Field("picture", PICTURE, "a picture for this step"),
            Field("figure", FIGURE, FIGURE_HELP + "; instead of a picture"),
        ],
        exclusive=("picture", "figure"),
    ),
)

ROUTINE = Record(
    [
        Field("title", Text(max_len=80, what="a title"), "short title of the routine", True),
        Field("summary", SENTENCE, "one or two plain sentences on what it does for you", True),
        Field("when", SENTENCE, "who it is for and when to do it", True),
        Field("dose", DOSE, "how much and how often, in numbers", True),
        Field("equipment", ListOf(ITEM, max_items=10), "what you need; [] when nothing", True, "[]"),
        Field("steps", ListOf(STEP, min_items=1, max_items=20), "numbered steps, one action each", True),
        Field("tips", ListOf(ITEM, max_items=10), "helpful hints", True, "[]"),
        Field("avoid", ListOf(ITEM, max_items=10), "what not to do", True, "[]"),
        Field(
            "stop_if",
            ListOf(ITEM, min_items=1, max_items=10),
            "when to stop and call the clinic; at least one item",
            True,
        ),
        Field("caution", PARAGRAPH, "a plain note, e.g. where the sources disagree"),
        Field("clinic_advice", ListOf(ITEM, max_items=10), "the clinic's own advice for this routine, not from "
                                                            "the sources (printed under its own heading, for a "
                                                            "clinician to sign off)"),
        Field("link", Url(), "a video or information page, printed as text and a QR code"),
        Field("picture", PICTURE, "a picture of the whole routine"),
        Field("figure", FIGURE, FIGURE_HELP + "; for the whole routine, instead of a picture"),
        Field("sources", ListOf(SOURCE, min_items=1, max_items=20), "where the advice comes from", True),
        Field(
            "related_faq",
            ListOf(Slug(), max_items=10, unique=True),
            "FAQ topic names (file names in faq/)",
            example="[]",
        ),
        Field("version", Integer(1, 10_000), "raise by one at every change to the advice", True, "1"),
        Field("reviewed", REVIEW, "who reviewed this routine and when (default: the book's review)"),
    ],
    title="handbook routine",
    exclusive=("picture", "figure"),
)

QUESTION = Record(
    [
        Field("question", Text(max_len=200, what="a question"), "the question, as a patient would ask it", True),
        Field(
            "answer",
            Text(max_len=20_000, multiline=True, what="an answer"),
            "the answer; separate paragraphs with a blank line",
            True,
        ),
        Field("see", ListOf(Slug(), max_items=10, unique=True), "routines the answer points to (their file names)"),
        Field("clinic_advice", ListOf(ITEM, max_items=5), "the clinic's own advice beside this answer, not from "
                                                           "the sources (printed under its own label)"),
    ]
)

FAQ = Record(
    [
        Field("title", Text(max_len=80, what="a title"), "title of the topic", True),
        Field("intro", PARAGRAPH, "a short introduction"),
        Field("questions", ListOf(QUESTION, min_items=1, max_items=100), "the questions and answers", True),
        Field("sources", ListOf(SOURCE, min_items=1, max_items=20), "where the answers come from", True),
    ],
    title="handbook FAQ topic",
)

CLINIC = Record(
    [
        Field("name", Text(max_len=100, what="a name"), "the clinic's name", True),
        Field("phone", Text(max_len=40, what="a phone number in quotes"), "phone number, in quotes", True),
        Field("email", Text(max_len=100, what="an e-mail address"), "e-mail address"),
        Field("website", Url(), "web address"),
        Field("address", Text(max_len=300, multiline=True, what="an address"), "postal address"),
        Field("logo", ImageFile(), "PNG or JPEG logo, relative to the content folder"),
    ]
)

BOOK = Record(
    [
        Field("title", Text(max_len=100, what="a title"), "the handbook's title", True),
        Field("subtitle", Text(max_len=160, what="a subtitle"), "one line under the title"),
        Field("edition", Text(max_len=80, what="an edition"), "edition, e.g. '1st edition, November 2026'", True),
        Field("language", Choice(LANGUAGES), "language of the printed labels", True),
        Field("paper", Choice(PAPERS), "default paper size", True),
        Field("clinic", CLINIC, "the clinic printed on every page and card", True),
        Field("reviewed", REVIEW, "who reviewed the handbook and when", True),
        Field("safety_note", PARAGRAPH, "your own wording of the safety note (a plain default is printed otherwise)"),
        Field("red_flags", ListOf(ITEM, max_items=12), "the clinic's red flags: signs to call about at once, "
                                                       "printed in every stop box beside the clinic's phone"),
        Field(
            "routines",
            ListOf(Slug(), min_items=1, max_items=1000, unique=True),
            "routine file names, in print order",
            True,
        ),
        Field("faq", ListOf(Slug(), max_items=200, unique=True), "FAQ topic file names, in print order"),
    ],
    title="handbook book settings",
)

# --- one patient: a personal card's options, a patients' file's columns, a plan file ----------

NAME = Text(max_len=80, what="a name")
NOTE = Text(max_len=200, what="a short note")
SIDE = Choice(("left", "right", "both"))  # "both": the routine's own, on each side
# a patient's dose numbers (card options, CSV columns, a plan's exercises) -> the dose field each sets;
# the specs (ranges, units, messages) are the content's own
PATIENT_DOSE: dict[str, tuple[str, PatientAmount]] = {
    "hold": ("hold_seconds", PatientAmount(HOLD_SECONDS)),
    "reps": ("reps", PatientAmount(REPS)),
    "sets": ("sets", PatientAmount(SETS)),
    "times_a_day": ("times_per_day", PatientAmount(TIMES_PER_DAY)),
    "weeks": ("weeks", PatientAmount(WEEKS)),
}
MOST_EXERCISES = 8
MOST_LOG_WEEKS = 26

EXERCISE = Record(
    [
        Field("routine", Slug(), "the routine's file name without .yaml, e.g. psoas-release ('handbook list' shows "
                                 "them)", True, "psoas-foam-roller"),
        Field("hold", PATIENT_DOSE["hold"][1], "seconds to hold: a number, or a range such as 20-30 (only for a "
                                               "routine whose dose has a hold)", example="30"),
        Field("reps", PATIENT_DOSE["reps"][1], "times to repeat it (only for a routine whose dose has "
                                               "repetitions)"),
        Field("sets", PATIENT_DOSE["sets"][1], "sets (only for a routine whose dose has sets)"),
        Field("times_a_day", PATIENT_DOSE["times_a_day"][1], "times a day (only for a routine whose dose says "
                                                             "how many times a day)", example="2"),
        Field("side", SIDE, "left or right for one side only, both for each side (only for a routine done on "
                            "each side)", example="left"),
        Field("note", NOTE, "a short note for the patient, printed on the first page and the card",
              example='"Stop if it pinches."'),
    ]
)

PLAN = Record(
    [
        Field("patient", NAME, "the patient's name, printed on every page", True, '"TODO: the patient\'s name"'),
        Field("clinician", Text(max_len=120, what="a name"), "who made the programme, e.g. 'J. Rivera, "
                                                             "physiotherapist'"),
        Field("start", Date(), "the first day, written YYYY-MM-DD (default: today)"),
        Field("review", Date(), "the next visit, written YYYY-MM-DD, after the start: the log asks the patient "
                                "to bring it then"),
        Field("weeks", Integer(1, MOST_LOG_WEEKS, "weeks"), f"weeks of the log, 1 to {MOST_LOG_WEEKS}; also each "
                                                            "card's weeks (default: the routines' own weeks, else 4)"),
        Field("paper", Choice(PAPERS), "the paper, a4 or letter (default: paper in book.yaml)"),
        Field("language", Choice(LANGUAGES), "language of the printed labels: en, es, fr or de (default: "
                                             "language in book.yaml)"),
        Field("large_print", Boolean(), "large print (body text 18 pt), true or false (default: false)",
              example="false"),
        Field("exercises", ListOf(EXERCISE, min_items=1, max_items=MOST_EXERCISES),
              f"the exercises, 1 to {MOST_EXERCISES}, in the order they print", True),
    ],
    title="handbook patient programme",
)

SCHEMAS = {"routine": ROUTINE, "faq": FAQ, "book": BOOK, "plan": PLAN}


def json_schema(kind: str) -> dict[str, Any]:
    """The JSON Schema (draft-07) of one kind of content file."""
    schema = SCHEMAS[kind].json()
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": f"https://handbook.invalid/schema/{kind}.schema.json",
        **schema,
    }
