import Core
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The files of `content/` that the portal reads, found in a fixed order so that every run
/// sees them alike. Editor and system junk is passed over. Files that are not pages (pictures,
/// attachments) are kept as candidates for the images pages show; those no page uses are
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
    /// `data/terms.yaml`, the wrong formulations to report; without it nothing is proofread.
    var terms: URL?
    /// `data/training.yaml`, the classes of the rotating training.
    var training: URL?
    /// `data/liaison.yaml`, the liaison points' leaders and their activity logs.
    var liaison: URL?
    /// `data/assessment.yaml`, the assessment scheme and the scores entered by hand.
    var assessment: URL?
    /// `data/coverage.yaml`, the 两个覆盖 snapshots.
    var coverage: URL?
    var pages: [PageFile] = []
    /// Content-relative paths of the other files in the page folders and in `media/`.
    var otherFiles: [String: URL] = [:]

    /// The folders besides the page folders that may hold pictures for pages.
    static let mediaFolder = "media"

    static func scan(_ directory: URL, displayRoot: String, diagnostics: inout Diagnostics) -> ContentInventory {
        let fileManager = FileManager.default
        let display = displayRoot.isEmpty ? "." : displayRoot
        let root = directory.standardizedFileURL.resolvingSymlinksInPath().path
        var inventory = ContentInventory(config: directory.appendingPathComponent("portal.yaml"))
        if !fileManager.fileExists(atPath: inventory.config.path) {
            diagnostics.error(
                at: SourceLocation(path: display + "/portal.yaml"), "找不到门户配置文件 portal.yaml",
                hint: "\(display) 应当是内容目录，其中有 portal.yaml、cases/ 和 data/")
        }
        /// A file whose link leads out of `content/` would publish whatever it points at.
        /// Folders resolved once each: a file that is not itself a link is where its folder is.
        var resolvedFolders: [String: String] = [:]
        func isInside(_ url: URL, relativePath: String) -> Bool {
            let resolved: String
            var status = stat()
            if lstat(url.path, &status) == 0, (status.st_mode & S_IFMT) != S_IFLNK {
                let folder = url.deletingLastPathComponent()
                let resolvedFolder =
                    resolvedFolders[folder.path] ?? folder.standardizedFileURL.resolvingSymlinksInPath().path
                resolvedFolders[folder.path] = resolvedFolder
                resolved = resolvedFolder + "/" + url.lastPathComponent
            } else {
                resolved = url.standardizedFileURL.resolvingSymlinksInPath().path
            }
            if resolved.hasPrefix(root + "/") { return true }
            diagnostics.error(
                at: SourceLocation(path: "\(display)/\(relativePath)"), "符号链接指向内容目录之外：\(resolved)",
                hint: "把文件本身复制到 \(display)/ 中，不要用链接")
            return false
        }
        let dataFiles = [
            ("data/sites.yaml", \ContentInventory.sites), ("data/members.yaml", \ContentInventory.members),
            ("data/terms.yaml", \ContentInventory.terms), ("data/training.yaml", \ContentInventory.training),
            ("data/liaison.yaml", \ContentInventory.liaison), ("data/assessment.yaml", \ContentInventory.assessment),
            ("data/coverage.yaml", \ContentInventory.coverage),
        ]
        for (relative, keyPath) in dataFiles {
            let url = directory.appendingPathComponent(relative)
            if fileManager.fileExists(atPath: url.path), isInside(url, relativePath: relative) {
                inventory[keyPath: keyPath] = url
            }
        }
        if fileManager.fileExists(atPath: inventory.config.path) {
            _ = isInside(inventory.config, relativePath: "portal.yaml")
        }
        for kind in PageKind.allCases {
            for relative in files(below: directory, in: kind.folder) {
                let url = directory.appendingPathComponent(relative)
                guard isInside(url, relativePath: relative) else { continue }
                if relative.hasSuffix(".md") && !relative.dropFirst(kind.folder.count + 1).contains("/") {
                    inventory.pages.append(PageFile(kind: kind, url: url, relativePath: relative))
                } else {
                    inventory.otherFiles[relative] = url
                }
            }
        }
        for relative in files(below: directory, in: mediaFolder) {
            let url = directory.appendingPathComponent(relative)
            if isInside(url, relativePath: relative) { inventory.otherFiles[relative] = url }
        }
        return inventory
    }

    /// Content-relative paths of the files below `folder`, sorted, junk left out.
    private static func files(below directory: URL, in folder: String) -> [String] {
        FileTree.files(below: directory.appendingPathComponent(folder).path, skipping: IgnoredFiles.isIgnored).map {
            "\(folder)/\($0)"
        }
    }
}
