import Foundation
import GRDB
import Synchronization
import WaymarkCore
import WaymarkCrypto

/// Takes in batches of envelopes as they arrive (a sync session's fetch answers), one transaction
/// each. A background verifier works through the batches in order while the calling thread writes:
/// the writer admits a batch a few hundred envelopes at a time as they are verified, and verifies
/// alongside whenever it has caught up, so neither core waits for the other, even on the last batch.
/// A session uses its pipeline from one task at a time (each call awaited before the next), though
/// not always from the same thread, hence `@unchecked Sendable`.
public final class IngestPipeline: @unchecked Sendable {
    /// How many envelopes a sync session asks a peer for at a time, and takes in as one transaction
    /// (a few MiB, under the message limit; big enough that each transaction's index pages are
    /// shared by many envelopes).
    public static let batchSize = 4096
    /// How many verified envelopes the writer admits at a time within a batch's transaction.
    static let chunkSize = 1024

    private let database: NodeDatabase
    private let peer: String
    /// One background verifier: batches are verified in the order they arrived.
    private let verifier = DispatchQueue(label: "waymark.ingest.verify")
    /// The batch being verified and not yet written.
    private var waiting: VerifyJob?
    /// The batch being verified and not yet written (for tests).
    var pendingJob: VerifyJob? { waiting }

    public init(database: NodeDatabase, peer: String) {
        self.database = database
        self.peer = peer
    }

    deinit {
        // A session that ended without `finish` (a peer sending what it must not): the background
        // verifier stops waiting for a writer that will not come.
        waiting?.release()
    }

    /// Starts verifying `wires` and writes the batch before it (if any).
    /// - Returns: what the batch before this one did (this batch's report comes with the next call
    ///   or with `finish`).
    public func add(_ wires: [[UInt8]], nowMilliseconds: UInt64) throws -> IngestReport {
        let job = VerifyJob(wires, opener: database.opener.withLock { $0 })
        verifier.async { job.work() }
        let previous = waiting
        waiting = job
        guard let previous else { return IngestReport() }
        return try database.ingestVerifying(previous, from: peer, nowMilliseconds: nowMilliseconds)
    }

    /// Writes the last batch.
    public func finish(nowMilliseconds: UInt64) throws -> IngestReport {
        guard let last = waiting else { return IngestReport() }
        waiting = nil
        return try database.ingestVerifying(last, from: peer, nowMilliseconds: nowMilliseconds)
    }
}

extension NodeDatabase {
    /// Writes one batch as one transaction, admitting it a chunk at a time as its envelopes are verified.
    func ingestVerifying(_ job: VerifyJob, from peer: String, nowMilliseconds: UInt64) throws -> IngestReport {
        // The batch's envelopes were freed as they were admitted: give the pages back before the next.
        defer {
            job.release()
            FreedMemory.giveBack()
        }
        return try writer.write { db in
            var report = IngestReport()
            var admission = BatchAdmission<VerifiedEnvelope>(peer: peer, nowMilliseconds: nowMilliseconds, limits: try Self.admissionLimits(db))
            for start in stride(from: 0, to: job.count, by: IngestPipeline.chunkSize) {
                let results = job.results(start..<min(job.count, start + IngestPipeline.chunkSize))
                try Self.admit(db, results: results, admission: &admission, report: &report)
            }
            try Self.admit(db, [], admission: &admission, report: &report, finishing: true)
            // Sealed records are opened as they are stored, so pages read them at once (§8.10).
            if let opener = opener.withLock({ $0 }) { try Self.openSealedArrivals(db, identity: opener) }
            return report
        }
    }
}

