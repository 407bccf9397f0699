"""Health-literacy measures for `handbook check`: reading grade, sentence length, list sizes.

The grade is Flesch–Kincaid from textstat (pinned to a release that needs no downloaded
word list, so it works offline and in milliseconds). Limits follow plain-language
guidance for patient material: grade 8 or below, sentences of 20 words or fewer, at most
7 steps and at most 5 items in a list. Going over a limit is a warning with its
`file:line:col`; `handbook check --strict` turns warnings into errors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from handbook.errors import Problem
from handbook.model import Content, FaqTopic, Routine, Where

MAX_GRADE = 8.0
MAX_SENTENCE_WORDS = 20
MAX_STEPS = 7
MAX_LIST_ITEMS = 5

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n")
_WORD = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")


@dataclass(frozen=True)
class Measure:
    """The numbers `handbook check` prints for one routine or FAQ topic."""

    kind: str  # "routine" or "faq"
    slug: str
    grade: float
    longest_sentence: int
    steps: int
    list_items: int


def grade(text: str) -> float:
    """Flesch–Kincaid grade of a text (0 for a text with no words)."""
    import textstat  # imported here: only `check` needs it

    if not _WORD.search(text):
        return 0.0
    return max(0.0, float(textstat.flesch_kincaid_grade(text)))  # very easy text can score below 0


def sentences(text: str) -> list[str]:
    """Sentences of a text; a list item without a full stop counts as one sentence."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))


def _as_sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", ":")) else text + "."


def routine_texts(routine: Routine) -> Iterator[tuple[str, str]]:
    """Every piece of prose a patient reads in a routine, with its field path."""
    yield "title", routine.title
    yield "summary", routine.summary
    yield "when", routine.when
    if routine.dose.note:
        yield "dose.note", routine.dose.note
    for name, items in (("equipment", routine.equipment), ("tips", routine.tips),
                        ("avoid", routine.avoid), ("stop_if", routine.stop_if),
                        ("clinic_advice", routine.clinic_advice)):
        for number, item in enumerate(items, start=1):
            yield f"{name}[{number}]", item
    for number, step in enumerate(routine.steps, start=1):
        yield f"steps[{number}]", step.text
        if step.picture:
            yield f"steps[{number}].picture.caption", step.picture.caption
    if routine.caution:
        yield "caution", routine.caution
    if routine.picture:
        yield "picture.caption", routine.picture.caption


def topic_texts(topic: FaqTopic) -> Iterator[tuple[str, str]]:
    """Every piece of prose a patient reads in an FAQ topic, with its field path."""
    yield "title", topic.title
    if topic.intro:
        yield "intro", topic.intro
    for number, question in enumerate(topic.questions, start=1):
        yield f"questions[{number}].question", question.question
        yield f"questions[{number}].answer", "\n\n".join(question.answer)
        for item_number, item in enumerate(question.clinic_advice, start=1):
            yield f"questions[{number}].clinic_advice[{item_number}]", item


def measure(content: Content) -> tuple[list[Measure], list[Problem]]:
    """Measures for every routine and topic, and a warning for every limit passed."""
    measures: list[Measure] = []
    problems: list[Problem] = []
    for routine in content.routines:
        texts = list(routine_texts(routine))
        lists = {"equipment": routine.equipment, "tips": routine.tips, "avoid": routine.avoid,
                 "stop_if": routine.stop_if}
        measures.append(_measure("routine", routine.slug, texts, len(routine.steps),
                                 sum(len(v) for v in lists.values()), routine.where, problems))
        if len(routine.steps) > MAX_STEPS:
            _warn(problems, routine.where("steps"), "steps",
                  f"{len(routine.steps)} steps; keep to {MAX_STEPS} or fewer, or split the routine")
        for name, items in lists.items():
            if len(items) > MAX_LIST_ITEMS:
                _warn(problems, routine.where(name), name,
                      f"{len(items)} items; keep lists to {MAX_LIST_ITEMS} or fewer")
    for topic in content.faq:
        texts = list(topic_texts(topic))
        measures.append(_measure("faq", topic.slug, texts, 0, len(topic.questions), topic.where, problems))
    return measures, problems


def _measure(kind: str, slug: str, texts: list[tuple[str, str]], steps: int, items: int,
             place: Callable[[str], Where], problems: list[Problem]) -> Measure:
    longest = 0
    for name, text in texts:
        for sentence in sentences(text):
            words = word_count(sentence)
            longest = max(longest, words)
            if words > MAX_SENTENCE_WORDS:
                start = " ".join(sentence.split()[:6])
                _warn(problems, place(name), name,
                      f"a sentence of {words} words (keep to {MAX_SENTENCE_WORDS}): \"{start}...\"")
    prose = " ".join(_as_sentence(t) for name, t in texts if name != "title")
    level = round(grade(prose), 1)
    if level > MAX_GRADE:
        hardest = max(((round(grade(_as_sentence(t)), 1), n) for n, t in texts if n != "title"), default=(0.0, ""))
        _warn(problems, place(""), "",
              f"reading grade {level} is above {MAX_GRADE:g}; the hardest part is {hardest[1]} "
              f"(grade {hardest[0]}): use shorter sentences and everyday words")
    return Measure(kind, slug, level, longest, steps, items)


def _warn(problems: list[Problem], where: Where, name: str, message: str) -> None:
    problems.append(Problem(where.path, where.line, where.col, name, message, "warning"))
