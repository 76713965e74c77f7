/// HTML escaping on UTF-8 bytes, with the same output as swift-mustache 2.1.1's
/// `String.htmlEscape()`: `&`, `<`, `>`, `"` and `'` become `&amp;`, `&lt;`, `&gt;`, `&quot;` and
/// `&#39;`.
public enum HTMLEscaping {
    /// Bit n is set for each byte n that may need escaping; all five are below 64.
    private static let specialBytes: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | 1 << 0x22 | 1 << 0x27

    /// Appends `string`, escaped, to `output`.
    public static func append(escaping string: String, to output: inout [UInt8]) {
        var string = string
        string.withUTF8 { append(escaping: $0, to: &output) }
    }

    /// Appends `bytes` (valid UTF-8), escaped, to `output`. Runs without a special byte are
    /// found eight bytes at a time and copied whole.
    static func append(escaping bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var runStart = 0
        var index = 0
        while index < count {
            while index + 8 <= count, !holdsSpecialByte(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            let end = min(index + 8, count)
            while index < end {
                let byte = bytes[index]
                if byte < 64, specialBytes & (1 << UInt64(byte)) != 0, isWholeCharacter(at: index, in: bytes) {
                    if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                    switch byte {
                    case 0x26: appendASCII("&amp;", to: &output)
                    case 0x3C: appendASCII("&lt;", to: &output)
                    case 0x3E: appendASCII("&gt;", to: &output)
                    case 0x22: appendASCII("&quot;", to: &output)
                    default: appendASCII("&#39;", to: &output)
                    }
                    runStart = index + 1
                }
                index += 1
            }
        }
        if runStart < count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
    }

    /// Whether one of the eight bytes of `word` is `&`, `<`, `>`, `"` or `'`: for each, the
    /// classic test for a zero byte in `word` XOR that byte repeated.
    @inline(__always)
    private static func holdsSpecialByte(_ word: UInt64) -> Bool {
        func hasZeroByte(_ word: UInt64) -> Bool {
            (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
        }
        return hasZeroByte(word ^ 0x2626_2626_2626_2626) || hasZeroByte(word ^ 0x3C3C_3C3C_3C3C_3C3C)
            || hasZeroByte(word ^ 0x3E3E_3E3E_3E3E_3E3E) || hasZeroByte(word ^ 0x2222_2222_2222_2222)
            || hasZeroByte(word ^ 0x2727_2727_2727_2727)
    }

    /// swift-mustache escapes whole characters, so a `<` that a combining mark follows (`<\u{301}`),
    /// or that joins a prepended mark before it, is one character that is not `<` and stays as
    /// is. Only a non-ASCII neighbour can join, and whether it does depends only on the two
    /// neighbouring scalars, so those three are measured in a small string.
    private static func isWholeCharacter(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let joinsBefore = index > 0 && bytes[index - 1] >= 0x80
        let joinsAfter = index + 1 < bytes.count && bytes[index + 1] >= 0xC0
        guard joinsBefore || joinsAfter else { return true }
        var start = index
        if joinsBefore {
            start -= 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        }
        var end = index + 1
        if joinsAfter {
            end += 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        }
        let window = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return window.count == window.unicodeScalars.count
    }

    private static func appendASCII(_ text: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
