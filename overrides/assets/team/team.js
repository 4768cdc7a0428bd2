/*
 * Team table: keep dated assessments of each person, by their manager and by themselves; show the
 * team (each person's latest manager view and its change), one person's progress, and how their
 * self-rating compares with their manager's; export to and import from a spreadsheet (CSV); print.
 *
 * Works on top of quiz.js: kamGuide.quiz(form) scores answers, kamGuide.quizRules holds the rules
 * shared with the Python model (kam_guide/quiz/scoring.py, team.py), in whole numbers.
 * Every word is in the page (components/quiz-team.html): the script fills {placeholders} and
 * numbers. Everything stays in this browser's localStorage, and nothing saved is lost: every write
 * re-reads what is stored and applies one change to it, so a save in another tab is kept; data
 * the script cannot read is set aside or kept, never overwritten.
 *
 * One file in units by concern, each working only on what it is handed (DESIGN.md, "Browser scripts"):
 *
 *   CSV, dates, records, people   pure functions, offered as kamGuide.teamRules (tested in a blank page)
 *   createStore                   the saved records in localStorage (format 2, migrating format 1)
 *   readView                      what the page says: texts, marks, titles, how figures are written
 *   createTable, createPerson     the team table; the person view (history, progress, comparison)
 *   createConfirm, download       the dialog that confirms a deletion; the exported file
 *   createTeam                    the component: one instance per quiz form, wiring the units above;
 *                                 it alone holds the instance's state
 */
