"""What marks a `.debate` file as ours and which schema it has: constants without
SQLAlchemy, so that opening and reading a file never waits for it to be imported
(README, "Performance")."""

APPLICATION_ID = 0x44624564
"""`PRAGMA application_id` of every .debate file ("DbEd"): how we know a file is ours."""

SCHEMA_VERSION = 3
"""`PRAGMA user_version` this program writes; older files are upgraded on open
(README, "The .debate file": 2 keeps a link's premises in `premises`, 3 the user's own
marks on claims and links)."""