/// Verifying one batch, shared out in small runs taken in order: the pipeline's background verifier
/// works through it, and the writer takes the results a range at a time, verifying the range's
/// unclaimed runs itself rather than waiting for them. The background verifier stays at most
/// `window` envelopes ahead of the writer: what it verified ahead (each envelope decoded and its
/// payload parsed, several times its size in bytes) used to be a whole batch, held beside the batch
/// being written. The writer admits a chunk in about twice the time it takes to verify one, so two
/// chunks ahead keep it fed as well as a whole batch did.
final class VerifyJob: @unchecked Sendable {
    private let wires: [[UInt8]]
    private let slots: ResultSlots<Result<VerifiedEnvelope, NodeDatabase.RejectedBox>>
    private let condition = NSCondition()
    /// The first envelope of the first run nobody has claimed yet.
    private var next = 0
    /// The runs that are verified.
    private var done: [Bool]
    private static let run = 16
    private static let window = 2 * IngestPipeline.chunkSize
    /// Where the writer has asked for results up to (everything, once it is done with the batch).
    private var taken = 0
    private var finished = false
    /// Whether `work` has returned (for tests).
    var workerFinished: Bool { condition.withLock { finished } }

    /// The node's keys, to try sealed records with while verifying (§8.10).
    private let opener: NodeIdentity?

    init(_ wires: [[UInt8]], opener: NodeIdentity? = nil) {
        self.wires = wires
        self.opener = opener
        slots = ResultSlots(count: wires.count)
        done = Array(repeating: false, count: (wires.count + Self.run - 1) / Self.run)
    }

    var count: Int { wires.count }

    /// Claims the next run if it starts before `limit`.
    private func claim(before limit: Int) -> Range<Int>? {
        condition.withLock {
            guard next < min(limit, wires.count) else { return nil }
            let r = next..<min(wires.count, next + Self.run)
            next = r.upperBound
            return r
        }
    }

    private func verify(_ r: Range<Int>) {
        for i in r { slots.set(i, NodeDatabase.verifyOne(wires[i], opener: opener)) }
        condition.withLock {
            done[r.lowerBound / Self.run] = true
            condition.broadcast()
        }
    }

    /// Verifies runs until none is left unclaimed, keeping within `window` of the writer. While it
    /// waits for the writer it holds the pipeline's verifier thread (one per sync session, for as
    /// long as the next fetch answer takes); `release` ends the wait.
    func work() {
        defer {
            condition.withLock {
                finished = true
                condition.broadcast()
            }
        }
        while true {
            let r: Range<Int>? = condition.withLock {
                while next < wires.count && next >= taken + Self.window { condition.wait() }
                guard next < wires.count else { return nil }
                let r = next..<min(wires.count, next + Self.run)
                next = r.upperBound
                return r
            }
            guard let r else { return }
            verify(r)
        }
    }

    /// How many envelopes are verified so far (for tests).
    var verifiedCount: Int { condition.withLock { done.indices.filter { done[$0] }.map { min(wires.count, ($0 + 1) * Self.run) - $0 * Self.run }.reduce(0, +) } }

    /// The writer is done with the batch (written, or given up): the background verifier stops.
    func release() {
        condition.withLock {
            taken = wires.count
            next = wires.count
            condition.broadcast()
        }
    }

    /// The results for `range`, in order: runs in it nobody has claimed are verified on this thread,
    /// runs another thread is verifying are waited for.
    func results(_ range: Range<Int>) -> [Result<VerifiedEnvelope, NodeDatabase.RejectedBox>] {
        condition.withLock {
            taken = max(taken, range.upperBound)
            condition.broadcast()
        }
        while let r = claim(before: range.upperBound) { verify(r) }
        condition.withLock {
            let runs = (range.lowerBound / Self.run)..<((range.upperBound + Self.run - 1) / Self.run)
            while !runs.allSatisfy({ done[$0] }) { condition.wait() }
        }
        // Taken out of the job: a chunk's envelopes are freed once it is admitted, not when the
        // whole batch is (the next batch is being verified meanwhile).
        return range.map { slots.take($0) }
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(by size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min(count, $0 + size)] }
    }
}
