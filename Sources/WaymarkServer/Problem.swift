import Hummingbird
import NIOCore
import WaymarkCore

/// An RFC 9457 problem: what went wrong with a request, sent as `application/problem+json`.
public struct Problem: Error, Sendable {
    public var status: HTTPResponse.Status
    public var title: String
    public var detail: String
    /// For invalid query parameters: the parameter and why it was refused.
    public var invalidParams: [(name: String, reason: String)] = []

    public init(status: HTTPResponse.Status, title: String, detail: String, invalidParams: [(name: String, reason: String)] = []) {
        self.status = status
        self.title = title
        self.detail = detail
        self.invalidParams = invalidParams
    }

    public static func badParameter(_ name: String, _ reason: String) -> Problem {
        Problem(
            status: .badRequest, title: "Invalid query parameter", detail: "'\(name)' \(reason)", invalidParams: [(name, reason)])
    }

    public static func notFound(_ what: String) -> Problem {
        Problem(status: .notFound, title: "Not found", detail: what)
    }

    public var response: Response {
        var o = JSONObject()
        o["type"] = .string("about:blank")
        o["title"] = .string(title)
        o["status"] = JSONValue(Int(status.code))
        o["detail"] = .string(detail)
        if !invalidParams.isEmpty {
            o["invalid_params"] = .array(invalidParams.map { .object(JSONObject([("name", .string($0.name)), ("reason", .string($0.reason))])) })
        }
        return Response(
            status: status, headers: [.contentType: "application/problem+json", .accessControlAllowOrigin: "*"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: JSONWriter().bytes(.object(o)))))
    }
}
