import ClaimDeskDomain
import Mustache

/// The notify-me block in a template: `{{heading}}`, `{{text}}`, `{{fineprint}}`, `{{actionHref}}` (present only when
/// the configured endpoint is an http(s) URL), `{{toolSlug}}`.
struct NotifyView: MustacheParent {
    let notify: NotifyBlock
    let toolSlug: String

    func child(named name: String) -> Any? {
        switch name {
        case "heading": notify.heading
        case "text": notify.text
        case "fineprint": notify.fineprint
        case "actionHref": SafeURL.href(notify.action) ?? Absent()
        case "toolSlug": toolSlug
        default: nil
        }
    }
}
