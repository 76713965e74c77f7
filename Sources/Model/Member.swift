import Core

/// A party-member shop owner (共产党员经营户) from `content/data/members.yaml`: only the public
/// fields. Private fields such as the phone number are checked while loading and never reach
/// this type, so no template can show them.
public struct Member: Sendable, Hashable {
    public var id: String
    public var name: String
    public var shop: String
    public var district: Taxon
    public var siteID: String
    public var joined: Int
    public var commitment: String
    public var source: SourceLocation
    /// Where its `site` is written, for a message about that site.
    public var siteSource: SourceLocation

    public init(
        id: String, name: String, shop: String, district: Taxon, siteID: String, joined: Int,
        commitment: String, source: SourceLocation, siteSource: SourceLocation? = nil
    ) {
        self.id = id
        self.name = name
        self.shop = shop
        self.district = district
        self.siteID = siteID
        self.joined = joined
        self.commitment = commitment
        self.source = source
        self.siteSource = siteSource ?? source
    }
}
