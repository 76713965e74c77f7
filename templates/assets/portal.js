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
