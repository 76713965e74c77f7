import Core

/// Reads one YAML mapping against a schema: each field is asked for once with its type, and
/// `finish()` reports the keys nobody asked for. Missing, mistyped and unknown keys all become
/// diagnostics; reading goes on so that one run lists every problem of a record.
struct RecordReader {
    /// What the record is, for messages: "案例", "示范点".
    let recordName: String
    let location: SourceLocation
    private(set) var diagnostics = Diagnostics()
    private var entries: [String: YAMLEntry] = [:]
    private var order: [String] = []
    private var askedFor: [String] = []

    init(_ value: YAMLValue, recordName: String, diagnostics: inout Diagnostics) {
        self.recordName = recordName
        self.location = value.location
        guard case .mapping(let list, _) = value else {
            diagnostics.error(
                at: value.location, "\(recordName)应为“键: 值”形式的映射，这里是 \(value.kindDescription)",
                hint: "每行写一项：键: 值")
            return
        }
        for entry in list {
            if entries[entry.key] == nil { order.append(entry.key) }
            entries[entry.key] = entry
        }
    }

    init(emptyAt location: SourceLocation, recordName: String) {
        self.recordName = recordName
        self.location = location
    }

    /// The keys written, in order.
    var keys: [String] { order }

    /// Whether the record was a mapping at all.
    var isMapping: Bool { !order.isEmpty || entries.isEmpty }

    /// The location of a key, or of the record when the key is absent.
    func location(of key: String) -> SourceLocation {
        entries[key]?.value.location ?? location
    }

    func has(_ key: String) -> Bool {
        guard let entry = entries[key] else { return false }
        if case .scalar(let scalar) = entry.value, scalar.isNull { return false }
        return true
    }

    private mutating func value(_ key: String, required: Bool) -> YAMLValue? {
        askedFor.append(key)
        guard let entry = entries[key] else {
            if required {
                diagnostics.error(
                    at: location, "\(recordName)缺少必填项 '\(key)'", hint: "加一行 '\(key): …'")
            }
            return nil
        }
        if case .scalar(let scalar) = entry.value, scalar.isNull {
            if required {
                diagnostics.error(at: entry.keyLocation, "'\(key)' 不能为空", hint: "在 '\(key):' 后面写上内容")
            }
            return nil
        }
        return entry.value
    }

    private mutating func scalar(_ key: String, required: Bool, expected: String) -> YAMLScalar? {
        guard let value = value(key, required: required) else { return nil }
        guard case .scalar(let scalar) = value else {
            diagnostics.error(
                at: value.location, "'\(key)' 应为\(expected)，这里是 \(value.kindDescription)")
            return nil
        }
        return scalar
    }

    mutating func string(_ key: String, required: Bool = true) -> String? {
        guard let scalar = scalar(key, required: required, expected: "文字") else { return nil }
        let text = scalar.text.trimmingWhitespace
        if text.isEmpty {
            if required { diagnostics.error(at: scalar.location, "'\(key)' 不能为空") }
            return nil
        }
        return text
    }

    /// The text of a key as written, without checking or reporting anything: for records that
    /// failed, so that references to them are not reported a second time.
    func rawText(_ key: String) -> String? {
        guard case .scalar(let scalar)? = entries[key]?.value else { return nil }
        return scalar.text
    }

    /// An id or other name that is matched by computers: text without invisible characters
    /// (zero-width spaces, direction marks), which would make two ids that look the same differ.
    mutating func identifier(_ key: String, required: Bool = true) -> String? {
        guard let text = string(key, required: required) else { return nil }
        if let invisible = InvisibleCharacters.first(in: text) {
            diagnostics.error(
                at: location(of: key), "'\(key)' 中有不可见字符 \(invisible)",
                hint: "删掉这个值重新输入；它可能是从网页或文档复制时带进来的")
            return nil
        }
        return text
    }

    /// A whole number written in decimal digits, within `range`.
    mutating func integer(_ key: String, required: Bool = true, in range: ClosedRange<Int>) -> Int? {
        guard let scalar = scalar(key, required: required, expected: "整数") else { return nil }
        guard !scalar.isQuoted, !scalar.text.isEmpty, scalar.text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            scalar.text.count <= 9, let number = Int(scalar.text)
        else {
            diagnostics.error(
                at: scalar.location, "'\(key)' 应为整数，这里是 '\(scalar.text)'",
                hint: "只写数字，不加引号，如 \(key): \(range.lowerBound)")
            return nil
        }
        if scalar.text.count > 1 && scalar.text.hasPrefix("0") {
            diagnostics.error(
                at: scalar.location,
                "'\(key)' 的值 '\(scalar.text)' 以 0 开头，含义不明确（YAML 1.1 会把它读成八进制数 \(Int(scalar.text, radix: 8).map(String.init) ?? "?")）",
                hint: "去掉开头的 0：\(key): \(number)")
            return nil
        }
        guard range.contains(number) else {
            diagnostics.error(
                at: scalar.location, "'\(key)' 的值 \(number) 超出范围 \(range.lowerBound)–\(range.upperBound)")
            return nil
        }
        return number
    }

