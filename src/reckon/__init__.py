"""reckon: turn reports of armed violence into an auditable incident record."""

__version__ = "0.1.0"
