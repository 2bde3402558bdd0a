"""Text formats in and out. Pure Python. Importing this package registers nothing: the
registry imports each format the first time a format is asked for, so a window that
never imports or exports does not load them (README, "Performance")."""
