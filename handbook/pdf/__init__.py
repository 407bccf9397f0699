"""The only code below reportlab's public API: fast text and card operators, font subsets, the
document's date and stream encoding.

Private names of reportlab change without notice between releases, so this package
refuses to run on a reportlab release it was not tested with: the range below is the one
pyproject.toml states, and `.ci/run --latest` is where a new release is tried first.
Everything above this package (`handbook.layout`) uses reportlab's public API only.
"""

from __future__ import annotations

import reportlab

from handbook.errors import HandbookError

TESTED = ((4, 4, 10), (5, 1))  # the oldest release and the newest minor release the suite has passed on
REQUIREMENT = "reportlab>=4.4.10,<5.2"  # as in pyproject.toml (a test keeps the two alike)


def is_tested(version: str) -> bool:
    """Whether reportlab `version` ("5.1.0") is in the tested range of minor releases."""
    try:
        parts = tuple(int(part) for part in version.split(".")[:3])
    except ValueError:
        return False
    return TESTED[0] <= parts and parts[:2] <= TESTED[1]


class UntestedReportlab(HandbookError):
    """The installed reportlab is outside the tested range."""


def check_reportlab(version: str = reportlab.Version) -> None:
    """Refuse an untested reportlab, with the command that installs a tested one."""
    if not is_tested(version):
        low, high = (".".join(map(str, v)) for v in TESTED)
        raise UntestedReportlab(f"reportlab {version} is installed, but handbook is tested with reportlab {low} to "
                                f"{high} only; install a tested one: python3 -m pip install '{REQUIREMENT}'")


check_reportlab()
