"""Your history in SQLite, its migrations, and export/import."""
