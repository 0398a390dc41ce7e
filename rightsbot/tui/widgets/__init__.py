"""Widgets, grouped by the area of the app they belong to."""