    /// A number such as `3` or `1.5`.
    mutating func decimal(_ key: String, required: Bool = true, in range: ClosedRange<Double>) -> Double? {
        guard let scalar = scalar(key, required: required, expected: "数字") else { return nil }
        let isDecimal = scalar.text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") }
        guard !scalar.isQuoted, isDecimal, let number = Double(scalar.text), range.contains(number) else {
            diagnostics.error(
                at: scalar.location, "'\(key)' 应为 \(Int(range.lowerBound))–\(Int(range.upperBound)) 之间的数字，这里是 '\(scalar.text)'",
                hint: "写数字，如 2 或 1.5")
            return nil
        }
        return number
    }

    /// `true` or `false`, nothing else: YAML 1.1's `yes`, `no`, `on` and `off` are refused.
    mutating func boolean(_ key: String, required: Bool = true) -> Bool? {
        guard let scalar = scalar(key, required: required, expected: "true 或 false") else { return nil }
        return Self.boolean(scalar, key: key, diagnostics: &diagnostics)
    }

    static func boolean(_ scalar: YAMLScalar, key: String, diagnostics: inout Diagnostics) -> Bool? {
        if !scalar.isQuoted {
            if scalar.text == "true" { return true }
            if scalar.text == "false" { return false }
        }
        diagnostics.error(
            at: scalar.location, "'\(key)' 应为 true 或 false，这里是 '\(scalar.text)'",
            hint: "写 true（是）或 false（否），不加引号")
        return nil
    }

    mutating func day(_ key: String, required: Bool = true) -> Day? {
        guard let scalar = scalar(key, required: required, expected: "日期") else { return nil }
        guard let day = Day(parsing: scalar.text) else {
            diagnostics.error(
                at: scalar.location, "'\(key)' 不是有效日期：'\(scalar.text)'",
                hint: "日期写成 YYYY-MM-DD，如 2025-03-08，并确认这一天存在")
            return nil
        }
        return day
    }

    /// A list of texts; a single text is not accepted as a list of one, so that `tags: 六有`
    /// (forgotten brackets) is reported rather than guessed.
    mutating func stringList(_ key: String, required: Bool = false) -> [String] {
        locatedStringList(key, required: required).map(\.text)
    }

    /// A list of texts with the place of each item.
    mutating func locatedStringList(_ key: String, required: Bool = false) -> [(text: String, location: SourceLocation)] {
        guard let value = value(key, required: required) else { return [] }
        guard case .sequence(let items, _) = value else {
            diagnostics.error(
                at: value.location, "'\(key)' 应为列表，这里是 \(value.kindDescription)",
                hint: "列表写在方括号里：\(key): [甲, 乙]")
            return []
        }
        var result: [(text: String, location: SourceLocation)] = []
        for item in items {
            guard case .scalar(let scalar) = item, !scalar.isNull, !scalar.text.trimmingWhitespace.isEmpty else {
                diagnostics.error(at: item.location, "'\(key)' 的每一项应为文字")
                continue
            }
            result.append((scalar.text.trimmingWhitespace, scalar.location))
        }
        return result
    }

    /// The raw value of a nested field, for fields with their own shape.
    mutating func nested(_ key: String, required: Bool = true) -> YAMLValue? {
        value(key, required: required)
    }

    mutating func appendDiagnostic(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Marks a key as known without reading it (private fields checked elsewhere).
    mutating func accept(_ key: String) {
        askedFor.append(key)
    }

    /// Reports every key that no field asked for, with the nearest known key as a hint.
    mutating func finish() {
        let known = Set(askedFor)
        for key in order where !known.contains(key) {
            guard let entry = entries[key] else { continue }
            let hint = Suggestion.didYouMean(key, in: askedFor) ?? "可用的键：\(askedFor.joined(separator: ", "))"
            diagnostics.error(at: entry.keyLocation, "\(recordName)中有未知的键 '\(key)'", hint: hint)
        }
    }
}
