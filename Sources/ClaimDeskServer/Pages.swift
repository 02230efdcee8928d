import ClaimDeskPublishing
import Hummingbird

/// The service's HTML answers, rendered through the site's templates.
struct Pages: Sendable {
    let renderer: NoticeRenderer

    func page(_ status: HTTPResponse.Status, _ notice: Notice) -> Response {
        let html =
            (try? renderer.render(notice))
            ?? "<!DOCTYPE html><title>ClaimDesk</title><p>Something went wrong; please try again later.</p>"
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    func problem(_ status: HTTPResponse.Status, _ title: String, _ text: String) -> Response {
        page(status, Notice(title: title, paragraphs: [text]))
    }

    func error(_ status: HTTPResponse.Status) -> Response {
        switch status {
        case .notFound: problem(status, "Not found", "There is no page here.")
        case .contentTooLarge: problem(status, "Too much data", "That request was larger than a form can be.")
        case .methodNotAllowed: problem(status, "Not allowed", "This address does not take that kind of request.")
        default:
            status.code >= 500
                ? problem(status, "Something went wrong", "Please try again in a few minutes.")
                : problem(status, "That did not work", "The request could not be read.")
        }
    }
}
