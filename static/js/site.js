/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  if (!document.querySelector || !window.matchMedia) return;

  // The main menu is an open <details> in the HTML, so it is visible without
  // JavaScript. Narrow screens start with it closed behind "Menu"; wide screens
  // always show it. Keep in step with the 48em breakpoint in site.css.
  var wide = window.matchMedia("(min-width: 48em)");
  var menus = document.querySelectorAll("[data-nav-toggle]");
  function syncMenus() {
    for (var i = 0; i < menus.length; i++) {
      menus[i].open = wide.matches;
      menus[i].setAttribute("data-nav-ready", "");
    }
  }
  syncMenus();
  if (wide.addEventListener) wide.addEventListener("change", syncMenus);
  else if (wide.addListener) wide.addListener(syncMenus);

  // After a failed form submission, take the reader to the list of problems.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();

  // A link to #something inside a closed accordion section opens it.
  function openTarget() {
    var id = location.hash.slice(1);
    if (!id) return;
    try { id = decodeURIComponent(id); } catch (e) { return; }
    var target = document.getElementById(id);
    if (!target) return;
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    if (!summary) target.scrollIntoView();
  }
  openTarget();
  window.addEventListener("hashchange", openTarget);

  // Printed pages show every accordion section.
  window.addEventListener("beforeprint", function () {
    var all = document.querySelectorAll("main details");
    for (var i = 0; i < all.length; i++) all[i].open = true;
  });
})();
