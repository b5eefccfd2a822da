/* A reflection: free text with a minimum-length counter, and a 1-5 self-rating with its anchors.
 * Nothing is dropped behind the learner's back: a text longer than what the LMS can keep is refused with the
 * exact room, the full text stays in the box (a paste past the maximum included, announced) and can be copied or
 * downloaded, and after a submit the learner reads exactly what the LMS got. */
// needs: dom.js
(function (Z, root) {
  "use strict";

  var h = Z.h;

  function length(text) {
    return Array.from(text.trim()).length;
  }

  /** onSubmit({text, rating}) records it and returns {saved, journal}: the UTF-16 units the LMS keeps in the saved
   *  state, and the interaction's text (null when none is written). options.room() is how many UTF-16 units a
   *  submit may keep now (state.js reflectionRoom). */
  function reflectionView(r, t, onSubmit, options) {
    var room = (options && options.room) || function () { return r.max_length; };
    var promptId = Z.uid("rp");
    var textId = Z.uid("rt");
    var counterId = Z.uid("rc");
    var hook = { "data-reflection-id": r.id };
    var area = h("textarea", Object.assign({ id: textId, rows: 8, maxlength: r.max_length, "aria-describedby": promptId + " " + counterId,
      "data-action": "reflect", oninput: count, onpaste: paste }, hook));
    var counter = h("p", { "class": "counter", id: counterId });
    var announce = h("p", Object.assign({ "class": "announce", role: "status", "aria-live": "polite", "data-announce": "paste" }, hook));
    var name = Z.uid("rate");
    var radios = r.rating.anchors.map(function (anchor, i) {
      var id = Z.uid("ra");
      var input = h("input", Object.assign({ type: "radio", name: name, id: id, value: String(i + 1), "data-action": "rate", "data-choice-id": String(i + 1) }, hook));
      return { input: input, el: h("div", { "class": "choice" }, [input, h("label", { "for": id, text: anchor ? (i + 1) + " – " + anchor : String(i + 1) })]) };
    });
    var message = h("p", { "class": "message", role: "alert", hidden: true });
    // Focusable: a submit hides its button, and focus moves here instead of falling to <body>.
    var status = h("p", { "class": "outcome", role: "status", "aria-live": "polite", tabindex: "-1", "data-reflection-outcome": r.id });
    var download = h("a", Object.assign({ "data-action": "download-reflection", download: "reflection-" + r.id + ".txt", text: t("downloadText") }, hook));
    var copy = h("button", Object.assign({ type: "button", "data-action": "copy-reflection", onclick: copyText }, hook), [t("copyText")]);
    var keep = h("div", { "class": "keep-text", hidden: true }, [h("span", { text: t("keepText") + " " }), copy, " ", download]);
    var submit = h("button", Object.assign({ type: "button", "class": "submit", "data-action": "submit-reflection", onclick: trySubmit }, hook), [t("submitReflection")]);
    var section = h("section", Object.assign({ "class": "reflection", "data-action": "reflection" }, hook), [
      r.title ? h("h3", { text: r.title }) : null,
      h("div", { "class": "prompt", id: promptId, html: r.prompt_html }),
      r.guidance_html ? h("div", { "class": "guidance", html: r.guidance_html }) : null,
      h("label", { "for": textId, text: t("reflectionText") }), area, counter, announce,
      h("fieldset", { "class": "rating" }, [h("legend", { text: t("rating") + "：" + r.rating.prompt })].concat(radios.map(function (x) { return x.el; }))),
      message, keep, submit, status,
    ]);

    function limit() {
      return Math.min(r.max_length, room());
    }

    function count() {
      counter.textContent = t("counter", { n: length(area.value), min: r.min_length, max: limit() });
      if (area.value.length > limit()) offerFullText();
    }

    // The browser would cut a paste at maxlength without a word: keep all of it, and say so.
    function paste(event) {
      var pasted = event.clipboardData ? event.clipboardData.getData("text") : "";
      var after = area.value.length - (area.selectionEnd - area.selectionStart) + pasted.length;
      if (after <= r.max_length) return;
      event.preventDefault();
      area.setRangeText(pasted, area.selectionStart, area.selectionEnd, "end");
      announce.textContent = t("pastedTooLong", { n: area.value.length, max: limit() });
      count();
    }

    function offerFullText() {
      keep.hidden = false;
      download.setAttribute("href", "data:text/plain;charset=utf-8," + encodeURIComponent(area.value));
    }

    function copyText() {
      area.focus();
      area.select();
      var clip = root.navigator && root.navigator.clipboard;
      if (clip && clip.writeText) clip.writeText(area.value).catch(function () { root.document.execCommand("copy"); });
      else root.document.execCommand("copy");
    }

    function rating() {
      var on = radios.filter(function (x) { return x.input.checked; })[0];
      return on ? Number(on.input.value) : 0;
    }

    function trySubmit() {
      var missing = r.min_length - length(area.value);
      if (missing > 0) return say(t("tooShort", { n: missing }));
      if (area.value.length > limit()) {
        offerFullText();
        return say(t("tooLongForLms", { n: area.value.length, max: limit() }));
      }
      if (!rating()) return say(t("rateFirst"));
      var got = onSubmit({ text: area.value, rating: rating() });
      lock();
      if (got) tell(got);
      status.focus();
    }

    function say(text) {
      message.hidden = false;
      message.textContent = text;
    }

    // Exactly what the LMS got, in UTF-16 units as it counts them.
    function tell(got) {
      var words = t("savedAll", { n: got.saved });
      if (got.journal !== null && got.journal.length < got.saved) {
        words = t("savedJournalCut", { n: got.saved, m: got.journal.length });
        offerFullText();
      }
      status.textContent = words;
    }

    function lock() {
      message.hidden = true;
      area.readOnly = true;
      radios.forEach(function (x) { x.input.disabled = true; });
      submit.hidden = true;
      status.textContent = t("saved");
    }

    count();
    return {
      el: section,
      draft: function () { return { text: area.value.slice(0, r.max_length), rating: rating() }; },
      restore: function (saved) {
        area.value = saved.text || "";
        radios.forEach(function (x, i) { x.input.checked = saved.rating === i + 1; });
        count();
        if (saved.submitted) lock();
      },
    };
  }

  Z.reflectionView = reflectionView;
})(Zhineng, window);
