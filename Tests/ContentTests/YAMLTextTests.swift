import Content
import Testing
import Yams

@Suite struct YAMLTextTests {
    /// Whatever the portal writes into a data file reads back as the same text.
    @Test(arguments: [
        "陈秀英", "阿依古丽·买买提", "Li Ming", "site-01", "null", "true", "2008", "1.5", "a: b", "#标签", "- 列表",
        "他说“好”", "引号\"和\\反斜杠", "两行\n文字", "制表\t符", "响铃\u{7}", " 前后空格 ", "",
    ])
    func readsBackAsTheSameText(_ text: String) throws {
        for written in [YAMLText.scalar(text), YAMLText.quoted(text)] {
            let node = try #require(try Yams.compose(yaml: "key: \(written)\n"))
            let value = try #require(node.mapping?["key"]?.scalar)
            #expect(value.string == text, "\(written)")
        }
    }
}
