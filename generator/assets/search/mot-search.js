/*
 * MOT course search worker: Material's own search worker, with the index loaded only when
 * the learner opens search. Plain JavaScript. The site serves it as
 * assets/javascripts/workers/mot-search.js, beside Material's worker, which it imports
 * (Material finds its language scripts from that folder).
 *
 * Material fetches search/search_index.json when a page loads and sends it to its worker.
 * The build leaves only the search settings there (generator/search_index.py); the
 * documents are in search/mot-search-index.json (mot-search-index.js in the offline
 * package, where pages are files). This worker holds Material's set-up message until the
 * page says that search is open, then loads the documents and passes the whole index on;
 * Material's worker builds it and answers from then on as usual.
 *
 * On a large course the settings name a titles file (config.mot_titles): every entry with
 * its title alone. Then this worker builds the titles and answers from them at once, while
 * a second worker (this script again, as "#documents") builds the whole index; once it is
 * ready, it answers every search, starting with the last one asked, so the results on
 * screen fill in.
 *
 * The page (mot-core.js) says "open" on a BroadcastChannel named after the site when the
 * search toggle is switched on, and again whenever this worker asks; this worker answers
 * each "open" ("heard") once Material's set-up message has come, and says "failed" when a
 * file it needs did not load (the documents, or Material's worker, imported again at the
 * next "open"). A page whose search settings did not load (Material sends no set-up
 * message) hears nothing, and says so after its wait (mot-material.js). Over file:// Material
 * itself sends the set-up message only once search is open, so the documents load at once.
 * A set-up message that already holds documents (a site built without the split) passes
 * straight through.
 *
 * Material cuts a Chinese query into words of its index, but never tries a word that ends
 * the query (it stops one character short): 服务补救 became 服务 + 补, which ranked sections
 * holding 服务 alone first, and the page opened from a result marked every 补 on it. So this
 * worker cuts the query first (cutChinese), and Material searches each word whole. A part
 * of a word that starts none (赎罪, of 象征性赎罪) found nothing: it is searched as the words
 * that hold it.
 *
 * A result's page line leads to the page with the words to mark (?h=) that the page's own
 * entry holds, which is only its first lines: a word found in a section below led to the
 * page with nothing marked (05-do.html?h=). So the page line takes the words its sections
 * found (withPageTerms).
 */
