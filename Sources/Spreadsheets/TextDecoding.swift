import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The text of a CSV file: UTF-8, with or without a byte-order mark, or GB18030 (of which GBK
/// and GB2312 are parts), which Excel and WPS write by default on Chinese Windows.
enum TextDecoding {
    enum Encoding: Equatable {
        case utf8
        case gb18030
    }

    /// The text and the encoding it was read in; nil when it is neither.
    static func decode(_ bytes: [UInt8]) -> (text: String, encoding: Encoding)? {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return (text, .utf8) }
        return gb18030(Array(bytes)).map { ($0, .gb18030) }
    }

    /// Converts with the C library's iconv, whose GB18030 table covers every Chinese character
    /// Windows writes; nil when the bytes are not GB18030 either or iconv lacks the table.
    static func gb18030(_ bytes: [UInt8]) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 4)
        let outputCapacity = output.count
        let written: Int? = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inputBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inputBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outputBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = outputCapacity
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                return outputCapacity - outLeft
            }
        }
        guard let written else { return nil }
        return String(validating: output[..<written], as: UTF8.self)
    }
}
