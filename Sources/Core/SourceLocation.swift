/// A place in a source file, as authors see it: the path as given on the command line or
/// relative to the portal folder, and 1-based line and column counted in characters.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public var path: String
    public var line: Int
    public var column: Int
    /// Said instead of line and column where the file has no lines, such as a paragraph of a
    /// Word document (`稿件.docx: 第 12 段（“二是强化……”）`), or empty for the whole file;
    /// `line` then orders the places.
    public var label: String?

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// A place said by `label`, ordered by `line`.
    public init(path: String, line: Int, label: String) {
        self.init(path: path, line: line)
        self.label = label
    }

    /// The same place moved down by `lines`, as when a body's line numbers are shifted by the
    /// front matter above it.
    public func offset(lines: Int) -> SourceLocation {
        var moved = self
        moved.line += lines
        return moved
    }

    /// A mistake in a command-line option or argument rather than in a file: `--district`,
    /// `<title>`. It has no line or column (0), and prints as the option.
    public static func commandLine(_ name: String) -> SourceLocation {
        SourceLocation(path: name, line: 0, column: 0)
    }

    public var isCommandLine: Bool { line == 0 && column == 0 && label == nil }

    public var description: String {
        if isCommandLine { return path }
        return label.map { $0.isEmpty ? path : "\(path): \($0)" } ?? "\(path):\(line):\(column)"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

extension SourceLocation {
    /// How messages name `relative`, a path below a folder the user named `root` (`content`,
    /// `../x/content`, or `.` for the current folder).
    public static func joined(_ root: String, _ relative: String) -> String {
        root.isEmpty || root == "." ? relative : root + "/" + relative
    }

    /// The part of `path` below the folder named `root`, as `joined` put them together; `""`
    /// for the folder itself, nil for a path outside it.
    public static func relative(_ path: String, to root: String) -> String? {
        if root.isEmpty || root == "." { return path.hasPrefix("/") ? nil : path }
        if path == root { return "" }
        return path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : nil
    }
}
