import Content
import Core
import Foundation
import Model
import Photos
import Privacy

extension SiteBuilder {
    /// How the pictures and attachments of a build were made.
    public struct MediaReport: Sendable, Equatable {
        /// Resized photos decoded and encoded by this build.
        public var resized = 0
        /// Resized photos taken from the cache of an earlier build.
        public var fromCache = 0
        /// Files published as they are, their metadata left out.
        public var copied = 0

        public init() {}
    }

    /// One file to publish: a rendition of a media file.
    private struct MediaJob: Sendable {
        var file: MediaFile
        var rendition: MediaFile.Rendition
    }

    /// What became of one job.
    private enum MediaOutcome: Sendable {
        case written(
            OutputStage.Written, OutputStage.Work, resized: Bool, cached: Bool, processing: Duration,
            attachment: PrivacyGuard.AttachmentScan?)
        case failed(Diagnostic)
        /// vips could not decode the photo, for this reason.
        case undecodable(MediaFile, reason: String)
    }

    /// Makes and writes every file `media` is published as, on all cores (but never more photos
    /// at once than there are cores: a decoded phone photo is tens of megabytes). Photos are
    /// resized through libvips unless `cache` has them; every other file is copied with its
    /// metadata left out (`PhotoMetadata`). A photo vips cannot decode stops the build with an
    /// error at the file, naming the pages that show it. The text of PDF, Word and Excel
    /// attachments is scanned for personal information (`attachments`: those with findings or
    /// whose text could not be read).
    func emitMedia(
        _ media: [MediaFile], memory: LoadMemory, cache: PhotoCache, stage: OutputStage, into sink: some OutputSink
    ) async throws -> (
        written: [OutputStage.Written], work: OutputStage.Work, processing: Duration, report: MediaReport,
        attachments: [PrivacyGuard.AttachmentScan], problems: [Diagnostic]
    ) {
        let jobs = media.flatMap { file in file.renditions.map { MediaJob(file: file, rendition: $0) } }
        let lanes = max(1, min(options.parallelism, ProcessInfo.processInfo.activeProcessorCount, jobs.count))
        var outcomes = [MediaOutcome?](repeating: nil, count: jobs.count)
        try await withThrowingTaskGroup(of: (Int, MediaOutcome).self) { group in
            var next = 0
            func startNext() {
                guard next < jobs.count else { return }
                let (index, job) = (next, jobs[next])
                next += 1
                group.addTask { (index, try await emit(job, cache: cache, stage: stage, into: sink)) }
            }
            for _ in 0..<lanes { startNext() }
            while let (index, outcome) = try await group.next() {
                outcomes[index] = outcome
                startNext()
            }
        }
        var written: [OutputStage.Written] = []
        var work = OutputStage.Work()
        var processing = Duration.zero
        var report = MediaReport()
        var attachments: [PrivacyGuard.AttachmentScan] = []
        var problems = Diagnostics()
        var failed: Set<String> = []
        for outcome in outcomes {
            switch outcome {
            case .written(let file, let fileWork, let resized, let cached, let time, let attachment):
                written.append(file)
                if let attachment { attachments.append(attachment) }
                work = work + fileWork
                processing += time
                if !resized {
                    report.copied += 1
                } else if cached {
                    report.fromCache += 1
                } else {
                    report.resized += 1
                }
            case .failed(let problem):
                // Each rendition of a photo fails alike: the file is named once.
                if failed.insert(problem.location.path).inserted { problems.append(problem) }
            case .undecodable(let file, let reason):
                let location = SourceLocation(path: displayPath(ofContent: file.relativePath))
                guard failed.insert(location.path).inserted else { continue }
                // The pages that show it are looked for only now: a scan of every page per photo.
                let pages = memory.pages(using: file.relativePath).map(displayPath(ofContent:))
                let users = pages.isEmpty ? "" : "（用在 \(pages.joined(separator: "、"))）"
                problems.append(
                    .error(
                        at: location, "无法解码图片\(users)：\(reason)",
                        hint: "文件可能已损坏或只传了一部分；用看图软件打开它，另存为 JPEG 后替换"))
            case nil:
                break
            }
        }
        // A photo that cannot be made is reported with the rest, the attachments scanned all the
        // same; the cache is pruned only after a build that made every picture.
        if !problems.hasErrors {
            cache.prune(
                keeping: Set(
                    jobs.compactMap { job in
                        job.rendition.width.map {
                            PhotoCache.key(sourceHash: job.file.sourceHash, width: $0, fileExtension: job.file.fileExtension)
                        }
                    }))
        }
        return (written, work, processing, report, attachments, problems.sorted)
    }

    /// Makes one file and writes it; only a failure to write throws.
    private func emit(_ job: MediaJob, cache: PhotoCache, stage: OutputStage, into sink: some OutputSink) async throws
        -> MediaOutcome
    {
        let file = job.file
        let location = SourceLocation(path: displayPath(ofContent: file.relativePath))
        // Wall time: vips works on a thread of its own while this one waits for it.
        let started = ContinuousClock.now
        var bytes: [UInt8]
        var cached = false
        if let width = job.rendition.width {
            let key = PhotoCache.key(sourceHash: file.sourceHash, width: width, fileExtension: file.fileExtension)
            if let hit = cache.bytes(for: key) {
                bytes = hit
                cached = true
            } else {
                guard let data = FileManager.default.contents(atPath: file.sourceFile) else {
                    return .failed(.error(at: location, "无法读取文件"))
                }
                switch PhotoEncoder.resize([UInt8](data), toWidth: width, fileExtension: file.fileExtension) {
                case .success(let resized):
                    bytes = resized
                    cache.store(resized, for: key)
                case .failure(let failure):
                    return .undecodable(file, reason: failure.reason)
                }
            }
        } else {
            guard let data = FileManager.default.contents(atPath: file.sourceFile) else {
                return .failed(.error(at: location, "无法读取文件"))
            }
            bytes = PhotoMetadata.stripped([UInt8](data), path: file.relativePath)
        }
        let processing = ContinuousClock.now - started
        var work = OutputStage.Work()
        let checked = ThreadTime.now()
        let attachment = PrivacyGuard.AttachmentScan.of(file, bytes: bytes, scanner: stage.scanner)
        work.checks += ThreadTime.now() - checked
        let written = try await stage.emit(bytes, at: job.rendition.path.filePath, source: nil, into: sink, work: &work)
        return .written(
            written, work, resized: job.rendition.width != nil, cached: cached, processing: processing, attachment: attachment)
    }

    /// How messages name a file of `content/`: `content/cases/a/photo.jpg`.
    private func displayPath(ofContent relativePath: String) -> String {
        let root = options.contentDisplay
        return root.isEmpty || root == "." ? relativePath : root + "/" + relativePath
    }
}
