import Core
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A text file of the portal as read from disk: decoded as UTF-8 (a byte-order mark is dropped),
/// with CRLF and lone CR turned into LF so that line numbers match what editors show.
public struct SourceFile: Sendable {
    /// The path as it appears in messages: relative to the folder the user named.
    public let path: String
    public let text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Pages larger than this are refused: no write-up comes near it, and an accidental video
    /// or database dump would otherwise be read whole.
    public static let sizeLimit = 5 * 1024 * 1024

    /// The limit for the data files (`data/*.yaml`): a city's register of party-member shop
    /// owners runs to tens of thousands of entries, megabytes more than any write-up.
    public static let dataSizeLimit = 64 * 1024 * 1024

    /// Reads and decodes `url`, or describes why it cannot be used.
    public static func read(_ url: URL, displayPath: String, sizeLimit: Int = sizeLimit) -> Result<
        SourceFile, DiagnosticsError
    > {
        func failure(_ message: String, line: Int = 1, column: Int = 1, hint: String? = nil) -> Result<
            SourceFile, DiagnosticsError
        > {
            .failure(
                DiagnosticsError([.error(at: SourceLocation(path: displayPath, line: line, column: column), message, hint: hint)])
            )
        }
        func tooLarge(_ bytes: Int) -> Result<SourceFile, DiagnosticsError> {
            failure("文件过大（\(bytes / 1024) KB，上限 \(sizeLimit / 1024 / 1024) MB）", hint: "拆分文字，或把大的附件移出内容目录")
        }
        var bytes: [UInt8]
        switch readBytes(url.path, sizeLimit: sizeLimit) {
        case .success(let read): bytes = read
        case .failure(.tooLarge(let size)): return tooLarge(size)
        case .failure(.unreadable(let reason)): return failure("无法读取文件：\(reason)")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let offset = bytes.firstIndex(of: 0) {
            let (line, column) = position(ofByte: offset, in: bytes)
            return failure(
                "文件中含有 NUL 字节", line: line, column: column, hint: "这可能不是文本文件；请另存为 UTF-8 文本")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(bytes)
            let (line, column) = position(ofByte: offset, in: bytes)
            return failure(
                "文件不是 UTF-8 编码（可能是 GBK/GB18030）", line: line, column: column, hint: "在编辑器中另存为 UTF-8 编码（另存为 → 编码 UTF-8）"
            )
        }
        return .success(SourceFile(path: displayPath, text: normalizingLineEnds(text)))
    }

    enum ReadFailure: Error {
        case tooLarge(Int)
        case unreadable(String)
    }

    /// The bytes of the file at `path`, read with one open, fstat and read: the size is asked
    /// before reading, so a file far over the limit costs nothing to refuse.
    static func readBytes(_ path: String, sizeLimit: Int) -> Result<[UInt8], ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return .failure(.unreadable("不是普通文件")) }
        let size = Int(status.st_size)
        guard size <= sizeLimit else { return .failure(.tooLarge(size)) }
        // One byte more than the size, so a file that grew since fstat is read to its end.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= sizeLimit else { return .failure(.tooLarge(count)) }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, count)))
            }
            let read = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if read < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(String(cString: strerror(errno))))
            }
            if read == 0 { break }
            count += read
        }
        guard count <= sizeLimit else { return .failure(.tooLarge(count)) }
        bytes.removeLast(bytes.count - count)
        return .success(bytes)
    }

    static func normalizingLineEnds(_ text: String) -> String {
        let hasCarriageReturn =
            text.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "\r")) }
            ?? text.utf8.contains(UInt8(ascii: "\r"))
        guard hasCarriageReturn else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\r") {
                bytes.append(UInt8(ascii: "\n"))
                previousWasCR = true
                continue
            }
            if byte == UInt8(ascii: "\n") && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Line and column (in characters) of a byte offset; columns count whole UTF-8 sequences.
    private static func position(ofByte offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var column = 1
        var index = 0
        while index < offset && index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n")
                || (byte == UInt8(ascii: "\r") && (index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n")))
            {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != UInt8(ascii: "\r") {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            guard index + length <= bytes.count,
                String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return index }
            index += length
        }
        return index
    }
}
