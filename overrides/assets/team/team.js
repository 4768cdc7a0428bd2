/*
 * Team table: save a completed assessment under a name, keep several over time, compare
 * the team side by side, export to and import from a spreadsheet (CSV).
 *
 * Works on top of quiz.js (kamGuide.quiz(form) scores answers, kamGuide.quizRules computes the
 * team's figures with the rules of the Python model, kam_guide/quiz/team.py, in whole numbers).
 * Every word is in the page (components/quiz-team.html): the script fills {placeholders} and
 * numbers. Everything stays in this browser's localStorage, and nothing saved is dropped: data
 * it cannot read is set aside or kept, never overwritten.
 */
(function () {
  "use strict";

  var LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  var LOCAL_DATE = /^(\d\d?)([./-])(\d\d?)\2(\d{4})$/; // 30/11/2026 or 11/30/2026, as a spreadsheet saves it

  function all(root, selector) {
    return Array.from(root.querySelectorAll(selector));
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function today() {
    var now = new Date();
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function newId() {
    return Math.random().toString(36).slice(2); // about 52 random bits: only compared for equality
  }

  // 2026-11-30, or a LOCAL_DATE with the day first or not; "" when neither, or no such day.
  function isoDate(value, dayFirst) {
    var local = LOCAL_DATE.exec(value);
    var date = local ? local[4] + "-" + pad(+local[dayFirst ? 3 : 1]) + "-" + pad(+local[dayFirst ? 1 : 3]) : value;
    var parts = DATE.exec(date);
    var day = parts && new Date(parts[1], parts[2] - 1, parts[3]);
    return day && day.getMonth() === parts[2] - 1 && day.getDate() === +parts[3] ? date : "";
  }

  function isEntry(e) {
    return e && typeof e.name === "string" && DATE.test(e.date) && e.answers && e.scores && isFinite(e.total + e.band);
  }

  function signature(entry) {
    return JSON.stringify([entry.name, entry.date, entry.version, Object.keys(entry.answers).sort().map(function (id) {
      return [id, entry.answers[id]];
    })]);
  }

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

  function init(form) {
    var root = form.querySelector("[data-quiz-team]");
    var guide = window.kamGuide;
    var api = guide && guide.quiz(form);
    if (!root || !api || root.hasAttribute("data-team-ready")) return;
    root.setAttribute("data-team-ready", "");

    var rules = guide.quizRules;
    var version = api.quiz.version;
    var key = "kam-guide.team." + api.quiz.id;
    var lang = document.documentElement.lang;
    var dates = new Intl.DateTimeFormat(lang, { dateStyle: "medium" });
    var percent = new Intl.NumberFormat(lang, { style: "percent" });
    var decimal = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    // French Excel reads ";" and decimal commas: follow the page's language.
    var separator = decimal.format(1.5).indexOf(",") >= 0 ? ";" : ",";
    var weakBelow = +form.getAttribute("data-quiz-weak-below");
    var subject = form.querySelector("[data-quiz-subject]");
    var heading = root.querySelector("h2");
    var template = root.querySelector("[data-team-row-template]");
    var texts = {};
    var maxima = {};
    var empty = api.score({}).dimensions;
    var questions = api.quiz.questions.map(function (question) { return question.id; });
    // In the page's order (the quiz's), for the CSV's columns as for the table's.
    var dimensions = all(template.content, "[data-team-dimension]").map(function (cell) {
      return cell.getAttribute("data-team-dimension");
    });
    var entries = [];
    var kept = []; // entries this version cannot read: stored back as they are
    var editing = null;
    var confirmed = null;

    function one(selector) {
      return form.querySelector(selector);
    }

    function showDate(iso) {
      var parts = DATE.exec(iso);
      return dates.format(new Date(parts[1], parts[2] - 1, parts[3]));
    }

    function person(entry) {
      return { name: entry.name || texts.unnamed, date: showDate(entry.date) };
    }

    var notice = api.notice;
    var fill = api.fill;
    var has = api.has;

    /* ── storage: one list per quiz ───────────────────────────────────────── */

    // A list it cannot read is set aside under another key, never overwritten.
    function read() {
      var raw = null;
      var data;
      try {
        raw = localStorage.getItem(key);
        data = JSON.parse(raw);
        if (raw !== null && !Array.isArray(data && data.entries)) throw new Error("damaged");
      } catch (error) {
        if (raw === null) return notice("unavailable");
        try {
          localStorage.setItem(key + ".unreadable-" + Date.now(), raw);
          localStorage.removeItem(key);
        } catch (failure) { /* the list stays where it was */ }
        return notice("damaged");
      }
      (data ? data.entries : []).forEach(function (entry) { (isEntry(entry) ? entries : kept).push(entry); });
      if (kept.length) notice("unreadable");
    }

    function write() {
      try {
        localStorage.setItem(key, JSON.stringify({ format: 1, entries: entries.concat(kept) }));
        return true;
      } catch (error) {
        return false;
      }
    }

    /* ── assessments, scored by quiz.js ───────────────────────────────────── */

    function bandTitle(band) {
      var title = one("[data-quiz-band='" + band + "'] [data-quiz-band-title]");
      return title ? title.textContent.trim() : "";
    }

    function scored(answers) {
      var result = api.score(answers);
      var scores = {};
      dimensions.forEach(function (id) { scores[id] = result.dimensions[id].score; });
      return {
        complete: result.complete, version: version, answers: answers, keys: api.keys,
        total: result.total, band: result.band, bandTitle: bandTitle(result.band), scores: scores
      };
    }

    function current(entry) {
      return entry.version === version;
    }

    function shownBand(entry) {
      return current(entry) ? bandTitle(entry.band) : entry.bandTitle;
    }

    function byId(id) {
      return entries.filter(function (entry) { return entry.id === id; })[0];
    }

    /* ── the table ────────────────────────────────────────────────────────── */

    function sorted() {
      return entries.slice().sort(function (a, b) {
        return (!a.name) - (!b.name) || a.name.localeCompare(b.name, lang) || b.date.localeCompare(a.date);
      });
    }

    // A grid cell: its figure as text, its level as colour and bar (none for older versions).
    // share is [points, maximum]: the level compares it in whole numbers, as the quiz's result does.
    function showCell(cell, text, share) {
      var box = cell.querySelector(".quiz__cell");
      box.querySelector("[data-team-value]").textContent = text;
      box.setAttribute("data-level", !share ? "" : rules.isWeak(share[0], share[1], weakBelow) ? "weak" : "strong");
      box.style.setProperty("--quiz-ratio", String(share && share[0] / share[1] || 0));
    }

    function render() {
      var rows = one("[data-team-rows]");
      var list = sorted();
      rows.textContent = "";
      list.forEach(function (entry, index) {
        var row = template.content.firstElementChild.cloneNode(true);
        var name = row.querySelector("[data-team-name]");
        var set = function (selector, text) { row.querySelector(selector).textContent = text; };
        name.textContent = entry.name || texts.unnamed;
        name.id = key + "-" + index;
        row.setAttribute("data-team-entry", entry.id);
        row.setAttribute("data-total", entry.total);
        row.setAttribute("data-band", entry.band);
        row.querySelector("[data-team-older]").hidden = current(entry);
        set("[data-team-date]", showDate(entry.date));
        set("[data-team-total]", entry.total);
        set("[data-team-band]", shownBand(entry));
        all(row, "[data-team-dimension]").forEach(function (cell) {
          var id = cell.getAttribute("data-team-dimension");
          var score = has(entry.scores, id) ? entry.scores[id] : "—";
          showCell(cell, score, current(entry) && [score, maxima[id]]);
        });
        all(row, "button").forEach(function (button) { button.setAttribute("aria-describedby", name.id); });
        rows.appendChild(row);
      });
      var stats = rules.team(entries, version, dimensions, maxima);
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
      one("[data-team-average-total]").textContent = decimal.format(rules.shown(stats.total, stats.people, 10) / 10);
      dimensions.forEach(function (id) {
        var share = stats.shares[id];
        var text = percent.format(rules.shown(share[0], share[1], 100) / 100);
        var advice = one("[data-team-weakest-dimension='" + id + "']");
        showCell(one("[data-team-average='" + id + "']"), text, share);
        advice.hidden = id !== stats.weakest;
        advice.querySelector("[data-team-weakest-value]").textContent = text;
      });
    }

    /* ── saving, opening, deleting ────────────────────────────────────────── */

    function setEditing(entry) {
      editing = entry ? entry.id : null;
      one("[data-save-label='new']").hidden = !!entry;
      one("[data-save-label='update']").hidden = !entry;
      one("[data-quiz-save-new]").hidden = !entry;
    }

    function save(asNew) {
      var entry = scored(api.answers());
      var old = !asNew && byId(editing);
      if (!entry.complete) return notice("incomplete");
      delete entry.complete;
      entry.name = subject.value.trim();
      entry.id = old ? old.id : newId();
      entry.date = old ? old.date : today();
      entries = entries.filter(function (e) { return e !== old; }).concat([entry]);
      setEditing(entry);
      notice(write() ? "saved" : "unavailable");
      render();
    }

    function open(entry) {
      api.load(api.carryOver(entry.answers, current(entry) ? null : entry.keys || {}).answers);
      subject.value = entry.name;
      setEditing(entry);
      notice(current(entry) ? "opened" : "opened-older", person(entry));
      subject.focus();
    }

    function confirm(entry, then) {
      var box = one("[data-team-confirm]");
      var text = box.querySelector("[data-team-confirm-text='one']");
      text.textContent = entry ? fill(text.getAttribute("data-quiz-fill"), person(entry)) : "";
      text.hidden = !entry;
      box.querySelector("[data-team-confirm-text='all']").hidden = !!entry;
      confirmed = then;
      box.showModal(); // focus on Cancel (autofocus)
    }

    function remove(ids, done) {
      entries = entries.filter(function (entry) { return ids.indexOf(entry.id) < 0; });
      if (ids.indexOf(editing) >= 0) setEditing(null);
      notice(write() ? done : "unavailable");
      render();
      heading.focus();
    }

    /* ── CSV: one row per assessment, columns named `Label [key]` ─────────── */

    function exportCsv() {
      // This quiz's questions, then any that only older assessments answered: nothing is left out.
      var ids = questions.slice();
      entries.forEach(function (entry) {
        Object.keys(entry.answers).forEach(function (id) { if (ids.indexOf(id) < 0) ids.push(id); });
      });
      var keys = ["name", "date", "version"].concat(ids.map(function (id) { return "q:" + id; }), ["total", "band"],
        dimensions.map(function (id) { return "d:" + id; }));
      var lines = [keys.map(function (column) { return (texts[column] || column.slice(2)) + " [" + column + "]"; })];
      sorted().forEach(function (entry) {
        lines.push([entry.name, entry.date, entry.version].concat(ids.map(function (id) {
          return has(entry.answers, id) ? LETTERS.charAt(entry.answers[id]) : "";
        }), [entry.total, entry.band + 1 + " – " + shownBand(entry)], dimensions.map(function (id) {
          return has(entry.scores, id) ? entry.scores[id] : "";
        })));
      });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob(["\ufeff" + lines.map(function (values) {
        return values.map(function (value) { return csvCell(value, separator); }).join(separator);
      }).join("\r\n") + "\r\n"], { type: "text/csv" })); // the BOM tells spreadsheets it is UTF-8
      link.download = api.quiz.id + "-" + today() + ".csv";
      link.click(); // a detached link downloads too
    }

    // The entries of an export (of either language), or a message for each row it cannot read.
    function readCsv(text) {
      text = text.replace(/^\ufeff/, "");
      var rows = parseCsv(text, /\[name\]\s*"?;/.test(text.split("\n")[0]) ? ";" : ",");
      var keys = (rows.shift() || []).map(function (title) { return (/\[([^\]]+)\]\s*$/.exec(title) || [])[1]; });
      if (["name", "date", "version"].some(function (column) { return keys.indexOf(column) < 0; })) return null;
      // Day and month: the file's first local date with a part above 12 says which comes first (then every
      // date of the file must agree); if none does, the order of the reader's locale, whose spreadsheet wrote it.
      var settled = null;
      rows.forEach(function (row, index) {
        var local = LOCAL_DATE.exec((row[keys.indexOf("date")] || "").trim());
        if (!settled && local && local[1] > 12 !== local[3] > 12) settled = { other: index + 2, first: local[0], dayFirst: local[1] > 12 };
      });
      var dayFirst = settled ? settled.dayFirst : /day.*month/.test(new Intl.DateTimeFormat(navigator.language)
        .formatToParts(0).map(function (part) { return part.type; }).join());
      var problems = [];
      var found = rows.map(function (row, index) {
        var entry = { name: "", answers: {}, scores: {}, keys: {} };
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
            if (!ok && !bad) bad = { row: index + 2, value: value, text: texts[against ? "date-order" : "not-a-date"] };
          }
          else if (column === "version") ok = /^[0-9a-f]{12}$/.test(entry.version = value);
          else if (column === "total") ok = /^\d+$/.test(value) && (entry.total = +value) >= 0;
          else if (column === "band") ok = band && (entry.band = band[1] - 1, entry.bandTitle = band[2]);
          else if (/^q:/.test(column) && value) ok = (entry.answers[id] = LETTERS.indexOf(value.toUpperCase())) >= 0;
          else if (/^d:/.test(column) && value) ok = /^\d+$/.test(value) && (entry.scores[id] = +value) >= 0;
          if (!ok && !bad) bad = { row: index + 2, column: texts[column] || id, value: value };
        });
        if (!bad && current(entry)) {
          // Scores of this version come from the answers, with the same rules as the page.
          var answers = api.carryOver(entry.answers, null).answers; // the answers that name an option
          var missing = api.quiz.questions.filter(function (q) { return !has(answers, q.id); })[0];
          var fresh = scored(answers);
          if (missing) bad = { row: index + 2, column: texts["q:" + missing.id], value: LETTERS.charAt(entry.answers[missing.id]) };
          else if (fresh.total !== entry.total) problems.push(fill(texts["wrong-total"], { row: index + 2, value: entry.total }));
          delete fresh.complete;
          entry = Object.assign(fresh, { name: entry.name, date: entry.date });
        }
        if (bad) problems.push(fill(bad.text || texts.unreadable, Object.assign(bad, settled)));
        return entry;
      });
      return { problems: problems, entries: found };
    }

    function importCsv(text) {
      var found = readCsv(text);
      var list = one("[data-team-import-problems]");
      if (!found) return notice(text ? "not-export" : "empty-file");
      if (!found.entries.length) return notice("empty-file"); // a header and nothing else
      list.textContent = "";
      found.problems.forEach(function (message) { list.appendChild(document.createElement("li")).textContent = message; });
      if (found.problems.length) return notice("import-failed");
      var known = entries.map(signature);
      var added = found.entries.filter(function (entry) {
        entry.id = newId();
        return known.indexOf(signature(entry)) < 0 && known.push(signature(entry));
      });
      entries = entries.concat(added);
      notice(write() ? "imported" : "unavailable", { value: added.length });
      render();
    }

    /* ── wiring ───────────────────────────────────────────────────────────── */

    all(root.querySelector("[data-team-texts]").content, "[data-team-text]").forEach(function (element) {
      texts[element.getAttribute("data-team-text")] = element.textContent;
    });
    dimensions.forEach(function (id) { maxima[id] = empty[id].max; });
    all(form, "[data-team-live]").forEach(function (element) { element.hidden = false; });
    one("[data-team-nojs]").hidden = true;
    read();
    render();

    form.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      var is = function (name) { return button && button.hasAttribute(name); };
      var row = button && button.closest("[data-team-entry]");
      var entry = row && byId(row.getAttribute("data-team-entry"));
      if (is("data-quiz-save") || is("data-quiz-save-new")) save(is("data-quiz-save-new"));
      if (is("data-quiz-reset")) {
        setEditing(null);
        subject.value = "";
        notice("");
      }
      if (is("data-team-open")) open(entry);
      if (is("data-team-delete")) confirm(entry, function () { remove([entry.id], "deleted"); });
      if (is("data-team-delete-all")) {
        confirm(null, function () { remove(entries.map(function (e) { return e.id; }), "deleted-all"); });
      }
      if (is("data-team-confirm-yes") || is("data-team-confirm-no")) {
        one("[data-team-confirm]").close(); // focus back on the button that asked
        if (is("data-team-confirm-yes")) confirmed();
      }
      if (is("data-team-export")) exportCsv();
      if (is("data-team-print")) {
        document.documentElement.classList.add("quiz-print-team");
        window.print();
      }
    });
    // Another name is another person's assessment: never overwrite the one just saved or opened.
    subject.addEventListener("input", function () {
      if (editing && byId(editing).name !== subject.value.trim()) setEditing(null);
    });
    window.addEventListener("afterprint", function () { document.documentElement.classList.remove("quiz-print-team"); });
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

  function initAll() {
    all(document, "form[data-quiz][data-quiz-ready]").forEach(init);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(initAll);
  } else {
    initAll();
  }
})();
