"""ALGA Campus enrollment service."""
