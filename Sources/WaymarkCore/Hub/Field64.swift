/// The prime field of the hub's shares and validity proofs (`Protocol/SPEC.md` §12.2): integers
/// modulo p = 2⁶⁴ − 2³² + 1, the field VDAF's Prio3 calls Field64. p − 1 = 2³² (2³² − 1), so the
/// field has roots of unity of every power-of-two order up to 2³², which the proofs interpolate on.
public struct Field64: Sendable, Hashable, CustomStringConvertible {
    public static let modulus: UInt64 = 0xFFFF_FFFF_0000_0001
    /// 2⁶⁴ mod p.
    static let epsilon: UInt64 = 0xFFFF_FFFF

    /// The element's canonical value, below `modulus`.
    public let value: UInt64

    /// `v` reduced modulo p.
    public init(_ v: UInt64) { value = v >= Self.modulus ? v - Self.modulus : v }
    public init(_ v: Int) { self.init(UInt64(v)) }

    public static let zero = Field64(0 as UInt64), one = Field64(1 as UInt64)
    public var description: String { String(value) }

    @inline(__always) public static func + (a: Field64, b: Field64) -> Field64 {
        let (s, over) = a.value.addingReportingOverflow(b.value)
        // a + b − 2⁶⁴ ≡ a + b − ε: fits, and stays below p, when it overflowed.
        return Field64(over ? s &+ epsilon : s)
    }

    @inline(__always) public static func - (a: Field64, b: Field64) -> Field64 {
        Field64(raw: a.value >= b.value ? a.value - b.value : a.value &- b.value &+ modulus)
    }

    @inline(__always) public static prefix func - (a: Field64) -> Field64 { zero - a }

    @inline(__always) public static func * (a: Field64, b: Field64) -> Field64 {
        let (hi, lo) = a.value.multipliedFullWidth(by: b.value)
        return Field64(reducing: hi, lo)
    }

    public static func += (a: inout Field64, b: Field64) { a = a + b }
    public static func -= (a: inout Field64, b: Field64) { a = a - b }
    public static func *= (a: inout Field64, b: Field64) { a = a * b }

    @inline(__always) init(raw: UInt64) { value = raw }

    /// hi · 2⁶⁴ + lo modulo p, using 2⁶⁴ ≡ 2³² − 1 and 2⁹⁶ ≡ −1.
    @inline(__always) init(reducing hi: UInt64, _ lo: UInt64) {
        let hiHi = hi >> 32, hiLo = hi & Self.epsilon
        var (t0, borrow) = lo.subtractingReportingOverflow(hiHi)
        if borrow { t0 &-= Self.epsilon }
        let t1 = hiLo &* Self.epsilon
        let (s, carry) = t0.addingReportingOverflow(t1)
        self.init(carry ? s &+ Self.epsilon : s)
    }

    public func power(_ e: UInt64) -> Field64 {
        var result = Field64.one, base = self, e = e
        while e > 0 {
            if e & 1 == 1 { result *= base }
            base *= base
            e >>= 1
        }
        return result
    }

    /// The multiplicative inverse (of a non-zero element).
    public var inverse: Field64 {
        precondition(value != 0, "zero has no inverse")
        return power(Self.modulus - 2)
    }

    /// A primitive root of unity of order `n`, a power of two up to 2³²: 7, which generates the
    /// multiplicative group, to the power (p − 1) / n.
    public static func rootOfUnity(order n: Int) -> Field64 {
        precondition(n > 0 && n & (n - 1) == 0 && n <= 1 << 32, "a power-of-two order up to 2^32")
        return Field64(7 as UInt64).power((modulus - 1) / UInt64(n))
    }

    /// Inverses of many non-zero elements with one inversion (Montgomery's trick).
    public static func inverses(_ xs: [Field64]) -> [Field64] {
        var prefix = [Field64](repeating: .one, count: xs.count)
        var acc = Field64.one
        for i in xs.indices {
            prefix[i] = acc
            acc *= xs[i]
        }
        var inv = acc.inverse
        var out = [Field64](repeating: .zero, count: xs.count)
        for i in xs.indices.reversed() {
            out[i] = inv * prefix[i]
            inv *= xs[i]
        }
        return out
    }
}

/// The number-theoretic transform over `Field64`: values of a polynomial at the powers of a root of
/// unity from its coefficients, and back.
public enum NTT {
    /// a(ωᵏ) for k = 0 … n − 1, ω the root of unity of order n = `coefficients.count` (a power of two).
    public static func forward(_ coefficients: [Field64]) -> [Field64] {
        transform(coefficients, root: Field64.rootOfUnity(order: coefficients.count))
    }

    /// The coefficients of the polynomial of degree below n whose values at ωᵏ are `values`.
    public static func inverse(_ values: [Field64]) -> [Field64] {
        let n = values.count
        let out = transform(values, root: Field64.rootOfUnity(order: n).inverse)
        let nInverse = Field64(n).inverse
        return out.map { $0 * nInverse }
    }

    /// Iterative radix-2 Cooley–Tukey, bit-reversed input order.
    static func transform(_ input: [Field64], root: Field64) -> [Field64] {
        let n = input.count
        precondition(n > 0 && n & (n - 1) == 0, "a power-of-two length")
        var a = input
        var j = 0
        for i in 1..<max(n, 1) {
            var bit = n >> 1
            while j & bit != 0 {
                j ^= bit
                bit >>= 1
            }
            j |= bit
            if i < j { a.swapAt(i, j) }
        }
        var length = 2
        while length <= n {
            let step = root.power(UInt64(n / length))
            var twiddles = [Field64](repeating: .one, count: length / 2)
            for k in 1..<max(length / 2, 1) { twiddles[k] = twiddles[k - 1] * step }
            var start = 0
            while start < n {
                for k in 0..<(length / 2) {
                    let u = a[start + k], v = a[start + k + length / 2] * twiddles[k]
                    a[start + k] = u + v
                    a[start + k + length / 2] = u - v
                }
                start += length
            }
            length <<= 1
        }
        return a
    }
}
