/*
 * MOT course runtime, certificate page: once every module quiz and the exam are passed,
 * the learner enters a name and prints the certificate. Titles come from the page
 * (data-course), whose questions the record first follows (mot-rehome.js), as on the
 * dashboard. Needs mot-core.js. Plain JavaScript.
 */
(function () {
  "use strict";

  var mot = window.mot;

  /* Each module and the exam, with its page and its status in the words of the home page's
     table and exam line: a module not begun is 未开始 there, not 未通过. */
  function eligibility(course) {
    var items = course.modules.map(function (module) {
      var status = mot.progress.quizStatus(module.id).status;
      return {
        label: module.title, url: module.url, done: status === "passed", status: mot.progress.statusNames[status]
      };
    });
    var exam = mot.progress.exam();
    var names = mot.progress.statusNames;
    var status = exam && exam.passed ? names.passed : mot.progress.underway() ? names["in-progress"] : exam ? names.failed : "未参加";
    items.push({ label: course.exam.title, url: course.exam.url, done: Boolean(exam && exam.passed), status: status });
    return items;
  }

  function linkTo(item) {
    var link = mot.element("a", item.label);
    link.href = item.url;
    return link;
  }

  /* A line left to do leads to its page; a line done is text, which a keyboard passes by
     on its way to the name box. */
  function showChecklist(page, items) {
    var list = page.querySelector(".mot-cert-checklist");
    list.textContent = "";
    items.forEach(function (item) {
      var li = mot.element("li");
      var icon = mot.element("span", item.done ? "✓ " : "✗ ");
      icon.setAttribute("aria-hidden", "true");   /* the status says it: a screen reader read both */
      li.append(icon, item.status + "：", item.done ? item.label : linkTo(item));
      li.setAttribute("data-done", String(item.done));
      list.appendChild(li);
    });
  }

  /* How wide `name` is, in ems of the name line's bold type, measured in the fonts the page
     has (a W is nearly 1 em, an i a quarter). Printed, a long name is set smaller by it, to
     stay on one line (mot-certificate.css). */
  function widthInEms(line, name) {
    var style = getComputedStyle(line);
    var context = document.createElement("canvas").getContext("2d");
    context.font = style.fontWeight + " " + style.fontSize + " " + style.fontFamily;
    return context.measureText(name).width / parseFloat(style.fontSize);
  }

  /* The name a certificate is made in: trimmed, and cut between whole characters to the
     box's limit (maxlength, in the UTF-16 units the box counts), since a name edited into
     the stored record can be any length; none ("") when nothing in it would show, such as
     spaces or zero-width characters only. */
  function certificateName(text, limit) {
    var characters = window.Intl && Intl.Segmenter   /* no Segmenter: Firefox before 125 */
      ? Array.from(new Intl.Segmenter().segment(text.trim()), function (part) { return part.segment; })
      : Array.from(text.trim());
    var name = "";
    for (var i = 0; i < characters.length && name.length + characters[i].length <= limit; i += 1) {
      name += characters[i];
    }
    return /[^\p{White_Space}\p{Cc}\p{Default_Ignorable_Code_Point}]/u.test(name) ? name.trim() : "";
  }

  /* Fills in and shows the certificate; returns the score it shows. */
  function fillCertificate(page, course, name) {
    var certificate = page.querySelector(".mot-certificate");
    var exam = mot.progress.exam();
    var day = exam.passedOn.split("-");
    certificate.querySelector(".mot-cert-course").textContent = course.title;
    var line = certificate.querySelector(".mot-cert-name");
    line.textContent = name;
    line.style.setProperty("--mot-name-ems", String(widthInEms(line, name)));
    certificate.querySelector(".mot-cert-score").textContent = exam.passedScore + "%";
    certificate.querySelector(".mot-cert-date").textContent =
      "日期：" + Number(day[0]) + "\u00a0年\u00a0" + Number(day[1]) + "\u00a0月\u00a0" + Number(day[2]) + "\u00a0日";
    certificate.hidden = false;
    page.querySelector(".mot-cert-actions").hidden = false;
    markShown();
    return exam.passedScore;
  }

  /* While a certificate is shown, the page prints as the certificate alone: the print styles
     find it by the document's class, where they found it with :has(), which Safari before
     15.4 and Chrome before 105 do not read (the page's title and checklist printed with it,
     on three sheets). Set on every page, as the document stays across instant navigation. */
  function markShown() {
    var shown = document.querySelector(".mot-certificate:not([hidden])");
    document.documentElement.classList.toggle("mot-certificate-shown", Boolean(shown));
  }

  /* The box keeps what fits of a name pasted into it, and said nothing: a longer name was
     printed cut mid-word. The status line says so. */
  function tellPastesCut(form, input) {
    input.addEventListener("paste", function (event) {
      var room = input.maxLength - input.value.length + input.selectionEnd - input.selectionStart;
      var cut = event.clipboardData.getData("text").length > room;
      form.querySelector(".mot-status").textContent = cut ?
        "姓名最多\u00a0" + input.maxLength + "\u00a0个字，粘贴的内容超出了，后面的部分没有填进来；请检查姓名是否完整。" : "";
    });
  }

  function bindForm(page, course, form) {
    var input = form.querySelector("input");
    tellPastesCut(form, input);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var name = certificateName(input.value, input.maxLength);
      input.setAttribute("aria-invalid", String(!name));   /* the status line describes it */
      if (!name) {
        form.querySelector(".mot-status").textContent = "请先输入姓名。";
        input.focus();
        return;
      }
      mot.progress.setName(name);
      var score = fillCertificate(page, course, name);
      /* What the certificate says, for a screen reader that hears only this line; the name
         laid out in its own direction, as on the certificate */
      var status = form.querySelector(".mot-status");
      status.textContent = "";
      status.append("证书已生成（", mot.element("bdi", name), "，成绩\u00a0" + score + "%），可以打印了。");
    });
    page.querySelector(".mot-cert-print").addEventListener("click", function () { window.print(); });
  }

  /* The record follows the course as the page arrives, not `following` another tab's save
     (mot.register). */
  function showCertificate(page, following) {
    var course = mot.courseData(page);
    if (!following) { mot.progress.followCourse(course); mot.progress.passAtTodaysMark(course); }
    var items = eligibility(course);
    showChecklist(page, items);
    var ready = items.every(function (item) { return item.done; });
    page.querySelector(".mot-cert-to-do").hidden = ready;
    page.querySelector(".mot-cert-all-done").hidden = !ready;
    var form = page.querySelector(".mot-cert-form");
    form.hidden = !ready;
    if (!form.hasAttribute("data-ready")) {
      form.setAttribute("data-ready", "");
      bindForm(page, course, form);
    }
    showMade(page, course, form, ready);
  }

  /* The certificate made in the stored name (on an earlier visit, or in another tab), or,
     when the record no longer qualifies (cleared in another tab on a shared computer), no
     certificate and no name: a page left open showed, and printed, the last learner's. */
  function showMade(page, course, form, ready) {
    var input = form.querySelector("input");
    var name = certificateName(mot.progress.name(), input.maxLength);
    if (ready && name) {
      input.value = name;
      fillCertificate(page, course, name);
    } else if (!ready) {
      input.value = form.querySelector(".mot-status").textContent = "";
      page.querySelector(".mot-cert-name").textContent = "";
      page.querySelector(".mot-certificate").hidden = page.querySelector(".mot-cert-actions").hidden = true;
      markShown();
    }
  }

  mot.register("certificate", ".mot-certificate-page", showCertificate);
  mot.onEveryPage(markShown);
})();
