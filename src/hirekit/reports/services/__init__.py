"""The reports' use cases: build a report's figures for a reader (stored or fresh), the
index headline, storing the heavy figures ahead of time, and the self-identification questions
and answers. The figure modules beside this package (funnel, time_to_hire...) only compute."""
