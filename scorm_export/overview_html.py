"""The SCO's overview page as HTML, rendered once at export from the module's Overview (modules/overview.py).

The content (the standard's codes and texts, the module's description) is written here; the page's own words are
left to the runtime, which picks the learner's language: an element with data-t="key" gets the runtime's string
for that key (runtime/i18n.js, Zhineng.localize), filled with the element's data-n, data-h and data-m. The
runtime also puts the start/resume button into the data-slot="start" element, from the learner's saved state.
"""

from __future__ import annotations

from html import escape

from ..markdown import render_markdown
from ..modules.overview import Item, Overview


def _t(tag: str, key: str, **numbers: int) -> str:
    data = "".join(f' data-{name}="{value}"' for name, value in numbers.items())
    return f'<{tag} data-t="{key}"{data}></{tag}>'


def _items(kind: str, items: tuple[Item, ...]) -> str:
    rows = "".join(
        f'<li data-id="{escape(i.id)}"><span class="code">{escape(i.code)}</span> {escape(i.text)}</li>'
        for i in items
    )
    return f'<ul class="item-list" data-kind="{kind}">{rows}</ul>'


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _t("dd", "aboutMinutes", m=rest)
    if not rest:
        return _t("dd", "aboutHours", h=hours)
    return _t("dd", "aboutHoursMinutes", h=hours, m=rest)


def _fact(name: str, value: str) -> str:
    return f'<div data-fact="{name}">{_t("dt", "fact." + name)}{value}</div>'


def _section(name: str, *body: str) -> str:
    return (
        f'<section class="overview-{name}" aria-labelledby="overview-{name}">'
        f'<h2 id="overview-{name}" data-t="overview.{name}"></h2>{"".join(body)}</section>'
    )


def overview_html(ov: Overview) -> str:
    facts = [
        _fact("minutes", _duration(ov.minutes)),
        _fact("lessons", _t("dd", "count.lessons", n=ov.lessons)),
        _fact("questions", _t("dd", "count.questions", n=ov.questions)),
        _fact("reflections", _t("dd", "count.reflections", n=ov.reflections)),
        _fact("tasks", _t("dd", "count.tasks", n=ov.tasks)),
    ]
    covers = [
        _t("h3", key) + _items(kind, items)
        for key, kind, items in (
            ("knowledge", "knowledge", ov.knowledge),
            ("skills", "skill", ov.skills),
            ("attitudes", "attitude", ov.attitudes),
        )
        if items
    ]
    return "".join(
        [
            '<div class="overview">',
            f'<p class="overview-task">{_t("span", "overview.source")}{escape(ov.standard)}・'
            f'{_t("span", "overview.task")} <span class="code" data-id="{escape(ov.task.id)}">'
            f"{escape(ov.task.code)}</span>{' ' + escape(ov.task.text) if ov.task.text else ''}</p>",
            f'<div class="description">{render_markdown(ov.description)}</div>',
            '<div class="overview-start" data-slot="start"></div>',
            f'<dl class="overview-facts">{"".join(facts)}</dl>',
            _section("activities", _items("activity", ov.activities)),
            _section("outputs", _t("p", "overview.outputsHint"), _items("output", ov.outputs))
            if ov.outputs
            else "",
            _section("covers", *covers) if covers else "",
            "</div>",
        ]
    )
