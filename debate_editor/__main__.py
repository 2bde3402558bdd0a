"""`python -m debate_editor` is the same as `debate-editor`."""

import sys

from debate_editor.cli import main

sys.exit(main())
