import ClaimDeskPublishing
import HTTPTypes
import Hummingbird

/// Security headers on every answer, errors included: no framing, no sniffing, no referrer, no caching, and a
/// content policy that lets the pages post forms to this service only.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    let pages: Pages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = pages.error(error.status)
        } catch {
            response = pages.error(.internalServerError)
        }
        response.headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.cacheControl] = "no-store"
        for (name, value) in [("Referrer-Policy", "no-referrer"), ("X-Frame-Options", "DENY")] {
            if let name = HTTPField.Name(name) { response.headers[name] = value }
        }
        return response
    }
}
