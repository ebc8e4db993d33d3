"""The take-home rules: submissions and their review, assignments and their versions,
invitations, reviewers' assessments, sandboxed test runs and the feedback a candidate gets."""
