"""Email: editable templates, the outbox, and the transports that deliver it."""
