import Hummingbird
import WaymarkCore

extension PublicPages {
    /// `/help`: the emergency numbers, every crisis line of the district, and how to leave the site
    /// quickly. Reached from the strip at the top of every page, and works without the script.
    func help(_ request: Request) throws -> Response {
        let p = QueryParameters(rawQuery: request.uri.query)
        let language = PageRenderer.language(request, p)
        let lines = directory.helpLines
        var ctx = base(request, language: language, title: t("help.title", language), help: lines)
        ctx["lines"] = lines.lines.map { Self.lineView($0, language) }
        ctx["hasLines"] = !lines.lines.isEmpty
        return renderer.page("help", ctx, language: p.string("lang") != nil ? language : nil)
    }

    /// One crisis line as the templates show it, in the visitor's language.
    static func lineView(_ line: HelpLines.Line, _ language: InterfaceLanguage) -> [String: Any] {
        var v: [String: Any] = ["id": line.id, "name": line.name.text(language.rawValue)]
        let about = line.about.text(language.rawValue)
        if !about.isEmpty { v["about"] = about }
        let hours = line.hours.text(language.rawValue)
        if !hours.isEmpty { v["hours"] = hours }
        if let phone = line.phone, let dial = HelpLines.dialable(phone) { v["phone"] = ["href": "tel:" + dial, "label": phone] }
        let text = line.text.text(language.rawValue)
        if !text.isEmpty { v["text"] = text }
        if let web = line.web.flatMap(SafeLink.web) { v["web"] = web["href"] }
        return v
    }
}
