import Foundation
import Preview
import Testing

@Suite struct PreviewFilesTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("portal-preview-files-\(UUID().uuidString)")
        for folder in ["cases/a", "assets", "media"] {
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in ["index.html", "cases/a/index.html", "assets/portal.css", "404.html", "media/示范点.jpg"] {
            try Data("x".utf8).write(to: root.appendingPathComponent(file))
        }
    }

    @Test func foldersServeTheirIndexPage() {
        #expect(PreviewFiles.answer(for: "/", in: root) == .file("index.html"))
        #expect(PreviewFiles.answer(for: "/cases/a/", in: root) == .file("cases/a/index.html"))
    }

    @Test func aFolderNamedWithoutItsSlashIsRedirected() {
        #expect(PreviewFiles.answer(for: "/cases/a", in: root) == .redirect("/cases/a/"))
    }

    @Test func filesAreServedAsTheyAre() {
        #expect(PreviewFiles.answer(for: "/assets/portal.css", in: root) == .file("assets/portal.css"))
        #expect(PreviewFiles.answer(for: "/media/示范点.jpg", in: root) == .file("media/示范点.jpg"))
    }

    @Test func missingFilesAndFoldersWithoutAnIndexAreNotFound() {
        #expect(PreviewFiles.answer(for: "/cases/b/", in: root) == .notFound)
        #expect(PreviewFiles.answer(for: "/cases/", in: root) == .notFound)
    }

    @Test func pathsLeavingTheSiteOrNamingHiddenFilesAreNotFound() {
        #expect(PreviewFiles.answer(for: "/../etc/passwd", in: root) == .notFound)
        #expect(PreviewFiles.answer(for: "/cases/../../x", in: root) == .notFound)
        #expect(PreviewFiles.answer(for: "/.portal-cache/state", in: root) == .notFound)
        #expect(PreviewFiles.answer(for: "cases/a/", in: root) == .notFound)
    }

    @Test func contentTypesNameTheCharacterSetOfText() {
        #expect(PreviewFiles.contentType(of: "a/index.html") == "text/html; charset=utf-8")
        #expect(PreviewFiles.contentType(of: "dashboard/sites.csv") == "text/csv; charset=utf-8")
        #expect(PreviewFiles.contentType(of: "media/x.JPG") == "image/jpeg")
        #expect(PreviewFiles.contentType(of: "media/unknown.bin") == "application/octet-stream")
    }
}
