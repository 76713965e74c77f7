import Core
import Foundation
import Privacy

/// Print documents (the plates and cards) typeset as PDF by headless Chromium, run as a process
/// of its own: the same engine as the print pages readers open, so the PDF looks as the browser
/// shows it — named page sizes (A4, A5 and the 85.6×54 mm card in one document), the fonts
/// embedded and the text kept as text. (Debian's WeasyPrint 57 was tried first: it reads
/// neither grid layout nor `var()` in shorthand properties, and laid the plates out wrong.)
/// The document is written with the stylesheets of `templates/assets` at the place its links
/// expect, printed, its text read back and checked for personal data, and only then moved to
/// where it was asked for.
public struct PDFTypesetter: Sendable {
    /// The folder of the templates' assets (`templates/assets`).
    public let assets: URL
    public let scanner: PrivacyScanner

    public init(assets: URL, scanner: PrivacyScanner) {
        self.assets = assets
        self.scanner = scanner
    }

    /// Where Chromium is, looked up in `PATH` under the names distributions give it.
    static let chromium: String? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
        return names.flatMap { name in folders.map { "\($0)/\(name)" } }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }()

    /// Typesets `html`, a page published at `path`, into the PDF `output` (named in messages as
    /// `displayPath`); returns the text of the PDF, page by page.
    public func typeset(_ html: String, at path: SitePath, to output: URL, displayPath: String) throws(DiagnosticsError)
        -> [String]
    {
        let place = SourceLocation(path: displayPath)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-print-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: assets, to: folder.appendingPathComponent("assets"))
        } catch {
            throw DiagnosticsError([.error(at: place, "无法准备排版用的临时文件：\(error.localizedDescription)")])
        }
        return try Self.typeset(html, at: path, in: folder, to: output, displayPath: displayPath, scanner: scanner)
    }

    /// Typesets `html` as the page at `path` of `folder`, a built site whose pictures and
    /// stylesheets its links find there.
    public static func typeset(
        _ html: String, at path: SitePath, in folder: URL, to output: URL, displayPath: String, scanner: PrivacyScanner
    ) throws(DiagnosticsError) -> [String] {
        let place = SourceLocation(path: displayPath)
        guard let chromium = Self.chromium else {
            throw DiagnosticsError([
                .error(at: place, "没有找到 Chromium 浏览器，无法排版 PDF", hint: "安装：apt install chromium（或运行 scripts/install-deps）")
            ])
        }
        let page = folder.appendingPathComponent(path.filePath)
        let pdf = folder.appendingPathComponent("document-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: pdf) }
        do {
            try FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(html.utf8).write(to: page)
        } catch {
            throw DiagnosticsError([.error(at: place, "无法准备排版用的临时文件：\(error.localizedDescription)")])
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        // A profile of its own, no network and no sandbox (which needs privileges a build may
        // not have): it reads only the files written above.
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--disable-background-networking",
            "--no-first-run", "--user-data-dir=\(folder.appendingPathComponent(".print-profile").path)",
            "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteURL.absoluteString,
        ]
        let messages = Pipe()
        process.standardError = messages
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw DiagnosticsError([.error(at: place, "无法运行 Chromium：\(error.localizedDescription)")])
        }
        let said = String(decoding: messages.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0,
            FileManager.default.fileExists(atPath: pdf.path)
        else {
            throw DiagnosticsError([
                .error(
                    at: place, "Chromium 没能排出 PDF",
                    hint: said.split(separator: "\n").suffix(3).joined(separator: "；").trimmingWhitespace)
            ])
        }
        let text: String
        switch AttachmentText.pdfText(at: pdf.path) {
        case .success(let read): text = read
        case .failure(let failure): throw DiagnosticsError([.error(at: place, failure.reason)])
        }
        // What a reader of the PDF sees is checked like a page.
        let findings = scanner.findings(in: text)
        guard findings.isEmpty else {
            throw DiagnosticsError(
                findings.map {
                    .error(
                        at: place, "PDF 中有\($0.kind.name) \($0.masked)，没有写出",
                        hint: "个人信息不能印出来：从内容中删去，或改写在 members.yaml 的不公开字段中")
                })
        }
        // Written beside the target and renamed over it, so an open copy is never half-replaced.
        do {
            try Data(contentsOf: pdf).write(to: output, options: .atomic)
        } catch {
            throw DiagnosticsError([
                .error(
                    at: place, "无法写入：\(error.localizedDescription)", hint: "检查路径是否存在、是否有写权限，或用 --out 换一个位置")
            ])
        }
        // pdftotext ends each page with a form feed.
        var pages = text.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingWhitespace.isEmpty == true { pages.removeLast() }
        return pages
    }
}
