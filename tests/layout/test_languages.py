"""Printed labels in Spanish, French and German, read back from the handbook and the cards.

Only the tool's own words change with the language; the content is printed as its
author wrote it (the bundled content is English, so its routine titles stay English).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from handbook.cli import cli
from handbook.commands.printing import with_language
from handbook.layout.book.story import render_handbook
from handbook.layout.card import render_card, request_for
from handbook.layout.styles import covered
from handbook.model import Content
from handbook.model.labels import CATALOGUES, LANGUAGES, MONTHS, SHORT_MONTHS, TIMES_WORDS, UNITS, WEEKDAYS
from tests import pdfcheck

# What a patient reads, per language: pinned words, not the catalogue read back.
WORDS = {
    "es": {
        "contents": "Índice", "stop": "Pare y llámenos si", "card_stop": "Pare y llámenos si\u2026",
        "dose": "Hágalo durante 20 a 30 minutos.", "every_day": "Todos los días.",
        "folio": "página {page} de {pages}", "date": "1 de noviembre de 2026", "phone": "Teléfono: 555-0100",
        "week": "Semana 1", "weekdays": "LunMarMiéJueVieSábDom", "name": "Nombre:", "started": "Inicio:",
        "strip": "20–30 minutos · todos los días", "version": "Versión 1 · revisada el 1 nov 2026",
        "outline": ["Cómo usar este manual", "Índice", "Rutinas de ejercicios", "Preguntas y respuestas",
                    "Fuentes", "Notas"],
    },
    "fr": {
        "contents": "Sommaire", "stop": "Arrêtez et appelez-nous si", "card_stop": "Arrêtez et appelez-nous si\u2026",
        "dose": "Faites-le de 20 à 30 minutes.", "every_day": "Tous les jours.",
        "folio": "page {page} sur {pages}", "date": "1 novembre 2026", "phone": "Téléphone : 555-0100",
        "week": "Semaine 1", "weekdays": "LunMarMerJeuVenSamDim", "name": "Nom :", "started": "Début :",
        "strip": "20–30 minutes · tous les jours", "version": "Version 1 · relue le 1 nov. 2026",
        "outline": ["Comment utiliser ce livret", "Sommaire", "Exercices", "Questions et réponses", "Sources",
                    "Notes"],
    },
    "de": {
        "contents": "Inhalt", "stop": "Aufhören und uns anrufen, wenn",
        "card_stop": "Aufhören und uns anrufen, wenn\u2026",
        "dose": "Machen Sie das 20 bis 30 Minuten lang.", "every_day": "Jeden Tag.",
        "folio": "Seite {page} von {pages}", "date": "1. November 2026", "phone": "Telefon: 555-0100",
        "week": "Woche 1", "weekdays": "MoDiMiDoFrSaSo", "name": "Name:", "started": "Begonnen:",
        "strip": "20–30 Minuten · jeden Tag", "version": "Version 1 · geprüft am 1. Nov. 2026",
        "outline": ["So benutzen Sie dieses Heft", "Inhalt", "Übungen", "Fragen und Antworten", "Quellen",
                    "Notizen"],
    },
}
# English labels that must not show through in another language (none of them is in the content)
ENGLISH = ["How to use this handbook", "Please read this first", "What you need", "How much and how often",
           "Where this advice comes from", "Stop and call us if", "Tick a box", "Started:", "What to do",
           "please turn over", "(continued)", "next sheet"]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def handbooks(sample_content: Content) -> dict[str, bytes]:
    return {lang: render_handbook(with_language(sample_content, lang), "a4").data for lang in WORDS}


@pytest.fixture(scope="module")
def card_pdfs(sample_content: Content) -> dict[str, bytes]:
    routine = sample_content.routine("pelvic-floor-down-training")
    return {lang: render_card(request_for(with_language(sample_content, lang), routine, "a4")) for lang in WORDS}


@pytest.mark.parametrize("lang", list(WORDS))
def test_the_handbook_prints_every_label_in_the_books_language(
        handbooks: dict[str, bytes], sample_content: Content, lang: str) -> None:
    pdf, words = handbooks[lang], WORDS[lang]
    texts = pdfcheck.page_texts(pdf)
    everything = flat(" ".join(texts))
    assert pdfcheck.language(pdf) == lang
    assert words["date"] in flat(texts[0]) and words["phone"] in flat(texts[0])
    assert pdfcheck.page_lines(pdf, 3)[:2] == [words["contents"]] * 2  # running header and heading
    for number, text in enumerate(texts[1:], start=2):
        assert text.splitlines()[-1].endswith(words["folio"].format(page=number, pages=len(texts))), number
    assert everything.count(words["stop"]) >= len(sample_content.routines)
    assert f"{words['dose']} {words['every_day']}" in everything  # the pelvic-floor routine's dose, plural
    assert [t for t in pdfcheck.outline_titles(pdf) if t in words["outline"]] == words["outline"]
    assert [e for e in ENGLISH if e in everything] == []
    for routine in sample_content.routines:  # the content stays the author's
        assert routine.title in pdfcheck.outline_titles(pdf)
        assert flat(routine.steps[0].text) in everything


@pytest.mark.parametrize("lang", list(WORDS))
def test_the_card_prints_every_label_in_the_books_language(card_pdfs: dict[str, bytes], lang: str) -> None:
    pdf, words = card_pdfs[lang], WORDS[lang]
    lines = [line for page in range(1, pdfcheck.page_count(pdf) + 1) for line in pdfcheck.page_lines(pdf, page)]
    text = flat(" ".join(lines))
    assert pdfcheck.language(pdf) == lang
    assert words["weekdays"] in [line.replace(" ", "") for line in lines]
    for key in ("card_stop", "week", "name", "started", "strip", "version"):
        assert words[key] in text, key
    assert [e for e in ENGLISH if e in text] == []
    assert pdfcheck.metadata(pdf)["Title"] == "Letting your pelvic floor relax (down-training)"


def test_every_printed_label_is_in_the_typeface() -> None:
    """A catalogue can never print an empty box: every character of every label has a glyph."""
    have = covered()
    for lang in LANGUAGES:
        texts = [*CATALOGUES[lang].values(), *WEEKDAYS[lang], *MONTHS[lang], *SHORT_MONTHS[lang],
                 *TIMES_WORDS[lang].values(), *(word for pair in UNITS[lang].values() for word in pair)]
        missing = {c for text in texts for c in text if ord(c) not in have and not c.isspace()}
        assert missing == set(), lang


def test_short_months_are_complete() -> None:
    assert all(len(SHORT_MONTHS[lang]) == 12 for lang in LANGUAGES)


def test_language_option_overrides_book_yaml(content_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "--language", "de"])
    assert result.exit_code == 0, result.output
    pdf = Path("output/handbook.pdf").read_bytes()
    assert pdfcheck.language(pdf) == "de"
    assert pdfcheck.page_lines(pdf, 3)[1] == "Inhalt"
    result = CliRunner().invoke(cli, ["card", "psoas-release", "--language", "fr"])
    assert result.exit_code == 0, result.output
    card = Path("output/cards/psoas-release.pdf").read_bytes()
    assert pdfcheck.language(card) == "fr" and "Arrêtez et appelez-nous si\u2026" in " ".join(pdfcheck.page_texts(card))


def test_language_in_book_yaml_sets_the_labels(content_dir: Path, edit: Callable[[Path, str, str], None]) -> None:
    edit(content_dir / "book.yaml", "language: en", "language: es")
    assert CliRunner().invoke(cli, ["card", "psoas-release", "--for", "Ana"]).exit_code == 0
    card = Path("output/cards/psoas-release--ana.pdf").read_bytes()
    assert pdfcheck.language(card) == "es"
    assert "Nombre: Ana" in flat(" ".join(pdfcheck.page_texts(card)))
    assert pdfcheck.metadata(card)["Subject"] == "Tarjeta de ejercicio: Psoas release in a lunge"


def test_an_unknown_language_is_a_usage_error(content_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "--language", "it"])
    assert result.exit_code == 2
    assert "'it' is not one of 'en', 'es', 'fr', 'de'" in result.output
    assert not Path("output").exists()


def test_greek_and_cyrillic_print_wherever_content_goes(content_dir: Path,
                                                        edit: Callable[[Path, str, str], None]) -> None:
    """Content is never set in the italic face, which lacks Greek and Cyrillic: not in a
    picture's caption, not in a routine's title where a question names it."""
    from handbook.commands.printing import load_for_print

    greek, russian = "Χαλάρωση", "Расслабление"
    path = content_dir / "pelvic-floor-down-training.yaml"
    text = path.read_text(encoding="utf-8")
    title = text.splitlines()[1]
    assert title.startswith("title: ")
    path.write_text(text.replace(title, f"title: {greek} pelvic floor", 1), encoding="utf-8")
    (content_dir / "knee.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100"/></svg>',
        encoding="utf-8")
    edit(content_dir / "psoas-release.yaml", "version: 1",
         f"version: 1\npicture: {{file: knee.svg, caption: {russian}}}")
    pdf = render_handbook(load_for_print(content_dir)).data
    assert not [f.name for f in pdfcheck.fonts(pdf) if "It" in f.name.split("+")[-1]]
    text = "\n".join(pdfcheck.page_texts(pdf))
    assert russian in text
    assert text.count(greek) >= 4  # the chapter, its running header, the contents, a question's "see" line


def test_labels_in_another_language_than_the_content_are_warned_about(content_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["card", "psoas-release", "--language", "de"])
    assert result.exit_code == 0
    assert result.stderr == ("warning: --language de: the content is written in English (language: en in "
                             "book.yaml); only the printed labels will be in German\n")
    build = CliRunner().invoke(cli, ["build", "--language", "es"])
    assert build.stderr.startswith("warning: --language es: the content is written in English")
    same = CliRunner().invoke(cli, ["cards", "--language", "en"])
    assert same.exit_code == 0 and same.stderr == ""
