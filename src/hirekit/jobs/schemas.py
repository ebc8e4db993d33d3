"""API shapes for jobs, stages and job-post checks."""

from __future__ import annotations

from typing import Any

import marshmallow as ma

from hirekit.jobs.choices import (
    CURRENCIES,
    EmploymentType,
    JobState,
    Level,
    QuestionKind,
    StageKind,
    UseCase,
    Workplace,
)
from hirekit.jobs.models import Job

_SALARY_FIELDS = ("salary_min", "salary_max", "currency")


STAGE_KINDS = [k.value for k in StageKind]


class StageSchema(ma.Schema):
    id = ma.fields.Integer(dump_only=True)
    name = ma.fields.String()
    position = ma.fields.Integer()
    kind = ma.fields.String(
        metadata={"enum": STAGE_KINDS, "description": "what reaching the stage means"}
    )


class TeamMemberSchema(ma.Schema):
    user_id = ma.fields.Integer()
    role = ma.fields.String()
    name = ma.fields.Function(lambda m: m.user.display_name)


class IssueSchema(ma.Schema):
    rule = ma.fields.String()
    quote = ma.fields.String()
    message = ma.fields.String()
    suggestion = ma.fields.String()
    start = ma.fields.Integer(allow_none=True)
    end = ma.fields.Integer(allow_none=True)
    severity = ma.fields.String()
    mistake = ma.fields.String(allow_none=True)


class LintResultSchema(ma.Schema):
    issues = ma.fields.List(ma.fields.Nested(IssueSchema))


class JobSchema(ma.Schema):
    """A job as the API shows it. Salary fields are absent for callers without salary:read."""

    id = ma.fields.Integer(dump_only=True)
    title = ma.fields.String()
    team = ma.fields.String()
    location = ma.fields.String()
    workplace = ma.fields.String(metadata={"enum": [w.value for w in Workplace]})
    employment_type = ma.fields.String(metadata={"enum": [e.value for e in EmploymentType]})
    applicant_regions = ma.fields.String(
        metadata={"description": "where a remote hire may live; empty: anywhere"}
    )
    published_at = ma.fields.DateTime(
        allow_none=True, metadata={"description": "when the job was last opened"}
    )
    use_case = ma.fields.String(metadata={"enum": [u.value for u in UseCase]})
    level = ma.fields.String(metadata={"enum": [lv.value for lv in Level]})
    salary_min = ma.fields.Integer(allow_none=True)
    salary_max = ma.fields.Integer(allow_none=True)
    currency = ma.fields.String()
    description = ma.fields.String()
    confidential = ma.fields.Boolean()
    state = ma.fields.String(metadata={"enum": [s.value for s in JobState]})
    created_at = ma.fields.DateTime()
    updated_at = ma.fields.DateTime()
    stages = ma.fields.List(ma.fields.Nested(StageSchema))
    team_members = ma.fields.List(ma.fields.Nested(TeamMemberSchema), attribute="members")
    check = ma.fields.Nested(LintResultSchema, metadata={"description": "The job-post check"})


def job_view(job: Job, *, with_salary: bool, check: dict[str, Any] | None = None) -> Any:
    """``job``'s values for :class:`JobSchema`, without salary unless ``with_salary``.

    A key left out is left out of the response too, which is how salaries stay hidden.
    """
    data: dict[str, Any] = {
        name: getattr(job, field.attribute or name)
        for name, field in JobSchema._declared_fields.items()
        if name != "check"
    }
    data["members"] = data.pop("team_members")
    if not with_salary:
        for name in _SALARY_FIELDS:
            data.pop(name, None)
    if check is not None:
        data["check"] = check
    return data


