"""ALGA Campus notifications: e-mails and in-app notices, fed by the other services' events."""
