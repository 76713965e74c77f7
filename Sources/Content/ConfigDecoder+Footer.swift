import Core
import Model

extension ConfigDecoder {
    /// The provinces' one-character names, with which ICP and 公网安备 numbers begin.
    static let provinces = Set("京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新")

    /// `footer: {organizer: …, undertaker: …, phone: …, icp: …, public_security: …, site_code: …}`,
    /// each value checked for the shape its register gives it.
    static func decodeFooter(_ value: YAMLValue, diagnostics: inout Diagnostics) -> SiteFooter {
        var reader = RecordReader(value, recordName: "页脚设置", diagnostics: &diagnostics)
        var footer = SiteFooter()
        footer.organizer = reader.string("organizer", required: false)
        footer.undertaker = reader.string("undertaker", required: false)
        func checked(_ key: String, _ isValid: (String) -> Bool, _ message: String, hint: String) -> String? {
            guard let text = reader.string(key, required: false) else { return nil }
            guard isValid(text) else {
                reader.appendDiagnostic(.error(at: reader.location(of: key), "\(message)：'\(text)'", hint: hint))
                return nil
            }
            return text
        }
        if let phone = reader.string("phone", required: false) {
            if isMobile(phone) {
                reader.appendDiagnostic(
                    .error(
                        at: reader.location(of: "phone"), "联系电话不能是手机号：'\(phone)'",
                        hint: "页脚公开的是单位的办公电话，如 0571-87654321 或 12315；手机号属于个人信息"))
            } else if !isOfficePhone(phone) {
                reader.appendDiagnostic(
                    .error(
                        at: reader.location(of: "phone"), "联系电话的格式不对：'\(phone)'",
                        hint: "写区号加号码，如 0571-87654321，可带分机 0571-87654321-801；或服务热线，如 12315"))
            } else {
                footer.phone = phone
            }
        }
        footer.icp = checked(
            "icp", isICP, "ICP备案号的格式不对",
            hint: "照工信部备案系统里的写法，如 浙ICP备12345678号 或 浙ICP备12345678号-1")
        footer.publicSecurity = checked(
            "public_security", isPublicSecurity, "公安机关备案号的格式不对",
            hint: "照全国互联网安全管理服务平台里的写法，如 浙公网安备 33010202000123号（14 位数字）")
        footer.siteCode = checked(
            "site_code", isSiteCode, "政府网站标识码的格式不对",
            hint: "标识码是 10 位数字或字母，如 3301000035；见全国政府网站基本信息数据库")
        reader.finish()
        diagnostics.append(contentsOf: reader.diagnostics)
        return footer
    }

    static func isMobile(_ text: String) -> Bool {
        let digits = Array(text.filter { $0 != " " && $0 != "-" }.unicodeScalars)
        return digits.count == 11 && digits[0] == "1" && ("3"..."9").contains(digits[1])
            && digits.allSatisfy { ("0"..."9").contains($0) }
    }

    /// `0571-87654321`, `(0571)87654321`, `0571-87654321-801`, `87654321`, or a five-digit
    /// service line such as `12315`.
    static func isOfficePhone(_ text: String) -> Bool {
        text.wholeMatch(of: /1\d{4}|((\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}-?)?[2-9]\d{6,7}(-\d{1,6})?)/) != nil
    }

    /// `浙ICP备12345678号`, `浙ICP备12345678号-1`.
    static func isICP(_ text: String) -> Bool {
        guard let first = text.first, provinces.contains(first) else { return false }
        return text.dropFirst().wholeMatch(of: /ICP备\d{8}号(-\d{1,3})?/) != nil
    }

    /// `浙公网安备 33010202000123号` (the space may be left out).
    static func isPublicSecurity(_ text: String) -> Bool {
        guard let first = text.first, provinces.contains(first) else { return false }
        return text.dropFirst().wholeMatch(of: /公网安备 ?\d{14}号/) != nil
    }

    /// Ten ASCII letters and digits.
    static func isSiteCode(_ text: String) -> Bool {
        text.count == 10 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}
