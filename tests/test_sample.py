"""The bundled content: valid, complete, in sync with its copies, and not copied from its sources."""

from __future__ import annotations

import filecmp
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from handbook.commands.check import check
from handbook.commands.scaffold import schema_text
from handbook.content.loader import load_content
from handbook.content.yamlread import Node, read_yaml
from handbook.model import Content
from tests.conftest import BUNDLED, REPO

PACKAGED = REPO / "handbook" / "sample"
SEEDS = REPO.parent / "shared" / "seeds"
SYNC = "run 'python scripts/sync_sample.py'"



@pytest.fixture(scope="module")
def bundled_content() -> Content:
    """The live content folder, routines/: what `handbook build` prints out of the box."""
    return load_content(BUNDLED)

def test_bundled_content_passes_check_and_says_it_is_not_ready_to_hand_out() -> None:
    """No error; the warnings say why it is not ready yet: the sample names no real reviewer."""
    report = check(BUNDLED)
    assert report.ok
    awaiting = ("warning: reviewed.by: is the sample's placeholder, not a clinician; name the clinician who checked "
                "this content (until then every printout says \"Not yet reviewed by a clinician\")")
    assert [str(p) for p in report.problems] == [
        f"routines/book.yaml:16:7: {awaiting}",
        f"routines/pelvic-floor-down-training.yaml:53:16: {awaiting}",
        f"routines/psoas-foam-roller.yaml:45:16: {awaiting}",
        f"routines/psoas-release.yaml:53:16: {awaiting}",
        f"routines/psoas-rest-positions.yaml:37:16: {awaiting}",
    ]
    # every card prints everything, on the fewest sides; in large print on A4 and Letter too
    assert report.card_sides is not None
    for slug, said in report.card_sides.items():
        assert "too long" not in said[0], slug
        assert "too long" not in said[1].split(", A5")[0], slug
    assert not check(BUNDLED, strict=True).ok  # --strict: not ready
    assert (report.routines, report.topics) == (4, 2)


def test_packaged_sample_is_identical_to_routines() -> None:
    def tree(root: Path) -> list[str]:
        return sorted(str(p.relative_to(root)) for p in root.rglob("*") if "__pycache__" not in p.parts)

    assert tree(PACKAGED) == tree(BUNDLED), SYNC
    for name in tree(BUNDLED):
        if (BUNDLED / name).is_file():
            assert filecmp.cmp(BUNDLED / name, PACKAGED / name, shallow=False), f"{name} differs; {SYNC}"


