"""Sections of the text catalogue (see flows/catalogue.py). One module per area."""
