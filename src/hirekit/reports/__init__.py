"""Hiring analytics: every figure is aggregated in SQL from stored events, never counted aside."""
