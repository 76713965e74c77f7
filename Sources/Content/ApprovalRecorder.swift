import Core
import Foundation
import Model

/// Records an approval in a page's front matter, as `portal approve` does. Only the lines of
/// `approvals:` change: every other line, comment and byte of the body is written back as it
/// was, line ends included, and the file is replaced in one step.
///
/// The order matters: the whole content folder is checked first (a file with errors is refused,
/// except for approvals that no longer match, since approving again is how those are put
/// right), then the body is hashed, then the new front matter is checked before it is written.
public struct ApprovalRecorder: Sendable {
    public struct Outcome: Sendable {
        public var approval: Approval
        /// The approval of the same role that the new one replaced.
        public var replaced: Approval?
    }

    /// The Markdown file: `<content>/cases/x.md`, `<content>/courses/x.md` or `<content>/pages/x.md`.
    public let file: URL
    /// How the file is named in messages: as the user wrote it.
    public let displayPath: String

    public init(file: URL, displayPath: String) {
        self.file = file
        self.displayPath = displayPath
    }

    public func approve(by name: String, role: ReviewRole, at time: Timestamp) async throws(DiagnosticsError) -> Outcome {
        let name = name.trimmingWhitespace
        let page = try locate()
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            throw refusal("审核人姓名不能为空，也不能含有换行等控制字符", hint: "写审核人的姓名，如 --by 张三")
        }
        try await checkContent(page)

        guard let raw = FileManager.default.contents(atPath: file.path) else {
            throw refusal("无法读取文件", hint: nil)
        }
        let source: SourceFile
        switch SourceFile.read(file, displayPath: page.messagePath) {
        case .success(let value): source = value
        case .failure(let error): throw error
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(source) {
        case .success(let value): frontMatter = value
        case .failure(let error): throw error
        }
        let approval = Approval(
            by: name, role: role, at: time, bodySHA256: SHA256Hash.hex(of: frontMatter.storedBody.utf8))
        var lines = FrontMatterLines(bytes: [UInt8](raw))
        let replaced = try record(approval, in: &lines, frontMatter: frontMatter, path: page.messagePath)
        try verify(lines.bytes, approval: approval, body: frontMatter.storedBody)
        try write(lines.bytes)
        return Outcome(approval: approval, replaced: replaced)
    }

    // MARK: Checks

    private struct PageLocation {
        var contentDirectory: URL
        /// How the content folder is named in messages.
        var contentDisplay: String
        /// The file as the loader names it in messages.
        var messagePath: String
        var configPath: String
    }