(function () {
  "use strict";

  var NAME = "kamGuide.team";
  var guide = window.kamGuide || (window.kamGuide = {});
  if (guide.teamRules) return; // loaded twice: the first copy serves

  var FORMAT = 2;
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

  // "{name}" in a text → values.name (numbers and readers' own entries, never words).
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) { return has(values, key) ? values[key] : match; });
  }

  /* ── CSV (pure) ───────────────────────────────────────────────────────── */

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

  // The separator a reader's spreadsheet expects: ";" where their locale writes decimals with a comma
  // (French Excel), "," otherwise. The locale is the browser's (navigator.language), not the page's.
  function separatorFor(locale) {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(1.5).indexOf(",") >= 0 ? ";" : ",";
  }

  // The separator of an export, in either language: the one after its name column's title.
  function csvSeparator(text) {
    return /\[name\]\s*"?;/.test(text.split("\n")[0]) ? ";" : ",";
  }

  /* ── dates (pure) ─────────────────────────────────────────────────────── */

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

  /* ── records and people (pure; the rules of kam_guide/quiz/team.py) ───── */

  // A record of storage format 2: {id, name, date, rater, version, answers, keys, total, band,
  // bandTitle, scores, corrected?}. Format 1 had no rater: its records were a manager's.
  function isEntry(e) {
    return !!e && typeof e.name === "string" && typeof e.id === "string" && DATE.test(e.date) &&
      (e.rater === "self" || e.rater === "manager") && !!e.answers && !!e.scores && isFinite(e.total + e.band);
  }

  function migrate(entry) {
    return entry && typeof entry === "object" && !entry.rater ? Object.assign({}, entry, { rater: "manager" }) : entry;
  }

  // Two records are the same assessment when name, date, rater, version and answers are.
  function signature(entry) {
    return JSON.stringify([entry.name, entry.date, entry.rater, entry.version, Object.keys(entry.answers).sort().map(function (id) {
      return [id, entry.answers[id]];
    })]);
  }

  // What of `found` is neither in `entries` nor earlier in `found` (a Set: linear in both).
  function newEntries(entries, found) {
    var known = new Set(entries.map(signature));
    return found.filter(function (entry) {
      var key = signature(entry);
      return !known.has(key) && known.add(key);
    });
  }

  // The person a record is about: its name, case and spaces aside; a record without a name is its own.
  function personOf(entry) {
    return entry.name.trim().toLowerCase() || entry.id;
  }

  // Each person's records, oldest first (by date; records of one day in the order they were stored:
  // Array.prototype.sort is stable), in a Map in the order people first appear.
  function people(entries) {
    var byPerson = new Map();
    entries.forEach(function (entry) {
      var key = personOf(entry);
      if (!byPerson.has(key)) byPerson.set(key, []);
      byPerson.get(key).push(entry);
    });
    byPerson.forEach(function (list) {
      list.sort(function (a, b) { return a.date < b.date ? -1 : a.date > b.date ? 1 : 0; });
    });
    return byPerson;
  }

  // A person's records by one rater, of this version, oldest first.
  function byRater(list, rater, version) {
    return list.filter(function (entry) { return entry.rater === rater && entry.version === version; });
  }

  // Latest minus previous, per dimension and in total (points), for one person and rater:
  // {total, scores: {id: delta}, from, to (dates)}; null with fewer than two records.
  function change(list, rater, version, dimensions) {
    var mine = byRater(list, rater, version);
    var to = mine[mine.length - 1];
    var from = mine[mine.length - 2];
    if (!from) return null;
    var scores = map();
    dimensions.forEach(function (id) { scores[id] = to.scores[id] - from.scores[id]; });
    return { total: to.total - from.total, scores: scores, from: from.date, to: to.date };
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
    var self = byRater(list, "self", quiz.version).pop();
    var manager = byRater(list, "manager", quiz.version).pop();
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

  // The team's figures for one rater (the managers' latest view of each person, or the self-ratings'):
  // kamGuide.quizRules.team over that rater's records.
  function summary(entries, rater, version, dimensions, maxima) {
    return guide.quizRules.team(entries.filter(function (entry) { return entry.rater === rater; }), version, dimensions, maxima);
  }

  // The names of the people whose latest manager record of this version is weak on a dimension, in
  // the order people first appear.
  function weakPeople(byPerson, version, id, maximum, percent) {
    var names = [];
    byPerson.forEach(function (list) {
      var latest = byRater(list, "manager", version).pop();
      if (latest && guide.quizRules.isWeak(latest.scores[id], maximum, percent)) names.push(latest.name.trim());
    });
    return names;
  }

  // The team table's order. sort: {key: "name" | "total" | "d:<id>", descending}; rows: [{entry}],
  // by name as the page's language sorts (nameless last), figures then by name.
  function sortRows(rows, sort, lang) {
    function figure(row) {
      return sort.key === "total" ? row.entry.total : row.entry.scores[sort.key.slice(2)];
    }
    function byName(a, b) {
      return (!a.entry.name) - (!b.entry.name) || a.entry.name.localeCompare(b.entry.name, lang);
    }
    return rows.slice().sort(function (a, b) {
      var order = sort.key === "name" ? byName(a, b) : (figure(a) === undefined) - (figure(b) === undefined) || figure(a) - figure(b);
      return (sort.descending ? -order : order) || byName(a, b);
    });
  }

  /* ── the spreadsheet's rows (pure) ────────────────────────────────────── */

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

  /* ── storage: one list per quiz ───────────────────────────────────────── */

  // localStorage[key] = {format: 2, entries}. read() → {entries, kept, problem, blocked}: the records
  // this script can read, those it cannot (kept as they are), the notice to show (unavailable,
  // damaged, damaged-kept, newer, unreadable) and whether writing must wait (a list it could not set
  // aside, or one a newer page wrote). update(change) re-reads, applies change(entries) → entries,
  // writes, and returns {ok, entries, problem}; nothing is written when blocked, and a write the
  // browser refuses (storage full) leaves what was stored as it was ("full"). A format-1 list is
  // copied to `<key>.format-1` before it is first written as format 2.
  function createStore(key) {
    function read() {
      var raw = null;
      var data = null;
      try {
        raw = localStorage.getItem(key);
      } catch (error) {
        return { entries: [], kept: [], problem: "unavailable", blocked: true };
      }
      try {
        data = JSON.parse(raw);
      } catch (error) { /* damaged: below */ }
      if (raw === null) return { entries: [], kept: [], problem: null };
      var list = data && Array.isArray(data.entries) ? data.entries : null;
      if (data && data.format > FORMAT) return { entries: [], kept: [], problem: "newer", blocked: true }; // any shape
      if (!list || (data.format !== 1 && data.format !== FORMAT)) {
        try {
          localStorage.setItem(key + ".unreadable-" + Date.now(), raw);
          localStorage.removeItem(key);
          return { entries: [], kept: [], problem: "damaged" };
        } catch (failure) {
          return { entries: [], kept: [], problem: "damaged-kept", blocked: true }; // left where it is
        }
      }
      var entries = [];
      var kept = [];
      list.forEach(function (entry) {
        var read = data.format === 1 ? migrate(entry) : entry;
        if (isEntry(read)) entries.push(read);
        else kept.push(entry); // as it was stored
      });
      return { entries: entries, kept: kept, problem: kept.length ? "unreadable" : null, old: data.format === 1 && raw };
    }

    return {
      read: read,
      update: function (changeList) {
        var now = read();
        if (now.blocked) return { ok: false, entries: now.entries, problem: now.problem };
        var entries = changeList(now.entries);
        try {
          if (now.old && localStorage.getItem(key + ".format-1") === null) localStorage.setItem(key + ".format-1", now.old);
          localStorage.setItem(key, JSON.stringify({ format: FORMAT, entries: entries.concat(now.kept) }));
          return { ok: true, entries: entries };
        } catch (error) {
          return { ok: false, entries: now.entries, problem: "full" }; // what was stored stays as it was
        }
      },
      key: key
    };
  }

  /* ── showing figures ──────────────────────────────────────────────────── */

  // view: {lang, version, weakBelow, maxima, rules (kamGuide.quizRules), marks {weak, strong} (nodes
  // to copy), format {date, points, percent, delta}}.

  // A cell: points and share of the maximum, a mark (symbol and words) beside the colour; none for
  // an older version's scores, which are shown as they were given.
  // score: the sum of `people` scores (1 when omitted), each of `maximum`.
  function showCell(cell, view, score, maximum, people) {
    var box = cell.querySelector(".quiz__cell");
    var level = maximum ? (view.rules.isWeak(score, maximum * (people || 1), view.weakBelow) ? "weak" : "strong") : "";
    var mark = box.querySelector("[data-team-mark]");
    box.querySelector("[data-team-value]").textContent = maximum ?
      view.format.share(score, maximum, people || 1) : String(score);
    box.setAttribute("data-level", level);
    box.style.setProperty("--quiz-ratio", String(maximum ? score / maximum / (people || 1) : 0));
    if (mark) mark.replaceChildren(level ? view.marks[level].cloneNode(true) : "");
  }

  function showDelta(cell, view, delta) {
    var element = cell.querySelector("[data-team-delta]");
    if (element) element.textContent = delta === null ? "" : view.format.delta(delta);
  }

  /* ── the team table ───────────────────────────────────────────────────── */

  // render(byPerson, sort): one row per person (their latest manager record, else their latest
  // self-rating), the managers' and the self-ratings' averages, and the team's weakest dimension.
  function createTable(root, view) {
    var template = root.querySelector("[data-team-row-template]").content.firstElementChild;
    var rows = root.querySelector("[data-team-rows]");

    function one(selector) {
      return root.querySelector(selector);
    }

    function showRow(entry, list) {
      var row = template.cloneNode(true);
      var current = entry.version === view.version;
      var delta = current && change(list, entry.rater, view.version, view.dimensions);
      row.setAttribute("data-team-entry", entry.id);
      row.setAttribute("data-name", entry.name);
      row.setAttribute("data-date", entry.date);
      row.setAttribute("data-rater", entry.rater);
      row.setAttribute("data-total", entry.total);
      row.setAttribute("data-band", entry.band);
      row.querySelector("[data-team-name]").textContent = entry.name || view.unnamed;
      row.querySelector("[data-team-self-tag]").hidden = entry.rater !== "self";
      row.querySelector("[data-team-older]").hidden = current;
      row.querySelector("[data-team-date]").textContent = view.format.date(entry.date);
      showCell(row.querySelector("[data-team-total]"), view, entry.total, 0);
      showDelta(row.querySelector("[data-team-total]"), view, delta ? delta.total : null);
      view.dimensions.forEach(function (id) {
        var cell = row.querySelector("[data-team-dimension='" + id + "']");
        showCell(cell, view, entry.scores[id], current ? view.maxima[id] : 0);
        showDelta(cell, view, delta ? delta.scores[id] : null);
      });
      return row;
    }

    function showAverage(row, figures) {
      row.hidden = !figures;
      if (!figures) return;
      row.querySelector("[data-team-average-people]").textContent = view.format.people(figures.people);
      row.querySelector("[data-team-average-total]").textContent =
        view.format.decimal.format(view.rules.shown(figures.total, figures.people, 10) / 10);
      view.dimensions.forEach(function (id) {
        var share = figures.shares[id];
        showCell(row.querySelector("[data-team-average='" + id + "']"), view, share[0], share[1] / figures.people, figures.people);
      });
    }

    function showWeakest(byPerson, figures) {
      var box = one("[data-team-weakest]");
      var id = figures && figures.weakest;
      var shown = id !== null && id !== undefined && view.rules.isWeak(figures.shares[id][0], figures.shares[id][1], view.weakBelow);
      box.hidden = !shown;
      all(box, "[data-team-weakest-dimension]").forEach(function (block) {
        var on = shown && block.getAttribute("data-team-weakest-dimension") === id;
        block.hidden = !on;
        if (!on) return;
        block.querySelector("[data-team-weakest-value]").textContent =
          view.format.share(figures.shares[id][0], figures.shares[id][1] / figures.people, figures.people);
        var names = block.querySelector("[data-team-weakest-names]");
        names.textContent = fill(names.getAttribute("data-quiz-fill"), {
          name: weakPeople(byPerson, view.version, id, view.maxima[id], view.weakBelow).map(function (name) {
            return name || view.unnamed;
          }).join(", ")
        });
      });
    }

    return {
      render: function (entries, byPerson, sort) {
        var shown = [];
        byPerson.forEach(function (list) {
          var managers = list.filter(function (entry) { return entry.rater === "manager"; });
          var latest = (managers.length ? managers : list).slice(-1)[0];
          shown.push({ entry: latest, list: list });
        });
        var fragment = document.createDocumentFragment();
        sortRows(shown, sort, view.lang).forEach(function (row) { fragment.appendChild(showRow(row.entry, row.list)); });
        rows.replaceChildren(fragment);
        all(root, "[data-team-sort]").forEach(function (header) {
          var key = header.getAttribute("data-team-sort");
          if (key === sort.key) header.setAttribute("aria-sort", sort.descending ? "descending" : "ascending");
          else header.removeAttribute("aria-sort");
        });
        var printed = one("[data-team-printed]");
        printed.textContent = fill(printed.getAttribute("data-quiz-fill"), { date: view.format.date(view.today()) });
        one("[data-team-empty]").hidden = entries.length > 0;
        one("[data-team-grid]").hidden = !entries.length;
        one("[data-team-note='older']").hidden = !entries.some(function (entry) { return entry.version !== view.version; });
        var managers = summary(entries, "manager", view.version, view.dimensions, view.maxima);
        showAverage(one("[data-team-average-row]"), managers);
        showAverage(one("[data-team-self-row]"), summary(entries, "self", view.version, view.dimensions, view.maxima));
        showWeakest(byPerson, managers);
      }
    };
  }

  /* ── the person view: history, progress, comparison, coaching sheet ──── */

  // show(list) fills root ([data-person-view]) with one person's records (oldest first), each a copy
  // of template's row. view as createTable's, plus questions [{id, points}], gaps, raterText, texts.
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
      if (entry.corrected) corrected.textContent = fill(corrected.getAttribute("data-quiz-fill"), { date: view.format.date(entry.corrected) });
      row.querySelector("[data-team-rater]").textContent = view.raterText[entry.rater];
      showCell(row.querySelector("[data-team-total]"), view, entry.total, 0);
      view.dimensions.forEach(function (id) {
        showCell(row.querySelector("[data-team-dimension='" + id + "']"), view, entry.scores[id], current ? view.maxima[id] : 0);
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
        var managers = byRater(list, "manager", view.version);
        var rater = managers.length ? "manager" : "self";
        var mine = byRater(list, rater, view.version);
        var delta = change(list, rater, view.version, view.dimensions);
        var latest = mine[mine.length - 1];
        one("[data-person-name]").textContent = last.name || view.unnamed;
        var printed = one("[data-person-printed]");
        printed.textContent = fill(printed.getAttribute("data-quiz-fill"), { date: view.format.date(view.today()) });
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

  /* ── the confirmation dialog; the exported file ───────────────────────── */

  // ask(values, then): confirm deleting one record (values fill its text), or every one when values
  // is null; then() runs on Yes. No and Escape cancel; the browser returns focus to the button that
  // asked, as it does for any modal dialog.
  function createConfirm(box) {
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
        one.textContent = values ? fill(one.getAttribute("data-quiz-fill"), values) : "";
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

  // The print stylesheet prints only the team table, or only the person view, while html has the
  // class (quiz.css).
  function printOnly(what) {
    document.documentElement.classList.add("quiz-print-" + what);
    window.print();
  }

  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("quiz-print-team", "quiz-print-person");
  });

  /* ── the markup an instance needs (DESIGN.md, "Team table") ───────────── */

  var NOTICES = [
    "saved", "corrected", "duplicate", "blocked", "full", "incomplete", "unavailable", "damaged", "damaged-kept", "newer",
    "unreadable", "opened", "opened-older", "deleted", "deleted-all", "imported", "import-failed", "not-export",
    "empty-file", "too-big"
  ];
  var FORM_PARTS = ["[data-quiz-subject]", "input[data-quiz-rater][value=self]", "input[data-quiz-rater][value=manager]",
    "[data-quiz-save]", "[data-quiz-correct]"].concat(NOTICES.map(function (name) { return "[data-quiz-notice='" + name + "']"; }));
  var TEAM_PARTS = [
    "h2", "[data-team-nojs]", "template[data-team-texts]", "template[data-team-row-template]",
    "template[data-person-row-template]", "[data-team-rows]", "[data-team-empty]", "[data-team-grid]", "[data-team-printed][data-quiz-fill]",
    "[data-team-average-row] [data-team-average-total]", "[data-team-self-row] [data-team-average-people]",
    "[data-team-note='older']", "[data-team-export]", "select[data-team-separator]", "input[type=file][data-team-import]",
    "[data-team-import-problems]", "[data-team-extra-columns][data-quiz-fill]", "[data-team-print]", "[data-team-delete-all]",
    "dialog[data-team-confirm] [data-team-confirm-yes]", "[data-team-confirm] [data-team-confirm-no]",
    "[data-team-confirm] [data-team-confirm-text='one'][data-quiz-fill]", "[data-team-confirm] [data-team-confirm-text='all']",
    "[data-person-view] h3 [data-person-name]", "[data-person-printed][data-quiz-fill]", "[data-person-close]",
    "[data-person-print]", "[data-person-rows]"
  ];
  var ROW_PARTS = ["[data-team-open] [data-team-name]", "[data-team-self-tag]", "[data-team-older]", "[data-team-date]",
    "[data-team-total] [data-team-value]", "[data-team-total] [data-team-delta]"];
  var PERSON_ROW_PARTS = ["[data-team-date]", "[data-team-older]", "[data-team-corrected][data-quiz-fill]",
    "[data-team-rater]", "[data-team-total] [data-team-value]", "[data-team-open]", "[data-team-delete]"];
  var TEXTS = ["mark:weak", "mark:strong", "rater:self", "rater:manager", "agree", "self-higher", "manager-higher", "unnamed"];
  var PERSON_PARTS = ["[data-person-change-none]", "[data-compare] [data-compare-discuss-none]", "[data-person-focus] [data-person-focus-name]"];

  // What the form lacks, as "[selector]" (or "[selector] in <where>"): empty when nothing.
  function problemsOf(form, quiz) {
    var root = form.querySelector("[data-quiz-team]");
    if (!root) return ["[data-quiz-team]"];
    var problems = missing(form, FORM_PARTS, "").concat(missing(root, TEAM_PARTS, ""));
    ["data-quiz-gap-points", "data-quiz-gap-percent"].forEach(function (name) {
      if (!/^[1-9]\d*$/.test(form.getAttribute(name))) problems.push(name + " on the form");
    });
    var template = root.querySelector("template[data-team-row-template]");
    var personTemplate = root.querySelector("template[data-person-row-template]");
    var texts = root.querySelector("template[data-team-texts]");
    if (!template || !personTemplate || !texts) return problems;
    problems = problems.concat(missing(template.content, ROW_PARTS, "[data-team-row-template] "),
      missing(personTemplate.content, PERSON_ROW_PARTS, "[data-person-row-template] "),
      missing(texts.content, TEXTS.map(function (key) { return "[data-team-text='" + key + "']"; }), "[data-team-texts] "));
    var dimensions = dimensionsOf(template);
    if (dimensions.length) problems = problems.concat(missing(root, PERSON_PARTS, ""));
    dimensions.forEach(function (id) {
      var where = "='" + id + "']";
      if (!has(quiz.maxima, id)) problems.push("[data-quiz-dimension" + where + " for [data-team-dimension" + where);
      problems = problems.concat(
        missing(template.content, ["[data-team-dimension" + where + " [data-team-value]"], "[data-team-row-template] "),
        missing(personTemplate.content, ["[data-team-dimension" + where + " [data-team-value]"], "[data-person-row-template] "),
        missing(root, ["[data-team-average-row] [data-team-average" + where + " [data-team-value]",
          "[data-team-self-row] [data-team-average" + where + " [data-team-value]",
          "[data-team-weakest] [data-team-weakest-dimension" + where + " [data-team-weakest-value]",
          "[data-team-weakest-dimension" + where + " [data-team-weakest-names][data-quiz-fill]",
          "[data-person-change][data-dimension" + where + " [data-person-delta]",
          "[data-compare-dimension][data-dimension" + where + " [data-compare-reading]",
          "[data-person-advice" + where], ""));
    });
    return problems;
  }

  function missing(root, selectors, where) {
    return selectors.filter(function (selector) { return !root.querySelector(selector); }).map(function (selector) {
      return where + selector;
    });
  }

  // The dimensions the table shows, in the page's order (the quiz's): the CSV's columns follow it too.
  function dimensionsOf(template) {
    return all(template.content, "[data-team-dimension]").map(function (cell) {
      return cell.getAttribute("data-team-dimension");
    });
  }

  /* ── what the page says: texts, marks, figures as written in its language ── */

  // The view the units share: the page's texts (template[data-team-texts]), marks, band titles and
  // option words, the quiz's figures and thresholds, and how dates and numbers are written.
  function readView(form, root, quiz) {
    var lang = document.documentElement.lang;
    var texts = map();
    var marks = map();
    all(root.querySelector("[data-team-texts]").content, "[data-team-text]").forEach(function (element) {
      var key = element.getAttribute("data-team-text");
      texts[key] = element.textContent;
      if (/^mark:/.test(key)) marks[key.slice(5)] = element.firstElementChild;
    });
    var dimensions = dimensionsOf(root.querySelector("[data-team-row-template]"));
    var maxima = map();
    dimensions.forEach(function (id) { maxima[id] = quiz.maxima[id]; });
    var dates = new Intl.DateTimeFormat(lang, { dateStyle: "medium" });
    var percent = new Intl.NumberFormat(lang, { style: "percent" });
    var decimal = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    var signed = new Intl.NumberFormat(lang, { signDisplay: "exceptZero" });
    var rules = guide.quizRules;
    var bandTitles = all(form, "[data-quiz-band]").map(function (band) {
      var title = band.querySelector("[data-quiz-band-title]");
      return title ? title.textContent.trim() : "";
    });
    var optionWords = quiz.questions.map(function (question) {
      return all(form.querySelector("fieldset[data-question='" + question.id + "']"), "input[data-points]").map(function (input) {
        var label = input.closest("label").cloneNode(true); // its words, without the letter shown beside them
        all(label, "[aria-hidden=true]").forEach(function (hidden) { hidden.remove(); });
        return label.textContent.replace(/\s+/g, " ").trim();
      });
    });
    return {
      lang: lang, version: quiz.version, weakBelow: quiz.weakBelow, dimensions: dimensions, maxima: maxima, rules: rules,
      unnamed: texts.unnamed, marks: marks, texts: texts, today: quiz.today, questions: quiz.questions,
      bandTitles: bandTitles, optionWords: optionWords, raterText: { self: texts["rater:self"], manager: texts["rater:manager"] },
      gaps: { questionPoints: +form.getAttribute("data-quiz-gap-points"), dimensionPercent: +form.getAttribute("data-quiz-gap-percent") },
      format: {
        date: function (iso) {
          var parts = DATE.exec(iso);
          return dates.format(new Date(parts[1], parts[2] - 1, parts[3]));
        },
        // sum of `people` scores of `maximum` each: the mean in points, and its share as a whole percent
        share: function (sum, maximum, people) {
          return decimal.format(rules.shown(sum, people, 10) / 10) + " (" + percent.format(rules.shown(sum, people * maximum, 100) / 100) + ")";
        },
        delta: function (delta) {
          return signed.format(delta) + (delta > 0 ? " ↑" : delta < 0 ? " ↓" : " =");
        },
        people: function (count) { return "n = " + count; },
        decimal: decimal
      }
    };
  }

  /* ── the component: one instance per quiz form ────────────────────────── */

  // Wires the team table of a form whose quiz quiz.js started (quiz: kamGuide.quiz(form)); throws
  // before changing anything when the markup lacks a part.
  function createTeam(form, quiz) {
    var problems = problemsOf(form, quiz);
    if (problems.length) throw new MarkupError(problems);
    var root = form.querySelector("[data-quiz-team]");
    var subject = form.querySelector("[data-quiz-subject]");
    var view = readView(form, root, quiz);
    var texts = view.texts;
    var dimensions = view.dimensions;
    var maxima = view.maxima;
    var bandTitles = view.bandTitles;
    var store = createStore("kam-guide.team." + quiz.id);
    var table = createTable(root, view);
    var personView = createPerson(root.querySelector("[data-person-view]"), root.querySelector("[data-person-row-template]"), view);
    var confirm = createConfirm(root.querySelector("[data-team-confirm]"));
    var separator = root.querySelector("[data-team-separator]");
    separator.value = separatorFor(navigator.language);
    // The instance's state: the records as last read, people, the record opened in the form, the
    // table's order and the person shown.
    var entries = [];
    var byPerson = new Map();
    var editing = null;
    var sort = { key: "name", descending: false };
    var shownPerson = null;

    function one(selector) {
      return form.querySelector(selector);
    }

    function current(entry) {
      return entry.version === quiz.version;
    }

    // Records of this version are shown with today's band titles; older ones with their own.
    function shownBand(entry) {
      return current(entry) ? bandTitles[entry.band] || "" : entry.bandTitle;
    }

    function label(key) {
      var parts = /^(\w+):(.*)$/.exec(key);
      if (!parts || /^(q|d|rater)$/.test(parts[1])) return texts[key] || (parts ? parts[2] : key);
      var base = texts[(parts[1] === "p" ? "q:" : "d:") + parts[2]] || parts[2];
      return base + " – " + texts[{ p: "points", max: "maximum", pct: "percent" }[parts[1]]];
    }

    function person(entry) {
      return { name: entry.name || texts.unnamed, date: view.format.date(entry.date) };
    }

    function byId(id) {
      return entries.filter(function (entry) { return entry.id === id; })[0];
    }

    function newId() {
      return Math.random().toString(36).slice(2); // about 52 random bits: only compared for equality
    }

    // A record's scored fields for these answers, scored by quiz.js.
    function assessment(answers) {
      var result = quiz.score(answers);
      var scores = map();
      dimensions.forEach(function (id) { scores[id] = result.dimensions[id].score; });
      return {
        version: quiz.version, answers: answers, keys: quiz.keys, total: result.total, band: result.band,
        bandTitle: bandTitles[result.band] || "", scores: scores
      };
    }

    function show(list) {
      entries = list;
      byPerson = people(entries);
      table.render(entries, byPerson, sort);
      if (editing && !byId(editing)) setEditing(null); // deleted in another tab
      var shown = shownPerson && byPerson.get(shownPerson);
      if (shown) personView.show(shown);
      else closePerson(false);
    }

    // One change to the stored list, applied to what is stored now (another tab may have written):
    // says how it went (values: the notice's, or a function giving them once the change is made) and
    // shows the result. Returns whether it was written.
    function write(changeList, notice, values) {
      var done = store.update(changeList);
      values = typeof values === "function" ? values() : values;
      quiz.notice(done.ok ? notice : done.problem === "unavailable" || done.problem === "full" ? done.problem : "blocked", values);
      show(done.entries);
      return done.ok;
    }

    function setEditing(entry) {
      editing = entry ? entry.id : null;
      one("[data-quiz-correct]").hidden = !entry;
    }

    // A new record, dated today (or the day a share link's answers were given): an assessment is
    // never rewritten by a later one. The same person, rater, day and answers again only warns.
    function save() {
      var answers = quiz.answers();
      if (!quiz.score(answers).complete) return quiz.notice("incomplete");
      var who = quiz.who();
      var entry = Object.assign(assessment(answers), { id: newId(), name: who.name, rater: who.rater, date: who.date || quiz.today() });
      var same = signature(entry);
      if (store.read().entries.some(function (e) { return signature(e) === same; })) return quiz.notice("duplicate");
      if (write(function (list) { return list.concat([entry]); }, "saved")) setEditing(entry);
    }

    // The record opened in the form, corrected in place: it keeps its date and says when it was corrected.
    function correct() {
      var answers = quiz.answers();
      var old = byId(editing);
      if (!quiz.score(answers).complete) return quiz.notice("incomplete");
      var who = quiz.who();
      var entry = Object.assign({}, old, assessment(answers), { name: who.name, rater: who.rater, corrected: quiz.today() });
      write(function (list) {
        var found = false;
        list = list.map(function (e) { return e.id === entry.id ? (found = true, entry) : e; });
        return found ? list : list.concat([entry]); // deleted in another tab meanwhile: kept all the same
      }, "corrected", person(entry));
    }

    function open(entry) {
      quiz.load(quiz.carryOver(entry.answers, current(entry) ? null : entry.keys || {}).answers, { name: entry.name, rater: entry.rater });
      setEditing(entry);
      quiz.notice(current(entry) ? "opened" : "opened-older", person(entry));
      subject.focus();
    }

    function remove(ids, done) {
      write(function (list) { return list.filter(function (entry) { return ids.indexOf(entry.id) < 0; }); }, done);
      root.querySelector("h2").focus();
    }

    function showPerson(key) {
      shownPerson = key;
      personView.show(byPerson.get(key));
      root.querySelector("[data-person-view] h3").focus();
    }

    function closePerson(focus) {
      var key = shownPerson;
      shownPerson = null;
      root.querySelector("[data-person-view]").hidden = true;
      var list = focus && byPerson.get(key);
      // The person's row shows their latest manager record, not always their latest record.
      var row = list && all(root, "[data-team-rows] [data-team-entry]").filter(function (tr) {
        return list.some(function (entry) { return entry.id === tr.getAttribute("data-team-entry"); });
      })[0];
      var button = row && row.querySelector("[data-team-open]");
      if (focus) (button || root.querySelector("h2")).focus();
    }

    function exportCsv() {
      var rows = exportRows(entries, {
        version: quiz.version, dimensions: dimensions, maxima: maxima, label: label, band: shownBand,
        questions: quiz.questions.map(function (question, index) {
          return { id: question.id, points: question.points, options: view.optionWords[index] };
        })
      });
      download(quiz.id + "-" + quiz.today() + ".csv", csvText(rows, separator.value));
    }

    function importCsv(text) {
      var found = readExport(text, {
        version: quiz.version, questions: quiz.questions, dayFirst: localeDayFirst(navigator.language),
        score: assessment
      });
      var list = root.querySelector("[data-team-import-problems]");
      var extra = root.querySelector("[data-team-extra-columns]");
      extra.hidden = !(found && found.unknown.length);
      if (found) extra.textContent = fill(extra.getAttribute("data-quiz-fill"), { value: found.unknown.join(", ") });
      if (!found) return quiz.notice(text ? "not-export" : "empty-file");
      if (!found.entries.length) return quiz.notice("empty-file"); // a header and nothing else
      list.textContent = "";
      found.problems.slice(0, 50).forEach(function (problem) {
        var values = Object.assign(map(), problem);
        if (problem.column) values.column = label(problem.column);
        list.appendChild(document.createElement("li")).textContent = fill(texts[problem.kind], values);
      });
      if (found.problems.length) return quiz.notice("import-failed");
      var added = 0;
      write(function (stored) {
        var fresh = newEntries(stored, found.entries);
        fresh.forEach(function (entry) { entry.id = newId(); });
        added = fresh.length;
        return stored.concat(fresh);
      }, "imported", function () { return { value: added }; }); // counted against what is stored now
    }

    // Wiring: the live parts shown, the saved list read, every control listened to.
    all(form, "[data-team-live]").forEach(function (element) { element.hidden = false; });
    one("[data-team-nojs]").hidden = true;
    var stored = store.read();
    if (stored.problem) quiz.notice(stored.problem);
    show(stored.entries);

    // Another tab saved, corrected or deleted: show what is stored now.
    window.addEventListener("storage", function (event) {
      if (event.key === store.key || event.key === null) show(store.read().entries);
    });
    one("[data-quiz-save]").addEventListener("click", save);
    one("[data-quiz-correct]").addEventListener("click", correct);
    quiz.onReset(function (fromLink) {
      setEditing(null);
      if (!fromLink) quiz.notice("");
    });
    // Another name is another person's assessment: "correct" would rewrite someone else's record.
    subject.addEventListener("input", function () {
      if (editing && byId(editing).name.trim() !== subject.value.trim()) setEditing(null);
    });
    root.querySelector("[data-team-rows]").addEventListener("click", function (event) {
      var row = event.target.closest("[data-team-open]") && event.target.closest("[data-team-entry]");
      var entry = row && byId(row.getAttribute("data-team-entry"));
      if (entry) showPerson(personOf(entry));
    });
    root.querySelector("[data-person-rows]").addEventListener("click", function (event) {
      var button = event.target.closest("button");
      var row = button && button.closest("[data-team-entry]");
      var entry = row && byId(row.getAttribute("data-team-entry"));
      if (!entry) return;
      if (button.hasAttribute("data-team-open")) open(entry);
      if (button.hasAttribute("data-team-delete")) confirm.ask(person(entry), function () { remove([entry.id], "deleted"); });
    });
    all(root, "[data-team-sort] button").forEach(function (button) {
      button.addEventListener("click", function () {
        var key = button.parentNode.getAttribute("data-team-sort");
        sort = { key: key, descending: sort.key === key ? !sort.descending : key !== "name" };
        show(entries);
      });
    });
    root.querySelector("[data-person-close]").addEventListener("click", function () { closePerson(true); });
    root.querySelector("[data-person-print]").addEventListener("click", function () { printOnly("person"); });
    one("[data-team-delete-all]").addEventListener("click", function () {
      var ids = entries.map(function (e) { return e.id; }); // those shown: a record saved meanwhile elsewhere stays
      confirm.ask(null, function () { remove(ids, "deleted-all"); });
    });
    one("[data-team-export]").addEventListener("click", exportCsv);
    one("[data-team-print]").addEventListener("click", function () { printOnly("team"); });
    one("[data-team-import]").addEventListener("change", function (event) {
      var file = event.target.files[0];
      event.target.value = "";
      if (file && file.size > IMPORT_LIMIT) return quiz.notice("too-big", { value: Math.round(IMPORT_LIMIT / 1048576) });
      // UTF-8 as exported; else Windows-1252, as French Excel saves "CSV (séparateur : point-virgule)".
      if (file) file.arrayBuffer().then(function (bytes) {
        var text = new TextDecoder().decode(bytes);
        importCsv(/\ufffd/.test(text) ? new TextDecoder("windows-1252").decode(bytes) : text);
      });
    });
  }

  /* ── starting: each instance on its own ───────────────────────────────── */

  // A part of the markup the instance needs is missing: named in the console, the form left as it is.
  function MarkupError(problems) {
    this.message = "has no " + problems.join(", ");
  }
  MarkupError.prototype = Object.create(Error.prototype);
  MarkupError.prototype.name = "MarkupError";

  var started = new WeakSet(); // never twice, even after a failure

  function startAll() {
    all(document, "form[data-quiz]").forEach(function (form) {
      if (started.has(form)) return;
      started.add(form);
      var where = NAME + ": form[data-quiz=\"" + form.getAttribute("data-quiz") + "\"] ";
      var quiz = guide.quiz && guide.quiz(form);
      if (!quiz) return console.error(where + "has no quiz started by quiz.js (kamGuide.quiz)");
      try {
        createTeam(form, quiz);
        form.querySelector("[data-quiz-team]").setAttribute("data-team-ready", "");
      } catch (error) {
        if (error instanceof MarkupError) console.error(where + error.message);
        else console.error(where + "failed to start:", error);
      }
    });
  }

  /* ── the interface (DESIGN.md, "Browser scripts") ─────────────────────── */

  Object.defineProperty(guide, "teamRules", {
    enumerable: true, // read-only
    value: Object.freeze({
      parseCsv: parseCsv, csvCell: csvCell, csvText: csvText, separatorFor: separatorFor, csvSeparator: csvSeparator,
      isoDate: isoDate, localeDayFirst: localeDayFirst, settledOrder: settledOrder, isEntry: isEntry,
      migrate: migrate, signature: signature, newEntries: newEntries, personOf: personOf, people: people,
      change: change, compare: compare, summary: summary, weakPeople: weakPeople, sortRows: sortRows,
      exportRows: exportRows, readExport: readExport
    })
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(startAll);
  } else {
    startAll();
  }
})();
