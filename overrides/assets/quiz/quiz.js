/*
 * Self-assessment: turns the server-rendered quiz form into a live questionnaire.
 *
 * The page already holds every word (see overrides/components/quiz.html and the markup
 * contract in DESIGN.md); this script only changes state: hidden, checked, aria-*,
 * numbers. Answers stay in the browser: localStorage, or the URL fragment of a share
 * link, which browsers never send to a server.
 *
 * A component (DESIGN.md, "Browser scripts"): one instance per form[data-quiz]. An instance first
 * checks the markup it needs; if a part is missing it names it in the console and leaves that form
 * as the server wrote it (a questionnaire to score on paper). An instance that fails never stops
 * another, and a form is marked data-quiz-ready only once its instance is wired.
 *
 * On window.kamGuide it defines quizRules (the rules the page shares with the Python model),
 * quizLinks (share links) and quiz(form) (what team.js uses of a form's quiz).
 */
(function () {
  "use strict";

  var NAME = "kamGuide.quiz";
  var guide = window.kamGuide || (window.kamGuide = {});
  if (guide.quizRules) return; // loaded twice: the first copy serves

  var STORAGE_PREFIX = "kam-guide.quiz.";
  var FRAGMENT_PREFIX = "quiz-";
  var ANSWER_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"; // one character per answer
  var UNANSWERED = "-";
  var SAFE = 9007199254740991; // 2^53 - 1: every whole number up to it is exact in a Number

  /* ── rules shared with kam_guide/quiz/scoring.py and team.py: whole numbers only ─ */

  // a × b < c × d. Products past 2^53 are compared as BigInt (built by calls: calmjs.parse,
  // which minifies this file, reads ES5 and no 1n literal). Shares are compared this way,
  // never as rounded floats: 7/25 at 28 % is exactly 28 %, so not weak.
  function below(a, b, c, d) {
    var x = a * b;
    var y = c * d;
    return x > SAFE || y > SAFE ? BigInt(a) * BigInt(b) < BigInt(c) * BigInt(d) : x < y;
  }

  function isWeak(score, max, percent) {
    return below(score, 100, max, percent);
  }

  // part / whole as shown, in steps of 1/unit (100: a whole percent), halves up:
  // floor((2·unit·part + whole) / (2·whole)); 0 of 0 is 0. Intl then writes it as it is.
  function shown(part, whole, unit) {
    var top = 2 * unit * part + whole;
    if (!whole) return 0;
    // Below 2^53, a float division cannot reach the next whole number: floor is exact.
    return top > SAFE ? Number((BigInt(2 * unit) * BigInt(part) + BigInt(whole)) / BigInt(2 * whole)) :
      Math.floor(top / (2 * whole));
  }

  // The index of the first [min, max] range holding the total, or -1.
  function band(total, ranges) {
    for (var i = 0; i < ranges.length; i++) if (total >= ranges[i][0] && total <= ranges[i][1]) return i;
    return -1;
  }

  // The team's figures: each person's (name, case and spaces aside) latest assessment of this
  // version; the sum of their totals; per dimension [sum of scores, people × maximum], whose
  // fraction is the mean share of the maximum; the weakest dimension has the lowest share (the
  // first in the quiz's order on a tie). null when nobody counts.
  function team(entries, version, dimensions, maxima) {
    var latest = new Map();
    entries.forEach(function (entry) {
      var who = entry.name.trim().toLowerCase() || entry.id;
      if (entry.version === version && !(latest.has(who) && latest.get(who).date > entry.date)) latest.set(who, entry);
    });
    var people = Array.from(latest.values());
    var result = { people: people.length, total: 0, shares: map(), weakest: null };
    people.forEach(function (entry) { result.total += entry.total; });
    dimensions.forEach(function (id) {
      var share = result.shares[id] = [0, people.length * maxima[id]];
      var low = result.shares[result.weakest];
      people.forEach(function (entry) { share[0] += entry.scores[id]; });
      if (result.weakest === null || below(share[0], low[1] || 1, low[0], share[1] || 1)) result.weakest = id;
    });
    return people.length ? result : null;
  }

  /* ── share links: #quiz-<id>=<version>.<answers>[.<rater>.<day>[.<name>]] ─ */

  var RATERS = { s: "self", m: "manager" };
  var LINK_DAY = /^(\d{4})(\d\d)(\d\d)$/;

  // choices: each question's option index, in the quiz's order; -1 when it is unanswered. who
  // (optional): {rater: "self"|"manager", date: "2026-11-30", name}: who answered, and when.
  function writeLink(id, version, choices, who) {
    var link = FRAGMENT_PREFIX + id + "=" + version + "." + choices.map(function (index) {
      return index < 0 ? UNANSWERED : ANSWER_DIGITS.charAt(index);
    }).join("");
    if (!who) return link;
    link += "." + who.rater.charAt(0) + "." + who.date.replace(/-/g, "");
    return who.name ? link + "." + encodeURIComponent(who.name).replace(/\./g, "%2E") : link;
  }

  // A share link for this quiz (options: each question's number of options) as {choices, rater, date,
  // name} (the last three "" when the link does not say), null when the address holds none, or "bad"
  // when it is malformed, truncated or made for another version.
  function readLink(hash, id, version, options) {
    var prefix = "#" + FRAGMENT_PREFIX + id + "=";
    if (hash.indexOf(prefix) !== 0) return null;
    var parts = hash.slice(prefix.length).split(".");
    var day = LINK_DAY.exec(parts[3] || "");
    var when = new Date(0);
    if (day) when.setUTCFullYear(day[1], day[2] - 1, day[3]); // a day of the calendar: not 31 February
    day = day && when.getUTCMonth() === day[2] - 1 && when.getUTCDate() === +day[3] && day;
    var link = { choices: [], rater: has(RATERS, parts[2]) ? RATERS[parts[2]] : "", date: day ? day[1] + "-" + day[2] + "-" + day[3] : "", name: "" };
    try {
      // at most 60 UTF-16 units (the name field's maxlength), never half of a pair: encodeURIComponent would throw
      link.name = decodeURIComponent(parts[4] || "").trim().slice(0, 60).replace(/[\ud800-\udbff]$/, "");
    } catch (error) {
      return "bad";
    }
    var extra = parts.length === 2 || (parts.length < 6 && link.rater && day);
    if (!extra || parts[0] !== version || parts[1].length !== options.length) return "bad";
    for (var i = 0; i < options.length; i++) {
      var character = parts[1].charAt(i);
      var index = character === UNANSWERED ? -1 : ANSWER_DIGITS.indexOf(character);
      if (character !== UNANSWERED && (index < 0 || index >= options[i])) return "bad";
      link.choices.push(index);
    }
    return link;
  }

  /* ── the markup an instance needs (DESIGN.md, "Quiz markup") ───────────── */

  // What the script reads or changes: a part it would only skip (a [data-quiz-paper] or [data-quiz-live]
  // the partial leaves out, the profile of a quiz without dimensions) is not required.
  var PARTS = [
    "fieldset[data-question]", "[data-quiz-answered]", "[data-quiz-progress-bar]", "[data-quiz-incomplete]",
    "[data-quiz-total] [data-quiz-score]", "[data-quiz-band]", "[data-quiz-announcement]",
    "[data-quiz-share]", "[data-quiz-reset]", "[data-quiz-share-fallback] [data-quiz-share-url]",
    "[data-quiz-notice='restored']", "[data-quiz-notice='bad-link']", "[data-quiz-notice='stale']",
    "[data-quiz-notice='copied']"
  ];
  var DIMENSION_PARTS = [
    "[data-quiz-dimension-score]", "[data-quiz-dimension-bar]", "[data-quiz-weak]", "[data-quiz-strong]",
    "[data-quiz-advice]"
  ];

  // What the form lacks, as "[selector]" or "attribute on element": empty when nothing.
  function problemsOf(form) {
    var problems = missing(form, PARTS, "");
    ["data-quiz-version", "data-quiz-weak-below"].forEach(function (name) {
      if (!form.hasAttribute(name)) problems.push(name + " on the form");
    });
    eachMatch(form, "fieldset[data-question]", function (fieldset) {
      var where = "fieldset[data-question='" + fieldset.getAttribute("data-question") + "']";
      if (!fieldset.hasAttribute("data-question-key")) problems.push("data-question-key on " + where);
      if (!fieldset.querySelector("input[type=radio]")) problems.push(where + " input[type=radio]");
      if (fieldset.querySelector("input[type=radio]:not([data-points])")) problems.push("data-points on " + where + " input");
    });
    eachMatch(form, "[data-quiz-band]:not([data-min][data-max])", function (element) {
      problems.push("data-min and data-max on [data-quiz-band='" + element.getAttribute("data-quiz-band") + "']");
    });
    eachMatch(form, "[data-quiz-dimension]", function (element) {
      var where = "[data-quiz-dimension='" + element.getAttribute("data-quiz-dimension") + "']";
      if (!element.hasAttribute("data-max")) problems.push("data-max on " + where);
      problems.push.apply(problems, missing(element, DIMENSION_PARTS, where + " "));
    });
    return problems;
  }

  function missing(root, selectors, where) {
    return selectors.filter(function (selector) { return !root.querySelector(selector); }).map(function (selector) {
      return where + selector;
    });
  }

  /* ── reading the form ──────────────────────────────────────────────────── */

  function readQuiz(form) {
    var questions = Array.prototype.map.call(form.querySelectorAll("fieldset[data-question]"), function (fieldset) {
      return {
        id: fieldset.getAttribute("data-question"),
        key: fieldset.getAttribute("data-question-key"),
        dimension: fieldset.getAttribute("data-dimension"),
        inputs: Array.prototype.slice.call(fieldset.querySelectorAll("input[type=radio][data-points]"))
      };
    });
    return {
      form: form,
      id: form.getAttribute("data-quiz"),
      version: form.getAttribute("data-quiz-version"),
      weakBelow: Number(form.getAttribute("data-quiz-weak-below")),
      questions: questions,
      bands: Array.prototype.map.call(form.querySelectorAll("[data-quiz-band]"), function (element) {
        return [Number(element.getAttribute("data-min")), Number(element.getAttribute("data-max"))];
      }),
      maxima: readMaxima(form),
      subject: form.querySelector("[data-quiz-subject]"),
      raters: Array.prototype.slice.call(form.querySelectorAll("input[data-quiz-rater]")),
      linkDate: "", // the day a share link's answers were given, until they change
      resetListeners: [],
      lastAnnounced: "",
      notice: ""
    };
  }

  // Each dimension's highest score, as the Python model computed it (the partial's data-max).
  function readMaxima(form) {
    var maxima = map();
    eachMatch(form, "[data-quiz-dimension]", function (element) {
      maxima[element.getAttribute("data-quiz-dimension")] = Number(element.getAttribute("data-max"));
    });
    return maxima;
  }

  function chosenIndex(question) {
    for (var i = 0; i < question.inputs.length; i++) {
      if (question.inputs[i].checked) return i;
    }
    return -1;
  }

  // Maps keyed by ids that editors choose ("constructor" is a valid id): no prototype.
  function map() {
    return Object.create(null);
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function currentAnswers(quiz) {
    var answers = map();
    quiz.questions.forEach(function (question) {
      var index = chosenIndex(question);
      if (index >= 0) answers[question.id] = index;
    });
    return answers;
  }

  // Who is rating whom: {name, rater}; the rater is "manager" when the page has no choice.
  function currentWho(quiz) {
    var checked = quiz.raters.filter(function (input) { return input.checked; })[0];
    return { name: quiz.subject ? quiz.subject.value.trim() : "", rater: checked ? checked.value : "manager" };
  }

  function applyWho(quiz, who) {
    if (quiz.subject && typeof who.name === "string") quiz.subject.value = who.name.slice(0, 60);
    quiz.raters.forEach(function (input) { if (who.rater) input.checked = input.value === who.rater; });
  }

  function applyAnswers(quiz, answers) {
    quiz.questions.forEach(function (question) {
      question.inputs.forEach(function (input, index) {
        input.checked = has(answers, question.id) && answers[question.id] === index;
      });
    });
  }

  /* ── scoring (the same rules as kam_guide/quiz/scoring.py) ──────────────── */

  function pointsOf(input) {
    return Number(input.getAttribute("data-points"));
  }

  function score(quiz, answers) {
    var result = { answered: 0, total: 0, dimensions: map(), band: -1 };
    quiz.questions.forEach(function (question) {
      var index = has(answers, question.id) ? answers[question.id] : -1;
      var id = question.dimension;
      var dimension = has(result.dimensions, id) ?
        result.dimensions[id] : (result.dimensions[id] = { score: 0, max: has(quiz.maxima, id) ? quiz.maxima[id] : 0 });
      if (index >= 0) {
        result.answered += 1;
        result.total += pointsOf(question.inputs[index]);
        dimension.score += pointsOf(question.inputs[index]);
      }
    });
    result.complete = result.answered === quiz.questions.length;
    if (result.complete) result.band = band(result.total, quiz.bands);
    return result;
  }

  /* ── showing the result ────────────────────────────────────────────────── */

  function setHidden(element, hidden) {
    if (element) element.hidden = hidden;
  }

  function setText(element, text) {
    if (element) element.textContent = String(text);
  }

  function eachMatch(root, selector, callback) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), callback);
  }

  function render(quiz) {
    var form = quiz.form;
    var result = score(quiz, currentAnswers(quiz));
    setText(form.querySelector("[data-quiz-answered]"), result.answered);
    setBar(form.querySelector("[data-quiz-progress-bar]"), result.answered / quiz.questions.length);
    setHidden(form.querySelector("[data-quiz-incomplete]"), result.complete);
    setHidden(form.querySelector("[data-quiz-total]"), !result.complete);
    setText(form.querySelector("[data-quiz-score]"), result.total);
    var shownBand = renderBands(form, result.band);
    var rater = currentWho(quiz).rater;
    eachMatch(form, "[data-audience]", function (element) { element.hidden = element.getAttribute("data-audience") !== rater; });
    var weak = renderDimensions(quiz, result);
    setHidden(form.querySelector("[data-quiz-weak-line]"), !weak.length);
    setText(form.querySelector("[data-quiz-weak-list]"), weak.join(", "));
    announce(quiz, result.complete ? [form.querySelector("[data-quiz-total]"), shownBand && shownBand.querySelector("[data-quiz-band-title]")] : []);
  }

  function renderBands(form, index) {
    var matching = null;
    eachMatch(form, "[data-quiz-band]", function (element, i) {
      element.hidden = i !== index;
      if (i === index) matching = element;
    });
    return matching;
  }

  // Shows each dimension's score and level; returns the titles of those that need work.
  function renderDimensions(quiz, result) {
    var weakTitles = [];
    eachMatch(quiz.form, "[data-quiz-dimension]", function (element) {
      var id = element.getAttribute("data-quiz-dimension");
      var dimension = has(result.dimensions, id) ? result.dimensions[id] : { score: 0, max: 0 };
      var weak = isWeak(dimension.score, dimension.max, quiz.weakBelow);
      setText(element.querySelector("[data-quiz-dimension-score]"), dimension.score);
      setBar(element.querySelector("[data-quiz-dimension-bar]"), dimension.max ? dimension.score / dimension.max : 0);
      setHidden(element.querySelector("[data-quiz-weak]"), !(result.complete && weak));
      setHidden(element.querySelector("[data-quiz-strong]"), !(result.complete && !weak));
      setHidden(element.querySelector("[data-quiz-advice]"), !(result.complete && weak));
      element.classList.toggle("quiz__dimension--weak", result.complete && weak);
      var title = element.querySelector(".quiz__dimension-title");
      if (result.complete && weak && title) weakTitles.push(title.textContent.trim());
    });
    setHidden(quiz.form.querySelector("[data-quiz-profile]"), !result.complete);
    return weakTitles;
  }

  function setBar(bar, ratio) {
    if (bar) bar.style.setProperty("--quiz-ratio", String(ratio));
  }

  // The live region repeats texts already on the page (score line, band title),
  // and only when they change, so a screen reader hears each new result once.
  function announce(quiz, sources) {
    var text = sources.filter(Boolean).map(function (element) {
      return element.textContent.replace(/\s+/g, " ").trim();
    }).join(" — ");
    if (text === quiz.lastAnnounced) return;
    quiz.lastAnnounced = text;
    setText(quiz.form.querySelector("[data-quiz-announcement]"), text);
  }

  // "{name}" in a text → values.name (numbers and readers' own entries, never words).
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (match, key) { return has(values, key) ? values[key] : match; });
  }

  // One notice at a time in a form (the team table's too); a data-quiz-fill text is filled in.
  // A notice shown again (a second save) reappears a moment later, so screen readers say it again.
  function showNotice(quiz, name, values) {
    eachMatch(quiz.form, "[data-quiz-notice]", function (notice) {
      var on = notice.getAttribute("data-quiz-notice") === name;
      var again = on && !notice.hidden;
      if (on && notice.hasAttribute("data-quiz-fill")) {
        notice.textContent = fill(notice.getAttribute("data-quiz-fill"), values || {});
      }
      notice.hidden = !on || again;
      if (again) setTimeout(function () { notice.hidden = quiz.notice !== name; }, 150);
    });
    quiz.notice = name;
  }

  /* ── memory: localStorage by quiz id, guarded by the structure fingerprint ─ */

  function storageKey(quiz) {
    return STORAGE_PREFIX + quiz.id;
  }

  function questionKeys(quiz) {
    var keys = map();
    quiz.questions.forEach(function (question) { keys[question.id] = question.key; });
    return keys;
  }

  function save(quiz) {
    try {
      var who = currentWho(quiz);
      window.localStorage.setItem(storageKey(quiz), JSON.stringify({
        version: quiz.version, answers: currentAnswers(quiz), keys: questionKeys(quiz), name: who.name, rater: who.rater
      }));
    } catch (error) {
      // Storage may be full or disabled (private browsing): the quiz still works.
    }
  }

  function forget(quiz) {
    try {
      window.localStorage.removeItem(storageKey(quiz));
    } catch (error) {
      // Nothing stored, nothing to forget.
    }
  }

  // Returns {answers, dropped}: the stored answers that still name the same option,
  // and whether any had to be left out; null when nothing is stored.
  function loadStored(quiz) {
    var stored;
    try {
      stored = JSON.parse(window.localStorage.getItem(storageKey(quiz)) || "null");
    } catch (error) {
      return null;
    }
    if (!stored || typeof stored !== "object") return null;
    var kept = carryOver(quiz, stored.answers, stored.version === quiz.version ? null : stored.keys);
    kept.who = { name: typeof stored.name === "string" ? stored.name : "", rater: RATERS[String(stored.rater).charAt(0)] === stored.rater ? stored.rater : "" };
    return kept;
  }

  // Valid answers by question id; for another version (keys given), only those whose
  // question key is unchanged: a reordered or re-pointed option would be misapplied.
  function carryOver(quiz, answers, keys) {
    var kept = map();
    var dropped = false;
    if (!answers || typeof answers !== "object") return { answers: kept, dropped: true };
    Object.keys(answers).forEach(function (id) {
      var question = quiz.questions.filter(function (q) { return q.id === id; })[0];
      var index = answers[id];
      var same = keys === null || (keys && typeof keys === "object" && has(keys, id) && question && keys[id] === question.key);
      if (question && same && Number.isInteger(index) && index >= 0 && index < question.inputs.length) kept[id] = index;
      else dropped = true;
    });
    return { answers: kept, dropped: dropped };
  }

  /* ── share links of a form ─────────────────────────────────────────────── */

  // A day as share links and the team table's records write it: 2026-11-30, in the reader's time zone.
  function isoDay(date) {
    return date.getFullYear() + "-" + ("0" + (date.getMonth() + 1)).slice(-2) + "-" + ("0" + date.getDate()).slice(-2);
  }

  function today() {
    return isoDay(new Date());
  }

  function encodeFragment(quiz) {
    var answers = currentAnswers(quiz);
    var who = currentWho(quiz);
    who.date = quiz.linkDate || today();
    return writeLink(quiz.id, quiz.version, quiz.questions.map(function (question) {
      return has(answers, question.id) ? answers[question.id] : -1;
    }), who);
  }

  // A share link for this quiz as {answers, rater, date, name}, null when the address has none, or "bad".
  function decodeFragment(quiz, hash) {
    var link = readLink(hash, quiz.id, quiz.version, quiz.questions.map(function (question) {
      return question.inputs.length;
    }));
    if (link === null || link === "bad") return link;
    link.answers = map();
    link.choices.forEach(function (index, i) { if (index >= 0) link.answers[quiz.questions[i].id] = index; });
    return link;
  }

  function dropFragment() {
    if (window.history && window.history.replaceState) {
      window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
    }
  }

  function share(quiz, button) {
    var url = window.location.href.split("#")[0] + "#" + encodeFragment(quiz);
    var fallback = quiz.form.querySelector("[data-quiz-share-fallback]");
    var field = quiz.form.querySelector("[data-quiz-share-url]");
    function offerManualCopy() {
      field.value = url;
      fallback.hidden = false;
      field.focus();
      field.select();
    }
    if (!navigator.clipboard || !window.isSecureContext) {
      offerManualCopy();
      return;
    }
    navigator.clipboard.writeText(url).then(function () {
      fallback.hidden = true;
      showNotice(quiz, "copied");
      button.focus();
    }, offerManualCopy);
  }

  /* ── wiring ─────────────────────────────────────────────────────────────── */

  // A share link in the address, on load or pasted into an open page: applied, with its notice.
  // Returns whether it held answers for this quiz.
  function applyLink(quiz) {
    var fromLink = decodeFragment(quiz, window.location.hash);
    if (fromLink) dropFragment();
    if (fromLink === "bad") showNotice(quiz, "bad-link");
    if (!fromLink || fromLink === "bad") return false;
    applyAnswers(quiz, fromLink.answers);
    applyWho(quiz, { name: fromLink.name, rater: fromLink.rater });
    quiz.linkDate = fromLink.date;
    save(quiz);
    showNotice(quiz, "restored");
    quiz.resetListeners.forEach(function (listener) { listener(true); });
    return true;
  }

  function restore(quiz) {
    if (applyLink(quiz)) return;
    var stored = loadStored(quiz);
    applyAnswers(quiz, stored ? stored.answers : map());
    if (stored) applyWho(quiz, stored.who);
    if (stored && stored.dropped) {
      save(quiz);
      if (quiz.notice !== "bad-link") showNotice(quiz, "stale");
    }
  }

  function reset(quiz) {
    applyAnswers(quiz, map());
    applyWho(quiz, { name: "" });
    quiz.linkDate = "";
    forget(quiz);
    showNotice(quiz, "");
    quiz.form.querySelector("[data-quiz-share-fallback]").hidden = true;
    render(quiz);
    quiz.questions[0].inputs[0].focus();
    quiz.resetListeners.forEach(function (listener) { listener(); });
  }

  // Wires one form and returns what team.js may use of its quiz; throws before changing anything
  // when the markup lacks a part.
  function createQuiz(form) {
    var problems = problemsOf(form);
    if (problems.length) throw new MarkupError(problems);
    var quiz = readQuiz(form);
    eachMatch(form, "[data-quiz-paper]", function (element) { element.hidden = true; });
    eachMatch(form, "[data-quiz-live]", function (element) { element.hidden = false; });
    restore(quiz);
    render(quiz);
    form.addEventListener("change", function (event) {
      if (event.target.hasAttribute("data-points")) quiz.linkDate = ""; // no longer the link's answers
      save(quiz);
      render(quiz);
    });
    if (quiz.subject) quiz.subject.addEventListener("input", function () { save(quiz); });
    window.addEventListener("hashchange", function () { if (applyLink(quiz)) render(quiz); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector("[data-quiz-reset]").addEventListener("click", function () { reset(quiz); });
    var shareButton = form.querySelector("[data-quiz-share]");
    shareButton.addEventListener("click", function () { share(quiz, shareButton); });
    // Back/forward cache: the page comes back as it was left, but another tab may
    // have changed the stored answers meanwhile.
    window.addEventListener("pageshow", function (event) {
      if (!event.persisted) return;
      var stored = loadStored(quiz);
      if (stored) applyAnswers(quiz, stored.answers);
      if (stored) applyWho(quiz, stored.who);
      render(quiz);
    });
    // For the team table (team.js, through kamGuide.quiz(form)); DESIGN.md, "Browser scripts".
    return Object.freeze({
      id: quiz.id,
      version: quiz.version,
      weakBelow: quiz.weakBelow,
      questions: Object.freeze(quiz.questions.map(function (question) {
        return Object.freeze({ id: question.id, options: question.inputs.length, points: Object.freeze(question.inputs.map(pointsOf)) });
      })),
      keys: Object.freeze(questionKeys(quiz)),
      maxima: Object.freeze(quiz.maxima),
      answers: function () { return currentAnswers(quiz); },
      score: function (answers) { return score(quiz, answers); },
      carryOver: function (answers, keys) { return carryOver(quiz, answers, keys); },
      load: function (answers, who) { applyAnswers(quiz, answers); applyWho(quiz, who); quiz.linkDate = ""; save(quiz); render(quiz); },
      who: function () { var who = currentWho(quiz); who.date = quiz.linkDate; return who; },
      today: today,
      notice: function (name, values) { showNotice(quiz, name, values); },
      onReset: function (listener) { quiz.resetListeners.push(listener); }
    });
  }

  /* ── the component: one instance per form, each on its own ─────────────── */

  // A part of the markup the instance needs is missing: named in the console, the form left as it is.
  function MarkupError(problems) {
    this.message = "has no " + problems.join(", ");
  }
  MarkupError.prototype = Object.create(Error.prototype);
  MarkupError.prototype.name = "MarkupError";

  var quizzes = new WeakMap(); // form → what team.js may use of its quiz
  var started = new WeakSet(); // never twice, even after a failure

  function startAll() {
    eachMatch(document, "form[data-quiz]", function (form) {
      if (started.has(form)) return;
      started.add(form);
      var where = NAME + ": form[data-quiz=\"" + form.getAttribute("data-quiz") + "\"] ";
      try {
        quizzes.set(form, createQuiz(form));
        form.setAttribute("data-quiz-ready", "");
      } catch (error) {
        if (error instanceof MarkupError) console.error(where + error.message);
        else console.error(where + "failed to start:", error);
      }
    });
  }

  /* ── the interface (DESIGN.md, "Browser scripts") ──────────────────────── */

  function offer(name, value) {
    Object.defineProperty(guide, name, { value: value, enumerable: true }); // read-only
  }

  offer("quizRules", Object.freeze({ below: below, isWeak: isWeak, shown: shown, band: band, team: team }));
  offer("quizLinks", Object.freeze({ write: writeLink, read: readLink, day: isoDay }));
  offer("quiz", function (form) { return quizzes.get(form) || null; });

  // Material's instant navigation swaps pages without reloading: follow its document$.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(startAll);
  } else {
    startAll();
  }
})();
