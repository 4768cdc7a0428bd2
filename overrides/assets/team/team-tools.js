/*
 * The team table's tools, loaded by team.js the first time a reader uses one (readers who only answer
 * the quiz never download them): the person view (history, progress, self-versus-manager comparison,
 * coaching sheet), the CSV export and import, and the dialog that confirms a deletion. Their styles
 * are in team-tools.css, loaded with this file.
 *
 * Units by concern, each working only on what it is handed (DESIGN.md, "Browser scripts"); the state
 * stays in team.js's component, which calls them:
 *
 *   CSV, dates, comparison    pure functions, offered as kamGuide.teamTools.rules (tested in a blank page)
 *   createPerson              the person view
 *   createConfirm, download   the dialog that confirms a deletion; the exported file
 *   exportCsv, importCsv      the spreadsheet: a file's rows from the records, records from a file
 *   start                     checks the parts the tools need, then makes the person view and dialog
 */
(function () {
  "use strict";

  var guide = window.kamGuide || (window.kamGuide = {});
  var rules = guide.teamRules; // team.js's: records, people, changes
  if (guide.teamTools || !rules) return; // loaded twice (the first copy serves), or without team.js

  var LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  var LOCAL_DATE = /^(\d\d?)([./-])(\d\d?)\2(\d{4})$/; // 30/11/2026 or 11/30/2026, as a spreadsheet saves it
  var IMPORT_LIMIT = 8 << 20; // bytes: about 4,000 records (the option words make a row ~2 KB); a larger file is refused

  function all(root, selector) {
    return Array.from(root.querySelectorAll(selector));
  }

  // Maps keyed by ids that editors choose ("constructor" is a valid id): no prototype.
  function map() {
    return Object.create(null);
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  /* ── CSV (pure) ──────────────────────────────────────────────────────────── */

  // Text cells as RFC 4180 reads them, quotes and line breaks inside quotes included.
  function parseCsv(text, separator) {
    var rows = [];
    var row = [];
    var at = 0;
    var n = text.length;
    while (at <= n) {
      var value;
      if (text.charAt(at) === '"') {
        var end = at;
        do end = text.indexOf('"', end + 1); while (end >= 0 && text.charAt(end + 1) === '"' && (end += 1));
        if (end < 0) end = n;
        value = text.slice(at + 1, end).replace(/""/g, '"');
        at = end + 1;
        var next = at;
        while (next < n && text.charAt(next) !== separator && text.charAt(next) !== "\n" && text.charAt(next) !== "\r") next++;
        value += text.slice(at, next);
        at = next;
      } else {
        var stop = at;
        while (stop < n && text.charAt(stop) !== separator && text.charAt(stop) !== "\n" && text.charAt(stop) !== "\r") stop++;
        value = text.slice(at, stop);
        at = stop;
      }
      row.push(value);
      var c = text.charAt(at);
      if (c !== separator) {
        if (row.join("").trim()) rows.push(row);
        row = [];
        if (c === "\r" && text.charAt(at + 1) === "\n") at++;
      }
      at++;
    }
    return rows;
  }

  function csvCell(value, separator) {
    var text = String(value).replace(/^[=+\-@\t\r]/, "'$&"); // never a formula in a spreadsheet
    return /["\n\r]/.test(text) || text.indexOf(separator) >= 0 ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  // Rows of values → a file's text: a BOM (spreadsheets then read it as UTF-8), CRLF line ends.
  function csvText(rows, separator) {
    return "\ufeff" + rows.map(function (values) {
      return values.map(function (value) { return csvCell(value, separator); }).join(separator);
    }).join("\r\n") + "\r\n";
  }

  // The separator of an export, in either language: the one after its name column's title.
  function csvSeparator(text) {
    return /\[name\]\s*"?;/.test(text.split("\n")[0]) ? ";" : ",";
  }

  /* ── dates (pure) ────────────────────────────────────────────────────────── */

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // 2026-11-30, or a LOCAL_DATE with the day first or not; "" when neither, or no such day.
  function isoDate(value, dayFirst) {
    var local = LOCAL_DATE.exec(value);
    var date = local ? local[4] + "-" + pad(+local[dayFirst ? 3 : 1]) + "-" + pad(+local[dayFirst ? 1 : 3]) : value;
    var parts = DATE.exec(date);
    var day = parts && new Date(parts[1], parts[2] - 1, parts[3]);
    return day && day.getMonth() === parts[2] - 1 && day.getDate() === +parts[3] ? date : "";
  }

  // Whether a locale writes the day before the month (fr, en-GB) or after it (en-US).
  function localeDayFirst(locale) {
    return /day.*month/.test(new Intl.DateTimeFormat(locale).formatToParts(0).map(function (part) {
      return part.type;
    }).join());
  }

  // The first local date with a part above 12 says which comes first, for every date of a file:
  // {index, first (that date), dayFirst}; null when none does.
  function settledOrder(dates) {
    for (var i = 0; i < dates.length; i++) {
      var local = LOCAL_DATE.exec(dates[i]);
      if (local && local[1] > 12 !== local[3] > 12) return { index: i, first: local[0], dayFirst: local[1] > 12 };
    }
    return null;
  }

  /* ── records (pure; the rules of kam_guide/quiz/team.py) ─────────────────── */

  // What of `found` is neither in `entries` nor earlier in `found` (a Set: linear in both).
  function newEntries(entries, found) {
    var known = new Set(entries.map(rules.signature));
    return found.filter(function (entry) {
      var key = rules.signature(entry);
      return !known.has(key) && known.add(key);
    });
  }

  // "agree", "self-higher" or "manager-higher": self and manager agree while |self − manager| × 100 <
  // maximum × percent (a dimension) or |self − manager| < points (a question: maximum 1, percent 100 × points).
  function gap(self, manager, maximum, percent) {
    return guide.quizRules.below(Math.abs(self - manager), 100, maximum, percent) ? "agree" :
      self > manager ? "self-higher" : "manager-higher";
  }

  // The latest self-rating beside the latest manager rating of one person, of this version; null
  // unless both exist. quiz: {version, questions [{id, points}], dimensions, maxima, gaps
  // {questionPoints, dimensionPercent}} → {self, manager (the records), dimensions: {id: {self,
  // manager, reading}}, questions: {id: {self, manager, reading}}} (only questions both answered).
  function compare(list, quiz) {
    var self = rules.byRater(list, "self", quiz.version).pop();
    var manager = rules.byRater(list, "manager", quiz.version).pop();
    if (!self || !manager) return null;
    var result = { self: self, manager: manager, dimensions: map(), questions: map() };
    quiz.dimensions.forEach(function (id) {
      var a = self.scores[id];
      var b = manager.scores[id];
      result.dimensions[id] = { self: a, manager: b, reading: gap(a, b, quiz.maxima[id], quiz.gaps.dimensionPercent) };
    });
    quiz.questions.forEach(function (question) {
      var a = question.points[self.answers[question.id]];
      var b = question.points[manager.answers[question.id]];
      if (a === undefined || b === undefined) return; // left unanswered (or no such option): not compared
      result.questions[question.id] = { self: a, manager: b, reading: gap(a, b, 1, 100 * quiz.gaps.questionPoints) };
    });
    return result;
  }

  /* ── the spreadsheet's rows (pure) ───────────────────────────────────────── */

  // An export's rows, titles first: columns `Label [key]`. For each question of this quiz (then any
  // only older records answered: nothing is left out) its answer (`q:`, "B – the option's words")
  // and points (`p:`); the rater as "label(rater:<key>) [<key>]"; for each dimension its points (`d:`), maximum (`max:`) and whole percent
  // (`pct:`). view: {questions [{id, points, options (words)}], dimensions, maxima, label(key), band(entry)}.
  function exportRows(entries, view) {
    var ids = view.questions.map(function (question) { return question.id; });
    var questions = map();
    view.questions.forEach(function (question) { questions[question.id] = question; });
    entries.forEach(function (entry) {
      Object.keys(entry.answers).forEach(function (id) { if (ids.indexOf(id) < 0) ids.push(id); });
    });
    var keys = ["name", "date", "rater", "version"];
    ids.forEach(function (id) { keys.push("q:" + id, "p:" + id); });
    keys.push("total", "band");
    view.dimensions.forEach(function (id) { keys.push("d:" + id, "max:" + id, "pct:" + id); });
    var rows = [keys.map(function (key) { return view.label(key) + " [" + key + "]"; })];
    entries.forEach(function (entry) {
      var current = entry.version === view.version;
      // the rater in the page's words, its key in brackets for the import (as the column titles)
      var row = [entry.name, entry.date, view.label("rater:" + entry.rater) + " [" + entry.rater + "]", entry.version];
      ids.forEach(function (id) {
        var index = has(entry.answers, id) ? entry.answers[id] : -1;
        var question = current && has(questions, id) && questions[id];
        row.push(index < 0 ? "" : LETTERS.charAt(index) + (question ? " – " + question.options[index] : ""),
          question && index >= 0 ? question.points[index] : "");
      });
      row.push(entry.total, entry.band + 1 + " – " + view.band(entry));
      view.dimensions.forEach(function (id) {
        var score = has(entry.scores, id) ? entry.scores[id] : "";
        var maximum = current ? view.maxima[id] : "";
        row.push(score, maximum, score === "" || !maximum ? "" : guide.quizRules.shown(score, maximum, 100));
      });
      rows.push(row);
    });
    return rows;
  }

  var KNOWN_COLUMN = /^(name|date|rater|version|total|band|[qpd]:.+|max:.+|pct:.+)$/;

  // The records of an export (of either language), or null when the text is none (it lacks the name,
  // date or version column). quiz: {version, questions [{id, options}], score(answers) (a record's
  // scored fields), dayFirst (the order of the reader's locale, for a file that does not settle it)}.
  // Scores of this version come from the answers; other versions' are kept. A row that cannot be read
  // gives a problem {kind, row, value, column?, other?, first?}, kind naming the page's text that says
  // it: unreadable, not-a-date, date-order, wrong-total. `unknown`: the titles of columns it ignored.
  function readExport(text, quiz) {
    text = text.replace(/^\ufeff/, "");
    var rows = parseCsv(text, csvSeparator(text));
    var titles = rows.shift() || [];
    var keys = titles.map(function (title) { return (/\[([^\]]+)\]\s*$/.exec(title) || [])[1]; });
    if (["name", "date", "version"].some(function (column) { return keys.indexOf(column) < 0; })) return null;
    var unknown = titles.filter(function (title, at) { return !KNOWN_COLUMN.test(keys[at] || "") && title.trim(); });
    var settled = settledOrder(rows.map(function (row) { return (row[keys.indexOf("date")] || "").trim(); }));
    var dayFirst = settled ? settled.dayFirst : quiz.dayFirst;
    var problems = [];
    var entries = rows.map(function (row, index) {
      var entry = { name: "", rater: "manager", answers: map(), scores: map(), keys: map() };
      var bad = null;
      keys.forEach(function (column, at) {
        var value = (row[at] || "").trim();
        var id = column && column.slice(2);
        var band = /^(\d+) – (.*)$/.exec(value);
        var ok = true;
        if (column === "name") entry.name = value.replace(/^'(?=[=+\-@\t\r])/, "").slice(0, 60);
        else if (column === "date") {
          var local = LOCAL_DATE.exec(value);
          var against = local && local[1] > 12 !== local[3] > 12 && local[1] > 12 !== dayFirst;
          ok = !against && (entry.date = isoDate(value, dayFirst));
          if (!ok && !bad) bad = { kind: against ? "date-order" : "not-a-date", row: index + 2, value: value };
        }
        else if (column === "rater") ok = /^(self|manager)$/.test(entry.rater = (/\[(\w+)\]$/.exec(value) || [0, value])[1] || "manager");
        else if (column === "version") ok = /^[0-9a-f]{12}$/.test(entry.version = value);
        else if (column === "total") ok = /^\d+$/.test(value) && (entry.total = +value) >= 0;
        else if (column === "band") ok = band && (entry.band = band[1] - 1, entry.bandTitle = band[2]);
        else if (/^q:/.test(column) && value) ok = (entry.answers[id] = LETTERS.indexOf(value.charAt(0).toUpperCase())) >= 0 && !/^.[^ ]/.test(value);
        else if (/^d:/.test(column) && value) ok = /^\d+$/.test(value) && (entry.scores[id] = +value) >= 0;
        if (!ok && !bad) bad = { kind: "unreadable", row: index + 2, column: column, value: value };
      });
      if (!bad && entry.version === quiz.version) {
        var answers = map(); // the answers that name one of the question's options
        var missing = null;
        quiz.questions.forEach(function (question) {
          var chosen = has(entry.answers, question.id) ? entry.answers[question.id] : -1;
          if (chosen >= 0 && chosen < question.options) answers[question.id] = chosen;
          else missing = missing || question;
        });
        if (missing) {
          bad = { kind: "unreadable", row: index + 2, column: "q:" + missing.id, value: LETTERS.charAt(entry.answers[missing.id]) };
        } else {
          var scored = quiz.score(answers);
          if (scored.total !== entry.total) problems.push({ kind: "wrong-total", row: index + 2, value: entry.total });
          entry = Object.assign(scored, { name: entry.name, date: entry.date, rater: entry.rater });
        }
      }
      if (bad) problems.push(settled ? Object.assign(bad, { other: settled.index + 2, first: settled.first }) : bad);
      return entry;
    });
    return { problems: problems, entries: entries, unknown: unknown };
  }

  /* ── the person view: history, progress, comparison, coaching sheet ──────── */

  // show(list) fills root ([data-person-view]) with one person's records (oldest first), each a copy
  // of template's row. view: team.js's readView, plus gaps {questionPoints, dimensionPercent}.
  function createPerson(root, template, view) {
    template = template.content.firstElementChild;
    var rows = root.querySelector("[data-person-rows]");

    function one(selector) {
      return root.querySelector(selector);
    }

    function showRow(entry) {
      var row = template.cloneNode(true);
      var current = entry.version === view.version;
      var corrected = row.querySelector("[data-team-corrected]");
      row.setAttribute("data-team-entry", entry.id);
      row.setAttribute("data-name", entry.name);
      row.setAttribute("data-date", entry.date);
      row.setAttribute("data-rater", entry.rater);
      row.querySelector("[data-team-date]").textContent = view.format.date(entry.date);
      row.querySelector("[data-team-older]").hidden = current;
      corrected.hidden = !entry.corrected;
      if (entry.corrected) corrected.textContent = view.fill(corrected.getAttribute("data-quiz-fill"), { date: view.format.date(entry.corrected) });
      row.querySelector("[data-team-rater]").textContent = view.texts["rater:" + entry.rater];
      view.show(row.querySelector("[data-team-total]"), entry.total, 0);
      view.dimensions.forEach(function (id) {
        view.show(row.querySelector("[data-team-dimension='" + id + "']"), entry.scores[id], current ? view.maxima[id] : 0);
      });
      return row;
    }

    // A line over time of one dimension's share of its maximum, drawn for sighted readers only
    // (aria-hidden): the figures are in the history table above.
    function chart(box, scores, maximum) {
      var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      var line = document.createElementNS(svg.namespaceURI, "polyline");
      var step = scores.length > 1 ? 96 / (scores.length - 1) : 0;
      svg.setAttribute("viewBox", "-2 -2 100 24");
      line.setAttribute("points", scores.map(function (score, index) {
        return index * step + "," + (20 - 20 * score / maximum);
      }).join(" ") + (scores.length === 1 ? " 1,"+ (20 - 20 * scores[0] / maximum) : ""));
      svg.appendChild(line);
      box.replaceChildren(svg);
    }

    return {
      show: function (list) {
        var last = list[list.length - 1];
        var managers = rules.byRater(list, "manager", view.version);
        var rater = managers.length ? "manager" : "self";
        var mine = rules.byRater(list, rater, view.version);
        var delta = rules.change(list, rater, view.version, view.dimensions);
        var latest = mine[mine.length - 1];
        one("[data-person-name]").textContent = last.name || view.unnamed;
        var printed = one("[data-person-printed]");
        printed.textContent = view.fill(printed.getAttribute("data-quiz-fill"), { date: view.format.date(view.today()) });
        var fragment = document.createDocumentFragment();
        list.slice().reverse().forEach(function (entry) { fragment.appendChild(showRow(entry)); });
        rows.replaceChildren(fragment);
        var changes = one("[data-person-changes]");
        if (changes) {
          one("[data-person-change-none]").hidden = !!delta;
          all(changes, "[data-person-change]").forEach(function (item) {
            var id = item.getAttribute("data-dimension");
            item.hidden = !latest;
            if (delta) item.setAttribute("data-delta", delta.scores[id]);
            else item.removeAttribute("data-delta");
            item.querySelector("[data-person-delta]").textContent = latest ?
              view.format.share(latest.scores[id], view.maxima[id], 1) + (delta ? " " + view.format.delta(delta.scores[id]) : "") : "";
            if (latest) chart(item.querySelector("[data-person-chart]"), mine.map(function (entry) { return entry.scores[id]; }), view.maxima[id]);
          });
          showComparison(compare(list, view));
          showFocus(latest, rater);
        }
        root.hidden = false;
      }
    };

    function showComparison(result) {
      var box = one("[data-compare]");
      box.hidden = !result;
      if (!result) return;
      function fillRow(row, figures) {
        row.querySelector("[data-compare-self]").textContent = figures.self;
        row.querySelector("[data-compare-manager]").textContent = figures.manager;
        row.querySelector("[data-compare-reading]").textContent = view.texts[figures.reading];
        row.setAttribute("data-reading", figures.reading);
      }
      all(box, "[data-compare-dimension]").forEach(function (row) {
        var figures = result.dimensions[row.getAttribute("data-dimension")];
        row.setAttribute("data-self", figures.self);
        row.setAttribute("data-manager", figures.manager);
        fillRow(row, figures);
      });
      var talks = 0;
      all(box, "[data-compare-question]").forEach(function (row) {
        var id = row.getAttribute("data-compare-question");
        var figures = result.questions[id];
        var discuss = box.querySelector("[data-compare-discuss='" + id + "']");
        row.hidden = !figures;
        if (figures) fillRow(row, figures);
        if (discuss) talks += !(discuss.hidden = !figures || figures.reading === "agree");
      });
      one("[data-compare-discuss-none]").hidden = talks > 0;
    }

    // The lowest dimension of the latest record (the first on a tie), with the advice for it that speaks
    // to whoever made that record: the manager, or the KAM who only rated themselves.
    function showFocus(latest, rater) {
      var focus = one("[data-person-focus]");
      var lowest = null;
      if (latest) view.dimensions.forEach(function (id) {
        if (lowest === null || view.rules.below(latest.scores[id], view.maxima[lowest], latest.scores[lowest], view.maxima[id])) lowest = id;
      });
      focus.hidden = lowest === null;
      all(focus, "[data-person-advice]").forEach(function (block) { block.hidden = block.getAttribute("data-person-advice") !== lowest; });
      all(focus, "[data-person-audience]").forEach(function (block) { block.hidden = block.getAttribute("data-person-audience") !== rater; });
      if (lowest !== null) one("[data-person-focus-name]").textContent = view.texts["d:" + lowest];
    }
  }

  /* ── the confirmation dialog; the exported file ──────────────────────────── */

  // ask(values, then): confirm deleting one record (values fill its text), or every one when values
  // is null; then() runs on Yes. No and Escape cancel; the browser returns focus to the button that
  // asked, as it does for any modal dialog.
  function createConfirm(box, view) {
    var one = box.querySelector("[data-team-confirm-text='one']");
    var every = box.querySelector("[data-team-confirm-text='all']");
    var then = null;

    function answer(yes) {
      box.close();
      if (yes) then();
    }

    box.querySelector("[data-team-confirm-yes]").addEventListener("click", function () { answer(true); });
    box.querySelector("[data-team-confirm-no]").addEventListener("click", function () { answer(false); });
    return {
      ask: function (values, next) {
        one.textContent = values ? view.fill(one.getAttribute("data-quiz-fill"), values) : "";
        one.hidden = !values;
        every.hidden = !!values;
        then = next;
        box.showModal(); // focus on No (autofocus)
      }
    };
  }

  function download(name, text) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/csv" }));
    link.download = name;
    link.click(); // a detached link downloads too
  }

  /* ── the spreadsheet: exporting and importing ─────────────────────────── */

  // A column's title in the page's words: "Question 1", "Question 1 – points", "Le veilleur – %".
  function columnLabel(texts, key) {
    var parts = /^(\w+):(.*)$/.exec(key);
    if (!parts || /^(q|d|rater)$/.test(parts[1])) return texts[key] || (parts ? parts[2] : key);
    var base = texts[(parts[1] === "p" ? "q:" : "d:") + parts[2]] || parts[2];
    return base + " – " + texts[{ p: "points", max: "maximum", pct: "percent" }[parts[1]]];
  }

  // Each question's option words, in the quiz's order of options, without the letter shown beside them.
  function optionWords(form, question) {
    return all(form.querySelector("fieldset[data-question='" + question.id + "']"), "input[data-points]").map(function (input) {
      var label = input.closest("label").cloneNode(true);
      all(label, "[aria-hidden=true]").forEach(function (hidden) { hidden.remove(); });
      return label.textContent.replace(/\s+/g, " ").trim();
    });
  }

  // Downloads the records as a CSV file. env: {form, quiz (kamGuide.quiz's handle), view (team.js's
  // readView), separator}. Records of this version get today's band titles; older ones their own.
  function exportCsv(entries, env) {
    var quiz = env.quiz;
    var view = env.view;
    var rows = exportRows(entries, {
      version: quiz.version, dimensions: view.dimensions, maxima: view.maxima,
      label: function (key) { return columnLabel(view.texts, key); },
      band: function (entry) { return entry.version === quiz.version ? view.bandTitles[entry.band] || "" : entry.bandTitle; },
      questions: quiz.questions.map(function (question) {
        return { id: question.id, points: question.points, options: optionWords(env.form, question) };
      })
    });
    download(quiz.id + "-" + quiz.today() + ".csv", csvText(rows, env.separator));
  }

  // A promise of the records of a file the reader chose, or of null when there are none to add: then,
  // and for every problem (listed by line, at most 50), a notice says why. A file over IMPORT_LIMIT is
  // refused unread. UTF-8 as exported; else Windows-1252, as French Excel saves "CSV (séparateur :
  // point-virgule)". env: {root ([data-quiz-team]), quiz, view, score(answers) (a record's scored fields)}.
  function importCsv(file, env) {
    if (file.size > IMPORT_LIMIT) {
      env.quiz.notice("too-big", { value: Math.round(IMPORT_LIMIT / 1048576) });
      return Promise.resolve(null);
    }
    return file.arrayBuffer().then(function (bytes) {
      var text = new TextDecoder().decode(bytes);
      return recordsOf(/\ufffd/.test(text) ? new TextDecoder("windows-1252").decode(bytes) : text, env);
    });
  }

  // The records of a file's text, or null (importCsv). Columns it does not know are named; the others are read.
  function recordsOf(text, env) {
    var quiz = env.quiz;
    var texts = env.view.texts;
    var found = readExport(text, {
      version: quiz.version, questions: quiz.questions, dayFirst: localeDayFirst(navigator.language), score: env.score
    });
    var list = env.root.querySelector("[data-team-import-problems]");
    var extra = env.root.querySelector("[data-team-extra-columns]");
    extra.hidden = !(found && found.unknown.length);
    if (found) extra.textContent = env.view.fill(extra.getAttribute("data-quiz-fill"), { value: found.unknown.join(", ") });
    var problem = !found ? (text ? "not-export" : "empty-file") : !found.entries.length ? "empty-file" : null;
    if (problem) { // not an export; a header and nothing else
      quiz.notice(problem);
      return null;
    }
    list.textContent = "";
    found.problems.slice(0, 50).forEach(function (problem) {
      var values = Object.assign(map(), problem);
      if (problem.column) values.column = columnLabel(texts, problem.column);
      list.appendChild(document.createElement("li")).textContent = env.view.fill(texts[problem.kind], values);
    });
    if (!found.problems.length) return found.entries;
    quiz.notice("import-failed");
    return null;
  }

  /* ── starting: the parts the tools need (DESIGN.md, "Team table") ─────── */

  var PARTS = [
    "template[data-person-row-template]", "[data-team-import-problems]", "[data-team-extra-columns][data-quiz-fill]",
    "dialog[data-team-confirm] [data-team-confirm-yes]", "[data-team-confirm] [data-team-confirm-no]",
    "[data-team-confirm] [data-team-confirm-text='one'][data-quiz-fill]", "[data-team-confirm] [data-team-confirm-text='all']",
    "[data-person-view] h3 [data-person-name]", "[data-person-printed][data-quiz-fill]"
  ];
  var PERSON_ROW_PARTS = ["[data-team-date]", "[data-team-older]", "[data-team-corrected][data-quiz-fill]",
    "[data-team-rater]", "[data-team-total] [data-team-value]", "[data-team-open]", "[data-team-delete]"];
  var PERSON_PARTS = ["[data-person-change-none]", "[data-compare] [data-compare-discuss-none]", "[data-person-focus] [data-person-focus-name]"];
  var TEXTS = ["rater:self", "rater:manager", "agree", "self-higher", "manager-higher"];
  var GAPS = ["data-quiz-gap-points", "data-quiz-gap-percent"]; // on the form: when two views differ

  function missing(root, selectors, where) {
    return selectors.filter(function (selector) { return !root.querySelector(selector); }).map(function (selector) {
      return where + selector;
    });
  }

  // What a form's team table lacks for the tools, as team.js names its own parts.
  function problemsOf(form, root, dimensions) {
    var problems = missing(root, PARTS, "");
    GAPS.forEach(function (name) {
      if (!/^[1-9]\d*$/.test(form.getAttribute(name))) problems.push(name + " on the form");
    });
    var template = root.querySelector("template[data-person-row-template]");
    var texts = root.querySelector("template[data-team-texts]");
    if (!template || !texts) return problems;
    problems = problems.concat(missing(template.content, PERSON_ROW_PARTS, "[data-person-row-template] "),
      missing(texts.content, TEXTS.map(function (key) { return "[data-team-text='" + key + "']"; }), "[data-team-texts] "));
    if (dimensions.length) problems = problems.concat(missing(root, PERSON_PARTS, ""));
    dimensions.forEach(function (id) {
      var where = "='" + id + "']";
      problems = problems.concat(
        missing(template.content, ["[data-team-dimension" + where + " [data-team-value]"], "[data-person-row-template] "),
        missing(root, ["[data-person-change][data-dimension" + where + " [data-person-delta]",
          "[data-compare-dimension][data-dimension" + where + " [data-compare-reading]", "[data-person-advice" + where], ""));
    });
    return problems;
  }

  // The person view and the deletion dialog of a form's team table; throws an Error naming the parts
  // its markup lacks, before changing anything. view: team.js's readView.
  function start(form, view) {
    var root = form.querySelector("[data-quiz-team]");
    var problems = problemsOf(form, root, view.dimensions);
    if (problems.length) throw new Error("has no " + problems.join(", "));
    var gaps = { questionPoints: +form.getAttribute(GAPS[0]), dimensionPercent: +form.getAttribute(GAPS[1]) };
    return {
      person: createPerson(root.querySelector("[data-person-view]"), root.querySelector("[data-person-row-template]"),
        Object.assign({}, view, { gaps: gaps })),
      confirm: createConfirm(root.querySelector("[data-team-confirm]"), view)
    };
  }

  /* ── the interface (DESIGN.md, "Browser scripts") ─────────────────────── */

  Object.defineProperty(guide, "teamTools", {
    enumerable: true, // read-only
    value: Object.freeze({
      rules: Object.freeze({
        parseCsv: parseCsv, csvCell: csvCell, csvText: csvText, csvSeparator: csvSeparator, isoDate: isoDate,
        localeDayFirst: localeDayFirst, settledOrder: settledOrder, newEntries: newEntries, compare: compare,
        exportRows: exportRows, readExport: readExport
      }),
      start: start, exportCsv: exportCsv, importCsv: importCsv
    })
  });
})();
