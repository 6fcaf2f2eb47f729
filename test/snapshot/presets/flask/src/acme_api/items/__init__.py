"""`/api/v1/items`: the items resource, its model, schemas, repository and routes."""
