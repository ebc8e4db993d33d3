"""The mail rules: the outbox (record a message, deliver it in the background) and the
editable templates."""
