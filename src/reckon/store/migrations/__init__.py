"""Alembic migration scripts for the reckon store (run programmatically by ``open_store``)."""
