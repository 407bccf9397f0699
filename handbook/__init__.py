"""handbook: plain YAML exercise routines and FAQs into print-ready PDF handouts."""

__version__ = "0.1.0"

__all__ = ["__version__"]
