"""The archive's records: articles, the quotes they carry, who said them, and the countries they mention.

Every model loaded from fixtures has a natural key backed by a named unique constraint, so fixtures
never depend on primary keys and loading the same fixture twice adds nothing.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, ProtectedError, Q
from django.db.models.signals import post_save, pre_delete, pre_save
from django.dispatch import receiver

from statements.history import ArchiveHistory
from statements.querysets import ArticleQuerySet, QuoteQuerySet
from statements.urls_cache import detail_url


class NaturalKeyManager(models.Manager):
    """Looks records up by the fields named in the model's `natural_key_fields`."""

    def get_by_natural_key(self, *key):
        return self.get(**dict(zip(self.model.natural_key_fields, key, strict=True)))


class Country(models.Model):
    code = models.CharField("ISO 3166 alpha-2 code", max_length=2, help_text="For example RU, IR, US.")
    name = models.CharField(max_length=100)

    natural_key_fields = ("code",)
    objects = NaturalKeyManager()
    history = ArchiveHistory()

    class Meta:
        ordering = ["name", "code"]
        verbose_name_plural = "countries"
        constraints = [models.UniqueConstraint(fields=["code"], name="country_code_unique")]
        indexes = [models.Index(fields=["name"], name="country_name_idx")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return detail_url("statements:country-detail", self.code)

    def natural_key(self):
        return (self.code,)


class Agency(models.Model):
    class Kind(models.TextChoices):
        FEDERAL_AGENCY = "federal_agency", "Federal agency"
        MILITARY = "military", "Military"
        INTELLIGENCE = "intelligence", "Intelligence"
        LEGISLATURE = "legislature", "Legislature"
        EXECUTIVE_OFFICE = "executive_office", "Executive office"
        ASSOCIATION = "association", "Association"
        COMPANY = "company", "Company"
        FOREIGN_GOVERNMENT = "foreign_government", "Foreign government"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, help_text="The full name, e.g. Federal Bureau of Investigation.")
    acronym = models.CharField(max_length=30, blank=True, help_text="e.g. FBI; empty when none is used.")
    slug = models.SlugField(max_length=200)
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.OTHER)
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, related_name="agencies"
    )

    natural_key_fields = ("slug",)
    objects = NaturalKeyManager()
    history = ArchiveHistory()

    class Meta:
        ordering = ["name", "slug"]
        verbose_name_plural = "agencies"
        constraints = [models.UniqueConstraint(fields=["slug"], name="agency_slug_unique")]
        indexes = [
            models.Index(fields=["acronym"], name="agency_acronym_idx"),
            models.Index(fields=["kind"], name="agency_kind_idx"),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return detail_url("statements:agency-detail", self.slug)

    def natural_key(self):
        return (self.slug,)


class Official(models.Model):
    name = models.CharField(max_length=200, help_text="The fullest form of the name the sources give.")
    slug = models.SlugField(max_length=200)

    natural_key_fields = ("slug",)
    objects = NaturalKeyManager()
    history = ArchiveHistory()

    class Meta:
        ordering = ["name", "slug"]
        constraints = [models.UniqueConstraint(fields=["slug"], name="official_slug_unique")]
        indexes = [models.Index(fields=["name"], name="official_name_idx")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return detail_url("statements:official-detail", self.slug)

    def natural_key(self):
        return (self.slug,)


class Outlet(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200)
    domain = models.CharField(max_length=200, blank=True, help_text="Web domain, e.g. sputniknews.com.")

    natural_key_fields = ("slug",)
    objects = NaturalKeyManager()
    history = ArchiveHistory()

    class Meta:
        ordering = ["name", "slug"]
        constraints = [models.UniqueConstraint(fields=["slug"], name="outlet_slug_unique")]
        indexes = [models.Index(fields=["name"], name="outlet_name_idx")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return detail_url("statements:outlet-detail", self.slug)

    def natural_key(self):
        return (self.slug,)


class Article(models.Model):
    class DatePrecision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"
        YEAR = "year", "Year"

    title = models.CharField(max_length=500, blank=True)
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="articles"
    )
    outlet_note = models.CharField(
        max_length=1000, blank=True, help_text="Why the outlet is known when the text does not state it."
    )
    published = models.DateField(null=True, blank=True)
    published_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, blank=True, help_text="How much of the date is known."
    )
    published_note = models.CharField(
        max_length=1000, blank=True, help_text="Why the date is known when the text does not state it."
    )
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, editable=False, help_text="Year of publication, kept for filtering."
    )
    url = models.URLField("original URL", max_length=500, blank=True)
    body = models.TextField(help_text="The document's text exactly as received; quotes index into it.")
    body_start = models.PositiveIntegerField(
        default=0, help_text="Where the article's prose starts in the text (after headline and header)."
    )
    boilerplate = models.JSONField(
        default=list, blank=True, help_text="[start, end] spans of captions, promotions and bios."
    )
    source_file = models.CharField(max_length=255, help_text="The source document's file name.")
    content_hash = models.CharField(max_length=64, help_text="SHA-256 of the source document's bytes.")
    countries = models.ManyToManyField(Country, through="ArticleCountry", related_name="articles", blank=True)
    years_mentioned = models.JSONField(default=list, blank=True, help_text="Years the text mentions.")
    officials = models.ManyToManyField(
        Official, related_name="articles", blank=True, help_text="Officials the article names."
    )
    agencies = models.ManyToManyField(
        Agency, related_name="articles", blank=True, help_text="Agencies the article names."
    )

    natural_key_fields = ("source_file",)
    objects = NaturalKeyManager.from_queryset(ArticleQuerySet)()
    history = ArchiveHistory(m2m_fields=["officials", "agencies"])

    class Meta:
        ordering = ["-published", "source_file"]
        constraints = [
            models.UniqueConstraint(fields=["source_file"], name="article_source_file_unique"),
            models.UniqueConstraint(fields=["content_hash"], name="article_content_hash_unique"),
        ]
        indexes = [
            models.Index(fields=["year", "published"], name="article_year_published_idx"),
            models.Index(fields=["published", "source_file"], name="article_published_idx"),
            models.Index(fields=["outlet", "published"], name="article_outlet_published_idx"),
        ]

    def __str__(self):
        return self.title or self.source_file

    def save(self, *args, **kwargs):
        self.year = self.published.year if self.published else None
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return detail_url("statements:article-detail", self.pk)

    @property
    def text(self):
        """The article's prose, without the headline and metadata header."""
        return self.body[self.body_start :]

    def natural_key(self):
        return (self.source_file,)


