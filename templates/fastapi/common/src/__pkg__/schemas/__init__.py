"""Request and response bodies: what clients send and get, apart from the tables."""
