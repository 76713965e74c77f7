import Core

/// A page's place in the review workflow: its status and the approvals it has, in the order
/// the front matter lists them.
public struct Publication: Sendable, Hashable, Codable {
    public var status: PublicationStatus
    public var approvals: [Approval]

    public init(status: PublicationStatus = .published, approvals: [Approval] = []) {
        self.status = status
        self.approvals = approvals
    }

    public var isPublished: Bool { status == .published }

    /// Who approved the page at `role`, if anyone.
    public func approval(_ role: ReviewRole) -> Approval? {
        approvals.first { $0.role == role }
    }
}
