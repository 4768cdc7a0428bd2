/*
 * Team table: save a completed assessment under a name, keep several over time, compare
 * the team side by side, export to and import from a spreadsheet (CSV).
 *
 * Works on top of quiz.js: kamGuide.quiz(form) scores answers, kamGuide.quizRules computes the
 * team's figures with the rules of the Python model (kam_guide/quiz/team.py), in whole numbers.
 * Every word is in the page (components/quiz-team.html): the script fills {placeholders} and
 * numbers. Everything stays in this browser's localStorage, and nothing saved is dropped: data
 * it cannot read is set aside or kept, never overwritten.
 *
 * One file in units by concern, each working only on what it is handed (DESIGN.md, "Browser scripts"):
 *
 *   CSV, dates, assessments   pure functions, offered as kamGuide.teamRules (tested in a blank page)
 *   createStore               the saved list in localStorage
 *   createTable               the table, the team's averages and its weakest dimension
 *   createConfirm             the dialog that confirms a deletion
 *   download, printTable      the exported file; printing the table alone
 *   createTeam                the component: one instance per quiz form, wiring the units above;
 *                             it alone holds the instance's state (the entries, the one being edited)
 */
(function () {
  "use strict";

  var NAME = "kamGuide.team";
  var guide = window.kamGuide || (window.kamGuide = {});
  if (guide.teamRules) return; // loaded twice: the first copy serves

  var LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  var LOCAL_DATE = /^(\d\d?)([./-])(\d\d?)\2(\d{4})$/; // 30/11/2026 or 11/30/2026, as a spreadsheet saves it

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
    var rows = [[]];
    var value = "";
    var quoted = false;
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      if (quoted && c === '"' && text.charAt(i + 1) === '"') value += c, i++;
      else if (c === '"') quoted = !quoted;
      else if (quoted || (c !== separator && c !== "\n" && c !== "\r")) value += c;
      else {
        rows[rows.length - 1].push(value);
        value = "";
        if (c !== separator) rows.push([]);
        if (c === "\r" && text.charAt(i + 1) === "\n") i++;
      }
    }
    rows[rows.length - 1].push(value);
    return rows.filter(function (row) { return row.join("").trim(); });
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

  // The separator for the page's language: ";" where it writes decimals with a comma (French Excel).
  function separatorFor(lang) {
    return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(1.5).indexOf(",") >= 0 ? ";" : ",";
  }

  // The separator of an export, in either language: the one after its name column's title.
  function csvSeparator(text) {
    return /\[name\]\s*"?;/.test(text.split("\n")[0]) ? ";" : ",";
  }

  /* ── dates (pure) ─────────────────────────────────────────────────────── */

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  // A day as an entry stores it: 2026-11-30.
  function isoDay(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
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

  /* ── assessments (pure) ───────────────────────────────────────────────── */

  function isEntry(e) {
    return e && typeof e.name === "string" && DATE.test(e.date) && e.answers && e.scores && isFinite(e.total + e.band);
  }

  // Two assessments are the same when name, date, version and answers are.
  function signature(entry) {
    return JSON.stringify([entry.name, entry.date, entry.version, Object.keys(entry.answers).sort().map(function (id) {
      return [id, entry.answers[id]];
    })]);
  }

  // The table's order: named first, by name as the page's language sorts, the latest first.
  function sortEntries(entries, lang) {
    return entries.slice().sort(function (a, b) {
      return (!a.name) - (!b.name) || a.name.localeCompare(b.name, lang) || b.date.localeCompare(a.date);
    });
  }

  // What of `found` is neither in `entries` nor earlier in `found`.
  function newEntries(entries, found) {
    var known = entries.map(signature);
    return found.filter(function (entry) {
      return known.indexOf(signature(entry)) < 0 && known.push(signature(entry));
    });
  }

  // An export's rows, titles first: columns `Label [key]` for name, date, version, each question
  // (this quiz's, then any only older assessments answered: nothing is left out), total, band and
  // each dimension. view: {lang, questions, dimensions (ids in the quiz's order), label(key), band(entry)}.
  function exportRows(entries, view) {
    var ids = view.questions.slice();
    entries.forEach(function (entry) {
      Object.keys(entry.answers).forEach(function (id) { if (ids.indexOf(id) < 0) ids.push(id); });
    });
    var keys = ["name", "date", "version"].concat(ids.map(function (id) { return "q:" + id; }), ["total", "band"],
      view.dimensions.map(function (id) { return "d:" + id; }));
    var rows = [keys.map(function (key) { return view.label(key) + " [" + key + "]"; })];
    sortEntries(entries, view.lang).forEach(function (entry) {
      rows.push([entry.name, entry.date, entry.version].concat(ids.map(function (id) {
        return has(entry.answers, id) ? LETTERS.charAt(entry.answers[id]) : "";
      }), [entry.total, entry.band + 1 + " – " + view.band(entry)], view.dimensions.map(function (id) {
        return has(entry.scores, id) ? entry.scores[id] : "";
      })));
    });
    return rows;
  }

  // The assessments of an export (of either language), or null when the text is none (it lacks the
  // name, date or version column). quiz: {version, questions [{id, options}], score(answers) (an
  // entry's scored fields), dayFirst (the order of the reader's locale, for a file that does not
  // settle it)}. Scores of this version come from the answers; other versions' are kept. A row that
  // cannot be read gives a problem {kind, row, value, column?, other?, first?}, kind naming the page's
  // text that says it: unreadable, not-a-date, date-order, wrong-total.
  function readExport(text, quiz) {
    text = text.replace(/^\ufeff/, "");
    var rows = parseCsv(text, csvSeparator(text));
    var keys = (rows.shift() || []).map(function (title) { return (/\[([^\]]+)\]\s*$/.exec(title) || [])[1]; });
    if (["name", "date", "version"].some(function (column) { return keys.indexOf(column) < 0; })) return null;
    var settled = settledOrder(rows.map(function (row) { return (row[keys.indexOf("date")] || "").trim(); }));
    var dayFirst = settled ? settled.dayFirst : quiz.dayFirst;
    var problems = [];
    var entries = rows.map(function (row, index) {
      var entry = { name: "", answers: map(), scores: map(), keys: map() };
      var bad = null;
      keys.forEach(function (column, at) {
        var value = (row[at] || "").trim();
        var id = column && column.slice(2);
        var band = /^(\d+) – (.*)$/.exec(value);
        var ok = true;
        if (column === "name") entry.name = value.replace(/^'(?=[=+\-@\t\r])/, "");
        else if (column === "date") {
          var local = LOCAL_DATE.exec(value);
          var against = local && local[1] > 12 !== local[3] > 12 && local[1] > 12 !== dayFirst;
          ok = !against && (entry.date = isoDate(value, dayFirst));
          if (!ok && !bad) bad = { kind: against ? "date-order" : "not-a-date", row: index + 2, value: value };
        }
        else if (column === "version") ok = /^[0-9a-f]{12}$/.test(entry.version = value);
        else if (column === "total") ok = /^\d+$/.test(value) && (entry.total = +value) >= 0;
        else if (column === "band") ok = band && (entry.band = band[1] - 1, entry.bandTitle = band[2]);
        else if (/^q:/.test(column) && value) ok = (entry.answers[id] = LETTERS.indexOf(value.toUpperCase())) >= 0;
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
          entry = Object.assign(scored, { name: entry.name, date: entry.date });
        }
      }
      if (bad) problems.push(settled ? Object.assign(bad, { other: settled.index + 2, first: settled.first }) : bad);
      return entry;
    });
    return { problems: problems, entries: entries };
  }

  /* ── storage: one list per quiz ───────────────────────────────────────── */

  // localStorage[key] = {format: 1, entries}. read() → {entries, problem}: the entries this script
  // can read, and null or the notice to show (unavailable, damaged, unreadable). Entries it cannot
  // read are written back as they are; a list it cannot read is set aside under another key.
  function createStore(key) {
    var kept = [];
    return {
      read: function () {
        var raw = null;
        var data;
        var entries = [];
        try {
          raw = localStorage.getItem(key);
          data = JSON.parse(raw);
          if (raw !== null && !Array.isArray(data && data.entries)) throw new Error("damaged");
        } catch (error) {
          if (raw === null) return { entries: entries, problem: "unavailable" };
          try {
            localStorage.setItem(key + ".unreadable-" + Date.now(), raw);
            localStorage.removeItem(key);
          } catch (failure) { /* the list stays where it was */ }
          return { entries: entries, problem: "damaged" };
        }
        (data ? data.entries : []).forEach(function (entry) { (isEntry(entry) ? entries : kept).push(entry); });
        return { entries: entries, problem: kept.length ? "unreadable" : null };
      },
      // false when the browser refuses (storage full or disabled)
      write: function (entries) {
        try {
          localStorage.setItem(key, JSON.stringify({ format: 1, entries: entries.concat(kept) }));
          return true;
        } catch (error) {
          return false;
        }
      }
    };
  }

  /* ── the table ────────────────────────────────────────────────────────── */

  // render(entries) shows them in root ([data-quiz-team]), with the averages and the weakest dimension.
  // view: {key (prefix of row ids), lang, version, dimensions, maxima, weakBelow, rules (kamGuide.quizRules),
  // format (dates and numbers), unnamed (the name of a nameless row), band(entry) (its band's title)}.
  function createTable(root, view) {
    var template = root.querySelector("[data-team-row-template]");
    var rows = root.querySelector("[data-team-rows]");

    function one(selector) {
      return root.querySelector(selector);
    }

    function current(entry) {
      return entry.version === view.version;
    }

    // A grid cell: its figure as text, its level as colour and bar (none for older versions).
    // share is [points, maximum]: the level compares it in whole numbers, as the quiz's result does.
    function showCell(cell, text, share) {
      var box = cell.querySelector(".quiz__cell");
      box.querySelector("[data-team-value]").textContent = text;
      box.setAttribute("data-level", !share ? "" : view.rules.isWeak(share[0], share[1], view.weakBelow) ? "weak" : "strong");
      box.style.setProperty("--quiz-ratio", String(share && share[0] / share[1] || 0));
    }

    function showRow(entry, index) {
      var row = template.content.firstElementChild.cloneNode(true);
      var name = row.querySelector("[data-team-name]");
      var set = function (selector, text) { row.querySelector(selector).textContent = text; };
      name.textContent = entry.name || view.unnamed;
      name.id = view.key + "-" + index;
      row.setAttribute("data-team-entry", entry.id);
      row.setAttribute("data-total", entry.total);
      row.setAttribute("data-band", entry.band);
      row.querySelector("[data-team-older]").hidden = current(entry);
      set("[data-team-date]", view.format.date(entry.date));
      set("[data-team-total]", entry.total);
      set("[data-team-band]", view.band(entry));
      all(row, "[data-team-dimension]").forEach(function (cell) {
        var id = cell.getAttribute("data-team-dimension");
        var score = has(entry.scores, id) ? entry.scores[id] : "—";
        showCell(cell, score, current(entry) && [score, view.maxima[id]]);
      });
      all(row, "button").forEach(function (button) { button.setAttribute("aria-describedby", name.id); });
      rows.appendChild(row);
    }

    function render(entries) {
      var list = sortEntries(entries, view.lang);
      rows.textContent = "";
      list.forEach(showRow);
      var stats = view.rules.team(entries, view.version, view.dimensions, view.maxima);
      var shown = {
        "[data-team-empty]": !list.length, "[data-team-grid]": list.length, "[data-team-average-row]": stats,
        "[data-team-note='average']": stats, "[data-team-weakest]": stats,
        "[data-team-note='older']": !list.every(current)
      };
      Object.keys(shown).forEach(function (selector) {
        if (one(selector)) one(selector).hidden = !shown[selector];
      });
      if (!stats) return;
      // Rounded in whole numbers (a tenth, a percent), then written by Intl as they are.
      one("[data-team-average-total]").textContent = view.format.decimal.format(view.rules.shown(stats.total, stats.people, 10) / 10);
      view.dimensions.forEach(function (id) {
        var share = stats.shares[id];
        var text = view.format.percent.format(view.rules.shown(share[0], share[1], 100) / 100);
        var advice = one("[data-team-weakest-dimension='" + id + "']");
        showCell(one("[data-team-average='" + id + "']"), text, share);
        advice.hidden = id !== stats.weakest;
        advice.querySelector("[data-team-weakest-value]").textContent = text;
      });
    }

    return { render: render };
  }

  /* ── the confirmation dialog ──────────────────────────────────────────── */

  // ask(values, then): confirm deleting one assessment (values fill its text), or every one when
  // values is null; then() runs on Yes. No and Escape cancel; the browser returns focus to the
  // button that asked, as it does for any modal dialog.
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

  /* ── the exported file; printing the table alone ──────────────────────── */

  function download(name, text) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/csv" }));
    link.download = name;
    link.click(); // a detached link downloads too
  }

  // The print stylesheet prints only the table while html has this class (quiz.css).
  function printTable() {
    document.documentElement.classList.add("quiz-print-team");
    window.print();
  }

  window.addEventListener("afterprint", function () { document.documentElement.classList.remove("quiz-print-team"); });

  /* ── the markup an instance needs (DESIGN.md, "Team table") ───────────── */

  var NOTICES = [
    "saved", "incomplete", "unavailable", "damaged", "unreadable", "opened", "opened-older", "deleted", "deleted-all",
    "imported", "import-failed", "not-export", "empty-file"
  ];
  var FORM_PARTS = [
    "[data-quiz-subject]", "[data-quiz-save] [data-save-label='new']", "[data-quiz-save] [data-save-label='update']",
    "[data-quiz-save-new]"
  ].concat(NOTICES.map(function (name) { return "[data-quiz-notice='" + name + "']"; }));
  var TEAM_PARTS = [
    "h2", "[data-team-nojs]", "template[data-team-texts]", "template[data-team-row-template]", "[data-team-rows]",
    "[data-team-empty]", "[data-team-grid]", "[data-team-average-row] [data-team-average-total]",
    "[data-team-note='average']", "[data-team-note='older']", "[data-team-export]", "input[type=file][data-team-import]",
    "[data-team-import-problems]", "[data-team-print]", "[data-team-delete-all]",
    "dialog[data-team-confirm] [data-team-confirm-yes]", "[data-team-confirm] [data-team-confirm-no]",
    "[data-team-confirm] [data-team-confirm-text='one'][data-quiz-fill]", "[data-team-confirm] [data-team-confirm-text='all']"
  ];
  var ROW_PARTS = [
    "[data-team-entry] [data-team-name]", "[data-team-older]", "[data-team-date]", "[data-team-total]", "[data-team-band]",
    "[data-team-open]", "[data-team-delete]"
  ];

  // What the form lacks, as "[selector]" (or "[selector] in <where>"): empty when nothing.
  function problemsOf(form, quiz) {
    var root = form.querySelector("[data-quiz-team]");
    if (!root) return ["[data-quiz-team]"];
    var problems = missing(form, FORM_PARTS, "").concat(missing(root, TEAM_PARTS, ""));
    var template = root.querySelector("template[data-team-row-template]");
    if (!template) return problems;
    problems = problems.concat(missing(template.content, ROW_PARTS, "[data-team-row-template] "));
    dimensionsOf(template).forEach(function (id) {
      var where = "='" + id + "']";
      if (!has(quiz.maxima, id)) problems.push("[data-quiz-dimension" + where + " for [data-team-dimension" + where);
      problems = problems.concat(missing(template.content, ["[data-team-dimension" + where + " [data-team-value]"], "[data-team-row-template] "),
        missing(root, ["[data-team-average" + where + " [data-team-value]",
          "[data-team-weakest] [data-team-weakest-dimension" + where + " [data-team-weakest-value]"], ""));
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

  /* ── the component: one instance per quiz form ────────────────────────── */

  // Wires the team table of a form whose quiz quiz.js started (quiz: kamGuide.quiz(form)); throws
  // before changing anything when the markup lacks a part.
  function createTeam(form, quiz) {
    var problems = problemsOf(form, quiz);
    if (problems.length) throw new MarkupError(problems);
    var root = form.querySelector("[data-quiz-team]");
    var subject = form.querySelector("[data-quiz-subject]");
    var lang = document.documentElement.lang;
    var texts = map();
    all(root.querySelector("[data-team-texts]").content, "[data-team-text]").forEach(function (element) {
      texts[element.getAttribute("data-team-text")] = element.textContent;
    });
    var dimensions = dimensionsOf(root.querySelector("[data-team-row-template]"));
    var maxima = map();
    dimensions.forEach(function (id) { maxima[id] = quiz.maxima[id]; });
    var dates = new Intl.DateTimeFormat(lang, { dateStyle: "medium" });
    var format = {
      date: function (iso) {
        var parts = DATE.exec(iso);
        return dates.format(new Date(parts[1], parts[2] - 1, parts[3]));
      },
      percent: new Intl.NumberFormat(lang, { style: "percent" }),
      decimal: new Intl.NumberFormat(lang, { maximumFractionDigits: 1 })
    };
    var store = createStore("kam-guide.team." + quiz.id);
    var table = createTable(root, {
      key: "kam-guide.team." + quiz.id, lang: lang, version: quiz.version, dimensions: dimensions, maxima: maxima,
      weakBelow: quiz.weakBelow, rules: guide.quizRules, format: format, unnamed: texts.unnamed, band: shownBand
    });
    var confirm = createConfirm(root.querySelector("[data-team-confirm]"));
    // The instance's state: the entries this script can read, and the id of the one being edited.
    var entries = [];
    var editing = null;

    function one(selector) {
      return form.querySelector(selector);
    }

    function current(entry) {
      return entry.version === quiz.version;
    }

    function bandTitle(band) {
      var title = one("[data-quiz-band='" + band + "'] [data-quiz-band-title]");
      return title ? title.textContent.trim() : "";
    }

    // Scores of this version are shown with today's band titles; older ones with their own.
    function shownBand(entry) {
      return current(entry) ? bandTitle(entry.band) : entry.bandTitle;
    }

    function label(key) {
      return texts[key] || key.slice(2);
    }

    function person(entry) {
      return { name: entry.name || texts.unnamed, date: format.date(entry.date) };
    }

    function byId(id) {
      return entries.filter(function (entry) { return entry.id === id; })[0];
    }

    function newId() {
      return Math.random().toString(36).slice(2); // about 52 random bits: only compared for equality
    }

    // An entry's scored fields for these answers, scored by quiz.js.
    function assessment(answers) {
      var result = quiz.score(answers);
      var scores = map();
      dimensions.forEach(function (id) { scores[id] = result.dimensions[id].score; });
      return {
        version: quiz.version, answers: answers, keys: quiz.keys, total: result.total, band: result.band,
        bandTitle: bandTitle(result.band), scores: scores
      };
    }

    // After a change to the list: store it, say how that went, show it.
    function changed(notice, values) {
      quiz.notice(store.write(entries) ? notice : "unavailable", values);
      table.render(entries);
    }

    function setEditing(entry) {
      editing = entry ? entry.id : null;
      one("[data-save-label='new']").hidden = !!entry;
      one("[data-save-label='update']").hidden = !entry;
      one("[data-quiz-save-new]").hidden = !entry;
    }

    function save(asNew) {
      var answers = quiz.answers();
      var old = !asNew && byId(editing);
      if (!quiz.score(answers).complete) return quiz.notice("incomplete");
      var entry = assessment(answers);
      entry.name = subject.value.trim();
      entry.id = old ? old.id : newId();
      entry.date = old ? old.date : isoDay(new Date());
      entries = entries.filter(function (e) { return e !== old; }).concat([entry]);
      setEditing(entry);
      changed("saved");
    }

    function open(entry) {
      quiz.load(quiz.carryOver(entry.answers, current(entry) ? null : entry.keys || {}).answers);
      subject.value = entry.name;
      setEditing(entry);
      quiz.notice(current(entry) ? "opened" : "opened-older", person(entry));
      subject.focus();
    }

    function remove(ids, done) {
      entries = entries.filter(function (entry) { return ids.indexOf(entry.id) < 0; });
      if (ids.indexOf(editing) >= 0) setEditing(null);
      changed(done);
      root.querySelector("h2").focus();
    }

    function exportCsv() {
      var rows = exportRows(entries, {
        lang: lang, questions: quiz.questions.map(function (question) { return question.id; }), dimensions: dimensions,
        label: label, band: shownBand
      });
      download(quiz.id + "-" + isoDay(new Date()) + ".csv", csvText(rows, separatorFor(lang)));
    }

    function importCsv(text) {
      var found = readExport(text, {
        version: quiz.version, questions: quiz.questions, dayFirst: localeDayFirst(navigator.language),
        score: assessment
      });
      var list = root.querySelector("[data-team-import-problems]");
      if (!found) return quiz.notice(text ? "not-export" : "empty-file");
      if (!found.entries.length) return quiz.notice("empty-file"); // a header and nothing else
      list.textContent = "";
      found.problems.forEach(function (problem) {
        var values = Object.assign(map(), problem);
        if (problem.column) values.column = label(problem.column);
        list.appendChild(document.createElement("li")).textContent = fill(texts[problem.kind], values);
      });
      if (found.problems.length) return quiz.notice("import-failed");
      var added = newEntries(entries, found.entries);
      added.forEach(function (entry) { entry.id = newId(); });
      entries = entries.concat(added);
      changed("imported", { value: added.length });
    }

    // Wiring: the live parts shown, the saved list read, every control listened to.
    all(form, "[data-team-live]").forEach(function (element) { element.hidden = false; });
    one("[data-team-nojs]").hidden = true;
    var stored = store.read();
    entries = stored.entries;
    if (stored.problem) quiz.notice(stored.problem);
    table.render(entries);

    one("[data-quiz-save]").addEventListener("click", function () { save(false); });
    one("[data-quiz-save-new]").addEventListener("click", function () { save(true); });
    quiz.onReset(function () {
      setEditing(null);
      subject.value = "";
      quiz.notice("");
    });
    // Another name is another person's assessment: never overwrite the one just saved or opened.
    subject.addEventListener("input", function () {
      if (editing && byId(editing).name !== subject.value.trim()) setEditing(null);
    });
    root.querySelector("[data-team-rows]").addEventListener("click", function (event) {
      var button = event.target.closest("button");
      var row = button && button.closest("[data-team-entry]");
      var entry = row && byId(row.getAttribute("data-team-entry"));
      if (!entry) return;
      if (button.hasAttribute("data-team-open")) open(entry);
      if (button.hasAttribute("data-team-delete")) confirm.ask(person(entry), function () { remove([entry.id], "deleted"); });
    });
    one("[data-team-delete-all]").addEventListener("click", function () {
      confirm.ask(null, function () { remove(entries.map(function (e) { return e.id; }), "deleted-all"); });
    });
    one("[data-team-export]").addEventListener("click", exportCsv);
    one("[data-team-print]").addEventListener("click", printTable);
    one("[data-team-import]").addEventListener("change", function (event) {
      var file = event.target.files[0];
      event.target.value = "";
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
      isoDay: isoDay, isoDate: isoDate, localeDayFirst: localeDayFirst, settledOrder: settledOrder, isEntry: isEntry,
      signature: signature, sortEntries: sortEntries, newEntries: newEntries, exportRows: exportRows,
      readExport: readExport
    })
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(startAll);
  } else {
    startAll();
  }
})();
