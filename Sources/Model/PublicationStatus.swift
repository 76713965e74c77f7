/// Where a page stands in review. Only `published` pages are built.
public enum PublicationStatus: String, Sendable, Hashable, CaseIterable {
    case draft
    case published
}
