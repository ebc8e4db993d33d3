"""Structured interviews: kits, scheduling, scorecards, debriefs and interviewer calibration."""
