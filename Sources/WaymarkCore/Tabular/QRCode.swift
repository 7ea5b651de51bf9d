/// A QR code (ISO/IEC 18004) for short text such as the address on a client's receipt: byte mode,
/// error correction level M (about 15 % of the symbol can be damaged or covered), versions 1 to 10
/// (up to 213 bytes), the mask chosen by the standard's penalty rules. Pure: no I/O.
///
/// The receipt prints it as SVG (`svg(moduleSize:)`), so no image library is needed; tests read it
/// back with a real decoder from a browser screenshot.
public struct QRCode: Sendable, Equatable {
    /// The symbol's side in modules (21 for version 1, 4 more each version).
    public let size: Int
    public let version: Int
    public let mask: Int
    /// Row-major: `modules[y * size + x]` is dark.
    public let modules: [Bool]

    public enum Problem: Error, Equatable { case tooLong(bytes: Int, max: Int) }

    public func isDark(x: Int, y: Int) -> Bool { modules[y * size + x] }

    /// Encodes `text` (UTF-8) in the smallest version that holds it.
    public init(_ text: String) throws {
        let data = Array(text.utf8)
        guard let version = (1...Self.maxVersion).first(where: { Self.dataCapacity($0) * 8 >= Self.bitLength(data.count, version: $0) }) else {
            throw Problem.tooLong(bytes: data.count, max: Self.dataCapacity(Self.maxVersion) - 3)
        }
        var grid = Grid(version: version)
        grid.drawFunctionPatterns()
        grid.placeData(Self.interleaved(Self.dataCodewords(data, version: version), version: version))
        var best: (penalty: Int, mask: Int, grid: Grid)?
        for mask in 0..<8 {
            var candidate = grid
            candidate.applyMask(mask)
            candidate.drawFormatBits(mask: mask)
            let penalty = candidate.penalty()
            if best == nil || penalty < best!.penalty { best = (penalty, mask, candidate) }
        }
        self.version = version
        self.size = grid.size
        self.mask = best!.mask
        self.modules = best!.grid.dark
    }

