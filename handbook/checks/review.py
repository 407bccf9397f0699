"""Clinical sign-off: a warning wherever the reviewer is still the sample's placeholder, or the
clinic has named no red flags.

The printout is only handed out once a clinician has checked it; until book.yaml (and any
routine with a review of its own) names one, `handbook check` warns, `--strict` fails,
and the handbook and the cards say "Not yet reviewed by a clinician".
"""

from __future__ import annotations

from handbook.errors import Problem
from handbook.model import Content, Review, Where

MESSAGE = ("is the sample's placeholder, not a clinician; name the clinician who checked this content "
           "(until then every printout says \"Not yet reviewed by a clinician\")")


RED_FLAGS = ("none given; list the signs to call about at once (they print in every stop box of the "
             "handbook, and on each card with room, beside the clinic's phone)")


def review_warnings(content: Content) -> list[Problem]:
    """A warning at each `reviewed.by` that is still the sample's placeholder, and when book.yaml
    lists no red flags."""
    reviews: list[tuple[Review, Where]] = [(content.book.reviewed, content.book.where("reviewed.by"))]
    reviews += [(r.reviewed, r.where("reviewed.by")) for r in content.routines if r.reviewed is not None]
    problems = [Problem(place.path, place.line, place.col, "reviewed.by", MESSAGE, "warning")
                for review, place in reviews if review.placeholder]
    place = content.book.where("red_flags")
    if not content.book.red_flags:
        problems.append(Problem(place.path, place.line, place.col, "red_flags", RED_FLAGS, "warning"))
    return problems
