import Mustache

/// The root of `notice.mustache`: `{{title}}`, `{{siteTitle}}`, `{{lang}}`, `{{#paragraphs}}`, `{{#form}}` →
/// `{{actionHref}} {{token}} {{button}}`, `{{linkHref}}`, `{{linkText}}`.
struct NoticeView: MustacheParent {
    let notice: Notice
    let siteTitle: String
    let language: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": notice.title
        case "siteTitle": siteTitle
        case "lang": language
        case "paragraphs": notice.paragraphs
        case "form": notice.button.map(Form.init) ?? Absent()
        case "linkHref": notice.link.flatMap { SafeURL.href($0.url) } ?? Absent()
        case "linkText": notice.link?.text ?? ""
        default: nil
        }
    }

    struct Form: MustacheParent {
        let button: Notice.Button

        func child(named name: String) -> Any? {
            switch name {
            // The service's own paths are relative ("/confirm"); anything else must be http(s).
            case "actionHref":
                button.action.hasPrefix("/") && !button.action.hasPrefix("//")
                    ? button.action : (SafeURL.href(button.action) ?? Absent())
            case "token": button.token
            case "button": button.label
            default: nil
            }
        }
    }
}
