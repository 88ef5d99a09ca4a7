/* «Thêm / sửa kế hoạch»: turns the form into a plan file (YAML front matter + Markdown body) and
 * a link that opens GitHub's new-file editor prefilled with it. Pure static script: the only
 * requests are the two JSON files the build writes beside it (assets/tieu-chi.json, the criteria
 * of each circular and the fields' help; assets/truong.json, the known schools). Every string is
 * written as a double-quoted YAML scalar (JSON string syntax, which YAML accepts), so no input
 * can break the file's structure. */
(function () {
  "use strict";

  var form = document.getElementById("ck-form");
  if (!form) return;
  form.addEventListener("submit", function (e) { e.preventDefault(); }); // Enter in a field sends nothing
  var $ = function (id) { return document.getElementById(id); };

  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/;
  var ACCOUNT = /^@?[A-Za-z0-9][A-Za-z0-9-]{0,38}$/;
  var LONG_URL = 8000; // beyond this GitHub may refuse the address: offer copy and paste
  var STORE = "congkhai.them-ke-hoach.v1";
  var META_BEFORE = ["co_quan_chu_quan", "ten_truong", "so_hieu", "dia_danh", "ngay_ban_hanh", "tieu_de", "mau_bang"];
  var META_AFTER = ["nguoi_ky", "chuc_vu_nguoi_ky", "noi_nhan", "nguon_van_ban"];
  var ROW_FIELDS = ["tieu_chi"]; // then every field of the fields table, in order (data.dong)
  var BARE = { mau_bang: 1, nguon_van_ban: 1, cap_hoc: 1 }; // written without quotes, with the amount fields
  var SCHOOL_FIELDS = ["ten", "ten_viet_tat", "cap_hoc", "co_quan_chu_quan", "phuong_xa", "quan_huyen", "tinh_thanh",
    "bien_tap_vien"];

  var data = null;        // assets/tieu-chi.json
  var schools = {};       // slug -> {ten, cap_hoc, nam_hoc: [...]}
  // GitHub's new-file and edit pages for the site's repository and branch (from mkdocs.yml).
  var newUrl = form.dataset.newUrl || "";
  var editUrl = form.dataset.editUrl || "";
  var plansDir = (form.dataset.plans || "plans").replace(/\/+$/, "");

  /* ---------------------------------------------------------------- text */

  // Characters YAML refuses in a file, or that only come from bad copy and paste.
  var BAD = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFEFF\uFFFE\uFFFF]/g;
  function clean(text, multiline) {
    var t = String(text == null ? "" : text).replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n").replace(BAD, "");
    try { t = t.replace(new RegExp("\\p{Cs}", "gu"), ""); } catch (e) { /* old browser: no lone surrogates check */ }
    if (!multiline) t = t.replace(/\s+/g, " ");
    return t.replace(/[ \t]+$/gm, "").trim();
  }
  function quote(s) { return JSON.stringify(s); }
  function lines(text) { return clean(text, true).split("\n").map(function (x) { return x.trim(); }).filter(Boolean); }
  function amount(text) { return clean(text).replace(/\s*(đồng|đ|vnđ|vnd)\.?$/i, "").replace(/[.\s]/g, ""); }

  /* ---------------------------------------------------------------- reading the form */

  /* A date as typed (04/09/2024, 4-9-2024 or 2024-09-04) in the file's form, 2024-09-04;
     what is not a date stays as typed, for problemsOf to name. */
  function isoDate(text) {
    var m = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/.exec(text) || null;
    var y, mo, d;
    if (m) { d = +m[1]; mo = +m[2]; y = +m[3]; }
    else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) { y = +m[1]; mo = +m[2]; d = +m[3]; }
    else return text;
    var day = new Date(Date.UTC(y, mo - 1, d));
    if (day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return text;
    return y + "-" + ("0" + mo).slice(-2) + "-" + ("0" + d).slice(-2);
  }

  function valueOf(el) {
    if (el.hasAttribute("data-date")) return isoDate(clean(el.value));
    if (el.dataset.list === "lines") return lines(el.value);
    if (el.dataset.list === ",") return clean(el.value).split(/[,\s]+/).map(function (x) { return x.replace(/^@/, ""); }).filter(Boolean);
    if (el.hasAttribute("data-number")) return amount(el.value);
    return clean(el.value, el.tagName === "TEXTAREA");
  }

  function collect() {
    var meta = {};
    form.querySelectorAll("[data-meta]").forEach(function (el) { meta[el.dataset.meta] = valueOf(el); });
    var rows = [];
    $("ck-dong").querySelectorAll(".ck-row").forEach(function (box) {
      var row = {};
      box.querySelectorAll("[data-row]").forEach(function (el) { row[el.dataset.row] = valueOf(el); });
      rows.push(row);
    });
    var profile = {};
    form.querySelectorAll("[data-truong]").forEach(function (el) { profile[el.dataset.truong] = valueOf(el); });
    return {
      slug: clean($("ck-truong").value).toLowerCase(),
      year: $("ck-nam-hoc").value,
      circular: $("ck-thong-tu").value,
      meta: meta, rows: rows, profile: profile,
      body: clean($("ck-than").value, true)
    };
  }

  /* ---------------------------------------------------------------- writing the files */

  function emit(out, indent, key, value) {
    if (Array.isArray(value)) {
      if (!value.length) return;
      out.push(indent + key + ":");
      value.forEach(function (v) { out.push(indent + "  - " + quote(v)); });
    } else if (value !== "" && value != null) {
      out.push(indent + key + ": " + (BARE[key] ? value : quote(value)));
    }
  }

  function planText(f) {
    var out = ["---", "# yaml-language-server: $schema=" + ((data && data.schema && data.schema.ke_hoach) || "../../schema/ke-hoach.schema.json")];
    emit(out, "", "nam_hoc", f.year);
    emit(out, "", "thong_tu", f.circular);
    META_BEFORE.forEach(function (k) { emit(out, "", k, f.meta[k]); });
    out.push("cai_tien:");
    f.rows.forEach(function (row) {
      var block = [];
      ROW_FIELDS.forEach(function (k) { emit(block, "    ", k, row[k]); });
      if (!block.length) block.push("    tieu_chi: \"\"");
      block[0] = "  - " + block[0].slice(4);
      out.push.apply(out, block);
    });
    META_AFTER.forEach(function (k) {
      if (k === "nguon_van_ban" && f.meta[k] === "van-ban") return; // the default
      emit(out, "", k, f.meta[k]);
    });
    out.push("---");
    return out.join("\n") + "\n" + (f.body ? "\n" + f.body + "\n" : "");
  }

  function schoolText(f) {
    var out = ["# yaml-language-server: $schema=" + ((data && data.schema && data.schema.truong) || "../../schema/truong.schema.json")];
    SCHOOL_FIELDS.forEach(function (k) { emit(out, "", k, f.profile[k]); });
    return out.join("\n") + "\n";
  }

  function newFileUrl(path, text) {
    var url = newUrl + "?filename=" + encodeURIComponent(path);
    return text == null ? url : url + "&value=" + encodeURIComponent(text);
  }

  /* ---------------------------------------------------------------- checks before sending */

  /* A circular may have one catalog per kind of school (57/2026: mầm non, phổ thông): the school's level picks it. */
  function circularByCode(code, level) {
    if (!data) return null;
    var same = data.thong_tu.filter(function (c) { return c.ma === code; });
    level = level === undefined ? currentLevel() : level;
    return same.filter(function (c) { return !level || c.cap_hoc.indexOf(level) >= 0; })[0] || same[0] || null;
  }
  function currentLevel() {
    var known = schools[clean($("ck-truong").value).toLowerCase()];
    return known ? known.cap_hoc : $("ck-t-cap-hoc").value;
  }
  /* Whether a catalog governs plans of the school year starting in `first` (tu_nam_hoc/den_nam_hoc). */
  function governs(c, first) {
    return (!c.tu_nam_hoc || first >= c.tu_nam_hoc) && (!c.den_nam_hoc || first <= c.den_nam_hoc);
  }
  function levelName(code) {
    var lv = data ? data.cap_hoc.filter(function (l) { return l.ma === code; })[0] : null;
    return lv ? lv.ten : code;
  }

  /* A field's name as the form shows it, for messages (never the file's key). */
  function metaLabel(key) {
    var el = form.querySelector("[data-meta='" + key + "']");
    var label = el && el.id ? form.querySelector("label[for='" + el.id + "']") : null;
    return label ? label.textContent.trim() : key;
  }
  function rowLabel(key) {
    var f = data ? data.dong.filter(function (x) { return x.ma === key; })[0] : null;
    return f ? f.ten : key;
  }

  function problemsOf(f, isNew) {
    var p = [];
    if (!f.slug) p.push("Chưa điền mã trường.");
    else if (!SLUG.test(f.slug)) p.push("Mã trường «" + f.slug + "» chỉ được có chữ thường không dấu, số và dấu gạch ngang.");
    if (!f.year) p.push("Chưa chọn năm học.");
    if (!f.circular) p.push("Chưa chọn thông tư.");
    var level = isNew ? f.profile.cap_hoc : (schools[f.slug] || {}).cap_hoc;
    var circ = circularByCode(f.circular, level || "");
    if (circ && level && circ.cap_hoc.indexOf(level) < 0) {
      p.push("Thông tư " + f.circular + " áp dụng cho " + circ.ap_dung + ", nhưng trường là cấp " + levelName(level) + ".");
    }
    var first = parseInt(f.year, 10);
    if (circ && first && circ.tu_nam_hoc && first < circ.tu_nam_hoc) {
      p.push("Thông tư " + f.circular + " áp dụng từ năm học " + circ.tu_nam_hoc + "-" + (circ.tu_nam_hoc + 1) + ", không thể là căn cứ của kế hoạch năm học " + f.year + ".");
    }
    if (!f.rows.length) p.push("Bảng kế hoạch cần ít nhất một dòng: bấm «Thêm dòng».");
    var seen = {};
    f.rows.forEach(function (row, i) {
      var n = i + 1;
      if (!row.tieu_chi) p.push("Dòng " + n + ": chưa chọn tiêu chí.");
      else if (seen[row.tieu_chi]) p.push("Dòng " + n + ": tiêu chí " + row.tieu_chi + " đã có ở dòng " + seen[row.tieu_chi] + "; gộp hai dòng thành một.");
      else seen[row.tieu_chi] = n;
      if (row.kinh_phi && !/^\d+$/.test(row.kinh_phi)) p.push("Dòng " + n + ": kinh phí chỉ ghi số đồng, ví dụ 150000000; ghi bằng chữ ở «Kinh phí ghi bằng chữ».");
      ROW_FIELDS.forEach(function (k) {
        var v = row[k];
        if ((Array.isArray(v) ? v.join(" ") : v || "").match(HTML_TAG)) p.push("Dòng " + n + ": ô «" + rowLabel(k) + "» chứa mã HTML; chỉ viết chữ.");
      });
    });
    if (f.meta.ngay_ban_hanh && !/^\d{4}-\d{2}-\d{2}$/.test(f.meta.ngay_ban_hanh)) {
      p.push("Ngày ban hành «" + f.meta.ngay_ban_hanh + "» chưa phải một ngày: ghi ngày/tháng/năm, ví dụ 04/09/2024.");
    }
    Object.keys(f.meta).forEach(function (k) {
      var v = f.meta[k];
      if ((Array.isArray(v) ? v.join(" ") : v || "").match(HTML_TAG)) p.push("Mục «" + metaLabel(k) + "» chứa mã HTML; chỉ viết chữ.");
    });
    if (/<\s*(script|iframe|object|embed|style|form|input|button|link|meta|base|svg|math)\b|\bon[a-z]+\s*=|javascript\s*:/i.test(f.body)) {
      p.push("Phần thân chứa mã có thể chạy được; hãy bỏ đi.");
    }
    return p;
  }

  function profileProblems(f) {
    var p = [];
    if ((f.profile.ten || "").length < 3) p.push("Hồ sơ trường: chưa điền tên trường.");
    if (!f.profile.cap_hoc) p.push("Hồ sơ trường: chưa chọn cấp học.");
    (f.profile.bien_tap_vien || []).forEach(function (a) {
      if (!ACCOUNT.test(a)) p.push("Hồ sơ trường: «" + a + "» không phải tên tài khoản GitHub hợp lệ.");
    });
    return p;
  }

  /* ---------------------------------------------------------------- updating the page */

  function setLink(a, href) {
    if (href) { a.href = href; a.removeAttribute("aria-disabled"); a.removeAttribute("tabindex"); }
    else { a.removeAttribute("href"); a.setAttribute("aria-disabled", "true"); a.setAttribute("tabindex", "-1"); }
  }

  function update() {
    var f = collect();
    var known = schools[f.slug];
    var isNew = !!(f.slug && SLUG.test(f.slug) && !known && data);
    $("ck-ho-so").hidden = !isNew;
    $("ck-tao-ho-so").hidden = !isNew;
    var exists = !!(known && known.nam_hoc.indexOf(f.year) >= 0);
    var path = plansDir + "/" + (f.slug || "…") + "/" + (f.year || "…") + ".md";
    $("ck-ten-tep").textContent = path;
    var hint = $("ck-truong-hint");
    hint.textContent = known ? known.ten + " (" + levelName(known.cap_hoc) + ")" : (isNew ? "Trường mới: cần thêm hồ sơ trường (bên dưới)." : "Tên thư mục của trường: chữ thường không dấu, số, dấu gạch ngang.");

    var note = $("ck-trung");
    if (exists && editUrl) {
      var edit = editUrl + "/" + path;
      note.innerHTML = "";
      note.append("Trường này đã có kế hoạch năm học " + f.year + ". Để sửa, mở ");
      var a = document.createElement("a");
      a.href = edit; a.target = "_blank"; a.rel = "noopener"; a.textContent = "tệp đó trên GitHub";
      note.append(a, " (hoặc bấm «Sửa trên GitHub» ở trang kế hoạch) rồi dán nội dung đã chép.");
      note.hidden = false;
    } else note.hidden = true;

    var text = planText(f);
    $("ck-tep").value = text;
    var problems = problemsOf(f, isNew);
    if (!/^https:\/\/github\.com\/[^/]+\/[^/]+\/new\/.+/.test(newUrl)) problems.push("Trang chưa khai báo kho GitHub (repo_url trong mkdocs.yml).");
    var list = $("ck-loi");
    list.innerHTML = "";
    if (problems.length) {
      var h = document.createElement("p");
      h.textContent = "Cần sửa trước khi gửi:";
      var ul = document.createElement("ul");
      problems.forEach(function (m) { var li = document.createElement("li"); li.textContent = m; ul.append(li); });
      list.append(h, ul);
    }
    var ok = !problems.length;
    var url = ok && !exists ? newFileUrl(path, text) : null;
    setLink($("ck-mo-github"), url);
    setLink($("ck-mo-trong"), ok && !exists ? newFileUrl(path, null) : null);
    $("ck-dai").hidden = !(url && url.length > LONG_URL);

    if (isNew) {
      var profilePath = plansDir + "/" + f.slug + "/truong.yml";
      var ptext = schoolText(f);
      $("ck-ten-ho-so").textContent = profilePath;
      $("ck-tep-ho-so").value = ptext;
      setLink($("ck-mo-ho-so"), profileProblems(f).length || !newUrl ? null : newFileUrl(profilePath, ptext));
      profileProblems(f).forEach(function (m) {
        var li = document.createElement("li"); li.textContent = m;
        var ul = list.querySelector("ul");
        if (!ul) { var h2 = document.createElement("p"); h2.textContent = "Cần sửa trước khi gửi:"; ul = document.createElement("ul"); list.append(h2, ul); }
        ul.append(li);
      });
    }
    save();
  }

  /* ---------------------------------------------------------------- choices */

  function option(select, value, label) {
    var o = document.createElement("option");
    o.value = value; o.textContent = label;
    select.append(o);
    return o;
  }

  function fillCriteria(select) {
    var keep = select.value;
    select.innerHTML = "";
    option(select, "", "— Chọn tiêu chí —");
    var circ = circularByCode($("ck-thong-tu").value);
    if (!circ) return;
    circ.tieu_chuan.forEach(function (s) {
      var group = document.createElement("optgroup");
      group.label = s.nhan + ": " + s.ten;
      s.tieu_chi.forEach(function (c) {
        var o = document.createElement("option");
        o.value = c.ma; o.textContent = c.ma + ". " + c.ten;
        group.append(o);
      });
      select.append(group);
    });
    select.value = keep;
    if (select.value !== keep) select.value = "";
  }

  function schoolYears() {
    var now = new Date();
    var start = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
    var sel = $("ck-nam-hoc"); // its empty first option is in the page (a required <select> needs one)
    for (var y = start + 1; y >= 2018; y--) option(sel, y + "-" + (y + 1), y + "-" + (y + 1));
    sel.value = start + "-" + (start + 1);
  }

  function addHelp(root) {
    if (!data) return;
    root.querySelectorAll("[data-help]").forEach(function (el) {
      var text = data.mo_ta[el.dataset.help];
      if (!text || el.dataset.helped) return;
      el.dataset.helped = "1";
      var small = document.createElement("small");
      small.className = "ck-hint";
      small.textContent = text;
      el.insertAdjacentElement("afterend", small);
    });
  }

  function renumber() {
    $("ck-dong").querySelectorAll(".ck-row").forEach(function (box, i) { box.querySelector(".ck-so").textContent = i + 1; });
  }

  function addRow(values) {
    var box = $("ck-mau-dong").content.firstElementChild.cloneNode(true);
    fillCriteria(box.querySelector('[data-row="tieu_chi"]'));
    if (values) {
      box.querySelectorAll("[data-row]").forEach(function (el) {
        var v = values[el.dataset.row];
        if (v != null) el.value = Array.isArray(v) ? v.join("\n") : v;
      });
      if (values.tieu_chi) fillCriteria(box.querySelector('[data-row="tieu_chi"]'));
      box.querySelector('[data-row="tieu_chi"]').value = values.tieu_chi || "";
    }
    box.querySelector(".ck-xoa-dong").addEventListener("click", function () { box.remove(); renumber(); update(); });
    $("ck-dong").append(box);
    addHelp(box);
    renumber();
    return box;
  }

  /* The circular a plan of this level and school year follows (from 2026-2027: Thông tư 57/2026). */
  function chooseCircularFor(level) {
    var lv = data.cap_hoc.filter(function (l) { return l.ma === level; })[0];
    if (!lv) return;
    var first = parseInt($("ck-nam-hoc").value, 10);
    var fits = data.thong_tu.filter(function (c) { return c.cap_hoc.indexOf(level) >= 0 && first && governs(c, first); })[0];
    var code = fits ? fits.ma : lv.thong_tu;
    if ($("ck-thong-tu").value !== code) $("ck-thong-tu").value = code;
    refreshCriteria();
  }

  function refreshCriteria() {
    $("ck-dong").querySelectorAll('[data-row="tieu_chi"]').forEach(fillCriteria);
    refreshLayouts();
  }

  /* The table layouts of the chosen circular (its first is the default, written as no choice). */
  function refreshLayouts() {
    var sel = $("ck-mau-bang"), circ = circularByCode($("ck-thong-tu").value), kept = sel.value;
    sel.textContent = "";
    option(sel, "", "Mặc định của thông tư");
    data.mau_bang.forEach(function (m) {
      if (!circ || circ.mau_bang.indexOf(m.ma) >= 0) option(sel, m.ma, m.ten);
    });
    sel.value = kept;
    if (sel.value !== kept) sel.value = "";
  }

  /* ---------------------------------------------------------------- draft kept on this device */

  function save() {
    try {
      var state = { fields: {}, rows: [] };
      form.querySelectorAll("input[id], select[id], textarea[id]").forEach(function (el) {
        if (!el.readOnly) state.fields[el.id] = el.value;
      });
      $("ck-dong").querySelectorAll(".ck-row").forEach(function (box) {
        var row = {};
        box.querySelectorAll("[data-row]").forEach(function (el) { row[el.dataset.row] = el.value; });
        state.rows.push(row);
      });
      localStorage.setItem(STORE, JSON.stringify(state));
    } catch (e) { /* private mode or storage full: the form still works */ }
  }

  function restore() {
    var state;
    try { state = JSON.parse(localStorage.getItem(STORE) || "null"); } catch (e) { state = null; }
    if (!state) return false;
    Object.keys(state.fields || {}).forEach(function (id) {
      var el = $(id);
      if (el && !el.readOnly) el.value = state.fields[id];
    });
    refreshCriteria();
    (state.rows || []).forEach(function (r) { addRow(r); });
    return true;
  }

  /* ---------------------------------------------------------------- start */

  function start(json) {
    data = json;
    data.dong.forEach(function (f) {
      if (f.kieu === "checkpoints") return; // follow-up results are added to the file later, not here
      ROW_FIELDS.push(f.ma);
      if (f.kieu === "amount") BARE[f.ma] = 1;
    });
    schoolYears();
    var tt = $("ck-thong-tu"); // its empty first option is in the page
    var kinds = {};
    data.thong_tu.forEach(function (c) { (kinds[c.ma] = kinds[c.ma] || []).push(c.ap_dung); });
    Object.keys(kinds).forEach(function (code) { option(tt, code, "Thông tư " + code + " (" + kinds[code].join("; ") + ")"); });
    var lvSel = $("ck-t-cap-hoc");
    option(lvSel, "", "— Chọn cấp học —");
    data.cap_hoc.forEach(function (l) { option(lvSel, l.ma, l.ten); });
    refreshLayouts();
    data.nguon_van_ban.forEach(function (m) { option($("ck-nguon"), m.ma, m.ten); });
    $("ck-tieu-de").value = data.tieu_de || "";
    addHelp(form);
    if (!restore()) addRow();

    var react = function (e) {
      if (e.target === tt) refreshCriteria();
      if (e.target === $("ck-truong")) {
        var known = schools[clean(e.target.value).toLowerCase()];
        if (known) chooseCircularFor(known.cap_hoc);
      }
      if (e.target === lvSel && lvSel.value) chooseCircularFor(lvSel.value);
      if (e.target === $("ck-nam-hoc") && currentLevel()) chooseCircularFor(currentLevel());
      update();
    };
    form.addEventListener("input", react);
    form.addEventListener("change", react);
    $("ck-them-dong").addEventListener("click", function () {
      var box = addRow();
      update();
      box.querySelector("select").focus();
    });
    $("ck-lam-lai").addEventListener("click", function () {
      if (!window.confirm("Xóa mọi nội dung đã điền?")) return;
      try { localStorage.removeItem(STORE); } catch (e) { /* nothing kept */ }
      window.location.reload();
    });
    $("ck-chep").addEventListener("click", function () {
      var area = $("ck-tep");
      var done = function () { $("ck-chep").textContent = "Đã chép"; setTimeout(function () { $("ck-chep").textContent = "Chép nội dung"; }, 2000); };
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(area.value).then(done, function () {});
      else { area.select(); try { document.execCommand("copy"); done(); } catch (e) { /* the text stays selected */ } }
    });
    update();
  }

  fetch(form.dataset.criteria)
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(function (json) {
      start(json);
      return fetch(form.dataset.schools).then(function (r) { return r.ok ? r.json() : []; }).then(function (list) {
        var dl = $("ck-ds-truong");
        list.forEach(function (s) {
          schools[s.ma] = s;
          var o = document.createElement("option");
          o.value = s.ma; o.label = s.ten;
          dl.append(o);
        });
        var known = schools[clean($("ck-truong").value).toLowerCase()];
        if (known) chooseCircularFor(known.cap_hoc);
        update();
      }).catch(function () { /* without the school list the form still works */ });
    })
    .catch(function () {
      $("ck-loi").textContent = "Không tải được danh mục tiêu chí (assets/tieu-chi.json). Tải lại trang, hoặc dùng lệnh scripts/new-plan.";
    });
})();
