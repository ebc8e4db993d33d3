"""Resumes: uploads, text extraction and screening results per candidate."""
