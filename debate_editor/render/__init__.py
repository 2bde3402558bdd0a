"""Drawing the map without widgets: PDF, PNG, SVG (QtGui only)."""
