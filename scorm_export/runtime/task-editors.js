/* The deliverable's editors, one per field type: long text (character counter, min/max), table (typed columns,
 * add/remove rows, computed columns and totals), checklist, link (URL check). Each editor is
 *   {el, value(), set(value), lock(), problems() -> [message], focus()}
 * and calls onChange() on every edit, for the page's autosave. Values are in the shape task-state.js keeps. */
// needs: dom.js formula.js deliverable.js
(function (Z) {
  "use strict";

  var h = Z.h;

  function chars(text) {
    return Array.from(String(text).trim()).length;
  }

  function fieldHead(field, inputId, helpId) {
    return [
      h("label", { "class": "field-label", "for": inputId }, [field.label, field.required === false ? null : h("span", { "class": "required", text: " *" })]),
      field.help_html ? h("div", { "class": "hint", id: helpId, html: field.help_html }) : null,
    ];
  }

  function longText(task, field, t, onChange) {
    var id = Z.uid("tf");
    var helpId = Z.uid("th");
    var counterId = Z.uid("tc");
    var max = field.max_length || 4000;
    var min = field.min_length || 0;
    var area = h("textarea", { id: id, rows: 10, maxlength: max, "aria-describedby": (field.help_html ? helpId + " " : "") + counterId,
      "data-task-id": task.id, "data-field-id": field.id, "data-action": "task-text", oninput: changed, onpaste: paste });
    var counter = h("p", { "class": "counter", id: counterId, "aria-live": "polite" });
    var announce = h("p", { "class": "announce", role: "status", "data-announce": "paste", "data-field-id": field.id });
    // The browser would cut a paste at maxlength without a word: keep all of it, and say so.
    function paste(event) {
      var pasted = event.clipboardData ? event.clipboardData.getData("text") : "";
      if (area.value.length - (area.selectionEnd - area.selectionStart) + pasted.length <= max) return;
      event.preventDefault();
      area.setRangeText(pasted, area.selectionStart, area.selectionEnd, "end");
      announce.textContent = t("pastedTooLong", { n: area.value.length, max: max });
      changed();
    }
    function count() {
      counter.textContent = t("taskCounter", { n: chars(area.value), min: min, max: max });
    }
    function changed() {
      count();
      onChange();
    }
    count();
    return {
      el: h("div", { "class": "field field-long-text", "data-field-id": field.id }, fieldHead(field, id, helpId).concat([area, counter, announce])),
      value: function () { return area.value; },
      set: function (v) { area.value = v || ""; count(); },
      lock: function () { area.readOnly = true; },
      focus: function () { area.focus(); },
      problems: function () {
        var n = chars(area.value);
        if (!n) return field.required === false ? [] : [t("fieldRequired", { label: field.label })];
        if (n < min) return [t("fieldTooShort", { label: field.label, n: min - n })];
        if (area.value.length > max) return [t("fieldTooLong", { label: field.label, n: area.value.length, max: max })];
        return [];
      },
    };
  }

  function link(task, field, t, onChange) {
    var id = Z.uid("tf");
    var helpId = Z.uid("th");
    var input = h("input", { id: id, type: "url", inputmode: "url", maxlength: Z.LINK_MAX, placeholder: "https://",
      "aria-describedby": field.help_html ? helpId : null, "data-task-id": task.id, "data-field-id": field.id,
      "data-action": "task-link", oninput: onChange });
    return {
      el: h("div", { "class": "field field-link", "data-field-id": field.id }, fieldHead(field, id, helpId).concat([input])),
      value: function () { return input.value.trim(); },
      set: function (v) { input.value = v || ""; },
      lock: function () { input.readOnly = true; },
      focus: function () { input.focus(); },
      problems: function () {
        var v = input.value.trim();
        if (!v) return field.required === false ? [] : [t("fieldRequired", { label: field.label })];
        return webAddress(v) ? [] : [t("badUrl", { label: field.label })];
      },
    };
  }

  // A link the instructor can open: an absolute http(s) address with a host.
  function webAddress(text) {
    try {
      var url = new URL(text);
      return (url.protocol === "http:" || url.protocol === "https:") && !!url.hostname;
    } catch (err) {
      return false;
    }
  }

  function checklist(task, field, t, onChange) {
    var boxes = field.items.map(function (it) {
      var id = Z.uid("tk");
      var input = h("input", { type: "checkbox", id: id, value: it.id, "data-task-id": task.id, "data-field-id": field.id,
        "data-item-id": it.id, "data-action": "task-check", onchange: onChange });
      return { item: it, input: input, el: h("div", { "class": "choice" }, [input, h("label", { "for": id, text: it.text })]) };
    });
    var helpId = Z.uid("th");
    var legend = h("legend", { "class": "field-label" }, [field.label, field.required === false ? null : h("span", { "class": "required", text: " *" })]);
    var set = h("fieldset", { "class": "field field-checklist", "data-field-id": field.id, "aria-describedby": field.help_html ? helpId : null },
      [legend, field.help_html ? h("div", { "class": "hint", id: helpId, html: field.help_html }) : null].concat(boxes.map(function (b) { return b.el; })));
    return {
      el: set,
      value: function () { return boxes.filter(function (b) { return b.input.checked; }).map(function (b) { return b.item.id; }); },
      set: function (v) { boxes.forEach(function (b) { b.input.checked = (v || []).indexOf(b.item.id) >= 0; }); },
      lock: function () { boxes.forEach(function (b) { b.input.disabled = true; }); },
      focus: function () { if (boxes.length) boxes[0].input.focus(); },
      problems: function () {
        var ticked = boxes.filter(function (b) { return b.input.checked; }).length;
        if (field.require_all && ticked < boxes.length) return [t("tickAll", { label: field.label, n: boxes.length - ticked })];
        if (!ticked && field.required !== false) return [t("tickSome", { label: field.label })];
        return [];
      },
    };
  }

  var INPUT_TYPE = { text: "text", number: "text", percent: "text", date: "date" };

  function display(value, column) {
    if (value === null || value === undefined) return "";
    var text = Z.formatNumber(value);
    return column.type === "percent" ? text + "%" : text;
  }

  function table(task, field, t, onChange) {
    var limits = field.rows || { min: 1, max: 30, start: 3 };
    var rows = [];
    var body = h("tbody", {});
    var foot = h("tfoot", {});
    var captionId = Z.uid("tt");
    var helpId = Z.uid("th");
    var add = h("button", { type: "button", "data-action": "task-add-row", "data-task-id": task.id, "data-field-id": field.id,
      onclick: function () { addRow([]); rows[rows.length - 1].cells[0].input.focus(); changed(); } }, [t("addRow")]);
    var head = h("tr", {}, [h("th", { scope: "col", text: "#" })].concat(field.columns.map(function (c) {
      return h("th", { scope: "col", "data-column-id": c.id }, [c.label, c.formula ? h("span", { "class": "computed-mark", text: " = " + c.formula }) : null]);
    }), [h("th", { scope: "col" }, [h("span", { "class": "visually-hidden", text: t("rowActions") })])]));
    var el = h("div", { "class": "field field-table", "data-field-id": field.id }, [
      h("p", { "class": "field-label", id: captionId }, [field.label, field.required === false ? null : h("span", { "class": "required", text: " *" })]),
      field.help_html ? h("div", { "class": "hint", id: helpId, html: field.help_html }) : null,
      // Its own scroll box: a wide table scrolls sideways on a phone without moving the page.
      h("div", { "class": "table-scroll", role: "region", tabindex: "0", "aria-labelledby": captionId }, [
        h("table", { "class": "task-table", "aria-labelledby": captionId, "aria-describedby": field.help_html ? helpId : null },
          [h("thead", {}, [head]), body, foot]),
      ]),
      add,
    ]);

    function inputRows() {
      return rows.map(function (row) { return row.cells.map(function (c) { return c.input.value; }); });
    }

    // Computed columns and totals, by the one rule (formula.js fillTable, the port of performance/table.py).
    function recompute() {
      var filled = Z.fillTable(field, inputRows());
      rows.forEach(function (row, i) {
        row.number.textContent = String(i + 1);
        row.filled = filled.rows[i];
        field.columns.forEach(function (c) {
          if (c.formula) row.outputs[c.id].textContent = display(filled.rows[i][c.id], c);
        });
        row.remove.disabled = locked || rows.length <= limits.min;
        row.remove.setAttribute("aria-label", t("removeRow", { n: i + 1 }));
      });
      add.disabled = locked || rows.length >= limits.max;
      totals(filled.totals);
    }

    function totals(sums) {
      foot.textContent = "";
      if (!field.totals || !field.totals.length) return;
      var cells = [h("th", { scope: "row", text: t("total") })];
      field.columns.forEach(function (c) {
        if (field.totals.indexOf(c.id) < 0) return cells.push(h("td", {}));
        cells.push(h("td", { "class": "number", "data-total-id": c.id, text: display(sums[c.id], c) }));
      });
      cells.push(h("td", {}));
      foot.appendChild(h("tr", {}, cells));
    }

    function addRow(values) {
      var n = rows.length + 1;
      var row = { cells: [], outputs: {}, number: h("th", { scope: "row", text: String(n) }) };
      var tds = [row.number];
      var k = 0;
      field.columns.forEach(function (c) {
        if (c.formula) {
          var out = h("output", { "data-column-id": c.id, "aria-live": "off" });
          row.outputs[c.id] = out;
          tds.push(h("td", { "class": "number computed" }, [out]));
          return;
        }
        var input = h("input", { type: INPUT_TYPE[c.type] || "text", inputmode: c.type === "number" || c.type === "percent" ? "decimal" : null,
          maxlength: 200, "aria-label": c.label + " " + t("rowN", { n: n }), "data-task-id": task.id, "data-field-id": field.id,
          "data-column-id": c.id, "data-action": "task-cell", oninput: changed });
        input.value = values[k] === undefined ? "" : String(values[k]);
        if (locked) input.readOnly = true;
        k++;
        row.cells.push({ column: c, input: input });
        tds.push(h("td", { "class": c.type === "text" || c.type === "date" ? null : "number" }, [input]));
      });
      row.remove = h("button", { type: "button", "class": "remove-row", "data-action": "task-remove-row", "data-task-id": task.id,
        "data-field-id": field.id, onclick: function () { removeRow(row); } }, ["×"]);
      tds.push(h("td", {}, [row.remove]));
      row.tr = h("tr", {}, tds);
      rows.push(row);
      body.appendChild(row.tr);
      recompute();
    }

    function removeRow(row) {
      var i = rows.indexOf(row);
      if (i < 0 || rows.length <= limits.min) return;
      rows.splice(i, 1);
      body.removeChild(row.tr);
      recompute();
      // Focus stays in the table: on the row that took its place, or the add button.
      var next = rows[Math.min(i, rows.length - 1)];
      if (next) next.cells[0].input.focus();
      else add.focus();
      onChange();
    }

    function changed() {
      recompute();
      onChange();
    }

    function fill(list) {
      rows.forEach(function (row) { body.removeChild(row.tr); });
      rows = [];
      var n = Math.max(limits.start || 0, limits.min || 0, list.length);
      for (var i = 0; i < Math.min(n, limits.max); i++) addRow(list[i] || []);
      recompute();
    }

    var locked = false;
    fill([]);
    return {
      el: el,
      value: inputRows,
      set: function (v) { fill(v || []); },
      lock: function () {
        locked = true;
        rows.forEach(function (row) { row.cells.forEach(function (c) { c.input.readOnly = true; }); });
        recompute();
      },
      focus: function () { if (rows.length) rows[0].cells[0].input.focus(); },
      problems: function () {
        var out = [];
        var filled = Z.tableRows(field, this.value());
        if (!filled.length && field.required !== false) out.push(t("tableEmpty", { label: field.label }));
        if (filled.length && filled.length < limits.min) out.push(t("tableFewRows", { label: field.label, n: limits.min }));
        rows.forEach(function (row, i) {
          row.cells.forEach(function (c) {
            var v = c.input.value.trim();
            if (v && (c.column.type === "number" || c.column.type === "percent") && Z.parseCellNumber(v) === null) {
              out.push(t("cellNotNumber", { label: field.label, n: i + 1, column: c.column.label }));
            }
          });
        });
        return out;
      },
      // Every row with its computed columns, for the download.
      rowsWithComputed: function () {
        return rows.map(function (row) {
          var typed = {};
          row.cells.forEach(function (c) { typed[c.column.id] = c.input.value; });
          return field.columns.map(function (c) { return c.formula ? row.outputs[c.id].textContent : typed[c.id]; });
        }).filter(function (cells) { return cells.some(function (x) { return String(x).trim() !== ""; }); });
      },
    };
  }

  var EDITORS = { long_text: longText, table: table, checklist: checklist, link: link };

  /** One field's editor; onChange() on every edit. */
  function taskEditor(task, field, t, onChange) {
    return EDITORS[field.type](task, field, t, onChange);
  }

  Z.taskEditor = taskEditor;
  Z.webAddress = webAddress;
})(Zhineng);
