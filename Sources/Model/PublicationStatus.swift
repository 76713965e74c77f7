/// Where a page stands in review (三审三校). A normal build publishes only `published` pages;
/// `portal build --drafts` builds the others too, each under a banner naming its status.
/// A page without `status` is `published`.
public enum PublicationStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case draft
    case review
    case published

    /// How the status reads on a page's banner and in messages.
    public var label: String {
        switch self {
        case .draft: return "草稿"
        case .review: return "待审核"
        case .published: return "已发布"
        }
    }
}
