/// The problems a stage collects. Stages report every problem they find instead of stopping
/// at the first, so that an author sees all of a run's mistakes at once.
public struct Diagnostics: Sendable, Sequence {
    public private(set) var all: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) {
        all = diagnostics
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    public mutating func append<S: Sequence>(contentsOf diagnostics: S) where S.Element == Diagnostic {
        all.append(contentsOf: diagnostics)
    }

    public mutating func error(at location: SourceLocation, _ message: String, hint: String? = nil) {
        all.append(.error(at: location, message, hint: hint))
    }

    public mutating func warning(at location: SourceLocation, _ message: String, hint: String? = nil) {
        all.append(.warning(at: location, message, hint: hint))
    }

    public var hasErrors: Bool { all.contains(where: \.isError) }
    public var errorCount: Int { all.count(where: \.isError) }
    public var warningCount: Int { all.count - errorCount }
    public var isEmpty: Bool { all.isEmpty }
    public var sorted: [Diagnostic] { Array(Set(all)).sorted() }

    public func makeIterator() -> IndexingIterator<[Diagnostic]> { all.makeIterator() }
}

/// Thrown by a stage whose problems include at least one error; carries every diagnostic of
/// the run so far, warnings included.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = Array(Set(diagnostics)).sorted()
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
