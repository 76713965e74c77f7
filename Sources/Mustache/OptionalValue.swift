/// An `Optional` stored in an `Any`, which swift-mustache 2.1.1 unwraps one level before
/// printing it: `Optional("a")` prints `a`, `nil` prints `nil`.
protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { self }
}
