"""Runs and their stored trace. A submission is a Run of kind `submission` with a grade."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RunQuerySet(models.QuerySet["Run"]):
    def pending(self) -> RunQuerySet:
        return self.filter(status__in=Run.PENDING)

    def submissions(self) -> RunQuerySet:
        return self.filter(kind=Run.Kind.SUBMISSION)


class Run(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        OK = "ok", _("done")
        ERROR = "error", _("error")
        TIMEOUT = "timeout", _("timeout")
        LIMIT = "limit", _("limit")
        KILLED = "killed", _("killed")

    class Kind(models.TextChoices):
        RUN = "run", _("run")
        SUBMISSION = "submission", _("submission")
        CHECK = "check", _("check")
        VERIFY = "verify", _("verify")

    PENDING = (Status.QUEUED, Status.RUNNING)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.RUN)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
        related_name="runs", verbose_name=_("owner"),
    )
    session_key = models.CharField(_("session"), max_length=64, blank=True, db_index=True)
    exercise = models.ForeignKey(
        "lessons.Exercise", null=True, blank=True, on_delete=models.CASCADE,
        related_name="runs", verbose_name=_("exercise"),
    )
    code = models.TextField(_("code"))
    lang = models.CharField(_("language"), max_length=5, default="ko")
    limits = models.JSONField(_("limits"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    message = models.TextField(_("message"), blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    worker = models.CharField(_("worker"), max_length=200, blank=True)
    exit_code = models.IntegerField(_("exit code"), null=True, blank=True)
    wall_s = models.FloatField(_("wall time (s)"), null=True, blank=True)
    cpu_s = models.FloatField(_("CPU time (s)"), null=True, blank=True)
    summary = models.JSONField(_("summary"), null=True, blank=True)
    event_count = models.PositiveIntegerField(_("events"), default=0)
    score = models.IntegerField(_("score"), null=True, blank=True)
    max_score = models.IntegerField(_("max score"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)
    grade = models.JSONField(_("grade"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("heartbeat"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = RunQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["exercise", "owner", "kind"])]
        verbose_name = _("run")
        verbose_name_plural = _("runs")

    def __str__(self) -> str:
        return f"{self.kind} {self.id} ({self.status})"

    @property
    def is_final(self) -> bool:
        return self.status not in self.PENDING

    @property
    def ends_with_grade(self) -> bool:
        """Submissions and prechecks end with a `grade` event after `run.end`."""
        return self.kind in (self.Kind.SUBMISSION, self.Kind.CHECK)

    @property
    def ws_path(self) -> str:
        return f"/ws/runs/{self.id}/"

    def queue_position(self) -> int | None:
        if self.status != self.Status.QUEUED:
            return None
        return Run.objects.filter(status=self.Status.QUEUED, created_at__lt=self.created_at).count() + 1

    def events(self) -> list[dict[str, Any]]:
        return [e.data for e in self.trace.order_by("seq")]


class RunEvent(models.Model):
    run = models.ForeignKey(Run, on_delete=models.CASCADE, related_name="trace")
    seq = models.PositiveIntegerField()
    data = models.JSONField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "seq"], name="uniq_run_seq")]
        ordering = ["run", "seq"]
        verbose_name = _("run event")
        verbose_name_plural = _("run events")
