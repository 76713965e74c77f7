import Core
import Testing

@Suite struct SlugTests {
    @Test(arguments: ["case-01", "donghu", "a_b", "2025-report"])
    func acceptsURLSafeSlugs(_ slug: String) {
        #expect(Slug.isValid(slug))
    }

    @Test(arguments: ["", "Case", "六有", "../x", "%2e%2e", "/abs", "a\\b", "-lead", "a b", "a.b"])
    func rejectsSlugsThatAreNotURLSafe(_ slug: String) {
        #expect(!Slug.isValid(slug))
    }

    @Test func suggestsALowercaseSlug() {
        #expect(Slug.suggestion(for: "My Case 01") == "my-case-01")
        #expect(Slug.suggestion(for: "六有") == "")
    }

    @Test(arguments: ["_draft", "//_number", "-_a_b"])
    func suggestsOnlyValidSlugs(_ text: String) {
        let suggestion = Slug.suggestion(for: text)
        #expect(Slug.isValid(suggestion))
    }

    @Test func keepsChineseInSegments() {
        #expect(Slug.segment(from: "办理流程") == "办理流程")
        #expect(Slug.segment(from: "“六有”阵地 建设") == "六有-阵地-建设")
        #expect(Slug.segment(from: "Step 1: Start") == "step-1-start")
    }

    @Test func numbersRepeatedAnchors() {
        var namer = AnchorNamer()
        #expect(namer.anchor(for: "办理流程") == "办理流程")
        #expect(namer.anchor(for: "办理流程") == "办理流程-1")
        #expect(namer.anchor(for: "办理流程") == "办理流程-2")
        #expect(namer.anchor(for: "？！") == "section")
    }
}
