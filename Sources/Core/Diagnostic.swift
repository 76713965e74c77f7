/// One problem found in the input, printed like a compiler's:
/// `content/cases/a.md:3:1: error: missing key 'title'` and an optional hint line below; a
/// command-line mistake names its option instead of a file.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public enum Severity: String, Sendable, Hashable, Comparable, Codable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var hint: String?

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, hint: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    public static func error(at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, hint: hint)
    }

    public static func warning(at location: SourceLocation, _ message: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, hint: hint)
    }

    public var isError: Bool { severity == .error }

    /// The compiler-style text: one line, then `  hint: …` when there is a hint.
    /// An option's mistake reads `error: 选项 --district：未知的区 '东湖'`.
    public var description: String {
        var text =
            location.isCommandLine
            ? "\(severity.rawValue): \(location.path.hasPrefix("-") ? "选项" : "参数") \(location.path)：\(message)"
            : "\(location): \(severity.rawValue): \(message)"
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }

    /// Sorted by file, then position, so that a run's list reads top to bottom.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.severity, lhs.message) < (rhs.location, rhs.severity, rhs.message)
    }
}
