"""People who use hirekit: sign-in, roles and permissions, API tokens."""
