"""Candidates: people, their applications to jobs, notes and the timeline of events."""
