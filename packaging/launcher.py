"""The bundle's entry point: the same as the `debate-editor` command."""

import sys

from debate_editor.cli import main

if __name__ == "__main__":
    sys.exit(main())
