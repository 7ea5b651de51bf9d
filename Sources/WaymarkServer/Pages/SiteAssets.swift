/// The stylesheet and script of the public pages, served from `/static`. Both are small and
/// compiled in; the pages work without the script, which only adds the map, "use my location",
/// printing and applying filters as they change.
enum SiteAssets {
    static let css = """
        :root { --ink: #1b1b1b; --muted: #4a4a4a; --accent: #00594f; --accent-ink: #ffffff; --line: #c9c9c9; --bg: #ffffff;
          --soft: #f2f6f5; --focus: #ffbf47; --open: #0b6b2e; --closed: #8a1c1c; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
        .wrap { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
        a { color: #004a8f; text-underline-offset: 0.15em; }
        a:hover { color: #002d57; }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--ink); }
        .skip { position: absolute; left: -999px; top: 0; background: var(--focus); color: var(--ink); padding: 0.5rem 1rem; z-index: 1000; }
        .skip:focus { left: 0; }
        header.site { background: var(--accent); color: var(--accent-ink); }
        header.site .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem; padding: 0.75rem 1rem; }
        header.site a { color: var(--accent-ink); }
        header.site a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; text-underline-offset: 0.3em; }
        nav.pager p { margin: 0.5rem 0; }
        ul.tabs { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; }
        ul.tabs a { display: inline-block; padding: 0.5rem 0; }
        ul.tabs a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
        .publisher { color: var(--muted); }
        nav.pager a { display: inline-block; padding: 0.5rem 0.75rem; min-height: 44px; box-sizing: border-box; }
        .brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; }
        nav ul { list-style: none; display: flex; gap: 1rem; margin: 0; padding: 0; flex-wrap: wrap; align-items: baseline; }
        /* Sign out reads as a link. */
        header.site nav button#signout { background: none; border: none; padding: 0; color: var(--accent-ink); text-decoration: underline; }
        .banner { background: #fff4ce; border-bottom: 2px solid #b58900; padding: 0.5rem 0; }
        main { padding: 1rem 0 2rem; }
        main:focus { outline: none; }
        h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; }
        h2 { font-size: 1.25rem; }
        label { display: block; font-weight: 600; margin: 0.5rem 0 0.25rem; }
        .row { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: center; }
        .row label { display: inline; margin: 0; }
        input, select, textarea, button { font: inherit; }
        input[type=search], input[type=email], input[type=tel], input[type=url], input:not([type]), textarea, select, input[type=time], input[type=date] { border: 2px solid var(--muted); border-radius: 4px; padding: 0.45rem 0.6rem; max-width: 100%; }
        input[type=search], input:not([type]) { flex: 1 1 14rem; }
        textarea { width: 100%; }
        button, .button { background: var(--accent); color: var(--accent-ink); border: 2px solid var(--accent); border-radius: 4px; padding: 0.45rem 1rem; cursor: pointer; text-decoration: none; display: inline-block; }
        button.secondary { background: var(--bg); color: var(--accent); }
        .tiles { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0.75rem; }
        .tiles a { display: block; padding: 1rem; border: 2px solid var(--accent); border-radius: 6px; text-decoration: none; background: var(--soft); min-height: 5rem; }
        .tile-name { display: block; font-weight: 700; font-size: 1.1rem; }
        .count { color: var(--muted); }
        .tiles .count { color: var(--ink); }
        .layout { display: grid; gap: 1.5rem; }
        @media (min-width: 52rem) { .layout { grid-template-columns: 20rem 1fr; } }
        fieldset { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; }
        legend { font-weight: 700; padding: 0 0.25rem; }
        summary { cursor: pointer; }
        summary h2 { display: inline; }
        .option { display: flex; gap: 0.4rem; align-items: baseline; }
        .option label { display: inline; font-weight: 400; margin: 0; }
        .result-list { padding-left: 1.25rem; }
        .result { border-bottom: 1px solid var(--line); padding: 0.75rem 0; }
        .result h3 { margin: 0 0 0.25rem; font-size: 1.1rem; }
        .org { color: var(--muted); margin: 0; }
        .badge { display: inline-block; font-size: 0.85rem; font-weight: 700; padding: 0.05rem 0.5rem; border-radius: 999px; margin-right: 0.4rem; border: 1px solid; }
        .badge.open { color: var(--open); }
        .badge.closed { color: var(--closed); }
        .badge.free { color: #004a8f; }
        .distance { color: var(--muted); }
        .map { height: 22rem; border: 1px solid var(--line); margin: 0.5rem 0 1rem; background: var(--soft); }
        .map.small { height: 16rem; }
        .no-js .js-only, .js-only[hidden] { display: none; }
        .hours th { text-align: left; padding-right: 1.5rem; font-weight: 600; }
        .hours tr.today { background: var(--soft); }
        .alert { border-left: 4px solid #b58900; background: #fff4ce; padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
        .error { border-left: 4px solid var(--closed); padding: 0.5rem 0.75rem; color: var(--closed); }
        .pagination { display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; }
        .share input { width: 100%; }
        .hint, .note, .meta { color: var(--muted); }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        footer.site { border-top: 1px solid var(--line); padding: 1rem 0; color: var(--muted); }
        table.corrections, table.audit, table.staff-users { border-collapse: collapse; width: 100%; }
        table.audit td, table.audit th, table.staff-users td, table.staff-users th { border: 1px solid var(--line); padding: 0.4rem; vertical-align: top; text-align: left; }
        form.inline { display: inline; margin: 0; }
        .notice { border-left: 4px solid var(--accent, #0b6e4f); padding: 0.5rem 0.75rem; }
        svg.chart { width: 100%; max-width: 44rem; height: auto; font: 12px sans-serif; }
        /* On a phone a chart keeps a width its labels can be read at, and scrolls within its frame. */
        .chart-scroll { overflow-x: auto; }
        svg.chart.bars, svg.chart.stacked { max-width: 30rem; }
        @media (max-width: 40rem) { svg.chart:not(.bars):not(.stacked) { min-width: 36rem; } }
        svg.chart .bar { fill: #0b6e4f; }
        svg.chart .seg0 { fill: #b35806; } svg.chart .seg1 { fill: #767676; } svg.chart .seg2 { fill: #4d9221; } svg.chart .seg3 { fill: #1b5e20; }
        svg.chart text.on-seg { fill: #fff; font-weight: 700; }
        svg.chart .node { fill: #333; }
        svg.chart .flow { fill: none; stroke: #0b6e4f; stroke-opacity: 0.35; }
        svg.chart .line { fill: none; stroke-width: 2; }
        svg.chart .axis { stroke: #555; }
        figure { margin: 0.5rem 0 1rem; }
        .code-box { border: 2px dashed #555; padding: 0.5rem 1rem; max-width: 32rem; }
        .code-box .code { font: bold 2rem/1.2 ui-monospace, monospace; letter-spacing: 0.1em; margin: 0.25rem 0; }
        #suggestion-status blockquote { border-left: 4px solid #bbb; margin: 0.5rem 0; padding: 0.25rem 0.75rem; }
        details.answer { margin-top: 0.5rem; }
        details.answer summary { cursor: pointer; font-weight: 600; }
        details.answer textarea, details.answer input { width: 100%; max-width: 28rem; }
        .staff-form input:not([type=checkbox]):not([type=radio]), .staff-form select { max-width: 24rem; width: 100%; }
        .table-scroll { overflow-x: auto; max-width: 100%; position: relative; }
        table.sync-peers, table.sync-rejections { border-collapse: collapse; width: 100%; }
        table.sync-peers td, table.sync-peers th, table.sync-rejections td, table.sync-rejections th { border: 1px solid var(--line); padding: 0.4rem; vertical-align: top; text-align: left; }
        .sync-summary code, .sync-nodes code { overflow-wrap: anywhere; }
        table.corrections td, table.corrections th { border: 1px solid var(--line); padding: 0.4rem; vertical-align: top; text-align: left; }
        .urgent { background: #fff; border-bottom: 3px solid var(--closed); }
        .urgent .wrap { display: flex; flex-wrap: wrap; align-items: center; gap: 0 1rem; padding: 0.2rem 1rem; min-height: 3.25rem; }
        /* Phone: short rows; the quick exit a bar. */
        @media (max-width: 40rem) { .urgent .wide-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
          .urgent, .quick-exit { font-size: 0.95rem; } .urgent .wrap { padding-right: 0.5rem; } }
        .urgent p { margin: 0; font-weight: 700; }
        .urgent a { min-height: 44px; display: inline-flex; align-items: center; }
        a.call { font-weight: 700; }
        /* The quick exit stays in reach. */
        .quick-exit { position: sticky; float: right; top: 0.4rem; margin: 0.4rem 0.5rem 0 0.5rem; z-index: 1000; background: var(--closed); color: #fff; padding: 0 0.9rem;
          min-height: 44px; display: inline-flex; align-items: center;
          border-radius: 4px; font-weight: 700; text-decoration: none; border: 2px solid #fff; box-shadow: 0 1px 4px rgba(0,0,0,0.4); }
        .quick-exit:hover { color: #fff; background: #6b1515; }
        @media (max-width: 40rem) { .quick-exit { float: none; display: flex; justify-content: center; margin: 0; top: 0; border: 0; border-radius: 0; } }
        .crisis { border: 3px solid var(--closed); border-radius: 6px; padding: 0.5rem 1rem; margin: 0 0 1.5rem; background: #fdf3f3; }
        .crisis h2 { margin-top: 0.25rem; }
        .crisis-call { font-weight: 700; font-size: 1.1rem; }
        .helplines { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0.75rem; }
        .empty-browse li { margin: 0.5rem 0; }
        .service { overflow-wrap: anywhere; }
        .empty-browse a { display: inline-block; padding: 0.25rem 0; }
        .helpline { border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.75rem; background: var(--bg); }
        .helpline h3 { margin: 0.25rem 0; font-size: 1.1rem; }
        .helpline p { margin: 0.25rem 0; }
        .result .next, .result .phone { margin: 0.15rem 0; }
        .print-only { display: none; }
        #apply-filters.pending { box-shadow: 0 0 0 3px var(--focus), 0 0 0 5px var(--ink); }
        /* On a phone each referral is a card: the client first, then each field with its name. */
        @media (max-width: 40rem) {
          table.referrals thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          table.referrals, table.referrals tbody, table.referrals tr, table.referrals td { display: block; width: auto; }
          table.referrals tr { border: 1px solid #ccc; border-radius: 4px; margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; }
          table.referrals td { border: none; padding: 0.1rem 0; }
          table.referrals td:first-child { font-weight: bold; }
          table.referrals td[data-label]::before { content: attr(data-label) ": "; color: #444; }
        }
        /* Jumps clear the quick exit. */
        :target { scroll-margin-top: 4.5rem; }
        nav.boxes ul { list-style: none; padding: 0; margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; }
        nav.boxes a[aria-current="page"] { font-weight: bold; text-decoration-thickness: 3px; }
        .client-code-sheet { max-width: 105mm; border: 1px dashed var(--ink); padding: 0.75rem; }
        .client-code-sheet h1 { font-size: 1.2rem; }
        .client-code-sheet .code { font: bold 1.4rem/1.3 ui-monospace, monospace; letter-spacing: 0.08em; white-space: nowrap; }
        .client-code-sheet .qr { float: right; margin: 0 0 0.5rem 0.75rem; max-width: 34mm; text-align: center; }
        .client-code-sheet .qr svg { width: 32mm; height: 32mm; display: block; }
        .client-code-sheet h2 { clear: both; }
        .client-code-sheet .qr p { font-size: 0.75rem; margin: 0.25rem 0 0; }
        .client-changes .acks { margin: 0.25rem 0 0.5rem; }
        .banner-note { border-left: 4px solid #00594f; background: #eef6f4; padding: 0.5rem 0.75rem; }
        fieldset.dob input { width: 4em; margin-right: 0.5rem; }
        /* Tasks: what, then when and for whom, the Done button beside; an overdue task stands out. */
        ul.tasks { list-style: none; padding: 0; margin: 0 0 1rem; }
        li.task { border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 4px; padding: 0.4rem 0.75rem; margin: 0 0 0.5rem; }
        li.task.overdue { border-left-color: var(--closed); background: #fdf3f3; }
        li.task.due-today { border-left-color: #b58900; }
        li.task p { margin: 0.1rem 0; }
        li.task .task-text { font-weight: 600; }
        li.task strong.overdue { color: var(--closed); }
        li.task form.inline button { min-height: 44px; margin-top: 0.25rem; }
        ol.messages { list-style: none; padding: 0; }
        li.message { border: 1px solid var(--line); border-radius: 4px; padding: 0.4rem 0.75rem; margin: 0 0 0.5rem; max-width: 40rem; }
        li.message.mine { margin-left: 2rem; background: var(--soft); }
        li.message .message-text { white-space: pre-wrap; margin: 0.2rem 0; }
        .hours-day .day-name { display: inline-block; min-width: 7.5rem; }
        .staff-form .hours-day input[type=time] { width: 8.5rem; max-width: none; }
        .hours-day .hours-pair { white-space: nowrap; }
        p.check { display: flex; gap: 0.5rem; align-items: center; }
        p.check input { width: 1.4rem; height: 1.4rem; flex: none; }
        p.check label { font-weight: normal; }
        /* A disclosure keeps its arrow (a list item), with a target big enough for a finger. */
        details > summary { display: list-item; min-height: 44px; padding-top: 0.6rem; box-sizing: border-box; cursor: pointer; color: var(--link, #00594f); font-weight: 600; }
        td.date, table.clients:not(.accounts) td:nth-child(2) { white-space: nowrap; }
        @media (max-width: 40rem) {
          table.cards thead, table.cards th[scope=col] { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: auto; }
          table.cards tr { border: 1px solid #ccc; border-radius: 4px; margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; }
          table.cards td { border: none; padding: 0.1rem 0; overflow-wrap: anywhere; }
          table.cards td:first-child { font-weight: bold; }
          table.cards td[data-label]::before { content: attr(data-label) ": "; color: #444; font-weight: normal; }
          table.audit thead, table.clients thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          table.audit, table.audit tbody, table.audit tr, table.audit td, table.clients, table.clients tbody, table.clients tr, table.clients td { display: block; width: auto; }
          table.audit tr, table.clients tr { border: 1px solid #ccc; border-radius: 4px; margin: 0 0 0.75rem; padding: 0.5rem 0.75rem; }
          table.audit td, table.clients td { border: none; padding: 0.1rem 0; overflow-wrap: anywhere; }
          table.audit td[data-label]::before, table.clients td[data-label]::before { content: attr(data-label) ": "; color: #444; }
        }
        @page receipt { size: A6; margin: 6mm; }
        .client-code-sheet { page: receipt; }
        @media print {
          @page { margin: 15mm; }
          .client-code-sheet { border: none; padding: 0; max-width: none; font-size: 9pt; }
          form, details:not([open]), .staff-form, #task-form, #message-form { display: none !important; }
          .print-name.visually-hidden { position: static; width: auto; height: auto; overflow: visible; clip: auto; white-space: normal; }
          .print-only { display: block; }
          header.site, footer.site, .banner, .urgent, .quick-exit, .no-print, .list-form, .skip, .map, nav { display: none !important; }
          body { font-size: 11pt; }
          a { color: var(--ink); text-decoration: none; }
          .result { break-inside: avoid; }
        }
        """

