/* UI strings in zh-TW, and the locale rules (the English strings are i18n-en.js, loaded when needed). The locale comes from ?lang= when given, else from the module's language. */
// needs:
(function (Z) {
  "use strict";

  var STRINGS = {
    "zh-TW": {
      overviewPage: "課程總覽",
      overview: {
        source: "出自：",
        task: "工作任務",
        activities: "完成本模組後，你能夠",
        outputs: "你將完成的工作產出",
        outputsHint: "每項實作任務都會產出下列一項以上的工作產出（O），先自評，再由講師評分。",
        covers: "本模組涵蓋的職能內涵",
      },
      fact: { minutes: "預估學習時間", lessons: "課程", questions: "練習題", reflections: "反思", tasks: "實作任務" },
      count: { lessons: "{n} 課", questions: "{n} 題", reflections: "{n} 則", tasks: "{n} 項" },
      aboutHoursMinutes: "約 {h} 小時 {m} 分鐘",
      aboutHours: "約 {h} 小時",
      aboutMinutes: "約 {m} 分鐘",
      skills: "技能項目",
      start: "開始學習",
      resume: "繼續學習：{page}",
      review: "查看進度與成績",
      pagePosition: "第 {n} 頁，共 {total} 頁",
      progressLine: "進度 {pct}%：已瀏覽 {visited} / {activities} 個工作活動・已作答 {answered} / {questions} 題",
      progressLabel: "本模組的學習進度",
      progressColumn: "進度",
      progressDetail: "進度：已瀏覽 {visited} / {activities} 個工作活動、已作答 {answered} / {questions} 題、已送出 {reflected} / {reflections} 則反思、{submitted} / {tasks} 項實作任務",
      scoreLine: "成績：{score}（{status}）",
      progress: "進度與成績",
      reflectionsPage: "反思",
      previous: "上一頁",
      next: "下一頁",
      pages: "頁面",
      pageOf: "{n}/{total}",
      skipToContent: "跳到本頁內容",
      activity: "工作活動",
      lessons: "課程內容",
      questions: "練習題",
      reflections: "反思",
      submit: "送出答案",
      submitReflection: "送出反思",
      correct: "答對了",
      incorrect: "答錯了",
      partly: "部分正確",
      score: "得分 {score} / {max}",
      explanation: "說明",
      yourChoice: "你的選擇",
      rightAnswer: "正確答案",
      retry: "再試一次",
      showAnswer: "顯示答案",
      attemptOf: "第 {n} 次作答，共 {max} 次",
      attemptN: "第 {n} 次作答",
      typeSomething: "請先輸入答案。",
      reflectionText: "你的反思",
      counter: "已寫 {n} 字（至少 {min} 字，上限 {max} 字）",
      tooShort: "還差 {n} 字才能送出。",
      rating: "自我評量",
      rateFirst: "請選擇 1 到 5 的自我評量。",
      saved: "已送出。",
      savedAll: "已送出：學習平台保存了你的全文（{n} 字）。",
      savedJournalCut: "已送出：學習平台在你的學習進度中保存了全文（{n} 字）；它的作答紀錄只收得下前 {m} 字。",
      tooLongForLms: "你的反思有 {n} 字，這個學習平台只能保存 {max} 字。請精簡到 {max} 字以內再送出；全文仍在上面的欄位中，可先複製或下載保存。",
      pastedTooLong: "貼上後共 {n} 字，超過上限 {max} 字。全文都已貼上，請精簡後再送出。",
      keepText: "自行保存全文：",
      copyText: "複製全文",
      downloadText: "下載全文（.txt）",
      // quizzes/status.py LABELS, the statuses' one catalog (tests/test_status.py compares them)
      statusOf: {mastered: "已精熟", not_mastered: "未達精熟", incomplete: "進行中", not_attempted: "未作答", not_offered: "本課程未提供", completed: "已完成", reflected: "已反思"},
      knowledge: "知識項目",
      attitudes: "態度項目",
      activities: "工作活動",
      item: "項目",
      status: "狀態",
      result: "成績",
      moduleStatus: { passed: "已通過", failed: "未通過", completed: "已完成", incomplete: "進行中", incomplete_passed: "進行中", incomplete_failed: "進行中" },
      answeredOf: "已作答 {n} / {total} 題",
      standalone: "未連接到學習平台：學習紀錄只保存在這台電腦的瀏覽器中。",
      commitFailed: "無法將學習紀錄存到學習平台，系統會持續重試。請先不要關閉視窗。",
      retryNow: "立即重試",
      dropped: "課程已更新：有 {n} 題的題目內容變了，先前的答案已移除，請重新作答。",
      unreadable: "無法讀取先前的學習紀錄，將從頭開始。",
      partFailed: "本模組有部分檔案無法載入，請重新整理頁面再試一次。",
      cut: "此學習平台的儲存空間有限：你未送出的反思草稿只保存了前面的部分。",
      noContent: "這個工作活動沒有額外的內容。",
      minutes: "{n} 分鐘",
      exit: "結束並返回",
      exited: "已結束本單元，學習紀錄已送出。你可以關閉這個視窗。",
      brief: "任務情境",
      resources: "參考資料",
      deliverable: "你的作品",
      autosaveHint: "你輸入的內容會自動儲存為草稿，可以隨時離開，下次回來接著寫。標 * 的欄位必填。",
      taskCounter: "已寫 {n} 字（至少 {min} 字，上限 {max} 字）",
      fieldRequired: "「{label}」還沒有填寫。",
      fieldTooShort: "「{label}」還差 {n} 字。",
      fieldTooLong: "「{label}」有 {n} 字，上限 {max} 字，請精簡後再送出。",
      badUrl: "「{label}」請填完整網址，以 http:// 或 https:// 開頭。",
      tickAll: "「{label}」還有 {n} 項沒有勾選，全部核對完成才能送出。",
      tickSome: "「{label}」請至少勾選一項。",
      tableEmpty: "「{label}」還沒有填寫任何一列。",
      tableFewRows: "「{label}」至少要填 {n} 列。",
      cellNotNumber: "「{label}」第 {n} 列的「{column}」不是數字。",
      addRow: "新增一列",
      removeRow: "刪除第 {n} 列",
      rowActions: "列操作",
      rowN: "第 {n} 列",
      total: "合計",
      submitTask: "送出作品",
      submitted: "作品已送出，接著請依評量規準為自己的作品評分。",
      submittedCut: "作品已送出。學習平台的儲存空間只容得下 {n} 個字元（你的作品共 {full} 個字元），超出的部分沒有保存：請按「下載作品」留存完整作品，交給講師。",
      submittedWasCut: "作品已送出。學習平台只保存了作品的前面部分；完整作品請以你下載的檔案為準。",
      downloadDeliverable: "下載作品（.txt）",
      draftTooBig: "學習平台只能為這份草稿保存 {room} 個字元，目前需要 {need} 個字元：超出的部分不會保存。請下載作品自行留存。",
      selfRating: "自我評量",
      selfRatingHint: "依下列規準，為每一項選出最符合你作品的等級。自評不計入成績，講師評分後才算數。",
      points: "{n} 分",
      submitSelfRating: "送出自評",
      rateEveryCriterion: "還有 {n} 項規準沒有選擇等級。",
      exemplar: "參考範例",
      selfPoints: "你的自評：{n} / {max} 分。請對照下面的參考範例，看看還能怎麼改進。",
      cutTasks: "此學習平台的儲存空間有限：你未送出的作品草稿只保存了前面的部分。",
      tasks: "實作任務",
      task: "任務",
      outputs: "工作產出",
      taskNotStarted: "尚未開始",
      taskDraft: "草稿（尚未送出）",
      taskAwaitingRating: "已送出，待講師評分",
      taskSelfRated: "已自評，待講師評分",
    },
  };

  // A language tag -> the locale of STRINGS it asks for, or null when the player has no such language.
  function supported(tag) {
    return /^zh(-|$)/i.test(tag) ? "zh-TW" : /^en(-|$)/i.test(tag) ? "en" : null;
  }

  /** ?lang= when given; else the first of the learner's preferred languages (cmi5 languagePreference, a
   * comma-separated list in order of preference) that the player has; else the module's language. */
  function pickLocale(search, language, preferences) {
    var m = /[?&]lang=([^&#]*)/.exec(search || "");
    if (m) return supported(decodeURIComponent(m[1])) || "zh-TW";
    var preferred = String(preferences || "").split(",").map(function (t) { return supported(t.trim()); })
      .filter(Boolean)[0];
    return preferred || supported(language || "") || "zh-TW";
  }

  /** t("score", {score: 1, max: 2}) in the chosen locale. own: a question type's words ({locale: table}, in its
   * module qtype-*.js), looked up before the player's; t.locale is the locale, for such a translator. */
  function translator(locale, own) {
    var tables = [own ? own[locale] || own["zh-TW"] : null, STRINGS[locale] || STRINGS["zh-TW"]];
    function t(key, values) {
      var text;
      tables.forEach(function (table) {
        if (typeof text !== "string") text = key.split(".").reduce(function (o, k) { return o && o[k]; }, table);
      });
      if (typeof text !== "string") text = key;
      return text.replace(/\{(\w+)\}/g, function (all, name) {
        return values && values[name] !== undefined ? String(values[name]) : all;
      });
    }
    t.locale = locale;
    return t;
  }

  /** Fill every [data-t] element under root with its string, its data-n, data-h and data-m as the values:
   * HTML rendered at export (the overview page) leaves the page's own words to the learner's language. */
  function localize(root, t) {
    Array.prototype.forEach.call(root.querySelectorAll("[data-t]"), function (el) {
      el.textContent = t(el.getAttribute("data-t"), el.dataset);
    });
  }

  Object.assign(Z, { STRINGS: STRINGS, pickLocale: pickLocale, translator: translator, localize: localize });
})(Zhineng);
