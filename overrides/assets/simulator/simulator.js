/*
 * Pay simulator: reads the figures a reader types, computes variable and total pay
 * (the rules of kam_guide/paysim/formula.py), and updates numbers, chart and table.
 * Every word is in the page (overrides/components/pay-simulator.html); numbers are
 * read and written the way the page's language does, with Intl. The figures live
 * in the address after "#", so a scenario can be shared; nothing is sent anywhere.
 *
 * A component (DESIGN.md, "Browser scripts"): one instance per [data-simulator]. An instance first
 * checks the markup it needs; if a part is missing it names it in the console and leaves the
 * simulator as the server wrote it (the worked example). An instance that fails never stops
 * another; [data-sim-ready] is set once an instance is wired. Its pure functions (numbers, the
 * formula, share links) are offered as window.kamGuide.simulatorRules, tested in a blank page.
 */
(function () {
  "use strict";

  var NAME = "kamGuide.simulator";
  var guide = window.kamGuide || (window.kamGuide = {});
  if (guide.simulatorRules) return; // loaded twice: the first copy serves

  var FIELDS = ["base", "variable", "attainment", "accelerator", "cap"];
  var OPTIONAL = { accelerator: 1, cap: null }; // value used when the field is empty
  var CHART = { left: 60, right: 390, top: 10, bottom: 190 };

  /* ── numbers in the page's language (pure) ─────────────────────────────── */

  // How the page's language writes numbers, and the currency's sign: {group, decimal, pattern,
  // currency}, what parseNumber and localDigits need.
  function numberReading(lang, currency) {
    var find = function (parts, type) {
      var part = parts.filter(function (p) { return p.type === type; })[0];
      return part ? part.value : "";
    };
    var parts = new Intl.NumberFormat(lang).formatToParts(12345.6);
    var sign = find(new Intl.NumberFormat(lang, { style: "currency", currency: currency }).formatToParts(1), "currency");
    var reading = { group: find(parts, "group"), decimal: find(parts, "decimal"), currency: sign || currency };
    reading.pattern = numberPattern(reading);
    return Object.freeze(reading);
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  // The shapes a number may take in the page's language, and nothing else: with the
  // language's own grouping by thousands or none, and its own decimal mark. In French
  // "40 000" and "40000,50"; in English "40,000" and "40000.50". A mark the language
  // does not use ("48.000" in French, "12,5" in English) is an error, never a guess.
  function numberPattern(parts) {
    var spaceGroup = !parts.group.trim();
    var group = spaceGroup ? "[ \u00a0\u202f]" : escapeRegExp(parts.group);
    var decimal = escapeRegExp(parts.decimal);
    return new RegExp("^(\\d{1,3}(?:" + group + "\\d{3})+|\\d+)(?:" + decimal + "(\\d+))?$");
  }

  // "40 000", "40 000 €", "€40,000", "12,5 %" (fr) → {value, digits}: the number, and the digits
  // typed with "." for decimals ("40000", "12.5"), which the share link keeps; null when it is not
  // a number written the way the page's language writes numbers, or names another currency.
  function parseNumber(text, reading) {
    var cleaned = text.replace(reading.currency, "").replace("%", "").trim();
    var negative = /^[-\u2212]/.test(cleaned);
    if (negative) cleaned = cleaned.slice(1).trim();
    var match = reading.pattern.exec(cleaned);
    // "45,000" in French or "45.000" in English: three decimals after at most three digits
    // read as thousands in the other language. Ambiguous, so an error, never a guess.
    if (!match || (match[2] && match[2].length === 3 && match[1].length <= 3)) return null;
    var digits = match[1].replace(/\D/g, "") + (match[2] ? "." + match[2] : "");
    return { value: (negative ? -1 : 1) * Number(digits), digits: digits };
  }

  // "40000.5" → "40 000,5" (fr), "40,000.5" (en): the same digits in the page's language, so
  // parseNumber reads back exactly the same number. Three decimals after at most three digits
  // would read as thousands ("1,125"): such a number is written with a fourth decimal, "1,1250".
  function localDigits(digits, reading) {
    var parts = digits.split(".");
    var fraction = parts[1] || "";
    if (fraction.length === 3 && parts[0].length <= 3) fraction += "0";
    return parts[0].replace(/\B(?=(\d{3})+$)/g, reading.group) + (fraction ? reading.decimal + fraction : "");
  }

  function formatters(lang, currency) {
    return {
      money: new Intl.NumberFormat(lang, { style: "currency", currency: currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }),
      percent: new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 })
    };
  }

  /* ── the formula (same as paysim/formula.py; pure) ─────────────────────── */

  function variablePay(plan, attainment) {
    var atTarget = plan.base * plan.variable / 100;
    var counted = plan.cap === null ? attainment : Math.min(attainment, plan.cap);
    if (counted <= 100) return atTarget * counted / 100;
    return atTarget + atTarget * (counted - 100) / 100 * plan.accelerator;
  }

  /* ── reading and checking the fields ───────────────────────────────────── */

  // Returns {value, digits} or {error: "empty" | "not-a-number" | "negative" | "too-large" | "below-target"}.
  function readField(sim, name) {
    var text = sim.inputs[name].value.trim();
    if (text === "") return name in OPTIONAL ? { value: OPTIONAL[name], digits: "" } : { error: "empty" };
    var read = parseNumber(text, sim.reading);
    var value = read ? read.value : NaN;
    if (!isFinite(value)) return { error: "not-a-number" };
    if (value < 0) return { error: "negative" };
    if (value > sim.limits[name]) return { error: "too-large" };
    if (name === "cap" && value < 100) return { error: "below-target" };
    return read;
  }

  function showError(sim, name, error) {
    var input = sim.inputs[name];
    var box = sim.root.querySelector("[data-sim-error-for='" + name + "']");
    box.hidden = !error;
    Array.prototype.forEach.call(box.querySelectorAll("[data-sim-error]"), function (message) {
      message.hidden = message.getAttribute("data-sim-error") !== error;
    });
    var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
      return id && id !== box.id;
    });
    if (error) described.push(box.id);
    if (described.length) input.setAttribute("aria-describedby", described.join(" "));
    else input.removeAttribute("aria-describedby");
    if (error) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }

  // The plan's numbers, and in plan.digits what was typed (for the share link); null while a field is wrong.
  function readPlan(sim) {
    var values = { digits: {} };
    var valid = true;
    FIELDS.forEach(function (name) {
      var read = readField(sim, name);
      showError(sim, name, read.error);
      if (read.error) {
        valid = false;
      } else {
        values[name] = read.value;
        values.digits[name] = read.digits;
      }
    });
    return valid ? values : null;
  }

  /* ── showing the result ────────────────────────────────────────────────── */

  function setText(element, text) {
    if (element) element.textContent = text;
  }

  function render(sim) {
    var plan = readPlan(sim);
    sim.root.querySelector("[data-sim-fix]").hidden = plan !== null;
    ["[data-sim-figures]", "[data-sim-chart]", "[data-sim-table]"].forEach(function (selector) {
      sim.root.querySelector(selector).hidden = plan === null;
    });
    if (plan === null) return null;
    var variable = variablePay(plan, plan.attainment);
    var total = plan.base + variable;
    setText(sim.root.querySelector("[data-sim-out='variable']"), sim.format.money.format(variable));
    setText(sim.root.querySelector("[data-sim-out='total']"), sim.format.money.format(total));
    setText(sim.root.querySelector("[data-sim-out='share']"), sim.format.percent.format(total ? variable / total : 0));
    renderTable(sim, plan, total);
    renderChart(sim, plan);
    return plan;
  }

  function renderTable(sim, plan, total) {
    // The table's attainments are the page's own rows (data-sim-row, written by kam_guide/paysim/render.py).
    Array.prototype.forEach.call(sim.root.querySelectorAll("[data-sim-row]"), function (row) {
      var attainment = Number(row.getAttribute("data-sim-row"));
      setText(row.querySelector("[data-sim-row-total]"), sim.format.money.format(plan.base + variablePay(plan, attainment)));
    });
    setText(sim.root.querySelector("[data-sim-scenario-attainment]"), sim.format.percent.format(plan.attainment / 100));
    setText(sim.root.querySelector("[data-sim-scenario-total]"), sim.format.money.format(total));
  }

  // Total pay against attainment, from 0 % to the cap (or further when the reader
  // goes past it): a broken line through the points where the rule changes.
  function renderChart(sim, plan) {
    var end = Math.max(plan.cap || 0, 200, plan.attainment);
    end = Math.ceil(end / 50) * 50;
    var corners = [0, 100, plan.cap === null ? end : Math.min(plan.cap, end), end];
    var highest = plan.base + variablePay(plan, end);
    var x = function (attainment) { return CHART.left + (CHART.right - CHART.left) * attainment / end; };
    var y = function (amount) {
      return CHART.bottom - (CHART.bottom - CHART.top) * (highest ? amount / highest : 0);
    };
    var points = corners.map(function (attainment) {
      return x(attainment).toFixed(1) + "," + y(plan.base + variablePay(plan, attainment)).toFixed(1);
    });
    var svg = sim.root.querySelector("[data-sim-svg]");
    svg.querySelector("[data-sim-line]").setAttribute("points", points.join(" "));
    var point = svg.querySelector("[data-sim-point]");
    point.setAttribute("cx", x(plan.attainment).toFixed(1));
    point.setAttribute("cy", y(plan.base + variablePay(plan, plan.attainment)).toFixed(1));
    var target = svg.querySelector("[data-sim-target-line]");
    target.setAttribute("x1", x(100).toFixed(1));
    target.setAttribute("x2", x(100).toFixed(1));
    var targetLabel = svg.querySelector("[data-sim-x-target]");
    targetLabel.setAttribute("x", x(100).toFixed(1));
    setText(targetLabel, sim.format.percent.format(1));
    setText(svg.querySelector("[data-sim-x-min]"), sim.format.percent.format(0));
    setText(svg.querySelector("[data-sim-x-max]"), sim.format.percent.format(end / 100));
    setText(svg.querySelector("[data-sim-y-min]"), sim.format.money.format(0));
    setText(svg.querySelector("[data-sim-y-max]"), sim.format.money.format(highest));
  }

  // Read once the reader has settled on a figure (change, not every keystroke):
  // the labels and figures already on the page, or the request to fix a field.
  function announce(sim) {
    var figures = sim.root.querySelector("[data-sim-figures]");
    var source = figures.hidden ? [sim.root.querySelector("[data-sim-fix]")] : figures.querySelectorAll("dt, dd");
    var text = Array.prototype.map.call(source, function (element) { return element.textContent.trim(); }).join(" ");
    setText(sim.root.querySelector("[data-sim-announcement]"), text);
  }

  /* ── the scenario in the address: #simulator-<id>=base,variable,attainment,accelerator,cap (pure) ─ */

  // The digits as typed, not the number rounded or reformatted: the link reopens on the same amounts.
  function writeLink(id, digits) {
    return "#simulator-" + id + "=" + digits.join(",");
  }

  // The five figures' digits ("." for decimals; "" for an empty optional one) of a link to this
  // simulator; null when the address holds none, "bad" when it is not five such numbers.
  function readLink(hash, id) {
    var prefix = "#simulator-" + id + "=";
    if (hash.indexOf(prefix) !== 0) return null;
    var values = hash.slice(prefix.length).split(",");
    var sane = values.length === FIELDS.length && values.every(function (value, index) {
      return value === "" ? FIELDS[index] in OPTIONAL : /^\d+(\.\d+)?$/.test(value);
    });
    return sane ? values : "bad";
  }

  function writeFragment(sim, plan) {
    var hash = writeLink(sim.id, FIELDS.map(function (name) { return plan.digits[name]; }));
    if (window.location.hash !== hash && window.history && window.history.replaceState) {
      window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search + hash);
    }
  }

  // Fills the fields from a link to a scenario of this simulator. Returns false when the address
  // holds one that cannot be read (the page then says so). A number out of bounds is shown, with
  // its field's error.
  function readFragment(sim) {
    var values = readLink(window.location.hash, sim.id);
    if (values === "bad") return false;
    if (values) FIELDS.forEach(function (name, index) { sim.inputs[name].value = localDigits(values[index], sim.reading); });
    return true;
  }

  /* ── the markup an instance needs (DESIGN.md, "Pay simulator") ─────────── */

  var ATTRIBUTES = [
    "data-simulator", "data-sim-lang", "data-sim-currency", "data-sim-base-max", "data-sim-variable-max",
    "data-sim-attainment-max", "data-sim-accelerator-max"
  ];
  var PARTS = [
    "[data-sim-fallback]", "[data-sim-form] [data-sim-reset]", "[data-sim-notice='bad-link']", "[data-sim-fix]",
    "[data-sim-figures] [data-sim-out='variable']", "[data-sim-out='total']", "[data-sim-out='share']",
    "[data-sim-announcement]", "[data-sim-chart] [data-sim-svg] [data-sim-line]", "[data-sim-point]",
    "[data-sim-target-line]", "[data-sim-x-target]", "[data-sim-x-min]", "[data-sim-x-max]", "[data-sim-y-min]",
    "[data-sim-y-max]", "[data-sim-table] [data-sim-scenario-attainment]", "[data-sim-scenario-total]"
  ].concat(FIELDS.map(function (name) { return "[data-sim-input='" + name + "']"; }),
    FIELDS.map(function (name) { return "[data-sim-error-for='" + name + "'][id] [data-sim-error]"; }));

  // What the simulator lacks, as "[selector]" or "attribute on itself": empty when nothing.
  function problemsOf(root) {
    var problems = ATTRIBUTES.filter(function (name) { return !root.hasAttribute(name); }).map(function (name) {
      return name + " on itself";
    });
    return problems.concat(PARTS.filter(function (selector) { return !root.querySelector(selector); }),
      Array.prototype.filter.call(root.querySelectorAll("[data-sim-row]"), function (row) {
        return !row.querySelector("[data-sim-row-total]");
      }).map(function (row) { return "[data-sim-row-total] in [data-sim-row='" + row.getAttribute("data-sim-row") + "']"; }));
  }

  /* ── wiring ─────────────────────────────────────────────────────────────── */

  function readSimulator(root) {
    var lang = root.getAttribute("data-sim-lang");
    var currency = root.getAttribute("data-sim-currency");
    var inputs = {};
    FIELDS.forEach(function (name) { inputs[name] = root.querySelector("[data-sim-input='" + name + "']"); });
    return {
      root: root,
      id: root.getAttribute("data-simulator"),
      lang: lang,
      inputs: inputs,
      defaults: FIELDS.map(function (name) { return inputs[name].value; }),
      reading: numberReading(lang, currency),
      notice: root.querySelector("[data-sim-notice='bad-link']"),
      format: formatters(lang, currency),
      limits: {
        base: Number(root.getAttribute("data-sim-base-max")),
        variable: Number(root.getAttribute("data-sim-variable-max")),
        attainment: Number(root.getAttribute("data-sim-attainment-max")),
        accelerator: Number(root.getAttribute("data-sim-accelerator-max")),
        cap: Number(root.getAttribute("data-sim-attainment-max"))
      }
    };
  }

  function update(sim) {
    var plan = render(sim);
    sim.notice.hidden = true; // the address now holds the reader's own figures
    if (plan) writeFragment(sim, plan);
  }

  // Wires one simulator; throws before changing anything when the markup lacks a part.
  function createSimulator(root) {
    var problems = problemsOf(root);
    if (problems.length) throw new MarkupError(problems);
    var sim = readSimulator(root);
    root.querySelector("[data-sim-fallback]").hidden = true;
    root.querySelector("[data-sim-form]").hidden = false;
    if (!readFragment(sim)) {
      sim.notice.hidden = false; // and the address loses what it could not read, as the quiz's links do
      if (window.history && window.history.replaceState) {
        window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
      }
    }
    render(sim);
    root.addEventListener("input", function () { update(sim); });
    root.addEventListener("change", function () { update(sim); announce(sim); });
    root.querySelector("[data-sim-form]").addEventListener("submit", function (event) { event.preventDefault(); });
    root.querySelector("[data-sim-reset]").addEventListener("click", function () {
      FIELDS.forEach(function (name, index) { sim.inputs[name].value = sim.defaults[index]; });
      update(sim);
      announce(sim);
    });
  }

  /* ── starting: each instance on its own ────────────────────────────────── */

  // A part of the markup the instance needs is missing: named in the console, the simulator left as it is.
  function MarkupError(problems) {
    this.message = "has no " + problems.join(", ");
  }
  MarkupError.prototype = Object.create(Error.prototype);
  MarkupError.prototype.name = "MarkupError";

  var started = new WeakSet(); // never twice, even after a failure

  function startAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-simulator]"), function (root) {
      if (started.has(root)) return;
      started.add(root);
      var where = NAME + ": [data-simulator=\"" + root.getAttribute("data-simulator") + "\"] ";
      try {
        createSimulator(root);
        root.setAttribute("data-sim-ready", "");
      } catch (error) {
        if (error instanceof MarkupError) console.error(where + error.message);
        else console.error(where + "failed to start:", error);
      }
    });
  }

  /* ── the interface (DESIGN.md, "Browser scripts") ──────────────────────── */

  Object.defineProperty(guide, "simulatorRules", {
    enumerable: true, // read-only
    value: Object.freeze({
      numberReading: numberReading, parseNumber: parseNumber, localDigits: localDigits, variablePay: variablePay,
      writeLink: writeLink, readLink: readLink
    })
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(startAll);
  } else {
    startAll();
  }
})();
