/* A deliverable field's value as text: the port of performance/codec.py (tests/vectors/deliverable.json proves
 * the two equal, tests/js/deliverable.test.js).
 *   long_text, link -> the text itself
 *   table           -> compact JSON array of row arrays: input columns only, cells as strings
 *   checklist       -> compact JSON array of the ticked item ids
 * SCORM 2004 interactions hold it in parts of at most PART_MAX UTF-16 units (responses.js lmsParts). */
// needs:
(function (Z) {
  "use strict";

  var PART_MAX = 4000; // SCORM 2004's long-fill-in learner_response (SPM 4,000)
  var LINK_MAX = 2000; // the link input's maxlength: longer than any URL a browser keeps

  function inputColumns(field) {
    return field.columns.filter(function (c) { return c.formula === null || c.formula === undefined; });
  }

  // A cell as a form gives it: a string; anything else has no one spelling across languages, so it is blank.
  function cell(row, i) {
    return Array.isArray(row) && i < row.length && typeof row[i] === "string" ? row[i] : "";
  }

  /** The rows a table holds, as the codec writes them: input cells as strings, rows of blank cells left out. */
  function tableRows(field, rows) {
    var n = inputColumns(field).length;
    return (Array.isArray(rows) ? rows : []).map(function (row) {
      var out = [];
      for (var i = 0; i < n; i++) out.push(cell(row, i));
      return out;
    }).filter(function (row) { return row.some(function (c) { return c.trim() !== ""; }); });
  }

  /** value: a string (long_text, link), rows of input cells (table) or ticked item ids (checklist). */
  function valueText(field, value) {
    if (field.type === "table") return JSON.stringify(tableRows(field, value));
    if (field.type === "checklist") {
      var ticked = Array.isArray(value) ? value : [];
      return JSON.stringify(field.items.map(function (it) { return it.id; })
        .filter(function (id) { return ticked.indexOf(id) >= 0; }));
    }
    return typeof value === "string" ? value : "";
  }

  /** The ids of a field's parts: "<task>/<field>", then "<task>/<field>/<n>" from the second (performance/ids.py). */
  function partId(taskId, fieldId, n) {
    return taskId + "/" + fieldId + (n >= 2 ? "/" + n : "");
  }

  function selfRatingId(taskId, criterionId) {
    return taskId + "/self/" + criterionId;
  }

  /** {field id: value text} of every field: the xAPI result.response object. */
  function responseObject(task, values) {
    var out = {};
    task.deliverable.forEach(function (f) { out[f.id] = valueText(f, values[f.id]); });
    return out;
  }

  Object.assign(Z, {
    PART_MAX: PART_MAX, LINK_MAX: LINK_MAX, valueText: valueText, tableRows: tableRows, inputColumns: inputColumns,
    partId: partId, selfRatingId: selfRatingId, responseObject: responseObject,
  });
})(Zhineng);
