// Progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // Opened from disk (a USB stick, a training-room PC), a folder link shows a file listing
  // instead of the page: point folder links, and the search forms, at their index.html.
  if (window.location.protocol === "file:") {
    var toIndex = function (href) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.charAt(0) === "#") return href;
      var parts = href.split("#");
      if (parts[0] === "" || parts[0].slice(-1) === "/" || parts[0] === "." || parts[0] === "..") {
        var path = parts[0] === "" ? "./" : parts[0].replace(/\/?$/, "/");
        return path + "index.html" + (parts.length > 1 ? "#" + parts.slice(1).join("#") : "");
      }
      return href;
    };
    var links = document.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) links[i].setAttribute("href", toIndex(links[i].getAttribute("href")));
    var forms = document.querySelectorAll("form[action]");
    for (var j = 0; j < forms.length; j++) forms[j].setAttribute("action", toIndex(forms[j].getAttribute("action")));
  }

  // 适老化: the large-text switch, remembered between pages and visits.
  var largeText = document.getElementById("large-text");
  if (largeText) {
    try {
      if (window.localStorage.getItem("portal-large-text") === "1") largeText.checked = true;
    } catch (e) {}
    var applyTextSize = function () {
      document.documentElement.classList.toggle("large-text", largeText.checked);
    };
    applyTextSize();
    largeText.addEventListener("change", function () {
      try {
        window.localStorage.setItem("portal-large-text", largeText.checked ? "1" : "0");
      } catch (e) {}
      applyTextSize();
    });
  }

  // Printing opens the tables folded under the dashboard's charts, and closes again after.
  window.addEventListener("beforeprint", function () {
    var folded = document.querySelectorAll("details.table-details:not([open])");
    for (var i = 0; i < folded.length; i++) {
      folded[i].setAttribute("open", "");
      folded[i].setAttribute("data-opened-for-print", "");
    }
  });
  window.addEventListener("afterprint", function () {
    var opened = document.querySelectorAll("details[data-opened-for-print]");
    for (var i = 0; i < opened.length; i++) {
      opened[i].removeAttribute("open");
      opened[i].removeAttribute("data-opened-for-print");
    }
  });

  // The lists of sites and members hold every item: their district and category links filter
  // the list in place instead of loading the narrowed list's page (which they lead to without
  // this script). A second choice in the other row narrows further.
  var list = document.querySelector("[data-filter-list]");
  var filterNav = document.querySelector(".list-filters");
  if (list && filterNav) {
    var chosen = { district: "", category: "" };
    var apply = function () {
      var total = 0;
      var groups = list.querySelectorAll("[data-filter-group]");
      for (var g = 0; g < groups.length; g++) {
        var items = groups[g].querySelectorAll("[data-district]");
        var shown = 0;
        for (var k = 0; k < items.length; k++) {
          var fits = (!chosen.district || items[k].getAttribute("data-district") === chosen.district) &&
            (!chosen.category || items[k].getAttribute("data-category") === chosen.category);
          items[k].hidden = !fits;
          if (fits) shown++;
        }
        total += shown;
        var count = groups[g].querySelector("[data-filter-count]");
        if (count) count.textContent = String(shown);
        var empty = groups[g].querySelector(".filter-empty");
        var table = groups[g].querySelector(".table-wrap");
        if (empty) empty.hidden = shown > 0;
        if (table) table.hidden = shown === 0;
        if (!count) groups[g].hidden = shown === 0;
      }
      var totalText = document.querySelector("[data-filter-total]");
      if (totalText) totalText.textContent = String(total);
      var links = filterNav.querySelectorAll("a[data-filter]");
      for (var m = 0; m < links.length; m++) {
        var kind = links[m].getAttribute("data-filter");
        if (links[m].getAttribute("data-value") === chosen[kind]) links[m].setAttribute("aria-current", "true");
        else links[m].removeAttribute("aria-current");
      }
    };
    filterNav.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest("a[data-filter]") : null;
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      chosen[link.getAttribute("data-filter")] = link.getAttribute("data-value");
      apply();
    });
  }

  // Printing: each link in the page shows the portal's own address of what it leads to, even
  // from a copy opened from disk, worked out from the page's canonical address.
  var canonical = document.querySelector('link[rel="canonical"]');
  var main = document.getElementById("main");
  if (canonical && main && window.URL) {
    window.addEventListener("beforeprint", function () {
      var base = canonical.getAttribute("href");
      main.setAttribute("data-page-url", base);
      var anchors = main.querySelectorAll("a[href]");
      for (var j = 0; j < anchors.length; j++) {
        var target = anchors[j].getAttribute("href");
        if (target.charAt(0) === "#" || /^(mailto|tel):/i.test(target)) continue;
        try {
          anchors[j].setAttribute("data-print-url", new URL(target.replace(/index\.html(?=$|[?#])/, ""), base).href);
        } catch (e) {}
      }
    });
  }
})();
