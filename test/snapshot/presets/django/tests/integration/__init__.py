"""Integration tests: the app through a test client, on a fresh database per test."""
