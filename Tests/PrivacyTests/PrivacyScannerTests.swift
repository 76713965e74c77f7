import Privacy
import Testing

@Suite struct PrivacyScannerTests {
    let scanner = PrivacyScanner()

    func kinds(_ text: String, scanner: PrivacyScanner? = nil) -> [PrivacyFinding.Kind] {
        (scanner ?? self.scanner).findings(in: text).map(\.kind)
    }

    // MARK: ID numbers

    @Test(arguments: [
        ("11010519491231002X", "110105********002X"),
        ("11010519491231002x", "110105********002X"),
        ("320102198511114560", "320102********4560"),
        ("身份证号：44030419900307123X。", "440304********123X"),
    ])
    func findsIDNumbersWithAValidCheckDigit(_ text: String, _ masked: String) throws {
        let finding = try #require(scanner.findings(in: text).first)
        #expect(scanner.findings(in: text).count == 1)
        #expect(finding.kind == .idNumber)
        #expect(finding.masked == masked)
    }

    @Test(arguments: ["320102198511114561", "110105194912310021", "11010519491231002Y", "44030419900307123"])
    func ignoresIDNumbersWithAWrongCheckDigit(_ text: String) {
        #expect(kinds(text).isEmpty)
    }

    @Test func ignoresEighteenDigitsWithAValidCheckDigitButNoBirthDate() {
        // The check digit 1 is right, but the month is 13.
        #expect(kinds("110105194913310021").isEmpty)
    }

    @Test func findsAFullWidthIDNumber() {
        #expect(kinds("３２０１０２１９８５１１１１４５６０") == [.idNumber])
    }

    // MARK: Mobile numbers

