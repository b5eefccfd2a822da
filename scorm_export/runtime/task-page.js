/* A performance task's page: the brief, the resources, the deliverable's editors (autosaved as a draft on every
 * change), submit (required fields checked), then the learner rates their own work against the rubric, then
 * the exemplar. The LMS side (what is saved, what is recorded) is the player's: this view calls
 *   handlers.draft(values)          on every change (the player debounces the save)
 *   handlers.submit(values) -> {kept, full, room}  the body units the saved state keeps of the full body
 *   handlers.rate(levels)           {criterion id: level}
 * Nothing is dropped behind the learner's back: what the platform cannot keep is said with the exact room, and
 * the whole deliverable can be downloaded at any time. */
// needs: dom.js formula.js task-editors.js
(function (Z) {
  "use strict";

  var h = Z.h;

  // Its scroll box is named by the resource's heading: a page with several tables tells them apart.
  function dataTable(table, headingId) {
    return h("div", { "class": "table-scroll", role: "region", tabindex: "0", "aria-labelledby": headingId }, [h("table", { "class": "resource-table" }, [
      h("thead", {}, [h("tr", {}, table.columns.map(function (c) { return h("th", { scope: "col", text: c }); }))]),
      h("tbody", {}, table.rows.map(function (row) {
        return h("tr", {}, row.map(function (cell) {
          return h("td", { "class": typeof cell === "number" ? "number" : null, text: typeof cell === "number" ? Z.formatNumber(cell) : String(cell) });
        }));
      })),
    ])]);
  }

  function resource(r) {
    var headingId = Z.uid("resource");
    return h("section", { "class": "resource", "data-resource-id": r.id }, [
      h("h3", { id: headingId, text: r.title }),
      r.body_html ? h("div", { html: r.body_html }) : null,
      r.table ? dataTable(r.table, headingId) : null,
    ]);
  }

  /** The deliverable as plain text, for the learner to keep: every field under its label, tables by tabs. */
  function plainText(task, editors) {
    var out = [task.title, ""];
    task.deliverable.forEach(function (f) {
      var ed = editors[f.id];
      out.push("## " + f.label);
      if (f.type === "table") {
        out.push(f.columns.map(function (c) { return c.label; }).join("\t"));
        ed.rowsWithComputed().forEach(function (cells) { out.push(cells.join("\t")); });
      } else if (f.type === "checklist") {
        var ticked = ed.value();
        f.items.forEach(function (it) { out.push((ticked.indexOf(it.id) >= 0 ? "[x] " : "[ ] ") + it.text); });
      } else {
        out.push(ed.value());
      }
      out.push("");
    });
    return out.join("\n");
  }

  function criterionSet(task, c, t, hook) {
    var name = Z.uid("cr");
    var inputs = [];
    var rows = c.levels.map(function (level, i) {
      var id = Z.uid("lv");
      var input = h("input", Object.assign({ type: "radio", name: name, id: id, value: String(i + 1), "data-action": "task-rate",
        "data-criterion-id": c.id, "data-level": String(i + 1), onchange: hook }, { "data-task-id": task.id }));
      inputs.push(input);
      // The whole row is the label: a tap anywhere on the level picks it.
      return h("label", { "class": "level", "for": id }, [input, h("span", { "class": "level-head" }, [
        h("strong", { text: level.label }), " ", h("span", { "class": "points", text: t("points", { n: level.points }) }),
      ]), h("span", { "class": "descriptor", html: level.descriptor_html })]);
    });
    var el = h("fieldset", { "class": "criterion", "data-criterion-id": c.id }, [h("legend", { text: c.title })].concat(rows));
    return {
      el: el,
      level: function () {
        var on = inputs.filter(function (x) { return x.checked; })[0];
        return on ? Number(on.value) : 0;
      },
      set: function (level) { inputs.forEach(function (x, i) { x.checked = level === i + 1; }); },
      lock: function () { inputs.forEach(function (x) { x.disabled = true; }); },
      focus: function () { inputs[0].focus(); },
    };
  }

  function taskView(task, t, handlers) {
    var hook = { "data-task-id": task.id };
    var editors = {};
    var order = task.deliverable.map(function (f) {
      editors[f.id] = Z.taskEditor(task, f, t, changed);
      return editors[f.id];
    });
    var problems = h("div", Object.assign({ "class": "message", role: "alert", hidden: true, "data-task-problems": task.id }, hook));
    var room = h("p", Object.assign({ "class": "announce", role: "status", "data-task-room": task.id }, hook));
    var download = h("a", Object.assign({ "data-action": "download-deliverable", download: "deliverable-" + task.id + ".txt",
      href: "#", text: t("downloadDeliverable"), onclick: refreshDownload }, hook));
    var submit = h("button", Object.assign({ type: "button", "class": "submit", "data-action": "submit-task", onclick: trySubmit }, hook), [t("submitTask")]);
    var outcome = h("p", Object.assign({ "class": "outcome", role: "status", tabindex: "-1", "data-task-outcome": task.id }, hook));
    var criteria = task.rubric.map(function (c) { return criterionSet(task, c, t, rated); });
    var rateProblems = h("p", Object.assign({ "class": "message", role: "alert", hidden: true }, hook));
    var rateButton = h("button", Object.assign({ type: "button", "class": "submit", "data-action": "submit-self-rating", onclick: tryRate }, hook), [t("submitSelfRating")]);
    var rateHeading = h("h2", { tabindex: "-1", text: t("selfRating") });
    var rating = h("section", Object.assign({ "class": "self-rating", hidden: true, "data-task-self-rating": task.id }, hook), [
      rateHeading, h("p", { "class": "hint", text: t("selfRatingHint") }),
    ].concat(criteria.map(function (c) { return c.el; }), [rateProblems, rateButton]));
    var points = h("p", Object.assign({ "class": "outcome", "data-task-points": task.id }, hook));
    var exemplarHeading = h("h2", { tabindex: "-1", text: t("exemplar") });
    var exemplar = h("section", Object.assign({ "class": "exemplar", hidden: true, "data-task-exemplar": task.id }, hook), [
      exemplarHeading, points, h("div", { html: task.exemplar_html }),
    ]);
    var el = h("div", Object.assign({ "class": "task" }, hook), [
      h("p", { "class": "minutes", text: t("minutes", { n: task.minutes }) }),
      h("section", { "class": "brief" }, [h("h2", { text: t("brief") }), h("div", { html: task.brief_html })]),
      task.resources && task.resources.length ? h("section", { "class": "resources" }, [h("h2", { text: t("resources") })].concat(task.resources.map(resource))) : null,
      h("section", { "class": "deliverable" }, [h("h2", { text: t("deliverable") }), h("p", { "class": "hint", text: t("autosaveHint") })]
        .concat(order.map(function (e) { return e.el; }), [problems, room, h("p", { "class": "keep-text" }, [download]), submit, outcome])),
      rating,
      exemplar,
    ]);

    function values() {
      var out = {};
      task.deliverable.forEach(function (f) { out[f.id] = editors[f.id].value(); });
      return out;
    }

    function refreshDownload() {
      download.setAttribute("href", "data:text/plain;charset=utf-8," + encodeURIComponent(plainText(task, editors)));
    }

    function changed() {
      refreshDownload();
      handlers.draft(values());
    }

    function levels() {
      var out = {};
      task.rubric.forEach(function (c, i) { if (criteria[i].level()) out[c.id] = criteria[i].level(); });
      return out;
    }

    function rated() {
      handlers.ratingDraft(levels());
    }

    function showProblems(box, list) {
      box.textContent = "";
      box.hidden = !list.length;
      if (list.length === 1) box.textContent = list[0];
      else if (list.length) box.appendChild(h("ul", {}, list.map(function (m) { return h("li", { text: m }); })));
    }

    function trySubmit() {
      var found = [];
      var first = null;
      task.deliverable.forEach(function (f) {
        var list = editors[f.id].problems();
        if (list.length && !first) first = editors[f.id];
        found = found.concat(list);
      });
      showProblems(problems, found);
      if (found.length) {
        first.focus();
        return;
      }
      var got = handlers.submit(values());
      lockDeliverable();
      tellKept(got);
      rating.hidden = false;
      rateHeading.focus();
    }

    // What the platform keeps, in the units it counts; the download holds everything.
    function tellKept(got) {
      outcome.textContent = got && got.kept < got.full ? t("submittedCut", { n: got.kept, full: got.full }) : t("submitted");
    }

    function lockDeliverable() {
      order.forEach(function (e) { e.lock(); });
      problems.hidden = true;
      submit.hidden = true;
    }

    function tryRate() {
      var missing = task.rubric.filter(function (c, i) { return !criteria[i].level(); });
      showProblems(rateProblems, missing.length ? [t("rateEveryCriterion", { n: missing.length })] : []);
      if (missing.length) {
        criteria[task.rubric.indexOf(missing[0])].focus();
        return;
      }
      handlers.rate(levels());
      showRated(levels());
      exemplarHeading.focus();
    }

    function showRated(given) {
      criteria.forEach(function (c) { c.lock(); });
      rateButton.hidden = true;
      var total = 0;
      var max = 0;
      task.rubric.forEach(function (c) {
        total += c.levels[given[c.id] - 1].points;
        max += c.levels[c.levels.length - 1].points;
      });
      points.textContent = t("selfPoints", { n: total, max: max });
      exemplar.hidden = false;
    }

    refreshDownload();
    return {
      el: el,
      values: values,
      /** Show what the saved state holds: saved = {status, values, ratings, cut}. */
      restore: function (saved) {
        task.deliverable.forEach(function (f) { if (saved.values[f.id] !== undefined) editors[f.id].set(saved.values[f.id]); });
        task.rubric.forEach(function (c, i) { if (saved.ratings && saved.ratings[c.id]) criteria[i].set(saved.ratings[c.id]); });
        refreshDownload();
        if (saved.status === "draft") return;
        lockDeliverable();
        outcome.textContent = saved.cut ? t("submittedWasCut") : t("submitted");
        rating.hidden = false;
        if (saved.status === "rated") showRated(saved.ratings);
      },
      /** The autosave's word on room: null when everything fits, else {room, need} in body units. */
      showRoom: function (fit) {
        room.textContent = fit ? t("draftTooBig", { room: fit.room, need: fit.need }) : "";
      },
    };
  }

  Z.taskView = taskView;
  Z.deliverableText = plainText;
})(Zhineng);
