"""The jobs' rules: who may see which job and changing them, their pipeline stages and the
questions their application form asks."""
