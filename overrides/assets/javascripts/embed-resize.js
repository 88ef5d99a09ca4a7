/*
 * Embeds of /nhung/<slug>/ in a school's own website, sized to their content.
 *
 * One small file with three roles, chosen by where it runs:
 *  - inside the embed page (<html data-ck-embed>): tell the parent window our height whenever
 *    it changes (load, resize, <details> opened, fonts...);
 *  - on the host page (the school portal, which includes this file next to the <iframe
 *    data-congkhai>): set each such iframe's height to what its own page reports;
 *  - on our school page: turn the snippet boxes' relative addresses into absolute ones (when the
 *    site was built without site_url) and wire the "Sao chép" buttons.
 * No dependencies, no cookies, no network requests.
 */
(function () {
  "use strict";
  var TYPE = "congkhai:embed-height";
  var HELLO = "congkhai:embed-hello";
  var root = document.documentElement;

  // --- inside the embed page -----------------------------------------------------------------
  if (root.hasAttribute("data-ck-embed")) {
    if (window.parent === window) return;
    var last = -1;
    var report = function () {
      var height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        // Only a number is sent, so any host may receive it.
        window.parent.postMessage({ type: TYPE, height: height }, "*");
      }
    };
    // The host's copy of this script may load after our first report (it is async): it then
    // says hello and we report again.
    window.addEventListener("message", function (event) {
      if (event.source === window.parent && event.data && event.data.type === HELLO) {
        last = -1;
        report();
      }
    });
    if ("ResizeObserver" in window) new ResizeObserver(report).observe(document.body);
    window.addEventListener("load", report);
    window.addEventListener("resize", report);
    document.addEventListener("toggle", report, true);
    report();
    return;
  }

  // --- on the host page ----------------------------------------------------------------------
  if (!window.__congkhaiEmbed) {
    window.__congkhaiEmbed = true;
    window.addEventListener("message", function (event) {
      var data = event.data;
      if (!data || data.type !== TYPE || typeof data.height !== "number" || !isFinite(data.height)) return;
      var frames = document.querySelectorAll("iframe[data-congkhai]");
      for (var i = 0; i < frames.length; i++) {
        // Only the frame that sent the message, and only if it really shows our page.
        if (frames[i].contentWindow !== event.source) continue;
        try {
          if (new URL(frames[i].src, location.href).origin !== event.origin) continue;
        } catch (e) {
          continue;
        }
        frames[i].style.height = Math.max(80, Math.min(Math.round(data.height), 50000)) + "px";
      }
    });
    var hello = function (frame) {
      try {
        frame.contentWindow.postMessage({ type: HELLO }, new URL(frame.src, location.href).origin);
      } catch (e) { /* not loaded yet: its load event will say hello */ }
    };
    var greet = function () {
      var frames = document.querySelectorAll("iframe[data-congkhai]");
      for (var i = 0; i < frames.length; i++) {
        if (frames[i].__congkhai) continue;
        frames[i].__congkhai = true;
        frames[i].addEventListener("load", function (event) { hello(event.target); });
        hello(frames[i]);
      }
    };
    greet();
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", greet);
  }

  // --- on our school page: the "Nhúng vào website của trường" box ----------------------------
  var ready = function () {
    var boxes = document.querySelectorAll("[data-ck-snippet]");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      var rel = box.getAttribute("data-ck-root");
      if (rel) {
        // Built without site_url: the snippet holds paths relative to this page; make them
        // absolute, as they must work from the school's own website.
        var abs = new URL(rel, location.href).href;
        box.value = box.value.split('"' + rel).join('"' + abs);
      }
    }
    var buttons = document.querySelectorAll("button[data-ck-copy]");
    for (var j = 0; j < buttons.length; j++) {
      (function (button) {
        var target = document.getElementById(button.getAttribute("data-ck-copy"));
        if (!target) return;
        button.hidden = false;
        button.addEventListener("click", function () {
          var done = function () {
            button.textContent = "Đã chép";
            setTimeout(function () { button.textContent = "Sao chép"; }, 2000);
          };
          target.focus();
          target.select();
          if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(target.value).then(done, function () {
              if (document.execCommand("copy")) done();
            });
          } else if (document.execCommand("copy")) {
            done();
          }
        });
      })(buttons[j]);
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
