import Core

/// A YAML node with the place it was written, so that every complaint about a value can point
/// at it. Scalars keep the text as written: typing is the schema's job, not YAML 1.1's, so a
/// phone number `013800000001` or an id `010` is never turned into a number.
public indirect enum YAMLValue: Sendable, Hashable {
    case scalar(YAMLScalar)
    case sequence([YAMLValue], SourceLocation)
    case mapping([YAMLEntry], SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(let scalar): return scalar.location
        case .sequence(_, let location), .mapping(_, let location): return location
        }
    }

    /// What the value is, in the words an error message uses.
    public var kindDescription: String {
        switch self {
        case .scalar(let scalar): return scalar.isNull ? "空值" : "文字"
        case .sequence: return "列表"
        case .mapping: return "“键: 值”映射"
        }
    }
}

public struct YAMLScalar: Sendable, Hashable {
    public var text: String
    /// Quoted scalars are always text; plain ones may be `null`, numbers or booleans.
    public var isQuoted: Bool
    public var location: SourceLocation

    public init(text: String, isQuoted: Bool, location: SourceLocation) {
        self.text = text
        self.isQuoted = isQuoted
        self.location = location
    }

    /// A plain `~`, `null` or nothing at all.
    public var isNull: Bool {
        !isQuoted && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
    }
}

public struct YAMLEntry: Sendable, Hashable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: YAMLValue

    public init(key: String, keyLocation: SourceLocation, value: YAMLValue) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
