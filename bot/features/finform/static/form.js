// The financial form (docs/form.md). Everything it shows comes from the bot's server as data and is
// set as text, never as markup. It loads no script from anywhere else: Telegram's launch data is
// read from the page's address (or from the Telegram.WebApp object where a client provides one),
// and the few calls to the Telegram app go through its documented postEvent bridge.
"use strict";
(function () {
  var app = document.getElementById("app");
  var tg = (window.Telegram && window.Telegram.WebApp) || null;

  function launchParam(name) {
    var hash = (window.location.hash || "").replace(/^#/, "");
    try {
      return new URLSearchParams(hash).get(name) || "";
    } catch (e) {
      return "";
    }
  }

  var initData = (tg && tg.initData) || launchParam("tgWebAppData");

  // https://core.telegram.org/api/web-events: the app listens on one of these, depending on the client.
  function postEvent(type, data) {
    var payload = data || {};
    try {
      if (window.TelegramWebviewProxy) {
        window.TelegramWebviewProxy.postEvent(type, JSON.stringify(payload));
      } else if (window.external && "notify" in window.external) {
        window.external.notify(JSON.stringify({ eventType: type, eventData: payload }));
      } else if (window.parent && window.parent !== window) {
        window.parent.postMessage(JSON.stringify({ eventType: type, eventData: payload }), "*");
      }
    } catch (e) {
      /* outside Telegram: nothing to tell */
    }
  }

  function ready() {
    if (tg) {
      if (tg.ready) tg.ready();
      if (tg.expand) tg.expand();
    } else {
      postEvent("web_app_ready");
      postEvent("web_app_expand");
    }
  }

  function closeApp() {
    if (tg && tg.close) tg.close();
    else postEvent("web_app_close");
  }

  var state = { step: null, form: null, touched: {}, submitted: false, timer: null, seq: 0, last: null };

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      node.setAttribute(key, attrs[key]);
    });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function call(path, extra) {
    var body = Object.assign({ initData: initData }, extra || {});
    return fetch("api/" + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
    }).then(function (response) {
      return response
        .json()
        .catch(function () {
          return {};
        })
        .then(function (data) {
          return { status: response.status, body: data };
        });
    });
  }

  function lines(text) {
    var box = el("div", { class: "banner bad", id: "refused", role: "alert" });
    String(text || "").split("\n").forEach(function (line) {
      box.appendChild(el("p", {}, line));
    });
    return box;
  }

  // The form cannot be used: say why, keep nothing on screen that could be sent.
  function refuse(message) {
    app.classList.remove("with-bar");
    app.replaceChildren(lines(message));
    if (state.form) {
      var close = el("button", { type: "button", id: "close" }, state.form.texts.close);
      close.addEventListener("click", closeApp);
      app.appendChild(close);
    }
  }

  function fieldNode(field, value, texts) {
    var box = el("div", { class: "field", id: "f-" + field.id, "data-q": field.id });
    var described = [];
    var why = el("p", { class: "why", id: "w-" + field.id });
    why.appendChild(el("b", {}, texts.why));
    why.appendChild(document.createTextNode(" " + field.why));
    var error = el("p", { class: "error", id: "e-" + field.id, hidden: "" });
    if (field.kind === "choice") {
      var group = el("fieldset", { "aria-describedby": "w-" + field.id + " e-" + field.id });
      group.appendChild(el("legend", { class: "q" }, field.label));
      field.options.forEach(function (option, index) {
        var id = "i-" + field.id + "-" + index;
        var row = el("label", { class: "choice", for: id });
        var input = el("input", { type: "radio", name: field.id, id: id, value: option.value });
        if (value === option.value) input.checked = true;
        row.appendChild(input);
        row.appendChild(el("span", {}, option.label));
        group.appendChild(row);
      });
      box.appendChild(group);
    } else {
      box.appendChild(el("label", { class: "q", for: "i-" + field.id }, field.label));
      if (field.description) {
        box.appendChild(el("p", { class: "desc", id: "d-" + field.id }, field.description));
        described.push("d-" + field.id);
      }
      var row = el("div", { class: "input" });
      if (field.kind === "money") row.appendChild(el("span", { class: "unit", "aria-hidden": "true" }, "$"));
      var input = el("input", {
        type: "text",
        id: "i-" + field.id,
        name: field.id,
        inputmode: field.kind === "money" ? "decimal" : "numeric",
        autocomplete: "off",
        enterkeyhint: "next",
      });
      described.push("w-" + field.id, "e-" + field.id);
      input.setAttribute("aria-describedby", described.join(" "));
      if (value !== undefined) input.value = value;
      row.appendChild(input);
      if (field.per_month) row.appendChild(el("span", { class: "unit" }, texts.per_month));
      box.appendChild(row);
    }
    box.appendChild(why);
    box.appendChild(error);
    return box;
  }

  function values() {
    var out = {};
    state.form.sections.forEach(function (section) {
      section.fields.forEach(function (field) {
        var box = document.getElementById("f-" + field.id);
        if (!box || box.hidden) return;
        if (field.kind === "choice") {
          var checked = box.querySelector("input:checked");
          if (checked) out[field.id] = checked.value;
        } else {
          out[field.id] = document.getElementById("i-" + field.id).value;
        }
      });
    });
    return out;
  }

  function renderTotals(totals) {
    var box = document.getElementById("totals");
    var texts = state.form.totals;
    var bar = document.getElementById("bar");
    if (bar) bar.textContent = texts.left + ": " + (totals ? totals.left : "…");
    box.replaceChildren(el("h2", {}, texts.title));
    if (!totals) {
      box.appendChild(el("p", { id: "totals-waiting" }, texts.waiting));
      return;
    }
    var list = el("dl", {});
    function pair(id, label, amount) {
      list.appendChild(el("dt", {}, label));
      list.appendChild(el("dd", { id: id }, amount));
    }
    pair("total-income", texts.income, totals.income);
    pair("total-allowed", texts.allowed, totals.allowed);
    pair("total-left", texts.left, totals.left);
    pair("total-equity", texts.equity, totals.equity);
    box.appendChild(list);
    if (totals.shortfall) box.appendChild(el("p", { id: "total-shortfall" }, texts.shortfall));
    var details = el("details", {});
    details.appendChild(el("summary", {}, texts.details));
    [totals.expense_lines, totals.equity_lines].forEach(function (rows) {
      var ul = el("ul", {});
      rows.forEach(function (row) {
        ul.appendChild(el("li", {}, row[0] + ": " + row[1]));
      });
      if (rows.length) details.appendChild(ul);
    });
    details.appendChild(el("p", { class: "note" }, texts.note));
    box.appendChild(details);
  }

  // What the server says of the figures so far: the fields that apply, the refusals, the totals.
  function show(result, force) {
    var shown = {};
    (result.shown || []).forEach(function (id) {
      shown[id] = true;
    });
    var errors = result.errors || {};
    state.form.sections.forEach(function (section) {
      section.fields.forEach(function (field) {
        var box = document.getElementById("f-" + field.id);
        box.hidden = !shown[field.id];
        var error = document.getElementById("e-" + field.id);
        var message = errors[field.id];
        var visible = Boolean(message && (force || state.submitted || state.touched[field.id]));
        error.hidden = !visible;
        error.textContent = visible ? message : "";
        box.classList.toggle("invalid", visible);
        box.querySelectorAll("input").forEach(function (input) {
          if (visible) input.setAttribute("aria-invalid", "true");
          else input.removeAttribute("aria-invalid");
        });
      });
    });
    if ("totals" in result) renderTotals(result.totals);
    state.last = result;
  }

  function check() {
    var mine = ++state.seq;
    return call("check", { step: state.step, values: values() }).then(
      function (reply) {
        if (mine !== state.seq) return; // a later check is on its way
        app.removeAttribute("aria-busy");
        if (reply.status === 200) show(reply.body, false);
        else if (reply.status === 401 || reply.status === 409) refuse(reply.body.message);
      },
      function () {
        if (mine === state.seq) app.removeAttribute("aria-busy"); // offline a moment: the next change retries
      }
    );
  }

  function later() {
    app.setAttribute("aria-busy", "true"); // the totals are being worked out again
    clearTimeout(state.timer);
    state.timer = setTimeout(check, 300);
  }

  function banner(text, good) {
    var box = document.getElementById("banner");
    box.className = "banner " + (good ? "good" : "bad");
    box.textContent = text;
    box.hidden = false;
  }

  function submit(event) {
    event.preventDefault();
    clearTimeout(state.timer);
    state.seq++; // a check still on its way must not undo what the submission shows
    app.removeAttribute("aria-busy");
    state.submitted = true;
    var button = document.getElementById("submit");
    var texts = state.form.texts;
    button.disabled = true;
    button.textContent = texts.sending;
    call("submit", { step: state.step, values: values() }).then(
      function (reply) {
        button.disabled = false;
        button.textContent = texts.submit;
        if (reply.status === 200 && reply.body.ok) {
          var done = el("div", { class: "banner good", id: "sent", role: "status" }, reply.body.message);
          var close = el("button", { type: "button", id: "close" }, texts.close);
          close.addEventListener("click", closeApp);
          app.classList.remove("with-bar");
          app.replaceChildren(done, close);
          setTimeout(closeApp, 1500);
        } else if (reply.status === 422) {
          show({ shown: (state.last && state.last.shown) || [], errors: reply.body.errors || {} }, true);
          banner(reply.body.message || texts.fix, false);
          var first = app.querySelector(".field.invalid input");
          if (first) first.focus();
        } else if (reply.status === 401 || reply.status === 409) {
          refuse(reply.body.message);
        } else {
          banner((reply.body && reply.body.message) || texts.network, false);
        }
      },
      function () {
        button.disabled = false;
        button.textContent = texts.submit;
        banner(texts.network, false);
      }
    );
  }

  function build(data) {
    var form = data.form;
    state.form = form;
    state.step = data.step;
    document.documentElement.lang = form.lang;
    document.title = form.texts.title;
    var node = el("form", { id: "finform", novalidate: "" });
    form.sections.forEach(function (section) {
      var group = el("fieldset", { class: "section", id: "s-" + section.id });
      group.appendChild(el("legend", {}, section.title));
      section.fields.forEach(function (field) {
        group.appendChild(fieldNode(field, (data.values || {})[field.id], form.texts));
      });
      node.appendChild(group);
    });
    node.appendChild(el("section", { id: "totals", "aria-live": "polite" }));
    node.appendChild(el("div", { id: "banner", class: "banner", role: "alert", hidden: "" }));
    node.appendChild(el("button", { type: "submit", id: "submit" }, form.texts.submit));
    node.addEventListener("submit", submit);
    node.addEventListener("input", later);
    node.addEventListener("change", later);
    node.addEventListener("focusout", function (event) {
      var box = event.target.closest && event.target.closest(".field");
      if (box) {
        state.touched[box.getAttribute("data-q")] = true;
        later();
      }
    });
    // A visual copy of one line of the totals, kept in view; screen readers hear the totals themselves.
    var bar = el("div", { id: "bar", "aria-hidden": "true" });
    app.replaceChildren(el("h1", {}, form.texts.title), el("p", { class: "intro" }, form.texts.intro), node, bar);
    app.classList.add("with-bar");
    show(data, false);
  }

  ready();
  if (!initData) {
    refuse(
      "This form works only when it is opened from the button in the chat with the bot.\n" +
        "Este formulario funciona solo si se abre con el botón del chat con el bot."
    );
    return;
  }
  call("open", {}).then(
    function (reply) {
      if (reply.status === 200) build(reply.body);
      else refuse(reply.body.message || "");
    },
    function () {
      refuse("Couldn't load the form: check your connection.\nNo se pudo cargar el formulario: revise su conexión.");
    }
  );
})();
