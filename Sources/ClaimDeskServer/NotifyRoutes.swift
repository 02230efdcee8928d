import ClaimDeskDomain
import ClaimDeskNotify
import ClaimDeskPublishing
import ClaimDeskStore
import Foundation
import HTTPTypes
import Hummingbird

/// The routes readers use: subscribe (the exported page's form), confirm, unsubscribe (one click, RFC 8058).
/// Handlers decode the request into typed values, call the Store, and answer with a page; the rules are the
/// database's.
struct NotifyRoutes: Sendable {
    let pool: StorePool
    let settings: ServerSettings
    let pages: Pages
    let composer: MailComposer

    func register(on router: Router<ServerContext>) {
        router.get("health") { _, _ in "ok\n" }
        router.post("notify") { request, context in try await subscribe(request, context) }
        router.get("confirm") { request, _ in confirmPage(request) }
        router.post("confirm") { request, _ in try await confirm(request) }
        router.get("unsubscribe") { request, _ in unsubscribePage(request) }
        router.post("unsubscribe") { request, _ in try await unsubscribe(request) }
    }

    /// Tokens are 64 lowercase hex digits; anything else is refused before the database is asked.
    static func isToken(_ text: String?) -> Bool {
        guard let text, text.utf8.count == 64 else { return false }
        return text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// The form of a POST: refused unless it is form-encoded, small and clean.
    private func form(_ request: Request) async throws -> FormBody? {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else { return nil }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: ServerSettings.maxBodyBytes)
        } catch {
            throw HTTPError(.contentTooLarge)
        }
        return FormBody(String(buffer: buffer))
    }

    private func client(_ request: Request, _ context: ServerContext) -> String {
        if settings.trustForwardedFor, let name = HTTPField.Name("X-Forwarded-For"),
            let forwarded = request.headers[name],
            let last = forwarded.split(separator: ",").last.map({ $0.trimmingCharacters(in: .whitespaces) }),
            !last.isEmpty
        {
            return String(last.prefix(64))
        }
        return context.peer
    }

    func subscribe(_ request: Request, _ context: ServerContext) async throws -> Response {
        guard let form = try await form(request) else {
            return pages.problem(
                .badRequest, "That did not work",
                "The form could not be read: send one email address, without line breaks, from the tool's page.")
        }
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces)
        let tool = form["tool"] ?? ""
        guard Slug.isValid(tool) else {
            return pages.problem(.badRequest, "Which tool?", "The form did not say which tool; use the tool's page.")
        }
        guard MailText.isAddress(email) else {
            return pages.problem(
                .badRequest, "Check the address",
                "That is not an email address we can write to. Go back and give one address like you@example.com.")
        }
        let client = self.client(request, context)
        let subscription: Subscription
        do {
            subscription = try await pool.with { try $0.subscribe(tool: tool, email: email, client: client) }
        } catch let error as StoreError {
            switch error.kind {
            case .notFound:
                return pages.problem(
                    .notFound, "Unknown tool", "We have no page for that tool; subscribe from its page.")
            case .invalid:
                return pages.problem(.badRequest, "Check the address", "That is not an email address we can write to.")
            default:
                if error.sqlState == Store.rateLimitedState {
                    var response = pages.problem(
                        .tooManyRequests, "Too many requests", "Too many requests from here: try again in an hour.")
                    response.headers[.retryAfter] = "3600"
                    return response
                }
                context.logger.error("subscribe failed: \(error.kind.rawValue) \(error.sqlState ?? "")")
                return pages.problem(.serviceUnavailable, "Please try later", "We could not take that request now.")
            }
        }
        if let token = subscription.confirmToken {
            let mail = composer.confirmation(to: email, subscription: subscription, token: token)
            let sendmail = settings.sendmail
            let from = settings.mail.from
            do {
                try await pool.blocking { try sendmail.send(mail.text(from: from, date: Date())) }
            } catch {
                context.logger.error("confirmation mail failed: \(error)")
                return pages.problem(
                    .serviceUnavailable, "Please try later", "We could not send the confirmation mail just now.")
            }
        }
        // The same answer whether or not the address was already subscribed: nobody can probe who follows what.
        return pages.page(
            .ok,
            Notice(
                title: "Check your inbox",
                paragraphs: [
                    "If the address can receive mail, a message is on its way to confirm that you want a note when "
                        + "our page about \(subscription.toolName) changes.",
                    "Open its link and press the button there. Unconfirmed addresses are deleted after 7 days.",
                ], link: (settings.mail.pageURL(subscription.tool.rawValue), "Back to \(subscription.toolName)")))
    }

    func confirmPage(_ request: Request) -> Response {
        let token = FormBody(request.uri.query ?? "")?["token"]
        guard Self.isToken(token), let token else {
            return pages.problem(.badRequest, "This link is incomplete", "Copy the whole link from the mail.")
        }
        return pages.page(
            .ok,
            Notice(
                title: "Confirm your subscription",
                paragraphs: ["Press the button to get one email each time this tool's page changes."],
                button: Notice.Button(action: "/confirm", token: token, label: "Yes, notify me")))
    }

    func confirm(_ request: Request) async throws -> Response {
        guard let token = try await form(request)?["token"], Self.isToken(token) else {
            return pages.problem(.badRequest, "This link is incomplete", "Copy the whole link from the mail.")
        }
        do {
            let (tool, name) = try await pool.with { try $0.confirmSubscription(token: token) }
            return pages.page(
                .ok,
                Notice(
                    title: "You are subscribed",
                    paragraphs: [
                        "We will send one email each time our page about \(name) changes. Every email has a link to "
                            + "unsubscribe with one click."
                    ], link: (settings.mail.pageURL(tool.rawValue), "Back to \(name)")))
        } catch let error as StoreError where error.kind == .notFound {
            return pages.problem(
                .gone, "This link no longer works",
                "It is unknown, was used already, or expired after 7 days. Subscribe again from the tool's page.")
        }
    }

    func unsubscribePage(_ request: Request) -> Response {
        let token = FormBody(request.uri.query ?? "")?["token"]
        guard Self.isToken(token), let token else {
            return pages.problem(.badRequest, "This link is incomplete", "Copy the whole link from the mail.")
        }
        return pages.page(
            .ok,
            Notice(
                title: "Unsubscribe",
                paragraphs: ["Press the button and we delete your address: no more email from us."],
                button: Notice.Button(action: "/unsubscribe", token: token, label: "Unsubscribe")))
    }

    /// RFC 8058: a POST to the List-Unsubscribe URL (token in the query, body `List-Unsubscribe=One-Click`)
    /// unsubscribes at once; the page's button posts the token as a form field.
    func unsubscribe(_ request: Request) async throws -> Response {
        let form = try await form(request)
        let token = form?["token"] ?? FormBody(request.uri.query ?? "")?["token"]
        guard Self.isToken(token), let token else {
            return pages.problem(.badRequest, "This link is incomplete", "Copy the whole link from the mail.")
        }
        try await pool.with { try $0.unsubscribe(token: token) }
        return pages.page(
            .ok,
            Notice(
                title: "You are unsubscribed",
                paragraphs: ["We deleted your address. You will get no more email from us."]))
    }
}
