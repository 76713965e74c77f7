import Core
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Tells when files below some folders change: each element of `changes()` is one batch of
/// saves, reported once the folders have been quiet for `settle` (an editor's save is often a
/// write, a rename and a change of attributes in a row).
///
/// On Linux it listens to inotify on every folder below the roots, adding the folders made
/// later; elsewhere it compares the modification times of the files every half second.
public struct SourceWatcher: Sendable {
    public let roots: [URL]
    public var settle: Duration = .milliseconds(80)

    public init(roots: [URL]) {
        self.roots = roots
    }

    /// The batches of changes, until the task that reads them is cancelled. Every folder is
    /// watched before this returns: a save made after it is reported.
    public func changes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let work = watching(continuation)
        let task = Task {
            await work()
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }

    /// The loop that reports changes to `continuation`, every folder already watched.
    private func watching(_ continuation: AsyncStream<Void>.Continuation) -> @Sendable () async -> Void {
        #if os(Linux)
            if let inotify = Inotify(roots: roots) {
                let settle = self.settle
                return { await inotify.watch(continuation, settle: settle) }
            }
        #endif
        let polling = Polling(roots: roots)
        return { await polling.watch(continuation) }
    }

    /// The folders below `root`, itself first, leaving out those the build ignores.
    static func folders(below root: URL) -> [String] {
        var folders = [root.path]
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return folders }
        while let relative = walker.nextObject() as? String {
            guard walker.fileAttributes?[.type] as? FileAttributeType == .typeDirectory else { continue }
            if relative.split(separator: "/").contains(where: { IgnoredFiles.isIgnored(String($0)) }) {
                walker.skipDescendants()
                continue
            }
            folders.append(root.path + "/" + relative)
        }
        return folders
    }

    #if os(Linux)
        /// An inotify descriptor with a watch on every folder below the roots.
        final class Inotify: @unchecked Sendable {
            private let descriptor: Int32
            /// The folder of each watch. Only `watch` touches it once it runs, on one task.
            private var folders: [Int32: String] = [:]
            private static let mask = UInt32(
                IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF)

            init?(roots: [URL]) {
                descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
                guard descriptor >= 0 else { return nil }
                for root in roots { add(below: root) }
            }

            deinit { close(descriptor) }

            private func add(below root: URL) {
                for folder in SourceWatcher.folders(below: root) {
                    let watch = inotify_add_watch(descriptor, folder, Self.mask)
                    if watch >= 0 { folders[watch] = folder }
                }
            }

            func watch(_ continuation: AsyncStream<Void>.Continuation, settle: Duration) async {
                var buffer = [UInt8](repeating: 0, count: 64 * 1024)
                var pending = false
                var quietSince = ContinuousClock.now
                while !Task.isCancelled {
                    let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                    if count > 0 {
                        for event in SourceWatcher.events(in: buffer[..<count]) where !IgnoredFiles.isIgnored(event.name) {
                            let madeFolder = event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
                            if event.mask & UInt32(IN_ISDIR) != 0, madeFolder, let parent = folders[event.watch] {
                                add(below: URL(fileURLWithPath: parent + "/" + event.name))
                            }
                            pending = true
                        }
                        quietSince = .now
                        continue
                    }
                    if pending && ContinuousClock.now - quietSince >= settle {
                        pending = false
                        continuation.yield()
                    }
                    try? await Task.sleep(for: .milliseconds(20))
                }
            }
        }

        /// One inotify event: the folder's watch, what happened, and the file's name in it.
        struct Event {
            var watch: Int32
            var mask: UInt32
            var name: String
        }

        /// The events in bytes read from an inotify descriptor.
        static func events(in bytes: ArraySlice<UInt8>) -> [Event] {
            var events: [Event] = []
            let header = MemoryLayout<inotify_event>.size
            var offset = bytes.startIndex
            while offset + header <= bytes.endIndex {
                let event = bytes[offset..<offset + header].withUnsafeBytes { $0.loadUnaligned(as: inotify_event.self) }
                let nameStart = offset + header
                let nameEnd = min(nameStart + Int(event.len), bytes.endIndex)
                let name = bytes[nameStart..<nameEnd].prefix { $0 != 0 }
                events.append(Event(watch: event.wd, mask: event.mask, name: String(decoding: name, as: UTF8.self)))
                offset = nameEnd
            }
            return events
        }
    #endif

    /// File stamps (size, times, inode) compared every half second, where inotify is missing.
    struct Polling: Sendable {
        let roots: [URL]
        let first: [String: FileStamp]

        init(roots: [URL]) {
            self.roots = roots
            first = Self.stamps(below: roots)
        }

        func watch(_ continuation: AsyncStream<Void>.Continuation) async {
            var last = first
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(500))
                let now = Self.stamps(below: roots)
                if now != last {
                    last = now
                    continuation.yield()
                }
            }
        }

        static func stamps(below roots: [URL]) -> [String: FileStamp] {
            var stamps: [String: FileStamp] = [:]
            for root in roots {
                for relative in FileTree.files(below: root.path, skipping: IgnoredFiles.isIgnored) {
                    stamps[root.path + "/" + relative] = FileStamp(at: root.path + "/" + relative)
                }
            }
            return stamps
        }
    }
}
