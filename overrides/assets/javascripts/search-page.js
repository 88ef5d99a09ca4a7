/*
 * The search page (/tim-kiem/): query, facets with counts, results in pages of 20. The query
 * and the chosen filters live in the address (?q=...&nam_hoc=2023-2024), so a search can be
 * shared and survives a reload. Needs search.js (loaded by the header of every page) first.
 */
(function () {
  "use strict";

  var S = window.congkhaiSearch;
  var FACETS = S.facets;
  var PAGE_SIZE = 20;

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
    var status = root.querySelector("[data-ck-status]");
    var list = root.querySelector("[data-ck-results]");
    var more = root.querySelector("[data-ck-more]");
    var base = root.getAttribute("data-ck-base");
    var labels = JSON.parse(document.getElementById("ck-search-labels").textContent);
    var state = readState();
    var all = null; // every filter value with its count over the whole index
    var current = null;
    var shown = 0;
    var seq = 0;
    var timer = null;

    input.value = state.q;

    function label(key, value) {
      var map = labels.values[key];
      return (map && map[value]) || value;
    }

    function renderFacets(counts) {
      facetsBox.textContent = "";
      FACETS.forEach(function (key) {
        var values = Object.keys(all[key] || {});
        var chosen = state.filters[key];
        values = values.filter(function (v) { return (counts[key] && counts[key][v]) || chosen.indexOf(v) >= 0; });
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
          count.textContent = String((counts[key] && counts[key][v]) || 0);
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

    function showMore(query) {
      var batch = current.results.slice(shown, shown + PAGE_SIZE);
      shown += batch.length;
      more.hidden = shown >= current.results.length;
      return Promise.all(batch.map(function (x) { return x.data(); })).then(function (items) {
        items.forEach(function (data) {
          var d = S.describe(data);
          var li = document.createElement("li");
          li.className = "ck-result";
          li.setAttribute("data-ck-kind", d.kind);
          var h = document.createElement("h2");
          var a = document.createElement("a");
          a.href = data.url;
          a.textContent = d.title;
          h.appendChild(a);
          li.appendChild(h);
          if (d.sub) {
            var s = document.createElement("p");
            s.className = "ck-search-sub";
            s.textContent = d.sub;
            li.appendChild(s);
          }
          var p = document.createElement("p");
          p.className = "ck-result__excerpt";
          S.renderPieces(p, S.excerpt(data.content, query, 36));
          li.appendChild(p);
          list.appendChild(li);
        });
      });
    }

    /* Counts for each facet: results of the other facets' filters, so that choosing one year
       still shows how many results the other years would give. */
    function facetCounts(pf, r) {
      var counts = {};
      var pending = [];
      FACETS.forEach(function (key) {
        if (!state.filters[key].length) { counts[key] = r.filters[key] || {}; return; }
        var others = {};
        FACETS.forEach(function (k) { others[k] = k === key ? [] : state.filters[k]; });
        pending.push(S.runSearch(pf, state.q, others).then(function (r2) {
          counts[key] = r2 ? r2.filters[key] || {} : all[key] || {};
        }));
      });
      return Promise.all(pending).then(function () { return counts; });
    }

    function refresh() {
      writeState(state);
      var id = ++seq;
      status.textContent = "Đang tìm…";
      S.loadPagefind(base).then(function (pf) {
        return (all ? Promise.resolve(all) : pf.filters().then(function (f) { all = f; return f; })).then(function () {
          return S.runSearch(pf, state.q, state.filters);
        }).then(function (r) {
          if (id !== seq) return;
          list.textContent = "";
          shown = 0;
          current = r;
          if (!r) {
            status.textContent = "Gõ từ khóa (có dấu hoặc không dấu) hoặc chọn bộ lọc.";
            more.hidden = true;
            renderFacets(all);
            root.setAttribute("data-ck-rendered", window.location.search);
            return;
          }
          var n = r.results.length;
          status.textContent = n ? n + " kết quả" : "Không tìm thấy kết quả nào";
          return facetCounts(pf, r).then(function (counts) {
            if (id !== seq) return;
            renderFacets(counts);
            return showMore(r.query.text);
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
    more.addEventListener("click", function () { if (current) showMore(current.query.text); });
    refresh();
  }

  var root = document.querySelector("[data-ck-search-page]");
  if (root && S) initPage(root);
})();
