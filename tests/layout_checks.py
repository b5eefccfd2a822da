"""Layout checks for a page (or frame) in Chromium, shared by the SCO, cmi5, block and report browser tests.

`layout_problems(frame, narrow)` returns what a learner would hit, as readable strings (empty when fine):
- the document is wider than the viewport, or an element sticks out past its right edge (content inside a box
  that scrolls sideways is the box's business, not the page's);
- a table cell narrower than three CJK characters (3 em) whose text wraps: a column squeezed to one or two
  characters a line (a short cell such as "1" or "✓" that fits on one line is fine);
- on a phone (narrow), a tap target under 44 x 44 CSS px: buttons, links (bar links inside running text, which
  WCAG 2.5.8 exempts), selects and text boxes, and for a radio or checkbox the label that makes its whole row
  the target. A radio or checkbox must sit inside its label's box, so the row, not the 13 px box, is tapped.
"""

from __future__ import annotations

from typing import Any

WIDE = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SIZES = {"wide": WIDE, "phone": PHONE}
TAP = 44  # px, WCAG 2.5.5 (AAA) and Apple's and Google's guidance

_CHECKS = r"""
([narrow, tap, scope]) => {
  const out = [];
  const roots = scope ? [...document.querySelectorAll(scope)] : [document.body];
  const all = (selector) => roots.flatMap((root) => [...root.querySelectorAll(selector)]);
  const vw = document.documentElement.clientWidth;
  const name = (el) => {
    const text = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\s+/g, ' ');
    const id = el.id ? '#' + el.id : '';
    const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
    return el.tagName.toLowerCase() + id + cls + (text ? ' "' + text.slice(0, 24) + '"' : '');
  };
  const shown = (el) => {
    if (!el.getClientRects().length) return false;
    const s = getComputedStyle(el);
    if (s.visibility === 'hidden') return false;
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1;  // the visually-hidden pattern is 1 x 1
  };
  const visibleUpTo = (el, top) => {
    for (let p = el; p && p !== top.parentElement; p = p.parentElement) if (!shown(p)) return false;
    return true;
  };
  const scrolls = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') return true;
    }
    return false;
  };
  if (!scope && document.documentElement.scrollWidth > vw) {
    out.push('page ' + document.documentElement.scrollWidth + ' px wide in a ' + vw + ' px viewport');
  }
  for (const el of all('*')) {
    if (!shown(el) || scrolls(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.right > vw + 0.5 && r.left > -1000) out.push(name(el) + ' reaches ' + Math.round(r.right) + ' px');
  }
  for (const cell of all('td, th')) {
    if (!shown(cell)) continue;
    const s = getComputedStyle(cell);
    const em = parseFloat(s.fontSize);
    const width = cell.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
    if (width >= 3 * em - 0.5) continue;
    // The lines of the cell's visible text (a visually hidden label's text has boxes of its own, not lines).
    const tops = new Set();
    const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
      if (!node.textContent.trim() || !visibleUpTo(node.parentElement, cell)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const q of range.getClientRects()) if (q.width > 0) tops.add(Math.round(q.top));
    }
    if (tops.size > 1) out.push(name(cell) + ' is ' + Math.round(width) + ' px wide and wraps');
  }
  if (!narrow) return out;
  const small = (el, what) => {
    const r = el.getBoundingClientRect();
    if (r.height < tap - 0.5 || r.width < tap - 0.5) {
      out.push(what + name(el) + ' is ' + Math.round(r.width) + 'x' + Math.round(r.height));
    }
  };
  const inline = (a) => {
    if (getComputedStyle(a).display !== 'inline') return false;
    const around = (a.parentElement.textContent || '').replace(a.textContent, '').trim();
    return around.length > 0;  // a link in a sentence
  };
  for (const el of all('button, a[href], select, textarea, summary, input')) {
    if (!shown(el) || el.closest('[hidden]')) continue;
    const type = (el.getAttribute('type') || '').toLowerCase();
    if (el.tagName === 'A' && inline(el)) continue;
    if (el.tagName === 'INPUT' && (type === 'radio' || type === 'checkbox')) {
      const labels = [...el.labels];
      if (!labels.length) { out.push(name(el) + ' has no label'); continue; }
      const label = labels[0];
      small(label, 'the label of ');
      const box = label.getBoundingClientRect();
      const me = el.getBoundingClientRect();
      const inside = me.left >= box.left - 1 && me.right <= box.right + 1 && me.top >= box.top - 1
        && me.bottom <= box.bottom + 1;
      if (!inside) out.push(name(el) + ' sits outside its label ' + name(label));
      continue;
    }
    if (el.tagName === 'INPUT' && type === 'hidden') continue;
    small(el, '');
  }
  return out;
}
"""


def layout_problems(frame: Any, narrow: bool, scope: str | None = None) -> list[str]:
    """The problems of the page or frame as laid out now; scope: a selector for the parts to check (our blocks in
    a page that is not ours: the page's own width is then not checked, only theirs), else the whole document."""
    return list(frame.evaluate(_CHECKS, [narrow, TAP, scope]))


def axe_all(frame: Any, axe_path: Any, scope: str | None = None) -> list[dict[str, Any]]:
    """axe-core violations of any impact (minor included) in the frame, or in `scope` only."""
    if not frame.evaluate("typeof window.axe !== 'undefined'"):
        frame.add_script_tag(path=str(axe_path))
    result = frame.evaluate(
        "(scope) => axe.run(scope ? {include: [...document.querySelectorAll(scope)]} : document,"
        " {resultTypes: ['violations']})",
        scope,
    )
    assert len(result["passes"]) > 5, "axe did not run its rules"
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
    ]
