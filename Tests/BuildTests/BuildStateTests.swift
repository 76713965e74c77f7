import Core
import Foundation
import Testing

@testable import Build

/// The state a build leaves must read back as it was written, and a damaged one must not read.
@Suite struct BuildStateTests {
    @Test func aStateReadsBackAsItWasWritten() async throws {
        let workspace = try FixtureWorkspace(copyingTemplates: false)
        defer { workspace.remove() }
        var options = workspace.options
        options.includeUnpublished = true
        let report = try await SiteBuilder(options: options).build(into: MemorySink())
        var state = try #require(report.state)
        state.identity = "portal test"
        state.inputs = BuildState.stamps(content: workspace.content, templates: FixtureSite.templates)
        state.outputs = ["index.html": FileStamp(size: 1, modified: 2, changed: 3, inode: 4)]
        #expect(state.portal.cases.contains { !$0.publication.approvals.isEmpty }, "approvals are kept")
        #expect(!state.portal.members.isEmpty)
        #expect(state.portal.courses.allSatisfy { !$0.body.html.isEmpty }, "course bodies are kept")
        #expect(state.portal.cases.allSatisfy { $0.body == .empty }, "case bodies are not")

        #expect(state.searchMasks.documentCount == state.portal.cases.count, "the shards of every case")
        #expect(state.searchMasks.words.contains { $0 != 0 })

        let model = workspace.root.appendingPathComponent("state")
        let search = workspace.root.appendingPathComponent("search")
        let stamps = workspace.root.appendingPathComponent("stamps")
        state.write(model: model, search: search, stamps: stamps)
        let read = try #require(BuildState.read(model: model, search: search, stamps: stamps))
        #expect(read.identity == state.identity)
        #expect(read.inputs == state.inputs)
        #expect(read.outputs == state.outputs)
        #expect(read.portal == state.portal)
        #expect(read.memory == state.memory)
        #expect(read.linkWarnings == state.linkWarnings)
        #expect(read.paths == state.paths)
        #expect(read.links == state.links)
        #expect(read.files == state.files)
        #expect(read.searchMasks == state.searchMasks)

        // Cut short or with a byte changed, it is not read.
        let bytes = try Data(contentsOf: model)
        try bytes.prefix(bytes.count - 1).write(to: model)
        #expect(BuildState.read(model: model, search: search, stamps: stamps) == nil)
        var damaged = bytes
        damaged[0] ^= 0xff
        try damaged.write(to: model)
        #expect(BuildState.read(model: model, search: search, stamps: stamps) == nil)
    }
}
