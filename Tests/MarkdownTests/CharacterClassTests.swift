import Testing

@testable import Markdown

/// The CJK emphasis fix is sound only if it classes characters as libcmark does. These tests
/// ask the installed libcmark itself, through plain CommonMark rendering.
@Suite struct CharacterClassTests {
    let commonMark = MarkdownRenderer(options: MarkdownOptions(unsafe: true, portalAdditions: false, cjkEmphasis: false))

    /// In `a*Xb*` the first `*` follows a letter, so it opens emphasis only if X is neither
    /// whitespace nor punctuation. In `*Xa*` it starts the line and opens unless X is whitespace.
    private func libcmarkKind(of scalar: Unicode.Scalar) -> CommonMarkCharacter.Kind {
        let character = String(Character(scalar))
        if opensEmphasis("a*\(character)b*") { return .other }
        return opensEmphasis("*\(character)a*") ? .punctuation : .whitespace
    }

    /// Compares bytes: `String.contains` compares characters, and a combining mark after
    /// `<em>` would join its `>` into one character.
    private func opensEmphasis(_ markdown: String) -> Bool {
        let html = Array(commonMark.render(markdown).html.utf8)
        let tag = Array("<em>".utf8)
        return html.indices.contains { html[$0...].starts(with: tag) }
    }

    @Test func characterClassesMatchLibcmark() {
        var mismatches: [String] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            // Beyond plane 1 cmark knows no punctuation and the planes hold only letters and
            // unassigned code points; a sample of them is enough.
            if value > 0x1FFFF, value % 251 != 0 { continue }
            let ours = CommonMarkCharacter.kind(of: scalar)
            let theirs = libcmarkKind(of: scalar)
            if ours != theirs { mismatches.append("U+\(String(value, radix: 16, uppercase: true)): \(ours) vs \(theirs)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test func sentinelIsPunctuationToLibcmark() {
        #expect(libcmarkKind(of: CJKEmphasisPreparation.sentinel) == .punctuation)
    }

    @Test(arguments: [
        "“", "”", "‘", "’", "《", "》", "（", "）", "，", "。", "、", "：", "；", "！", "？", "…", "—", "·", "「", "」", "【", "】",
    ])
    func treatsChinesePunctuationAsCJKPunctuation(mark: String) {
        let scalar = mark.unicodeScalars.first!
        #expect(CommonMarkCharacter.kind(of: scalar) == .punctuation)
        #expect(CJKCharacter.isCJKPunctuation(scalar))
    }
}
