/// Which fields of a member record may be published. This is the one place that decides it:
/// the decoder reads public fields into `Member`, checks private ones and drops them, and
/// rejects any field this list does not know.
public enum MemberFields {
    public static let publicFields = ["id", "name", "shop", "district", "site", "joined", "commitment"]
    /// Personal information: checked for shape, never handed to rendering.
    public static let privateFields = ["phone", "id_number", "note"]
}
