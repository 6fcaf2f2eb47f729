"""Data access: every query of a resource in one place, scoped to what the caller may see."""
