"""The review app's pages: the corpus, a document (the review page with a verdict form) and
the queue of doubtful cells. Every text from a document or a reviewer is escaped; the
script sets text with ``textContent`` only."""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from html import escape
from typing import NamedTuple

from ...catalogue import TEMPLATES
from ...model import Cell, Report, reasons
from ...write import spans
from .corpus import REASONS, Corpus, Item, display_name

#: The corpus page's columns that sort, and the value each sorts by.
SORTS = ("name", "status", "body", "year", "doubtful", "progress")
STATUSES = ("complete", "partial", "empty", "failed", "reading")


def cell_text(cell: Cell) -> str:
    """A cell's value as the review page's form shows it (blank or missing: —)."""
    return spans.cell_text(cell.value)


def _page(title: str, body: str, token: str, reviewer: str | None, refresh: bool = False) -> str:
    head = '<meta http-equiv="refresh" content="2">' if refresh else ""
    return (
        '<!DOCTYPE html>\n<html lang="zh">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="gr-token" content="{escape(token)}">{head}\n'
        f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"{_bar(reviewer)}\n{body}\n<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )


def _bar(reviewer: str | None, item: Item | None = None) -> str:
    queue = f"/queue?doc={item.index}" if item is not None else "/queue"
    who = (
        f'reviewing as <b id="reviewer">{escape(reviewer)}</b>'
        if reviewer
        else '<form id="name-form"><label>Your name <input id="name" required maxlength="80" '
        'autocomplete="name"></label> <button>Start reviewing</button></form>'
    )
    return (
        '<nav id="app-bar"><a href="/">Corpus</a> · '
        f'<a href="{queue}">Queue of doubtful cells</a>'
        f'<span class="who">{who}</span></nav>'
    )


class _Row(NamedTuple):
    """A document as the corpus page lists it."""

    item: Item
    name: str
    status: str
    body: str | None
    year: int | None
    doubtful: int | None
    progress: float | None
    reviewed: int
    reasons: list[str]


def corpus_page(corpus: Corpus, query: Mapping[str, str], token: str, reviewer: str | None) -> str:
    """Every document: its status, body, year, doubtful cells and how far its review has
    got; filtered by ``status``, ``body``, ``year``, ``reason`` and sorted by ``sort``
    (``order=desc``: the other way)."""
    rows = [_corpus_row(corpus, item) for item in corpus.items]
    wanted = {name: query.get(name, "").strip() for name in ("status", "body", "year", "reason")}
    shown = [
        row
        for row in rows
        if (not wanted["status"] or row.status == wanted["status"])
        and (not wanted["body"] or wanted["body"] in (row.body or ""))
        and (not wanted["year"] or str(row.year or "") == wanted["year"])
        and (not wanted["reason"] or wanted["reason"] in row.reasons)
    ]
    sort = query.get("sort", "name")
    descending = query.get("order") == "desc"
    if sort in SORTS:
        shown.sort(key=lambda row: _sort_key(getattr(row, sort)))
    if descending:
        shown.reverse()
    reading = corpus.pending
    status = f"{len(corpus.items) - reading:,} of {len(corpus.items):,} documents read" + (
        " (reading the rest…)" if reading else ""
    )
    head = "".join(
        f'<th><a href="?sort={name}&amp;order='
        f'{"asc" if sort == name and descending else "desc" if sort == name else "asc"}">'
        f"{title}</a></th>"
        for name, title in (
            ("name", "document"),
            ("body", "body"),
            ("year", "year"),
            ("status", "status"),
            ("doubtful", "doubtful cells"),
            ("progress", "reviewed"),
        )
    )
    codes = sorted({code for row in rows for code in row.reasons})
    filters = (
        '<form id="filters" method="get">'
        f"<label>status {_select('status', STATUSES, wanted['status'])}</label> "
        f'<label>body <input name="body" value="{escape(wanted["body"])}"></label> '
        f'<label>year <input name="year" size="5" value="{escape(wanted["year"])}"></label> '
        f"<label>reason {_select('reason', codes, wanted['reason'])}</label> "
        f'<input type="hidden" name="sort" value="{escape(sort)}"><button>Filter</button></form>'
    )
    page = (
        f'<main class="corpus"><h1>Review: {escape(str(corpus.folder))}</h1>'
        f'<p id="progress">{status} · {len(shown):,} shown</p>{filters}'
        f'<table id="documents"><thead><tr>{head}<th>reasons</th></tr></thead>'
        f"<tbody>{''.join(map(_corpus_tr, shown))}</tbody></table></main>"
    )
    return _page("Review: corpus", page, token, reviewer, refresh=bool(reading))


def _sort_key(value: object) -> tuple[bool, object]:
    return (value is None, value if value is not None else 0)


def _select(name: str, choices: Iterable[str], chosen: str) -> str:
    options = "".join(
        f"<option{' selected' if chosen == choice else ''}>{escape(choice)}</option>"
        for choice in choices
    )
    return f'<select name="{name}"><option value="">any</option>{options}</select>'


def _corpus_row(corpus: Corpus, item: Item) -> _Row:
    report = corpus.report(item)
    name = display_name(item, corpus.folder)
    if report is None or item.machine is None:
        status = f"failed: {item.error}" if item.error is not None else "reading"
        return _Row(item, name, status, None, None, None, None, 0, [])
    doubts = corpus.doubtful(item)
    done = len(set(doubts) & set(corpus.verdicts_of(item)))
    return _Row(
        item,
        name,
        report.completeness().status,
        report.organisation,
        report.year,
        len(doubts),
        done / len(doubts) if doubts else 1.0,
        done,
        reasons(item.machine) + sorted(set(doubts.values())),
    )


def _corpus_tr(row: _Row) -> str:
    doubts = row.doubtful
    if doubts:
        progress = (
            f'<progress max="{doubts}" value="{row.reviewed}"></progress> {row.reviewed}/{doubts}'
        )
    else:
        progress = "—" if doubts is None else "nothing doubtful"
    kind = row.status.partition(":")[0]
    return (
        f'<tr data-status="{escape(kind)}"><td><a href="/doc/{row.item.index}">'
        f"{escape(row.name)}</a></td><td>{escape(row.body or '—')}</td>"
        f'<td>{row.year or "—"}</td><td class="st {escape(kind)}">{escape(row.status)}</td>'
        f"<td>{'—' if doubts is None else doubts}</td><td>{progress}</td>"
        f"<td>{escape(' '.join(row.reasons))}</td></tr>"
    )


def waiting_page(item: Item, token: str, reviewer: str | None) -> str:
    said = escape(item.error) if item.error else "being read: this page reloads when it is"
    return _page(
        item.name,
        f"<main><h1>{escape(item.name)}</h1><p>{said}</p></main>",
        token,
        reviewer,
        refresh=item.error is None,
    )


def queue_page(corpus: Corpus, query: Mapping[str, str], token: str, reviewer: str | None) -> str:
    """The doubtful cells with no verdict yet (of one document with ``doc``), each with its
    source line and a field: type a value and Enter, or press b (printed blank) or c
    (confirm the machine's value); ↑ and ↓ move."""
    chosen = query.get("doc", "")
    items = corpus.items
    if chosen.isdigit():
        one = corpus.item(int(chosen))
        items = [one] if one is not None else []
    rows: list[str] = []
    for item in items:
        report = corpus.report(item)
        if report is None or item.machine is None:
            continue
        settled = corpus.verdicts_of(item)
        lines: list[str] | None = None
        template = TEMPLATES[report.template]
        for key, reason in corpus.doubtful(item).items():
            if key in settled:
                continue
            cell = report.cell(key)
            if lines is None and cell.line is not None:
                lines = list(corpus.lines(item, item.document.read()))
            line = lines[cell.line - 1] if lines and cell.line and cell.line <= len(lines) else ""
            field = template.fields[template.index[key]]
            name = escape(display_name(item, corpus.folder))
            rows.append(
                f'<tr class="q" data-doc="{item.index}" data-key="{escape(key)}">'
                f'<td><a href="/doc/{item.index}#{escape(key)}">{name}</a></td>'
                f"<td>{escape(field.row_label)} · {escape(field.column_label)}<br>"
                f"<code>{escape(key)}</code></td>"
                f'<td class="v {escape(cell.provenance)}">{escape(cell_text(cell))}</td>'
                f"<td>{escape(REASONS[reason])}</td>"
                f'<td class="line">{escape(line)}</td>'
                '<td><input class="answer" inputmode="decimal" autocomplete="off" '
                f'aria-label="value of {escape(key)}"><span class="done"></span></td></tr>'
            )
    help_text = (
        "Type a value and press Enter to save it; b: printed blank; c: the machine's value is "
        "right; ↑ ↓: move. Each verdict is saved at once."
    )
    body = (
        f'<main class="queue"><h1>Queue of doubtful cells ({len(rows):,})</h1>'
        f'<p class="hint">{escape(help_text)}</p>'
        '<table id="queue"><thead><tr><th>document</th><th>cell</th><th>machine</th>'
        "<th>why</th><th>source line</th><th>verdict</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></main>"
    )
    return _page("Review: queue", body, token, reviewer)


def with_form(
    page: str,
    item: Item,
    report: Report,
    token: str,
    reviewer: str | None,
    doubts: Mapping[str, str],
    rows: Mapping[int, bytes] | None = None,
) -> str:
    """The review page of ``report`` made the app's: its bar, the token, a verdict form in
    the detail panel of the cell selected, and there the crop of its row as printed on its
    page (``rows``: by line, for a PDF with a text layer)."""
    marks = " ".join(f"{escape(key)}" for key in doubts)
    head = (
        f'<meta name="gr-token" content="{escape(token)}">'
        f'<meta name="gr-doc" content="{item.index}">'
        f'<meta name="gr-doubtful" content="{marks}">'
        f"<style>{_CSS}</style>\n</head>"
    )
    page = page.replace("</head>", head, 1)
    crops = "".join(
        f'<img class="page-crop" data-line="{line}" alt="line {line} as printed on its page" '
        f'src="data:image/png;base64,{base64.b64encode(image).decode()}">'
        for line, image in sorted((rows or {}).items())
    )
    hidden = f'<div id="page-crops" hidden>{crops}</div>' if crops else ""
    page = page.replace("<body>\n", f"<body>\n{_bar(reviewer, item)}{hidden}\n", 1)
    return page.replace("</body>", f"<script>{_SCRIPT}</script>\n</body>", 1)


_CSS = """
#app-bar{display:flex;gap:8px;align-items:center;padding:6px 16px;background:#263238;color:#fff;
font:13px system-ui,sans-serif}
#app-bar a{color:#fff}#app-bar .who{margin-left:auto}
main.corpus,main.queue{padding:8px 16px;font:13px system-ui,"Noto Sans CJK SC",sans-serif}
#documents,#queue{border-collapse:collapse;background:#fff;width:100%}
#documents td,#documents th,#queue td,#queue th{border:1px solid #ccc;padding:2px 6px;
text-align:left;vertical-align:top}
#queue td.line{font:12px ui-monospace,monospace;white-space:pre-wrap;max-width:40em}
#queue tr.on{outline:2px solid #ffb300}#queue tr.saved{background:#e8f5e9}
.st.complete{color:#2e7d32}.st.partial{color:#b26a00}.st.empty,.st.failed{color:#c62828}
.v.corrected{background:#e8f5e9;color:#1b5e20;font-weight:600}
form.verdict{margin:8px 0;display:flex;flex-wrap:wrap;gap:4px}
form.verdict input[name=value]{width:8em}
.recheck{color:#c62828}.saved-note{color:#2e7d32}.error-note{color:#c62828}
"""

# The app's behaviour: the reviewer's name, the verdict form of the cell selected on a
# document page, and the keyboard queue. Text is only ever set with textContent.
_SCRIPT = """
(function () {
  "use strict";
  var token = document.querySelector('meta[name="gr-token"]').content;
  function post(path, data) {
    return fetch(path, {method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-Token": token},
      body: JSON.stringify(data)}).then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) throw new Error(body.error || r.statusText);
          return body;
        });
      });
  }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }
  var nameForm = document.getElementById("name-form");
  if (nameForm) nameForm.addEventListener("submit", function (event) {
    event.preventDefault();
    post("/api/reviewer", {name: document.getElementById("name").value})
      .then(function () { location.reload(); });
  });
  function verdict(doc, key, how, value, note) {
    var data = {document: doc, key: key, verdict: how, value: null, note: note || ""};
    if (how === "value") data.value = value.trim();
    return post("/api/verdict", data);
  }
  // A document page: a form in the detail panel of the selected cell.
  var docMeta = document.querySelector('meta[name="gr-doc"]');
  var panel = document.getElementById("detail");
  if (docMeta && panel) {
    var doc = parseInt(docMeta.content, 10);
    var attach = function () {
      var td = document.querySelector("td.v.sel");
      if (!td || panel.querySelector("form.verdict")) return;
      var form = el("form", null, "verdict");
      var value = el("input"); value.name = "value"; value.setAttribute("inputmode", "decimal");
      value.placeholder = "value";
      var known = /^(parsed|derived|corrected)$/.test(td.dataset.prov);
      if (known) value.value = td.dataset.value || "";
      var note = el("input"); note.name = "note"; note.placeholder = "note (optional)";
      form.appendChild(value); form.appendChild(note);
      [["value", "Save value"], ["blank", "Printed blank"], ["confirm", "Confirm machine"]]
        .forEach(function (pair) {
          var button = el("button", pair[1]); button.type = "button";
          button.dataset.verdict = pair[0]; form.appendChild(button);
        });
      var said = el("p", null, "saved-note");
      var broken = el("ul", null, "recheck");
      function send(how) {
        verdict(doc, td.dataset.key, how, value.value, note.value).then(function (r) {
          td.textContent = r.text;
          td.className = td.className.replace(
            /\\b(parsed|derived|blank|missing|corrected)\\b/, r.provenance);
          td.dataset.prov = r.provenance; td.dataset.value = r.text;
          said.className = "saved-note";
          said.textContent = "saved (" + r.milliseconds + " ms): " + r.provenance + " " + r.text +
            (r.agrees === false ? " (the machine reads otherwise)" : "");
          broken.textContent = "";
          r.broken.forEach(function (text) { broken.appendChild(el("li", text)); });
          var status = document.querySelector(".verdict[data-status]");
          if (status) status.dataset.status = r.status;
        }).catch(function (error) {
          said.className = "error-note"; said.textContent = "not saved: " + error.message;
        });
      }
      form.addEventListener("click", function (event) {
        var button = event.target.closest("button");
        if (button) send(button.dataset.verdict);
      });
      form.addEventListener("submit", function (event) { event.preventDefault(); send("value"); });
      value.addEventListener("keydown", function (event) {
        if (event.key === "Enter") { event.preventDefault(); send("value"); }
      });
      panel.appendChild(form); panel.appendChild(said); panel.appendChild(broken);
      var printed = td.dataset.line && document.querySelector(
        '#page-crops img[data-line="' + td.dataset.line + '"]');
      if (printed) {
        panel.appendChild(el("p", "Its row as printed on the page:", "hint"));
        var shown = printed.cloneNode(); shown.style.maxWidth = "100%"; panel.appendChild(shown);
      }
    };
    new MutationObserver(attach).observe(panel, {childList: true});
    attach();  // a cell the address selected before this script ran
  }
  // The queue: Enter saves the typed value, b a printed blank, c confirms; arrows move.
  var rows = Array.prototype.slice.call(document.querySelectorAll("#queue tr.q"));
  function focusRow(at) {
    if (at < 0 || at >= rows.length) return;
    rows.forEach(function (r) { r.classList.remove("on"); });
    rows[at].classList.add("on");
    rows[at].querySelector("input.answer").focus();
  }
  rows.forEach(function (row, at) {
    var input = row.querySelector("input.answer");
    input.addEventListener("focus", function () {
      rows.forEach(function (r) { r.classList.remove("on"); }); row.classList.add("on");
    });
    input.addEventListener("keydown", function (event) {
      var how = event.key === "Enter" ? "value" : event.key === "b" ? "blank"
        : event.key === "c" ? "confirm" : null;
      if (event.key === "ArrowDown") { event.preventDefault(); focusRow(at + 1); return; }
      if (event.key === "ArrowUp") { event.preventDefault(); focusRow(at - 1); return; }
      if (!how) return;
      event.preventDefault();
      var done = row.querySelector(".done");
      verdict(parseInt(row.dataset.doc, 10), row.dataset.key, how, input.value).then(function (r) {
        row.classList.add("saved");
        done.className = "done saved-note";
        done.textContent = " " + r.provenance + " " + (r.text || "(blank)") +
          (r.broken.length ? " · " + r.broken.length + " rule(s) broken" : "");
        focusRow(at + 1);
      }).catch(function (error) {
        done.className = "done error-note"; done.textContent = " not saved: " + error.message;
      });
    });
  });
  if (rows.length) focusRow(0);
})();
"""
