import Core
import Model

/// The files of the search index and how many there are of each, decided by the number of
/// documents alone, so that every build of the same portal writes the same files:
///
/// - `search/meta.js`: for every document its kind, district, category and date, which the
///   search page filters and ranks by, and the names of the districts and categories;
/// - `search/terms/<n>.js`: the term shards, each term in the shard its hash picks
///   (`SearchTerm.shard(of:)`), with its posting list; a power of two of them, about one for
///   every `documentsPerTermShard` documents, at least 4 and at most 1,024;
/// - `search/docs/<n>.js`: the document shards, `documentsPerShard` documents each, in the
///   order of their numbers, with what a result shows.
///
/// A query of two to four characters loads the meta file, one to three term shards and the
/// document shards of the results it shows.
public struct SearchIndexLayout: Sendable, Equatable {
    public static let documentsPerShard = 8
    public static let documentsPerTermShard = 16
    public static let maximumTermShards = 1024
    /// How many characters of a body's text a result can show.
    public static let excerptLength = 600

    public let documentCount: Int
    public let termShardCount: Int

    public init(documentCount: Int) {
        self.documentCount = documentCount
        var count = 4
        while count * 2 <= documentCount / Self.documentsPerTermShard && count < Self.maximumTermShards { count *= 2 }
        termShardCount = count
    }

    public var documentShardCount: Int { max(1, (documentCount + Self.documentsPerShard - 1) / Self.documentsPerShard) }

    /// The documents of document shard `number`.
    public func documents(inShard number: Int) -> Range<Int> {
        documents(inShards: number..<number + 1)
    }

    /// The documents of the document shards `numbers`.
    public func documents(inShards numbers: Range<Int>) -> Range<Int> {
        min(
            documentCount, numbers.lowerBound * Self.documentsPerShard)..<min(
                documentCount, numbers.upperBound * Self.documentsPerShard)
    }

    public static let metaPath = Routes.search.filePathOfFile("meta.js")

    public static func termShardPath(_ number: Int) -> String {
        Routes.search.appending("terms").filePathOfFile("\(number).js")
    }

    public static func documentShardPath(_ number: Int) -> String {
        Routes.search.appending("docs").filePathOfFile("\(number).js")
    }

    /// Every file of the index: the meta file, the document shards, the term shards.
    public var paths: [String] {
        [Self.metaPath] + (0..<documentShardCount).map(Self.documentShardPath) + (0..<termShardCount).map(Self.termShardPath)
    }
}

extension SitePath {
    /// The path of the file `name` in this folder.
    fileprivate func filePathOfFile(_ name: String) -> String {
        SitePath(file: segments + [name]).filePath
    }
}
