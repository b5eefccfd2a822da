/* suspend_data codec: a compact, self-delimiting text encoding of the learner's state.
 *
 *   Z2:<contentHash>:<attempt><next interaction b36>:<page b36>:<visited activities, hex bits>:<#answers b36>:
 *      <answers><#reflections b36>:<reflections>
 *   attempt    = o (open: suspended, or still going) | e (ended: the SCO said exit normal)
 *   answer     = <first 6 of question hash><body length b36>:<body>
 *   reflection = <fnv6 of reflection id><d|s draft/submitted, upper case when cut><rating 0-5><text length b36>:<text>
 *
 * The attempt marker tells a true new attempt (the LMS says ab-initio after an ended one) from an LMS that never
 * says "resume"; the next interaction index survives LMSs that answer "" or a wrong cmi.interactions._count.
 * Z1 (no attempt field) is still read: open, next interaction 0.
 *   answer     = <first 6 of question hash><body length b36>:<body>
 *   reflection = <fnv6 of reflection id><d|s draft/submitted, upper case when cut><rating 0-5><text length b36>:<text>
 *
 * Bodies hold choice indexes, not ids, so a record costs a few characters. Every record names its question by
 * hash, so a republished module keeps the answers to unchanged questions and drops the others (with a notice).
 * scorm_export/budget.py mirrors the sizes here; keep the two in step. */
