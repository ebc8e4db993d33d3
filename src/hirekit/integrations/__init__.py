"""Integrations: outgoing webhooks, signed and retried through the queue."""
