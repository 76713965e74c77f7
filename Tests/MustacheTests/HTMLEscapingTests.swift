import Testing

@testable import Mustache

/// Escaping works on bytes, eight at a time, but must give what swift-mustache's escaping of
/// whole characters gives.
@Suite struct HTMLEscapingTests {
    func escaped(_ text: String) -> String {
        var output: [UInt8] = []
        HTMLEscaping.append(escaping: text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    @Test func escapesEachSpecialCharacterWhereverItFallsInAWord() {
        for offset in 0..<17 {
            let padding = String(repeating: "a", count: offset)
            #expect(escaped(padding + "<&>\"'" + padding) == padding + "&lt;&amp;&gt;&quot;&#39;" + padding)
        }
        #expect(escaped("") == "")
        #expect(escaped("没有需要转义的字符，只有中文和 ASCII text 0123456789") == "没有需要转义的字符，只有中文和 ASCII text 0123456789")
    }

    static let texts = [
        "他说\"你好\"，'再见'", "“引号”与<标签>&符号", "<\u{301}>", "&\u{200D}x", "\u{600}<", "a<\u{308}b", "🇨🇳<🇨🇳", "e\u{301}&",
        "\r\n<\n>", "<" + String(repeating: "长", count: 40) + ">",
    ]

    @Test(arguments: texts)
    func escapesWholeCharactersAsSwiftMustacheDoes(text: String) throws {
        let output = try ReferenceEngine(["main": "{{v}}"]).render(["v": text], with: "main")
        #expect(output.ours == output.reference)
        #expect(output.ours == escaped(text))
    }

    @Test func leavesASpecialCharacterThatACombiningMarkFollows() {
        #expect(escaped("<\u{301}&") == "<\u{301}&amp;")
    }
}