    static let js = """
        (function () {
          "use strict";
          document.documentElement.classList.remove("no-js");
          document.querySelectorAll(".js-only").forEach(function (el) { el.hidden = false; });

          // On a phone the filters start folded so the results come first (a category page too); they open
          // when tapped, and stay open when the page comes back from a change made in them (below).
          var details = document.getElementById("filters");
          if (details && window.matchMedia && !window.matchMedia("(min-width: 52rem)").matches) { details.open = false; }

          // Filters: a tick box applies at once; "when", a day, a time, a distance or an order waits for
          // Apply (typing a time, or moving through choices with the arrow keys, never reloads the
          // page). After the reload, focus and scroll are where they were.
          var form = document.querySelector("form.search");
          var remember = function (el, listed) {
            try {
              sessionStorage.setItem("waymark-filters", JSON.stringify({ id: el && el.id, listed: listed, y: window.scrollY, path: location.pathname }));
            } catch (e) { /* private mode: nothing kept */ }
          };
          // "Add to my list" reloads the page: it comes back where it was, on the same button (also for
          // results swapped in while typing, hence one listener for the whole page).
          document.addEventListener("submit", function (e) {
            var f = e.target;
            if (!f.classList || !f.classList.contains("list-form")) { return; }
            var idField = f.querySelector("input[name=id]");
            remember(null, idField ? idField.value : null);
            // This page puts focus and scroll back itself: the server need not aim at the card.
            if (!f.querySelector("input[name=js]")) {
              var flag = document.createElement("input");
              flag.type = "hidden"; flag.name = "js"; flag.value = "1";
              f.appendChild(flag);
            }
          });
          try {
            var saved = JSON.parse(sessionStorage.getItem("waymark-filters") || "null");
            sessionStorage.removeItem("waymark-filters");
            if (saved && saved.path === location.pathname) {
              var back = saved.id && document.getElementById(saved.id);
              if (!back && saved.listed) {
                document.querySelectorAll("form.list-form").forEach(function (f) {
                  var idField = f.querySelector("input[name=id]");
                  if (idField && idField.value === saved.listed) { back = f.querySelector("button"); }
                });
              }
              if (back && details && back.closest && back.closest("#filters")) { details.open = true; }
              window.scrollTo(0, saved.y);
              if (back) { back.focus({ preventScroll: true }); }
            }
          } catch (e) { /* nothing kept */ }
          if (form) {
            var apply = document.getElementById("apply-filters");
            form.querySelectorAll("aside input, aside select").forEach(function (el) {
              el.addEventListener("change", function () {
                if (el.type === "checkbox") {
                  remember(el);
                  form.submit();
                  return;
                }
                if (el.id === "day" || el.id === "time") {
                  var at = document.getElementById("open-at");
                  if (at) { at.checked = true; }
                }
                if (apply) { apply.classList.add("pending"); }
              });
            });
            if (apply) { apply.addEventListener("click", function () { remember(apply); }); }
            // Enter in a filter (the time box) submits too: come back to the filters, not the top.
            form.addEventListener("submit", function () {
              var active = document.activeElement;
              if (active && active.closest && active.closest("#filters") && active !== apply) { remember(apply || active); }
            });
          }

          // Instant results: as the visitor types, fetch the results page and swap in its results.
          var q = document.getElementById("q");
          var resultsSection = document.querySelector("section.results");
          if (q && form && resultsSection && window.fetch && window.DOMParser) {
            var timer = null, latest = 0;
            q.addEventListener("input", function () {
              clearTimeout(timer);
              timer = setTimeout(function () {
                var params = new URLSearchParams(new FormData(form));
                params.delete("page");
                var url = "/search?" + params.toString();
                var ticket = ++latest;
                fetch(url, { headers: { "Accept": "text/html" } }).then(function (r) { return r.text(); }).then(function (html) {
                  if (ticket !== latest) { return; }
                  var doc = new DOMParser().parseFromString(html, "text/html");
                  var fresh = doc.querySelector("section.results");
                  var list = fresh && fresh.querySelector("#results");
                  if (!fresh || !list) { return; }
                  document.getElementById("results").replaceWith(document.importNode(list, true));
                  document.getElementById("count-heading").textContent = fresh.querySelector("#count-heading").textContent;
                  var oldNav = resultsSection.querySelector("nav.pagination"), newNav = fresh.querySelector("nav.pagination");
                  if (oldNav) { oldNav.remove(); }
                  if (newNav) { document.getElementById("results").after(document.importNode(newNav, true)); }
                  // Words of crisis bring the helplines above the results as they are typed.
                  var oldCrisis = document.getElementById("crisis"), newCrisis = doc.getElementById("crisis");
                  if (oldCrisis) { oldCrisis.remove(); }
                  if (newCrisis) { document.querySelector("main h1").after(document.importNode(newCrisis, true)); }
                  history.replaceState(null, "", url);
                });
              }, 300);
            });
          }

          // Searches near a point (from the browser's location or a click on the map), nearest first.
          function searchNear(lat, lon) {
            document.getElementById("lat").value = lat.toFixed(5);
            document.getElementById("lon").value = lon.toFixed(5);
            document.getElementById("near").value = "";
            var sort = document.getElementById("sort");
            if (sort) { sort.value = "distance"; }
            form.submit();
          }

          // "Use my location" fills the hidden point and searches near it.
          var nearMe = document.getElementById("near-me");
          if (nearMe && navigator.geolocation) {
            nearMe.addEventListener("click", function () {
              navigator.geolocation.getCurrentPosition(function (pos) { searchNear(pos.coords.latitude, pos.coords.longitude); });
            });
          } else if (nearMe) { nearMe.hidden = true; }

          // Quick exit: the weather page replaces this one (so Back does not return here), at a click or
          // at three presses of Shift within two seconds.
          var exit = document.getElementById("quick-exit");
          if (exit) {
            var leave = function (e) {
              if (e) { e.preventDefault(); }
              document.body.style.visibility = "hidden";
              document.title = "";
              window.location.replace(exit.href);
            };
            exit.addEventListener("click", leave);
            var shifts = [];
            document.addEventListener("keyup", function (e) {
              if (e.key !== "Shift") { shifts = []; return; }
              var t = Date.now();
              shifts = shifts.filter(function (s) { return t - s < 2000; }).concat([t]);
              if (shifts.length >= 3) { leave(); }
            });
          }

          var printButton = document.getElementById("print-list");
          if (printButton) { printButton.addEventListener("click", function () { window.print(); }); }

          // The map: markers always; tiles when the tile server can be reached.
          var mapEl = document.getElementById("map");
          if (mapEl && window.L) {
            var points = [];
            try { points = JSON.parse(mapEl.getAttribute("data-points") || "[]"); } catch (e) { points = []; }
            var map = L.map(mapEl, { scrollWheelZoom: false });
            var tiles = mapEl.getAttribute("data-tiles");
            if (tiles) { L.tileLayer(tiles, { maxZoom: 19, attribution: "© OpenStreetMap contributors" }).addTo(map); }
            var bounds = [];
            points.forEach(function (p) {
              var marker = L.marker([p.lat, p.lon], { title: p.name, alt: p.name }).addTo(map);
              var link = document.createElement("a");
              link.href = p.url;
              link.textContent = p.name;
              marker.bindPopup(link);
              bounds.push([p.lat, p.lon]);
            });
            if (bounds.length) { map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 }); } else {
              var centre = (mapEl.getAttribute("data-centre") || "").split(",").map(Number);
              if (centre.length === 2 && !isNaN(centre[0]) && !isNaN(centre[1])) { map.setView(centre, 14); }
            }
            // A tap on the map offers to search near that point; it never searches by itself.
            var pick = mapEl.getAttribute("data-pick");
            var here = mapEl.getAttribute("data-here");
            if (pick && here && form) {
              mapEl.setAttribute("title", pick);
              map.on("click", function (e) {
                var button = document.createElement("button");
                button.type = "button";
                button.className = "secondary";
                button.textContent = here;
                button.addEventListener("click", function () { searchNear(e.latlng.lat, e.latlng.lng); });
                L.popup().setLatLng(e.latlng).setContent(button).openOn(map);
                button.focus();
              });
            }
          }

          // Print buttons (shown only with JavaScript; without it the page says to use the browser's Print).
          document.querySelectorAll("[data-print]").forEach(function (b) { b.addEventListener("click", function () { window.print(); }); });

          // The QR code on a client's receipt opens /me with the code after "#" (never sent to any
          // server): it fills the code box, then leaves the address bar and history without it.
          var codeBox = document.getElementById("client-code");
          var fragment = /^#code=([0-9A-Za-z-]{16,24})$/.exec(location.hash);
          if (codeBox && codeBox.tagName === "INPUT" && fragment) {
            codeBox.value = fragment[1].toUpperCase();
            history.replaceState(null, "", location.pathname + location.search);
            var day = document.getElementById("dob-day");
            if (day) { day.focus(); }
          }
        })();
        """
}
