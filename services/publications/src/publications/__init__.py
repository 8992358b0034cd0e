"""ALGA Campus publications: the academy's library (port 8005)."""
