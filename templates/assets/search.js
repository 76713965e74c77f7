// The search page: finds cases, sites, members, courses and pages in the index the build writes
// beside the page (search/meta.js, search/terms/<n>.js, search/docs/<n>.js), with no server and
// no other host. Each index file is a script that calls portalSearchShard(kind, number, data);
// it is loaded with a <script> element, which works from disk (file://) as well as over HTTP,
// where fetch() of a local file would be refused.
//
// How text becomes terms, how a term picks its shard and how postings are written must match
// Sources/Search (SearchTokenizer, SearchTerm.shard(of:), PostingCode): a change there needs
// the same change here.
(function (global) {
  "use strict";

  var shards = { meta: {}, terms: {}, docs: {} };

  global.portalSearchShard = function (kind, number, data) {
    if (shards[kind]) shards[kind][number] = data;
  };

  // MARK: Text

  var letterOrNumber = (function () {
    try {
      return new RegExp("[\\p{L}\\p{N}]", "u");
    } catch (error) {
      // Browsers without Unicode property escapes: Chinese, and letters and digits of most scripts.
      return /[0-9A-Za-z\u00aa\u00b2\u00b3\u00b5\u00b9\u00ba\u00bc-\u00be\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02c1\u0370-\u03ff\u0400-\u0481\u3005-\u3007\u3021-\u3029\u3041-\u3096\u30a1-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff]/;
    }
  })();

  // The character the index keeps for code point `code`, or 0 where terms are cut.
  function indexed(code) {
    if (code < 0x80) {
      if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) return code;
      if (code >= 0x41 && code <= 0x5a) return code + 0x20;
      return 0;
    }
    if (code >= 0x4e00 && code <= 0x9fff) return code;
    if (code >= 0xff01 && code <= 0xff5e) return indexed(code - 0xfee0);
    return letterOrNumber.test(String.fromCodePoint(code)) ? code : 0;
  }

  // The code points of `text`, each with where it starts in the string.
  function codePoints(text) {
    var points = [];
    for (var i = 0; i < text.length; i++) {
      var code = text.codePointAt(i);
      points.push({ code: code, start: i, end: code > 0xffff ? i + 2 : i + 1 });
      if (code > 0xffff) i++;
    }
    return points;
  }

  // The terms of a query: the bigrams of each run of two or more characters, a run of one
  // character as that character; each once.
  function queryTerms(query) {
    var terms = [];
    var seen = {};
    var run = [];
    function endRun() {
      if (run.length === 1) add(String.fromCodePoint(run[0]));
      for (var i = 1; i < run.length; i++) add(String.fromCodePoint(run[i - 1], run[i]));
      run = [];
    }
    function add(term) {
      if (!Object.prototype.hasOwnProperty.call(seen, term)) {
        seen[term] = true;
        terms.push(term);
      }
    }
    codePoints(query).forEach(function (point) {
      var code = indexed(point.code);
      if (code) run.push(code);
      else endRun();
    });
    endRun();
    return terms;
  }

  // The shard of `term` among `count`: SearchTerm.shard(of:).
  function shardOf(term, count) {
    var first = term.codePointAt(0);
    var second = term.length > (first > 0xffff ? 2 : 1) ? term.codePointAt(first > 0xffff ? 2 : 1) : 0;
    var hash = Math.imul(first, 0x9e3779b1) ^ second;
    hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
    hash ^= hash >>> 13;
    return (hash >>> 0) & (count - 1);
  }

  // The numbers of a string of posting codes: base 26, lower-case letters for every digit but
  // the last, which is upper case.
  function readCodes(text) {
    var values = [];
    var value = 0;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code >= 97) {
        value = value * 26 + (code - 97);
      } else {
        values.push(value * 26 + (code - 65));
        value = 0;
      }
    }
    return values;
  }

  // A posting list: the documents in increasing order, and the term's score in each.
  function readPostings(text) {
    var codes = readCodes(text);
    var documents = [];
    var scores = [];
    var previous = -1;
    for (var i = 0; i < codes.length; i++) {
      previous += 1 + Math.floor(codes[i] / 2);
      documents.push(previous);
      scores.push(codes[i] % 2 === 1 ? codes[++i] : 1);
    }
    return { documents: documents, scores: scores };
  }

  // Where the terms of a query are in `text`: sorted, merged [start, end) ranges of the string.
  function marks(text, terms) {
    var wanted = {};
    terms.forEach(function (term) {
      wanted[term] = true;
    });
    var points = codePoints(text);
    var ranges = [];
    function mark(start, end) {
      var last = ranges[ranges.length - 1];
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else ranges.push([start, end]);
    }
    for (var i = 0; i < points.length; i++) {
      var code = indexed(points[i].code);
      if (!code) continue;
      if (wanted[String.fromCodePoint(code)]) mark(points[i].start, points[i].end);
      var next = i + 1 < points.length ? indexed(points[i + 1].code) : 0;
      if (next && wanted[String.fromCodePoint(code, next)]) mark(points[i].start, points[i + 1].end);
    }
    return ranges;
  }

  // At most `length` characters of `text` around its first mark, with the marks moved to match.
  function excerpt(text, ranges, length) {
    if (text.length <= length) return { text: text, marks: ranges };
    var start = ranges.length ? Math.max(0, ranges[0][0] - Math.floor(length / 4)) : 0;
    var end = Math.min(text.length, start + length);
    var shown = (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
    var shift = start > 0 ? 1 - start : 0;
    var moved = [];
    ranges.forEach(function (range) {
      if (range[1] <= start || range[0] >= end) return;
      moved.push([Math.max(range[0], start) + shift, Math.min(range[1], end) + shift]);
    });
    return { text: shown, marks: moved };
  }

  // What a result shows of `record` besides its title: the first of its summary, names and
  // excerpt that holds a term of the query, and the second if another does too; the summary when
  // none does. Each at most `length` characters around its first mark, with its marks. A body
  // whose first paragraph is the summary is shown from after it.
  function snippets(record, terms, length) {
    var summary = record.summary.replace(/…$/, "");
    var body = record.excerpt;
    if (summary && body.indexOf(summary) === 0) body = body.slice(summary.length).replace(/^\s+/, "");
    var fields = [record.summary, record.names, body].filter(function (text) {
      return text;
    });
    var matched = fields.filter(function (text) {
      return marks(text, terms).length > 0;
    });
    return (matched.length ? matched.slice(0, 2) : fields.slice(0, 1)).map(function (text) {
      return excerpt(text, marks(text, terms), length);
    });
  }

  // MARK: The index

  // An index whose files are found below `base` and run by `load(src)`, which returns a
  // promise that settles when the file has run (or failed to).
  function Index(base, load) {
    this.base = base;
    this.load = load;
    this.pending = {};
    this.meta = null;
  }

  Index.prototype.file = function (kind, number, path) {
    var self = this;
    if (!self.pending[path]) {
      self.pending[path] = self.load(self.base + path).then(function () {
        if (shards[kind][number] === undefined) throw new Error("索引文件无效：" + path);
        return shards[kind][number];
      });
      self.pending[path].catch(function () {
        delete self.pending[path];
      });
    }
    return self.pending[path];
  };

  // The meta file, its columns read once.
  Index.prototype.facets = function () {
    var self = this;
    if (self.meta) return Promise.resolve(self.meta);
    return self.file("meta", 0, "meta.js").then(function (data) {
      var days = readCodes(data.date).map(function (value) {
        return value === 0 ? null : data.firstDay + value - 1;
      });
      var dated = days.filter(function (day) {
        return day !== null;
      });
      self.meta = {
        data: data,
        kind: readCodes(data.kind),
        district: readCodes(data.district),
        category: readCodes(data.category),
        day: days,
        year: days.map(function (day) {
          return day === null ? null : new Date(day * 864e5).getUTCFullYear();
        }),
        firstDay: dated.length ? Math.min.apply(null, dated) : 0,
        lastDay: dated.length ? Math.max.apply(null, dated) : 0,
      };
      return self.meta;
    });
  };

  // The documents that hold every term of `query` and pass `filters` ({district, category,
  // year}, each optional), best first: the sum of the terms' scores (title 10, tag and name 6,
  // district and summary 3, body 1), plus less than one point for being newer; then newer
  // first, then by number.
  Index.prototype.search = function (query, filters) {
    var self = this;
    var terms = queryTerms(query);
    filters = filters || {};
    if (!terms.length) return Promise.resolve({ terms: terms, hits: [] });
    return self.facets().then(function (meta) {
      var count = meta.data.termShards;
      return Promise.all(
        terms.map(function (term) {
          var shard = shardOf(term, count);
          return self.file("terms", shard, "terms/" + shard + ".js").then(function (entries) {
            return Object.prototype.hasOwnProperty.call(entries, term) ? readPostings(entries[term]) : null;
          });
        })
      ).then(function (lists) {
        return { terms: terms, hits: rank(lists, meta, filters) };
      });
    });
  };

  function position(list, value) {
    for (var i = 0; i < list.length; i++) if (list[i][1] === value) return i + 1;
    return -1;
  }

  function rank(lists, meta, filters) {
    if (lists.some(function (list) { return list === null; })) return [];
    lists.sort(function (a, b) {
      return a.documents.length - b.documents.length;
    });
    var documents = lists[0].documents.slice();
    var scores = lists[0].scores.slice();
    for (var l = 1; l < lists.length; l++) {
      var other = lists[l];
      var kept = 0;
      for (var i = 0, j = 0; i < documents.length && j < other.documents.length; ) {
        if (documents[i] < other.documents[j]) i++;
        else if (documents[i] > other.documents[j]) j++;
        else {
          documents[kept] = documents[i];
          scores[kept++] = scores[i] + other.scores[j];
          i++;
          j++;
        }
      }
      documents.length = kept;
      scores.length = kept;
    }
    var district = filters.district ? position(meta.data.districts, filters.district) : 0;
    var category = filters.category ? position(meta.data.categories, filters.category) : 0;
    var year = filters.year ? Number(filters.year) : 0;
    var span = meta.lastDay - meta.firstDay + 1;
    var hits = [];
    for (var k = 0; k < documents.length; k++) {
      var number = documents[k];
      if (district && meta.district[number] !== district) continue;
      if (category && meta.category[number] !== category) continue;
      if (year && meta.year[number] !== year) continue;
      var day = meta.day[number];
      hits.push({
        document: number,
        score: scores[k] + (day === null ? 0 : (day - meta.firstDay) / span),
        day: day === null ? -Infinity : day,
      });
    }
    hits.sort(function (a, b) {
      return b.score - a.score || b.day - a.day || a.document - b.document;
    });
    return hits;
  }

  // What results show of the documents `numbers`, in their order: {number, kind, district,
  // category, path, title, date, summary, names, tags, excerpt}.
  Index.prototype.records = function (numbers) {
    var self = this;
    return self.facets().then(function (meta) {
      var size = meta.data.documentsPerShard;
      var wanted = {};
      numbers.forEach(function (number) {
        wanted[Math.floor(number / size)] = true;
      });
      return Promise.all(
        Object.keys(wanted).map(function (shard) {
          return self.file("docs", Number(shard), "docs/" + shard + ".js");
        })
      ).then(function () {
        return numbers.map(function (number) {
          var fields = shards.docs[Math.floor(number / size)][number % size];
          var district = meta.district[number];
          var category = meta.category[number];
          return {
            number: number,
            kind: meta.data.kinds[meta.kind[number]],
            district: district ? meta.data.districts[district - 1][0] : "",
            category: category ? meta.data.categories[category - 1][0] : "",
            path: fields[0],
            title: fields[1],
            date: fields[2],
            summary: fields[3],
            names: fields[4],
            tags: fields[5],
            excerpt: fields[6],
          };
        });
      });
    });
  };

  global.PortalSearch = {
    Index: Index,
    queryTerms: queryTerms,
    shardOf: shardOf,
    readPostings: readPostings,
    marks: marks,
    excerpt: excerpt,
    snippets: snippets,
  };

  // MARK: The page

  var document = global.document;
  if (!document) return;

  var pageSize = 10;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.onload = function () {
        resolve();
      };
      script.onerror = function () {
        reject(new Error("无法加载 " + src));
      };
      document.head.appendChild(script);
    });
  }

  // Text with its marks as <mark> elements, built as nodes: the text is never read as HTML.
  function marked(element, text, ranges) {
    var at = 0;
    ranges.forEach(function (range) {
      if (range[0] > at) element.appendChild(document.createTextNode(text.slice(at, range[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(range[0], range[1]);
      element.appendChild(mark);
      at = range[1];
    });
    if (at < text.length) element.appendChild(document.createTextNode(text.slice(at)));
    return element;
  }

  function paragraph(className, shown) {
    var element = document.createElement("p");
    element.className = className;
    return marked(element, shown.text, shown.marks);
  }

  function parameters(search) {
    var values = {};
    search.replace(/^\?/, "").split("&").forEach(function (pair) {
      if (!pair) return;
      var parts = pair.split("=");
      var decode = function (text) {
        try {
          return decodeURIComponent((text || "").replace(/\+/g, " "));
        } catch (error) {
          return "";
        }
      };
      values[decode(parts[0])] = decode(parts.slice(1).join("="));
    });
    return values;
  }

  function start() {
    var form = document.getElementById("search-form");
    if (!form) return;
    var input = document.getElementById("search-q");
    var selects = {
      district: document.getElementById("search-district"),
      category: document.getElementById("search-category"),
      year: document.getElementById("search-year"),
    };
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var more = document.getElementById("search-more");
    var root = form.getAttribute("data-root");
    var fromDisk = global.location.protocol === "file:";
    var index = new Index(form.getAttribute("data-index"), loadScript);
    var current = { hits: [], terms: [], shown: 0, run: 0 };

    function href(path) {
      var target = root + path;
      if (fromDisk && (path === "" || path.slice(-1) === "/")) target += "index.html";
      return target;
    }

    function show(records) {
      records.forEach(function (record) {
        var item = document.createElement("li");
        item.className = "search-result";
        var heading = document.createElement("h2");
        var link = document.createElement("a");
        link.href = href(record.path);
        marked(link, record.title, marks(record.title, current.terms));
        heading.appendChild(link);
        item.appendChild(heading);
        var meta = document.createElement("p");
        meta.className = "meta";
        meta.textContent = [record.kind, record.district, record.category, record.date]
          .filter(function (part) {
            return part;
          })
          .join(" · ");
        item.appendChild(meta);
        snippets(record, current.terms, 120).forEach(function (shown) {
          item.appendChild(paragraph("search-snippet", shown));
        });
        if (record.tags) {
          item.appendChild(paragraph("search-tags", excerpt(record.tags, marks(record.tags, current.terms), 200)));
        }
        list.appendChild(item);
      });
    }

    function showMore() {
      var run = current.run;
      var numbers = current.hits.slice(current.shown, current.shown + pageSize).map(function (hit) {
        return hit.document;
      });
      current.shown += numbers.length;
      return index.records(numbers).then(function (records) {
        if (run !== current.run) return;
        show(records);
        more.hidden = current.shown >= current.hits.length;
      });
    }

    // Shows the results for `values` ({q, district, category, year}); on the page's first
    // run an empty query asks for nothing.
    function run(values, first) {
      input.value = values.q || "";
      Object.keys(selects).forEach(function (name) {
        if (selects[name]) selects[name].value = values[name] || "";
      });
      var runNumber = ++current.run;
      list.textContent = "";
      more.hidden = true;
      var query = input.value.trim();
      if (!query) {
        status.textContent = first ? "" : "请输入关键词";
        return;
      }
      status.textContent = "正在搜索…";
      index
        .search(query, { district: values.district, category: values.category, year: values.year })
        .then(function (result) {
          if (runNumber !== current.run) return;
          current.hits = result.hits;
          current.terms = result.terms;
          current.shown = 0;
          return showMore().then(function () {
            if (runNumber === current.run) status.textContent = "找到 " + result.hits.length + " 条结果";
          });
        })
        .catch(function () {
          if (runNumber === current.run) status.textContent = "搜索索引加载失败，请刷新页面重试";
        });
    }

    function values() {
      var result = { q: input.value };
      Object.keys(selects).forEach(function (name) {
        if (selects[name] && selects[name].value) result[name] = selects[name].value;
      });
      return result;
    }

    function query(values) {
      return (
        "?" +
        Object.keys(values)
          .filter(function (name) {
            return values[name];
          })
          .map(function (name) {
            return encodeURIComponent(name) + "=" + encodeURIComponent(values[name]);
          })
          .join("&")
      );
    }

    // Over HTTP the results change in place and the address follows, so a search can be linked
    // and the back button works; from disk the form loads the page anew with the query, as it
    // does without this script.
    form.addEventListener("submit", function (event) {
      if (fromDisk) return;
      event.preventDefault();
      var wanted = values();
      global.history.pushState(null, "", query(wanted));
      run(wanted);
    });
    Object.keys(selects).forEach(function (name) {
      if (!selects[name]) return;
      selects[name].addEventListener("change", function () {
        if (!input.value.trim()) return;
        if (form.requestSubmit) form.requestSubmit();
        else form.submit();
      });
    });
    global.addEventListener("popstate", function () {
      run(parameters(global.location.search));
    });
    more.addEventListener("click", function () {
      var first = list.children.length;
      showMore().then(function () {
        var link = list.children[first] && list.children[first].querySelector("a");
        if (link) link.focus();
      });
    });
    run(parameters(global.location.search), true);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})(typeof window !== "undefined" ? window : this);
