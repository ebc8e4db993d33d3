"""The public careers page: open jobs, their descriptions, and applying with a resume."""
