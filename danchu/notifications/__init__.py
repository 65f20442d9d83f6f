"""Notifications: one model for every notice danchu sends a person (in the app and by e-mail).

Low level: it knows organisations and users, never the registers; the apps call `actions.notify`
with one of the kinds they declare in their own `notifications.py` (see kinds.py)."""
