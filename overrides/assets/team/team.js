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
 * Units by concern, each working only on what it is handed (DESIGN.md, "Browser scripts"):
 *
 *   records, people           pure functions, offered as kamGuide.teamRules (tested in a blank page)
 *   createStore               the saved records in localStorage (format 2, migrating format 1)
 *   readView                  what the page says: texts, marks, titles, how figures are written
 *   createTable               the team table
 *   loadTools                 team-tools.js and .css, fetched the first time a reader uses a tool: the
 *                             person view, the CSV export and import, the deletion dialog
 *   createTeam                the component: one instance per quiz form, wiring the units above and
 *                             the tools; it alone holds the instance's state
 */
(function () {
  "use strict";

  var NAME = "kamGuide.team";
  var guide = window.kamGuide || (window.kamGuide = {});
  if (guide.teamRules) return; // loaded twice: the first copy serves

  var FORMAT = 2;
  var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  var SOURCE = document.currentScript ? document.currentScript.src : ""; // where team-tools.js is, beside it

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

  /* ── the spreadsheet's separator ────────────────────────────────────── */

  // The separator a reader's spreadsheet expects: ";" where their locale writes decimals with a comma
  // (French Excel), "," otherwise. The locale is the browser's (navigator.language), not the page's.
  function separatorFor(locale) {
    return new Intl.NumberFormat(locale).format(1.5).indexOf(",") >= 0 ? ";" : ",";
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
        view.format.decimal(view.rules.shown(figures.total, figures.people, 10) / 10);
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
        var printed = one("[data-team-printed]"); // in the grid, shown with records only (no Intl without them)
        if (entries.length) printed.textContent = fill(printed.getAttribute("data-quiz-fill"), { date: view.format.date(view.today()) });
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

  /* ── the tools, loaded on first use; printing ─────────────────────────── */

  var toolsLoading = null;

  // kamGuide.teamTools, once team-tools.css and team-tools.js (beside this script, of its version)
  // have loaded; after a failure the next use tries again. source: this script's address.
  function loadTools(source) {
    return toolsLoading || (toolsLoading = new Promise(function (resolve, reject) {
      var waiting = 2;
      var files = ["css", "js"].map(function (type) {
        var file = document.createElement(type === "css" ? "link" : "script");
        var address = source.replace(/team\.js(?=[?#]|$)/, "team-tools." + type);
        file.onload = function () {
          if (!--waiting) guide.teamTools ? resolve(guide.teamTools) : file.onerror();
        };
        file.onerror = function () {
          toolsLoading = null;
          files.forEach(function (each) { each.remove(); });
          reject(new Error("cannot load " + address));
        };
        if (type === "css") file.rel = "stylesheet";
        file[type === "css" ? "href" : "src"] = address;
        return file;
      });
      if (!/team\.js([?#]|$)/.test(source)) return files[0].onerror(); // no file to find them beside
      document.head.append.apply(document.head, files);
    }));
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
    "empty-file", "too-big", "tools-failed"
  ];
  var FORM_PARTS = ["[data-quiz-subject]", "input[data-quiz-rater][value=self]", "input[data-quiz-rater][value=manager]",
    "[data-quiz-save]", "[data-quiz-correct]"].concat(NOTICES.map(function (name) { return "[data-quiz-notice='" + name + "']"; }));
  var TEAM_PARTS = [
    "h2", "[data-team-nojs]", "template[data-team-texts]", "template[data-team-row-template]", "[data-team-rows]",
    "[data-team-empty]", "[data-team-grid]", "[data-team-printed][data-quiz-fill]",
    "[data-team-average-row] [data-team-average-total]", "[data-team-self-row] [data-team-average-people]",
    "[data-team-note='older']", "[data-team-export]", "select[data-team-separator]", "input[type=file][data-team-import]",
    "[data-team-print]", "[data-team-delete-all]", "[data-person-view] h3", "[data-person-rows]", "[data-person-close]",
    "[data-person-print]"
  ];
  var ROW_PARTS = ["[data-team-open] [data-team-name]", "[data-team-self-tag]", "[data-team-older]", "[data-team-date]",
    "[data-team-total] [data-team-value]", "[data-team-total] [data-team-delta]"];
  var TEXTS = ["mark:weak", "mark:strong", "unnamed"];

  // What the form lacks, as "[selector]" (or "[selector] in <where>"): empty when nothing. The tools
  // check their own parts when they load (team-tools.js).
  function problemsOf(form, quiz) {
    var root = form.querySelector("[data-quiz-team]");
    if (!root) return ["[data-quiz-team]"];
    var problems = missing(form, FORM_PARTS, "").concat(missing(root, TEAM_PARTS, ""));
    var template = root.querySelector("template[data-team-row-template]");
    var texts = root.querySelector("template[data-team-texts]");
    if (!template || !texts) return problems;
    problems = problems.concat(missing(template.content, ROW_PARTS, "[data-team-row-template] "),
      missing(texts.content, TEXTS.map(function (key) { return "[data-team-text='" + key + "']"; }), "[data-team-texts] "));
    dimensionsOf(template).forEach(function (id) {
      var where = "='" + id + "']";
      if (!has(quiz.maxima, id)) problems.push("[data-quiz-dimension" + where + " for [data-team-dimension" + where);
      problems = problems.concat(
        missing(template.content, ["[data-team-dimension" + where + " [data-team-value]"], "[data-team-row-template] "),
        missing(root, ["[data-team-average-row] [data-team-average" + where + " [data-team-value]",
          "[data-team-self-row] [data-team-average" + where + " [data-team-value]",
          "[data-team-weakest] [data-team-weakest-dimension" + where + " [data-team-weakest-value]",
          "[data-team-weakest-dimension" + where + " [data-team-weakest-names][data-quiz-fill]"], ""));
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
    var dates = formatter(function () { return new Intl.DateTimeFormat(lang, { dateStyle: "medium" }); });
    var percent = formatter(function () { return new Intl.NumberFormat(lang, { style: "percent" }); });
    var decimal = formatter(function () { return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }); });
    var signed = formatter(function () { return new Intl.NumberFormat(lang, { signDisplay: "exceptZero" }); });
    var rules = guide.quizRules;
    var bandTitles = all(form, "[data-quiz-band]").map(function (band) {
      var title = band.querySelector("[data-quiz-band-title]");
      return title ? title.textContent.trim() : "";
    });
    var view = {
      lang: lang, version: quiz.version, weakBelow: quiz.weakBelow, dimensions: dimensions, maxima: maxima, rules: rules,
      unnamed: texts.unnamed, marks: marks, texts: texts, today: quiz.today, questions: quiz.questions,
      bandTitles: bandTitles,
      format: {
        date: function (iso) {
          var parts = DATE.exec(iso);
          return dates(new Date(parts[1], parts[2] - 1, parts[3]));
        },
        // sum of `people` scores of `maximum` each: the mean in points, and its share as a whole percent
        share: function (sum, maximum, people) {
          return decimal(rules.shown(sum, people, 10) / 10) + " (" + percent(rules.shown(sum, people * maximum, 100) / 100) + ")";
        },
        delta: function (delta) {
          return signed(delta) + (delta > 0 ? " ↑" : delta < 0 ? " ↓" : " =");
        },
        people: function (count) { return "n = " + count; },
        decimal: decimal // number → one decimal at most
      }
    };
    // show(cell, score, maximum, people): a cell of the table or of the person view (showCell); fill(text,
    // values): a text's {placeholders} filled, as every unit fills them
    view.show = function (cell, score, maximum, people) { showCell(cell, view, score, maximum, people); };
    view.fill = fill;
    return view;
  }

  // format(value) with the Intl formatter make() returns, made on first use: Intl's first formatter on
  // a page loads its locale data, tens of milliseconds of script a page with no records need not wait for.
  function formatter(make) {
    var made;
    return function (value) {
      return (made = made || make()).format(value);
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
    var dimensions = view.dimensions;
    var tools = null; // once loaded: the person view and the deletion dialog (team-tools.js's start)
    var toolsFailed = false; // the notice says so
    var store = createStore("kam-guide.team." + quiz.id);
    var table = createTable(root, view);
    var separator = root.querySelector("[data-team-separator]");
    var separatorSet = false; // by the reader or from their locale, once
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

    // then(kamGuide.teamTools) once the tools have loaded (at once after the first time). When they
    // cannot load, or lack a part of the markup, or fail, the console says why and a notice says so.
    function withTools(then) {
      loadTools(SOURCE).then(function (loaded) {
        tools = tools || loaded.start(form, view);
        if (toolsFailed) quiz.notice(""); // tried again, and they work
        toolsFailed = false;
        then(loaded);
      }).catch(function (error) {
        console.error(NAME + ": form[data-quiz=\"" + quiz.id + "\"] " + error.message);
        quiz.notice("tools-failed");
        toolsFailed = true;
      });
    }

    function person(entry) {
      return { name: entry.name || view.unnamed, date: view.format.date(entry.date) };
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
        bandTitle: view.bandTitles[result.band] || "", scores: scores
      };
    }

    function show(list) {
      // The separator the reader's locale expects, once there is something to export (not at load: Intl's first use
      // costs time, see formatter), unless the reader chose one.
      if (list.length && !separatorSet) {
        separator.value = separatorFor(navigator.language);
        separatorSet = true;
      }
      entries = list;
      byPerson = people(entries);
      table.render(entries, byPerson, sort);
      if (editing && !byId(editing)) setEditing(null); // deleted in another tab
      var shown = shownPerson && byPerson.get(shownPerson);
      if (shown) tools.person.show(shown);
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
      withTools(function () {
        if (!byPerson.has(key)) return; // deleted in another tab while the tools loaded
        shownPerson = key;
        tools.person.show(byPerson.get(key));
        root.querySelector("[data-person-view] h3").focus();
      });
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

    // The records a file holds, added to what is stored now (those already there are not repeated).
    function importFile(file, tools) {
      tools.importCsv(file, { root: root, quiz: quiz, view: view, score: assessment }).then(function (found) {
        if (!found) return;
        var added = 0;
        write(function (stored) {
          var fresh = tools.rules.newEntries(stored, found);
          fresh.forEach(function (entry) { entry.id = newId(); });
          added = fresh.length;
          return stored.concat(fresh);
        }, "imported", function () { return { value: added }; }); // counted against what is stored now
      });
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
      if (button.hasAttribute("data-team-delete")) tools.confirm.ask(person(entry), function () { remove([entry.id], "deleted"); });
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
      withTools(function () { tools.confirm.ask(null, function () { remove(ids, "deleted-all"); }); });
    });
    one("[data-team-export]").addEventListener("click", function () {
      withTools(function (tools) { tools.exportCsv(entries, { form: form, quiz: quiz, view: view, separator: separator.value }); });
    });
    separator.onchange = function () { separatorSet = true; };
    one("[data-team-print]").addEventListener("click", function () { printOnly("team"); });
    one("[data-team-import]").addEventListener("change", function (event) {
      var file = event.target.files[0];
      event.target.value = "";
      if (file) withTools(function (tools) { importFile(file, tools); });
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
      separatorFor: separatorFor, isEntry: isEntry, migrate: migrate, signature: signature, personOf: personOf,
      people: people, byRater: byRater, change: change, summary: summary, weakPeople: weakPeople, sortRows: sortRows
    })
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(startAll);
  } else {
    startAll();
  }
})();
