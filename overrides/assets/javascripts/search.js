/*
 * Site search over the Pagefind index written by congkhai/outputs/search/.
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

  // --- Folding and query normalisation (mirror of congkhai/outputs/search/) --------------------------

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

  // --- Pagefind: the bundles a search reads --------------------------------------------------
  //
  // pagefind/ is the main bundle (schools, criteria, the newest years' plans; Pagefind's script
  // and wasm); pagefind/pham-vi.json gives each older school year its bundle (pagefind/nam-hoc/
  // ...; small years share one) and names the newest years, searched when the reader has chosen
  // none. A search reads the main bundle merged with the bundles of its older years, so what it
  // downloads grows with the plans of those years, not with the whole site. Each set of bundles
  // gets its own Pagefind instance.

  var modulePromise = null;
  var scopePromise = null;
  var instances = {};

  function siteRoot(base) {
    return new URL((base || ".").replace(/\/?$/, "/"), window.location.href);
  }

  function loadScope(base) {
    if (!scopePromise) {
      scopePromise = fetch(new URL("pagefind/pham-vi.json", siteRoot(base)).href).then(function (r) {
        if (!r.ok) throw new Error("pham-vi.json " + r.status);
        return r.json();
      });
      scopePromise.catch(function () { scopePromise = null; });
    }
    return scopePromise;
  }

  /* The years a search reads: those chosen in the nam_hoc filter, else the default ones. */
  function yearsFor(scope, filters) {
    var known = scope.nam_hoc.map(function (y) { return y.nam_hoc; });
    var chosen = ((filters && filters.nam_hoc) || []).filter(function (y) { return known.indexOf(y) >= 0; });
    return chosen.length ? known.filter(function (y) { return chosen.indexOf(y) >= 0; }) : scope.mac_dinh.slice();
  }

  /* The Pagefind instance that searches the main bundle merged with the given years' bundles
     (years may share one; the newest years' plans are in the main bundle itself). */
  function instanceFor(base, scope, years) {
    var dirs = [];
    scope.nam_hoc.forEach(function (y) {
      if (y.thu_muc && years.indexOf(y.nam_hoc) >= 0 && dirs.indexOf(y.thu_muc) < 0) dirs.push(y.thu_muc);
    });
    var key = dirs.join(",");
    if (!instances[key]) {
      var root = siteRoot(base);
      if (!modulePromise) modulePromise = import(new URL("pagefind/pagefind.js", root).href);
      instances[key] = modulePromise.then(function (mod) {
        var pf = mod.createInstance({ basePath: root.pathname + "pagefind/" });
        // Pagefind searches in a web worker (41 KB more on the first query, 12 KB compressed):
        // on a big index a common word takes seconds, and the page must not freeze meanwhile.
        // Rank "thu" as "thư" above "thường": exact-length words first (measured on the seeds).
        return pf.options({ baseUrl: root.pathname, ranking: { termSimilarity: 8 } })
          .then(function () {
            // Newest first: results without words come in that order.
            return dirs.reduce(function (done, dir) {
              return done.then(function () { return pf.mergeIndex(root.pathname + "pagefind/" + dir); });
            }, Promise.resolve());
          })
          .then(function () { return pf; });
      });
      instances[key].catch(function () { delete instances[key]; modulePromise = null; });
    }
    return instances[key];
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

  /* A query of many very common words would download their long posting lists: in the
     default years, while the words' counts there (scope.tu_pho_bien) add up to more than the
     budget (scope.ngan_sach_tu), the commonest word is left out, down to one word. "thu vien"
     stays whole; "trường" leaves "truong tan son thu vien", as it is in nearly every plan and
     tells nothing. (Pagefind extends a word only within the chunk it loads, so a word's own
     count is its cost.) */
  function lighten(text, counts, budget) {
    var words = text ? text.split(" ") : [];
    var cost = words.map(function (w) { return counts[wordKey(w)] || 0; });
    var total = cost.reduce(function (a, b) { return a + b; }, 0);
    var dropped = [];
    while (total > budget && words.length > 1) {
      var i = cost.indexOf(Math.max.apply(null, cost));
      total -= cost[i];
      dropped.push(words.splice(i, 1)[0]);
      cost.splice(i, 1);
    }
    return { text: words.join(" "), dropped: dropped };
  }

  /* Runs a search; resolves to null when there is nothing to search for. The result carries
     the query (its words left out in query.dropped), the years read and the scope. */
  function search(base, raw, filters) {
    filters = filters || {};
    var q = normaliseQuery(raw);
    if (!q.text && !q.criterion && !hasFilters(filters)) return Promise.resolve(null);
    return loadScope(base).then(function (scope) {
      var years = yearsFor(scope, filters);
      // Years the reader chose are searched with every word: they asked for that download.
      var light = years.join() === scope.mac_dinh.join() ? lighten(q.text, scope.tu_pho_bien || {}, scope.ngan_sach_tu) : null;
      if (light && light.dropped.length) q = { text: light.text, criterion: q.criterion, dropped: light.dropped };
      return instanceFor(base, scope, years).then(function (pf) {
        // Without words (a criterion id alone), results come in index order: criterion pages,
        // schools, then the plans of each year, newest year first.
        return pf.search(q.text || null, { filters: pagefindFilters(filters, q.criterion) });
      }).then(function (r) {
        r.query = q;
        r.years = years;
        r.scope = scope;
        r.rows = rowFilter(filters, q.criterion);
        return r;
      });
    });
  }

  /* Tells the reader which words were left out (see lighten). */
  function skipped(query) {
    return query.dropped && query.dropped.length ? " (bỏ qua từ quá phổ biến: " + query.dropped.join(", ") + ")" : "";
  }

  /* Warm the script, the wasm and the default years while the reader is still typing. */
  function preload(base) {
    return loadScope(base).then(function (scope) { return instanceFor(base, scope, scope.mac_dinh); });
  }

  // --- Presenting a result ---------------------------------------------------------------------

  var CIRCULARS = { tt17: "Thông tư 17/2018", tt18: "Thông tư 18/2018", tt19: "Thông tư 19/2018" };

  /* What a result is, from its URL (records carry no kind field: meta words are searchable). */
  function describe(data) {
    var path = data.url.replace(/^.*?\/(truong|tieu-chi)\//, "$1/");
    var parts = path.split("#")[0].split("/").filter(Boolean);
    var meta = data.meta || {};
    if (parts[0] === "tieu-chi") {
      return { kind: "tieu-chi", title: "Tiêu chí " + meta.title, sub: CIRCULARS[parts[1]] || "", year: null };
    }
    if (parts.length >= 3) {
      return { kind: "ke-hoach", title: "Kế hoạch năm học " + parts[2], sub: meta.truong, year: parts[2] };
    }
    return { kind: "truong", title: meta.title, sub: "", year: null };
  }

  /* Which rows of a plan a search is about: the criteria of the tieu_chi filter (or of the
     query's id) and the budget filter, applied per row (the plan's filters are its rows'). */
  function rowFilter(filters, criterion) {
    var criteria = criterion ? [criterion] : ((filters && filters.tieu_chi) || []).slice();
    var budget = (filters && filters.kinh_phi) || [];
    return {
      anchors: criteria.map(function (c) { return "tieu-chi-" + c.toLowerCase().replace(".", "-"); }),
      budget: budget.length === 1 ? budget[0] === "co" : null,
    };
  }

  function isActive(rows) {
    return !!(rows && (rows.anchors.length || rows.budget !== null));
  }

  /* A result's sections: its own text, then for a plan one per row, cut from the record's
     text at the row headings' positions (Pagefind's word positions count whitespace-separated
     words). */
  function sections(data, plan) {
    var words = (data.content || "").split(/[\r\n\s]+/g);
    var heads = plan ? (data.anchors || []).filter(function (a) {
      return /^h\d$/i.test(a.element) && /^tieu-chi-/.test(a.id || "");
    }).sort(function (a, b) { return a.location - b.location; }) : [];
    var budget = (data.meta && data.meta.kinh_phi_muc) || "";
    var out = [{ id: null, start: 0, end: heads.length ? heads[0].location : words.length, body: 0 }];
    heads.forEach(function (a, i) {
      out.push({
        id: a.id, heading: a.text, start: a.location, budget: budget.charAt(i) === "1",
        end: i + 1 < heads.length ? heads[i + 1].location : words.length,
        body: a.location + a.text.split(/\s+/).filter(Boolean).length,
      });
    });
    out.forEach(function (s) { s.text = words.slice(Math.max(s.start, s.body), s.end).join(" "); });
    return { words: words, list: out };
  }

  /* Scores each section for the query: `cover`, how many of the query's words it holds;
     `pairs`, how many of the query's neighbouring words follow each other there too (a section
     that says "thư viện" is about the library, one with "thư" and "viện" apart is not), and
     `phrases`, how many times; `score`, Pagefind's weight for its matches. */
  function score(parts, terms, data) {
    var list = parts.list;
    list.forEach(function (s) { s.score = 0; s.at = {}; });
    (data.weighted_locations || []).forEach(function (w) {
      for (var i = list.length - 1; i >= 0; i -= 1) {
        if (w.location >= list[i].start) {
          var key = wordKey(parts.words[w.location] || "");
          list[i].score += w.balanced_score;
          list[i].at[w.location] = terms.filter(function (t) { return key === t || key.indexOf(t) === 0; });
          break;
        }
      }
    });
    list.forEach(function (s) {
      var seen = {}, pairs = {};
      s.phrases = 0;
      Object.keys(s.at).forEach(function (loc) {
        var here = s.at[loc], next = s.at[+loc + 1] || [];
        here.forEach(function (t) {
          seen[t] = true;
          var i = terms.indexOf(t);
          if (i + 1 < terms.length && next.indexOf(terms[i + 1]) >= 0) {
            pairs[i] = true;
            s.phrases += 1;
          }
        });
      });
      s.cover = Object.keys(seen).length;
      s.pairs = Object.keys(pairs).length;
    });
  }

  /* Within a plan: more of the query's neighbours side by side, then more often for its
     length (the row on the library says "thư viện" more densely than one that mentions it
     among other needs), then more of its words. */
  function better(a, b) {
    var density = function (s) { return s.phrases / Math.sqrt(Math.max(1, s.end - s.start)); };
    return b.pairs - a.pairs || density(b) - density(a) || b.cover - a.cover || b.score - a.score;
  }

  /* Words of the query that a plan's school name holds ("tan son" in "truong tan son thu vien"):
     the plan matches them as a whole, so its rows are ranked by the other words, and its hits
     count them as found (cover) and, where they follow each other in the name too, as pairs. */
  function nameMatch(terms, name) {
    var keys = fold(name || "").split(/\s+/).map(function (k) { return k.replace(/[^\p{L}\p{N}]/gu, ""); });
    var at = function (t) {
      for (var i = 0; i < keys.length; i += 1) if (keys[i] === t || keys[i].indexOf(t) === 0) return i;
      return -1;
    };
    var inName = terms.filter(function (t) { return at(t) >= 0; });
    var rest = terms.filter(function (t) { return at(t) < 0; });
    if (!inName.length || !rest.length) return { terms: terms, cover: 0, pairs: 0 };
    var pairs = 0;
    for (var i = 0; i + 1 < terms.length; i += 1) {
      if (at(terms[i]) >= 0 && at(terms[i + 1]) === at(terms[i]) + 1) pairs += 1;
    }
    return { terms: rest, cover: inName.length, pairs: pairs };
  }

  function queryTerms(query) {
    return fold(query.text || "").split(/\s+/).map(function (t) { return t.replace(/[^\p{L}\p{N}]/gu, ""); }).filter(Boolean);
  }

  /* The hits of one result, best first: a school or criterion page is one hit; a plan gives its
     matching rows (and its own text when that matches), the best first (see score). A hit's
     `words` are those its excerpt marks. */
  function hits(data, query, rows) {
    var d = describe(data);
    var plan = d.kind === "ke-hoach";
    var parts = sections(data, plan);
    var all = queryTerms(query);
    var name = plan ? nameMatch(all, (data.meta || {}).truong) : { terms: all, cover: 0, pairs: 0 };
    var terms = name.terms;
    score(parts, terms, data);
    var list = parts.list;
    if (!plan) {
      var s0 = list[0];
      return [{ url: data.url, kind: d.kind, title: d.title, sub: d.sub, text: data.content || "",
                words: terms.join(" "), pairs: s0.pairs, cover: s0.cover, score: s0.score }];
    }
    var chosen = list.filter(function (s) {
      if (s.id === null) return !isActive(rows) && (!terms.length || s.cover > 0);
      if (rows && rows.anchors.length && rows.anchors.indexOf(s.id) < 0) return false;
      if (rows && rows.budget !== null && s.budget !== rows.budget) return false;
      return terms.length ? s.cover > 0 : isActive(rows);
    });
    if (!chosen.length) chosen = [list[0]];
    if (terms.length) chosen.sort(better);
    return chosen.map(function (s) {
      var hit = { url: data.url, kind: "ke-hoach", title: d.title, sub: d.sub, text: s.text,
                  words: terms.join(" "), pairs: s.pairs + name.pairs, cover: s.cover + name.cover, score: s.score };
      if (s.id !== null) {
        var m = /^(\S+)\s*(.*)$/.exec(s.heading);
        hit.url = data.url.split("#")[0] + "#" + s.id;
        hit.kind = "muc";
        hit.title = "Tiêu chí " + m[1] + (m[2] ? ": " + m[2] : "");
        hit.sub = d.sub + " · năm học " + d.year;
      }
      return hit;
    });
  }

  // Among equally good hits: a school (its name was typed), then what plans say, then the
  // criterion's own wording (reached first when its id is typed).
  var KIND_ORDER = { "truong": 0, "muc": 1, "ke-hoach": 1, "tieu-chi": 2 };

  /* Loads the given results and their hits; among them, those whose best hit has the query's
     words next to each other, then more of its words, come first (Pagefind ranks whole plans
     by word counts; it knows nothing of "thư viện" being two words in a row). */
  function load(results, query, rows) {
    return Promise.all(results.map(function (x) { return x.data(); })).then(function (items) {
      var out = items.map(function (data, i) { return { data: data, hits: hits(data, query, rows), rank: i }; });
      if (queryTerms(query).length > 1) {
        out.sort(function (a, b) {
          var x = a.hits[0], y = b.hits[0];
          return y.pairs - x.pairs || y.cover - x.cover || KIND_ORDER[x.kind] - KIND_ORDER[y.kind] || a.rank - b.rank;
        });
      }
      return out;
    });
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
    facets: FACETS, foldD: foldD, fold: fold, normaliseQuery: normaliseQuery, excerpt: excerpt,
    renderPieces: renderPieces, describe: describe, hits: hits, load: load, search: search, loadScope: loadScope,
    yearsFor: yearsFor, instanceFor: instanceFor, skipped: skipped, lighten: lighten,
  };

  function start() {
    var box = document.querySelector("[data-ck-search]");
    if (box) initHeader(box);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
