import CSodium
import WaymarkCore

/// Staff passwords, hashed with Argon2id (libsodium `crypto_pwhash_str`, interactive limits: 2
/// passes over 64 MiB). The stored string carries its own salt and parameters.
public enum PasswordHash {
    /// Passwords shorter than this are refused.
    public static let minimumLength = 10
    /// Longer inputs are refused rather than hashed (a 1 MB "password" is an attack, not a password).
    public static let maximumLength = 1024

    /// Why a password cannot be set.
    public static func problem(with password: String) -> String? {
        if password.count < minimumLength { return "a password needs at least \(minimumLength) characters" }
        if password.utf8.count > maximumLength { return "a password can have at most \(maximumLength) bytes" }
        return nil
    }

    public static func hash(_ password: String) throws -> String {
        Sodium.ensureReady()
        if let p = problem(with: password) { throw CryptoError(p) }
        var out = [CChar](repeating: 0, count: Int(crypto_pwhash_strbytes()))
        let bytes = Array(password.utf8)
        let rc = bytes.withUnsafeBufferPointer { b in
            b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) {
                crypto_pwhash_str(&out, $0, UInt64(b.count), UInt64(crypto_pwhash_opslimit_interactive()), crypto_pwhash_memlimit_interactive())
            }
        }
        guard rc == 0 else { throw CryptoError("could not hash the password (out of memory?)") }
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `password` matches a stored hash (in time that does not depend on where they differ).
    public static func verify(_ password: String, against stored: String) -> Bool {
        Sodium.ensureReady()
        guard password.utf8.count <= maximumLength, stored.utf8.count < Int(crypto_pwhash_strbytes()) else { return false }
        var storedC = Array(stored.utf8CString)
        storedC.append(contentsOf: [CChar](repeating: 0, count: Int(crypto_pwhash_strbytes()) - storedC.count))
        let bytes = Array(password.utf8)
        return bytes.withUnsafeBufferPointer { b in
            b.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: b.count) { crypto_pwhash_str_verify(&storedC, $0, UInt64(b.count)) == 0 }
            } ?? (crypto_pwhash_str_verify(&storedC, "", 0) == 0)
        }
    }

    /// A hash of a random password, checked against when a login names no such user, so that the
    /// answer takes as long as for a real one.
    public static let decoy: String = (try? hash(Tokens.random())) ?? ""
}

/// Random tokens for login sessions and forms.
public enum Tokens {
    /// 32 random bytes as URL-safe text (64 hex digits).
    public static func random(bytes: Int = 32) -> String { hexString(Sodium.randomBytes(bytes)) }

    /// What is stored for a session token: its BLAKE2b-256, hex (a stolen database holds no usable token).
    public static func digest(_ token: String) -> String { hexString(Blake2b.hash(Array(token.utf8))) }

    /// Compares two tokens in constant time.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return sodium_memcmp(x, y, x.count) == 0
    }
}