// needs:
(function (Z) {
  "use strict";

  var MAGIC = "Z2";
  var LEGACY_MAGIC = "Z1";
  var HASH_CHARS = 6;
  var INTERACTION_DIGITS = 3; // the next interaction index, at most "zzz"
  var MAX_INTERACTIONS = Math.pow(36, INTERACTION_DIGITS) - 1; // the adapter records no more than this
  var NUMERIC_MAX = 32; // the numeric input's maxlength
  var SHORT_TEXT_MAX = 100; // the short-text input's maxlength

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
    var w;
    switch (q.type) {
      case "single_choice":
        return b36(q.choices.findIndex(function (c) { return c.id === response; }));
      case "multiple_response": {
        var nibbles = "";
        for (var i = 0; i < q.choices.length; i += 4) {
          var v = 0;
          for (var j = 0; j < 4 && i + j < q.choices.length; j++) {
            if (response.indexOf(q.choices[i + j].id) >= 0) v |= 1 << j;
          }
          nibbles += v.toString(16);
        }
        return nibbles;
      }
      case "true_false":
        return response ? "1" : "0";
      case "numeric":
        return cut(String(response), NUMERIC_MAX);
      case "short_text":
        return cut(response, SHORT_TEXT_MAX);
      case "ordering":
        w = width(q.items.length - 1);
        return response.map(function (id) {
          return pad(b36(q.items.findIndex(function (it) { return it.id === id; })), w);
        }).join("");
      case "matching":
        w = width(q.options.length);
        return q.premises.map(function (p) {
          var k = q.options.findIndex(function (o) { return o.id === response[p.id]; });
          return pad(b36(k + 1), w);
        }).join("");
    }
    throw new Error("unknown question type " + q.type);
  }

  // Returns the response, or undefined when the body does not fit the (possibly changed) question.
  function decodeBody(q, body) {
    var w, out, i;
    switch (q.type) {
      case "single_choice": {
        var c = q.choices[parseInt(body, 36)];
        return c ? c.id : undefined;
      }
      case "multiple_response":
        if (body.length !== Math.ceil(q.choices.length / 4)) return undefined;
        return q.choices.filter(function (ch, k) {
          return (parseInt(body.charAt(k >> 2), 16) >> (k & 3)) & 1;
        }).map(function (ch) { return ch.id; });
      case "true_false":
        return body === "1" ? true : body === "0" ? false : undefined;
      case "numeric":
      case "short_text":
        return body;
      case "ordering":
        w = width(q.items.length - 1);
        if (body.length !== w * q.items.length) return undefined;
        out = [];
        for (i = 0; i < body.length; i += w) {
          var item = q.items[parseInt(body.slice(i, i + w), 36)];
          if (!item) return undefined;
          out.push(item.id);
        }
        return out;
      case "matching":
        w = width(q.options.length);
        if (body.length !== w * q.premises.length) return undefined;
        out = {};
        for (i = 0; i < q.premises.length; i++) {
          var k = parseInt(body.slice(i * w, i * w + w), 36);
          if (k > q.options.length || isNaN(k)) return undefined;
          if (k > 0) out[q.premises[i].id] = q.options[k - 1].id;
        }
        return out;
    }
    return undefined;
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

  function record(head, body) {
    return head + b36(body.length) + ":" + body;
  }

  function assemble(payload, state, texts, cutIds) {
    var answers = payload.questions.filter(function (q) { return state.answers[q.id]; });
    var refl = payload.reflections.filter(function (r) { return state.reflections[r.id]; });
    var next = Math.min(state.nextInteraction || 0, MAX_INTERACTIONS);
    var out = [MAGIC, payload.contentHash, (state.ended ? "e" : "o") + b36(next), b36(state.page || 0),
      visitedHex(payload, state.visited || {}), b36(answers.length)].join(":") + ":";
    answers.forEach(function (q) {
      out += record(q.hash.slice(0, HASH_CHARS), encodeBody(q, state.answers[q.id].response));
    });
    out += b36(refl.length) + ":";
    refl.forEach(function (r) {
      var saved = state.reflections[r.id];
      var flag = saved.submitted ? "s" : "d";
      if (cutIds[r.id]) flag = flag.toUpperCase();
      out += record(fnv6(r.id) + flag + String(saved.rating || 0), texts[r.id]);
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

  // Share `room` among `ids` (shortest first, each cut to its share); returns the room left.
  function share(texts, ids, room, cutIds) {
    ids.sort(function (a, b) { return texts[a].length - texts[b].length; });
    ids.forEach(function (id, k) {
      var part = Math.max(0, Math.floor(room / (ids.length - k)));
      // The empty text already paid one length digit; a longer text may need more.
      var n = Math.min(texts[id].length, part);
      while (n > 0 && n + b36(n).length - 1 > part) n--;
      var kept = cut(texts[id], n);
      if (kept.length < texts[id].length) cutIds[id] = true;
      room -= kept.length + b36(kept.length).length - 1;
      texts[id] = kept;
    });
    return room;
  }

  /** Encode within `limit` characters. Submitted reflection texts take what room is left first (the player lets
   *  a learner submit only what fits in `textRoom`, so they are never cut); drafts share the rest, cut to fit.
   *  Returns {data, cut: [reflection ids whose text was shortened]}. */
  function encode(payload, state, limit) {
    var texts = fullTexts(payload, state);
    var data = assemble(payload, state, texts, {});
    if (!limit || data.length <= limit) return { data: data, cut: [] };
    var empty = {};
    Object.keys(texts).forEach(function (id) { empty[id] = ""; });
    var room = limit - assemble(payload, state, empty, {}).length;
    var filled = Object.keys(texts).filter(function (id) { return texts[id].length > 0; });
    var isSubmitted = function (id) { return state.reflections[id].submitted; };
    var cutIds = {};
    room = share(texts, filled.filter(isSubmitted), room, cutIds);
    share(texts, filled.filter(function (id) { return !isSubmitted(id); }), room, cutIds);
    return { data: assemble(payload, state, texts, cutIds), cut: Object.keys(cutIds) };
  }

  /** How many UTF-16 units of reflection `id` a submit may keep: its max_length, within the room the module's
   *  worst-case answers leave (payload.limits.textRoom, from scorm_export/budget.py) after the other submitted
   *  texts and the min_length every reflection not yet submitted still needs. Kept that way, a submitted text is
   *  never cut, whatever the learner answers later, and every other reflection can still be submitted. */
  function reflectionRoom(payload, state, id) {
    var refl = payload.reflections.find(function (r) { return r.id === id; });
    var room = payload.limits.textRoom;
    if (room === undefined || room === null) return refl.max_length;
    var texts = fullTexts(payload, state);
    payload.reflections.forEach(function (other) {
      if (other.id === id) return;
      var saved = state.reflections[other.id];
      var n = saved && saved.submitted ? texts[other.id].length : other.min_length;
      room -= n + b36(n).length - 1;
    });
    var n = Math.min(refl.max_length, Math.max(room, 0));
    while (n > 0 && n + b36(n).length - 1 > room) n--;
    return n;
  }

  function emptyState() {
    return { page: 0, visited: {}, answers: {}, reflections: {}, ended: false, nextInteraction: 0 };
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
    if (magic !== MAGIC && magic !== LEGACY_MAGIC) throw new Error("not zhineng state");
    r.until(":"); // contentHash: informative; records are matched by per-question hash below
    if (magic === MAGIC) {
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
      var body = r.take(parseInt(r.until(":"), 36));
      var q = payload.questions.find(function (x) { return !taken[x.id] && x.hash.slice(0, HASH_CHARS) === hash; });
      var response = q ? decodeBody(q, body) : undefined;
      if (response === undefined) {
        dropped++;
        continue;
      }
      taken[q.id] = true;
      state.answers[q.id] = { response: response };
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
    if (dropped) notices.push({ kind: "dropped", count: dropped });
    if (cutIds.length) notices.push({ kind: "cut", ids: cutIds });
    return { state: state, notices: notices };
  }

  Object.assign(Z, {
    encodeState: encode,
    decodeState: decode,
    emptyState: emptyState,
    reflectionRoom: reflectionRoom,
    fnv6: fnv6,
    MAX_INTERACTIONS: MAX_INTERACTIONS,
    NUMERIC_MAX: NUMERIC_MAX,
    SHORT_TEXT_MAX: SHORT_TEXT_MAX,
  });
})(Zhineng);
