"""Narrowing a guide's question bank by use case, topic and free text."""

from __future__ import annotations

from dataclasses import dataclass

from hirekit.engines.guide import Guide, Question


@dataclass(frozen=True)
class QuestionFilter:
    use_case: str = ""
    topic: str = ""
    text: str = ""

    def apply(self, guide: Guide) -> list[Question]:
        words = self.text.lower().split()
        found = []
        for question in guide.questions:
            if self.use_case and self.use_case not in question.use_cases:
                continue
            if self.topic and question.topic != self.topic:
                continue
            haystack = " ".join(
                (question.text, question.topic, question.junior, question.senior)
            ).lower()
            if all(word in haystack for word in words):
                found.append(question)
        return found
