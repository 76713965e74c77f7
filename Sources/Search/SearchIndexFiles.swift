import Core
import Foundation
import Model

/// The bytes of the index files, and the reading back of shards that a quick rebuild updates.
/// Each file is a script that hands its part of the index to the search page:
///
/// ```
/// portalSearchShard("meta",0,{"documents":29,…});
/// portalSearchShard("terms",3,{"六":"AF","六有":"ABcCK",…});
/// portalSearchShard("docs",0,[["cases/case-01/","标题","2024年2月2日",…],…]);
/// ```
///
/// Scripts rather than JSON: a page opened from disk (`file://`) may not fetch files, but it
/// may load scripts, and a script file needs no inline code, which a `Content-Security-Policy`
/// of `default-src 'self'` forbids. The form is canonical (terms in increasing order, postings
/// by document, no white space), so the same index is the same bytes, however it was made.
public enum SearchIndexFiles {
    /// The fields of a document's record, in order.
    public static let recordFields = ["path", "title", "date", "summary", "names", "tags", "excerpt"]

    public static func termShard(_ number: Int, _ entries: [(term: SearchTerm, postings: [UInt8])]) -> [UInt8] {
        var bytes = opening("terms", number, "{")
        bytes.reserveCapacity(entries.reduce(bytes.count + 8) { $0 + $1.postings.count + 12 })
        for (position, entry) in entries.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            appendJSON(entry.term.description, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            bytes.append(UInt8(ascii: "\""))
            bytes += entry.postings
            bytes.append(UInt8(ascii: "\""))
        }
        bytes += Array("});\n".utf8)
        return bytes
    }

