import Core
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A built portal packed as one zip file, to hand to the team that runs the bureau's website,
/// which publishes it as a column (专栏) under a path of its own (`portal export`). The `.gz`
/// twins are left out: they serve nginx's `gzip_static`, and the zip is compressed already.
///
/// The zip is written here rather than with a zip library: entries are deflated by
/// libdeflate, which the build links for its `.gz` files already, and the same folder and time
/// give the same bytes. File names are UTF-8 (flag 11), so Chinese tag folders unpack as they
/// are; ZIP64 records are added when there are more than 65,535 files.
public enum SitePackage {
    /// Packs the files below `folder` into `file`, each dated `modified`; the file is written
    /// whole or not at all.
    public static func zip(_ folder: URL, to file: URL, modified: Date = Date()) throws(DiagnosticsError) {
        let partial = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).partial")
        do {
            var archive = ZipArchive(modified: modified)
            guard FileManager.default.createFile(atPath: partial.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown)
            }
            let handle = try FileHandle(forWritingTo: partial)
            defer { try? handle.close() }
            for path in FileTree.files(below: folder.path) where !path.hasSuffix(".gz") {
                let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(path)))
                try handle.write(contentsOf: try archive.entry(path, bytes))
            }
            try handle.write(contentsOf: try archive.directory())
            try handle.close()
            guard rename(partial.path, file.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: partial)
            throw DiagnosticsError([
                .error(at: SourceLocation(path: file.path), "无法写入压缩包：\(error.localizedDescription)")
            ])
        }
    }
}

/// The records of a zip file (PKWARE's APPNOTE): each entry's local header and data as it is
/// added, then the central directory.
public struct ZipArchive {
    struct TooLarge: LocalizedError {
        var errorDescription: String? { "压缩包超过 4 GB" }
    }

    private struct Entry {
        var name: [UInt8]
        var method: UInt16
        var crc: UInt32
        var compressedSize: UInt32
        var size: UInt32
        var offset: UInt32
    }

    private var entries: [Entry] = []
    private var offset: UInt64 = 0
    /// MS-DOS time and date, in local time as zip tools read them.
    private let time: UInt16
    private let date: UInt16

    init(modified: Date) {
        let parts = Calendar.current.dateComponents([.year, .month, .day, .hour, .minute, .second], from: modified)
        time = UInt16((parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2)
        date = UInt16(max(0, (parts.year ?? 1980) - 1980) << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1))
    }

    /// The local header and data of the file `path`.
    mutating func entry(_ path: String, _ bytes: [UInt8]) throws -> Data {
        let compressed = Gzip.deflate(bytes)
        let data = compressed ?? bytes
        guard bytes.count < UInt32.max, offset + UInt64(data.count) + 30 + UInt64(path.utf8.count) < UInt32.max else {
            throw TooLarge()
        }
        let entry = Entry(
            name: Array(path.utf8), method: compressed == nil ? 0 : 8, crc: Gzip.crc32(bytes),
            compressedSize: UInt32(data.count), size: UInt32(bytes.count), offset: UInt32(offset))
        var record = Data()
        record.append(le: UInt32(0x0403_4b50))
        record.append(le: UInt16(20))
        appendCommon(entry, to: &record)
        record.append(le: UInt16(0))
        record.append(contentsOf: entry.name)
        record.append(contentsOf: data)
        entries.append(entry)
        offset += UInt64(record.count)
        return record
    }

    /// The central directory and the end records.
    func directory() throws -> Data {
        var directory = Data()
        for entry in entries {
            directory.append(le: UInt32(0x0201_4b50))
            directory.append(le: UInt16(3 << 8 | 20))  // made on Unix, by version 2.0
            directory.append(le: UInt16(20))
            appendCommon(entry, to: &directory)
            directory.append(le: UInt16(0))  // extra field
            directory.append(le: UInt16(0))  // comment
            directory.append(le: UInt16(0))  // disk
            directory.append(le: UInt16(0))  // internal attributes
            directory.append(le: UInt32(0o100644) << 16)  // a regular file, rw-r--r--
            directory.append(le: entry.offset)
            directory.append(contentsOf: entry.name)
        }
        let start = offset
        let size = UInt64(directory.count)
        guard start + size < UInt32.max else { throw TooLarge() }
        let count = UInt64(entries.count)
        if count >= 0xFFFF {
            // ZIP64 end of central directory record, and its locator.
            directory.append(le: UInt32(0x0606_4b50))
            directory.append(le: UInt64(44))
            directory.append(le: UInt16(3 << 8 | 45))
            directory.append(le: UInt16(45))
            directory.append(le: UInt32(0))
            directory.append(le: UInt32(0))
            directory.append(le: count)
            directory.append(le: count)
            directory.append(le: size)
            directory.append(le: start)
            directory.append(le: UInt32(0x0706_4b50))
            directory.append(le: UInt32(0))
            directory.append(le: start + size)
            directory.append(le: UInt32(1))
        }
        directory.append(le: UInt32(0x0605_4b50))
        directory.append(le: UInt16(0))
        directory.append(le: UInt16(0))
        directory.append(le: UInt16(min(count, 0xFFFF)))
        directory.append(le: UInt16(min(count, 0xFFFF)))
        directory.append(le: UInt32(size))
        directory.append(le: UInt32(start))
        directory.append(le: UInt16(0))
        return directory
    }

    /// The fields local headers and directory entries share, from the flags to the extra
    /// field's length (not included).
    private func appendCommon(_ entry: Entry, to record: inout Data) {
        record.append(le: UInt16(0x0800))  // names in UTF-8
        record.append(le: entry.method)
        record.append(le: time)
        record.append(le: date)
        record.append(le: entry.crc)
        record.append(le: entry.compressedSize)
        record.append(le: entry.size)
        record.append(le: UInt16(entry.name.count))
    }
}

extension Data {
    fileprivate mutating func append<Value: FixedWidthInteger>(le value: Value) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
