import CDeflate

/// Reads the entries of a zip file, as an XLSX workbook or a DOCX document is one: the central
/// directory at the end names every entry, each stored or deflated, checked against its CRC-32.
/// Zip64, split archives and encryption never occur in office files and are refused.
public struct ZipReader {
    public enum Failure: Error, Equatable {
        case notZip
        case unsupported(String)
        case damaged(String)
    }

    public struct Entry {
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var localHeaderOffset: Int
    }

    /// No workbook part comes near this; a larger one is a damaged file or a zip bomb.
    static let entrySizeLimit = 1 << 30

    private let bytes: [UInt8]
    public private(set) var entries: [String: Entry] = [:]

    public init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        guard bytes.count >= 22, bytes.starts(with: [0x50, 0x4B]) else { throw .notZip }
        // The end record is the last 22 bytes, unless a comment (at most 65,535 bytes) follows it.
        var end = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while end >= lowest && readUInt32(end) != 0x0605_4B50 { end -= 1 }
        guard end >= lowest else { throw .notZip }
        let count = Int(readUInt16(end + 10))
        let directorySize = Int(readUInt32(end + 12))
        let directoryOffset = Int(readUInt32(end + 16))
        if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF { throw .unsupported("Zip64") }
        guard directoryOffset + directorySize <= end else { throw .damaged("中央目录超出文件范围") }
        var offset = directoryOffset
        for _ in 0..<count {
            guard offset + 46 <= end, readUInt32(offset) == 0x0201_4B50 else { throw .damaged("中央目录损坏") }
            let nameLength = Int(readUInt16(offset + 28))
            let extraLength = Int(readUInt16(offset + 30))
            let commentLength = Int(readUInt16(offset + 32))
            guard offset + 46 + nameLength <= end else { throw .damaged("中央目录损坏") }
            let name = String(decoding: bytes[offset + 46..<offset + 46 + nameLength], as: UTF8.self)
            entries[name] = Entry(
                method: readUInt16(offset + 10), flags: readUInt16(offset + 8), crc: readUInt32(offset + 16),
                compressedSize: Int(readUInt32(offset + 20)), size: Int(readUInt32(offset + 24)),
                localHeaderOffset: Int(readUInt32(offset + 42)))
            offset += 46 + nameLength + extraLength + commentLength
        }
    }

    /// The bytes of the entry `name`, inflated and checked; nil when there is no such entry.
    public func contents(of name: String) throws(Failure) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        if entry.flags & 1 != 0 { throw .unsupported("加密的文件") }
        guard entry.size <= Self.entrySizeLimit else { throw .damaged("\(name) 过大") }
        let local = entry.localHeaderOffset
        guard local + 30 <= bytes.count, readUInt32(local) == 0x0403_4B50 else { throw .damaged("\(name) 的位置不对") }
        let start = local + 30 + Int(readUInt16(local + 26)) + Int(readUInt16(local + 28))
        guard start + entry.compressedSize <= bytes.count else { throw .damaged("\(name) 不完整") }
        let data = bytes[start..<start + entry.compressedSize]
        let output: [UInt8]
        switch entry.method {
        case 0:
            output = Array(data)
        case 8:
            output = try Self.inflate(data, size: entry.size, name: name)
        default:
            throw .unsupported("压缩方式 \(entry.method)")
        }
        guard output.count == entry.size, Self.crc32(output) == entry.crc else { throw .damaged("\(name) 校验失败") }
        return output
    }

    private static func inflate(_ data: ArraySlice<UInt8>, size: Int, name: String) throws(Failure) -> [UInt8] {
        guard let decompressor = libdeflate_alloc_decompressor() else { throw .damaged("内存不足") }
        defer { libdeflate_free_decompressor(decompressor) }
        var succeeded = false
        let output = [UInt8](unsafeUninitializedCapacity: max(size, 1)) { buffer, count in
            let result = data.withUnsafeBytes { input in
                libdeflate_deflate_decompress(decompressor, input.baseAddress, input.count, buffer.baseAddress, size, nil)
            }
            succeeded = result == LIBDEFLATE_SUCCESS
            count = succeeded ? size : 0
        }
        guard succeeded else { throw .damaged("\(name) 无法解压") }
        return output
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBytes { UInt32(libdeflate_crc32(0, $0.baseAddress, $0.count)) }
    }

    private func readUInt16(_ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private func readUInt32(_ offset: Int) -> UInt32 {
        UInt32(readUInt16(offset)) | UInt32(readUInt16(offset + 2)) << 16
    }
}
