import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hands an email to a mail server by SMTP (RFC 5321): the node's own relay, typically the host's
/// mail transfer agent on port 25 or a submission port reached over a private network, which then
/// delivers it (with TLS onwards, where the relay is set up for it). Plain SMTP only: no
/// authentication and no STARTTLS here, so the server must be one the node is allowed to relay
/// through without them (see `Deploy/README.md`). Blocking sockets with timeouts, run off the
/// cooperative pool.
public struct SMTPClient: Sendable {
    public var host: String
    public var port: Int
    /// The envelope sender and `From:`.
    public var from: String
    /// Seconds for connecting and for each reply.
    public var timeout: Int = 10

    public init(host: String, port: Int, from: String) {
        self.host = host
        self.port = port
        self.from = from
    }

    /// `HOST:PORT` (port 25 when left out).
    public init?(address: String, from: String) {
        let parts = address.split(separator: ":", omittingEmptySubsequences: false)
        guard let host = parts.first, !host.isEmpty, parts.count <= 2 else { return nil }
        let port = parts.count == 2 ? Int(parts[1]) : 25
        guard let port, (1...65535).contains(port) else { return nil }
        self.init(host: String(host), port: port, from: from)
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Sends one plain-text email (UTF-8, base64) and waits for the server to take it.
    public func send(to recipient: String, subject: String, body: String, date: Date = Date()) async throws {
        let message = Self.message(from: from, to: recipient, subject: subject, body: body, date: date)
        try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, Error>) in
            DispatchQueue.global().async {
                do {
                    try self.deliver(to: recipient, message: message)
                    c.resume()
                } catch {
                    c.resume(throwing: error)
                }
            }
        }
    }

    /// The message as sent: headers (RFC 5322, the subject encoded per RFC 2047) and a base64 body.
    static func message(from: String, to: String, subject: String, body: String, date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        let encodedSubject = subject.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 }
            ? subject : "=?UTF-8?B?" + Data(subject.utf8).base64EncodedString() + "?="
        let domain = from.split(separator: "@").last.map(String.init) ?? "localhost"
        let id = (0..<16).map { _ in String(UInt8.random(in: 0...255), radix: 16) }.joined()
        let b64 = Data(body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8)
            .base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return [
            "From: \(from)", "To: \(to)", "Subject: \(encodedSubject)", "Date: \(f.string(from: date))", "Message-ID: <\(id)@\(domain)>",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "Auto-Submitted: auto-generated", "",
            b64,
        ].joined(separator: "\r\n")
    }

    func deliver(to recipient: String, message: String) throws {
        // An address that could carry a command or a header never reaches the server.
        for a in [from, recipient] where a.unicodeScalars.contains(where: { $0.value < 0x21 || $0 == "<" || $0 == ">" }) {
            throw Failure(description: "not a plain address: \(a.debugDescription)")
        }
        let fd = try connect()
        defer { close(fd) }
        var reader = Reader(fd: fd)
        try expect(&reader, 220)
        try command(fd, "EHLO waymark")
        try expect(&reader, 250)
        try command(fd, "MAIL FROM:<\(from)>")
        try expect(&reader, 250)
        try command(fd, "RCPT TO:<\(recipient)>")
        try expect(&reader, 250, 251)
        try command(fd, "DATA")
        try expect(&reader, 354)
        // Dot-stuffing (RFC 5321 §4.5.2); base64 lines never start with a dot, headers are ours.
        let stuffed = message.split(separator: "\r\n", omittingEmptySubsequences: false).map { $0.hasPrefix(".") ? "." + $0 : String($0) }
        try write(fd, stuffed.joined(separator: "\r\n") + "\r\n.\r\n")
        try expect(&reader, 250)
        try? command(fd, "QUIT")
    }

    func connect() throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else {
            throw Failure(description: "cannot find the mail server \(host)")
        }
        defer { freeaddrinfo(list) }
        var next: UnsafeMutablePointer<addrinfo>? = first
        while let ai = next {
            next = ai.pointee.ai_next
            let fd = socket(ai.pointee.ai_family, ai.pointee.ai_socktype, ai.pointee.ai_protocol)
            guard fd >= 0 else { continue }
            var tv = timeval(tv_sec: timeout, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
            if Glibc.connect(fd, ai.pointee.ai_addr, ai.pointee.ai_addrlen) == 0 { return fd }
            close(fd)
        }
        throw Failure(description: "cannot reach the mail server at \(host):\(port)")
    }

    func command(_ fd: Int32, _ line: String) throws { try write(fd, line + "\r\n") }

    func write(_ fd: Int32, _ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "the mail server stopped listening") }
            bytes = bytes.dropFirst(n)
        }
    }

    /// Reads one reply (its last line has a space after the code) and checks its code.
    func expect(_ reader: inout Reader, _ codes: Int...) throws {
        while true {
            guard let line = try reader.line() else { throw Failure(description: "the mail server closed the connection") }
            let code = Int(line.prefix(3)) ?? 0
            if line.count > 3, line[line.index(line.startIndex, offsetBy: 3)] == "-" { continue }
            guard codes.contains(code) else { throw Failure(description: "the mail server answered: \(line.prefix(200))") }
            return
        }
    }

    struct Reader {
        let fd: Int32
        var buffer: [UInt8] = []

        mutating func line() throws -> String? {
            while true {
                if let i = buffer.firstIndex(of: 0x0A) {
                    let line = String(decoding: buffer[..<i], as: UTF8.self).trimmingCharacters(in: .newlines)
                    buffer.removeSubrange(...i)
                    return line
                }
                guard buffer.count < 64 << 10 else { throw Failure(description: "the mail server's reply is too long") }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let n = recv(fd, &chunk, chunk.count, 0)
                if n == 0 { return nil }
                guard n > 0 else { throw Failure(description: "no answer from the mail server within the time allowed") }
                buffer += chunk[..<n]
            }
        }
    }
}
