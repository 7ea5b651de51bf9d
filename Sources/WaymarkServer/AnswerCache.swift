import NIOCore
import Synchronization

/// Whole answers of the public search API, as sent, for the searches residents make again and
/// again ("youth", "counselling"). An answer is kept under the directory version it was computed
/// from and the local minute ("open now" moves with the clock), so a change to the directory or
/// the passing of a minute simply stops its answers from being found; they are never served stale.
///
/// Bounded in bytes: when a new answer does not fit, entries are dropped (in the dictionary's
/// own order, which is effectively random) until it does. Answers larger than `largest` are not kept.
final class AnswerCache: Sendable {
    struct Key: Hashable, Sendable {
        var version: Int
        var day: Int
        var minute: Int
        var query: String
    }

    struct Kept: Sendable {
        var body: ByteBuffer
        var ndjson: Bool
    }

    /// What an answer counts against the capacity: its body and its key's query.
    private static func cost(_ key: Key, _ body: ByteBuffer) -> Int { body.readableBytes + key.query.utf8.count }

    let capacityBytes: Int
    let largest: Int
    private let state = Mutex<State>(State())

    private struct State: ~Copyable {
        var answers: [Key: Kept] = [:]
        var bytes = 0
        var generation: (version: Int, day: Int, minute: Int)?
    }

    /// - Parameter capacityBytes: total bytes of answers to keep (0 keeps none).
    init(capacityBytes: Int, largest: Int = 256 * 1024) {
        self.capacityBytes = capacityBytes
        self.largest = min(largest, capacityBytes)
    }

    var isEnabled: Bool { capacityBytes > 0 }

    func answer(_ key: Key) -> Kept? {
        guard isEnabled else { return nil }
        return state.withLock { $0.answers[key] }
    }

    func keep(_ body: ByteBuffer, ndjson: Bool, for key: Key) {
        let size = Self.cost(key, body)
        guard isEnabled, size <= largest else { return }
        state.withLock { s in
            // Answers of an older version or minute can never be asked for again: drop them all at once.
            if let g = s.generation, g != (key.version, key.day, key.minute) {
                s.answers.removeAll(keepingCapacity: true)
                s.bytes = 0
            }
            s.generation = (key.version, key.day, key.minute)
            if let old = s.answers[key] { s.bytes -= Self.cost(key, old.body) }
            while s.bytes + size > capacityBytes, let victim = s.answers.first {
                s.answers.removeValue(forKey: victim.key)
                s.bytes -= Self.cost(victim.key, victim.value.body)
            }
            s.answers[key] = Kept(body: body, ndjson: ndjson)
            s.bytes += size
        }
    }

    /// How many answers and bytes are held (for tests and the admin's figures).
    var usage: (answers: Int, bytes: Int) { state.withLock { ($0.answers.count, $0.bytes) } }
}
