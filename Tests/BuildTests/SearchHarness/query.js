// Runs the search page's script on a built portal under node, the way a browser runs it: the
// script from site/assets/search.js in a global of its own, and each index file it asks for run
// in that same global, as a <script src> element would run it.
//
//   node query.js SITE QUERIES
//
// SITE is the built portal; QUERIES a JSON list of {q, district, category, year, limit}. Prints a
// JSON list with, for each query: its terms, the number of results, the first `limit` of them (ten
// by default; kind, title, path, district, category, date, score, and the snippets with their
// marks in ⟦ ⟧), and the index files it loaded with their sizes. Each query starts with nothing
// loaded.
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [site, queries] = process.argv.slice(2);
const context = vm.createContext({});
const script = path.join(site, "assets", "search.js");
vm.runInContext(fs.readFileSync(script, "utf8"), context, { filename: script });
const search = context.PortalSearch;

function withMarks(text, marks) {
  let result = "";
  let at = 0;
  for (const [start, end] of marks) {
    result += text.slice(at, start) + "⟦" + text.slice(start, end) + "⟧";
    at = end;
  }
  return result + text.slice(at);
}

async function run(query) {
  const loaded = [];
  const index = new search.Index("search/", (src) => {
    const file = path.join(site, src);
    const code = fs.readFileSync(file, "utf8");
    const compressed = fs.existsSync(file + ".gz") ? fs.statSync(file + ".gz").size : null;
    loaded.push({ file: src, bytes: Buffer.byteLength(code), gzipBytes: compressed });
    vm.runInContext(code, context, { filename: file });
    return Promise.resolve();
  });
  const found = await index.search(query.q, query);
  const shown = found.hits.slice(0, query.limit || 10);
  const records = await index.records(shown.map((hit) => hit.document));
  return {
    query,
    terms: Array.from(found.terms),
    total: found.hits.length,
    results: records.map((record, position) => ({
      kind: record.kind,
      title: withMarks(record.title, search.marks(record.title, found.terms)),
      path: record.path,
      district: record.district,
      category: record.category,
      date: record.date,
      score: shown[position].score,
      snippets: Array.from(search.snippets(record, found.terms, 120), (part) => withMarks(part.text, part.marks)),
    })),
    loaded,
  };
}

(async () => {
  const results = [];
  for (const query of JSON.parse(queries)) results.push(await run(query));
  process.stdout.write(JSON.stringify(results));
})().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
  process.exit(1);
});
