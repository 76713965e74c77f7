/// GitHub's tag filter: in raw HTML that is let through, the opening `<` of these tags is
/// written as `&lt;`, so that they show as text rather than change the page.
enum TagFilter {
    static let tags = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]

    static func filtered(_ html: String) -> String {
        let bytes = Array(html.utf8)
        guard bytes.contains(UInt8(ascii: "<")) else { return html }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), isFiltered(bytes, at: index) {
                output += Array("&lt;".utf8)
            } else {
                output.append(bytes[index])
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `<tag` or `</tag` followed by white space, `/`, `>` or the end, any case.
    private static func isFiltered(_ bytes: [UInt8], at offset: Int) -> Bool {
        var start = offset + 1
        if start < bytes.count, bytes[start] == UInt8(ascii: "/") { start += 1 }
        for tag in tags {
            let end = start + tag.utf8.count
            guard end <= bytes.count else { continue }
            let name = bytes[start..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
            guard name.elementsEqual(tag.utf8) else { continue }
            if end == bytes.count { return true }
            let next = bytes[end]
            if next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == 0x0C || next == UInt8(ascii: "/")
                || next == UInt8(ascii: ">")
            {
                return true
            }
        }
        return false
    }
}
