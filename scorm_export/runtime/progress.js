/* The progress view: progress through the module and the score apart, then per-K mastery, per-activity and
 * per-attitude status. */
// needs: dom.js module-progress.js
(function (Z) {
  "use strict";

  var h = Z.h;

  function pct(ratio) {
    return Math.round(ratio * 100) + "%";
  }

  function table(caption, head, rows) {
    return h("table", { "class": "progress-table" }, [
      h("caption", { text: caption }),
      h("thead", {}, [h("tr", {}, head.map(function (x) { return h("th", { scope: "col", text: x }); }))]),
      h("tbody", {}, rows.map(function (cells) {
        return h("tr", { "data-objective-id": cells.id }, cells.values.map(function (x, i) {
          return i === 0 ? h("th", { scope: "row", text: x }) : h("td", { text: x });
        }));
      })),
    ]);
  }

  function label(payload, id) {
    var l = payload.labels[id] || { label: id, text: "" };
    return l.label + (l.text ? " " + l.text : "");
  }

  // A task's standing: a self-rating is shown as such; only an instructor's rating decides its O items.
  var TASK_STATUS = { draft: "taskDraft", submitted: "taskAwaitingRating", rated: "taskSelfRated" };

  function progressView(payload, roll, t, state) {
    var k = payload.objectives.knowledge.map(function (id) {
      var s = roll.knowledge[id];
      // The score (how well) and the questions answered (how far) in columns of their own.
      return { id: id, values: [label(payload, id), pct(s.ratio), t("answeredOf", { n: s.answered, total: s.questions }), t("statusOf." + s.status)] };
    });
    var a = payload.objectives.activities.map(function (id) {
      var s = roll.activities[id];
      return { id: id, values: [label(payload, id), s.questions ? pct(s.score.ratio) : "—", t("statusOf." + s.status)] };
    });
    var att = payload.objectives.attitudes.map(function (id) {
      var s = roll.attitudes[id];
      return { id: id, values: [label(payload, id), s.submitted ? String(Math.round(s.rating * 10) / 10) + " / 5" : "—", t("statusOf." + s.status)] };
    });
    var tasks = (payload.tasks || []).map(function (task) {
      var saved = state && state.tasks ? state.tasks[task.id] : null;
      return { id: task.id, values: [task.title, task.outputs.map(function (o) { return label(payload, o); }).join("、"),
        t(saved ? TASK_STATUS[saved.status] : "taskNotStarted")] };
    });
    var done = Z.moduleProgress(payload, state);
    return h("div", { "class": "progress" }, [
      // Progress (how far) and score (how well) are different things, each on its own line.
      h("p", { "class": "summary-progress", "data-module-progress": done.pct, text: t("progressDetail", done) }),
      h("p", { "class": "summary", "data-module-status": roll.status }, [
        h("strong", { text: t("scoreLine", { score: pct(roll.score.ratio), status: t("moduleStatus." + roll.status) }) }),
      ]),
      table(t("knowledge"), [t("item"), t("result"), t("progressColumn"), t("status")], k),
      table(t("activities"), [t("item"), t("result"), t("status")], a),
      att.length ? table(t("attitudes"), [t("item"), t("result"), t("status")], att) : null,
      tasks.length ? table(t("tasks"), [t("task"), t("outputs"), t("status")], tasks) : null,
    ]);
  }

  Z.progressView = progressView;
})(Zhineng);
