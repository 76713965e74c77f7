import Core
import Foundation
import Testing

@Suite struct FileTreeTests {
    /// A tree of folders three deep, with files at every level and one skipped folder.
    private func makeTree() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-tree-\(UUID().uuidString)")
        let files = [
            "index.html", "cases/index.html", "cases/a/index.html", "cases/a/index.html.gz", "cases/b/index.html",
            "tags/六有/page/2/index.html", "assets/portal.css", ".git/HEAD",
        ]
        for file in files {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.utf8).write(to: url)
        }
        return root
    }

    @Test func filesAreListedSortedAndSkippedFoldersLeftOut() throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(
            FileTree.files(below: root.path, skipping: { $0 == ".git" }) == [
                "assets/portal.css", "cases/a/index.html", "cases/a/index.html.gz", "cases/b/index.html", "cases/index.html",
                "index.html", "tags/六有/page/2/index.html",
            ])
    }

    @Test func stampsOnAllCoresAreTheStampsOfOneWalk() async throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let one = FileTree.stamps(below: root.path)
        for pieces in [1, 2, 8] {
            let many = await FileTree.stamps(below: root.path, pieces: pieces)
            #expect(many.count == one.count)
            #expect(
                Dictionary(uniqueKeysWithValues: many.map { ($0.path, $0.stamp) })
                    == Dictionary(uniqueKeysWithValues: one.map { ($0.path, $0.stamp) }))
        }
        let stamp = try #require(one.first { $0.path == "cases/a/index.html" }?.stamp)
        #expect(stamp.size == Int64("cases/a/index.html".utf8.count))
        #expect(stamp == FileStamp(at: root.appendingPathComponent("cases/a/index.html").path))
    }
}
