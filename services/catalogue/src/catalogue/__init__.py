"""ALGA Campus catalogue: the Executive Master, the ALGA Colleges, sessions, events, themes."""
