"""Qt widgets: the main window and its views. The only layer (with render/) that imports Qt."""
