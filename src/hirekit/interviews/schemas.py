"""API shapes for kits, interviews, scorecards and debriefs."""

from __future__ import annotations

import marshmallow as ma

RATING = ma.validate.Range(min=1, max=4)


class KitQuestionSchema(ma.Schema):
    id = ma.fields.Integer()
    part_id = ma.fields.Integer(allow_none=True)
    position = ma.fields.Integer()
    guide_id = ma.fields.String()
    question = ma.fields.String(attribute="text")
    topic = ma.fields.String()
    use_cases = ma.fields.List(ma.fields.String())
    junior = ma.fields.String()
    senior = ma.fields.String()
    red_flag = ma.fields.String()


class KitPartSchema(ma.Schema):
    id = ma.fields.Integer()
    name = ma.fields.String()
    position = ma.fields.Integer()
    attributes = ma.fields.List(ma.fields.String())


class KitSchema(ma.Schema):
    id = ma.fields.Integer()
    job_id = ma.fields.Integer()
    use_case = ma.fields.String()
    level = ma.fields.String()
    focus = ma.fields.String()
    red_flag = ma.fields.String()
    parts = ma.fields.List(ma.fields.Nested(KitPartSchema))
    questions = ma.fields.List(ma.fields.Nested(KitQuestionSchema))


class PanelistSchema(ma.Schema):
    scorecard_id = ma.fields.Integer(attribute="id")
    interviewer_id = ma.fields.Integer()
    name = ma.fields.String(attribute="interviewer.display_name")
    status = ma.fields.String()


class InterviewSchema(ma.Schema):
    id = ma.fields.Integer()
    job_id = ma.fields.Integer()
    candidate_id = ma.fields.Integer()
    candidate_name = ma.fields.String(attribute="candidate.name")
    part_id = ma.fields.Integer(allow_none=True)
    title = ma.fields.String()
    starts_at = ma.fields.AwareDateTime()
    duration_minutes = ma.fields.Integer()
    location = ma.fields.String()
    video_link = ma.fields.String()
    status = ma.fields.String()
    panel = ma.fields.List(ma.fields.Nested(PanelistSchema), attribute="scorecards")


class CancelSchema(ma.Schema):
    reason = ma.fields.String(load_default="", validate=ma.validate.Length(max=500))


class ScheduleSchema(ma.Schema):
    candidate_id = ma.fields.Integer(required=True)
    part_id = ma.fields.Integer(load_default=None, allow_none=True)
    interviewer_ids = ma.fields.List(ma.fields.Integer(), required=True)
    starts_at = ma.fields.AwareDateTime(required=True)
    duration_minutes = ma.fields.Integer(load_default=60)
    location = ma.fields.String(load_default="")
    video_link = ma.fields.String(load_default="")


class AnswerSchema(ma.Schema):
    question_id = ma.fields.Integer(required=True)
    rating = ma.fields.Integer(load_default=None, allow_none=True, validate=RATING)
    notes = ma.fields.String(load_default="")


class TailoredAnswerSchema(ma.Schema):
    key = ma.fields.String(
        required=True,
        validate=ma.validate.Regexp(r"^t:[0-9a-f]{12}$"),
        metadata={"description": "a tailored question's key, as in the scorecard's answers"},
    )
    rating = ma.fields.Integer(load_default=None, allow_none=True, validate=RATING)
    notes = ma.fields.String(load_default="")


class ScorecardWriteSchema(ma.Schema):
    answers = ma.fields.List(ma.fields.Nested(AnswerSchema), load_default=list)
    tailored = ma.fields.List(
        ma.fields.Nested(TailoredAnswerSchema),
        load_default=list,
        metadata={"description": "ratings of the questions tailored to this candidate"},
    )
    attributes = ma.fields.Dict(
        keys=ma.fields.String(),
        values=ma.fields.Integer(allow_none=True, validate=RATING),
        load_default=dict,
    )
    recommendation = ma.fields.String(load_default="")
    key_points = ma.fields.String(load_default="")
    submit = ma.fields.Boolean(load_default=False)


class ScorecardSchema(ma.Schema):
    id = ma.fields.Integer()
    interview_id = ma.fields.Integer()
    interviewer_id = ma.fields.Integer()
    interviewer_name = ma.fields.String(attribute="interviewer.display_name")
    status = ma.fields.String()
    answers = ma.fields.Dict(
        metadata={
            "description": "kit question id, or t:<hash> for a tailored question (with its "
            "text), -> rating and notes"
        }
    )
    attribute_ratings = ma.fields.Dict()
    recommendation = ma.fields.String()
    key_points = ma.fields.String()
    submitted_at = ma.fields.AwareDateTime(allow_none=True)


class DriverSchema(ma.Schema):
    question_id = ma.fields.String()
    label = ma.fields.String()
    mean = ma.fields.Float()
    weight = ma.fields.Float()
    ratings = ma.fields.Integer()
    anchor = ma.fields.String()


class EstimateSchema(ma.Schema):
    level = ma.fields.String()
    score = ma.fields.Float()
    confidence = ma.fields.Float()
    confidence_label = ma.fields.String()
    drivers = ma.fields.List(ma.fields.Nested(DriverSchema))


class SpreadSchema(ma.Schema):
    item = ma.fields.String()
    ratings = ma.fields.List(ma.fields.Tuple((ma.fields.String(), ma.fields.Integer())))
    low = ma.fields.Integer()
    high = ma.fields.Integer()
    mean = ma.fields.Float()
    spread = ma.fields.Integer()
    disagreement = ma.fields.Boolean()


class DebriefSchema(ma.Schema):
    summary = ma.fields.String(metadata={"description": "the debrief in plain words"})
    job_id = ma.fields.Integer(attribute="job.id")
    candidate_id = ma.fields.Integer(attribute="candidate.id")
    scorecards = ma.fields.List(ma.fields.Nested(ScorecardSchema))
    pending = ma.fields.List(ma.fields.Nested(PanelistSchema))
    question_spreads = ma.fields.List(ma.fields.Nested(SpreadSchema))
    attribute_spreads = ma.fields.List(ma.fields.Nested(SpreadSchema))
    estimate = ma.fields.Nested(EstimateSchema)
    decision = ma.fields.Method("_decision")

    def _decision(self, debrief: object) -> dict[str, str] | None:
        d = getattr(debrief, "decision", None)
        return {"decision": d.decision, "reason": d.reason} if d is not None else None
