"""Charts drawn on the server as SVG geometry; templates/statements/_timeline.svg.html renders it.

No JavaScript: every bar is a link to the quotes it counts, and the same numbers are in a table beside it.
"""

from dataclasses import dataclass, field

from django.http import QueryDict
from django.urls import reverse

# Distinguishable for common colour-vision deficiencies (Okabe & Ito), dark enough on white.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
MAX_SERIES = 5
WIDTH, HEIGHT = 720, 260
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 40, 10, 10, 30


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    count: int
    label: str
    url: str
    colour: str


@dataclass
class Timeline:
    width: int = WIDTH
    height: int = HEIGHT
    series: list = field(default_factory=list)  # [(code, name, colour)]
    years: list = field(default_factory=list)  # [(year, x of its label)]
    ticks: list = field(default_factory=list)  # [(count, y)]
    bars: list = field(default_factory=list)
    table: list = field(default_factory=list)  # [(year, [count per series])]
    baseline: float = HEIGHT - MARGIN_BOTTOM
    left: int = MARGIN_LEFT
    right: int = WIDTH - MARGIN_RIGHT

    @property
    def empty(self):
        return not self.bars


def quotes_per_year_by_country(rows, country_names=None):
    """Grouped bars: for each year, the quotes that mention each of the most quoted countries.

    `rows` are (year, country code or None, count). A quote mentioning two countries counts under each,
    so bars of a year are not added up.
    """
    from statements.models import Country

    counts = {(year, code): count for year, code, count in rows if code}
    if not counts:
        return Timeline()
    totals = {}
    for (_, code), count in counts.items():
        totals[code] = totals.get(code, 0) + count
    codes = sorted(totals, key=lambda code: (-totals[code], code))[:MAX_SERIES]
    if country_names is None:
        country_names = dict(Country.objects.filter(code__in=codes).values_list("code", "name"))
    first, last = min(year for year, _ in counts), max(year for year, _ in counts)
    years = list(range(first, last + 1))

    timeline = Timeline(
        series=[
            (code, country_names.get(code, code), PALETTE[i % len(PALETTE)]) for i, code in enumerate(codes)
        ]
    )
    top = max(counts.get((year, code), 0) for year in years for code in codes)
    plot_height = timeline.baseline - MARGIN_TOP
    step = max(1, -(-top // 4))  # four gridlines at most
    scale_top = step * -(-top // step)
    timeline.ticks = [
        (n, timeline.baseline - plot_height * n / scale_top) for n in range(0, scale_top + 1, step)
    ]

    slot = (timeline.right - timeline.left) / len(years)
    bar_width = min(28.0, slot * 0.8 / len(codes))
    quotes_url = reverse("statements:quote-list")
    for i, year in enumerate(years):
        group_left = timeline.left + slot * i + (slot - bar_width * len(codes)) / 2
        timeline.years.append((year, timeline.left + slot * (i + 0.5)))
        row = []
        for j, (code, name, colour) in enumerate(timeline.series):
            count = counts.get((year, code), 0)
            row.append(count)
            if not count:
                continue
            height = plot_height * count / scale_top
            query = QueryDict(mutable=True)
            query.update({"year": str(year), "country": code})
            timeline.bars.append(
                Bar(
                    x=round(group_left + bar_width * j, 1),
                    y=round(timeline.baseline - height, 1),
                    width=round(bar_width - 2, 1),
                    height=round(height, 1),
                    count=count,
                    label=f"{year}, {name}: {count} quote{'s' if count != 1 else ''}",
                    url=f"{quotes_url}?{query.urlencode()}",
                    colour=colour,
                )
            )
        timeline.table.append((year, row))
    return timeline
