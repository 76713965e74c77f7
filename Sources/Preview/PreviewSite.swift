import Build
import Core
import Foundation

/// What the preview tells the open pages after each build.
public enum PreviewEvent: Sendable, Equatable {
    /// A build changed the site: pages older than `generation` reload.
    case reload(generation: Int)
    /// The last build failed with these problems; the site is the last good one.
    case failed([Diagnostic])
    /// The current state, sent to a page when it connects.
    case status(generation: Int, problems: [Diagnostic])
}

/// The site a preview serves: built with drafts into a folder of its own (never `site/`), kept
/// up to date by quick rebuilds, with the outcome of the last build and the pages listening
/// for the next one.
public actor PreviewSite {
    /// The outcome of one build, for the terminal.
    public enum Outcome: Sendable {
        case built(SiteBuilder.Report)
        case unchanged
        case failed([Diagnostic])
    }

    private let builder: SiteBuilder
    /// The last build's state, kept between builds: a save costs only the work it causes.
    private let resident = ResidentState()
    /// The folder the preview builds into and serves from.
    public nonisolated let output: URL
    /// Counts the builds that changed the site, from 1 for the first that passed (0: no site
    /// yet); a page knows the generation it was served at.
    public private(set) var generation = 0
    /// The errors of the last build, or none when it passed.
    public private(set) var problems: [Diagnostic] = []
    private var listeners: [Int: AsyncStream<PreviewEvent>.Continuation] = [:]
    private var nextListener = 0

    /// `options` with drafts included; `output` is the preview's own folder.
    public init(options: SiteBuilder.Options, output: URL) {
        var options = options
        options.includeUnpublished = true
        options.updatesInPlace = true
        options.survivesPowerLoss = false
        self.builder = SiteBuilder(options: options)
        self.output = output
    }

    /// The preview folder for a content folder: in the system's temporary folder, named after
    /// the content and templates folders, so that a preview started again resumes with quick
    /// builds and two portals on one computer never share one.
    public static func defaultOutput(content: URL, templates: URL) -> URL {
        let key = content.standardizedFileURL.path + "\n" + templates.standardizedFileURL.path
        let name = "portal-preview-\(getuid())-" + SHA256Hash.hex(of: Array(key.utf8)).prefix(12)
        return FileManager.default.temporaryDirectory.appendingPathComponent(name).appendingPathComponent("site")
    }

    /// Builds the site, and tells the listening pages what came of it.
    public func rebuild() async -> Outcome {
        let outcome: Outcome
        do {
            let report = try await builder.publish(to: output, keeping: resident)
            let changed = generation == 0 || report.changedFiles > 0 || report.removedFiles > 0 || !problems.isEmpty
            problems = []
            if changed {
                generation += 1
                broadcast(.reload(generation: generation))
                outcome = .built(report)
            } else {
                outcome = .unchanged
            }
        } catch {
            problems = error.diagnostics.filter(\.isError)
            if problems.isEmpty { problems = error.diagnostics }
            broadcast(.failed(problems))
            outcome = .failed(error.diagnostics)
        }
        return outcome
    }

    /// The events from now on, starting with the current state.
    public func events() -> AsyncStream<PreviewEvent> {
        let (stream, continuation) = AsyncStream<PreviewEvent>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let number = nextListener
        nextListener += 1
        listeners[number] = continuation
        continuation.yield(.status(generation: generation, problems: problems))
        continuation.onTermination = { _ in Task { await self.removeListener(number) } }
        return stream
    }

    /// How many pages are listening.
    public var listenerCount: Int { listeners.count }

    private func removeListener(_ number: Int) {
        listeners[number] = nil
    }

    private func broadcast(_ event: PreviewEvent) {
        for continuation in listeners.values { continuation.yield(event) }
    }
}