(function () {
  "use strict";

  var MATERIAL_WORKER = "search.a7633da7.min.js";   /* Material 9.8.1's, in the same folder */
  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;   /* Material's message types */
  var DOCUMENTS_WORKER = "#documents";
  /* Where this script is: a worker's own address, or the iframe the offline shim runs it in. */
  var HERE = typeof document === "undefined" ? self.location.href : document.currentScript.src;
  var SITE = new URL("../../../", HERE);
  var OFFLINE = SITE.protocol === "file:";
  var SECOND = new URL(HERE).hash === DOCUMENTS_WORKER;   /* the whole index, at once */
  var told = false;      /* Material's set-up message has come */
  var held = null;       /* Material's set-up message, waiting for the documents */
  var passing = null;    /* the complete set-up message on its way to Material's worker */
  var whole = null;      /* the second worker, once its whole index is built */
  var lastQuery = null;
  var words = {};        /* the words of the index Material built (Lunr's inverted index) */
  var wordList = null;   /* the same words in a list, made on the first search that needs it */
  var imported = false;  /* Material's worker, in this one */
  var MAX_HOLDING = 5;

  function loadJson(path) {
    return fetch(new URL(path, SITE)).then(function (response) {
      if (!response.ok) { throw new Error(path + ": HTTP " + response.status); }
      return response.json();
    });
  }

  function loadIndex() {
    if (OFFLINE) {
      /* The offline shim's importScripts returns a promise; a worker's returns at once. */
      return Promise.resolve(importScripts(new URL("search/mot-search-index.js", SITE).href))
        .then(function () { return self.__motSearchIndex; });
    }
    return loadJson("search/mot-search-index.json");
  }

  /* Hand Material's worker (in this one) the set-up message with these documents. */
  function setUp(setup, index) {
    passing = new MessageEvent("message", {
      data: { type: SETUP, data: { config: index.config, docs: index.docs, options: setup.data.options } }
    });
    self.dispatchEvent(passing);
  }

  /* Load the documents once and hand Material's worker the whole index (or the titles). */
  function start() {
    if (!held) { return; }
    var setup = held;
    var titles = setup.data.config.mot_titles;
    held = null;
    var second = titles && !OFFLINE && !SECOND && typeof Worker !== "undefined" ? buildWhole(setup) : null;
    (second ? loadJson(titles) : loadIndex()).then(function (index) {
      setUp(setup, index);
    }, function (error) {
      if (second) { second.terminate(); }
      held = setup;   /* try again when the page next says search is open */
      if (channel) { channel.postMessage("failed"); }   /* Material would say 正在初始化 for ever */
      console.warn(error.message);
    });
  }

  /* The second worker: it builds the whole index and, once ready, answers every search. */
  function buildWhole(setup) {
    var second = new Worker(new URL(DOCUMENTS_WORKER, HERE).href);
    second.onmessage = function (event) {
      if (event.data.type === READY) {
        whole = second;
        if (lastQuery !== null) { second.postMessage({ type: QUERY, data: lastQuery }); }
      } else if (whole === second) {
        self.postMessage(event.data);
      }
    };
    second.postMessage(setup);
    return second;
  }

  /* Keep the words of every index Material builds. */
  function keepWords() {
    var build = self.lunr.Builder.prototype.build;
    self.lunr.Builder.prototype.build = function () {
      var index = build.call(this);
      words = index.invertedIndex;
      wordList = null;
      return index;
    };
  }

  /* Where the longest word of the index that starts at `from` in `run` ends (`from` if none). */
  function wordEnd(run, from) {
    var end = run.length;
    while (end > from && !(run.slice(from, end) in words)) { end--; }
    return end;
  }

  /* The words of the index that hold `part` after their start, when none starts with it:
     the index keeps a listed term whole, so 赎罪 is only in 象征性赎罪 (a few at most, each
     followed by 〇 as a word is). Otherwise `part` itself, for Material to search as the
     start of a word: what was typed so far. */
  function wordsHolding(part) {
    if (part.length < 2) { return part; }
    wordList = wordList || Object.keys(words);
    var holding = [];
    for (var i = 0; i < wordList.length; i++) {
      var at = wordList[i].indexOf(part);
      if (at === 0) { return part; }
      if (at > 0 && holding.length < MAX_HOLDING) { holding.push(wordList[i]); }
    }
    return holding.length ? " " + holding.join("〇 ") + "〇 " : part;
  }

  /*
   * Cut each run of Chinese characters into the longest word of the index at each place
   * where one reaches further than the words before it (五步法: 五步 and 步法), each word
   * followed by 〇: Material's cutting then keeps it whole and drops the 〇 (it never looks
   * at a run's last character). Characters in no word are searched in the words that hold
   * them (wordsHolding).
   */
  function cutChinese(query) {
    return query.replace(/\p{sc=Han}+/gu, function (run) {
      var cut = "", reach = 0, rest = "";
      for (var from = 0; from < run.length; from++) {
        var end = wordEnd(run, from);
        if (end > Math.max(from, reach)) {
          cut += wordsHolding(rest) + " " + run.slice(from, end) + "〇 ";
          rest = "";
          reach = end;
        } else if (from >= reach) {
          rest += run[from];
        }
      }
      return (cut + wordsHolding(rest)).trim();
    });
  }

  /* Each page line of a result marks the words any line of its page found. */
  function withPageTerms(result) {
    result.items.forEach(function (lines) {
      var page = lines.find(function (line) { return String(line.location).indexOf("#") < 0; });
      if (!page) { return; }
      lines.forEach(function (line) {
        Object.keys(line.terms).forEach(function (term) { page.terms[term] = page.terms[term] || line.terms[term]; });
      });
    });
    return result;
  }

  /* Material's worker answers with the global postMessage: this one, set before it loads. */
  function markPages() {
    var post = self.postMessage;
    self.postMessage = function (message) {
      if (message && message.type === RESULT) { withPageTerms(message.data); }
      post.call(self, message);
    };
  }

  /* Import Material's worker, once; a worker script that does not arrive (or a login page
     in its place) is told to the page, and imported again when search next opens. */
  function importMaterial() {
    if (imported) { return true; }
    try {
      /* The offline shim's importScripts returns a promise; a worker's returns at once. */
      Promise.resolve(importScripts(new URL(MATERIAL_WORKER, HERE).href)).then(keepWords);
      imported = true;
    } catch (error) {
      if (channel) { channel.postMessage("failed"); }
      console.warn(error.message);
    }
    return imported;
  }

  /* Each "open" is answered once Material has sent its set-up: the page waits for a word
     from this worker (mot-material.js), and with no set-up there was nothing to wait for:
     "heard" before it kept the page from saying that search could not start. */
  function listenToPage() {
    if (OFFLINE || SECOND || typeof BroadcastChannel === "undefined") { return null; }
    var channel = new BroadcastChannel("mot-search:" + SITE.pathname);
    channel.onmessage = function (event) {
      if (event.data !== "open") { return; }
      if (told) { channel.postMessage("heard"); }
      if (importMaterial()) { start(); }
    };
    return channel;
  }

  var channel = listenToPage();
  markPages();

  /* Registered before Material's worker is imported, so this listener runs first. */
  self.addEventListener("message", function (event) {
    var message = event.data;
    if (event === passing || !message) { return; }
    if (message.type === QUERY) {
      lastQuery = message.data;
      if (whole) {
        event.stopImmediatePropagation();
        whole.postMessage(message);
      } else {
        message.data = cutChinese(message.data);
      }
      return;
    }
    told = told || message.type === SETUP;
    if (message.type !== SETUP || message.data.docs.length) { return; }
    event.stopImmediatePropagation();
    held = message;
    if (channel) { channel.postMessage("ask"); } else if (importMaterial()) { start(); }
  });

  importMaterial();
})();
