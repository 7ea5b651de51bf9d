import Hummingbird
import NIOCore

/// Open CORS for the public API: answers preflight requests for any `/api` path, adds
/// `Access-Control-Allow-Origin: *` to every API response, and turns the router's own errors
/// (no such path) into problem responses a browser client can read.
struct APIMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Renders the site's own "page not found" for paths outside the API.
    let notFoundPage: @Sendable (Request) -> Response

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await route(request, context: context, next: next)
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        return response
    }

    private func route(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path == "/api" || request.uri.path.hasPrefix("/api/") else {
            do {
                return try await next(request, context)
            } catch let error as HTTPError where error.status == .notFound {
                return notFoundPage(request)
            }
        }
        if request.method == .options {
            return Response(
                status: .noContent,
                headers: [
                    .accessControlAllowOrigin: "*", .accessControlAllowMethods: "GET, OPTIONS",
                    .accessControlAllowHeaders: "Content-Type, Accept", .accessControlMaxAge: "86400",
                ])
        }
        do {
            var response = try await next(request, context)
            response.headers[.accessControlAllowOrigin] = "*"
            return response
        } catch let error as HTTPError {
            let detail = error.status == .notFound ? "no API endpoint at \(request.uri.path)" : (error.body ?? "\(error.status)")
            return Problem(status: error.status, title: error.status.reasonPhrase, detail: detail).response
        }
    }
}
