"""Jobs: the roles a team hires for, their hiring team, pipeline stages and post checks."""