class ArticleCountry(models.Model):
    """A country an article mentions, and how many times."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="country_mentions")
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="article_mentions")
    mentions = models.PositiveIntegerField(default=1)

    natural_key_fields = ("article__source_file", "country__code")
    objects = NaturalKeyManager()
    history = ArchiveHistory()

    class Meta:
        ordering = ["article", "-mentions", "country"]
        verbose_name = "country mentioned by an article"
        constraints = [
            models.UniqueConstraint(fields=["article", "country"], name="article_country_unique"),
            models.CheckConstraint(condition=Q(mentions__gte=1), name="article_country_mentions_positive"),
        ]

    def __str__(self):
        return f"{self.article} mentions {self.country} ×{self.mentions}"

    def get_absolute_url(self):
        return self.article.get_absolute_url()

    def natural_key(self):
        return (self.article.source_file, self.country.code)

    natural_key.dependencies = ["statements.article", "statements.country"]


class OfficialTitle(models.Model):
    """A title an official held, as one article gives it: titles change over time."""

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="titles")
    title = models.CharField(max_length=300)
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.PROTECT, related_name="official_titles"
    )
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="official_titles")

    natural_key_fields = ("official__slug", "title", "article__source_file")
    objects = NaturalKeyManager()
    history = ArchiveHistory()

    class Meta:
        ordering = ["official", "article__published", "title", "id"]
        constraints = [
            models.UniqueConstraint(fields=["official", "title", "article"], name="official_title_unique"),
        ]
        indexes = [models.Index(fields=["agency"], name="official_title_agency_idx")]

    def __str__(self):
        return f"{self.official}, {self.title}"

    def get_absolute_url(self):
        return self.official.get_absolute_url()

    def natural_key(self):
        return (self.official.slug, self.title, self.article.source_file)

    natural_key.dependencies = ["statements.official", "statements.article"]


class Quote(models.Model):
    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="quotes")
    text = models.TextField(help_text="Exactly the characters between the quotation marks.")
    start = models.PositiveIntegerField(help_text="Offset of the quote's first character in the article.")
    end = models.PositiveIntegerField(help_text="Offset just past the quote's last character.")
    speaker = models.CharField(
        max_length=300, blank=True, help_text='The speaker as the article names them, e.g. "the coalition".'
    )
    officials = models.ManyToManyField(Official, related_name="quotes", blank=True)
    agencies = models.ManyToManyField(Agency, related_name="quotes", blank=True)
    fragment = models.BooleanField(
        default=False, help_text="A partial sentence embedded in the reporter's own sentence."
    )
    countries = models.ManyToManyField(Country, related_name="quotes", blank=True)
    # Copied from the article on every save (and by Article's post_save), so that the lists filter by year
    # and sort by date on this table alone, by index (migration 0007); never edited by hand.
    published = models.DateField(null=True, blank=True, editable=False, help_text="The article's date.")
    year = models.PositiveSmallIntegerField(null=True, blank=True, editable=False, help_text="Its year.")

    natural_key_fields = ("article__source_file", "start")
    objects = NaturalKeyManager.from_queryset(QuoteQuerySet)()
    history = ArchiveHistory(m2m_fields=["officials", "agencies", "countries"])

    class Meta:
        ordering = ["article__published", "article__source_file", "start"]
        constraints = [
            models.UniqueConstraint(fields=["article", "start"], name="quote_article_start_unique"),
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="quote_end_after_start"),
        ]
        indexes = [models.Index(fields=["article", "start"], name="quote_article_start_idx")]

    def __str__(self):
        words = self.text if len(self.text) <= 80 else self.text[:77] + "…"
        return f"“{words}”"

    def get_absolute_url(self):
        return detail_url("statements:quote-detail", self.pk)

    def clean(self):
        super().clean()
        if self.article_id is None or self.start is None or self.end is None:
            return
        body = self.article.body
        if body[self.start : self.end] != self.text:
            raise ValidationError(
                {"text": "The quote's text must equal the article's text between its start and end offsets."}
            )

    def natural_key(self):
        return (self.article.source_file, self.start)

    natural_key.dependencies = ["statements.article"]


@receiver(pre_save, sender=Quote)
def refuse_quote_off_its_text(sender, instance, **kwargs):
    """The offset invariant makes a quote citable, so it is checked on every save, loaddata's raw ones too.
    The article's date is copied onto the quote on the way (Quote.published and Quote.year)."""
    body, published = Article.objects.values_list("body", "published").get(pk=instance.article_id)
    instance.published, instance.year = published, published.year if published else None
    if body[instance.start : instance.end] != instance.text:
        raise ValidationError(
            f"Quote text does not match the text of article {instance.article_id} "
            f"between offsets {instance.start} and {instance.end}."
        )


