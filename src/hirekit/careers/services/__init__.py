"""The careers rules: which jobs are public and what their postings say, taking an application,
and the look of the public pages."""
