/*
 * Site search over the Pagefind index written by congkhai/outputs/search/: the engine.
 *
 * Three files, loaded in this order by the header of every page: search.js (this one: query
 * normalisation, loading Pagefind and merging the bundles of a search), search-rank.js (the
 * hits of a result and their order) and search-render.js (excerpts and the header box, and
 * window.congkhaiSearch, shared with search-page.js on /tim-kiem/). They share their parts
 * through window.congkhaiSearchParts. Pagefind's script, wasm and index chunks are fetched only
 * when someone starts typing, from the folder next to the site root that this page links to
 * (data-ck-base = Material's base_url), so the built site works on any static server and under
 * a sub-path.
 *
 * Vietnamese: Pagefind folds tone marks itself; "đ" is folded here (queries) and at build time
 * (records carry đ-free copies of their đ-words after a "⁂" mark, cut off before excerpts).
 */
(function (S) {
  "use strict";

  var FACETS = ["loai", "cap_hoc", "nam_hoc", "tinh_thanh", "quan_huyen", "thong_tu", "tieu_chuan", "tieu_chi", "kinh_phi"];

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

  /* A word as the index and the ranking compare it: folded, without punctuation. */
  function wordKey(token) {
    return fold(token).replace(/[^\p{L}\p{N}]/gu, "");
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

  /* Warm the script, the wasm and the default years while the reader is still typing. */
  function preload(base) {
    return loadScope(base).then(function (scope) { return instanceFor(base, scope, scope.mac_dinh); });
  }

  // --- Shared with search-rank.js and search-render.js ------------------------------------------

  S.facets = FACETS;
  S.foldD = foldD;
  S.fold = fold;
  S.normaliseQuery = normaliseQuery;
  S.wordKey = wordKey;
  S.loadScope = loadScope;
  S.yearsFor = yearsFor;
  S.instanceFor = instanceFor;
  S.lighten = lighten;
  S.search = search;
  S.preload = preload;
})(window.congkhaiSearchParts = window.congkhaiSearchParts || {});