@receiver(post_save, sender=Article)
def date_the_article_s_quotes(sender, instance, **kwargs):
    """Keep Quote.published and Quote.year equal to their article's, on every save (raw ones too: ingest
    and loaddata bypass Article.save). `QuerySet.update()` of Article.published bypasses this: after one,
    call `instance.save()` or run the same update on its quotes."""
    year = instance.published.year if instance.published else None
    if instance.pk is not None:
        instance.quotes.exclude(published=instance.published, year=year).update(
            published=instance.published, year=year
        )


@receiver(pre_delete, sender=Official)
@receiver(pre_delete, sender=Agency)
@receiver(pre_delete, sender=Country)
def protect_attributed_quotes(sender, instance, **kwargs):
    """Quote.officials, .agencies and .countries are plain many-to-many fields, which Django would empty
    silently on delete: refuse instead, as Quote.article's PROTECT does (merge the record instead)."""
    quotes = list(instance.quotes.all())
    if quotes:
        raise ProtectedError(
            f"Cannot delete {sender._meta.verbose_name} “{instance}”: {len(quotes)} quote(s) refer to it. "
            "Merge it into another record, or change those quotes first.",
            set(quotes),
        )


# Their receivers keep the export's cached lines and the agency pages' stored summaries right.
from statements import export_lines, summaries  # noqa: E402, F401
