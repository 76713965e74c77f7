/// The values a template sees: a dictionary, which swift-mustache reads without reflection.
/// Every string in it is escaped by `{{name}}`; only `SafeHTML` values, which the Markdown
/// renderer produced, are meant for `{{{name}}}`.
public typealias ViewContext = [String: Any]

/// HTML that is already safe to insert: the output of the Markdown renderer in safe mode.
public struct SafeHTML: Sendable, CustomStringConvertible {
    public let html: String
    public init(_ html: String) { self.html = html }
    public var description: String { html }
}
