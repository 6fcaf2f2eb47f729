"""`/api/v1/items`: its model, schemas, repository and routes."""
