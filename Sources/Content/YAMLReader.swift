import Core
import Yams

/// Parses YAML text into `YAMLValue`s through Yams (libyaml), turning every YAML error into a
/// diagnostic at the right line of the original file.
public enum YAMLReader {
    /// - Parameters:
    ///   - text: the YAML, with LF line ends.
    ///   - path: the file, for locations.
    ///   - firstLine: the file line the text starts on (front matter starts on line 2).
    /// - Returns: the root value, `nil` for an empty document, or the diagnostics.
    public static func parse(_ text: String, path: String, firstLine: Int = 1) -> Result<YAMLValue?, DiagnosticsError> {
        let text = withoutUnicodeLineBreaks(text)
        let lineOffset = firstLine - 1
        var diagnostics = Diagnostics()
        if let tabLine = tabIndentedLine(in: text) {
            diagnostics.error(
                at: SourceLocation(path: path, line: tabLine + lineOffset, column: 1),
                "YAML 缩进不能使用制表符（Tab）",
                hint: "用空格缩进：把行首的 Tab 换成两个空格")
            return .failure(DiagnosticsError(diagnostics.all))
        }
        if let deepLine = excessivelyNestedLine(in: text) {
            diagnostics.error(
                at: SourceLocation(path: path, line: deepLine + lineOffset, column: 1),
                "YAML 嵌套层数过多（上限 \(nestingLimit) 层）",
                hint: "门户的数据只需要两三层；检查缩进和括号是否多写了")
            return .failure(DiagnosticsError(diagnostics.all))
        }
        // libyaml trips over a full-width colon where the next key starts, or further on, or
        // reads `key：{a: 1}` as a strange key; the colon itself is what to fix.
        let colons = fullWidthColons(in: text)
        guard colons.isEmpty else {
            for colon in colons {
                diagnostics.error(
                    at: SourceLocation(path: path, line: colon.line + lineOffset, column: colon.column),
                    "键后面用了全角冒号“：”", hint: "改成半角冒号加一个空格：\(colon.corrected)")
            }
            return .failure(DiagnosticsError(diagnostics.all))
        }
        do {
            // The encoding is named: Yams's default looks it up in the environment on every call.
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            guard let root = try parser.singleRoot() else { return .success(nil) }
            var converter = Converter(path: path, lineOffset: lineOffset)
            let value = converter.convert(root)
            diagnostics.append(contentsOf: converter.diagnostics)
            return diagnostics.hasErrors ? .failure(DiagnosticsError(diagnostics.all)) : .success(value)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, path: path, lineOffset: lineOffset, text: text))
            return .failure(DiagnosticsError(diagnostics.all))
        } catch {
            diagnostics.error(at: SourceLocation(path: path, line: firstLine), "YAML 无法读取：\(error)")
            return .failure(DiagnosticsError(diagnostics.all))
        }
    }

    /// The lines that start with a key (after indentation and `- `: ASCII letters, digits, `_`
    /// and `-`, as every key of the portal is) followed by `：` rather than `:`, with the 1-based
    /// line and column of the colon and the line as it should be. It reads bytes: it runs over
    /// every front matter, and everything before such a colon is ASCII.
    static func fullWidthColons(in text: String) -> [(line: Int, column: Int, corrected: String)] {
        var found: [(line: Int, column: Int, corrected: String)] = []
        var text = text
        text.withUTF8 { bytes in
            func isKeyByte(_ byte: UInt8, first: Bool) -> Bool {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): true
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): !first
                default: false
                }
            }
            var lineStart = 0
            var number = 1
            while lineStart < bytes.count {
                let lineEnd = ByteScanning.firstIndex(of: UInt8(ascii: "\n"), in: bytes, from: lineStart)
                defer {
                    lineStart = lineEnd + 1
                    number += 1
                }
                var index = lineStart
                while index < lineEnd, bytes[index] == UInt8(ascii: " ") { index += 1 }
                while index + 1 < lineEnd, bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: " ") {
                    index += 2
                    while index < lineEnd, bytes[index] == UInt8(ascii: " ") { index += 1 }
                }
                let keyStart = index
                while index < lineEnd, isKeyByte(bytes[index], first: index == keyStart) { index += 1 }
                guard index > keyStart else { continue }
                let keyEnd = index
                while index < lineEnd, bytes[index] == UInt8(ascii: " ") { index += 1 }
                // `：` is EF BC 9A.
                guard index + 3 <= lineEnd, bytes[index] == 0xEF, bytes[index + 1] == 0xBC, bytes[index + 2] == 0x9A
                else { continue }
                let key = String(decoding: bytes[keyStart..<keyEnd], as: UTF8.self)
                let value = String(decoding: bytes[(index + 3)..<lineEnd], as: UTF8.self).trimmingWhitespace
                found.append((number, index - lineStart + 1, "\(key): \(value)"))
            }
        }
        return found
    }

    /// libyaml follows YAML 1.1, where NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR end a line;
    /// editors and YAML 1.2 do not. Read as spaces (as a folded line break would be), they leave
    /// lines and columns as the editor shows them (found by fuzzing: a message pointed at a line
    /// below the end of the file).
    private static func withoutUnicodeLineBreaks(_ text: String) -> String {
        func isBreak(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
        }
        guard text.unicodeScalars.contains(where: isBreak) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isBreak($0) ? " " : $0 }))
    }

    /// A line whose indentation starts with a tab: YAML forbids it, and libyaml's message for
    /// it ("found character that cannot start any token") does not tell authors what to change.
    private static func tabIndentedLine(in text: String) -> Int? {
        var line = 1
        var atLineStart = true
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                line += 1
                atLineStart = true
            } else if atLineStart {
                if byte == UInt8(ascii: "\t") { return line }
                if byte != UInt8(ascii: " ") { atLineStart = false }
            }
        }
        return nil
    }

    /// How deep lists and mappings may nest. The portal's files need three levels; the limit
    /// stops deeply nested input before it reaches the parser, which descends recursively.
    static let nestingLimit = 32

    /// The first line where brackets or indentation nest deeper than `nestingLimit`. Brackets
    /// inside quotes are not counted.
    private static func excessivelyNestedLine(in text: String) -> Int? {
        let newline = UInt8(ascii: "\n")
        var line = 1
        var depth = 0
        var quote: UInt8?
        var indentation = 0
        var atLineStart = true
        var previous = newline
        for byte in text.utf8 {
            defer { previous = byte }
            if byte == newline {
                line += 1
                atLineStart = true
                indentation = 0
                if quote == newline { quote = nil }
                continue
            }
            if atLineStart {
                // Block nesting shows as indentation: spaces, and the "- " of list items.
                if byte == UInt8(ascii: " ") || (byte == UInt8(ascii: "-") && previous != UInt8(ascii: "-")) {
                    indentation += 1
                    if indentation > nestingLimit * 2 { return line }
                    continue
                }
                atLineStart = false
            }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): quote = byte
            case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || previous == newline: quote = newline
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > nestingLimit { return line }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, path: String, lineOffset: Int, text: String) -> Diagnostic {
        func location(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
            // An unclosed quote or bracket is found only at the end of the text; where it was
            // opened is the place to fix.
            let place = problem.contains("end of stream") ? (context?.mark ?? mark) : mark
            return .error(
                at: location(place), "YAML 格式错误：\(what)",
                hint: hint(forProblem: problem, line: mark.line, text: text))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(
                at: location(context.mark), "键 \(keys) 重复出现",
                hint: "同一层里每个键只能出现一次；删除或改名重复的那个")
        case .reader(let problem, _, _, _):
            return .error(at: SourceLocation(path: path, line: 1 + lineOffset), "YAML 无法读取：\(problem)")
        default:
            return .error(at: SourceLocation(path: path, line: 1 + lineOffset), "YAML 无法读取：\(error)")
        }
    }

    /// A hint for libyaml's commonest complaints, in terms of what authors typed.
    private static func hint(forProblem problem: String, line: Int, text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let source = line >= 1 && line <= lines.count ? String(lines[line - 1]) : ""
        if source.contains("：") && !source.contains(":") {
            return "键后面用了全角冒号“：”；请改成半角冒号 : 加一个空格"
        }
        if problem.contains("end of stream") {
            return "加了引号的内容要用同样的引号结束，括号要配对"
        }
        if problem.contains("mapping values are not allowed") {
            return "含有“: ”的内容要加引号，如 title: \"党建引领: 新做法\""
        }
        if problem.contains("could not find expected ':'") {
            return "每行要写成“键: 值”，用半角冒号，冒号后加空格"
        }
        if problem.contains("did not find expected key") || problem.contains("block end") {
            return "检查缩进：同一列表或同一层的各项要对齐"
        }
        return nil
    }
}

