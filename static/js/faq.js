/* FAQ: filter as you type, and "Was this answer helpful?" in place.
   Progressive enhancement only: without this file the filter form is a GET
   search (?q=) filtered by the server with the same rules, and a vote is an
   ordinary form post that comes back to the question. */
(function () {
  "use strict";
  if (!document.querySelector || !window.addEventListener) return;

  // The same steps as faq.services.normalize in Python: lower case, accents
  // removed, anything but a-z and 0-9 becomes one space.
  function normalize(text) {
    var value = String(text || "");
    if (value.normalize) value = value.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    return value.toLowerCase().replace(/[^0-9a-z]+/g, " ").trim();
  }

  function setupFilter() {
    var form = document.querySelector("[data-faq-form]");
    var input = document.querySelector("[data-faq-filter]");
    var count = document.querySelector("[data-faq-count]");
    var empty = document.querySelector("[data-faq-empty]");
    if (!form || !input || !count) return;
    var entries = document.querySelectorAll("[data-faq-entry]");
    var categories = document.querySelectorAll("[data-faq-category]");
    var timer = null;
    var lastQuery = null;

    function announce(shown, query) {
      var text;
      if (!query) text = count.getAttribute("data-text-all");
      else if (shown === 0) text = count.getAttribute("data-text-none");
      else if (shown === 1) text = count.getAttribute("data-text-one");
      else text = count.getAttribute("data-text-many");
      count.textContent = (text || "").replace("{count}", String(shown));
    }

    function apply() {
      var query = normalize(input.value);
      if (query === lastQuery) return;
      lastQuery = query;
      var words = query ? query.split(" ") : [];
      var shown = 0;
      for (var i = 0; i < entries.length; i++) {
        var text = entries[i].getAttribute("data-faq-text") || "";
        var match = true;
        for (var w = 0; w < words.length; w++) {
          if (text.indexOf(words[w]) === -1) { match = false; break; }
        }
        entries[i].hidden = !match;
        if (match) shown++;
      }
      for (var c = 0; c < categories.length; c++) {
        categories[c].hidden = !categories[c].querySelector("[data-faq-entry]:not([hidden])");
      }
      if (empty) empty.hidden = shown !== 0;
      announce(shown, query);
    }

    input.addEventListener("input", function () {
      // Wait for a pause in typing so screen readers hear one count, not every key.
      window.clearTimeout(timer);
      timer = window.setTimeout(apply, 250);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      apply();
      if (window.history && history.replaceState) {
        var url = form.getAttribute("action") || location.pathname;
        var value = input.value.trim();
        history.replaceState(null, "", value ? url + "?q=" + encodeURIComponent(value) : url);
      }
    });
    form.setAttribute("data-faq-ready", "");
    // A page loaded with ?q= is already filtered by the server; keep it in step.
    if (input.value) apply();
  }

  function setupVotes() {
    if (!window.fetch || !window.FormData) return;
    var forms = document.querySelectorAll("[data-faq-vote]");
    for (var i = 0; i < forms.length; i++) {
      forms[i].addEventListener("submit", onVote);
    }
  }

  function onVote(event) {
    var form = event.currentTarget;
    var button = event.submitter;
    if (!button || !button.name) return; // old browsers: let the form post
    event.preventDefault();
    var data = new FormData(form);
    data.append(button.name, button.value);
    var status = form.querySelector("[data-faq-vote-status]");
    var buttons = form.querySelectorAll("button");
    for (var b = 0; b < buttons.length; b++) buttons[b].disabled = true;
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json" }
    })
      .then(function (response) {
        return response.json().then(function (body) { return body; });
      })
      .then(function (body) {
        if (status) status.textContent = body.message || "";
      })
      .catch(function () {
        // No answer from the server: send the form the ordinary way.
        var hidden = document.createElement("input");
        hidden.type = "hidden";
        hidden.name = button.name;
        hidden.value = button.value;
        form.appendChild(hidden);
        form.removeEventListener("submit", onVote);
        form.submit();
      })
      .then(function () {
        for (var b = 0; b < buttons.length; b++) buttons[b].disabled = false;
      });
  }

  setupFilter();
  setupVotes();
})();
