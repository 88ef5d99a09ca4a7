/*
 * Site search over the Pagefind index written by congkhai/search.py.
 *
 * The header box (every page) lives here, with what search-page.js (/tim-kiem/) shares. Pagefind's
 * script, wasm and index chunks are fetched only when someone starts typing, from the folder
 * next to the site root that this page links to (data-ck-base = Material's base_url), so the
 * built site works on any static server and under a sub-path.
 *
 * Vietnamese: Pagefind folds tone marks itself; "đ" is folded here (queries) and at build time
 * (records carry đ-free copies of their đ-words after a "⁂" mark, cut off before excerpts).
 */
(function () {
  "use strict";

  var FOLD_MARK = "\u2042";
  var FACETS = ["loai", "cap_hoc", "nam_hoc", "tinh_thanh", "quan_huyen", "thong_tu", "tieu_chuan", "tieu_chi", "kinh_phi"];
  var HEADER_LIMIT = 8;

  // --- Folding and query normalisation (mirror of congkhai/search.py) --------------------------

  function foldD(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D");
  }

  function fold(text) {
    return foldD(text.toLowerCase()).normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");
  }

  var PREFIXED_ID = /(?<![\p{L}\p{N}_])(?:ti[eê]u[\s_-]*ch[ií]|tc)[\s_-]*(m4|[1-5])[._-]([1-9][0-9]?)(?![\p{L}\p{N}_.])/iu;
  var BARE_ID = /(?<![\p{L}\p{N}_.,/])(m4|[1-5])\.([1-9][0-9]?)(?![\p{L}\p{N}_/]|[.,]\d)/iu;
  var CRITERION_ID = /^(?:[1-9]\.[1-9][0-9]?|M4\.[1-9])$/;

  function normaliseQuery(raw) {
    var text = (raw || "").normalize("NFC");
    var criterion = null;
    var m = PREFIXED_ID.exec(text) || BARE_ID.exec(text);
    if (m) {
      var cid = m[1].toUpperCase() + "." + m[2];
      if (CRITERION_ID.test(cid)) {
        criterion = cid;
        text = text.slice(0, m.index) + " " + text.slice(m.index + m[0].length);
      }
    }
    var words = foldD(text).split(/\s+/).filter(function (w) { return /[\p{L}\p{N}_]/u.test(w); });
    return { text: words.join(" "), criterion: criterion };
  }

  // --- Excerpts: the record's own text, query words marked with their diacritics kept ----------

  function wordKey(token) {
    return fold(token).replace(/[^\p{L}\p{N}]/gu, "");
  }

  /* Returns [{text, mark}] pieces: a window of about `size` words around the most matches. */
  function excerpt(content, query, size) {
    var visible = content.split(FOLD_MARK)[0].trim();
    var words = visible.split(/\s+/).filter(Boolean);
    var terms = fold(query).split(/\s+/).map(function (t) { return t.replace(/[^\p{L}\p{N}]/gu, ""); }).filter(Boolean);
    var keys = words.map(wordKey);
    var hit = keys.map(function (k) { return terms.some(function (t) { return k === t; }); });
    // A term with no whole-word match was matched as a prefix (Pagefind extends words).
    terms.forEach(function (t) {
      if (!keys.some(function (k) { return k === t; })) {
        keys.forEach(function (k, i) { if (k.indexOf(t) === 0) hit[i] = true; });
      }
    });
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

  // --- Pagefind --------------------------------------------------------------------------------

  var pagefindPromise = null;

  function siteRoot(base) {
    return new URL((base || ".").replace(/\/?$/, "/"), window.location.href);
  }

  function loadPagefind(base) {
    if (!pagefindPromise) {
      var root = siteRoot(base);
      pagefindPromise = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return pf.options({
          baseUrl: root.pathname,
          // Pagefind searches in a web worker (41 KB more on the first query, 12 KB compressed):
          // on a big index a common word takes seconds, and the page must not freeze meanwhile.
          // Rank "thu" as "thư" above "thường": exact-length words first (measured on the seeds).
          ranking: { termSimilarity: 8 },
        }).then(function () { return pf; });
      });
      pagefindPromise.catch(function () { pagefindPromise = null; });
    }
    return pagefindPromise;
  }

  /* filters: {key: [values]}; the query's criterion id becomes the tieu_chi filter. */
  function pagefindFilters(filters, criterion) {
    var out = {};
    Object.keys(filters || {}).forEach(function (k) {
      if (filters[k] && filters[k].length) out[k] = { any: filters[k].slice() };
    });
    if (criterion) {
      var chosen = out.tieu_chi ? out.tieu_chi.any : null;
      out.tieu_chi = { any: !chosen || chosen.indexOf(criterion) >= 0 ? [criterion] : [] };
    }
    return out;
  }

  function hasFilters(filters) {
    return Object.keys(filters).some(function (k) { return filters[k].length; });
  }

  /* Runs a search; resolves to null when there is nothing to search for. */
  function runSearch(pf, raw, filters) {
    var q = normaliseQuery(raw);
    var pff = pagefindFilters(filters, q.criterion);
    if (!q.text && !q.criterion && !hasFilters(filters || {})) return Promise.resolve(null);
    // Without words (a criterion id alone), results come in index order: criterion pages,
    // then school by school, newest plan first.
    return pf.search(q.text || null, { filters: pff }).then(function (r) {
      r.query = q;
      return r;
    });
  }

  // --- Presenting a result ---------------------------------------------------------------------

  var CIRCULARS = { tt17: "Thông tư 17/2018", tt18: "Thông tư 18/2018", tt19: "Thông tư 19/2018" };

  /* What a result is, from its URL (records carry no kind field: meta words are searchable). */
  function describe(data) {
    var path = data.url.replace(/^.*?\/(truong|tieu-chi)\//, "$1/");
    var parts = path.split("#")[0].split("/").filter(Boolean);
    var meta = data.meta || {};
    if (parts[0] === "tieu-chi") {
      return { kind: "tieu-chi", title: "Tiêu chí " + meta.title, sub: CIRCULARS[parts[1]] || "" };
    }
    if (parts.length >= 3 && data.url.indexOf("#") >= 0) {
      var name = meta.ten ? ": " + meta.ten : "";
      return { kind: "muc", title: "Tiêu chí " + meta.title + name, sub: meta.truong + " · năm học " + parts[2] };
    }
    if (parts.length >= 3) {
      return { kind: "ke-hoach", title: "Kế hoạch năm học " + parts[2], sub: meta.truong };
    }
    return { kind: "truong", title: meta.title, sub: "" };
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
      metaLine.textContent = n ? n + " kết quả" : "Không tìm thấy kết quả nào";
      Promise.all(r.results.slice(0, HEADER_LIMIT).map(function (x) { return x.data(); })).then(function (items) {
        if (id !== seq) return;
        items.forEach(function (data) {
          var d = describe(data);
          var li = document.createElement("li");
          li.className = "md-search-result__item";
          var a = document.createElement("a");
          a.className = "md-search-result__link";
          a.href = data.url;
          a.setAttribute("data-ck-kind", d.kind);
          var art = document.createElement("article");
          art.className = "md-search-result__article md-typeset";
          var icon = document.createElement("div");
          icon.className = "md-search-result__icon md-icon";
          var h = document.createElement("h1");
          h.textContent = d.title;
          art.appendChild(icon);
          art.appendChild(h);
          if (d.sub) {
            var s = document.createElement("p");
            s.className = "ck-search-sub";
            s.textContent = d.sub;
            art.appendChild(s);
          }
          var p = document.createElement("p");
          renderPieces(p, excerpt(data.content, r.query.text, 24));
          art.appendChild(p);
          a.appendChild(art);
          li.appendChild(a);
          list.appendChild(li);
        });
        if (n > HEADER_LIMIT) {
          var li = document.createElement("li");
          li.className = "md-search-result__item ck-search-all";
          var a = document.createElement("a");
          a.className = "md-search-result__link";
          a.href = form.getAttribute("action") + "?q=" + encodeURIComponent(raw);
          a.textContent = "Xem tất cả " + n + " kết quả";
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
      loadPagefind(base).then(function (pf) { return runSearch(pf, raw, {}); }).then(function (r) {
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
    input.addEventListener("keydown", function () { loadPagefind(base).catch(function () {}); }, { once: true });
  }

  // --- Start -------------------------------------------------------------------------------------

  // Shared with search-page.js (the /tim-kiem/ page) and used by the tests.
  window.congkhaiSearch = {
    facets: FACETS, foldD: foldD, fold: fold, normaliseQuery: normaliseQuery, excerpt: excerpt,
    renderPieces: renderPieces, describe: describe, loadPagefind: loadPagefind, runSearch: runSearch,
  };

  function start() {
    var box = document.querySelector("[data-ck-search]");
    if (box) initHeader(box);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
