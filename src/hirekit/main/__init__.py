"""The home page, health probes and the browsable API reference."""
