/* A performance task's page in the player: draws task-page.js's view and does what the learner's actions on it
 * mean for the saved state and the LMS (a level picked, the deliverable submitted, the self-rating sent). In the
 * pages' script with the view: a launch never needs it before a task's page shows. */
// needs: task-page.js task-state.js state.js
(function (Z) {
  "use strict";

  /** Draw `task`'s page into the player's page and return its view, with checkRoom() added: it says when the
   *  saved state cannot keep the whole draft, with the exact room in the units it counts. */
  function taskPage(player, task) {
    if (!player.shownAt[task.id]) player.shownAt[task.id] = Date.now();
    var view = Z.taskView(task, player.t, {
      draft: function () { player.scheduleDraft(); },
      ratingDraft: function (levels) { keepRatingDraft(player, task, levels); },
      submit: function (values) { return submitTask(player, task, values); },
      rate: function (levels) { rateTask(player, task, levels); },
    });
    view.checkRoom = function () {
      var saved = player.state.tasks[task.id];
      if (!saved || saved.status !== "draft") return;
      var need = Z.taskBody(task, saved.values).length;
      var room = Z.taskRoom(player.payload, player.state, task.id);
      view.showRoom(need > room ? { room: room, need: need } : null);
    };
    var saved = player.state.tasks[task.id];
    if (saved) view.restore(saved);
    player.main.appendChild(view.el);
    view.checkRoom();
    return view;
  }

  // Levels picked before the self-rating is sent: kept in the saved state, committed with the next commit.
  function keepRatingDraft(player, task, levels) {
    var saved = player.state.tasks[task.id];
    if (!saved || saved.status !== "submitted") return;
    saved.ratings = levels;
    player.report();
  }

  /** Returns {kept, full}: the body units the saved state keeps, of the whole deliverable's. */
  function submitTask(player, task, values) {
    var now = Date.now();
    player.cancelDraft();
    var room = Z.taskRoom(player.payload, player.state, task.id);
    var fitted = Z.fitTaskValues(task, values, room);
    player.state.tasks[task.id] = { status: "submitted", values: fitted.values, ratings: {}, cut: fitted.cut };
    // The LMS's record gets the whole deliverable, whatever the saved state could keep.
    player.adapter.recordTask({ task: task, values: values, at: now, startedAt: player.shownAt[task.id] || now });
    player.afterRecord();
    return { kept: Z.taskBody(task, fitted.values).length, full: Z.taskBody(task, values).length };
  }

  function rateTask(player, task, levels) {
    var now = Date.now();
    var saved = player.state.tasks[task.id];
    saved.status = "rated";
    saved.ratings = levels;
    player.adapter.recordRating({ task: task, levels: levels, at: now, startedAt: player.shownAt[task.id] || now });
    player.afterRecord();
  }

  Z.taskPage = taskPage;
})(Zhineng);
