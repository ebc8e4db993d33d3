"""Events reach every subscriber once, with their typed payload."""

from __future__ import annotations

from hirekit import events


def test_a_receiver_connected_twice_is_called_once_with_the_payload() -> None:
    seen: list[events.CandidateErased] = []

    def receiver(payload: events.CandidateErased) -> None:
        seen.append(payload)

    events.candidate_erased.connect(receiver)
    events.candidate_erased.connect(receiver)  # init_app runs once per application
    try:
        events.candidate_erased.send(events.CandidateErased(41))
    finally:
        events.candidate_erased.disconnect(receiver)
    events.candidate_erased.send(events.CandidateErased(42))
    assert seen == [events.CandidateErased(41)]
