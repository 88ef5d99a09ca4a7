/*
 * The one script in every page's <head>, in place of Material's JavaScript bundle (about 35 KB
 * compressed, most of a phone's first load; the site uses none of what it adds: instant
 * loading, its own search, code copying, tooltips, content tabs). It keeps the two things of
 * the bundle that the site's pages need:
 * - the page is marked as scripted at once, before the first paint: Material's CSS shows the
 *   header search box only then (.no-js hides it);
 * - on phones, while the drawer or the search overlay is open, the page behind them is held
 *   in place (Material's data-md-scrolllock) and the reader is put back where they were after.
 * And one of its own: a plan page's «In kế hoạch» link opens the browser's print dialog (the
 * page prints as the official document); without scripts it leads to the document.
 */
(function () {
  "use strict";
  document.documentElement.classList.replace("no-js", "js");
  var phone = window.matchMedia("(max-width: 59.984375em)");
  var offset = 0;

  function lock(on) {
    var body = document.body;
    if (on && phone.matches && !body.hasAttribute("data-md-scrolllock")) {
      offset = window.scrollY;
      body.setAttribute("data-md-scrolllock", "");
      body.style.top = -offset + "px";
    } else if (!on && body.hasAttribute("data-md-scrolllock")) {
      body.removeAttribute("data-md-scrolllock");
      body.style.top = "";
      window.scrollTo(0, offset);
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-ck-in]");
    if (link && typeof window.print === "function") {
      event.preventDefault();
      window.print();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var toggles = ["__drawer", "__search"].map(function (id) { return document.getElementById(id); }).filter(Boolean);
    toggles.forEach(function (toggle) {
      toggle.addEventListener("change", function () {
        lock(toggles.some(function (t) { return t.checked; }));
      });
    });
  });
})();
