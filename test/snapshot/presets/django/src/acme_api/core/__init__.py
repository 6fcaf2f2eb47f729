"""What every feature builds on: settings, logging, errors, the database, the web plumbing."""
