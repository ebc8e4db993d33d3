"""hirekit: a self-hosted hiring platform for teams hiring Flask developers."""