    @Test(arguments: [
        "13800138000", "138 0013 8000", "138-0013-8000", "1380013 8000", "138 00138000", "１３８００１３８０００",
        "１３８－００１３－８０００", "+8613800138000", "+86 138 0013 8000", "电话：13800138000。", "tel:13800138000",
    ])
    func findsMobileNumbersAsAuthorsWriteThem(_ text: String) throws {
        let findings = scanner.findings(in: text)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.kind == .mobile)
        #expect(finding.masked == "138****8000")
        #expect(finding.canonical == "13800138000")
    }

    @Test(arguments: [
        "138.0013.8000", "138\u{3000}0013\u{3000}8000", "138－0013－8000", "138—0013—8000", "138‐0013‐8000",
        "138-0013 8000", "138 - 0013 - 8000", "138  0013  8000", "138\u{A0}0013\u{A0}8000", "138．0013．8000",
        "008613800138000", "8613800138000", "+86 138 0013 8000", "0086-138-0013-8000", "86 13800138000",
        "（+86）138-0013-8000", "+86\u{3000}138\u{3000}0013\u{3000}8000",
    ])
    func findsMobileNumbersWithAnySeparatorAndCountryCode(_ text: String) throws {
        let findings = scanner.findings(in: text)
        #expect(findings.map(\.kind) == [.mobile])
        #expect(findings.first?.canonical == "13800138000")
    }

    @Test(arguments: [
        "138**0013**8000", "138<strong>0013</strong>8000", "<em>138</em> 0013 <b>8000</b>", "138 [0013](tel:1) 8000",
        "[138 0013](https://example.gov.cn/a) 8000", "138_0013_8000", "138<span class=\"x1\">0013</span>8000",
        "电话：**138 0013 8000**。",
    ])
    func findsAMobileNumberThatMarkupSplits(_ text: String) throws {
        let findings = scanner.findings(in: text)
        #expect(findings.map(\.kind) == [.mobile])
        #expect(findings.first?.canonical == "13800138000")
    }

    @Test func aNumberSplitByMarkupIsFoundAtItsFirstDigit() throws {
        let text = "电话：138**0013**8000"
        let finding = try #require(scanner.findings(in: text).first)
        #expect(finding.byteRange.lowerBound == "电话：".utf8.count)
        #expect(finding.byteRange.upperBound == text.utf8.count)
    }

    @Test(arguments: [
        "<td>138</td><td>0013</td><td>8000</td>", "138<br>0013<br>8000", "<p>138</p>\n<p>0013 8000</p>",
        "1<strong>13800138000</strong>", "电话 138****8000", "138-****-8000",
    ])
    func blockTagsAndMaskedFormsSplitNumbers(_ text: String) {
        #expect(kinds(text).isEmpty)
    }

    @Test(arguments: [
        ("110105 19491231 002X", "110105********002X"), ("110105-19491231-002X", "110105********002X"),
        ("320102 19851111 4560", "320102********4560"), ("320102－19851111－4560", "320102********4560"),
        ("110105491231002", "110105******002"), ("110105 491231 002", "110105******002"),
        ("身份证：110105**491231**002。", "110105******002"),
    ])
    func findsSplitAndOldIDNumbers(_ text: String, _ masked: String) throws {
        let findings = scanner.findings(in: text)
        #expect(findings.map(\.kind) == [.idNumber])
        #expect(findings.first?.masked == masked)
    }

    @Test(arguments: [
        "2024-03-18", "2024.03.18", "〔2024〕12号", "市监发〔2023〕105号", "ISBN 978-7-5097-1234-5", "978-7-111-12345-6",
        "金额 1,380,013.80 元", "2024年3月18日", "1380013800 元", "第 138 0013 号", "001380013800013",
        "991231199912312", "510104991332001", "v1.38.0013", "138.00", "电话 0571-8800 1234",
    ])
    func ignoresDatesDocumentNumbersAndAmounts(_ text: String) {
        #expect(kinds(text).isEmpty)
    }

    @Test(arguments: [
        ("zhang.san＠example.com", "z***@example.com", "zhang.san@example.com"),
        ("zhang＠example．com", "z***@example.com", "zhang@example.com"),
        ("Li@mail．example．gov．cn", "L***@mail.example.gov.cn", "li@mail.example.gov.cn"),
    ])
    func findsEmailAddressesWithFullWidthSigns(_ text: String, _ masked: String, _ canonical: String) throws {
        let findings = scanner.findings(in: text)
        #expect(findings.map(\.kind) == [.email])
        #expect(findings.first?.masked == masked)
        #expect(findings.first?.canonical == canonical)
    }

    @Test func aFullWidthAddressOnTheAllowListPasses() {
        let scanner = PrivacyScanner(allowedEmails: ["office@example.gov.cn"])
        #expect(kinds("office＠example．gov．cn", scanner: scanner).isEmpty)
    }

    @Test func reportsTheBytesOfTheNumberWithItsSeparators() throws {
        let text = "电话：138 0013 8000。"
        let finding = try #require(scanner.findings(in: text).first)
        #expect(finding.byteRange == 9..<22)
        #expect(String(decoding: Array(text.utf8)[finding.byteRange], as: UTF8.self) == "138 0013 8000")
    }

    @Test(arguments: [
        "213800138000", "138001380001", "订单号20250318138001380001", "1380013800012345678", "12800138000",
        "10800138000", "138 0013 80001", "138    0013 8000", "1380 013 8000", "138,0013,8000", "0086138001380001",
    ])
    func ignoresDigitsThatAreNotAMobileNumber(_ text: String) {
        #expect(kinds(text).isEmpty)
    }

    @Test func findsEachOfSeveralNumbersInOrder() {
        let findings = scanner.findings(in: "甲 13800138000，乙 139-0000-1111，丙 11010519491231002X。")
        #expect(findings.map(\.kind) == [.mobile, .mobile, .idNumber])
        #expect(findings.map(\.masked) == ["138****8000", "139****1111", "110105********002X"])
    }

    // MARK: Masked forms

    @Test(arguments: [
        "138****1234", "138****8000", "1380****000", "110105********002X", "z***@example.gov.cn", "***@example.gov.cn",
        "电话 138-****-8000",
    ])
    func maskedFormsPass(_ text: String) {
        #expect(kinds(text).isEmpty)
    }

    @Test(arguments: ["13800138000", "11010519491231002X", "zhang.san@example.com", "１３８００１３８０００"])
    func theMaskedFormOfAFindingPassesTheScanner(_ text: String) throws {
        let finding = try #require(scanner.findings(in: text).first)
        #expect(kinds(finding.masked).isEmpty)
    }

    // MARK: E-mail addresses

    @Test(arguments: [
        ("zhang.san@example.com", "z***@example.com"),
        ("联系：Li_Si+news@mail.example.gov.cn。", "L***@mail.example.gov.cn"),
        ("<a href=\"mailto:wang@example.org\">", "w***@example.org"),
    ])
    func findsEmailAddresses(_ text: String, _ masked: String) throws {
        let findings = scanner.findings(in: text)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.kind == .email)
        #expect(finding.masked == masked)
    }

    @Test func emailsOnTheAllowListPassWhateverTheirCase() {
        let scanner = PrivacyScanner(allowedEmails: ["Office@Example.gov.cn"])
        #expect(kinds("来信请寄 office@example.gov.cn 或 OFFICE@EXAMPLE.GOV.CN", scanner: scanner).isEmpty)
        #expect(kinds("zhang@example.gov.cn", scanner: scanner) == [.email])
    }

    @Test(arguments: [
        "@media (max-width: 600px)", "logo@2x.png", "swift-mustache@2.1.1", "user@localhost", "a@b.c", "@example.com",
    ])
    func ignoresWhatIsNotAnEmailAddress(_ text: String) {
        #expect(kinds(text).isEmpty)
    }

    @Test func theMaskedAddressMasksANumberInItsDomain() {
        let findings = scanner.findings(in: "shop@store-138-0013-8000.example.cn")
        #expect(findings.map(\.kind) == [.email, .mobile])
        #expect(findings.map(\.masked) == ["s***@store-138****8000.example.cn", "138****8000"])
    }

    @Test func findsANumberThatIsAlsoTheLocalPartOfAnAddress() {
        #expect(kinds("13800138000@qq.com") == [.mobile, .email])
    }

    @Test func theDescriptionShowsOnlyTheMaskedForm() throws {
        let finding = try #require(scanner.findings(in: "13800138000").first)
        #expect(!finding.description.contains("13800138000"))
        #expect(!String(reflecting: finding).contains("13800138000"))
    }
}
