/*
 * MOT course runtime, core: what every page shares. Plain JavaScript, no build step.
 *
 * - Page start: each page part (quiz, exam, dashboard, certificate) registers a set-up
 *   that runs on every page, also after Material's instant navigation (document$). A page
 *   names the parts it needs in data-mot-parts; they are loaded from the assets folder
 *   the first time a page needs them, so a page loads only the code it uses. The parts
 *   set up once their scripts and the page's own style sheets have loaded; a part whose
 *   script does not load, or that cannot set up, says so in the page. A part reads what
 *   it needs of another (the engine) as it sets up, not as its script runs: the other's
 *   script may have failed then, and is fetched again by the next page. Where the focus
 *   goes after instant navigation, and where Back puts the page, is mot-instant.js's job.
 * - Storage: one progress record per site, under a key namespaced by the site's path (a
 *   SCORM package's by the course it names), with a schema version, merged on every save
 *   so that two tabs keep both answers. When storage throws (blocked, private mode,
 *   quota), progress lives in memory and the learner is told once; each later change tries
 *   again (on another tab's record, if one has saved since) and a save that works is told
 *   too. A record that cannot be read (corrupt, or of another version) is kept under a key
 *   of its own and a fresh one started, and so is another course's, published before at
 *   the same address (mot-rehome.js, claim); a record with fields of the wrong shape keeps
 *   what is valid (mot-records.js, joined before this file).
 *   Site data cleared while a page is open empties the page too. Each time the learner
 *   is told once.
 * - A stored shuffle seed per question, so that an attempt keeps its order across reloads
 *   (the engine, mot-engine.js, draws the order from it).
 * - Hashing: Web Crypto, or on plain-http pages the JavaScript SHA-256 of mot-sha256.js,
 *   loaded the first time it is needed.
 * - The mot:quiz-progress event, which carries the pass mark and the verdict.
 * Facts about the course (pass marks, stage names, URLs) come from the page, never from here.
 */
