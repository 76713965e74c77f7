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
                hint: "write one 'key: value' per line")
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
                    at: location, "\(recordName)缺少必填项 '\(key)'", hint: "add a line '\(key): …'")
            }
            return nil
        }
        if case .scalar(let scalar) = entry.value, scalar.isNull {
            if required {
                diagnostics.error(at: entry.keyLocation, "'\(key)' 不能为空", hint: "write a value after '\(key):'")
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

    /// A whole number written in decimal digits, within `range`.
    mutating func integer(_ key: String, required: Bool = true, in range: ClosedRange<Int>) -> Int? {
        guard let scalar = scalar(key, required: required, expected: "整数") else { return nil }
        guard !scalar.isQuoted, !scalar.text.isEmpty, scalar.text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            scalar.text.count <= 9, let number = Int(scalar.text)
        else {
            diagnostics.error(
                at: scalar.location, "'\(key)' 应为整数，这里是 '\(scalar.text)'",
                hint: "write digits only, without quotes, e.g. \(key): \(range.lowerBound)")
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
                hint: "write a number such as 2 or 1.5")
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
            hint: "write true (是) or false (否) without quotes")
        return nil
    }

    mutating func day(_ key: String, required: Bool = true) -> Day? {
        guard let scalar = scalar(key, required: required, expected: "日期") else { return nil }
        guard let day = Day(parsing: scalar.text) else {
            diagnostics.error(
                at: scalar.location, "'\(key)' 不是有效日期：'\(scalar.text)'",
                hint: "write the date as YYYY-MM-DD, e.g. 2025-03-08, and check that the day exists")
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
                hint: "write a list in brackets: \(key): [甲, 乙]")
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
            let hint = Suggestion.didYouMean(key, in: askedFor) ?? "known keys: \(askedFor.joined(separator: ", "))"
            diagnostics.error(at: entry.keyLocation, "\(recordName)中有未知的键 '\(key)'", hint: hint)
        }
    }
}
