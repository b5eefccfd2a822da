/* UI strings in zh-TW and en. The locale comes from ?lang= when given, else from the module's language. */
// needs:
(function (Z) {
  "use strict";

  var STRINGS = {
    "zh-TW": {
      overview: "課程總覽",
      progress: "學習進度",
      reflectionsPage: "反思",
      previous: "上一頁",
      next: "下一頁",
      pages: "頁面",
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
      trueLabel: "對",
      falseLabel: "錯",
      numberLabel: "你的答案（數字）",
      unit: "單位：{unit}",
      textLabel: "你的答案",
      moveUp: "上移「{item}」",
      moveDown: "下移「{item}」",
      up: "上移",
      down: "下移",
      position: "第 {n} 位",
      choose: "請選擇",
      pickOne: "請先選擇一個答案。",
      pickSome: "請至少選擇一個答案。",
      notANumber: "請輸入數字，例如 250 或 12.5。",
      typeSomething: "請先輸入答案。",
      matchSome: "請至少配對一項。",
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
      mastered: "已精熟",
      notMastered: "未達精熟",
      notYet: "尚未完成",
      done: "已完成",
      open: "未完成",
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
      cut: "此學習平台的儲存空間有限：你未送出的反思草稿只保存了前面的部分。",
      noContent: "這個工作活動沒有額外的內容。",
      minutes: "{n} 分鐘",
      exit: "結束並返回",
      exited: "已結束本單元，學習紀錄已送出。你可以關閉這個視窗。",
    },
    en: {
      overview: "Overview",
      progress: "Progress",
      reflectionsPage: "Reflections",
      previous: "Previous",
      next: "Next",
      pages: "Pages",
      skipToContent: "Skip to the page content",
      activity: "Activity",
      lessons: "Lessons",
      questions: "Questions",
      reflections: "Reflections",
      submit: "Submit answer",
      submitReflection: "Submit reflection",
      correct: "Correct",
      incorrect: "Incorrect",
      partly: "Partly correct",
      score: "Score {score} / {max}",
      explanation: "Explanation",
      yourChoice: "your choice",
      rightAnswer: "right answer",
      trueLabel: "True",
      falseLabel: "False",
      numberLabel: "Your answer (a number)",
      unit: "Unit: {unit}",
      textLabel: "Your answer",
      moveUp: "Move “{item}” up",
      moveDown: "Move “{item}” down",
      up: "Up",
      down: "Down",
      position: "Position {n}",
      choose: "Choose",
      pickOne: "Choose an answer first.",
      pickSome: "Choose at least one answer.",
      notANumber: "Enter a number, such as 250 or 12.5.",
      typeSomething: "Type an answer first.",
      matchSome: "Match at least one item.",
      reflectionText: "Your reflection",
      counter: "{n} characters written (at least {min}, at most {max})",
      tooShort: "{n} more characters before you can submit.",
      rating: "Self-rating",
      rateFirst: "Choose a self-rating from 1 to 5.",
      saved: "Submitted.",
      savedAll: "Submitted: the platform keeps your full text ({n} characters).",
      savedJournalCut: "Submitted: the platform keeps your full text ({n} characters) in your saved progress; its answer record holds only the first {m} characters.",
      tooLongForLms: "Your reflection has {n} characters; this platform can keep {max}. Shorten it to {max} characters or fewer before you submit; the full text is still in the box above, to copy or download.",
      pastedTooLong: "With the paste the text has {n} characters, over the maximum of {max}. All of it was pasted: shorten it before you submit.",
      keepText: "Keep the full text yourself:",
      copyText: "Copy full text",
      downloadText: "Download full text (.txt)",
      mastered: "Mastered",
      notMastered: "Not mastered",
      notYet: "Not finished",
      done: "Done",
      open: "Open",
      knowledge: "Knowledge items",
      attitudes: "Attitude items",
      activities: "Activities",
      item: "Item",
      status: "Status",
      result: "Result",
      moduleStatus: { passed: "Passed", failed: "Not passed", completed: "Completed", incomplete: "In progress", incomplete_passed: "In progress", incomplete_failed: "In progress" },
      answeredOf: "{n} of {total} questions answered",
      standalone: "Not connected to a learning platform: your progress is kept only in this browser.",
      commitFailed: "Your progress could not be saved to the learning platform. We keep retrying; please keep this window open.",
      retryNow: "Retry now",
      dropped: "The course was updated: {n} questions changed, so your earlier answers to them were removed. Please answer them again.",
      unreadable: "Your earlier progress could not be read, so the module starts afresh.",
      cut: "This platform has little room for saved work: only the start of your unsubmitted reflection draft was kept.",
      noContent: "This activity has no further content.",
      minutes: "{n} min",
      exit: "Exit",
      exited: "You have left this unit and your progress was sent. You can close this window.",
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

  /** t("score", {score: 1, max: 2}) in the chosen locale. */
  function translator(locale) {
    var table = STRINGS[locale] || STRINGS["zh-TW"];
    return function (key, values) {
      var text = key.split(".").reduce(function (o, k) { return o && o[k]; }, table);
      if (typeof text !== "string") text = key;
      return text.replace(/\{(\w+)\}/g, function (all, name) {
        return values && values[name] !== undefined ? String(values[name]) : all;
      });
    };
  }

  Object.assign(Z, { STRINGS: STRINGS, pickLocale: pickLocale, translator: translator });
})(Zhineng);
