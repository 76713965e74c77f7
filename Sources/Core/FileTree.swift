#if canImport(Glibc)
    import Glibc
#endif

/// The files below a folder, found with one `readdir` pass per folder: the kind of each entry
/// comes with its name, so a tree of tens of thousands of files is listed without a `stat`
/// per file (Foundation's enumerator asks for one).
public enum FileTree {
    /// Paths relative to `root`, `/`-separated and sorted. Symbolic links are listed as files,
    /// whatever they lead to, and never followed: the caller decides whether to trust them. Entries
    /// whose name `skips` are left out, and so is everything below a skipped folder.
    public static func files(below root: String, skipping skips: (String) -> Bool = { _ in false }) -> [String] {
        var files: [String] = []
        walk(below: root, skipping: skips) { path, _, _ in files.append(path) }
        return files.sorted()
    }

    /// The stamp of each file below `root`, by its path relative to `root`, in no particular
    /// order. Each file is asked about relative to its open folder, which spares the kernel a
    /// walk of the whole path per file.
    public static func stamps(below root: String, skipping skips: (String) -> Bool = { _ in false }) -> [(
        path: String, stamp: FileStamp
    )] {
        var stamps: [(path: String, stamp: FileStamp)] = []
        walk(below: root, skipping: skips) { path, folder, name in
            if let stamp = FileStamp(at: name, in: folder) { stamps.append((path, stamp)) }
        }
        return stamps
    }

    /// `stamps(below:skipping:)` on all cores: the folders two levels down are shared out, so
    /// an output of one folder per page is read in parallel.
    public static func stamps(
        below root: String, skipping skips: @escaping @Sendable (String) -> Bool = { _ in false }, pieces: Int
    ) async -> [(path: String, stamp: FileStamp)] {
        var stamps: [(path: String, stamp: FileStamp)] = []
        let visit = { (path: String, folder: Int32, name: String) in
            if let stamp = FileStamp(at: name, in: folder) { stamps.append((path, stamp)) }
        }
        var shared: [String] = []
        for folder in subfolders(of: "", below: root, skipping: skips, visit: visit) {
            shared += subfolders(of: folder, below: root, skipping: skips, visit: visit)
        }
        let found = await ParallelMap.map(shared, pieces: pieces) { folder in
            var stamps: [Stamped] = []
            walk(below: root, from: [folder], skipping: skips) { path, folder, name in
                if let stamp = FileStamp(at: name, in: folder) { stamps.append(Stamped(path: path, stamp: stamp)) }
            }
            return stamps
        }
        return stamps + found.joined().map { ($0.path, $0.stamp) }
    }

    private struct Stamped: Sendable {
        var path: String
        var stamp: FileStamp
    }

    /// Visits the files of one folder and returns its subfolders.
    private static func subfolders(
        of relative: String, below root: String, skipping skips: (String) -> Bool, visit: (String, Int32, String) -> Void
    ) -> [String] {
        var folders: [String] = []
        entries(of: relative, below: root, skipping: skips) { path, folder, name, isFolder in
            if isFolder { folders.append(path) } else { visit(path, folder, name) }
        }
        return folders
    }

    /// Calls `visit` with the relative path, the open folder and the name of every file below
    /// `root`.
    private static func walk(
        below root: String, from start: [String] = [""], skipping skips: (String) -> Bool,
        visit: (String, Int32, String) -> Void
    ) {
        var pending = start
        while let relative = pending.popLast() {
            entries(of: relative, below: root, skipping: skips) { path, folder, name, isFolder in
                if isFolder { pending.append(path) } else { visit(path, folder, name) }
            }
        }
    }

    /// The files and folders of one folder, each with the open folder and its name.
    private static func entries(
        of relative: String, below root: String, skipping skips: (String) -> Bool,
        _ found: (String, Int32, String, Bool) -> Void
    ) {
        guard let folder = opendir(relative.isEmpty ? root : root + "/" + relative) else { return }
        defer { closedir(folder) }
        let descriptor = dirfd(folder)
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != "..", !skips(name) else { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            switch kind(of: entry.pointee.d_type, at: root + "/" + path) {
            case .folder: found(path, descriptor, name, true)
            case .file: found(path, descriptor, name, false)
            case .other: continue
            }
        }
    }

    private enum Kind { case folder, file, other }

    private static func kind(of type: UInt8, at path: String) -> Kind {
        switch Int32(type) {
        case Int32(DT_DIR): return .folder
        case Int32(DT_REG), Int32(DT_LNK): return .file
        case Int32(DT_UNKNOWN):
            // Some file systems do not say; ask.
            var status = stat()
            guard lstat(path, &status) == 0 else { return .other }
            switch status.st_mode & S_IFMT {
            case S_IFDIR: return .folder
            case S_IFREG, S_IFLNK: return .file
            default: return .other
            }
        default: return .other
        }
    }
}
