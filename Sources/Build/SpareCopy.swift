import Core
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Brings the copy of the site readers do not see up to date with the new build, from the copy
/// they see (`live`) and the files that changed (`staged`). Unchanged files are hard links to
/// those of the live copy, so the two copies share their bytes; nothing is ever written into a
/// shared file, only renamed over it, so changing one copy never changes the other.
struct SpareCopy {
    let spare: String
    let live: String

    /// Makes the spare hold `produced`: the files in `staged` (moved from there) and the others
    /// as the live copy holds them. `lag`, the paths in which the spare differs from the live
    /// copy, limits the work to those paths and `gone` (the live files the build no longer
    /// makes); without it the spare is made again from links. Returns the paths whose files in
    /// the spare are new or were linked anew: their stamps changed.
    func update(produced: Set<String>, staged: [String], from stagingFolder: String, gone: [String], lag: Set<String>?)
        throws -> [String]
    {
        let moving = Set(staged)
        var touched: [String] = []
        var folders = FolderMaker(root: spare)
        if let lag {
            for path in lag.union(gone).sorted() where !moving.contains(path) {
                guard unlink(spare + "/" + path) == 0 || errno == ENOENT else { throw POSIXError.current(spare + "/" + path) }
                if produced.contains(path) {
                    try folders.makeParents(of: path)
                    try link(path)
                    touched.append(path)
                } else {
                    removeEmptyParents(of: path)
                }
            }
        } else {
            if FileManager.default.fileExists(atPath: spare) { try FileManager.default.removeItem(atPath: spare) }
            try folders.makeRoot()
            for path in produced.sorted() where !moving.contains(path) {
                try folders.makeParents(of: path)
                try link(path)
                touched.append(path)
            }
        }
        for path in staged {
            try folders.makeParents(of: path)
            guard rename(stagingFolder + "/" + path, spare + "/" + path) == 0 else {
                throw POSIXError.current(spare + "/" + path)
            }
            touched.append(path)
        }
        return touched
    }

    /// Links the live file at `path` into the spare; copies it where the file system has no
    /// hard links.
    private func link(_ path: String) throws {
        let (source, target) = (live + "/" + path, spare + "/" + path)
        if Glibc.link(source, target) == 0 { return }
        guard errno == EPERM || errno == EXDEV || errno == EMLINK || errno == ENOTSUP else {
            throw POSIXError.current(target)
        }
        try FileManager.default.copyItem(atPath: source, toPath: target)
    }

    /// Removes the folders a removed file leaves empty, up to the root.
    private func removeEmptyParents(of path: String) {
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty, rmdir(spare + "/" + folder) == 0 {
            folder = (folder as NSString).deletingLastPathComponent
        }
    }
}

/// Creates the folders of a tree once each, parents first.
private struct FolderMaker {
    let root: String
    private var made: Set<String> = [""]

    init(root: String) {
        self.root = root
    }

    func makeRoot() throws {
        if mkdir(root, 0o755) != 0 && errno != EEXIST { throw POSIXError.current(root) }
    }

    mutating func makeParents(of path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard !made.contains(folder) else { return }
        try makeParents(of: folder)
        let full = root + "/" + folder
        if mkdir(full, 0o755) != 0 && errno != EEXIST { throw POSIXError.current(full) }
        chmod(full, 0o755)
        made.insert(folder)
    }
}
