%%% if auth=none
"""Queries of `items`.
%%% end
%%% if auth=jwt | auth=session | auth=oauth
"""Queries of `items`, scoped to one owner unless the caller sees all.
%%% end

Writes only flush: the caller's unit of work (one per request) commits.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from .models import Item


class ItemRepository:
%%% if auth=none
    def __init__(self, session: Session) -> None:
%%% end
%%% if auth=jwt | auth=session | auth=oauth
    def __init__(self, session: Session, owner_id: int | None) -> None:
        """`owner_id=None` sees every owner's rows (an admin); otherwise only that owner's."""
%%% end
        self.session = session
%%% if auth=none
        # Without users every row is everyone's: there is no owner to scope by.
        self.owner_id: int | None = None
%%% end
%%% if auth=jwt | auth=session | auth=oauth
        self.owner_id = owner_id
%%% end

    def _scoped(self, query: Select[Any]) -> Select[Any]:
%%% if auth=none
        return query
%%% end
%%% if auth=jwt | auth=session | auth=oauth
        if self.owner_id is None:
            return query
        return query.where(Item.owner_id == self.owner_id)
%%% end

    def page(self, limit: int, offset: int) -> tuple[Sequence[Item], int]:
        """One page ordered by id, and the total: two queries whatever the page size."""
        ordered = select(Item).order_by(Item.id)
        rows = self.session.scalars(self._scoped(ordered).limit(limit).offset(offset)).all()
        counted = select(func.count(Item.id))
        total = self.session.scalar(self._scoped(counted))
        return rows, total or 0

    def get(self, row_id: int) -> Item | None:
        query = select(Item).filter_by(id=row_id)
        return self.session.scalars(self._scoped(query)).one_or_none()

    def add(self, values: dict[str, Any]) -> Item:
        item = Item(**values)
        self.session.add(item)
        self.session.flush()
        return item

    def update(
        self,
        item: Item,
        changes: dict[str, Any],
    ) -> Item:
        for name, value in changes.items():
            setattr(item, name, value)
        self.session.flush()
        return item

    def delete(self, item: Item) -> None:
        self.session.delete(item)
        self.session.flush()
