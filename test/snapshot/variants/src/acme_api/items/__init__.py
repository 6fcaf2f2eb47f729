%%% if orm=sqlalchemy
"""`/api/v1/items`: its model, schemas, repository and routes."""
%%% end
%%% if orm=django
"""`/api/v1/items`: a Django app of its own."""
%%% end
