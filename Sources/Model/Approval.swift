import Core

/// One review a page passed, as `portal approve` records it in the front matter:
/// `{by: 张三, role: 终审, at: 2025-06-01T10:20:00+08:00, body_sha256: …}`. The hash is of the
/// body as it was approved, so that a later edit of the text is noticed.
public struct Approval: Sendable, Hashable, Codable {
    public var by: String
    public var role: ReviewRole
    public var at: Timestamp
    /// SHA-256 of the body (LF line ends), 64 lowercase hex digits.
    public var bodySHA256: String

    public init(by: String, role: ReviewRole, at: Timestamp, bodySHA256: String) {
        self.by = by
        self.role = role
        self.at = at
        self.bodySHA256 = bodySHA256
    }
}
