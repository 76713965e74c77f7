import Markdown
import Testing

@Suite struct ConcurrencyTests {
    static let document = """
        # 高新区宏达商业街：党建引领

        推进**“六有”标准化阵地建设**，开展**“三亮”**活动。[相关案例](../cases/a.md#做法)

        ## 办理流程

        1. 亮牌经营；
        2. 宣传引导。

        ## 办理流程

        > 党员说：“**诚信**经营。”

        ![活动现场](images/a.png) <script>x</script>
        """

    @Test func rendersTheSameBytesWhateverTheNumberOfTasks() async {
        let renderer = MarkdownRenderer(options: .portal)
        let rewrite: @Sendable (String) -> String? = { $0.hasSuffix(".md") ? "/cases/a/" : nil }
        let expected = renderer.render(Self.document, rewriteLink: rewrite)
        let results = await withTaskGroup(of: [MarkdownDocument].self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<50).map { _ in renderer.render(Self.document, rewriteLink: rewrite) }
                }
            }
            var all: [MarkdownDocument] = []
            for await batch in group { all += batch }
            return all
        }
        #expect(results.count == 400)
        #expect(results.allSatisfy { $0 == expected })
        #expect(expected.headings.map(\.anchor) == ["高新区宏达商业街-党建引领", "办理流程", "办理流程-1"])
    }
}
