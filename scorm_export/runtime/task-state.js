/* A task's record in the saved state (state.js writes the records; its header comment has the layout):
 * the deliverable as typed values, the status and the self-rating levels.
 *
 *   body  = compact JSON object {field id: value} of the fields with something in them, in deliverable order;
 *           value = text (long_text, link), array of rows of input cells (table), ticked item ids (checklist)
 *   rates = <number of criteria b36, one digit><one digit per criterion: its level, 0 = not rated>
 *
 * Drafts keep a table's blank rows (the learner's layout), up to the last row with something in it. */
// needs: deliverable.js
(function (Z) {
  "use strict";

  var STATUS_FLAG = { draft: "d", submitted: "s", rated: "r" };
  var FLAG_STATUS = { d: "draft", s: "submitted", r: "rated" };

  // Cut to at most n UTF-16 units without splitting a surrogate pair.
  function cutText(text, n) {
    if (text.length <= n) return text;
    var end = Math.max(n, 0);
    var code = text.charCodeAt(end - 1);
    if (end > 0 && code >= 0xd800 && code <= 0xdbff) end--;
    return text.slice(0, end);
  }

  function keptRows(field, rows) {
    var n = Z.inputColumns(field).length;
    var out = (rows || []).map(function (row) {
      var cells = [];
      for (var i = 0; i < n; i++) cells.push(row && row[i] !== null && row[i] !== undefined ? String(row[i]) : "");
      return cells;
    });
    while (out.length && out[out.length - 1].every(function (c) { return c === ""; })) out.pop();
    return out;
  }

  /** The values worth keeping, field by field (empty ones left out). */
  function compact(task, values) {
    var out = {};
    task.deliverable.forEach(function (f) {
      var v = values ? values[f.id] : undefined;
      if (v === undefined || v === null) return;
      if (f.type === "table") {
        var rows = keptRows(f, v);
        if (rows.length) out[f.id] = rows;
      } else if (f.type === "checklist") {
        var ids = f.items.map(function (it) { return it.id; }).filter(function (id) { return v.indexOf(id) >= 0; });
        if (ids.length) out[f.id] = ids;
      } else if (String(v) !== "") {
        // A long text past max_length (a paste, announced) is kept whole: submit refuses it until shortened.
        out[f.id] = f.type === "long_text" ? String(v) : cutText(String(v), Z.LINK_MAX);
      }
    });
    return out;
  }

  function body(task, values) {
    var kept = compact(task, values);
    return Object.keys(kept).length ? JSON.stringify(kept) : "";
  }

  /** The values a body holds, checked against the (possibly republished) task: what no longer fits is left out. */
  function parseBody(task, text) {
    var out = {};
    if (!text) return out;
    var data = JSON.parse(text);
    if (!data || typeof data !== "object" || Array.isArray(data)) throw new Error("bad task body");
    task.deliverable.forEach(function (f) {
      var v = data[f.id];
      if (v === undefined) return;
      if (f.type === "table") {
        var n = Z.inputColumns(f).length;
        if (Array.isArray(v) && v.every(function (row) { return Array.isArray(row) && row.length === n; })) {
          out[f.id] = v.map(function (row) { return row.map(String); });
        }
      } else if (f.type === "checklist") {
        if (Array.isArray(v)) out[f.id] = f.items.map(function (it) { return it.id; }).filter(function (id) { return v.indexOf(id) >= 0; });
      } else if (typeof v === "string") {
        out[f.id] = v;
      }
    });
    return out;
  }

  /** The largest part of `values` whose body has at most `room` UTF-16 units: long texts are cut from the end,
   *  tables lose rows from the end, then whole fields go. Returns {values, cut}. */
  function fit(task, values, room) {
    var kept = compact(task, values);
    var full = body(task, kept);
    if (full.length <= room) return { values: kept, cut: false };
    var work = JSON.parse(JSON.stringify(kept));
    var size = function () { return body(task, work).length; };
    var guard = 100000;
    while (size() > room && guard-- > 0) {
      var over = size() - Math.max(room, 0);
      var ids = Object.keys(work);
      if (!ids.length) break;
      // The biggest field gives way first.
      ids.sort(function (a, b) { return JSON.stringify(work[b]).length - JSON.stringify(work[a]).length; });
      var id = ids[0];
      var field = task.deliverable.filter(function (f) { return f.id === id; })[0];
      var v = work[id];
      if (typeof v === "string" && v.length > 1) {
        work[id] = cutText(v, Math.max(v.length - over, 0));
        if (work[id].length === v.length) work[id] = cutText(v, v.length - 1);
        if (!work[id]) delete work[id];
      } else if (Array.isArray(v) && v.length > 1 && field.type === "table") {
        v.pop();
      } else {
        delete work[id];
      }
    }
    return { values: work, cut: true };
  }

  function ratingDigits(task, ratings) {
    var out = task.rubric.length.toString(36);
    task.rubric.forEach(function (c) {
      var level = ratings && ratings[c.id];
      out += level >= 1 && level <= 9 ? String(level) : "0";
    });
    return out;
  }

  /** Read `<n><digits>` from a Reader; levels outside the (republished) rubric are left out. */
  function readRatings(task, reader) {
    var n = parseInt(reader.take(1), 36);
    if (isNaN(n)) throw new Error("bad rating count");
    var digits = reader.take(n);
    var out = {};
    if (!task) return out;
    for (var i = 0; i < n && i < task.rubric.length; i++) {
      var level = parseInt(digits.charAt(i), 10);
      if (level >= 1 && level <= task.rubric[i].levels.length) out[task.rubric[i].id] = level;
    }
    return out;
  }

  Object.assign(Z, {
    taskBody: body, parseTaskBody: parseBody, fitTaskValues: fit, compactTaskValues: compact,
    taskRatingDigits: ratingDigits, readTaskRatings: readRatings, TASK_STATUS_FLAG: STATUS_FLAG, TASK_FLAG_STATUS: FLAG_STATUS,
    });
})(Zhineng);