(function () {
  "use strict";

  var SCRIPT = document.currentScript.src;
  /* A SCORM package names its course in the page: an LMS serves each version of it at a new address. */
  var KEY = "mot-course:" + (document.querySelector("meta[name=mot-course]") || { content: new URL("..", SCRIPT).pathname }).content + ":progress";
  var WARNING = "这台设备的浏览器不能保存学习进度（可能禁用了本地存储、处于隐私模式，或存储空间已满）。" +
    "你仍然可以学习和答题，但离开、关闭或刷新这一页后，进度可能不会保留。";
  var FULL = "这台设备的浏览器现在存不下学习进度（存储空间可能已满）。已经保存的进度还在，但从现在起的进度可能不会保留；" +
    "腾出空间以后，下一次有改动时会把没保存上的进度一起补存。";
  var REPAIRED = "这台设备上保存的学习进度有一部分已经损坏，读不出来的部分已经删除，其余的进度都还在。";
  var RESET = "这台设备上保存的学习进度读不出来，只能从头开始记录（原来的进度另存了一份）。从现在起的进度会照常保存。";
  var OTHER = "这台设备上存的是另一门课程的学习进度，已另存一份；这门课程从头开始。";
  var CLEARED = "这台设备上的学习进度刚被清除了，这一页的进度也随之清空。";
  var UNREADABLE = "保存的学习进度刚被另一个页面改写（可能是新版本的课程），这一页读不出来。" +
    "为了不覆盖它，这一页的进度不再保存；刷新页面后会重新记录。";
  var RESUMED = "浏览器又存得下学习进度了：这次访问里没保存上的进度现在也保存好了，之后的进度照常保存。";
  var PARTS_MISSING = "这部分需要的文件没能加载（可能是网络断了），现在还用不了，也显示不了学习进度。请检查网络，然后刷新这一页。";
  var NOTICE_TITLES = { parts: "没有加载完整", memory: "进度不会保存", full: "之后的进度可能不会保存", repaired: "部分学习进度已删除",
                        reset: "以前的学习进度读不出来", cleared: "学习进度已清除", unreadable: "进度不再保存",
                        resumed: "进度又能保存了", other: "另一门课程的进度已另存" };

  /* Page start and page parts ------------------------------------------------------- */

  var parts = {};      /* name -> { selector, setUp, refresh } */
  var loading = {};    /* script name -> Promise */

  /* setUp(element, false) runs for each element of the part on every page; refresh(element,
     true) when another tab changed the progress record (by default setUp again): the second
     argument says whether the part is `following` another tab's save. A refresh shows
     the record and changes nothing in it for this page's course: the other tab may be of a
     build the trainer published since, or this one may, and each tab bringing the record to
     its own course would undo the other's, in turn, without end, or lose what it saved. */
  function register(name, selector, setUp, refresh) {
    parts[name] = { selector: selector, setUp: setUp, refresh: refresh || setUp };
  }

  /* A part that throws as it sets up (a script it needs did not run: an empty file served
     in its place) leaves the others working and says so, as one whose script did not load;
     the error is still reported, as uncaught. */
  function eachPart(method) {
    Object.keys(parts).forEach(function (name) {
      document.querySelectorAll(parts[name].selector).forEach(function (found) {
        try {
          parts[name][method](found, method === "refresh");
        } catch (error) {
          notLoaded(found.closest("[data-mot-parts]") || found);
          window.setTimeout(function () { throw error; });
        }
      });
    });
  }

  function refreshPage() { eachPart("refresh"); }

  /* A save made by the element `part` once instant navigation has taken the learner on
     (grading ran meanwhile): the page now shown read the record before the save, and a
     tab's own save fires no storage event, so bring that page's parts up to date. */
  function savedFrom(part) { if (!part.isConnected) { refreshPage(); } }

  /* A script of the runtime's folder (assets/), once: a part is "mot-<name>.js". A page's
     parts run `inOrder`, the order asked for (the engine before a quiz); a script fetched
     when needed (the JavaScript SHA-256, the fold table, a bank of the 错题本) runs when it
     arrives, as one still on its way would hold up every part asked for after it (the
     next page's, after instant navigation). */
  function loadScript(path, inOrder) {
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve, reject) {
        var script = document.createElement("script"), broken = false;
        /* A script that arrives but does not run (a Wi-Fi login page, or a file cut short,
           served in its place) fails as one that does not arrive: its error names it. */
        function heard(event) { broken = broken || event.filename === script.src; }
        window.addEventListener("error", heard);
        script.src = new URL(path, SCRIPT).href;
        script.async = !inOrder;
        script.onload = function () {
          window.removeEventListener("error", heard);
          if (broken) { script.onerror(); } else { resolve(); }
        };
        script.onerror = function () {
          window.removeEventListener("error", heard);
          delete loading[path];   /* the next page start tries again */
          script.remove();
          reject(new Error(path + " did not load"));
        };
        document.head.appendChild(script);
      });
    }
    return loading[path];
  }

  function loadPart(name, inOrder) { return loadScript("mot-" + name + ".js", inOrder); }

  function neededParts() {
    var names = [];
    document.querySelectorAll("[data-mot-parts]").forEach(function (el) {
      el.getAttribute("data-mot-parts").split(" ").forEach(function (name) {
        if (name && names.indexOf(name) < 0) { names.push(name); }
      });
    });
    return names;
  }

  function startPage() {
    all(document, ".mot-no-runtime").forEach(function (note) { note.remove(); });   /* it runs */
    /* Material's loading bar, a progress bar with no name outside every landmark, is seen
       only: a screen reader hears the new page's heading as it arrives (mot-instant.js). */
    document.querySelectorAll('.md-progress[role="progressbar"]').forEach(function (bar) {
      bar.setAttribute("aria-hidden", "true");
    });
    warn();
    var loaded = neededParts().map(function (name) { return loadPart(name, true); });
    Promise.all(loaded.concat(stylesLoaded())).then(function () { eachPart("setUp"); }, function (error) {
      /* A part that cannot load (no network, a preview rebuilding) leaves the page readable,
         and says why its questions and progress do not work. */
      console.warn(error.message);
      document.querySelectorAll("[data-mot-parts]").forEach(notLoaded);
    });
  }

  function notLoaded(part) {
    if (part.querySelector(".mot-not-loaded")) { return; }
    var note = noticeBox("mot-not-loaded", NOTICE_TITLES.parts, PARTS_MISSING);
    var heading = part.querySelector(":scope > h2:first-child");   /* the part's own title */
    if (heading) { heading.after(note); } else { part.prepend(note); }
  }

  /* The page's own style sheets (the exam's, the certificate's) are linked in its head.
     After instant navigation Material adds them to the head as it shows the page, so the
     parts wait for them before drawing; a sheet that fails or hangs holds them STYLE_WAIT ms
     at most. */
  var STYLE_WAIT = 3000;

  function stylesLoaded() {
    return all(document.head, 'link[rel="stylesheet"]').filter(function (link) {
      return !link.sheet;
    }).map(function (link) {
      return new Promise(function (resolve) {
        link.addEventListener("load", resolve);
        link.addEventListener("error", resolve);
        window.setTimeout(resolve, STYLE_WAIT);
      });
    });
  }

  function onEveryPage(setUp) {
    if (typeof window.document$ !== "undefined") {
      window.document$.subscribe(setUp);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", setUp);
    } else {
      setUp();
    }
  }

  /* Storage ------------------------------------------------------------------------- */

  /*
   * The record: { version, questions: {id: {quiz, result, answer}}, quizzes: {id: {best,
   * total, passed}}, exam: {best, passed, passedScore, passedOn} or null, name, shuffles:
   * {question id: seed}, mistakes: {question id: {module}}, attempt: the exam in progress
   * or last handed in (one in progress keeps the last one's verdicts, lastResults, and so
   * does one whose hand-in storage could not hold, with no questions left), save:
   * this save's name, madeOn: the name of the save whose record it was made on, course:
   * the identity of the course it is of (mot-rehome.js, claim) }.
   * Every change is read-merge-write: the stored record is read again and the change
   * applied to it, so two tabs keep each other's answers; the other tab hears of it
   * through the storage event. A record of this version with fields of the wrong shape
   * keeps what is valid; one of another version, or corrupt, is copied to KEY:unreadable:<time>
   * (another course's to KEY:other:<time>) before a fresh record replaces it, and never
   * overwritten while a page is open.
   */
  var persistent = true;
  var unsavedOver;      /* the record as stored when a save failed: what this page's record was built on */
  var notices = {};     /* kind -> text of a notice the learner has not seen yet */
  var ownCourse = "";   /* the page's course, which each save names (claim) */

  var records = window.mot.records;   /* the record's shape: mot-records.js */
  var empty = records.empty, repair = records.repair, isSet = records.isSet, isCount = records.isCount;

  /* The stored record, repaired; empty when there is none; null when it cannot be used. */
  function read() {
    try {
      var raw = window.localStorage.getItem(KEY);
      var found = raw === null ? { record: empty(), dropped: 0 } : repair(JSON.parse(raw));
      if (found && found.dropped) { notices.repaired = REPAIRED; }
      return found && found.record;
    } catch {
      return null;     /* blocked storage or corrupt JSON */
    }
  }

  function write(record, key) {
    /* A save of the progress record names itself, the save it was made on, and its course. */
    if (typeof record !== "string" && !key) { Object.assign(record, { madeOn: record.save, save: newSeed().toString(36), course: ownCourse || record.course }); }
    var text = typeof record === "string" ? record : JSON.stringify(record);
    try {
      window.localStorage.setItem(key || KEY, text);
      if (!persistent && !key) { unsavedOver = text; }   /* a smaller record that fitted (handIn) */
      return true;
    } catch {
      /* Full or blocked since the page loaded. With nothing stored under the key, no save
         has ever worked in this browser: nothing saved "stays", progress is not kept. */
      if (!persistent) { return false; }
      persistent = false;
      unsavedOver = storedText();
      if (unsavedOver === null) { notices.memory = WARNING; } else { notices.full = FULL; }
      return false;
    }
  }

  /* After a failed save each change tries again: room made since, the page saves again, what
     it could not save included (made again on another tab's record if one has saved since,
     see update). A record with nothing unsaved in it proves nothing by fitting, nor does one
     smaller than the record stored (answers to questions the course no longer has left out),
     which fits a full storage: it is saved, and the page goes on trying. */
  function resume(record) {
    var text = JSON.stringify(record);
    if (unsavedOver === undefined || text === unsavedOver || storedText() !== unsavedOver) { return; }
    var grows = text.length > String(unsavedOver).length;
    if (write(record) && grows) { persistent = true; notices.resumed = RESUMED; }
  }

  /* Whether a save would work, found on arrival: a page that only reads the record (the
     home page) showed it as current, with nothing said, where every save failed. */
  function probe() {
    if (write("1", KEY + ":probe")) { window.localStorage.removeItem(KEY + ":probe"); }
  }

  /* The record as stored, null when there is none or storage is blocked. */
  function storedText() { try { return window.localStorage.getItem(KEY); } catch { return null; } }

  /* The stored record kept whole under KEY + `why` + the time, and `fresh` saved in its
     place; says whether it was. If storage is blocked, or the copy cannot be made, progress
     lives in memory, and the stored record is never saved over while the page is open. */
  function putAside(why, fresh) {
    var raw = storedText();
    if (raw !== null && write(raw, KEY + why + Date.now()) && write(fresh)) { return true; }
    persistent = false;
    unsavedOver = undefined;   /* never saved over */
    notices = { memory: WARNING };
    return false;
  }

  /* A record this version cannot read is put aside, and a fresh one started. */
  function load() {
    var record = read();
    if (record && notices.repaired) { write(record); }
    if (record) { probe(); return record; }
    if (putAside(":unreadable:", empty())) { notices.reset = RESET; }
    return empty();
  }

  var state = load();
  var EMPTY = JSON.stringify(empty());
  var RACE = 1000;
  var recent = [];      /* this tab's changes, each [time, change]: see ours() */
  var madeAnew = false; /* this tab's last save made the record where none was stored */

  /* The record a change goes on: the stored one, read again (another tab may have saved
     since). After a failed save, this page's own; but another tab's save since would be
     undone by it: that tab's record then, on which update makes this page's unsaved changes
     again. This page's own too when storage is blocked since the page loaded, or the record
     rewritten as one this page cannot read (which is never overwritten while a page is open). */
  function freshest() {
    var record = persistent || unsavedOver !== undefined && storedText() !== unsavedOver ? read() : null;
    if (!record && persistent) {
      persistent = false;
      if (storedText() === null) { notices.memory = WARNING; } else { notices.unreadable = UNREADABLE; }
    }
    return record || state;
  }

  /* Apply a change to the freshest record and save. */
  function update(change) {
    var record = freshest();
    var before = JSON.stringify(record);
    var none = before === EMPTY && storedText() === null;   /* no record stored */
    var cleared = none && JSON.stringify(state) !== EMPTY;
    var rebased = !persistent && record !== state;
    if (cleared) { recent = []; }
    if (rebased) { unsavedOver = storedText(); ours().forEach(function (done) { done[1](record); }); }
    change(record);
    recent = ours().concat([[Date.now(), change]]);
    state = record;
    /* A change that changes nothing is not written: a tab following another through storage
       events reads its record a save behind, and writing it back would undo the newer saves. */
    if (!persistent) { resume(record); } else if (JSON.stringify(record) !== before) { madeAnew = none; write(record); }
    /* Gone, though this page had progress: site data cleared where no storage event told
       this page (the browser's settings, or this very tab). Follow it as a told tab does. */
    if (cleared) { notices.cleared = CLEARED; }
    if (cleared || rebased) { refreshPage(); }
    warn();
  }

  /* This tab's changes of the last RACE ms, and all those made since a save failed. */
  function ours() { return recent.filter(function (done) { return !persistent || Date.now() - done[0] < RACE; }); }

  /* Two tabs saving within milliseconds of each other each read the record before the
     other's save reached them, and the later save left out the earlier one's change. So
     this tab's changes of the last moment are made again on a record another tab saved
     (each sets what it sets, again or not), and saved if that changes it. A clear, or a
     save anew after one, drops them: made again, they would bring back what was cleared.
     Not on a save made on this tab's record, which has them: made again, they undid the
     other tab's newer change (an exam's miss, taken out of the 错题本 by this tab's right
     answer of a moment before), and each tab then undid the other's until the moment passed. */
  function withOurs(record) {
    if (isSet(record.madeOn) && record.madeOn === state.save) { return record; }
    var before = JSON.stringify(record);
    ours().forEach(function (done) { done[1](record); });
    if (JSON.stringify(record) !== before) { write(record); }
    return record;
  }

  /* Take the stored record, another tab's save, and bring the page parts up to date. When
     it is `gone` (cleared or removed, or saved anew by a page that found it cleared), say so
     here too, where this page had progress to lose. */
  function follow(gone) {
    var record = read();
    if (!record) { return; }
    if (gone && JSON.stringify(state) !== EMPTY) { notices.cleared = CLEARED; }
    if (gone) { recent = []; }
    state = withOurs(record);
    refreshPage();
    warn();
  }

  window.addEventListener("storage", function (event) {
    if (persistent && (event.key === KEY || event.key === null) && event.storageArea === window.localStorage) {
      /* Key null: cleared. A record made where there was none is saved anew after a clear; not
         one heard late (saved over since, or read already), nor another tab's first save made
         as this tab made its own, when neither tab saw the other's. */
      var made = event.oldValue === null && event.newValue === storedText() &&
        event.newValue !== JSON.stringify(state) && !(madeAnew && ours().length);
      follow(event.key === null || event.newValue === null || made);
    }
  });

  /* A warning box, read out as it appears: an alert, as a status region added with its
     text already in it is not read out by most screen readers. */
  function noticeBox(className, title, text) {
    var note = element("div", "", "admonition warning " + className);
    note.setAttribute("role", "alert");
    note.appendChild(element("p", title, "admonition-title"));
    note.appendChild(element("p", text));
    return note;
  }

  /* Each notice once per visit, where the learner is: after the question, panel or name box
     in focus, else at the top of the page. */
  function warn() {
    var content = document.querySelector(".md-content__inner");
    Object.keys(notices).forEach(function (kind) {
      if (!content || !notices[kind]) { return; }
      var note = noticeBox("mot-storage-warning", NOTICE_TITLES[kind], notices[kind]);
      if (kind === "resumed") { note.classList.replace("warning", "success"); }   /* good news */
      var focus = document.activeElement;
      var near = focus && focus !== document.body && focus.closest(".mot-question, .mot-results, .mot-cert-entry, section");
      if (near) { near.after(note); note.scrollIntoView({ block: "nearest" }); } else { content.prepend(note); }
      notices[kind] = "";
    });
  }

  /* Today as the learner's clock has it, "YYYY-MM-DD" (toISOString alone gives the UTC date:
     the day before in China until 8 in the morning). */
  function localDate() {
    var now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  }

  /* A whole percent, rounded down: a share under the pass mark never shows it (35 of 44 is
     79.5%: 79%, not 80%), so "percent >= passMark" is the exact rule for a whole pass mark. */
  function percent(right, total) { return total ? Math.floor((100 * right) / total) : 0; }

  /* A question answered right leaves the 错题本; one answered wrong joins it. */
  function noteResult(record, questionId, module, result) {
    if (result === "correct") { delete record.mistakes[questionId]; return; }
    record.mistakes[questionId] = { module: module };
  }

  var progress = {
    key: KEY,
    percent: percent,
    entry: function (questionId) { return state.questions[questionId] || null; },
    result: function (questionId) { return (state.questions[questionId] || {}).result || null; },
    /* With no result (a dialogue still under way), the answer is kept for a return and
       counts nowhere: not in the module's status, and the 错题本 stays as it was. */
    recordAnswer: function (quizId, questionId, result, answer) {
      update(function (record) {
        record.questions[questionId] = { quiz: quizId, result: result, answer: answer };
        if (result) { noteResult(record, questionId, quizId, result); }
      });
    },
    /* Results graded elsewhere (the exam, the 错题本): only the 错题本 follows them, and the
       marks of the exam attempt `seed` when given (its score stays as handed in). */
    noteResults: function (results, seed) {
      update(function (record) {
        results.forEach(function (found) {
          noteResult(record, found.id, found.module, found.result);
          if (record.attempt && record.attempt.seed === seed) { record.attempt.results[found.id] = found.result; }
        });
      });
    },
    mistakes: function () { return state.mistakes; },
    /* Everything gone, as when the site's data is cleared (the home page's button, on a
       computer learners share): every other tab follows, and drops its changes of the last
       moment, which made again on the clear would bring back what it cleared (withOurs). */
    clear: function () {
      try { window.localStorage.removeItem(KEY); } catch { /* blocked: the record lived here only */ }
      state = empty();
      recent = [];
      refreshPage();
    },
    /* A change of other parts' making (mot-rehome.js), saved as every change is. */
    update: update,
    /* The record as this page has it, whole (mot-rehome.js, claim: whose course it is). */
    record: function () { return state; },
    /* The page's course is `named` (mot-rehome.js, claim), in each save from now on, so that
       the first names it. A record that is `another` course's is put aside whole, and a fresh
       one started. */
    claim: function (named, another) {
      ownCourse = named;
      if (!another) { return; }
      state = empty();
      recent = [];
      if (putAside(":other:", state)) { notices.other = OTHER; }
      warn();
    },
    /* Answers forgotten: the questions are new again, in the order they are shown. */
    forget: function (questionIds) {
      update(function (record) { questionIds.forEach(function (id) { delete record.questions[id]; }); });
    },
    /* The order a question's options are shown in this attempt, as a seed; drawn once,
       a quiz's together: one save, and one storage event for every other tab. A `retry`
       draws them all anew in the save that forgets their answers, so that another tab told
       of it shows the orders this tab does (told of two saves, it drew its own between). */
    seed: function (questionId) { return state.shuffles[questionId]; },
    drawSeeds: function (questionIds, retry) {
      if (!retry && questionIds.every(function (id) { return isCount(state.shuffles[id]); })) { return; }
      var seeds = questionIds.map(newSeed);   /* drawn once: the change made again sets the same */
      update(function (record) {
        questionIds.forEach(function (id, index) {
          if (retry) { delete record.questions[id]; }
          if (retry || !isCount(record.shuffles[id])) { record.shuffles[id] = seeds[index]; }
        });
      });
    },
    recordQuiz: function (quizId, right, questionIds, passMark) {
      var total = questionIds.length;
      update(function (record) {
        var entry = record.quizzes[quizId] || { best: 0, total: total, passed: false };
        /* The best keeps the total it was reached with (the trainer may have added or removed
           questions since): a new score replaces it only as a larger share. */
        if (right * entry.total > entry.best * total) { entry.best = right; entry.total = total; }
        entry.passed = entry.passed || percent(right, total) >= passMark;
        entry.questions = questionIds;   /* where it goes if the module is renamed (mot-rehome.js) */
        record.quizzes[quizId] = entry;
      });
    },
    /* Hand in `attempt` with its result, in one save, unless another tab has handed in the
       same attempt or started another since (its confirmation may have waited a while);
       says whether it did. */
    handIn: function (attempt, right, total, passMark) {
      var current = false;
      var score = percent(right, total);
      update(function (record) {
        var stored = record.attempt;
        current = isSet(stored) && stored.seed === attempt.seed && !stored.handedIn;
        if (!current) { return; }
        record.attempt = attempt;
        var exam = record.exam || { best: 0, passed: false, passedScore: 0, passedOn: "" };
        exam.best = Math.max(exam.best, score);
        /* The certificate keeps the day of the best score: an equal score passed again
           (or on a clock set back) leaves it as it was. */
        if (score >= passMark && (!exam.passed || score > exam.passedScore)) {
          exam.passed = true;
          exam.passedScore = score;
          exam.passedOn = localDate();
        }
        record.exam = exam;
      });
      /* Not saved (storage full): the paper stored under way would come back on the next
         visit, open to answer again beside the right answers just shown. Its questions and
         answers go, and the next visit starts afresh; a record made smaller fits where a
         fuller one did not. The verdicts of the paper handed in before it stay, which the
         home page's stage scores count: they had gone with it (setAttempt). */
      var kept = current && !persistent && read();
      var under = kept && kept.attempt;
      if (under && under.seed === attempt.seed && !under.handedIn) {
        Object.assign(under, { questions: [], answers: {}, handedIn: true });
        write(kept);
      }
      return current;
    },
    /* "not-started", "in-progress", "failed" (finished, its best result under the pass mark:
       it read 进行中 like a quiz begun) or "passed", and the quiz's best result. A question
       kept is a start: answered, or a dialogue with a turn played; one of `questionIds`
       only, when the page knows them. */
    /* What a status of quizStatus is called on the page (the home page, the certificate page). */
    statusNames: { "not-started": "未开始", "in-progress": "进行中", "failed": "未通过", "passed": "已通过" },
    quizStatus: function (quizId, questionIds) {
      var entry = state.quizzes[quizId];
      var started = Object.keys(state.questions).some(function (id) {
        return state.questions[id].quiz === quizId && (!questionIds || questionIds.indexOf(id) >= 0);
      });
      var status = entry ? (entry.passed ? "passed" : "failed") : (started ? "in-progress" : "not-started");
      return { status: status, entry: entry };
    },
    /* The modules of `course` (the page's course data) whose quiz is not passed yet, in order. */
    modulesToPass: function (course) {
      return course.modules.filter(function (module) { return progress.quizStatus(module.id).status !== "passed"; });
    },
    exam: function () { return state.exam; },
    attempt: function () { return state.attempt; },
    /* The exam paper begun and not handed in yet, or null. */
    underway: function () { return state.attempt && !state.attempt.handedIn ? state.attempt : null; },
    /* A new exam attempt, saved whole; a `change` to the attempt under way (an answer, its
       questions fitted to the course), if it is still `seed`'s. Until it is handed in, a new
       attempt keeps the verdicts of the paper handed in last (lastResults), which the home
       page's stage scores count: they had gone as soon as the next paper began. A paper
       under way has none of its own; nor has one whose hand-in was not saved (handIn). */
    setAttempt: function (attempt) {
      update(function (record) {
        var last = record.attempt || {};
        attempt.lastResults = last.results || last.lastResults;
        record.attempt = attempt;
      });
    },
    changeAttempt: function (seed, change) {
      update(function (record) {
        if (record.attempt && record.attempt.seed === seed && !record.attempt.handedIn) { change(record.attempt); }
      });
    },
    /* Another tab's save may reach this page's copy of the storage half a second before its
       storage event does (a busy machine): a page about to store what it shows (the exam's
       hand-in) follows it now. A record cleared is left to the event. */
    catchUp: function () {
      if (persistent && storedText() !== null && storedText() !== JSON.stringify(state)) { follow(false); }
    },
    /* Whether the record is saved as it changes: false once storage is blocked or full. */
    saved: function () { return persistent; },
    name: function () { return state.name || ""; },
    setName: function (name) { update(function (record) { record.name = name; }); }
  };

  /* Shuffling: a seed per attempt, so a reload shows the same order (mot-engine.js
     draws the order from it) */
  function newSeed() { return Math.floor(Math.random() * 4294967296); }

  /* Hashing ------------------------------------------------------------------------- */

  function sha256(message) {
    if (window.crypto && window.crypto.subtle && window.TextEncoder) {
      return window.crypto.subtle.digest("SHA-256", new TextEncoder().encode(message))
        .then(function (buffer) {
          return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
            return ("0" + b.toString(16)).slice(-2);
          }).join("");
        });
    }
    /* Plain http on a classroom network: a JavaScript SHA-256, loaded the first time. */
    return loadPart("sha256").then(function () { return window.mot.sha256Fallback(message); });
  }

  /* Events and helpers -------------------------------------------------------------- */

  /* Other scripts (an LMS bridge, for instance) follow the learner through this event. */
  function announce(quizId, right, answered, total, passMark) {
    var complete = answered === total;
    document.dispatchEvent(new CustomEvent("mot:quiz-progress", { detail: {
      quizId: quizId, answered: answered, correct: right, total: total, complete: complete,
      passMark: passMark, passed: complete && percent(right, total) >= passMark } }));
  }

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  function element(tag, text, className) {
    var made = document.createElement(tag);
    if (text) { made.textContent = text; }
    if (className) { made.className = className; }
    return made;
  }

  function courseData(el) { return JSON.parse(el.getAttribute("data-course")); }

  window.mot = {
    records: records, register: register, load: loadPart, loadScript: loadScript, newSeed: newSeed, onEveryPage: onEveryPage,
    savedFrom: savedFrom, progress: progress, sha256: sha256, announce: announce, all: all, element: element,
    courseData: courseData
  };

  onEveryPage(startPage);
})();
