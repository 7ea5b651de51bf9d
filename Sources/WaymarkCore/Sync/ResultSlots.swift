/// Slots that concurrent workers fill, each at its own index (each index written by one worker, and
/// read only once that worker has finished with it), for spreading independent work over the cores.
public final class ResultSlots<T>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T?>
    private let count: Int

    public init(count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    public func set(_ i: Int, _ value: T) { base[i] = value }

    /// One slot's value, leaving the slot empty (what it held is freed once the caller is done
    /// with it). - Precondition: the slot was set and not taken.
    public func take(_ i: Int) -> T {
        defer { base[i] = nil }
        return base[i]!
    }

    /// Every slot's value. - Precondition: every slot was set.
    public var values: [T] { (0..<count).map { base[$0]! } }
}
