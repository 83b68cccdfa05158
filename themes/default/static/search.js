/* repdir search: finds representatives as you type, with no server. The index is
   loaded as scripts (not fetch), so it also works opened from disk. Entries are
   [name, pinyin, initials, level, post, stations, region, constituency, groups,
    page, photo, former]. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = script.getAttribute("data-root") || "";
  var portable = script.getAttribute("data-portable") === "1";
  window.RD_SEARCH_SHARDS = window.RD_SEARCH_SHARDS || {};
  var loading = {};

  function load(name, done) {
    if (window.RD_SEARCH_SHARDS[name] || name === "manifest" && window.RD_SEARCH_MANIFEST) { done(); return; }
    if (loading[name]) { loading[name].push(done); return; }
    loading[name] = [done];
    var s = document.createElement("script");
    s.src = root + "search/" + name + ".js";
    s.onload = s.onerror = function () {
      var waiting = loading[name]; loading[name] = null;
      waiting.forEach(function (f) { f(); });
    };
    document.head.appendChild(s);
  }

  function norm(s) {
    return (s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, "");
  }

  function shardFor(q) {
    var m = window.RD_SEARCH_MANIFEST || {};
    if (!m.shards) return "all";
    var c = q.charAt(0);
    if (/[a-z]/.test(c)) return c;
    return (m.first && m.first[c]) || null;
  }

  function matches(e, q) {
    if (norm(e[0]).indexOf(q) >= 0) return 3;
    if (e[1].indexOf(q) === 0 || (" " + e[2]).indexOf(" " + q) >= 0) return 2;
    if (e[1].indexOf(q) >= 0) return 1;
    for (var i = 3; i <= 8; i++) if (norm(e[i]).indexOf(q) >= 0) return 1;
    return 0;
  }

  function item(e) {
    var li = document.createElement("li");
    li.className = "search-hit" + (e[11] ? " is-former" : "");
    var img = document.createElement("img");
    img.src = e[10] ? root + e[10] : root + "static/placeholder.svg";
    img.alt = ""; img.width = 45; img.height = 60; img.loading = "lazy";
    var a = document.createElement("a");
    a.href = root + e[9] + (portable ? "/index.html" : "/");
    a.textContent = e[0];
    var meta = document.createElement("span");
    meta.className = "search-meta";
    meta.textContent = [e[3], e[4], e[5]].filter(Boolean).join(" · ");
    li.appendChild(img); li.appendChild(a); li.appendChild(meta);
    return li;
  }

  function setup(box) {
    var input = box.querySelector("input[type=search]");
    var list = box.querySelector(".search-results");
    var status = box.querySelector(".search-status");
    var seq = 0;
    function run() {
      var q = norm(input.value), mine = ++seq;
      list.innerHTML = "";
      if (!q) { status.textContent = ""; return; }
      load("manifest", function () {
        var shard = shardFor(q);
        if (!shard) { status.textContent = status.getAttribute("data-none"); return; }
        load(shard, function () {
          if (mine !== seq) return;
          var hits = (window.RD_SEARCH_SHARDS[shard] || [])
            .map(function (e) { return [matches(e, q), e]; })
            .filter(function (h) { return h[0] > 0; })
            .sort(function (a, b) { return b[0] - a[0]; });
          hits.slice(0, 20).forEach(function (h) { list.appendChild(item(h[1])); });
          status.textContent = hits.length
            ? status.getAttribute("data-found").replace("{n}", hits.length)
            : status.getAttribute("data-none");
        });
      });
    }
    input.addEventListener("input", run);
    var m = /[?&]q=([^&]*)/.exec(location.search);
    if (m && !input.value) { input.value = decodeURIComponent(m[1].replace(/\+/g, " ")); }
    if (input.value) run();
  }

  var boxes = document.querySelectorAll("[data-search-box]");
  for (var i = 0; i < boxes.length; i++) setup(boxes[i]);
})();
