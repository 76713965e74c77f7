import Core
import Foundation

/// The files of `content/` that the portal reads, found in a fixed order so that every run
/// sees them alike. Editor and system junk is passed over; anything else that is not used is
/// reported, so that no file an author added vanishes without a word.
struct ContentInventory {
    struct PageFile {
        var kind: PageKind
        var url: URL
        var relativePath: String
    }

    var config: URL
    var sites: URL?
    var members: URL?
    var pages: [PageFile] = []

    static func scan(_ directory: URL, displayRoot: String, diagnostics: inout Diagnostics) -> ContentInventory {
        let fileManager = FileManager.default
        let display = displayRoot.isEmpty ? "." : displayRoot
        var inventory = ContentInventory(config: directory.appendingPathComponent("portal.yaml"))
        if !fileManager.fileExists(atPath: inventory.config.path) {
            diagnostics.error(
                at: SourceLocation(path: display + "/portal.yaml"), "找不到门户配置文件 portal.yaml",
                hint: "is \(display) the content folder? It needs portal.yaml, cases/ and data/")
        }
        let data = directory.appendingPathComponent("data")
        for (name, keyPath) in [("sites.yaml", \ContentInventory.sites), ("members.yaml", \ContentInventory.members)] {
            let url = data.appendingPathComponent(name)
            if fileManager.fileExists(atPath: url.path) { inventory[keyPath: keyPath] = url }
        }
        for kind in PageKind.allCases {
            let folder = directory.appendingPathComponent(kind.folder)
            guard let names = try? fileManager.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() where !IgnoredFiles.isIgnored(name) {
                let url = folder.appendingPathComponent(name)
                if name.hasSuffix(".md") {
                    inventory.pages.append(PageFile(kind: kind, url: url, relativePath: "\(kind.folder)/\(name)"))
                } else {
                    diagnostics.warning(
                        at: SourceLocation(path: "\(display)/\(kind.folder)/\(name)"), "文件未被使用：只有 .md 文件会成为页面",
                        hint: "rename it to end in .md if it is a page, or move it out of \(kind.folder)/")
                }
            }
        }
        return inventory
    }

}