@pytest.mark.parametrize("kind", ["routine", "faq", "book", "plan"])
def test_schema_files_match_the_field_tables(kind: str) -> None:
    written = (BUNDLED / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert written == schema_text(kind), SYNC


def plain(node: Node) -> Any:
    if node.kind == "map":
        return {key: plain(entry.value) for key, entry in node.value.items()}
    if node.kind == "seq":
        return [plain(item) for item in node.value]
    return node.value


def content_files() -> list[tuple[str, Path]]:
    files = [("book", BUNDLED / "book.yaml")]
    files += [("routine", p) for p in sorted(BUNDLED.glob("*.yaml")) if p.name != "book.yaml"]
    files += [("faq", p) for p in sorted((BUNDLED / "faq").glob("*.yaml"))]
    return files


@pytest.mark.parametrize(("kind", "path"), content_files(), ids=lambda v: getattr(v, "name", v))
def test_bundled_files_validate_against_the_json_schema_and_name_it(kind: str, path: Path) -> None:
    doc = read_yaml(path)
    assert doc.root is not None
    schema = json.loads((BUNDLED / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(plain(doc.root), schema)
    first = path.read_text(encoding="utf-8").splitlines()[0]
    prefix = "../" if kind == "faq" else ""
    assert first == f"# yaml-language-server: $schema={prefix}schema/{kind}.schema.json"


def test_the_json_schema_rejects_what_the_loader_rejects() -> None:
    schema = json.loads(schema_text("routine"))
    doc = read_yaml(BUNDLED / "psoas-release.yaml")
    assert doc.root is not None
    good = plain(doc.root)
    for broken in (
        {**good, "stop_if": []},
        {**good, "colour": "red"},
        {**good, "version": 0},
        {**good, "dose": {**good["dose"], "hold_seconds": 0}},
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


def test_every_routine_is_complete(bundled_content: Content) -> None:
    assert [r.slug for r in bundled_content.routines] == [
        "pelvic-floor-down-training",
        "psoas-release",
        "psoas-rest-positions",
        "psoas-foam-roller",
    ]
    for routine in bundled_content.routines:
        assert routine.summary and routine.when and routine.steps and routine.stop_if and routine.sources
        assert routine.tips and routine.avoid, routine.slug
        assert len(routine.steps) <= 7, routine.slug
        assert any(
            s.title.startswith(("Pelvic Floor Muscle Spasm", "How do you stop a psoas spasm")) for s in routine.sources
        )


def test_the_disagreement_on_stretching_a_painful_psoas_is_said_plainly(bundled_content: Content) -> None:
    caution = bundled_content.routine("psoas-release").caution or ""
    assert "does not agree" in caution or "disagree" in caution
    assert "physio" in caution


def test_kegel_squeezing_is_what_to_avoid_in_down_training(bundled_content: Content) -> None:
    avoid = " ".join(bundled_content.routine("pelvic-floor-down-training").avoid)
    assert "Kegel" in avoid


def test_the_lunge_prints_no_dose_from_another_answer(bundled_content: Content) -> None:
    """6 to 8 weeks is the source's time for hip-extension stretching in iliopsoas bursitis, not for this lunge;
    and the lunge answer names one hip, not both sides."""
    dose = bundled_content.routine("psoas-release").dose
    assert dose.weeks is None
    assert not dose.per_side


def test_the_foam_roller_gives_no_placement_and_keeps_pressure_off_the_groin(bundled_content: Content) -> None:
    """The source says where it is tender, not where to put the roller: no placement in words or in a picture."""
    roller = bundled_content.routine("psoas-foam-roller")
    assert roller.picture is None and all(step.picture is None for step in roller.steps)
    assert "hip" not in " ".join(step.text for step in roller.steps)
    assert any("groin" in advice for advice in roller.clinic_advice)


def test_the_warm_pack_comes_with_the_clinics_burn_advice(bundled_content: Content) -> None:
    advice = " ".join(bundled_content.routine("pelvic-floor-down-training").clinic_advice)
    for words in ("not hot", "cloth", "20 minutes", "asleep"):
        assert words in advice


def strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return [value] if isinstance(value, str) else []


def test_every_sentence_is_under_20_words_source_notes_included() -> None:
    from handbook.checks.readability import sentences, word_count

    long = []
    for _, path in content_files():
        doc = read_yaml(path)
        assert doc.root is not None
        long += [(path.name, s) for text in strings(plain(doc.root)) for s in sentences(text) if word_count(s) >= 20]
    assert long == []


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'"))


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the checkout")
def test_no_run_of_eight_words_is_copied_from_the_sources() -> None:
    seeds = [words(p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    runs = {tuple(seed[i : i + 8]) for seed in seeds for i in range(len(seed) - 7)}
    copied = []
    for _, path in content_files():
        ours = words(path.read_text(encoding="utf-8"))
        copied += [
            (path.name, " ".join(ours[i : i + 8])) for i in range(len(ours) - 7) if tuple(ours[i : i + 8]) in runs
        ]
    assert copied == []


def test_the_dose_never_says_the_same_thing_twice(bundled_content: Content) -> None:
    from handbook.model.words import dose_sentences

    for routine in bundled_content.routines:
        sentences = [s for line in dose_sentences(routine.dose) for s in line.split(". ") if s]
        assert len(sentences) == len({s.rstrip(".") for s in sentences}), routine.slug
