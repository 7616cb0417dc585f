"""Forms of the admin: a change reason on every edit, quotes anchored in their text, the ingest preview."""

import tempfile
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError

from statements.ingest import Document, IngestError
from statements.models import Article, Quote
from statements.services import anchor_quote


class ArchiveModelForm(forms.ModelForm):
    """Every admin form asks, optionally, why: the answer goes into the record's history."""

    change_reason = forms.CharField(
        label="Reason for this change",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"size": 80}),
        help_text="Optional; recorded in the history with your name, e.g. “speaker per paragraph 4”.",
    )


class QuoteForm(ArchiveModelForm):
    """A quote's offsets come from its text: the occurrence in the article nearest the old start."""

    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        strip=False,
        help_text="Exactly the characters between the quotation marks; start and end are recomputed from it.",
    )

    class Meta:
        model = Quote
        fields = ["article", "text", "speaker", "officials", "agencies", "countries", "fragment"]

    def clean(self):
        cleaned = super().clean()
        article = cleaned.get("article") if "article" in self.fields else None
        if article is None and self.instance.article_id is not None:
            article = self.instance.article
        text = cleaned.get("text")
        if article is None or not text:
            return cleaned
        if "\r" not in article.body:
            # Browsers send a textarea's line breaks as CRLF; the archive's texts use LF.
            text = cleaned["text"] = text.replace("\r\n", "\n")
        near = self.instance.start if self.instance.start is not None else None
        try:
            start, end = anchor_quote(article.body, text, near)
        except ValidationError as error:
            self.add_error("text", error)
            return cleaned
        clash = Quote.objects.filter(article=article, start=start).exclude(pk=self.instance.pk).first()
        if clash is not None:
            message = f"Another quote of this article already starts at offset {start}: {clash} #{clash.pk}."
            self.add_error("text", message)
            return cleaned
        self.instance.start, self.instance.end = start, end
        return cleaned


# ------------------------------------------------------------------------------------ ingest from the admin
class DocumentForm(forms.Form):
    """Step 1: the document, pasted or uploaded."""

    name = forms.CharField(
        label="File name",
        max_length=255,
        required=False,
        help_text="The document's name in the archive, e.g. 2020-10-22-fbi-iran.txt; an upload's own name "
        "when empty. The same name again updates that document.",
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 16, "cols": 100}),
        required=False,
        strip=False,
        help_text="Paste the whole document: headline, header lines (outlet, date, URL) and the article.",
    )
    upload = forms.FileField(label="or upload a UTF-8 text file", required=False)

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("upload"), cleaned.get("text") or ""
        name = (cleaned.get("name") or "").strip()
        if upload is not None:
            name = name or upload.name
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / Path(name).name
                path.write_bytes(upload.read())
                try:
                    document = Document.from_path(path)
                except IngestError as error:
                    raise ValidationError(str(error)) from None
        elif text.strip():
            if not name:
                raise ValidationError({"name": "Give the document a file name."})
            try:
                document = Document.from_text(name, text.replace("\r\n", "\n"))
            except IngestError as error:
                raise ValidationError(str(error)) from None
        else:
            raise ValidationError("Paste the document's text or upload its file.")
        if "/" in document.name or "\\" in document.name:
            raise ValidationError({"name": "A file name, without folders."})
        cleaned["document"] = document
        return cleaned


class ArticlePreviewForm(forms.Form):
    """Step 2: the extracted article metadata, corrected by the researcher."""

    title = forms.CharField(max_length=500, required=False)
    outlet = forms.CharField(
        max_length=200, required=False, help_text="The outlet's name; a new name adds the outlet."
    )
    published = forms.DateField(required=False, help_text="YYYY-MM-DD")
    published_precision = forms.ChoiceField(
        choices=[("", "unknown"), *Article.DatePrecision.choices], required=False
    )
    url = forms.URLField(label="Original URL", max_length=500, required=False, assume_scheme="https")


def split_keys(value):
    return [key.strip() for key in (value or "").split(",") if key.strip()]


class QuotePreviewForm(forms.Form):
    """Step 2: one extracted quote's attribution, corrected by the researcher (its text stays as printed)."""

    start = forms.IntegerField(widget=forms.HiddenInput)
    speaker = forms.CharField(max_length=300, required=False)
    officials = forms.CharField(
        required=False, help_text="Officials' slugs, comma-separated (new ones are created by the ingest)."
    )
    agencies = forms.CharField(required=False, help_text="Agencies' slugs, comma-separated.")
    countries = forms.CharField(required=False, help_text="ISO codes, comma-separated, e.g. RU, IR.")
    drop = forms.BooleanField(required=False, label="Not a quote: drop it")


QuotePreviewFormSet = forms.formset_factory(QuotePreviewForm, extra=0)
