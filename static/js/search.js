/*
 * Search suggestions for every search form on the page (form.search-form).
 *
 * WAI-ARIA 1.2 combobox with a listbox popup: the plain form works without this
 * script; the script adds role="combobox", aria-autocomplete, aria-expanded,
 * aria-controls and aria-activedescendant to the input, and a listbox after it.
 * Down/Up move through the suggestions, Enter opens the chosen page (or submits
 * the search when none is chosen), Escape closes the list (a second Escape clears
 * the field). Requests wait for a 200 ms pause in typing, a newer request cancels
 * the older one, and any failure simply leaves the plain search form.
 */
(function () {
  "use strict";

  var DELAY = 200;
  var MIN_LENGTH = 2;
  var counter = 0;

  function text(lang, key) {
    var strings = {
      id: { one: "1 saran tersedia.", many: " saran tersedia.", label: "Saran pencarian" },
      en: { one: "1 suggestion available.", many: " suggestions available.", label: "Search suggestions" }
    };
    return (strings[lang] || strings.en)[key];
  }

  function setup(form) {
    var input = form.querySelector("input[name='q']");
    if (!input || !window.fetch || input.hasAttribute("role")) {
      return;
    }
    var lang = (document.documentElement.lang || "id").slice(0, 2);
    var endpoint;
    try {
      endpoint = new URL("suggest/", form.action);
    } catch (error) {
      return;
    }
    counter += 1;
    var listId = "search-suggestions-" + counter;
    var listbox = document.createElement("ul");
    listbox.id = listId;
    listbox.className = "search-suggestions";
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", text(lang, "label"));
    listbox.hidden = true;
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    // The input and its list share a wrapper, so the list can sit under the input
    // (position: relative on the wrapper) and the form's row layout stays as it was.
    var wrapper = document.createElement("div");
    wrapper.className = "search-form__combobox";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    wrapper.appendChild(listbox);
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var timer = null;
    var controller = null;
    var items = [];
    var active = -1;
    var cache = {};

    function options() {
      return listbox.querySelectorAll("[role='option']");
    }

    function close() {
      listbox.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var all = options();
      active = index;
      for (var i = 0; i < all.length; i += 1) {
        all[i].setAttribute("aria-selected", i === index ? "true" : "false");
      }
      if (index >= 0 && all[index]) {
        input.setAttribute("aria-activedescendant", all[index].id);
        if (all[index].scrollIntoView) {
          all[index].scrollIntoView({ block: "nearest" });
        }
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(index) {
      if (items[index] && items[index].url) {
        window.location.assign(items[index].url);
      }
    }

    function render(results) {
      items = Array.isArray(results) ? results.slice(0, 8) : [];
      listbox.textContent = "";
      active = -1;
      if (!items.length) {
        status.textContent = "";
        close();
        return;
      }
      items.forEach(function (item, index) {
        var option = document.createElement("li");
        option.id = listId + "-" + index;
        option.className = "search-suggestions__option";
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = String(item.title || "");
        option.addEventListener("mousedown", function (event) {
          // Keep the focus in the input until the click chooses the page.
          event.preventDefault();
        });
        option.addEventListener("click", function () {
          go(index);
        });
        listbox.appendChild(option);
      });
      listbox.hidden = false;
      input.setAttribute("aria-expanded", "true");
      input.removeAttribute("aria-activedescendant");
      status.textContent = items.length === 1 ? text(lang, "one") : items.length + text(lang, "many");
    }

    function fetchSuggestions(query) {
      if (cache[query]) {
        render(cache[query]);
        return;
      }
      if (controller) {
        controller.abort();
      }
      controller = window.AbortController ? new AbortController() : null;
      var url = new URL(endpoint.href);
      url.searchParams.set("q", query);
      window
        .fetch(url.href, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          signal: controller ? controller.signal : undefined
        })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("suggestions unavailable");
          }
          return response.json();
        })
        .then(function (data) {
          var results = data && Array.isArray(data.results) ? data.results : [];
          cache[query] = results;
          // Only the answer to what is in the field now is shown.
          if (input.value.trim() === query && document.activeElement === input) {
            render(results);
          }
        })
        .catch(function () {
          // Aborted, offline or a server error: the plain search form still works.
          if (input.value.trim() === query) {
            close();
          }
        });
    }

    input.addEventListener("input", function () {
      var query = input.value.trim();
      window.clearTimeout(timer);
      if (query.length < MIN_LENGTH) {
        if (controller) {
          controller.abort();
        }
        render([]);
        return;
      }
      timer = window.setTimeout(function () {
        fetchSuggestions(query);
      }, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var count = options().length;
      if (event.key === "ArrowDown" || event.key === "Down") {
        if (listbox.hidden) {
          if (items.length) {
            listbox.hidden = false;
            input.setAttribute("aria-expanded", "true");
            highlight(0);
          }
        } else if (count) {
          highlight((active + 1) % count);
        }
        event.preventDefault();
      } else if (event.key === "ArrowUp" || event.key === "Up") {
        if (!listbox.hidden && count) {
          highlight(active <= 0 ? count - 1 : active - 1);
          event.preventDefault();
        }
      } else if (event.key === "Enter") {
        if (!listbox.hidden && active >= 0) {
          event.preventDefault();
          go(active);
        }
      } else if (event.key === "Escape" || event.key === "Esc") {
        if (!listbox.hidden) {
          close();
        } else {
          input.value = "";
        }
        event.preventDefault();
      }
    });

    input.addEventListener("blur", function () {
      close();
    });
  }

  function init() {
    var forms = document.querySelectorAll("form.search-form");
    for (var i = 0; i < forms.length; i += 1) {
      setup(forms[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
