"""The append-only, hash-chained audit log of sensitive actions."""
