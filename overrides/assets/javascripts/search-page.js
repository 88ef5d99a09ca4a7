/*
 * The search page (/tim-kiem/): query, facets with counts, results in pages of 20. The query
 * and the chosen filters live in the address (?q=...&nam_hoc=2023-2024), so a search can be
 * shared and survives a reload. Needs window.congkhaiSearch, which search.js, search-rank.js and
 * search-render.js (loaded by the header of every page) publish first.
 */
(function () {
  "use strict";

  var S = window.congkhaiSearch;
  var FACETS = S.facets;
  var PAGE_SIZE = 20;
  var ROWS_SHOWN = 4; // a plan's matching rows listed under its best one

  function readState() {
    var params = new URLSearchParams(window.location.search);
    var filters = {};
    FACETS.forEach(function (k) { filters[k] = params.getAll(k).filter(Boolean); });
    return { q: params.get("q") || "", filters: filters };
  }

  function writeState(state) {
    var params = new URLSearchParams();
    if (state.q.trim()) params.set("q", state.q.trim());
    FACETS.forEach(function (k) { state.filters[k].forEach(function (v) { params.append(k, v); }); });
    var qs = params.toString();
    var url = window.location.pathname + (qs ? "?" + qs : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(null, "", url);
    }
  }

  function compareValues(key) {
    if (key === "nam_hoc") return function (a, b) { return a < b ? 1 : a > b ? -1 : 0; };
    if (key === "tieu_chi" || key === "tieu_chuan") {
      return function (a, b) { return a.localeCompare(b, "vi", { numeric: true }); };
    }
    return null;
  }

  function initPage(root) {
    var form = root.querySelector("form");
    var input = form.querySelector("input[name=q]");
    var facetsBox = root.querySelector("[data-ck-facets]");
    var facetsFold = root.querySelector("[data-ck-facets-box]");
    var wide = window.matchMedia("(min-width: 45em)");
    var status = root.querySelector("[data-ck-status]");
    var list = root.querySelector("[data-ck-results]");
    var more = root.querySelector("[data-ck-more]");
    var base = root.getAttribute("data-ck-base");
    var labels = JSON.parse(document.getElementById("ck-search-labels").textContent);
    var state = readState();
    var all = null; // every filter value with its count over the years read
    var current = null;
    var shown = 0;
    var seq = 0;
    var timer = null;

    input.value = state.q;
    // Filters stay open beside the results on wide screens; on phones they fold under a summary.
    facetsFold.open = wide.matches;
    wide.addEventListener("change", function () { facetsFold.open = wide.matches; });

    function label(key, value) {
      var map = labels.values[key];
      return (map && map[value]) || value;
    }

    /* Facets: values from the whole index of the years read (all); the years from the scope,
       since a year not read has no count until it is chosen. */
    function renderFacets(counts, scope, years) {
      facetsBox.textContent = "";
      var chosen = FACETS.reduce(function (n, k) { return n + state.filters[k].length; }, 0);
      facetsFold.querySelector("summary").textContent = "Bộ lọc" + (chosen ? " (" + chosen + " đang chọn)" : "");
      FACETS.forEach(function (key) {
        var chosen = state.filters[key];
        var values;
        if (key === "nam_hoc") {
          values = scope.nam_hoc.map(function (y) { return y.nam_hoc; });
        } else {
          values = Object.keys(all[key] || {}).filter(function (v) {
            return (counts[key] && counts[key][v]) || chosen.indexOf(v) >= 0;
          });
        }
        if (!values.length) return;
        var cmp = compareValues(key);
        values.sort(cmp || function (a, b) { return label(key, a).localeCompare(label(key, b), "vi"); });
        var fs = document.createElement("fieldset");
        fs.className = "ck-facet";
        fs.setAttribute("data-ck-facet", key);
        var legend = document.createElement("legend");
        legend.textContent = labels.facets[key] || key;
        fs.appendChild(legend);
        var ul = document.createElement("ul");
        values.forEach(function (v) {
          var li = document.createElement("li");
          var lab = document.createElement("label");
          var cb = document.createElement("input");
          cb.type = "checkbox";
          cb.name = key;
          cb.value = v;
          cb.checked = chosen.indexOf(v) >= 0;
          cb.addEventListener("change", function () {
            var list2 = state.filters[key];
            if (cb.checked) list2.push(v); else list2.splice(list2.indexOf(v), 1);
            refresh();
          });
          var text = document.createElement("span");
          text.textContent = label(key, v);
          var count = document.createElement("span");
          count.className = "ck-facet__count";
          var read = key !== "nam_hoc" || years.indexOf(v) >= 0;
          count.textContent = read ? String((counts[key] && counts[key][v]) || 0) : "";
          if (!read) lab.title = "Chưa tìm trong năm học này: chọn để tìm";
          lab.appendChild(cb);
          lab.appendChild(text);
          lab.appendChild(count);
          li.appendChild(lab);
          ul.appendChild(li);
        });
        fs.appendChild(ul);
        facetsBox.appendChild(fs);
      });
    }

    function hitLink(tag, hit, title) {
      var h = document.createElement(tag);
      var a = document.createElement("a");
      a.href = hit.url;
      a.textContent = title || hit.title;
      h.appendChild(a);
      return h;
    }

    function excerptOf(hit, size) {
      var p = document.createElement("p");
      p.className = "ck-result__excerpt";
      S.renderPieces(p, S.excerpt(hit.text, hit.words, size));
      return p;
    }

    /* A result: its best hit as the heading; a plan's other matching rows below it. */
    function showMore(r) {
      var batch = r.results.slice(shown, shown + PAGE_SIZE);
      shown += batch.length;
      more.hidden = shown >= r.results.length;
      return S.load(batch, r.query, r.rows).then(function (items) {
        items.forEach(function (item) {
          var found = item.hits;
          var li = document.createElement("li");
          li.className = "ck-result";
          li.setAttribute("data-ck-kind", found[0].kind);
          li.appendChild(hitLink("h2", found[0]));
          if (found[0].sub) {
            var s = document.createElement("p");
            s.className = "ck-search-sub";
            s.textContent = found[0].sub;
            li.appendChild(s);
          }
          var flag = S.ocrFlag(found[0], root);
          if (flag) li.appendChild(flag);
          li.appendChild(excerptOf(found[0], 36));
          if (found.length > 1) {
            var ul = document.createElement("ul");
            ul.className = "ck-result__rows";
            found.slice(1, ROWS_SHOWN + 1).forEach(function (hit) {
              var item = document.createElement("li");
              item.appendChild(hitLink("h3", hit, hit.row));
              item.appendChild(excerptOf(hit, 20));
              ul.appendChild(item);
            });
            if (found.length > ROWS_SHOWN + 1) {
              var rest = document.createElement("li");
              rest.className = "ck-result__rest";
              rest.textContent = "và " + (found.length - ROWS_SHOWN - 1) + " mục khác trong kế hoạch này";
              ul.appendChild(rest);
            }
            li.appendChild(ul);
          }
          list.appendChild(li);
        });
      });
    }

    /* Counts for each facet: results of the other facets' filters, so that choosing one level
       still shows how many results the other levels would give. Years are the exception: a
       year's count needs its bundle, so only the years read have one. */
    function facetCounts(r) {
      var counts = {};
      var pending = [];
      FACETS.forEach(function (key) {
        if (!state.filters[key].length || key === "nam_hoc") { counts[key] = r.filters[key] || {}; return; }
        var others = {};
        FACETS.forEach(function (k) { others[k] = k === key ? [] : state.filters[k]; });
        pending.push(S.search(base, state.q, others).then(function (r2) {
          counts[key] = r2 ? r2.filters[key] || {} : all[key] || {};
        }));
      });
      return Promise.all(pending).then(function () { return counts; });
    }

    function scopeNote(scope, years) {
      if (years.length >= scope.nam_hoc.length) return "";
      return " trong năm học " + years.join(", ") + " (chọn năm học khác ở bộ lọc Năm học)";
    }

    function refresh() {
      writeState(state);
      var id = ++seq;
      status.textContent = "Đang tìm…";
      S.loadScope(base).then(function (scope) {
        var years = S.yearsFor(scope, state.filters);
        return S.instanceFor(base, scope, years).then(function (pf) { return pf.filters(); }).then(function (f) {
          all = f;
          return S.search(base, state.q, state.filters);
        }).then(function (r) {
          if (id !== seq) return;
          list.textContent = "";
          shown = 0;
          current = r;
          if (!r) {
            status.textContent = "Gõ từ khóa (có dấu hoặc không dấu) hoặc chọn bộ lọc." + scopeNote(scope, years);
            more.hidden = true;
            renderFacets(all, scope, years);
            root.setAttribute("data-ck-rendered", window.location.search);
            return;
          }
          var n = r.results.length;
          status.textContent = (n ? n + " kết quả" : "Không tìm thấy kết quả nào") + scopeNote(scope, years) +
            S.skipped(r.query);
          return facetCounts(r).then(function (counts) {
            if (id !== seq) return;
            renderFacets(counts, scope, r.years);
            return showMore(r);
          }).then(function () {
            if (id === seq) root.setAttribute("data-ck-rendered", window.location.search);
          });
        });
      }).catch(function () {
        if (id === seq) status.textContent = "Không tải được chỉ mục tìm kiếm";
      });
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      state.q = input.value;
      refresh();
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.q = input.value; refresh(); }, 200);
    });
    more.addEventListener("click", function () { if (current) showMore(current); });
    refresh();
  }

  var root = document.querySelector("[data-ck-search-page]");
  if (root && S) initPage(root);
})();
