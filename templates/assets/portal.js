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
})();
