/*
 * Site search: rendering. Excerpts with the query's words marked, the header box (Material's
 * look, Pagefind's index), and window.congkhaiSearch, published once all three search files
 * have run (so whatever waits for it finds every part). Needs search.js and search-rank.js first.
 */
(function (S) {
  "use strict";

  var FOLD_MARK = "\u2042";
  var HEADER_LIMIT = 8;
  var fold = S.fold;
  var wordKey = S.wordKey;
  var search = S.search;
  var preload = S.preload;
  var load = S.load;

  // --- Excerpts: the record's own text, query words marked with their diacritics kept ----------

  /* Which words an excerpt marks: what the query matched as a phrase, i.e. the longest runs
     of the query's words in its order («thư viện», not every «viên» of «giáo viên»). A query
     of several words marks nothing where no two of them stand together: a lone «viên» is not
     what was asked. A one-word query marks the word where it stands whole. Only the last
     word, which the reader may still be typing, also marks words it starts (as Pagefind
     extends it), and only where it stands nowhere whole: «thu vien» never marks «thường». */
  function phraseMarks(keys, terms) {
    var n = terms.length;
    var hit = keys.map(function () { return false; });
    if (!n) return hit;
    var last = terms[n - 1];
    var lastWhole = keys.some(function (k) { return k === last; });
    function matches(k, j) {
      return k === terms[j] || (j === n - 1 && !lastWhole && k.indexOf(last) === 0);
    }
    var runs = [], best = 0;
    for (var i = 0; i < keys.length; i += 1) {
      for (var j = 0; j < n; j += 1) {
        var len = 0;
        while (i + len < keys.length && j + len < n && matches(keys[i + len], j + len)) len += 1;
        if (len) runs.push({ at: i, len: len });
        if (len > best) best = len;
      }
    }
    if (n > 1 && best < 2) return hit;
    runs.forEach(function (r) {
      if (r.len === best) for (var k = 0; k < r.len; k += 1) hit[r.at + k] = true;
    });
    return hit;
  }

  /* Returns [{text, mark}] pieces: a window of about `size` words around the most marks. */
  function excerpt(content, query, size) {
    var visible = content.split(FOLD_MARK)[0].trim();
    var words = visible.split(/\s+/).filter(Boolean);
    var terms = fold(query).split(/\s+/).map(function (t) { return t.replace(/[^\p{L}\p{N}]/gu, ""); }).filter(Boolean);
    var hit = phraseMarks(words.map(wordKey), terms);
    size = size || 30;
    var best = 0, bestCount = -1;
    for (var start = 0; start < Math.max(1, words.length - size + 1); start += 1) {
      var count = 0;
      for (var i = start; i < Math.min(words.length, start + size); i += 1) if (hit[i]) count += 1;
      if (count > bestCount) { best = start; bestCount = count; }
    }
    var pieces = [];
    if (best > 0) pieces.push({ text: "… " });
    for (var j = best; j < Math.min(words.length, best + size); j += 1) {
      pieces.push({ text: words[j], mark: hit[j] });
      pieces.push({ text: " " });
    }
    pieces.pop();
    if (best + size < words.length) pieces.push({ text: " …" });
    return pieces;
  }

  function renderPieces(parent, pieces) {
    pieces.forEach(function (p) {
      if (p.mark) {
        var m = document.createElement("mark");
        m.textContent = p.text;
        parent.appendChild(m);
      } else {
        parent.appendChild(document.createTextNode(p.text));
      }
    });
  }

  /* The OCR flag of a hit from an OCR plan (its words: data-ck-ocr-note on the search box or
     page, from congkhai/pages/notices.py), or null. */
  function ocrFlag(hit, root) {
    if (!hit.ocr) return null;
    var p = document.createElement("p");
    p.className = "ck-ocr-flag";
    p.textContent = root.getAttribute("data-ck-ocr-note") || "OCR";
    return p;
  }

  /* Tells the reader which words were left out (see lighten in search.js). */
  function skipped(query) {
    return query.dropped && query.dropped.length ? " (bỏ qua từ quá phổ biến: " + query.dropped.join(", ") + ")" : "";
  }

  // --- Header search box (Material's look, Pagefind's index) -----------------------------------

  function initHeader(box) {
    var form = box.querySelector("form");
    var input = form.querySelector("input[name=q]");
    var toggle = document.getElementById("__search");
    var metaLine = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");
    var base = form.getAttribute("data-ck-base");
    var placeholder = metaLine.textContent;
    var timer = null;
    var seq = 0;

    function open(on) {
      if (toggle && toggle.checked !== on) {
        toggle.checked = on;
        toggle.dispatchEvent(new Event("change"));
      }
    }

    function render(r, raw, id) {
      if (id !== seq) return;
      list.textContent = "";
      if (!r) { metaLine.textContent = placeholder; box.removeAttribute("data-ck-rendered"); return; }
      var n = r.results.length;
      var partial = r.years.length < r.scope.nam_hoc.length;
      metaLine.textContent = (n ? n + " kết quả" : "Không tìm thấy kết quả nào") +
        (partial ? " trong năm học " + r.years.join(", ") : "") + skipped(r.query);
      load(r.results.slice(0, HEADER_LIMIT), r.query, r.rows).then(function (items) {
        if (id !== seq) return;
        items.forEach(function (item) {
          var found = item.hits;
          var hit = found[0];
          var li = document.createElement("li");
          li.className = "md-search-result__item";
          var a = document.createElement("a");
          a.className = "md-search-result__link";
          a.href = hit.url;
          a.setAttribute("data-ck-kind", hit.kind);
          var art = document.createElement("article");
          art.className = "md-search-result__article md-typeset";
          var icon = document.createElement("div");
          icon.className = "md-search-result__icon md-icon";
          var h = document.createElement("h1");
          h.textContent = hit.title;
          art.appendChild(icon);
          art.appendChild(h);
          var sub = (hit.sub || "") + (found.length > 1 ? " · thêm " + (found.length - 1) + " mục khớp" : "");
          if (sub) {
            var s = document.createElement("p");
            s.className = "ck-search-sub";
            s.textContent = sub;
            art.appendChild(s);
          }
          var flag = ocrFlag(hit, box);
          if (flag) art.appendChild(flag);
          var p = document.createElement("p");
          renderPieces(p, excerpt(hit.text, hit.words, 24));
          art.appendChild(p);
          a.appendChild(art);
          li.appendChild(a);
          list.appendChild(li);
        });
        if (n > HEADER_LIMIT || partial) {
          var li = document.createElement("li");
          li.className = "md-search-result__item ck-search-all";
          var a = document.createElement("a");
          a.className = "md-search-result__link";
          a.href = form.getAttribute("action") + "?q=" + encodeURIComponent(raw);
          a.textContent = n > HEADER_LIMIT ? "Xem tất cả " + n + " kết quả" : "Tìm trong các năm học khác";
          li.appendChild(a);
          list.appendChild(li);
        }
        box.setAttribute("data-ck-rendered", raw); // for tests and benchmarks: results are in
      });
    }

    function update() {
      var raw = input.value;
      var id = ++seq;
      if (!raw.trim()) { render(null, raw, id); return; }
      metaLine.textContent = "Đang tìm…";
      search(base, raw, {}).then(function (r) {
        render(r, raw, id);
      }, function () {
        if (id === seq) metaLine.textContent = "Không tải được chỉ mục tìm kiếm";
      });
    }

    input.addEventListener("focus", function () { open(true); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 120);
    });
    if (toggle) {
      toggle.addEventListener("change", function () {
        if (toggle.checked && document.activeElement !== input) input.focus();
        if (!toggle.checked) input.blur();
      });
    }
    form.addEventListener("reset", function () {
      setTimeout(function () { update(); input.focus(); }, 0);
    });
    document.addEventListener("keydown", function (e) {
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      var active = document.activeElement;
      var typing = active && (active.isContentEditable || /^(input|textarea|select)$/i.test(active.tagName));
      if (!typing && (e.key === "/" || e.key === "s" || e.key === "f")) {
        e.preventDefault();
        input.focus();
        input.select();
        return;
      }
      if (!toggle || !toggle.checked) return;
      if (e.key === "Escape") {
        open(false);
        return;
      }
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        var links = Array.prototype.slice.call(list.querySelectorAll("a"));
        if (!links.length) return;
        var i = links.indexOf(active);
        i = e.key === "ArrowDown" ? Math.min(links.length - 1, i + 1) : i - 1;
        e.preventDefault();
        (i < 0 ? input : links[i]).focus();
      }
    });
    list.addEventListener("click", function (e) {
      if (e.target.closest("a")) open(false);
    });
    // Warm the bundle while the reader is still typing the first word.
    input.addEventListener("keydown", function () { preload(base).catch(function () {}); }, { once: true });
  }

  // --- Start -------------------------------------------------------------------------------------

  // Shared with search-page.js (the /tim-kiem/ page) and used by the tests.
  window.congkhaiSearch = {
    facets: S.facets, foldD: S.foldD, fold: fold, normaliseQuery: S.normaliseQuery, excerpt: excerpt,
    renderPieces: renderPieces, ocrFlag: ocrFlag, describe: S.describe, hits: S.hits, load: load, search: search, loadScope: S.loadScope,
    yearsFor: S.yearsFor, instanceFor: S.instanceFor, skipped: skipped, lighten: S.lighten,
  };

  function start() {
    var box = document.querySelector("[data-ck-search]");
    if (box) initHeader(box);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(window.congkhaiSearchParts);
