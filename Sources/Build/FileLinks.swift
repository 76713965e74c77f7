/// Links for a copy of the portal opened from disk (`portal build --relative`): a browser that
/// opens files shows a folder's listing, not its `index.html`, so every relative link to a
/// folder (`cases/x/`, `./`, `../`) is made to name the folder's `index.html`. The pages'
/// links are already relative, so the copy works from any folder or USB stick.
enum FileLinks {
    /// `bytes`, an HTML page, with each relative folder link in an `href` or `action`
    /// attribute ending in `index.html`; a fragment or query stays after it.
    static func pointingAtFiles(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 1024)
        var index = 0
        while index < bytes.count {
            guard let valueStart = attributeValueStart(in: bytes, at: index) else {
                output.append(bytes[index])
                index += 1
                continue
            }
            output.append(contentsOf: bytes[index..<valueStart])
            var end = valueStart
            while end < bytes.count && bytes[end] != quote { end += 1 }
            output.append(contentsOf: rewritten(bytes[valueStart..<end]))
            index = end
        }
        return output
    }

    private static let quote = UInt8(ascii: "\"")
    private static let attributes: [[UInt8]] = [Array(" href=\"".utf8), Array(" action=\"".utf8)]
    private static let indexFile = Array("index.html".utf8)

    /// Where the value of an `href` or `action` attribute starting at `index` begins.
    private static func attributeValueStart(in bytes: [UInt8], at index: Int) -> Int? {
        guard bytes[index] == UInt8(ascii: " ") else { return nil }
        for attribute in attributes where bytes.count - index >= attribute.count {
            if bytes[index..<index + attribute.count].elementsEqual(attribute) { return index + attribute.count }
        }
        return nil
    }

    private static func rewritten(_ value: ArraySlice<UInt8>) -> [UInt8] {
        let pathEnd =
            value.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? value.endIndex
        let path = value[value.startIndex..<pathEnd]
        // Leave alone what names a host, a scheme (`https:`, `mailto:`), the site root, or only
        // a fragment or a query of this page.
        guard let first = path.first, first != UInt8(ascii: "/"),
            !path.contains(UInt8(ascii: ":"))
        else { return Array(value) }
        let last = path.last!
        var result = Array(path)
        if last == UInt8(ascii: "/") {
            result += indexFile
        } else if path.elementsEqual(".".utf8) || path.elementsEqual("..".utf8) || path.hasSuffix("/..".utf8)
            || path.hasSuffix("/.".utf8)
        {
            result += [UInt8(ascii: "/")] + indexFile
        } else {
            return Array(value)
        }
        if result.starts(with: "./index.html".utf8) { result.removeFirst(2) }
        return result + value[pathEnd...]
    }
}

extension ArraySlice where Element == UInt8 {
    fileprivate func hasSuffix(_ suffix: String.UTF8View) -> Bool {
        count >= suffix.count && self.suffix(suffix.count).elementsEqual(suffix)
    }
}
