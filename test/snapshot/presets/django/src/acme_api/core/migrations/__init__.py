"""The project's own migrations: the steps an option change or `remove resource` adds."""
