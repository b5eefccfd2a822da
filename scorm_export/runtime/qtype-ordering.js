/* The ordering type's runtime half (quizzes/types/ordering.py): up/down buttons per item, focus following the
 * item moved. State body: each item's index, fixed width. */
// needs: question-types.js grader.js widgets.js state.js dom.js
(function (Z) {
  "use strict";

  var h = Z.h;

  function grade(q, response) {
    var order = Z.idsList(response, "item");
    var ids = q.items.map(function (i) { return i.id; });
    if (!Z.sameList(order.slice().sort(Z.byCodePoint), ids.slice().sort(Z.byCodePoint))) {
      throw new Z.ResponseError("expected every item id exactly once");
    }
    var right = Z.sameList(order, q.answer);
    return Z.gradeResult(q, right ? 1 : 0, 1, [right ? q.feedback.correct : q.feedback.incorrect], marks(q, order));
  }

  // Per item, in the learner's order: is it in its place in the key? (ordering.py `marks`)
  function marks(q, order) {
    return order.map(function (item, i) { return [item, item === q.answer[i]]; });
  }

  // The items as first shown (ordering.py `public` shows the blocks the same): never in the key's order.
  function shown(q) {
    return Z.shuffled(q.items, q.id, q.answer);
  }

  function widget(q, t) {
    var hooks = Z.widgetHooks;
    var list = h("ol", { "class": "ordering" });
    var order = shown(q);
    function draw(focusId, focusAction) {
      list.textContent = "";
      order.forEach(function (item, i) {
        var up = h("button", Object.assign({ type: "button", "aria-label": t("moveUp", { item: item.text }), disabled: i === 0,
          onclick: function () { move(i, -1, item.id, "move-up"); } }, hooks(q, "move-up", item.id)), [t("up")]);
        var down = h("button", Object.assign({ type: "button", "aria-label": t("moveDown", { item: item.text }), disabled: i === order.length - 1,
          onclick: function () { move(i, 1, item.id, "move-down"); } }, hooks(q, "move-down", item.id)), [t("down")]);
        list.appendChild(h("li", { "data-choice-id": item.id }, [h("span", { "class": "item-text", text: item.text }), up, down]));
        if (item.id === focusId) (focusAction === "move-up" ? (i === 0 ? down : up) : (i === order.length - 1 ? up : down)).focus();
      });
    }
    function move(i, step, id, action) {
      var j = i + step;
      if (j < 0 || j >= order.length) return;
      var tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
      draw(id, action);
    }
    draw();
    return {
      controls: [list],
      group: true,
      read: function () { return { response: order.map(function (i) { return i.id; }) }; },
      restore: function (response) {
        order = response.map(function (id) { return q.items.filter(function (i) { return i.id === id; })[0]; });
        draw();
      },
      feedback: function () { return true; },
      mark: function (result) {
        var wrong = [];
        Array.prototype.forEach.call(list.children, function (li) {
          var id = li.getAttribute("data-choice-id");
          var right = result.marks[id] === true;
          if (!right) wrong.push(textOf(q, id));
          Z.partMark(li, right, t, ["inPlace", "outOfPlace"]);
        });
        return wrong.length ? t("outOfPlaceList", { items: wrong.join("、") }) : null;
      },
      unmark: function () { Array.prototype.forEach.call(list.children, Z.unmark); },
      key: function () {
        return h("ol", { "class": "key-order" }, q.answer.map(function (id) { return h("li", { text: textOf(q, id) }); }));
      },
    };
  }

  function textOf(q, id) {
    return q.items.filter(function (i) { return i.id === id; })[0].text;
  }

  function encode(q, response) {
    var c = Z.codec;
    var w = c.width(q.items.length - 1);
    return response.map(function (id) {
      return c.pad(c.b36(q.items.findIndex(function (it) { return it.id === id; })), w);
    }).join("");
  }

  function decode(q, body) {
    var w = Z.codec.width(q.items.length - 1);
    if (body.length !== w * q.items.length) return undefined;
    var out = [];
    for (var i = 0; i < body.length; i += w) {
      var item = q.items[parseInt(body.slice(i, i + w), 36)];
      if (!item) return undefined;
      out.push(item.id);
    }
    return out;
  }

  Z.QUESTION_TYPES.ordering = {
    // The words its widget shows, looked up before the player's own (i18n.js translator).
    strings: {
      "zh-TW": { moveUp: "上移「{item}」", moveDown: "下移「{item}」", up: "上移", down: "下移", inPlace: "（位置正確）", outOfPlace: "（位置不對）", outOfPlaceList: "位置不對的項目：{items}" },
      en: { moveUp: "Move “{item}” up", moveDown: "Move “{item}” down", up: "Up", down: "Down", inPlace: "(in place)", outOfPlace: "(out of place)", outOfPlaceList: "Out of place: {items}" },
    },
    grade: grade,
    widget: widget,
    shown: shown,
    encode: encode,
    decode: decode,
    interaction: function (v, q, response) {
      return { type: "sequencing", learner: response.join(v.list), correct: [q.answer.join(v.list)] };
    },
    components: function (q, component) { return { choices: q.items.map(component) }; },
    longest: function (q) { return q.items.map(function (i) { return i.id; }).reverse(); },
  };
})(Zhineng);
