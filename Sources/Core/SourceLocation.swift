/// A place in a source file, as authors see it: the path as given on the command line or
/// relative to the portal folder, and 1-based line and column counted in characters.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// The same place moved down by `lines`, as when a body's line numbers are shifted by the
    /// front matter above it.
    public func offset(lines: Int) -> SourceLocation {
        SourceLocation(path: path, line: line + lines, column: column)
    }

    /// A mistake in a command-line option or argument rather than in a file: `--district`,
    /// `<title>`. It has no line (0), and prints as the option.
    public static func commandLine(_ name: String) -> SourceLocation {
        SourceLocation(path: name, line: 0, column: 0)
    }

    public var isCommandLine: Bool { line == 0 }

    public var description: String { isCommandLine ? path : "\(path):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}
