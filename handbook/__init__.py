"""handbook: plain YAML exercise routines and FAQs into print-ready PDF handouts."""

__version__ = "0.1.0"
# The languages the printed labels come in (their words: `handbook.model.labels`). Here, so the
# command line names them without importing the model: `handbook --version` stays quick.
LANGUAGES = ("en", "es", "fr", "de")

__all__ = ["LANGUAGES", "__version__"]
