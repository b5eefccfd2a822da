/* A reflection: free text with a minimum-length counter, and a 1-5 self-rating with its anchors. */
(function (root) {
  "use strict";

  var Z = root.Zhineng;
  var h = Z.h;

  function length(text) {
    return Array.from(text.trim()).length;
  }

  /** onSubmit({text, rating}) records it; onDraft() lets the player pick up unsent text when it saves. */
  function reflectionView(r, t, onSubmit) {
    var promptId = Z.uid("rp");
    var textId = Z.uid("rt");
    var counterId = Z.uid("rc");
    var hook = { "data-reflection-id": r.id };
    var area = h("textarea", Object.assign({ id: textId, rows: 8, maxlength: r.max_length, "aria-describedby": promptId + " " + counterId,
      "data-action": "reflect", oninput: count }, hook));
    var counter = h("p", { "class": "counter", id: counterId });
    var name = Z.uid("rate");
    var radios = r.rating.anchors.map(function (anchor, i) {
      var id = Z.uid("ra");
      var input = h("input", Object.assign({ type: "radio", name: name, id: id, value: String(i + 1), "data-action": "rate", "data-choice-id": String(i + 1) }, hook));
      return { input: input, el: h("div", { "class": "choice" }, [input, h("label", { "for": id, text: (i + 1) + " – " + anchor })]) };
    });
    var message = h("p", { "class": "message", role: "alert", hidden: true });
    var status = h("p", { "class": "outcome", role: "status", "aria-live": "polite" });
    var submit = h("button", Object.assign({ type: "button", "class": "submit", "data-action": "submit-reflection", onclick: trySubmit }, hook), [t("submitReflection")]);
    var section = h("section", Object.assign({ "class": "reflection", "data-action": "reflection" }, hook), [
      r.title ? h("h3", { text: r.title }) : null,
      h("div", { "class": "prompt", id: promptId, html: r.prompt_html }),
      r.guidance_html ? h("div", { "class": "guidance", html: r.guidance_html }) : null,
      h("label", { "for": textId, text: t("reflectionText") }), area, counter,
      h("fieldset", { "class": "rating" }, [h("legend", { text: t("rating") + "：" + r.rating.prompt })].concat(radios.map(function (x) { return x.el; }))),
      message, submit, status,
    ]);

    function count() {
      counter.textContent = t("counter", { n: length(area.value), min: r.min_length, max: r.max_length });
    }

    function rating() {
      var on = radios.filter(function (x) { return x.input.checked; })[0];
      return on ? Number(on.input.value) : 0;
    }

    function trySubmit() {
      var missing = r.min_length - length(area.value);
      if (missing > 0) return say(t("tooShort", { n: missing }));
      if (!rating()) return say(t("rateFirst"));
      onSubmit({ text: area.value.slice(0, r.max_length), rating: rating() });
      lock();
    }

    function say(text) {
      message.hidden = false;
      message.textContent = text;
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

  root.Zhineng.reflectionView = reflectionView;
})(window);