    /// The content folder the file belongs to: the folder above its `cases/`, `courses/` or `pages/`.
    private func locate() throws(DiagnosticsError) -> PageLocation {
        let standardized = file.standardizedFileURL
        let folder = standardized.deletingLastPathComponent().lastPathComponent
        guard standardized.pathExtension == "md", PageKind(rawValue: folder) != nil else {
            throw refusal(
                "只能审核内容目录中 cases/、courses/、pages/、news/、notices/ 或 policies/ 下的 .md 文件",
                hint: "例如 portal approve content/cases/x.md --by 姓名")
        }
        guard FileManager.default.fileExists(atPath: standardized.path) else {
            throw refusal("找不到文件 \(displayPath)", hint: "检查文件名和路径；路径从当前目录写起，如 content/cases/x.md")
        }
        var parts = displayPath.split(separator: "/").map(String.init)
        let contentDisplay: String
        if parts.count >= 3 {
            parts.removeLast(2)
            contentDisplay = (displayPath.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
        } else {
            contentDisplay = parts.count == 2 ? "." : ".."
        }
        let relative = "\(folder)/\(standardized.lastPathComponent)"
        let root = contentDisplay == "." ? "" : contentDisplay + "/"
        return PageLocation(
            contentDirectory: standardized.deletingLastPathComponent().deletingLastPathComponent(),
            contentDisplay: contentDisplay, messagePath: root + relative, configPath: root + "portal.yaml")
    }

    /// Loads the whole content folder; errors in this file, or in `portal.yaml` (which stop the
    /// file from being checked at all), refuse the approval.
    private func checkContent(_ page: PageLocation) async throws(DiagnosticsError) {
        let loader = ContentLoader(
            directory: page.contentDirectory, displayRoot: page.contentDisplay, verifiesApprovals: false)
        do {
            _ = try await loader.load()
        } catch {
            let blocking = error.diagnostics.filter {
                $0.isError && ($0.location.path == page.messagePath || $0.location.path == page.configPath)
            }
            if !blocking.isEmpty { throw DiagnosticsError(blocking) }
        }
    }

    private func refusal(_ message: String, hint: String?) -> DiagnosticsError {
        DiagnosticsError([.error(at: SourceLocation(path: displayPath), message, hint: hint)])
    }

    // MARK: The edit

    /// Puts `approval` into the front matter: in place of the entry of the same role, or after
    /// the last entry, or as a new `approvals:` list at the end of the front matter.
    private func record(_ approval: Approval, in lines: inout FrontMatterLines, frontMatter: FrontMatter, path: String)
        throws(DiagnosticsError) -> Approval?
    {
        let closingLine = frontMatter.bodyFirstLine - 1
        guard case .success(let root) = YAMLReader.parse(frontMatter.yaml, path: path, firstLine: frontMatter.yamlFirstLine),
            case .mapping(let entries, _) = root
        else { throw refusal("前置元数据无法读取", hint: "先运行 portal check 并改正错误") }
        guard let entry = entries.first(where: { $0.key == "approvals" }) else {
            lines.replace(closingLine..<closingLine, with: ["approvals:"] + Self.entryLines(approval, indent: "  "))
            return nil
        }
        let keyLine = entry.keyLocation.line
        let keyIndent = lines.indentation(keyLine)
        var blockEnd = keyLine
        for number in (keyLine + 1)..<closingLine where !lines.isBlankOrComment(number) {
            let indent = lines.indentation(number)
            if indent < keyIndent || (indent == keyIndent && !lines.isSequenceItem(number)) { break }
            blockEnd = number
        }
        let items: [YAMLValue]
        if case .sequence(let list, _) = entry.value { items = list } else { items = [] }
        let existing = items.map(Self.approval(in:))
        let sameRole = existing.firstIndex { $0?.role == approval.role }
        let replaced = sameRole.flatMap { existing[$0] }

        // Block items, each from its `-` line; anything else (`approvals: []`, a flow list) is
        // written anew in block style.
        let starts = items.map { item in
            (keyLine + 1...max(keyLine + 1, item.location.line)).reversed().first { lines.isSequenceItem($0) }
        }
        guard !items.isEmpty, items.allSatisfy({ $0.location.line > keyLine }), let firstStart = starts.first ?? nil,
            starts.allSatisfy({ $0 != nil })
        else {
            var all = existing.compactMap { $0 }
            if let sameRole { all[sameRole] = approval } else { all.append(approval) }
            let keyIndentation = String(repeating: " ", count: keyIndent)
            lines.replace(
                keyLine..<(blockEnd + 1),
                with: [keyIndentation + "approvals:"] + all.flatMap { Self.entryLines($0, indent: keyIndentation + "  ") })
            return replaced
        }
        let itemStarts = starts.map { $0! }
        if let sameRole {
            let start = itemStarts[sameRole]
            var end = sameRole + 1 < itemStarts.count ? itemStarts[sameRole + 1] - 1 : blockEnd
            while end > start && lines.isBlankOrComment(end) { end -= 1 }
            lines.replace(start..<(end + 1), with: Self.entryLines(approval, indent: Self.indent(of: start, in: lines)))
        } else {
            lines.replace(
                (blockEnd + 1)..<(blockEnd + 1), with: Self.entryLines(approval, indent: Self.indent(of: firstStart, in: lines)))
        }
        return replaced
    }

    private static func indent(of line: Int, in lines: FrontMatterLines) -> String {
        String(repeating: " ", count: lines.indentation(line))
    }

    /// An entry as `portal approve` writes it: a block mapping, one key a line, its `-` indented
    /// by `indent`.
    static func entryLines(_ approval: Approval, indent: String) -> [String] {
        [
            "\(indent)- by: \(YAMLText.scalar(approval.by))",
            "\(indent)  role: \(approval.role.rawValue)",
            "\(indent)  at: \(approval.at)",
            "\(indent)  body_sha256: \(approval.bodySHA256)",
        ]
    }

    /// The approval an entry of a checked file holds.
    private static func approval(in item: YAMLValue) -> Approval? {
        guard case .mapping(let entries, _) = item else { return nil }
        func text(_ key: String) -> String? {
            guard case .scalar(let scalar) = entries.first(where: { $0.key == key })?.value else { return nil }
            return scalar.text.trimmingWhitespace
        }
        guard let by = text("by"), let role = text("role").flatMap(ReviewRole.init(rawValue:)),
            let at = text("at").flatMap(Timestamp.init(parsing:)), let hash = text("body_sha256")
        else { return nil }
        return Approval(by: by, role: role, at: at, bodySHA256: hash)
    }

    /// Reads the edited file back before it is written: the body must be unchanged and the
    /// front matter must hold the new approval. A failure here is a bug, never the author's.
    private func verify(_ bytes: [UInt8], approval: Approval, body: Substring) throws(DiagnosticsError) {
        let failure = refusal("无法在前置元数据中写入审核记录，文件未改动", hint: "请把这个文件发给门户的维护者")
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text = SourceFile.normalizingLineEnds(String(decoding: bytes, as: UTF8.self))
        guard case .success(let frontMatter) = FrontMatter.split(SourceFile(path: displayPath, text: text)),
            frontMatter.storedBody == body,
            case .success(let root) = YAMLReader.parse(frontMatter.yaml, path: displayPath),
            case .mapping(let entries, _) = root,
            case .sequence(let items, _) = entries.first(where: { $0.key == "approvals" })?.value,
            items.compactMap(Self.approval(in:)).filter({ $0.role == approval.role }) == [approval]
        else { throw failure }
    }

    /// Replaces the file in one step, keeping its permissions.
    private func write(_ bytes: [UInt8]) throws(DiagnosticsError) {
        let permissions = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.posixPermissions]
        do {
            try Data(bytes).write(to: file, options: .atomic)
            if let permissions {
                try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: file.path)
            }
        } catch {
            throw refusal("无法写入文件：\(error.localizedDescription)", hint: nil)
        }
    }
}
