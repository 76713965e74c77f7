import Foundation
import Spreadsheets

/// The text of an attachment, for the privacy check: Word and Excel files through their zip's
/// XML (`OfficeText`), PDF through poppler's `pdftotext`, run as a process of its own (a
/// damaged PDF may crash a parser; it does not crash the build). Other attachments have no text
/// the portal can read and are not looked into.
public enum AttachmentText {
    /// Why an attachment's text could not be read, in Chinese.
    public struct Failure: Error, Sendable, Equatable {
        public var reason: String
    }

    /// The endings of the attachments whose text is read.
    static let readExtensions: Set<String> = ["pdf", "docx", "xlsx"]

    /// The text of the file at `path` with `bytes`, as its `fileExtension` says how to read it.
    static func text(of bytes: [UInt8], at path: String, fileExtension: String) -> Result<String, Failure> {
        switch fileExtension {
        case "pdf":
            return pdfText(at: path)
        default:
            do {
                return .success(try OfficeText.text(of: bytes, fileExtension: fileExtension))
            } catch {
                switch error {
                case .unreadable(let reason): return .failure(Failure(reason: reason))
                }
            }
        }
    }

    /// Where `pdftotext` is, looked up in `PATH` once per process.
    static let pdftotext: String? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/pdftotext" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The text of the PDF at `path`, as UTF-8 (`-enc UTF-8`), without poppler's warnings (`-q`).
    public static func pdfText(at path: String) -> Result<String, Failure> {
        guard let pdftotext else {
            return .failure(Failure(reason: "没有找到 pdftotext（poppler-utils），无法读取 PDF 的文字；运行 scripts/install-deps 安装"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pdftotext)
        process.arguments = ["-enc", "UTF-8", "-q", path, "-"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .failure(Failure(reason: "无法运行 pdftotext：\(error.localizedDescription)"))
        }
        // Read before waiting: a long text would fill the pipe and stop pdftotext.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            return .failure(Failure(reason: "pdftotext 无法读取这个 PDF（文件可能已损坏或加了密码）"))
        }
        return .success(String(decoding: data, as: UTF8.self))
    }
}
