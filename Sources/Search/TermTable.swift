/// A hash table from terms (their raw values, never zero) to small numbers, with open
/// addressing over storage of its own: what indexing looks terms up in, tens of millions of
/// times for a large portal, without `Hasher`'s cost, an allocation per entry or a check of
/// the arrays' uniqueness per lookup.
///
/// A table belongs to one task at a time: the task that indexes a run of documents makes it,
/// fills it and drops it.
final class TermTable: @unchecked Sendable {
    private var keys: UnsafeMutablePointer<UInt64>
    private(set) var values: UnsafeMutablePointer<Int32>
    /// The slots in use, in the order their terms were first put in.
    private(set) var occupied: [Int32] = []
    private var size: Int
    private var shift: UInt64

    init(capacity: Int = 1024) {
        size = 16
        while size < capacity * 2 { size *= 2 }
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0, count: size)
        values = .allocate(capacity: size)
        values.initialize(repeating: 0, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    var count: Int { occupied.count }

    /// The slot of `key`, and whether it was put in now (its value then 0).
    @inline(__always)
    func slot(of key: UInt64) -> (slot: Int, inserted: Bool) {
        if occupied.count * 2 >= size { grow() }
        let mask = size - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = keys[slot]
            if found == key { return (slot, false) }
            if found == 0 {
                keys[slot] = key
                occupied.append(Int32(truncatingIfNeeded: slot))
                return (slot, true)
            }
            slot = (slot + 1) & mask
        }
    }

    func key(at slot: Int) -> UInt64 { keys[slot] }

    /// Empties the table, keeping its room.
    func removeAll() {
        for slot in occupied {
            keys[Int(slot)] = 0
            values[Int(slot)] = 0
        }
        occupied.removeAll(keepingCapacity: true)
    }

    private func grow() {
        let entries = occupied.map { (keys[Int($0)], values[Int($0)]) }
        keys.deallocate()
        values.deallocate()
        size *= 2
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0, count: size)
        values = .allocate(capacity: size)
        values.initialize(repeating: 0, count: size)
        shift -= 1
        occupied.removeAll(keepingCapacity: true)
        for (key, value) in entries { values[slot(of: key).slot] = value }
    }
}
