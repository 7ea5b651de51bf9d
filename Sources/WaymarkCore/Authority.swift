/// A URL's authority written one way (lower case, no user information, the scheme's default port
/// left out), so that two ways of naming the same node compare equal: the `Host` a request reached a
/// node at, the authority of its public URL, an `Origin` a form came from, the host a sync request
/// was signed for (`Protocol/SPEC.md` §5.3).
public enum Authority {
    /// The authority of `url` (`http://10.0.0.5:8080/x` → `10.0.0.5:8080`, `https://Node.Example/` →
    /// `node.example`); nil for something without a scheme or a host.
    public static func of(url: String) -> String? {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return normalized(String(authority), scheme: scheme)
    }

    /// An authority as it came (a `Host` header), written the one way for a URL of `scheme`; nil if
    /// it is empty.
    public static func normalized(_ authority: String, scheme: String = "http") -> String? {
        var a = authority.lowercased()
        if let at = a.lastIndex(of: "@") { a = String(a[a.index(after: at)...]) }
        if a.isEmpty { return nil }
        let defaultPort = scheme == "https" ? ":443" : ":80"
        if a.hasSuffix(defaultPort) { a.removeLast(defaultPort.count) }
        return a
    }
}