class JobWriteSchema(ma.Schema):
    title = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=160))
    use_case = ma.fields.String(
        required=True, validate=ma.validate.OneOf([u.value for u in UseCase])
    )
    level = ma.fields.String(required=True, validate=ma.validate.OneOf([lv.value for lv in Level]))
    team = ma.fields.String(validate=ma.validate.Length(max=120))
    location = ma.fields.String(validate=ma.validate.Length(max=120))
    workplace = ma.fields.String(validate=ma.validate.OneOf([w.value for w in Workplace]))
    employment_type = ma.fields.String(
        validate=ma.validate.OneOf([e.value for e in EmploymentType])
    )
    applicant_regions = ma.fields.String(validate=ma.validate.Length(max=200))
    salary_min = ma.fields.Integer(allow_none=True, validate=ma.validate.Range(min=0))
    salary_max = ma.fields.Integer(allow_none=True, validate=ma.validate.Range(min=0))
    currency = ma.fields.String(validate=ma.validate.OneOf(CURRENCIES))
    description = ma.fields.String(validate=ma.validate.Length(max=20_000))
    confidential = ma.fields.Boolean()
    hiring_manager_id = ma.fields.Integer(allow_none=True)
    recruiter_ids = ma.fields.List(ma.fields.Integer())
    interviewer_ids = ma.fields.List(ma.fields.Integer())


class JobPatchSchema(JobWriteSchema):
    """Every field optional: use with ``partial=True``; absent fields stay as they are."""


class JobListArgsSchema(ma.Schema):
    state = ma.fields.String(validate=ma.validate.OneOf([s.value for s in JobState]))


class JobStateSchema(ma.Schema):
    state = ma.fields.String(required=True, validate=ma.validate.OneOf([s.value for s in JobState]))


class StageWriteSchema(ma.Schema):
    id = ma.fields.Integer(
        metadata={"description": "an existing stage's id (renaming keeps it); leave out to add"}
    )
    name = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=60))
    kind = ma.fields.String(required=True, validate=ma.validate.OneOf(STAGE_KINDS))


class RelocationSchema(ma.Schema):
    from_stage_id = ma.fields.Integer(required=True, metadata={"description": "a removed stage"})
    to_stage_id = ma.fields.Integer(required=True, metadata={"description": "a kept stage"})


class StagesWriteSchema(ma.Schema):
    stages = ma.fields.List(
        ma.fields.Nested(StageWriteSchema),
        required=True,
        metadata={
            "description": "The stages in order, each with its kind (exactly one hired; "
            "the first active or interview); a stage left out is removed"
        },
    )
    relocate = ma.fields.List(
        ma.fields.Nested(RelocationSchema),
        load_default=list,
        metadata={"description": "Where the applications of a removed stage go first"},
    )


class LintRequestSchema(ma.Schema):
    text = ma.fields.String(required=True, validate=ma.validate.Length(max=20_000))
    title = ma.fields.String(
        validate=ma.validate.Length(max=200),
        metadata={"description": "the job's title; without it, the text's first line is"},
    )
    level = ma.fields.String(validate=ma.validate.OneOf([lv.value for lv in Level]))
    use_case = ma.fields.String(validate=ma.validate.OneOf([u.value for u in UseCase]))
    salary_min = ma.fields.Integer(allow_none=True, validate=ma.validate.Range(min=0))
    salary_max = ma.fields.Integer(allow_none=True, validate=ma.validate.Range(min=0))
    currency = ma.fields.String(validate=ma.validate.Length(equal=3))


class QuestionSchema(ma.Schema):
    id = ma.fields.Integer(dump_only=True)
    position = ma.fields.Integer(dump_only=True)
    label = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=300))
    kind = ma.fields.String(
        load_default=QuestionKind.TEXT.value,
        validate=ma.validate.OneOf([k.value for k in QuestionKind]),
    )
    required = ma.fields.Boolean(load_default=False)
    options = ma.fields.List(
        ma.fields.String(validate=ma.validate.Length(max=120)),
        load_default=list,
        metadata={"description": "the choices of a choice question"},
    )
    knockout_answers = ma.fields.List(
        ma.fields.String(validate=ma.validate.Length(max=120)),
        load_default=list,
        metadata={"description": "yes/no or choice answers that knock an application out"},
    )
    knockout_below = ma.fields.Float(
        load_default=None, allow_none=True, metadata={"description": "number questions"}
    )
    knockout_above = ma.fields.Float(
        load_default=None, allow_none=True, metadata={"description": "number questions"}
    )
