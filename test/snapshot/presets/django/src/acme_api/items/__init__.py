"""`/api/v1/items`: a Django app of its own."""
