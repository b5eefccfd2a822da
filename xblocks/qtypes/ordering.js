/* The ordering type's block half (quizzes/types/ordering.py): a list with up/down buttons per item; the response is
 * the item ids in the order shown. Focus stays on the button pressed and the new position is announced, so keyboard
 * and screen-reader users keep their place. */
(function (T, C) {
  "use strict";

  function items(fs) { return C.all(fs, ".zhineng-order li"); }

  function itemText(fs, id) {
    var li = C.find(fs, "li", "data-item", id);
    return li ? li.querySelector(".zhineng-item-text").textContent : String(id);
  }

  T.ordering = {
    init: function (fs, t) {
      var list = fs.querySelector(".zhineng-order");
      list.addEventListener("click", function (ev) {
        var btn = ev.target.closest("button");
        if (!btn) { return; }
        var li = btn.closest("li");
        if (btn.classList.contains("zhineng-up") && li.previousElementSibling) {
          list.insertBefore(li, li.previousElementSibling);
        } else if (btn.classList.contains("zhineng-down") && li.nextElementSibling) {
          list.insertBefore(li.nextElementSibling, li);
        }
        btn.focus();
        var position = Array.prototype.indexOf.call(list.children, li) + 1;
        fs.querySelector(".zhineng-sr").textContent = li.querySelector(".zhineng-item-text").textContent + ": " +
          t.moved.replace("{n}", position);
      });
    },
    read: function (fs) { return items(fs).map(function (li) { return li.getAttribute("data-item"); }); },
    write: function (fs, ids) {
      var list = fs.querySelector(".zhineng-order");
      ids.forEach(function (id) {
        var li = C.find(list, "li", "data-item", id);
        if (li) { list.appendChild(li); }
      });
    },
    answerText: function (fs, answer) {
      return answer.map(function (id) { return itemText(fs, id); }).join(" → ");
    },
    // marks: item id -> in its place (the grader's Result.marks); returns the summary naming the wrong ones.
    mark: function (fs, marks, t) {
      var wrong = [];
      items(fs).forEach(function (li) {
        var right = marks[li.getAttribute("data-item")] === true;
        if (!right) { wrong.push(li.querySelector(".zhineng-item-text").textContent); }
        C.partMark(li, right, right ? t.in_place : t.out_of_place);
      });
      return wrong.length ? t.out_of_place_list.replace("{items}", wrong.join("、")) : "";
    },
    unmark: function (fs) { items(fs).forEach(C.unmark); }
  };
}(window.ZhinengQuizTypes = window.ZhinengQuizTypes || {}, window.ZhinengCommon));
