"""Outgoing webhooks: signed JSON posts to subscribers when applications change."""
