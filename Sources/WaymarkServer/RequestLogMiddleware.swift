import Hummingbird
import Logging
import NIOCore

/// Logs each request's method, path, status and time, at the level given, and never its query:
/// a query holds what residents searched for ("q=domestic violence") and, on staff pages, clients'
/// names, and logs are kept and copied with fewer precautions than the database.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let level: Logger.Level

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.logger.logLevel <= level else { return try await next(request, context) }
        let started = ContinuousClock.now
        func log(_ status: String) {
            let took = ContinuousClock.now - started
            context.logger.log(level: level, "\(request.method) \(request.uri.path) \(status) \(took.components.seconds * 1000 + took.components.attoseconds / 1_000_000_000_000_000) ms")
        }
        do {
            let response = try await next(request, context)
            log("\(response.status.code)")
            return response
        } catch {
            log("error")
            throw error
        }
    }
}
