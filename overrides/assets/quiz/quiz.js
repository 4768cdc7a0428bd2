/*
 * Self-assessment: turns the server-rendered quiz form into a live questionnaire.
 *
 * The page already holds every word (see overrides/partials/quiz.html and the markup
 * contract in DESIGN.md); this script only changes state: hidden, checked, aria-*,
 * numbers. Answers stay in the browser: localStorage, or the URL fragment of a share
 * link, which browsers never send to a server.
 */
(function () {
  "use strict";

  var STORAGE_PREFIX = "kam-guide.quiz.";
  var FRAGMENT_PREFIX = "quiz-";
  var ANSWER_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"; // one character per answer
  var UNANSWERED = "-";

  /* ── reading the form ──────────────────────────────────────────────────── */

  function readQuiz(form) {
    var questions = Array.prototype.map.call(form.querySelectorAll("fieldset[data-question]"), function (fieldset) {
      return {
        id: fieldset.getAttribute("data-question"),
        key: fieldset.getAttribute("data-question-key"),
        dimension: fieldset.getAttribute("data-dimension"),
        inputs: Array.prototype.slice.call(fieldset.querySelectorAll("input[type=radio]"))
      };
    });
    return {
      form: form,
      id: form.getAttribute("data-quiz"),
      version: form.getAttribute("data-quiz-version"),
      weakBelow: Number(form.getAttribute("data-quiz-weak-below")) / 100,
      questions: questions,
      lastAnnounced: ""
    };
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

  function applyAnswers(quiz, answers) {
    quiz.questions.forEach(function (question) {
      question.inputs.forEach(function (input, index) {
        input.checked = has(answers, question.id) && answers[question.id] === index;
      });
    });
  }

  /* ── scoring (the same rules as hooks/quizkit/scoring.py) ──────────────── */

  function pointsOf(input) {
    return Number(input.getAttribute("data-points"));
  }

  function score(quiz, answers) {
    var result = { answered: 0, total: 0, dimensions: map(), band: -1 };
    quiz.questions.forEach(function (question) {
      var index = has(answers, question.id) ? answers[question.id] : -1;
      var dimension = has(result.dimensions, question.dimension) ?
        result.dimensions[question.dimension] : (result.dimensions[question.dimension] = { score: 0, max: 0 });
      dimension.max += Math.max.apply(null, question.inputs.map(pointsOf));
      if (index >= 0) {
        result.answered += 1;
        result.total += pointsOf(question.inputs[index]);
        dimension.score += pointsOf(question.inputs[index]);
      }
    });
    result.complete = result.answered === quiz.questions.length;
    eachMatch(quiz.form, "[data-quiz-band]", function (band, index) {
      if (result.complete && result.total >= Number(band.getAttribute("data-min")) &&
          result.total <= Number(band.getAttribute("data-max"))) result.band = index;
    });
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
    var band = renderBands(form, result.band);
    renderDimensions(quiz, result);
    announce(quiz, result.complete ? [form.querySelector("[data-quiz-total]"), band && band.querySelector("[data-quiz-band-title]")] : []);
  }

  function renderBands(form, index) {
    var matching = null;
    eachMatch(form, "[data-quiz-band]", function (band, i) {
      band.hidden = i !== index;
      if (i === index) matching = band;
    });
    return matching;
  }

  function renderDimensions(quiz, result) {
    eachMatch(quiz.form, "[data-quiz-dimension]", function (element) {
      var id = element.getAttribute("data-quiz-dimension");
      var dimension = has(result.dimensions, id) ? result.dimensions[id] : { score: 0, max: 0 };
      var weak = dimension.score < dimension.max * quiz.weakBelow;
      setText(element.querySelector("[data-quiz-dimension-score]"), dimension.score);
      setBar(element.querySelector("[data-quiz-dimension-bar]"), dimension.max ? dimension.score / dimension.max : 0);
      setHidden(element.querySelector("[data-quiz-weak]"), !(result.complete && weak));
      setHidden(element.querySelector("[data-quiz-strong]"), !(result.complete && !weak));
      setHidden(element.querySelector("[data-quiz-advice]"), !(result.complete && weak));
      element.classList.toggle("quiz__dimension--weak", result.complete && weak);
    });
    setHidden(quiz.form.querySelector("[data-quiz-profile]"), !result.complete);
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
  function showNotice(form, name, values) {
    eachMatch(form, "[data-quiz-notice]", function (notice) {
      var on = notice.getAttribute("data-quiz-notice") === name;
      var again = on && !notice.hidden;
      if (on && notice.hasAttribute("data-quiz-fill")) {
        notice.textContent = fill(notice.getAttribute("data-quiz-fill"), values || {});
      }
      notice.hidden = !on || again;
      if (again) setTimeout(function () { notice.hidden = form.shownNotice !== name; }, 150);
    });
    form.shownNotice = name;
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
      window.localStorage.setItem(storageKey(quiz), JSON.stringify({
        version: quiz.version, answers: currentAnswers(quiz), keys: questionKeys(quiz)
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
    return carryOver(quiz, stored.answers, stored.version === quiz.version ? null : stored.keys);
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

  /* ── share links: #quiz-<id>=<version>.<one character per question> ────── */

  function encodeFragment(quiz) {
    var answers = currentAnswers(quiz);
    var digits = quiz.questions.map(function (question) {
      return has(answers, question.id) ? ANSWER_DIGITS.charAt(answers[question.id]) : UNANSWERED;
    }).join("");
    return FRAGMENT_PREFIX + quiz.id + "=" + quiz.version + "." + digits;
  }

  // Returns the answers of a share link for this quiz, null when the address has
  // none, or "bad" when it is malformed, truncated or made for another version.
  function decodeFragment(quiz, hash) {
    var prefix = "#" + FRAGMENT_PREFIX + quiz.id + "=";
    if (hash.indexOf(prefix) !== 0) return null;
    var parts = hash.slice(prefix.length).split(".");
    if (parts.length !== 2 || parts[0] !== quiz.version || parts[1].length !== quiz.questions.length) return "bad";
    var answers = map();
    for (var i = 0; i < quiz.questions.length; i++) {
      var character = parts[1].charAt(i);
      if (character === UNANSWERED) continue;
      var index = ANSWER_DIGITS.indexOf(character);
      if (index < 0 || index >= quiz.questions[i].inputs.length) return "bad";
      answers[quiz.questions[i].id] = index;
    }
    return answers;
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
      showNotice(quiz.form, "copied");
      button.focus();
    }, offerManualCopy);
  }

  /* ── wiring ─────────────────────────────────────────────────────────────── */

  function restore(quiz) {
    var fromLink = decodeFragment(quiz, window.location.hash);
    if (fromLink === "bad") {
      showNotice(quiz.form, "bad-link");
      dropFragment();
    } else if (fromLink) {
      applyAnswers(quiz, fromLink);
      save(quiz);
      showNotice(quiz.form, "restored");
      dropFragment();
      return;
    }
    var stored = loadStored(quiz);
    applyAnswers(quiz, stored ? stored.answers : map());
    if (stored && stored.dropped) {
      save(quiz);
      if (fromLink !== "bad") showNotice(quiz.form, "stale");
    }
  }

  function reset(quiz) {
    applyAnswers(quiz, map());
    forget(quiz);
    showNotice(quiz.form, "");
    quiz.form.querySelector("[data-quiz-share-fallback]").hidden = true;
    render(quiz);
    quiz.questions[0].inputs[0].focus();
  }

  function init(form) {
    if (form.hasAttribute("data-quiz-ready")) return;
    form.setAttribute("data-quiz-ready", "");
    var quiz = readQuiz(form);
    eachMatch(form, "[data-quiz-paper]", function (element) { element.hidden = true; });
    eachMatch(form, "[data-quiz-live]", function (element) { element.hidden = false; });
    restore(quiz);
    render(quiz);
    form.addEventListener("change", function () {
      save(quiz);
      render(quiz);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.querySelector("[data-quiz-reset]").addEventListener("click", function () { reset(quiz); });
    var shareButton = form.querySelector("[data-quiz-share]");
    shareButton.addEventListener("click", function () { share(quiz, shareButton); });
    // For the team part (team.js): score any answers, load answers into the form.
    form.kamQuiz = {
      quiz: quiz,
      keys: questionKeys(quiz),
      answers: function () { return currentAnswers(quiz); },
      score: function (answers) { return score(quiz, answers); },
      carryOver: function (answers, keys) { return carryOver(quiz, answers, keys); },
      load: function (answers) { applyAnswers(quiz, answers); save(quiz); render(quiz); },
      notice: function (name, values) { showNotice(form, name, values); },
      fill: fill,
      has: has
    };
    // Back/forward cache: the page comes back as it was left, but another tab may
    // have changed the stored answers meanwhile.
    window.addEventListener("pageshow", function (event) {
      if (!event.persisted) return;
      var stored = loadStored(quiz);
      if (stored) applyAnswers(quiz, stored.answers);
      render(quiz);
    });
  }

  function initAll() {
    eachMatch(document, "form[data-quiz]", init);
  }

  // Material's instant navigation swaps pages without reloading: follow its document$.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(initAll);
  } else {
    initAll();
  }
})();
