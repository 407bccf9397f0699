"""The pages of `handbook serve`: each parses the request, calls `handbook.commands`, and shows the answer.

`/` routines and FAQ topics; `/routines/SLUG` a routine and its card; `/cards/SLUG.pdf` the generic
card; `/plan` the programme form (POST: the programme PDF as an attachment, or the form again with
every problem beside its field, status 400); `/check` what `handbook check` finds.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Blueprint, Response, abort, current_app, render_template, request

from handbook.commands.cardfiles import name_slug
from handbook.commands.check import check as run_check
from handbook.commands.plan import MadeProgramme, PlanPrinting, PlanRefused, make_plan
from handbook.content.fields import MOST_EXERCISES, PAPERS
from handbook.errors import ContentError, HandbookError, display_path
from handbook.model import Content
from handbook.model.labels import LANGUAGES, labels
from handbook.model.words import dose_sentences
from handbook.web.planform import ROW_FIELDS, FormProblems, PlanForm, place_problems, plan_yaml

pages = Blueprint("pages", __name__)
FORM_FILE = Path("form.yaml")  # how the plan from the form is named in messages


def _content() -> tuple[object, Content]:
    return current_app.extensions["handbook.contents"].get()  # type: ignore[no-any-return]


@pages.errorhandler(HandbookError)
def content_problem(exc: HandbookError) -> tuple[str, int]:
    """The content does not load: every problem, as `handbook check` says it."""
    lines = [str(p) for p in exc.problems] if isinstance(exc, ContentError) else str(exc).splitlines()
    return render_template("problem.html", lines=lines), 500


@pages.get("/")
def index() -> str:
    _, content = _content()
    return render_template("index.html", content=content, book=content.book)


@pages.get("/routines/<slug>")
def routine(slug: str) -> str:
    signature, content = _content()
    found = {r.slug: r for r in content.routines}.get(slug)
    if found is None:
        abort(404)
    _, sides = current_app.extensions["handbook.previews"].card(content, signature, slug)
    lang = labels(content.book.language)
    return render_template("routine.html", routine=found, book=content.book, sides=sides,
                           dose=dose_sentences(found.dose, lang))


@pages.get("/cards/<slug>.pdf")
def card_pdf(slug: str) -> Response:
    signature, content = _content()
    if slug not in {r.slug for r in content.routines}:
        abort(404)
    data, _ = current_app.extensions["handbook.previews"].card(content, signature, slug)
    return Response(data, mimetype="application/pdf",
                    headers={"Content-Disposition": f'inline; filename="{slug}.pdf"'})


@pages.get("/cards/<slug>-<int:side>-<size>.png")
def card_png(slug: str, side: int, size: str) -> Response:
    signature, content = _content()
    if slug not in {r.slug for r in content.routines} or size not in ("thumb", "preview"):
        abort(404)
    data = current_app.extensions["handbook.previews"].picture(content, signature, slug, side, size)
    if data is None:
        abort(404)
    return Response(data, mimetype="image/png")


@pages.get("/check")
def check() -> str:
    report = run_check(current_app.config["CONTENT_DIR"])
    return render_template("check.html", report=report, problems=[_located(p) for p in report.problems])


def _located(problem: Any) -> dict[str, str]:
    text = str(problem)
    where = text[: text.index(": ")] if ": " in text else ""
    return {"where": where, "rest": text[len(where) + 2:] if where else text, "severity": problem.severity}


@pages.get("/plan")
def plan_form() -> str:
    _, content = _content()
    chosen = request.args.getlist("routine")
    form = PlanForm(rows=[{**dict.fromkeys(ROW_FIELDS, ""), "routine": slug} for slug in chosen])
    return _form_page(content, form, FormProblems())


@pages.post("/plan")
def plan_post() -> Any:
    _, content = _content()
    form = PlanForm.read(request.form, {name: request.form.getlist(name) for name in ROW_FIELDS})
    action = request.form.get("action", "pdf")
    if action == "add":  # "Add a row" without JavaScript: the same form, one empty row more
        return _form_page(content, form, FormProblems(), extra=1)
    text, rows = plan_yaml(form)
    try:
        made = make_plan(FORM_FILE, content, PlanPrinting(), text)
    except PlanRefused as exc:
        return _form_page(content, form, place_problems(exc.problems, rows, form)), 400
    if action == "save":
        saved = _save(text, form.fields["patient"])
        return _form_page(content, form, FormProblems(), saved=saved)
    return _programme(made, form.fields["patient"])


def _programme(made: MadeProgramme, patient: str) -> Response:
    name = name_slug(patient)
    return Response(made.pdf, mimetype="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{name}.pdf"'})


def _save(text: str, patient: str) -> str:
    """Write the plan under plans/ as PATIENT.yaml (PATIENT-2.yaml ... when taken: never replace one)."""
    from handbook.output.files import write_new

    folder: Path = current_app.config["PLANS_DIR"]
    stem = name_slug(patient)
    for n in range(1, 1000):
        path = folder / (f"{stem}.yaml" if n == 1 else f"{stem}-{n}.yaml")
        if not path.exists():
            write_new(path, text)
            return display_path(path)
    raise HandbookError(f"{display_path(folder)}: too many plans named {stem}; move some away")


def _form_page(content: Content, form: PlanForm, problems: FormProblems, extra: int = 0, saved: str = "") -> str:
    return render_template("plan.html", form=form, rows=form.shown_rows(extra), problems=problems,
                           routines=content.routines, papers=PAPERS, languages=LANGUAGES, saved=saved,
                           most=MOST_EXERCISES, book=content.book)
