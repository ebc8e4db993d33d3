"""The candidates' rules: who may see whom and changing their records, applications through a
job's pipeline, blind review, merging two records, the timeline, rejection and bulk emails."""
