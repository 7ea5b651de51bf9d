/// Reading the JSON a district supplies (help lines, search words, the district itself): one way to
/// take a list of texts and a text in each language, each refusal naming the field for the admin.
/// `invalid` makes the caller's own error from a sentence.
enum ConfigJSON {
    static func object(_ text: String, notJSON: (String) -> any Error, invalid: (String) -> any Error) throws -> JSONObject {
        let value: JSONValue
        do { value = try JSONParser.parse(text) } catch { throw notJSON("\(error)") }
        guard let root = value.objectValue else { throw invalid("the top level must be an object") }
        return root
    }

    /// A list of texts; none when the field is absent.
    static func texts(_ v: JSONValue?, _ field: String, invalid: (String) -> any Error) throws -> [String] {
        guard let v else { return [] }
        guard let a = v.arrayValue else { throw invalid("\(field) must be a list of texts") }
        return try a.map {
            guard let s = $0.stringValue else { throw invalid("\(field) must be a list of texts") }
            return s
        }
    }

    /// A text (taken as English) or an object of texts by language code. Absent: no texts, unless
    /// `required`, which also refuses empty texts.
    static func localized(_ v: JSONValue?, _ field: String, required: Bool, invalid: (String) -> any Error) throws -> HelpLines.Localized {
        guard let v else {
            if required { throw invalid("\(field) is missing") }
            return HelpLines.Localized([:])
        }
        if let s = v.stringValue, !(required && s.isEmpty) { return HelpLines.Localized(["en": s]) }
        guard let o = v.objectValue, !(required && o.isEmpty) else { throw invalid("\(field) must be text or an object of texts by language") }
        var out: [String: String] = [:]
        for (k, x) in o {
            guard let s = x.stringValue, !(required && s.isEmpty) else { throw invalid("\(field).\(k) must be text") }
            out[k] = s
        }
        return HelpLines.Localized(out)
    }
}
