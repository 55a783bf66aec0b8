"""Course content. Text lives in per-language rows (`…Translation`), unique on (parent, lang),
read through `for_language(lang)`, which falls back to the other language."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

LANGS = ("ko", "en")
LANG_CHOICES = [("ko", _("Korean")), ("en", _("English"))]


class TranslatedMixin:
    """`for_language(lang)` returns the row in `lang`, else the first other one, else None."""

    translations: Any

    def for_language(self, lang: str) -> Any:
        rows = {t.lang: t for t in self.translations.all()}
        if lang in rows:
            return rows[lang]
        for other in LANGS:
            if other in rows:
                return rows[other]
        return None

    def missing_languages(self) -> list[str]:
        have = {t.lang for t in self.translations.all()}
        return [lang for lang in LANGS if lang not in have]


class Course(TranslatedMixin, models.Model):
    slug = models.SlugField(_("slug"), unique=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self) -> str:
        return self.slug


class CourseTranslation(models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="translations")
    lang = models.CharField(_("language"), max_length=5, choices=LANG_CHOICES)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["course", "lang"], name="uniq_course_lang")
        ]
        verbose_name = _("course translation")
        verbose_name_plural = _("course translations")

    def __str__(self) -> str:
        return f"{self.course.slug} [{self.lang}]"


class LessonQuerySet(models.QuerySet["Lesson"]):
    def published(self) -> LessonQuerySet:
        return self.filter(published=True)

    def visible_to(self, user: Any) -> LessonQuerySet:
        if getattr(user, "is_staff", False):
            return self
        return self.published()


class Lesson(TranslatedMixin, models.Model):
    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="lessons")
    slug = models.SlugField(_("slug"), unique=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    published = models.BooleanField(_("published"), default=False)
    folder = models.CharField(
        _("content folder"), max_length=100, blank=True,
        help_text=_("Folder under lessons/content/ this lesson is exported to."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = LessonQuerySet.as_manager()

    class Meta:
        ordering = ["course", "order", "slug"]
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def __str__(self) -> str:
        return self.slug

    def get_absolute_url(self) -> str:
        return reverse("lessons:lesson", kwargs={"slug": self.slug})

    def neighbours(self, user: Any) -> tuple[Lesson | None, Lesson | None]:
        siblings = list(Lesson.objects.visible_to(user).filter(course=self.course))
        idx = next((i for i, s in enumerate(siblings) if s.pk == self.pk), None)
        if idx is None:
            return None, None
        prev = siblings[idx - 1] if idx > 0 else None
        nxt = siblings[idx + 1] if idx + 1 < len(siblings) else None
        return prev, nxt


class LessonTranslation(models.Model):
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="translations")
    lang = models.CharField(_("language"), max_length=5, choices=LANG_CHOICES)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body (Markdown)"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["lesson", "lang"], name="uniq_lesson_lang")
        ]
        verbose_name = _("lesson translation")
        verbose_name_plural = _("lesson translations")

    def __str__(self) -> str:
        return f"{self.lesson.slug} [{self.lang}]"


def figure_upload_to(instance: Figure, filename: str) -> str:
    return f"figures/{instance.lesson.slug}/{instance.name}"


class Figure(models.Model):
    """An image or SVG diagram of a lesson, referenced from Markdown as `figures/<name>`."""

    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="figures")
    name = models.CharField(_("file name"), max_length=120)
    file = models.FileField(_("file"), upload_to=figure_upload_to)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["lesson", "name"], name="uniq_figure_name")
        ]
        verbose_name = _("figure")
        verbose_name_plural = _("figures")

    def __str__(self) -> str:
        return f"{self.lesson.slug}/{self.name}"


class ExerciseQuerySet(models.QuerySet["Exercise"]):
    def published(self) -> ExerciseQuerySet:
        return self.filter(lesson__published=True)


class Exercise(TranslatedMixin, models.Model):
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="exercises")
    slug = models.SlugField(_("slug"), unique=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    starter = models.TextField(_("starter code"), blank=True)
    solution = models.TextField(_("reference solution"), blank=True)
    limits = models.JSONField(_("limits"), default=dict, blank=True)
    checks = models.JSONField(_("checks"), default=list, blank=True)
    # Summary + wall time of the reference's last verified run, for ratio checks.
    reference_summary = models.JSONField(_("reference run summary"), null=True, blank=True)
    reference_run = models.ForeignKey(
        "sandbox.Run", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("reference run"),
    )

    objects = ExerciseQuerySet.as_manager()

    class Meta:
        ordering = ["lesson", "order", "slug"]
        verbose_name = _("exercise")
        verbose_name_plural = _("exercises")

    def __str__(self) -> str:
        return self.slug

    def max_score(self) -> int:
        return sum(int(c.get("points", 1)) for c in self.checks)

    def get_absolute_url(self) -> str:
        return reverse("lessons:lesson", kwargs={"slug": self.lesson.slug}) + f"#ex-{self.slug}"


class ExerciseTranslation(models.Model):
    exercise = models.ForeignKey(Exercise, on_delete=models.CASCADE, related_name="translations")
    lang = models.CharField(_("language"), max_length=5, choices=LANG_CHOICES)
    title = models.CharField(_("title"), max_length=200)
    prompt = models.TextField(_("prompt (Markdown)"), blank=True)
    hints = models.JSONField(_("hints"), default=list, blank=True)
    starter = models.TextField(
        _("starter in this language"), blank=True,
        help_text=_("Leave empty to use the exercise's starter."),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["exercise", "lang"], name="uniq_exercise_lang")
        ]
        verbose_name = _("exercise translation")
        verbose_name_plural = _("exercise translations")

    def __str__(self) -> str:
        return f"{self.exercise.slug} [{self.lang}]"


class GlossaryTerm(TranslatedMixin, models.Model):
    slug = models.SlugField(_("slug"), unique=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self) -> str:
        return self.slug


class GlossaryTranslation(models.Model):
    term = models.ForeignKey(GlossaryTerm, on_delete=models.CASCADE, related_name="translations")
    lang = models.CharField(_("language"), max_length=5, choices=LANG_CHOICES)
    name = models.CharField(_("term"), max_length=120)
    definition = models.TextField(_("definition"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["term", "lang"], name="uniq_term_lang")
        ]
        verbose_name = _("glossary translation")
        verbose_name_plural = _("glossary translations")


class LessonCompletion(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="completions")
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson"], name="uniq_completion")
        ]
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
