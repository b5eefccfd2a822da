import json
import re

from zhineng.modules.course import Course
from zhineng.scorm_export.payload import sco_payload

from zhineng.markdown import forget, render_markdown


def test_lesson_markdown_renders_tables_and_emphasis() -> None:
    html = render_markdown("## 重點\n\n| 指標 | 公式 |\n|---|---|\n| ROAS | 營收÷廣告費 |\n\n**注意**")
    assert "<h2>重點</h2>" in html
    assert "<td>ROAS</td>" in html
    assert "<strong>注意</strong>" in html


def test_a_table_scrolls_in_a_focusable_box_named_by_its_headings() -> None:
    html = render_markdown("| 指標 **名稱** | `a<b` 公式 |\n|---|---|\n| ROAS | 營收÷廣告費 |\n")
    opening = (
        '<div class="table-scroll" role="region" tabindex="0" aria-label="指標 名稱 / a&lt;b 公式 — ROAS">'
    )
    assert html.startswith(opening + "\n<table>\n")
    assert html.endswith("</table>\n</div>\n")


def test_an_author_cannot_write_the_box_themselves() -> None:
    html = render_markdown('<div class="table-scroll" role="region" tabindex="0">x</div>')
    assert "<div" not in html


def test_raw_html_is_shown_as_text_never_run() -> None:
    html = render_markdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">')
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_dangerous_links_are_dropped() -> None:
    html = render_markdown("[點我](javascript:alert(1)) [官網](https://example.test/)")
    assert 'href="javascript' not in html  # left as inert text, never a link
    assert 'href="https://example.test/"' in html
    assert 'rel="noopener noreferrer"' in html


def _count_renders(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    from markdown_it import MarkdownIt

    rendered: list[str] = []
    render = MarkdownIt.render

    def counting(self: MarkdownIt, text: str, env: object = None) -> str:
        rendered.append(text)
        return render(self, text, env)

    monkeypatch.setattr(MarkdownIt, "render", counting)
    forget()
    return rendered


def test_validate_renders_no_markdown(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rendered = _count_renders(monkeypatch)
    assert cli("validate").code == 0
    assert rendered == []  # checking a course needs the Markdown, not its HTML


def test_export_all_renders_each_text_once(cli, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    rendered = _count_renders(monkeypatch)
    # In one process: helpers would render some texts in theirs (tests/test_read_ahead.py, test_forked.py).
    assert cli("export", "--all", "--jobs", "1", "--out", str(tmp_path)).code == 0
    assert len(rendered) > 200  # the course's prompts, explanations, lessons and descriptions
    assert len(rendered) == len(set(rendered))  # four formats, one render per text


def test_no_two_tables_of_a_module_share_a_name(builtin_course: Course) -> None:
    """A module's questions, lessons and tasks can share one page (an activity in the SCO, the whole module in
    Open edX): two boxes named alike there are two landmarks a screen reader cannot tell apart."""
    for module in builtin_course.modules:
        text = json.dumps(sco_payload(builtin_course, module, "scorm2004"), ensure_ascii=False)
        names = re.findall(
            r'class=\\"table-scroll\\" role=\\"region\\" tabindex=\\"0\\" aria-label=\\"([^"\\]*)', text
        )
        assert names, module.id
        repeated = {n for n in names if names.count(n) > 1}
        assert repeated == set(), module.id


def test_html_rendered_in_another_process_is_taken_as_is(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from zhineng import markdown

    texts = ["**另一個行程**\n算好的", "| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n"] + [
        f"第 {i} 段" for i in range(30)
    ]
    batches = list(markdown.rendered_batches(texts))  # as a helper sends them
    assert len(batches) == 2
    rendered = {text: html for batch in batches for text, html in batch.items()}
    assert rendered == {t: render_markdown(t) for t in texts}  # what was asked for, nothing else
    renders = _count_renders(monkeypatch)  # a fresh process, as it were
    assert markdown.waiting(texts) == texts
    for batch in batches:
        markdown.adopt(batch)
    assert markdown.waiting([*texts, "還沒有"]) == ["還沒有"]
    assert [render_markdown(t) for t in texts] == [rendered[t] for t in texts]
    assert renders == []  # taken, not rendered again
