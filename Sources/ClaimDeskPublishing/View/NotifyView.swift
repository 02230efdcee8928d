import ClaimDeskDomain
import Mustache

/// The notify-me block in a template: `{{heading}}`, `{{text}}`, `{{fineprint}}`, `{{actionHref}}` (present only when
/// the configured endpoint is an http(s) URL), `{{toolSlug}}`.
final class NotifyView: TemplateObject {
    let notify: NotifyBlock
    let toolSlug: String

    init(notify: NotifyBlock, toolSlug: String) {
        self.notify = notify
        self.toolSlug = toolSlug
    }

    override func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .heading: .text(notify.heading)
        case .text: .text(notify.text)
        case .fineprint: .text(notify.fineprint)
        case .actionHref: SafeURL.href(notify.action).map { .text($0) } ?? .absent
        case .toolSlug: .text(toolSlug)
        default: .missing
        }
    }
}
