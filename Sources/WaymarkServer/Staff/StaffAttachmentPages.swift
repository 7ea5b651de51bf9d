import Foundation
import HTTPTypes
import Hummingbird
import WaymarkCore
import WaymarkStore

/// Files kept with a client's record: uploaded from the client's page (PDF, JPEG or PNG, at most
/// 5 MiB, the type read from the file's first bytes), opened as a download that the browser may not
/// run or frame, removed when kept by mistake. Each is audited; none leaves this organisation.
extension StaffPages {
    func registerAttachments(_ routes: StaffRoutes) {
        routes.signedIn.post("clients/:id/attachments") { request, context in
            try addAttachment(request, context.staff(), context.upload, context.language, id: context.parameters.get("id") ?? "")
        }
        routes.signedIn.get("clients/:id/attachments/:n") { request, context in
            try openAttachment(request, context.staff(), context.language, id: context.parameters.get("id") ?? "", n: context.parameters.get("n") ?? "")
        }
        routes.signedIn.post("clients/:id/attachments/:n/remove") { request, context in
            let id = context.parameters.get("id") ?? ""
            guard let n = Int64(context.parameters.get("n") ?? "") else { return notFound(request, try context.staff(), context.language) }
            do { try database.caseload.removeAttachment(clientID: id, id: n, by: try context.staff().user.username, nowMilliseconds: now()) } catch is JourneyError {
                return notFound(request, try context.staff(), context.language)
            }
            return Self.redirect("/staff/clients/\(id)?saved=file-removed&lang=\(context.language.rawValue)#files-heading")
        }
    }

    func addAttachment(_ request: Request, _ s: StaffSession, _ upload: Multipart.Part?, _ language: InterfaceLanguage, id: String) throws -> Response {
        guard let identity else { return notFound(request, s, language) }
        do {
            try database.caseload.addAttachment(
                clientID: id, name: upload?.filename ?? "", bytes: upload?.data ?? [], identity: identity, by: s.user.username, nowMilliseconds: now())
        } catch let e as NodeDatabase.AttachmentProblem {
            let key: String
            switch e {
            case .empty: key = "staff.attachment.empty"
            case .tooBig: key = "staff.attachment.toobig"
            case .notAllowed: key = "staff.attachment.type"
            }
            return try clientPage(request, s, language, id: id, fileError: t(key, language), status: .badRequest)
        } catch let e as JourneyError where e.code == .noSuchClient {
            return notFound(request, s, language)
        }
        return Self.redirect("/staff/clients/\(id)?saved=file&lang=\(language.rawValue)#files-heading")
    }

    func openAttachment(_ request: Request, _ s: StaffSession, _ language: InterfaceLanguage, id: String, n: String) throws -> Response {
        guard let identity, let number = Int64(n),
            let (file, bytes) = try database.caseload.attachment(clientID: id, id: number, identity: identity, by: s.user.username, nowMilliseconds: now())
        else { return notFound(request, s, language) }
        // The name as a download (RFC 6266: an ASCII fallback and the UTF-8 name); never shown in place,
        // never run: the type is the one read from the bytes, sniffing is off, the page is sandboxed.
        let ascii = String(file.name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let utf8 = file.name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"
        var headers: HTTPFields = [
            .contentType: file.type, .contentDisposition: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(utf8)",
            .cacheControl: "no-store",
        ]
        headers.append(HTTPField(name: HTTPField.Name("X-Content-Type-Options")!, value: "nosniff"))
        headers.append(HTTPField(name: .contentSecurityPolicy, value: "sandbox; default-src 'none'"))
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The files section of a client's page.
    func attachmentsContext(clientID: String, _ language: InterfaceLanguage) throws -> [String: Any] {
        guard let identity else { return [:] }
        let files = try database.caseload.attachments(clientID: clientID, identity: identity)
        return [
            "files": files.map { f -> [String: Any] in
                [
                    "n": f.id, "name": f.name, "kind": t("staff.attachment.kind.\(f.type.split(separator: "/").last ?? "")", language),
                    "size": f.size >= 1 << 20 ? String(format: "%.1f MB", Double(f.size) / Double(1 << 20)) : "\(max(1, f.size / 1024)) KB",
                    "when": when(f.addedAt), "by": f.username,
                ]
            },
            "hasFiles": !files.isEmpty,
        ]
    }
}
