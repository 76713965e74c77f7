/// The lines a Chinese government site carries at its foot (`footer:` in `portal.yaml`): who
/// runs it, how to reach the office, and its filing numbers. Each is optional; the footer shows
/// those that are set.
public struct SiteFooter: Sendable, Hashable, Codable {
    /// 主办单位.
    public var organizer: String?
    /// 承办单位.
    public var undertaker: String?
    /// 联系电话: an office number (`0571-87654321`, `12315`), never a mobile.
    public var phone: String?
    /// ICP备案号: `浙ICP备12345678号-1`.
    public var icp: String?
    /// 公安机关备案号: `浙公网安备 33010202000123号`.
    public var publicSecurity: String?
    /// The digits of the 公安机关备案号, for the link to its record.
    public var publicSecurityNumber: String? {
        publicSecurity.map { String($0.filter(\.isASCII).filter(\.isNumber)) }
    }
    /// 政府网站标识码: ten letters and digits, such as `3301000035` or `bm17000001`.
    public var siteCode: String?

    public init(
        organizer: String? = nil, undertaker: String? = nil, phone: String? = nil, icp: String? = nil,
        publicSecurity: String? = nil, siteCode: String? = nil
    ) {
        self.organizer = organizer
        self.undertaker = undertaker
        self.phone = phone
        self.icp = icp
        self.publicSecurity = publicSecurity
        self.siteCode = siteCode
    }
}