    public static func documentShard(_ number: Int, _ records: [[String]]) -> [UInt8] {
        var bytes = opening("docs", number, "[")
        for (position, record) in records.enumerated() {
            bytes += Array((position > 0 ? ",[" : "[").utf8)
            for (field, value) in record.enumerated() {
                if field > 0 { bytes.append(UInt8(ascii: ",")) }
                appendJSON(value, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }
        bytes += Array("]);\n".utf8)
        return bytes
    }

    /// The meta file: the layout, the names of kinds, districts and categories, and for every
    /// document, as a string of posting codes each: its kind, its district and category
    /// (position + 1, 0 for none) and its date (days after `firstDay` + 1, 0 for none;
    /// `firstDay` is the earliest date, in days since 1970-01-01).
    public static func meta(_ corpus: SearchCorpus, layout: SearchIndexLayout) -> [UInt8] {
        let facets = (0..<corpus.count).map { corpus.facets(of: $0) }
        let days = facets.map { $0.day.map(daysSince1970) }
        let firstDay = days.compactMap { $0 }.min() ?? 0
        var kinds: [UInt8] = []
        var districts: [UInt8] = []
        var categories: [UInt8] = []
        var dates: [UInt8] = []
        for (facet, day) in zip(facets, days) {
            PostingCode.append(facet.kind.rawValue, to: &kinds)
            PostingCode.append(facet.district.map { $0 + 1 } ?? 0, to: &districts)
            PostingCode.append(facet.category.map { $0 + 1 } ?? 0, to: &categories)
            PostingCode.append(day.map { $0 - firstDay + 1 } ?? 0, to: &dates)
        }
        let config = corpus.portal.config
        var bytes = opening("meta", 0, "{")
        func key(_ name: String) {
            if bytes.last != UInt8(ascii: "{") { bytes.append(UInt8(ascii: ",")) }
            appendJSON(name, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
        }
        func list(_ items: [[String]]) {
            bytes.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(UInt8(ascii: "["))
                for (field, value) in item.enumerated() {
                    if field > 0 { bytes.append(UInt8(ascii: ",")) }
                    appendJSON(value, to: &bytes)
                }
                bytes.append(UInt8(ascii: "]"))
            }
            bytes.append(UInt8(ascii: "]"))
        }
        key("documents")
        bytes += Array(String(layout.documentCount).utf8)
        key("termShards")
        bytes += Array(String(layout.termShardCount).utf8)
        key("documentsPerShard")
        bytes += Array(String(SearchIndexLayout.documentsPerShard).utf8)
        key("firstDay")
        bytes += Array(String(firstDay).utf8)
        key("kinds")
        bytes.append(UInt8(ascii: "["))
        for kind in SearchDocument.Kind.allCases {
            if kind.rawValue > 0 { bytes.append(UInt8(ascii: ",")) }
            appendJSON(kind.label, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
        key("districts")
        list(config.districts.map { [$0.name, $0.slug] })
        key("categories")
        list(config.categories.map { [$0.name, $0.slug] })
        for (name, codes) in [("kind", kinds), ("district", districts), ("category", categories), ("date", dates)] {
            key(name)
            bytes.append(UInt8(ascii: "\""))
            bytes += codes
            bytes.append(UInt8(ascii: "\""))
        }
        bytes += Array("});\n".utf8)
        return bytes
    }

    /// Days from 1970-01-01 to `day` (negative before it), in the proleptic Gregorian calendar.
    public static func daysSince1970(_ day: Day) -> Int {
        // Howard Hinnant's days_from_civil.
        let year = day.month <= 2 ? day.year - 1 : day.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (day.month + (day.month > 2 ? -3 : 9)) + 2) / 5 + day.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    // MARK: Reading back

    /// The entries of term shard `number`, as `termShard` wrote them; nil for anything else.
    public static func readTermShard(_ bytes: [UInt8], number: Int) -> [(term: SearchTerm, postings: [UInt8])]? {
        let opening = opening("terms", number, "{")
        let closing = Array("});\n".utf8)
        guard bytes.count >= opening.count + closing.count, bytes.starts(with: opening), bytes.suffix(4).elementsEqual(closing)
        else { return nil }
        var entries: [(term: SearchTerm, postings: [UInt8])] = []
        var index = opening.count
        let end = bytes.count - closing.count
        while index < end {
            if !entries.isEmpty {
                guard bytes[index] == UInt8(ascii: ",") else { return nil }
                index += 1
            }
            guard let term = quoted(bytes, at: &index, end: end),
                let text = String(validating: term, as: UTF8.self), let searchTerm = SearchTerm(text: text),
                index < end, bytes[index] == UInt8(ascii: ":")
            else { return nil }
            index += 1
            guard let postings = quoted(bytes, at: &index, end: end) else { return nil }
            entries.append((searchTerm, Array(postings)))
        }
        return entries
    }

    /// The records of document shard `number`, as `documentShard` wrote them; nil for anything
    /// else.
    public static func readDocumentShard(_ bytes: [UInt8], number: Int) -> [[String]]? {
        let opening = opening("docs", number, "[")
        let closing = Array(");\n".utf8)
        guard bytes.count >= opening.count + closing.count, bytes.starts(with: opening), bytes.suffix(3).elementsEqual(closing)
        else { return nil }
        let json = Data(bytes[(opening.count - 1)..<(bytes.count - closing.count)])
        guard let records = try? JSONDecoder().decode([[String]].self, from: json),
            records.allSatisfy({ $0.count == recordFields.count }), documentShard(number, records) == bytes
        else { return nil }
        return records
    }

    /// The bytes between two quotation marks at `index`, which must hold no escape.
    private static func quoted(_ bytes: [UInt8], at index: inout Int, end: Int) -> ArraySlice<UInt8>? {
        guard index < end, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        var position = start
        while position < end, bytes[position] != UInt8(ascii: "\"") {
            if bytes[position] == UInt8(ascii: "\\") { return nil }
            position += 1
        }
        guard position < end else { return nil }
        index = position + 1
        return bytes[start..<position]
    }

    private static func opening(_ kind: String, _ number: Int, _ bracket: String) -> [UInt8] {
        Array("portalSearchShard(\"\(kind)\",\(number),\(bracket)".utf8)
    }

    /// `text` as a JSON string that is also a valid JavaScript string literal: `"`, `\` and
    /// control characters escaped, and U+2028 and U+2029, which older JavaScript reads as line
    /// ends.
    static func appendJSON(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        let hex = Array("0123456789abcdef".utf8)
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                var escaped: UInt32?
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    bytes += [UInt8(ascii: "\\"), byte]
                case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case 0x00..<0x20: escaped = UInt32(byte)
                case 0xE2
                where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    escaped = utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029
                    index += 2
                default:
                    bytes.append(byte)
                }
                if let escaped {
                    bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u")]
                    for shift: UInt32 in [12, 8, 4, 0] { bytes.append(hex[Int((escaped >> shift) & 0xF)]) }
                }
                index += 1
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
