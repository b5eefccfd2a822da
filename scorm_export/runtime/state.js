/* suspend_data codec: a compact, self-delimiting text encoding of the learner's state.
 *
 *   Z3:<contentHash>:<attempt><next interaction b36>:<page b36>:<visited activities, hex bits>:<#answers b36>:
 *      <answers><#reflections b36>:<reflections><#tasks b36>:<tasks>
 *   attempt    = o (open: suspended, or still going) | e (ended: the SCO said exit normal)
 *   answer     = <first 6 of question hash>[*<attempts used, one b36 digit, when more than one>]<body length b36>:<body>
 *   reflection = <fnv6 of reflection id><d|s draft/submitted, upper case when cut><rating 0-5><text length b36>:<text>
 *   task       = <fnv6 of task id><d|s|r draft/submitted/self-rated, upper case when cut><rates>
 *                <body length b36>:<body>   (rates and body: task-state.js)
 *
 * The attempt marker tells a true new attempt (the LMS says ab-initio after an ended one) from an LMS that never
 * says "resume"; the next interaction index survives LMSs that answer "" or a wrong cmi.interactions._count.
 * Z2 (no tasks) and Z1 (no attempt field either: open, next interaction 0) are still read.
 *
 * An answer's body is its question type's (qtype-*.js: choice indexes, not ids, so a record costs a few
 * characters). Every record names its question by hash, so a republished module keeps the answers to unchanged
 * questions and drops the others (with a notice). scorm_export/saved_state.py is this format's Python home
 * (records encoded and decoded; the size budget and the report use it), held to this file by the shared vectors
 * tests/fixtures/suspend_vectors.json; an answer's longest body is its type's `longest_body` (quizzes/types/). */
