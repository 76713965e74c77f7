/// Work that is the same for every item, done on all cores: the items are cut into `pieces`
/// contiguous chunks, one task each, and the results come back in the order of the items
/// whatever the number of threads, so the output of a build never depends on scheduling.
public enum ParallelMap {
    public static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], pieces: Int, _ transform: @escaping @Sendable (Item) -> Result
    ) async -> [Result] {
        let chunkCount = max(1, min(items.count, pieces))
        let chunkSize = max(1, (items.count + chunkCount - 1) / chunkCount)
        guard items.count > chunkSize else { return items.map(transform) }
        return await withTaskGroup(of: (Int, [Result]).self) { group in
            for start in stride(from: 0, to: items.count, by: chunkSize) {
                let chunk = items[start..<min(start + chunkSize, items.count)]
                group.addTask { (start, chunk.map(transform)) }
            }
            var chunks: [(Int, [Result])] = []
            for await chunk in group { chunks.append(chunk) }
            return chunks.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}
