/* The SCO player: pages (overview, one per activity, reflections, progress), the learner's state, and the
 * report to the LMS after each answer and reflection. Reads window.ZHINENG_SCO from data.js. */
// needs: i18n.js dom.js parts.js state.js rollup.js module-progress.js
// optional: xapi-launch.js xapi-adapter.js
// later: grader.js widgets.js reflection.js task-actions.js progress.js adapter.js standalone.js i18n-en.js
(function (Z, root) {
  "use strict";

  var h = Z.h;
  // What every page but the overview shows with, and what grades a resumed attempt's answers: loaded the first
  // time one of them is needed (parts.js), so a launch shows the overview without them.
  var PAGE_MODULES = ["grader.js", "widgets.js", "reflection.js", "task-actions.js", "progress.js"];
  // The SCORM API adapter and the stand-in that keeps the work in this browser: in the SCORM script; the cmi5
  // script loads them only outside a cmi5 launch, or when one fails.
  var LMS_MODULES = ["adapter.js", "standalone.js"];
  // A locale's strings when they are not in the launch script: loaded before the first page is drawn.
  var STRINGS_MODULES = { en: "i18n-en.js" };

  function Player(payload, win) {
    this.payload = payload;
    this.win = win;
    this.t = Z.translator(Z.pickLocale(win.location.search, payload.module.language));
    this.results = {};
    this.views = { questions: {}, reflections: {}, tasks: {} };
    this.shownAt = {};
    this.draftTimer = null;
    this.draftSaves = 0; // autosaves that committed: tests count the LMS's commits with them
    this.notices = [];
    this.cutNoticeShown = false;
  }

  // --- pages -------------------------------------------------------------------------------------

  Player.prototype.buildPages = function () {
    var p = this.payload;
    var acts = p.objectives.activities;
    var loose = p.reflections.filter(function (r) { return acts.indexOf(r.activity) < 0; });
    var pages = [{ key: "overview", title: this.t("overviewPage") }];
    var tasks = p.tasks || [];
    acts.forEach(function (a) {
      var l = p.labels[a] || { label: a, text: "" };
      pages.push({ key: a, activity: a, title: l.label + " " + l.text });
      // A task's page follows its activity's lessons, questions and reflections.
      tasks.filter(function (t) { return t.activity === a; }).forEach(function (t) {
        pages.push({ key: "task:" + t.id, task: t, title: t.title });
      });
    });
    if (loose.length) pages.push({ key: "reflections", title: this.t("reflectionsPage"), reflections: loose });
    pages.push({ key: "progress", title: this.t("progress") });
    return pages;
  };

  // --- boot --------------------------------------------------------------------------------------

  /** Calls then(saved) once an adapter has started: at once in the SCORM script and for a cmi5 launch, once
   *  LMS_MODULES have loaded otherwise. */
  Player.prototype.connect = function (then) {
    var p = this.payload;
    var self = this;
    var launch = Z.cmi5Launch && p.xapi ? Z.cmi5Launch(this.win.location.search) : null;
    if (launch) {
      // A cmi5 launch: the same player, reporting as xAPI statements; if the launch fails, standalone below.
      this.adapter = new Z.XapiAdapter(launch, p, { onCommitState: function (ok) { self.commitBanner.hidden = ok; } });
      var started = this.adapter.start();
      if (started.ok) {
        this.standalone = false;
        then(started);
        return;
      }
    }
    Z.need(LMS_MODULES, function (ok) {
      if (ok) then(self.connectScorm(launch));
      else self.partFailed();
    });
  };

  Player.prototype.connectScorm = function (launch) {
    var p = this.payload;
    var api = launch ? null : Z.findApi(this.win, p.version);
    this.standalone = !api;
    if (!api) api = this.localApi();
    var saved = this.startAdapter(api);
    if (!saved.ok && !this.standalone) {
      // An LMS that refuses Initialize (or whose API throws) would drop everything: keep the work in this
      // browser instead; an API that threw still gets its Commit and Terminate tries on exit.
      if (this.adapter.faulted) this.lmsAdapter = this.adapter;
      this.standalone = true;
      saved = this.startAdapter(this.localApi());
    }
    return saved;
  };

  /** The LMS API threw mid-session: carry on in this browser, with the standalone banner, from the state in
   *  memory; exit still tries the LMS's Commit and Terminate (finish). */
  Player.prototype.goStandalone = function () {
    if (this.standalone) return;
    this.standalone = true;
    this.lmsAdapter = this.adapter;
    this.startAdapter(this.localApi());
    this.standaloneBanner.hidden = false;
    if (this.state) {
      this.report();
      this.adapter.commit();
    }
  };

  Player.prototype.localApi = function () {
    var storage;
    try { storage = this.win.localStorage; } catch (err) { storage = null; }
    return new Z.LocalApi("zhineng:" + this.payload.module.id + ":" + this.payload.version, storage);
  };

  Player.prototype.startAdapter = function (api) {
    var self = this;
    this.adapter = new Z.Adapter(api, this.payload.version, {
      switches: this.payload.profileSwitches,
      onCommitState: function (ok) { self.commitBanner.hidden = ok; },
      // Deferred: the fault may come in the middle of a report to the LMS.
      onFault: function () { self.win.setTimeout(function () { self.goStandalone(); }, 0); },
    });
    return this.adapter.start();
  };

  Player.prototype.loadState = function (saved) {
    var decoded = Z.decodeState(this.payload, saved.suspendData);
    if (decoded.state.ended && saved.entry === "ab-initio") {
      // A true new attempt: the LMS says so and the saved state says the last one ended. Any other entry
      // value ("", "resume", or ab-initio after a suspended attempt) resumes: some LMSs never say "resume".
      decoded = Z.decodeState(this.payload, "");
    } else if (this.adapter.resumeInteractions) {
      this.adapter.resumeInteractions(decoded.state.nextInteraction);
    }
    this.state = decoded.state;
    this.notices = decoded.notices;
    var self = this;
    // Results are re-graded from the saved responses: the grader is deterministic, so nothing else is stored.
    this.payload.questions.forEach(function (q) {
      var a = self.state.answers[q.id];
      if (!a) return;
      try {
        self.results[q.id] = Z.grade(q, a.response);
      } catch (err) {
        delete self.state.answers[q.id];
      }
    });
    var byKey = this.pages.map(function (pg) { return pg.key; }).indexOf(saved.location);
    this.page = byKey >= 0 ? byKey : Math.min(this.state.page || 0, this.pages.length - 1);
  };

  Player.prototype.boot = function (mount) {
    var self = this;
    this.mount = mount;
    // First: a cmi5 learner's preferred language decides the pages' words.
    this.connect(function (saved) { self.open(saved, mount); });
  };

  Player.prototype.open = function (saved, mount) {
    var self = this;
    var locale = Z.pickLocale(this.win.location.search, this.payload.module.language, saved.languagePreference);
    Z.need(STRINGS_MODULES[locale] ? [STRINGS_MODULES[locale]] : [], function (ok) {
      if (!ok) {
        self.partFailed();
        return;
      }
      self.t = Z.translator(locale);
      self.openPages(saved, mount);
    });
  };

  Player.prototype.openPages = function (saved, mount) {
    this.pages = this.buildPages();
    this.renderShell(mount);
    var self = this;
    // A saved attempt is decoded and graded by the question types, and may resume on any page: the page modules
    // come first. A new attempt opens on the overview, which needs none of them.
    if (!saved.suspendData && (!saved.location || saved.location === this.pages[0].key)) {
      this.start(saved, mount);
      return;
    }
    Z.need(PAGE_MODULES, function (ok) {
      if (ok) self.start(saved, mount);
      else self.partFailed();
    });
  };

  /** A part of the runtime did not load (a file missing from the package): say so, and report nothing, so that
   *  nothing saved is overwritten by a state read without it. */
  Player.prototype.partFailed = function () {
    (this.noticeBox || this.mount).appendChild(h("div", { "class": "banner banner-warning", role: "alert", "data-notice": "part-failed", text: this.t("partFailed") }));
  };

  Player.prototype.start = function (saved, mount) {
    this.loadState(saved);
    this.standaloneBanner.hidden = !this.standalone;
    this.showNotices();
    this.renderNav();
    this.show(this.page, false);
    this.report();
    this.adapter.commit();
    var self = this;
    var finish = function () { self.finish(); };
    this.win.addEventListener("pagehide", finish);
    this.win.addEventListener("beforeunload", finish);
    mount.ownerDocument.documentElement.setAttribute("data-ready", "true");
  };

  // --- shell -------------------------------------------------------------------------------------

  Player.prototype.renderShell = function (mount) {
    var t = this.t;
    var self = this;
    mount.textContent = ""; // the launch page's own header, shown before the scripts ran
    this.standaloneBanner = h("div", { "class": "banner banner-standalone", role: "note", "data-banner": "standalone", hidden: true, text: t("standalone") });
    this.commitBanner = h("div", { "class": "banner banner-warning", role: "alert", "data-banner": "commit-failed", hidden: true }, [
      t("commitFailed") + " ",
      h("button", { type: "button", "data-action": "retry-commit", onclick: function () { self.adapter.commit(); } }, [t("retryNow")]),
    ]);
    this.noticeBox = h("div", { "class": "notices" });
    this.nav = h("ol", { "class": "page-list", id: "page-list", onkeydown: function (event) {
      if (event.key === "Escape" && self.navToggle.getAttribute("aria-expanded") === "true") {
        self.toggleNav(false);
        self.navToggle.focus();
      }
    } });
    // On a phone the page list folds away behind this bar (CSS shows it only on narrow screens): it names the
    // page the learner is on, and opens the list.
    this.navCurrent = h("span", { "class": "nav-current" });
    this.navToggle = h("button", { type: "button", "class": "nav-toggle", "aria-expanded": "false", "aria-controls": "page-list",
      "data-action": "toggle-pages", onclick: function () { self.toggleNav(); } }, [h("span", { "class": "nav-label", text: t("pages") }), this.navCurrent]);
    this.main = h("main", { id: "content", tabindex: "-1" });
    this.prev = h("button", { type: "button", "data-action": "previous", onclick: function () { self.show(self.page - 1, true); } }, [t("previous")]);
    this.next = h("button", { type: "button", "data-action": "next", onclick: function () { self.show(self.page + 1, true); } }, [t("next")]);
    this.titleLine = h("p", { "class": "module-title", text: this.payload.module.title });
    // Progress through the module, from the saved state: kept up to date as the learner works (updateProgress).
    this.meter = h("progress", { max: "100", value: "0", "aria-label": t("progressLabel") });
    this.progressText = h("span", { "class": "progress-text" });
    this.progressLine = h("p", { "class": "module-progress" }, [this.meter, " ", this.progressText]);
    this.position = h("p", { "class": "page-position" });
    var top = [this.titleLine, this.progressLine];
    if (this.adapter.exitable) {
      top.push(h("button", { type: "button", "data-action": "exit", onclick: function () { self.exit(); } }, [t("exit")]));
    }
    // First in the tab order: past the header and the page list, to the page's heading.
    mount.appendChild(h("a", { "class": "skip-link", href: "#content", "data-action": "skip", text: t("skipToContent"),
      onclick: function (event) { event.preventDefault(); self.main.querySelector("h1").focus(); } }));
    mount.appendChild(h("header", { "class": "top" }, top));
    mount.appendChild(this.standaloneBanner);
    mount.appendChild(this.commitBanner);
    mount.appendChild(this.noticeBox);
    mount.appendChild(h("div", { "class": "layout" }, [
      h("nav", { "aria-label": t("pages") }, [this.navToggle, this.nav]),
      h("div", { "class": "page" }, [this.main, h("div", { "class": "pager" }, [this.prev, this.next])]),
    ]));
  };

  Player.prototype.showNotices = function () {
    var t = this.t;
    var box = this.noticeBox;
    this.notices.forEach(function (n) {
      var text = n.kind === "dropped" ? t("dropped", { n: n.count }) : n.kind === "cut" ? t("cut")
        : n.kind === "cutTasks" ? t("cutTasks") : t("unreadable");
      box.appendChild(h("div", { "class": "banner banner-notice", role: "status", "data-notice": n.kind, text: text }));
    });
    if (this.notices.some(function (n) { return n.kind === "cut"; })) this.cutNoticeShown = true;
  };

  /** Open or close the page list (a phone's disclosure; on a wide screen the list always shows). */
  Player.prototype.toggleNav = function (open) {
    if (open === undefined) open = this.navToggle.getAttribute("aria-expanded") !== "true";
    this.navToggle.setAttribute("aria-expanded", open ? "true" : "false");
  };

  /** An activity's page is done when its rollup says so, a task's page once the work is submitted, the loose
   * reflections' page once each is submitted; the overview and the progress page never are. */
  Player.prototype.isDone = function (pg, roll) {
    var state = this.state;
    if (pg.activity) return roll.activities[pg.activity].done;
    if (pg.task) return !!state.tasks[pg.task.id] && state.tasks[pg.task.id].status !== "draft";
    if (pg.reflections) return pg.reflections.every(function (r) { var s = state.reflections[r.id]; return !!s && s.submitted; });
    return false;
  };

  Player.prototype.renderNav = function () {
    var self = this;
    var roll = this.rollup();
    this.navCurrent.textContent = this.t("pageOf", { n: this.page + 1, total: this.pages.length }) + " " + this.pages[this.page].title;
    this.nav.textContent = "";
    this.pages.forEach(function (pg, i) {
      self.nav.appendChild(h("li", {}, [h("button", { type: "button", "data-action": "goto", "data-page": pg.key,
        "aria-current": i === self.page ? "page" : null, "class": self.isDone(pg, roll) ? "is-done" : null,
        onclick: function () { self.show(i, true); } }, [pg.title])]));
    });
    this.updateProgress();
  };

  /** The page's place among the pages, and the learner's progress through the module (moduleProgress). */
  Player.prototype.updateProgress = function () {
    var done = Z.moduleProgress(this.payload, this.state);
    this.meter.value = done.pct;
    this.progressLine.setAttribute("data-module-progress", String(done.pct));
    this.progressText.textContent = this.t("progressLine", done);
    this.position.textContent = this.t("pagePosition", { n: this.page + 1, total: this.pages.length });
    this.position.setAttribute("data-position", (this.page + 1) + "/" + this.pages.length);
  };

  /** Where "resume" goes: the first page after the overview that is not done, else the progress page. */
  Player.prototype.resumePage = function () {
    var roll = this.rollup();
    for (var i = 1; i < this.pages.length; i++) {
      if (this.pages[i].key !== "progress" && !this.isDone(this.pages[i], roll)) return i;
    }
    return this.pages.length - 1;
  };

  // --- one page ----------------------------------------------------------------------------------

  Player.prototype.show = function (index, moveFocus) {
    if (index < 0 || index >= this.pages.length) return;
    var self = this;
    this.wanted = index; // the page last asked for: a page whose modules arrive after another was asked for stays unshown
    if (this.pages[index].key === "overview") {
      this.showNow(index, moveFocus);
      return;
    }
    Z.need(PAGE_MODULES, function (ok) {
      if (!ok) self.partFailed();
      else if (self.wanted === index) self.showNow(index, moveFocus);
    });
  };

  Player.prototype.showNow = function (index, moveFocus) {
    this.collectDrafts();
    this.page = index;
    var pg = this.pages[index];
    this.state.page = index;
    if (pg.activity) this.state.visited[pg.activity] = true;
    this.main.textContent = "";
    this.main.setAttribute("data-page", pg.key);
    this.views = { questions: {}, reflections: {}, tasks: {} };
    // One H1 a page: the overview's is the module's title, which the header then leaves out.
    var heading = h("h1", { tabindex: "-1", text: pg.key === "overview" ? this.payload.module.title : pg.title });
    this.titleLine.hidden = pg.key === "overview";
    this.main.appendChild(this.position); // the page's place, above its heading
    this.main.appendChild(heading);
    if (pg.key === "overview") this.renderOverview();
    else if (pg.key === "progress") this.renderProgress();
    else if (pg.key === "reflections") this.renderReflections(pg.reflections);
    else if (pg.task) this.renderTask(pg.task);
    else this.renderActivity(pg.activity);
    this.prev.disabled = index === 0;
    this.next.disabled = index === this.pages.length - 1;
    this.renderNav();
    this.report();
    if (moveFocus) {
      this.toggleNav(false); // a page was picked: the list folds away on a phone
      heading.focus();
    }
  };

  /** The overview, rendered at export (scorm_export/overview_html.py), in the learner's language, with a
   * start button, or a resume button to the first page not done once the learner has begun. */
  Player.prototype.renderOverview = function () {
    var self = this;
    var t = this.t;
    var body = h("div", { html: this.payload.module.overview_html });
    Z.localize(body, t);
    var begun = Z.moduleProgress(this.payload, this.state);
    var target = this.resumePage();
    var last = target === this.pages.length - 1;
    var label = !(begun.visited || begun.answered || begun.reflected || begun.submitted) ? t("start")
      : last ? t("review") : t("resume", { page: this.pages[target].title });
    var slot = body.querySelector("[data-slot=start]");
    if (slot) {
      slot.appendChild(h("button", { type: "button", "class": "submit", "data-action": "start", "data-page": this.pages[target].key,
        onclick: function () { self.show(target, true); } }, [label]));
    }
    while (body.firstChild) this.main.appendChild(body.firstChild);
  };

  Player.prototype.renderActivity = function (activity) {
    var p = this.payload;
    var t = this.t;
    var self = this;
    var lessons = p.lessons.filter(function (l) { return l.activity === activity; });
    var questions = p.questions.filter(function (q) { return q.activity === activity; });
    var reflections = p.reflections.filter(function (r) { return r.activity === activity; });
    if (!lessons.length && !questions.length && !reflections.length) {
      this.main.appendChild(h("p", { text: t("noContent") }));
    }
    lessons.forEach(function (l) {
      // A lesson titled as its activity has no heading of its own (payload.py: lesson_payload).
      self.main.appendChild(h("article", { "class": "lesson", "data-lesson-id": l.id }, [
        l.heading === false ? null : h("h2", { text: l.title }),
        h("p", { "class": "minutes", text: t("minutes", { n: l.minutes }) }), h("div", { html: l.html }),
      ]));
    });
    if (questions.length) {
      this.main.appendChild(h("h2", { text: t("questions") }));
      questions.forEach(function (q, i) { self.main.appendChild(self.questionSection(q, i + 1)); });
    }
    if (reflections.length) this.renderReflections(reflections);
  };

  Player.prototype.renderReflections = function (reflections) {
    var self = this;
    this.main.appendChild(h("h2", { text: this.t("reflections") }));
    reflections.forEach(function (r) {
      if (!self.shownAt[r.id]) self.shownAt[r.id] = Date.now();
      var view = Z.reflectionView(r, self.t, function (entry) { return self.submitReflection(r, entry); }, {
        room: function () { return Z.reflectionRoom(self.payload, self.state, r.id); },
      });
      if (self.state.reflections[r.id]) view.restore(self.state.reflections[r.id]);
      self.views.reflections[r.id] = view;
      self.main.appendChild(view.el);
    });
  };

  Player.prototype.renderTask = function (task) {
    this.views.tasks[task.id] = Z.taskPage(this, task); // task-actions.js: the view and what its actions do
  };

  Player.prototype.questionSection = function (q, number) {
    var self = this;
    if (!this.shownAt[q.id]) this.shownAt[q.id] = Date.now();
    var view = Z.questionView(q, number, this.t, function (response) { return self.submitAnswer(q, response); },
      function () { return self.attemptsUsed(q); });
    if (this.results[q.id]) view.restore(this.state.answers[q.id].response, this.results[q.id]);
    this.views.questions[q.id] = view;
    return view.el;
  };

  Player.prototype.renderProgress = function () {
    this.main.appendChild(Z.progressView(this.payload, this.rollup(), this.t, this.state));
  };

  // --- learner actions ---------------------------------------------------------------------------

  /** Attempts made at a question: a saved answer is one, or as many as its record says (state.js). */
  Player.prototype.attemptsUsed = function (q) {
    var saved = this.state.answers[q.id];
    return saved ? saved.used || 1 : 0;
  };

  Player.prototype.submitAnswer = function (q, response) {
    var used = this.attemptsUsed(q);
    if (used && !Z.canRetry(q, used, this.results[q.id].correct)) throw new Error("no attempt left at " + q.id);
    var result = Z.grade(q, response); // throws ResponseError for the widget to explain
    var now = Date.now();
    // The last submitted attempt is the one that counts (quizzes/attempts.py SCORE_RULE).
    this.state.answers[q.id] = used ? { response: response, used: used + 1 } : { response: response };
    this.results[q.id] = result;
    this.adapter.recordInteraction({
      question: q, response: response, result: result, at: now, startedAt: this.shownAt[q.id] || now,
    });
    this.afterRecord();
    return result;
  };

  /** After an answer, a reflection or a task is recorded: the rollup to the LMS, a commit, the page list. */
  Player.prototype.afterRecord = function () {
    this.report();
    this.adapter.commit();
    this.renderNav();
  };

  /** Returns what the LMS got: {saved: units kept in the saved state, journal: the interaction's text or null}. */
  Player.prototype.submitReflection = function (r, entry) {
    var now = Date.now();
    this.state.reflections[r.id] = { text: entry.text, rating: entry.rating, submitted: true };
    var journal = this.adapter.recordInteraction({ reflection: r, text: entry.text, rating: entry.rating, at: now, startedAt: this.shownAt[r.id] || now });
    this.afterRecord();
    var kept = Z.decodeState(this.payload, this.lastSaved).state.reflections[r.id];
    return { saved: kept ? kept.text.length : 0, journal: typeof journal === "string" ? journal : null };
  };

  /** An edit of a deliverable: saved as a draft once the learner pauses (every change, debounced). */
  Player.prototype.scheduleDraft = function () {
    var self = this;
    if (this.draftTimer !== null) this.win.clearTimeout(this.draftTimer);
    this.draftTimer = this.win.setTimeout(function () {
      self.draftTimer = null;
      self.saveDrafts();
    }, DRAFT_DELAY_MS);
  };

  Player.prototype.cancelDraft = function () {
    if (this.draftTimer !== null) this.win.clearTimeout(this.draftTimer);
    this.draftTimer = null;
  };

  Player.prototype.saveDrafts = function () {
    this.cancelDraft();
    this.collectDrafts();
    this.report();
    this.adapter.commit();
    this.draftSaves++;
    var tasks = this.views.tasks;
    Object.keys(tasks).forEach(function (id) { tasks[id].checkRoom(); });
  };

  Player.prototype.collectDrafts = function () {
    var self = this;
    Object.keys(this.views.tasks).forEach(function (id) {
      var saved = self.state.tasks[id];
      if (saved && saved.status !== "draft") return;
      var task = self.payload.tasks.filter(function (x) { return x.id === id; })[0];
      var values = Z.compactTaskValues(task, self.views.tasks[id].values());
      if (Object.keys(values).length || saved) self.state.tasks[id] = { status: "draft", values: values, ratings: {} };
    });
    Object.keys(this.views.reflections).forEach(function (id) {
      var saved = self.state.reflections[id];
      if (saved && saved.submitted) return;
      var draft = self.views.reflections[id].draft();
      if (draft.text || draft.rating) self.state.reflections[id] = { text: draft.text, rating: draft.rating, submitted: false };
    });
  };

  // --- what the LMS gets -------------------------------------------------------------------------

  Player.prototype.rollup = function () {
    return Z.rollup(this.payload, this.state, this.results);
  };

  var DRAFT_DELAY_MS = 800; // a pause in typing, not every keystroke, reaches the LMS

  // A K item's status as an objective's success (status.js words -> scorm-table.js's).
  var K_STATUS = { mastered: "passed", not_mastered: "failed" };
  // An A item's: reflected on is passed; begun or not, as an activity.
  var A_STATUS = { reflected: "passed", incomplete: "incomplete", not_attempted: "not_attempted" };

  function describe(payload, id) {
    var l = payload.labels[id];
    return l ? l.label + " " + l.text : id;
  }

  Player.prototype.report = function () {
    var p = this.payload;
    var a = this.adapter;
    var roll = this.rollup();
    p.objectives.knowledge.forEach(function (k) {
      var s = roll.knowledge[k];
      // Only a K this attempt has fully assessed is written: until then the LMS keeps what it has, such as a
      // K passed in another module through a shared (global) objective.
      if (!K_STATUS[s.status]) return;
      a.reportObjective("knowledge", k, K_STATUS[s.status], { raw: s.ratio * 100, min: 0, max: 100, scaled: s.ratio }, describe(p, k));
    });
    p.objectives.activities.forEach(function (id) {
      var s = roll.activities[id];
      var score = s.questions ? { raw: s.score.ratio * 100, min: 0, max: 100, scaled: s.score.ratio } : null;
      a.reportObjective("activity", id, s.status, score, describe(p, id)); // completed, incomplete, not_attempted
    });
    p.objectives.attitudes.forEach(function (id) {
      var s = roll.attitudes[id];
      var score = s.submitted ? { raw: s.rating, min: 1, max: 5, scaled: (s.rating - 1) / 4 } : null;
      a.reportObjective("attitude", id, A_STATUS[s.status], score, describe(p, id));
    });
    var ended = a.reportCourse(roll.status, { raw: roll.score.ratio * 100, min: 0, max: 100, scaled: roll.score.ratio });
    this.state.ended = ended === true;
    if (a.interactionCount !== undefined) this.state.nextInteraction = a.interactionCount;
    var encoded = Z.encodeState(p, this.state, p.limits.suspendData);
    this.lastSaved = encoded.data;
    if (encoded.cut.length && !this.cutNoticeShown) {
      this.cutNoticeShown = true;
      this.noticeBox.appendChild(h("div", { "class": "banner banner-notice", role: "status", "data-notice": "cut", text: this.t("cut") }));
    }
    a.saveProgress(this.pages[this.page].key, encoded.data);
  };

  Player.prototype.finish = function () {
    if (this.finished) return;
    this.finished = true;
    if (this.draftTimer !== null) this.win.clearTimeout(this.draftTimer);
    this.collectDrafts();
    this.report();
    if (this.adapter.faulted) this.goStandalone();
    this.adapter.terminate();
    if (this.lmsAdapter) this.lmsAdapter.terminate();
  };

  /** The exit control of a cmi5 AU (cmi5 10.2.6): terminate, wait for the last batch, go to returnURL. */
  Player.prototype.exit = function () {
    this.finish();
    var self = this;
    this.adapter.settled().then(function () {
      if (self.adapter.returnURL) {
        self.win.location.assign(self.adapter.returnURL);
        return;
      }
      self.main.textContent = "";
      self.main.appendChild(h("p", { role: "status", "data-notice": "exited", text: self.t("exited") }));
      self.prev.disabled = self.next.disabled = true;
    });
  };

  Z.Player = Player;

  // Start once the page is parsed; data.js has set ZHINENG_SCO before the shared scripts ran.
  if (root.ZHINENG_SCO && root.document) {
    var start = function () {
      var mount = root.document.getElementById("zhineng");
      Z.player = new Player(root.ZHINENG_SCO, root);
      Z.player.boot(mount);
    };
    if (root.document.readyState === "loading") root.document.addEventListener("DOMContentLoaded", start);
    else start();
  }
})(Zhineng, window);
