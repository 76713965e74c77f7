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

    /// The batches of changes, until the task that reads them is cancelled.
    public func changes() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let task = Task { [self] in
            #if os(Linux)
                await watchWithInotify(continuation)
            #else
                await watchByPolling(continuation)
            #endif
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
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
        private func watchWithInotify(_ continuation: AsyncStream<Void>.Continuation) async {
            let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { return await watchByPolling(continuation) }
            defer { close(descriptor) }
            let mask = UInt32(
                IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF)
            var folders: [Int32: String] = [:]
            func watch(_ folder: String) {
                let watch = inotify_add_watch(descriptor, folder, mask)
                if watch >= 0 { folders[watch] = folder }
            }
            for root in roots { for folder in Self.folders(below: root) { watch(folder) } }

            var buffer = [UInt8](repeating: 0, count: 64 * 1024)
            var pending = false
            var quietSince = ContinuousClock.now
            while !Task.isCancelled {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    for event in Self.events(in: buffer[..<count]) {
                        if event.mask & UInt32(IN_ISDIR) != 0, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                            let parent = folders[event.watch], !IgnoredFiles.isIgnored(event.name)
                        {
                            for root in [URL(fileURLWithPath: parent + "/" + event.name)] {
                                for folder in Self.folders(below: root) { watch(folder) }
                            }
                        }
                        if !IgnoredFiles.isIgnored(event.name) { pending = true }
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

    private func watchByPolling(_ continuation: AsyncStream<Void>.Continuation) async {
        var last = modificationTimes()
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(500))
            let now = modificationTimes()
            if now != last {
                last = now
                continuation.yield()
            }
        }
    }

    private func modificationTimes() -> [String: Date] {
        var times: [String: Date] = [:]
        for root in roots {
            for relative in FileTree.files(below: root.path, skipping: IgnoredFiles.isIgnored) {
                let path = root.path + "/" + relative
                times[path] = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            }
        }
        return times
    }
}