/// Walks a Yams node tree once, keeping marks and refusing what the portal never needs:
/// anchors and aliases (which can multiply a small file into a huge tree) and explicit tags.
private struct Converter {
    let path: String
    let lineOffset: Int
    var diagnostics = Diagnostics()

    init(path: String, lineOffset: Int) {
        self.path = path
        self.lineOffset = lineOffset
    }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(path: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }

    mutating func convert(_ node: Node) -> YAMLValue {
        if hasAnchor(node) {
            diagnostics.error(
                at: location(node.mark), "不支持 YAML 锚点和别名（& 与 *）",
                hint: "在需要的地方把内容完整写出来")
            // Not walked: Yams repeats the anchored node at every alias, and a few nested
            // aliases stand for billions of nodes (found by fuzzing: a 300-byte file hung).
            return .scalar(YAMLScalar(text: "", isQuoted: false, location: location(node.mark)))
        }
        switch node {
        case .scalar(let scalar):
            // Quoted scalars carry the string tag; any other explicit tag (`!!int`, `!!binary`,
            // language-specific ones) asks for a conversion the portal does not make.
            if !["", "!", "tag:yaml.org,2002:str"].contains(scalar.tag.rawValue) {
                diagnostics.error(
                    at: location(scalar.mark), "不支持 YAML 类型标签 '\(scalar.tag.rawValue)'",
                    hint: "去掉标签，直接写内容")
            }
            return .scalar(
                YAMLScalar(text: scalar.string, isQuoted: scalar.style != .plain, location: location(scalar.mark)))
        case .sequence(let sequence):
            return .sequence(sequence.map { convert($0) }, location(sequence.mark))
        case .mapping(let mapping):
            var entries: [YAMLEntry] = []
            for (key, value) in mapping {
                guard case .scalar(let keyScalar) = key else {
                    diagnostics.error(at: location(key.mark), "键必须是文字", hint: "键要写成普通文字，如 title: …")
                    continue
                }
                entries.append(
                    YAMLEntry(key: keyScalar.string, keyLocation: location(keyScalar.mark), value: convert(value)))
            }
            return .mapping(entries, location(mapping.mark))
        case .alias(let alias):
            diagnostics.error(at: location(alias.mark), "不支持 YAML 锚点和别名（& 与 *）")
            return .scalar(YAMLScalar(text: "", isQuoted: false, location: location(alias.mark)))
        }
    }

    private func hasAnchor(_ node: Node) -> Bool {
        switch node {
        case .scalar(let scalar): return scalar.anchor != nil
        case .sequence(let sequence): return sequence.anchor != nil
        case .mapping(let mapping): return mapping.anchor != nil
        case .alias: return false
        }
    }
}
