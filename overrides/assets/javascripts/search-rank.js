/*
 * Site search: ranking. What a Pagefind result is, its hits (a plan's matching rows, cut from
 * its record at the row headings) and their order: Pagefind ranks whole pages by word counts,
 * this ranks rows and pages by the query's words standing side by side. Needs search.js first.
 */
(function (S) {
  "use strict";

  var fold = S.fold;
  var wordKey = S.wordKey;

  /* What a result is, from its URL (records carry no kind field: meta words are searchable). */
  function describe(data) {
    var path = data.url.replace(/^.*?\/(truong|tieu-chi)\//, "$1/");
    var parts = path.split("#")[0].split("/").filter(Boolean);
    var meta = data.meta || {};
    if (parts[0] === "tieu-chi") {
      return { kind: "tieu-chi", title: "Tiêu chí " + meta.title, sub: meta.thong_tu || "", year: null };
    }
    if (parts.length >= 3) {
      // Headed by the school: plans of several schools would otherwise all read alike.
      return { kind: "ke-hoach", title: meta.truong + ", năm học " + parts[2], sub: "Kế hoạch cải tiến chất lượng giáo dục", year: parts[2] };
    }
    return { kind: "truong", title: meta.title, sub: "", year: null };
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
    // Where some rows say the query's words together («thư viện»), rows that only share one
    // of them («giáo viên») are not what was asked for.
    if (chosen.some(function (s) { return s.pairs > 0; })) chosen = chosen.filter(function (s) { return s.pairs > 0; });
    if (!chosen.length) chosen = [list[0]];
    if (terms.length) chosen.sort(better);
    var ocr = (data.meta || {}).nguon === "ocr";
    return chosen.map(function (s) {
      var hit = { url: data.url, kind: "ke-hoach", title: d.title, sub: d.sub, text: s.text, ocr: ocr,
                  words: terms.join(" "), pairs: s.pairs + name.pairs, cover: s.cover + name.cover, score: s.score };
      if (s.id !== null) {
        // A row is headed by its school and year like its plan (rows on one criterion from
        // several schools would otherwise all read «Tiêu chí 3.6: Thư viện»); `row`, its
        // criterion, heads it under its plan.
        var m = /^(\S+)\s*(.*)$/.exec(s.heading);
        hit.url = data.url.split("#")[0] + "#" + s.id;
        hit.kind = "muc";
        hit.row = "Tiêu chí " + m[1] + (m[2] ? ": " + m[2] : "");
        hit.sub = hit.row;
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

  S.describe = describe;
  S.hits = hits;
  S.load = load;
})(window.congkhaiSearchParts);
