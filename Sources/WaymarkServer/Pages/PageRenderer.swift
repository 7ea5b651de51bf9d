import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import NIOCore
import WaymarkCore

/// Renders the public pages: compiles the templates once, works out the interface language, and
/// builds the values every page shares (translations, language switch, list count, sample banner).
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        for (name, text) in Templates.all {
            // The templates are part of the program; one that does not parse is a programming error.
            try! library.register(text, named: name)
        }
        self.library = library
    }

    /// The translations of a language as the templates address them: `t.search_label` for `search.label`.
    static let translations: [InterfaceLanguage: [String: String]] = {
        var out: [InterfaceLanguage: [String: String]] = [:]
        for language in InterfaceLanguage.allCases {
            var t: [String: String] = [:]
            for key in Localization.english.keys { t[key.replacingOccurrences(of: ".", with: "_")] = Localization.text(key, language) }
            out[language] = t
        }
        return out
    }()

    /// Picks the interface language: `?lang=`, then the `lang` cookie, then the browser's preference.
    static func language(_ request: Request, _ params: QueryParameters) -> InterfaceLanguage {
        if let l = params.string("lang").flatMap(InterfaceLanguage.init(rawValue:)) { return l }
        if let l = cookies(request)["lang"].flatMap(InterfaceLanguage.init(rawValue:)) { return l }
        let accept = request.headers[.acceptLanguage]?.lowercased() ?? ""
        return accept.hasPrefix("ga") ? .irish : .english
    }

    static func cookies(_ request: Request) -> [String: String] {
        var out: [String: String] = [:]
        for header in request.headers[values: .cookie] {
            for part in header.split(separator: ";") {
                let kv = part.split(separator: "=", maxSplits: 1)
                guard kv.count == 2 else { continue }
                out[kv[0].trimmingCharacters(in: .whitespaces)] = kv[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return out
    }

    /// The services on the visitor's list, kept only in their own browser (a cookie), never on the node.
    static func listIDs(_ request: Request) -> [String] {
        parseList(cookies(request)["waymark_list"] ?? "")
    }

    static func parseList(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split(whereSeparator: { $0 == "." || $0 == "," || $0 == " " }).map(String.init)
            .filter { id in id.count <= 64 && id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } && seen.insert(id).inserted }
            .prefix(50).map { $0 }
    }

    /// The values every page needs.
    func base(_ request: Request, language: InterfaceLanguage, title: String, sample: Bool) -> [String: Any] {
        var switchParams = QueryParameters(rawQuery: request.uri.query).pairs.filter { $0.0 != "lang" }
        switchParams.append(("lang", language.other.rawValue))
        return [
            "lang": language.rawValue,
            "t": Self.translations[language] ?? [:],
            "pageTitle": title,
            "otherLang": language.other.rawValue,
            "otherLangName": language.other.ownName,
            // Relative to the current page: a path taken from the request ("//evil.example") could point off-site.
            "switchURL": "?" + Self.query(switchParams),
            "listCount": Self.listIDs(request).count,
            "sample": sample,
        ]
    }

    /// Encodes pairs as a query string.
    static func query(_ pairs: [(String, String)]) -> String {
        pairs.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// Renders a template into an HTML response.
    func page(_ template: String, _ context: [String: Any], status: HTTPResponse.Status = .ok, language: InterfaceLanguage? = nil) -> Response {
        let html = library.render(context, withTemplate: template) ?? ""
        var headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .contentSecurityPolicy:
                "default-src 'self'; img-src 'self' data: https:; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
            .init("X-Content-Type-Options")!: "nosniff",
            .init("Referrer-Policy")!: "same-origin",
        ]
        if let language {
            headers.append(HTTPField(name: .setCookie, value: "lang=\(language.rawValue); Path=/; Max-Age=31536000; SameSite=Lax"))
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }
}
