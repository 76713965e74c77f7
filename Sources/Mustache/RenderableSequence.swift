/// A sequence a section repeats over, as swift-mustache 2.1.1's `MustacheSequence`: arrays, sets
/// and reversed collections. `TemplateRenderer` handles `[[String: Any]]` and `[Any]` without it.
protocol RenderableSequence {
    var elements: [Any] { get }
}

extension Array: RenderableSequence {
    var elements: [Any] { map { $0 } }
}

extension Set: RenderableSequence {
    var elements: [Any] { map { $0 } }
}

extension ReversedCollection: RenderableSequence {
    var elements: [Any] { map { $0 } }
}
