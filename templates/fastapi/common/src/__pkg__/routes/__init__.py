"""HTTP routes, one module per area; `routers.py` mounts them."""