    /// The symbol as an SVG image with a four-module quiet zone, dark modules as one path.
    public func svg(moduleSize: Int = 4, label: String) -> String {
        let side = (size + 8) * moduleSize
        var path = ""
        for y in 0..<size {
            for x in 0..<size where isDark(x: x, y: y) { path += "M\(x + 4),\(y + 4)h1v1h-1z" }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(side)" height="\(side)" viewBox="0 0 \(size + 8) \(size + 8)" \
            shape-rendering="crispEdges" role="img" aria-label="\(label)"><rect width="100%" height="100%" fill="#fff"/>\
            <path fill="#000" d="\(path)"/></svg>
            """
    }

    // MARK: Capacity (level M)

    static let maxVersion = 10
    /// Error correction codewords per block, and blocks, at level M, for versions 1–10.
    static let eccPerBlock = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
    static let blocks = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5]

    /// Modules left for data and error correction once the function patterns are drawn.
    static func rawDataModules(_ version: Int) -> Int {
        var n = (16 * version + 128) * version + 64
        if version >= 2 {
            let align = version / 7 + 2
            n -= (25 * align - 10) * align - 55
            if version >= 7 { n -= 36 }
        }
        return n
    }

    static func totalCodewords(_ version: Int) -> Int { rawDataModules(version) / 8 }
    static func dataCapacity(_ version: Int) -> Int { totalCodewords(version) - eccPerBlock[version - 1] * blocks[version - 1] }
    static func countBits(_ version: Int) -> Int { version <= 9 ? 8 : 16 }
    static func bitLength(_ bytes: Int, version: Int) -> Int {
        bytes < (1 << countBits(version)) ? 4 + countBits(version) + 8 * bytes : Int.max
    }

    // MARK: Codewords

    /// Mode, length, the bytes, terminator and padding, as data codewords.
    static func dataCodewords(_ data: [UInt8], version: Int) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) { for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) } }
        append(0b0100, 4)
        append(data.count, countBits(version))
        for b in data { append(Int(b), 8) }
        let capacity = dataCapacity(version) * 8
        append(0, min(4, capacity - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var bytes = stride(from: 0, to: bits.count, by: 8).map { start in
            (0..<8).reduce(UInt8(0)) { $0 << 1 | (bits[start + $1] ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while bytes.count < dataCapacity(version) {
            bytes.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return bytes
    }

    /// Splits the data into blocks (short ones first), adds each block's Reed–Solomon codewords, and
    /// interleaves them as the symbol carries them.
    static func interleaved(_ data: [UInt8], version: Int) -> [UInt8] {
        let count = blocks[version - 1]
        let ecc = eccPerBlock[version - 1]
        let total = totalCodewords(version)
        let shortLength = total / count
        let longBlocks = total % count
        let generator = ReedSolomon.generator(degree: ecc)
        var start = 0
        var dataBlocks: [[UInt8]] = []
        var eccBlocks: [[UInt8]] = []
        for i in 0..<count {
            let length = shortLength - ecc + (i >= count - longBlocks ? 1 : 0)
            let block = Array(data[start..<start + length])
            start += length
            dataBlocks.append(block)
            eccBlocks.append(ReedSolomon.remainder(block, generator: generator))
        }
        var out: [UInt8] = []
        for i in 0..<(dataBlocks.map(\.count).max() ?? 0) {
            for b in dataBlocks where i < b.count { out.append(b[i]) }
        }
        for i in 0..<ecc {
            for b in eccBlocks { out.append(b[i]) }
        }
        return out
    }

    // MARK: The grid

    struct Grid: Sendable {
        let version: Int
        let size: Int
        var dark: [Bool]
        var function: [Bool]

        init(version: Int) {
            self.version = version
            size = 17 + 4 * version
            dark = Array(repeating: false, count: size * size)
            function = Array(repeating: false, count: size * size)
        }

        mutating func set(_ x: Int, _ y: Int, _ isDark: Bool) {
            dark[y * size + x] = isDark
            function[y * size + x] = true
        }

        mutating func drawFunctionPatterns() {
            for i in 0..<size {
                set(6, i, i % 2 == 0)
                set(i, 6, i % 2 == 0)
            }
            drawFinder(3, 3)
            drawFinder(size - 4, 3)
            drawFinder(3, size - 4)
            let centres = alignmentCentres()
            for (i, a) in centres.enumerated() {
                for (j, b) in centres.enumerated() {
                    // Not over the three finder patterns.
                    if (i == 0 && j == 0) || (i == 0 && j == centres.count - 1) || (i == centres.count - 1 && j == 0) { continue }
                    drawAlignment(a, b)
                }
            }
            drawFormatBits(mask: 0)  // reserves the area; drawn again with the chosen mask
            drawVersionBits()
        }

        mutating func drawFinder(_ cx: Int, _ cy: Int) {
            for dy in -4...4 {
                for dx in -4...4 {
                    let x = cx + dx, y = cy + dy
                    guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                    let distance = max(abs(dx), abs(dy))
                    set(x, y, distance != 2 && distance != 4)
                }
            }
        }

        mutating func drawAlignment(_ cx: Int, _ cy: Int) {
            for dy in -2...2 {
                for dx in -2...2 { set(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1) }
            }
        }

        func alignmentCentres() -> [Int] {
            guard version >= 2 else { return [] }
            let count = version / 7 + 2
            let step = (version * 4 + count * 2 + 1) / (2 * count - 2) * 2
            var centres = [6]
            for i in 0..<(count - 1) { centres.insert(size - 7 - i * step, at: 1) }
            return centres
        }

        /// Level M (format bits 00) and the mask, BCH-protected, in both copies, and the dark module.
        mutating func drawFormatBits(mask: Int) {
            let data = mask  // level M is 0b00
            var remainder = data
            for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
            let bits = (data << 10 | remainder) ^ 0x5412
            func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
            for i in 0...5 { set(8, i, bit(i)) }
            set(8, 7, bit(6))
            set(8, 8, bit(7))
            set(7, 8, bit(8))
            for i in 9..<15 { set(14 - i, 8, bit(i)) }
            for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }
            for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
            set(8, size - 8, true)
        }

        mutating func drawVersionBits() {
            guard version >= 7 else { return }
            var remainder = version
            for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
            let bits = version << 12 | remainder
            for i in 0..<18 {
                let isDark = (bits >> i) & 1 == 1
                let a = size - 11 + i % 3, b = i / 3
                set(a, b, isDark)
                set(b, a, isDark)
            }
        }

        /// Codewords in the zigzag order of the standard: two columns at a time from the right,
        /// up then down, skipping the vertical timing pattern.
        mutating func placeData(_ codewords: [UInt8]) {
            var i = 0
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                for vertical in 0..<size {
                    for j in 0..<2 {
                        let x = right - j
                        let upward = (right + 1) & 2 == 0
                        let y = upward ? size - 1 - vertical : vertical
                        guard !function[y * size + x] else { continue }
                        if i < codewords.count * 8 {
                            dark[y * size + x] = (codewords[i >> 3] >> (7 - (i & 7))) & 1 == 1
                            i += 1
                        }
                    }
                }
                right -= 2
            }
        }

        mutating func applyMask(_ mask: Int) {
            for y in 0..<size {
                for x in 0..<size where !function[y * size + x] {
                    let flip: Bool
                    switch mask {
                    case 0: flip = (x + y) % 2 == 0
                    case 1: flip = y % 2 == 0
                    case 2: flip = x % 3 == 0
                    case 3: flip = (x + y) % 3 == 0
                    case 4: flip = (x / 3 + y / 2) % 2 == 0
                    case 5: flip = x * y % 2 + x * y % 3 == 0
                    case 6: flip = (x * y % 2 + x * y % 3) % 2 == 0
                    default: flip = ((x + y) % 2 + x * y % 3) % 2 == 0
                    }
                    if flip { dark[y * size + x].toggle() }
                }
            }
        }

        /// The standard's four penalty rules: runs, 2×2 blocks, finder-like patterns, imbalance.
        func penalty() -> Int {
            var total = 0
            func line(_ at: (Int) -> Bool) {
                var run = 1
                for i in 1..<size {
                    if at(i) == at(i - 1) {
                        run += 1
                    } else {
                        if run >= 5 { total += 3 + run - 5 }
                        run = 1
                    }
                }
                if run >= 5 { total += 3 + run - 5 }
                // 1:1:3:1:1 with four light modules on one side (outside the symbol counts as light).
                let pattern = [true, false, true, true, true, false, true]
                for i in -4..<size {
                    let matches = (0..<7).allSatisfy { k in
                        let p = i + k
                        return (0..<size).contains(p) && at(p) == pattern[k]
                    }
                    guard matches else { continue }
                    let before = (i - 4..<i).allSatisfy { !(0..<size).contains($0) || !at($0) }
                    let after = (i + 7..<i + 11).allSatisfy { !(0..<size).contains($0) || !at($0) }
                    if before || after { total += 40 }
                }
            }
            for y in 0..<size { line { dark[y * size + $0] } }
            for x in 0..<size { line { dark[$0 * size + x] } }
            for y in 0..<(size - 1) {
                for x in 0..<(size - 1) {
                    let c = dark[y * size + x]
                    if c == dark[y * size + x + 1] && c == dark[(y + 1) * size + x] && c == dark[(y + 1) * size + x + 1] { total += 3 }
                }
            }
            let darkCount = dark.filter { $0 }.count
            let cells = size * size
            let k = (abs(darkCount * 20 - cells * 10) + cells - 1) / cells - 1
            total += max(0, k) * 10
            return total
        }
    }
}

/// Reed–Solomon error correction over GF(256) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1.
enum ReedSolomon {
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var result: UInt16 = 0
        var x = UInt16(a)
        var y = b
        while y != 0 {
            if y & 1 == 1 { result ^= x }
            x <<= 1
            if x & 0x100 != 0 { x ^= 0x11D }
            y >>= 1
        }
        return UInt8(result)
    }

    /// The generator polynomial (x − α⁰)(x − α¹)…(x − α^(degree−1)), highest term left out, as
    /// coefficients from the next-highest down.
    static func generator(degree: Int) -> [UInt8] {
        var coefficients = Array(repeating: UInt8(0), count: degree)
        coefficients[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                coefficients[j] = multiply(coefficients[j], root)
                if j + 1 < degree { coefficients[j] ^= coefficients[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return coefficients
    }

    /// The remainder of data·x^degree divided by the generator: the error correction codewords.
    static func remainder(_ data: [UInt8], generator: [UInt8]) -> [UInt8] {
        var result = Array(repeating: UInt8(0), count: generator.count)
        for byte in data {
            let factor = byte ^ result[0]
            result.removeFirst()
            result.append(0)
            for i in 0..<generator.count { result[i] ^= multiply(generator[i], factor) }
        }
        return result
    }
}