// needs: question-types.js task-state.js
(function (Z) {
  "use strict";

  var MAGIC = "Z3";
  var OLDER_MAGIC = ["Z2", "Z1"]; // Z2: no tasks; Z1: no tasks and no attempt field
  var HASH_CHARS = 6;
  var INTERACTION_DIGITS = 3; // the next interaction index, at most "zzz"
  var MAX_INTERACTIONS = Math.pow(36, INTERACTION_DIGITS) - 1; // the adapter records no more than this

  function b36(n) {
    return n.toString(36);
  }

  function fnv6(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return ("00000000" + h.toString(16)).slice(-8).slice(0, HASH_CHARS);
  }

  function width(n) {
    return b36(Math.max(n, 1)).length;
  }

  function pad(text, w) {
    while (text.length < w) text = "0" + text;
    return text;
  }

  // Cut to at most n UTF-16 units without splitting a surrogate pair.
  function cut(text, n) {
    if (text.length <= n) return text;
    var end = n;
    var code = text.charCodeAt(end - 1);
    if (end > 0 && code >= 0xd800 && code <= 0xdbff) end--;
    return text.slice(0, end);
  }

  // --- question bodies ------------------------------------------------------------------------

  function encodeBody(q, response) {
    return Z.QUESTION_TYPES[q.type].encode(q, response);
  }

  // Returns the response, or undefined when the body does not fit the (possibly changed) question.
  function decodeBody(q, body) {
    return Z.QUESTION_TYPES[q.type] ? Z.QUESTION_TYPES[q.type].decode(q, body) : undefined;
  }


  // --- whole state ----------------------------------------------------------------------------

  function visitedHex(payload, visited) {
    var acts = payload.objectives.activities;
    var out = "";
    for (var i = 0; i < acts.length; i += 4) {
      var v = 0;
      for (var j = 0; j < 4 && i + j < acts.length; j++) if (visited[acts[i + j]]) v |= 1 << j;
      out += v.toString(16);
    }
    return out;
  }

  // Attempts used at a question, when more than one (a retry): "*" and one digit. Past MAX_USED only "more than
  // one" matters, as only a question without a limit gets there (quizzes/attempts.py MAX_ATTEMPTS).
  var MAX_USED = 35;
  function usedMark(used) {
    return used > 1 ? "*" + b36(Math.min(used, MAX_USED)) : "";
  }

  function record(head, body) {
    return head + b36(body.length) + ":" + body;
  }

  function tasksOf(payload) {
    return payload.tasks || []; // a payload from before tasks has none
  }

  function taskFlag(saved) {
    return Z.TASK_STATUS_FLAG[saved.status] || "d";
  }

  // texts: reflection id -> text; bodies: task id -> body (task-state.js); cutIds: ids of shortened ones.
  function assemble(payload, state, texts, bodies, cutIds) {
    var answers = payload.questions.filter(function (q) { return state.answers[q.id]; });
    var refl = payload.reflections.filter(function (r) { return state.reflections[r.id]; });
    var tasks = tasksOf(payload).filter(function (t) { return (state.tasks || {})[t.id]; });
    var next = Math.min(state.nextInteraction || 0, MAX_INTERACTIONS);
    var out = [MAGIC, payload.contentHash, (state.ended ? "e" : "o") + b36(next), b36(state.page || 0),
      visitedHex(payload, state.visited || {}), b36(answers.length)].join(":") + ":";
    answers.forEach(function (q) {
      var saved = state.answers[q.id];
      out += record(q.hash.slice(0, HASH_CHARS) + usedMark(saved.used || 1), encodeBody(q, saved.response));
    });
    out += b36(refl.length) + ":";
    refl.forEach(function (r) {
      var saved = state.reflections[r.id];
      var flag = saved.submitted ? "s" : "d";
      if (cutIds[r.id]) flag = flag.toUpperCase();
      out += record(fnv6(r.id) + flag + String(saved.rating || 0), texts[r.id]);
    });
    out += b36(tasks.length) + ":";
    tasks.forEach(function (t) {
      var saved = state.tasks[t.id];
      var flag = taskFlag(saved);
      if (cutIds[t.id] || saved.cut) flag = flag.toUpperCase();
      out += record(fnv6(t.id) + flag + Z.taskRatingDigits(t, saved.ratings), bodies[t.id]);
    });
    return out;
  }

  function fullTexts(payload, state) {
    var texts = {};
    payload.reflections.forEach(function (r) {
      var saved = state.reflections[r.id];
      if (saved) texts[r.id] = cut(saved.text || "", r.max_length);
    });
    return texts;
  }

  function fullBodies(payload, state) {
    var bodies = {};
    tasksOf(payload).forEach(function (t) {
      var saved = (state.tasks || {})[t.id];
      if (saved) bodies[t.id] = Z.taskBody(t, saved.values);
    });
    return bodies;
  }

  // The UTF-16 units a record of an n-unit text or body costs beyond an empty one (which paid one length digit).
  function extra(n) {
    return n + b36(n).length - 1;
  }

  // The longest n <= want whose record fits in `room` more units.
  function within(want, room) {
    var n = Math.min(want, Math.max(room, 0));
    while (n > 0 && extra(n) > room) n--;
    return n;
  }

  /** Share `room` among `items` ({id, size, keep(n) -> size kept}), smallest first, each kept to its share;
   *  returns the room left. */
  function share(items, room, cutIds) {
    items.sort(function (a, b) { return a.size - b.size; });
    items.forEach(function (item, k) {
      var part = Math.max(0, Math.floor(room / (items.length - k)));
      var kept = item.keep(within(item.size, part));
      if (kept < item.size) cutIds[item.id] = true;
      room -= extra(kept);
    });
    return room;
  }

  /** Encode within `limit` characters. Submitted reflection texts and submitted deliverables take what room is
   *  left first (the player lets a learner submit only what fits in `textRoom` and keeps of a deliverable only
   *  what fits, saying so, so they are never cut later); drafts share the rest, cut to fit.
   *  Returns {data, cut: [reflection ids whose text was shortened], cutTasks: [task ids likewise]}. */
  function encode(payload, state, limit) {
    var texts = fullTexts(payload, state);
    var bodies = fullBodies(payload, state);
    var data = assemble(payload, state, texts, bodies, {});
    if (!limit || data.length <= limit) return { data: data, cut: [], cutTasks: [] };
    var emptyTexts = {};
    var emptyBodies = {};
    Object.keys(texts).forEach(function (id) { emptyTexts[id] = ""; });
    Object.keys(bodies).forEach(function (id) { emptyBodies[id] = ""; });
    var room = limit - assemble(payload, state, emptyTexts, emptyBodies, {}).length;
    var submitted = [];
    var done = [];
    var drafts = [];
    Object.keys(texts).forEach(function (id) {
      if (!texts[id].length) return;
      var item = { id: id, size: texts[id].length, keep: function (n) { texts[id] = cut(texts[id], n); return texts[id].length; } };
      (state.reflections[id].submitted ? submitted : drafts).push(item);
    });
    tasksOf(payload).forEach(function (t) {
      if (!bodies[t.id]) return;
      var saved = state.tasks[t.id];
      var item = { id: t.id, size: bodies[t.id].length, keep: function (n) {
        bodies[t.id] = Z.taskBody(t, Z.fitTaskValues(t, saved.values, n).values);
        return bodies[t.id].length;
      } };
      (saved.status === "draft" ? drafts : done).push(item);
    });
    var cutIds = {};
    room = share(submitted, room, cutIds);
    room = share(done, room, cutIds);
    share(drafts, room, cutIds);
    var isTask = {};
    tasksOf(payload).forEach(function (t) { isTask[t.id] = true; });
    var ids = Object.keys(cutIds);
    return {
      data: assemble(payload, state, texts, bodies, cutIds),
      cut: ids.filter(function (id) { return !isTask[id]; }),
      cutTasks: ids.filter(function (id) { return isTask[id]; }),
    };
  }

  // What the submitted work other than `except` takes of the text room, and what the reflections not yet
  // submitted still need (their min_length), so that each of them can still be submitted.
  function taken(payload, state, except) {
    var texts = fullTexts(payload, state);
    var used = 0;
    payload.reflections.forEach(function (other) {
      if (other.id === except) return;
      var saved = state.reflections[other.id];
      used += extra(saved && saved.submitted ? texts[other.id].length : other.min_length);
    });
    tasksOf(payload).forEach(function (t) {
      var saved = (state.tasks || {})[t.id];
      if (t.id === except || !saved || saved.status === "draft") return;
      used += extra(Z.taskBody(t, saved.values).length);
    });
    return used;
  }

  /** How many UTF-16 units of reflection `id` a submit may keep: its max_length, within the room the module's
   *  worst-case answers leave (payload.limits.textRoom, from scorm_export/budget.py) after the other submitted
   *  texts and deliverables and the min_length every reflection not yet submitted still needs. Kept that way, a
   *  submitted text is never cut, whatever the learner does later, and every other reflection can still be
   *  submitted. */
  function reflectionRoom(payload, state, id) {
    var refl = payload.reflections.find(function (r) { return r.id === id; });
    var room = payload.limits.textRoom;
    if (room === undefined || room === null) return refl.max_length;
    return within(refl.max_length, room - taken(payload, state, id));
  }

  /** How many UTF-16 units of task `id`'s body (task-state.js) the saved state can keep, on the same terms. */
  function taskRoom(payload, state, id) {
    var room = payload.limits.textRoom;
    if (room === undefined || room === null) return Infinity;
    return within(Infinity, room - taken(payload, state, id));
  }

  function emptyState() {
    return { page: 0, visited: {}, answers: {}, reflections: {}, tasks: {}, ended: false, nextInteraction: 0 };
  }

  function Reader(text) {
    this.text = text;
    this.at = 0;
  }
  Reader.prototype.until = function (sep) {
    var end = this.text.indexOf(sep, this.at);
    if (end < 0) throw new Error("truncated state");
    var out = this.text.slice(this.at, end);
    this.at = end + sep.length;
    return out;
  };
  Reader.prototype.take = function (n) {
    if (this.at + n > this.text.length) throw new Error("truncated state");
    var out = this.text.slice(this.at, this.at + n);
    this.at += n;
    return out;
  };
  Reader.prototype.count = function () {
    var n = parseInt(this.until(":"), 36);
    if (isNaN(n) || n < 0) throw new Error("bad count");
    return n;
  };

  /** Decode saved state against the current payload. Never throws: unreadable state starts afresh.
   *  Returns {state, notices: [{kind: "dropped", count} | {kind: "unreadable"} | {kind: "cut", ids}]}. */
  function decode(payload, text) {
    var state = emptyState();
    if (!text) return { state: state, notices: [] };
    try {
      return decodeStrict(payload, text);
    } catch (err) {
      return { state: state, notices: [{ kind: "unreadable" }] };
    }
  }

  function decodeStrict(payload, text) {
    var state = emptyState();
    var notices = [];
    var r = new Reader(text);
    var magic = r.until(":");
    if (magic !== MAGIC && OLDER_MAGIC.indexOf(magic) < 0) throw new Error("not zhineng state");
    r.until(":"); // contentHash: informative; records are matched by per-question hash below
    if (magic !== "Z1") {
      var attempt = r.until(":");
      var next = parseInt(attempt.slice(1), 36);
      if ("oe".indexOf(attempt.charAt(0)) < 0 || attempt.length < 2 || isNaN(next)) throw new Error("bad attempt");
      state.ended = attempt.charAt(0) === "e";
      state.nextInteraction = next;
    }
    var page = parseInt(r.until(":"), 36);
    state.page = isNaN(page) ? 0 : page;
    var hex = r.until(":");
    payload.objectives.activities.forEach(function (a, i) {
      var nib = parseInt(hex.charAt(i >> 2) || "0", 16);
      if ((nib >> (i & 3)) & 1) state.visited[a] = true;
    });
    var dropped = 0;
    var taken = {};
    var nAnswers = r.count();
    for (var i = 0; i < nAnswers; i++) {
      var hash = r.take(HASH_CHARS);
      var length = r.until(":");
      var used = 1;
      if (length.charAt(0) === "*") {
        used = parseInt(length.charAt(1), 36);
        if (!(used > 1)) throw new Error("bad attempts used");
        length = length.slice(2);
      }
      var body = r.take(parseInt(length, 36));
      var q = payload.questions.find(function (x) { return !taken[x.id] && x.hash.slice(0, HASH_CHARS) === hash; });
      var response = q ? decodeBody(q, body) : undefined;
      if (response === undefined) {
        dropped++;
        continue;
      }
      taken[q.id] = true;
      state.answers[q.id] = used > 1 ? { response: response, used: used } : { response: response };
    }
    var cutIds = [];
    var nRefl = r.count();
    for (var k = 0; k < nRefl; k++) {
      var id6 = r.take(HASH_CHARS);
      var flag = r.take(1);
      var rating = parseInt(r.take(1), 10) || 0;
      var reflText = r.take(parseInt(r.until(":"), 36));
      var refl = payload.reflections.find(function (x) { return fnv6(x.id) === id6; });
      if (!refl) continue;
      if (flag === "D" || flag === "S") cutIds.push(refl.id);
      state.reflections[refl.id] = {
        text: cut(reflText, refl.max_length),
        rating: rating,
        submitted: flag.toLowerCase() === "s",
      };
    }
    var cutTasks = magic === MAGIC ? readTasks(payload, r, state) : [];
    if (dropped) notices.push({ kind: "dropped", count: dropped });
    if (cutIds.length) notices.push({ kind: "cut", ids: cutIds });
    if (cutTasks.length) notices.push({ kind: "cutTasks", ids: cutTasks });
    return { state: state, notices: notices };
  }

  // The task records into state.tasks; returns the ids of the tasks whose deliverable was cut to fit.
  function readTasks(payload, r, state) {
    var cutTasks = [];
    var n = r.count();
    for (var k = 0; k < n; k++) {
      var id6 = r.take(HASH_CHARS);
      var flag = r.take(1);
      var status = Z.TASK_FLAG_STATUS[flag.toLowerCase()];
      if (!status) throw new Error("bad task flag");
      var task = tasksOf(payload).find(function (x) { return fnv6(x.id) === id6; });
      var ratings = Z.readTaskRatings(task, r);
      var body = r.take(parseInt(r.until(":"), 36));
      if (!task) continue;
      var cutNow = flag !== flag.toLowerCase();
      if (cutNow) cutTasks.push(task.id);
      state.tasks[task.id] = { status: status, values: Z.parseTaskBody(task, body), ratings: ratings, cut: cutNow && status !== "draft" };
    }
    return cutTasks;
  }

  Object.assign(Z, {
    encodeState: encode,
    decodeState: decode,
    emptyState: emptyState,
    reflectionRoom: reflectionRoom,
    taskRoom: taskRoom,
    fnv6: fnv6,
    MAX_INTERACTIONS: MAX_INTERACTIONS,
    codec: { b36: b36, width: width, pad: pad, cut: cut }, // for the question types' bodies (qtype-*.js)
  });
})(Zhineng);
