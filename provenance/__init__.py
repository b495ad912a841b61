"""provenance: audit how news is sourced, who says what in an article and on whose word."""

__version__ = "0.1.0"
