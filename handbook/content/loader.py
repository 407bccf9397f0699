"""Content folder -> validated model, with every problem at its file:line:col.

Everything is read and checked before anything is reported, so one run of
`handbook check` lists every problem in every file at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handbook.content import fields, poses
from handbook.content.folder import leads_outside, outside_problem
from handbook.content.schema import INVALID, MAX_SLUG, SLUG_RE, Checker, did_you_mean
from handbook.content.values import picture_from
from handbook.content.yamlread import read_yaml
from handbook.errors import ContentError, Problem, display_path, printable
from handbook.model import (
    Book,
    Clinic,
    Content,
    Dose,
    FaqTopic,
    Question,
    Review,
    Routine,
    Source,
    Step,
)

BOOK_FILE = "book.yaml"
FAQ_DIR = "faq"
SUFFIXES = (".yaml", ".yml")


@dataclass
class Loaded:
    """The result of loading a folder: the content when there were no errors."""

    content: Content | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def load_content(root: Path) -> Content:
    """Load and validate a content folder, or raise `ContentError` with every error."""
    loaded = load(root)
    if loaded.content is None:
        raise ContentError(loaded.errors)
    return loaded.content


def load(root: Path) -> Loaded:
    """Load and validate a content folder, collecting errors and warnings."""
    problems: list[Problem] = []
    if not root.is_dir():
        what = "is not a folder" if root.exists() else "does not exist"
        hint = "; pass --content DIR, or create one with 'handbook init DIR'"
        if not root.exists() and (root.parent / BOOK_FILE).is_file() and root.parent != root:
            here = "." if root.parent == Path() else display_path(root.parent)
            hint = f"; {display_path(root.parent / BOOK_FILE)} is here: pass --content {here}"
        return Loaded(None, [Problem(root, 0, 0, "", f"content folder {what}{hint}")])

    routine_files = _content_files(root, root, problems)
    faq_files = _content_files(root / FAQ_DIR, root, problems) if (root / FAQ_DIR).is_dir() else {}
    book_path = root / BOOK_FILE
    book: Book | None = None
    if routine_files.get("book") == book_path:
        del routine_files["book"]
        book = _load_one(book_path, root, fields.BOOK, _make_book, problems)
    elif not leads_outside(book_path, root):  # one that leads outside is refused above, by its name
        problems.append(Problem(book_path, 0, 0, "", "missing; every content folder needs a book.yaml"))

    library = poses.load_library(root)  # built-in poses and the clinic's own, for `figure:`
    problems.extend(library.problems)
    routines: dict[str, Routine] = {}
    for slug, path in routine_files.items():
        routine = _load_one(path, root, fields.ROUTINE, _make_routine, problems, {"poses": library})
        if routine is not None:
            routines[slug] = routine
    topics: dict[str, FaqTopic] = {}
    for slug, path in faq_files.items():
        topic = _load_one(path, root, fields.FAQ, _make_topic, problems)
        if topic is not None:
            topics[slug] = topic

    _cross_check(book, routine_files, faq_files, routines, topics, problems)
    problems.sort(key=lambda p: (str(p.path), p.line, p.col))
    if book is None or any(p.severity == "error" for p in problems):
        return Loaded(None, problems)
    ordered = [s for s in book.routine_order if s in routines]
    ordered += sorted(s for s in routines if s not in book.routine_order)
    topic_order = [s for s in book.faq_order if s in topics]
    topic_order += sorted(s for s in topics if s not in book.faq_order)
    content = Content(
        root=root,
        book=book,
        routines=tuple(routines[s] for s in ordered),
        faq=tuple(topics[s] for s in topic_order),
        poses=tuple(pose for _, pose in sorted(library.poses.items()) if not pose.builtin),
    )
    return Loaded(content, problems)


def _content_files(folder: Path, root: Path, problems: list[Problem]) -> dict[str, Path]:
    """The YAML files of one folder by slug; bad names, clashing slugs and files outside `root` are problems.

    A folder or file that leads outside the content folder (a link) is refused before it is read.
    """
    outside = outside_problem(folder, root)
    if outside is not None:
        problems.append(outside)
        return {}
    found: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix not in SUFFIXES:
            continue
        outside = outside_problem(path, root)
        if outside is not None:
            problems.append(outside)
            continue
        if not path.is_file():
            continue
        slug = path.stem
        if not SLUG_RE.fullmatch(slug):
            suggestion = "-".join(filter(None, "".join(c if c.isalnum() else "-" for c in slug.lower()).split("-")))
            problems.append(
                Problem(
                    path,
                    0,
                    0,
                    "",
                    f"file name '{printable(slug)}' is not a valid slug (lower-case letters, digits and dashes); "
                    f"rename it to '{suggestion or 'my-routine'}{path.suffix}'",
                )
            )
            continue
        if len(slug) > MAX_SLUG:  # a card's file name is made from it, and must stay a name the disk takes
            problems.append(Problem(path, 0, 0, "", f"file name '{slug[:20]}...' is {len(slug)} characters long; "
                                                    f"use at most {MAX_SLUG}, e.g. 'hip-flexor-stretch'"))
            continue
        if slug in found:
            problems.append(
                Problem(path, 0, 0, "", f"slug '{slug}' is also claimed by {found[slug].name}; keep one of the two")
            )
            continue
        found[slug] = path
    return found


def _load_one(path: Path, root: Path, spec: Any, make: Any, problems: list[Problem],
              context: dict[str, Any] | None = None) -> Any:
    doc = read_yaml(path)
    problems.extend(doc.problems)
    if doc.root is None or doc.problems:
        return None
    ck = Checker(path, root, context=context or {})
    ck.place("", doc.root)
    values = spec.check(doc.root, "", ck)
    problems.extend(ck.problems)
    if values is INVALID:
        return None
    return make(path, values, ck)


def _review(value: dict[str, Any] | None) -> Review | None:
    return Review(value["by"], value["on"]) if value else None


def _sources(values: tuple[dict[str, Any], ...]) -> tuple[Source, ...]:
    return tuple(Source(v["title"], v.get("author"), v.get("url"), v.get("note")) for v in values)


def _make_routine(path: Path, v: dict[str, Any], ck: Checker) -> Routine:
    dose = v["dose"]
    steps = tuple(
        Step(
            text=s["text"],
            hold_seconds=s.get("hold_seconds"),
            breaths=s.get("breaths"),
            picture=picture_from(s["picture"]) if s.get("picture") else s.get("figure"),
        )
        for s in v["steps"]
    )
    return Routine(
        slug=path.stem,
        title=v["title"],
        summary=v["summary"],
        when=v["when"],
        dose=Dose(
            **{k: dose.get(k) for k in fields.DOSE_NUMBERS}, per_side=dose.get("per_side", False), note=dose.get("note")
        ),
        equipment=v.get("equipment", ()),
        steps=steps,
        tips=v.get("tips", ()),
        avoid=v.get("avoid", ()),
        stop_if=v["stop_if"],
        sources=_sources(v["sources"]),
        version=v["version"],
        caution=v.get("caution"),
        clinic_advice=v.get("clinic_advice", ()),
        link=v.get("link"),
        picture=picture_from(v["picture"]) if v.get("picture") else v.get("figure"),
        related_faq=v.get("related_faq", ()),
        reviewed=_review(v.get("reviewed")),
        file=path,
        places=dict(ck.places),
    )


def _make_topic(path: Path, v: dict[str, Any], ck: Checker) -> FaqTopic:
    questions = tuple(
        Question(
            question=q["question"],
            answer=tuple(p.strip() for p in q["answer"].split("\n\n") if p.strip()),
            see=q.get("see", ()),
            clinic_advice=q.get("clinic_advice", ()),
        )
        for q in v["questions"]
    )
    return FaqTopic(
        slug=path.stem,
        title=v["title"],
        questions=questions,
        sources=_sources(v["sources"]),
        intro=v.get("intro"),
        file=path,
        places=dict(ck.places),
    )


def _make_book(path: Path, v: dict[str, Any], ck: Checker) -> Book:
    c = v["clinic"]
    clinic = Clinic(
        name=c["name"],
        phone=c["phone"],
        email=c.get("email"),
        website=c.get("website"),
        address=c.get("address"),
        logo=picture_from({"file": c["logo"], "caption": c["name"]}) if c.get("logo") else None,
    )
    review = _review(v["reviewed"])
    assert review is not None
    return Book(
        title=v["title"],
        subtitle=v.get("subtitle"),
        edition=v["edition"],
        language=v["language"],
        paper=v["paper"],
        clinic=clinic,
        reviewed=review,
        routine_order=v["routines"],
        faq_order=v.get("faq", ()),
        safety_note=v.get("safety_note"),
        red_flags=v.get("red_flags", ()),
        file=path,
        places=dict(ck.places),
    )


def _cross_check(
    book: Book | None,
    routine_files: dict[str, Path],
    faq_files: dict[str, Path],
    routines: dict[str, Routine],
    topics: dict[str, FaqTopic],
    problems: list[Problem],
) -> None:
    """References between files: every slug named must exist."""

    def refer(where: Any, name: str, slug: str, known: dict[str, Path], kind: str, folder: str) -> None:
        if slug in known:
            return
        hint = did_you_mean(slug, list(known))
        place = where(name)
        problems.append(
            Problem(
                place.path, place.line, place.col, name, f"no {kind} '{slug}' (looked for {folder}{slug}.yaml){hint}"
            )
        )

    if book is not None:
        for number, slug in enumerate(book.routine_order, start=1):
            refer(book.where, f"routines[{number}]", slug, routine_files, "routine", "")
        for number, slug in enumerate(book.faq_order, start=1):
            refer(book.where, f"faq[{number}]", slug, faq_files, "FAQ topic", "faq/")
        for slug, path in routine_files.items():
            if slug not in book.routine_order:
                problems.append(
                    Problem(
                        path,
                        0,
                        0,
                        "",
                        f"not listed under 'routines' in {BOOK_FILE}; it is printed after the listed ones",
                        "warning",
                    )
                )
        for slug, path in faq_files.items():
            if slug not in book.faq_order:
                problems.append(
                    Problem(
                        path,
                        0,
                        0,
                        "",
                        f"not listed under 'faq' in {BOOK_FILE}; it is printed after the listed ones",
                        "warning",
                    )
                )
    for routine in routines.values():
        for number, slug in enumerate(routine.related_faq, start=1):
            refer(routine.where, f"related_faq[{number}]", slug, faq_files, "FAQ topic", "faq/")
    for topic in topics.values():
        for q_number, question in enumerate(topic.questions, start=1):
            for number, slug in enumerate(question.see, start=1):
                refer(topic.where, f"questions[{q_number}].see[{number}]", slug, routine_files, "routine", "")
