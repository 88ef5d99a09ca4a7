// The merged search of scripts/shard-demo (overrides/shards/tim-kiem-gop.html), a file for the CSP;
// congkhai/devtools/shards.py copies it beside the page.
const bundles = JSON.parse(document.getElementById("manh").textContent);
const pagefind = await import("/pagefind/pagefind.js");
await pagefind.options({ baseUrl: "/" });
for (const url of bundles) await pagefind.mergeIndex(url, { baseUrl: "/" });
window.timKiem = async (q, filters = {}) => {
  const r = await pagefind.search(q.replaceAll("đ", "d").replaceAll("Đ", "D"), { filters });
  const data = await Promise.all(r.results.map((x) => x.data()));
  return data.map((d) => d.url);
};
document.getElementById("tim").addEventListener("submit", async (e) => {
  e.preventDefault();
  const ol = document.getElementById("kq");
  ol.replaceChildren(...(await window.timKiem(document.getElementById("q").value)).slice(0, 20).map((u) => {
    const li = document.createElement("li"), a = document.createElement("a");
    a.href = u; a.textContent = u; li.append(a); return li;
  }));
});
window.sanSang = true;
