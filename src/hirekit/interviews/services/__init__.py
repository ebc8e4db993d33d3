"""The interviews' rules: who may see and change what, and each use case the pages, the API
and the commands carry out (scheduling, cancelling, scorecards, kits, debriefs, reminders)."""
