import Mustache

/// The root of `notice.mustache`: `{{title}}`, `{{siteTitle}}`, `{{lang}}`, `{{#paragraphs}}`, `{{#form}}` →
/// `{{actionHref}} {{token}} {{button}}`, `{{linkHref}}`, `{{linkText}}`.
final class NoticeView: TemplateObject {
    let notice: Notice
    let siteTitle: String
    let language: String

    init(notice: Notice, siteTitle: String, language: String) {
        self.notice = notice
        self.siteTitle = siteTitle
        self.language = language
    }

    override func value(_ key: TemplateKey) -> TemplateValue {
        switch key {
        case .title: .text(notice.title)
        case .siteTitle: .text(siteTitle)
        case .lang: .text(language)
        case .paragraphs: .texts(notice.paragraphs)
        case .form: notice.button.map { .object(Form(button: $0)) } ?? .absent
        case .linkHref: notice.link.flatMap { SafeURL.href($0.url) }.map { .text($0) } ?? .absent
        case .linkText: .text(notice.link?.text ?? "")
        default: .missing
        }
    }

    final class Form: TemplateObject {
        let button: Notice.Button

        init(button: Notice.Button) {
            self.button = button
        }

        override func value(_ key: TemplateKey) -> TemplateValue {
            switch key {
            // The service's own paths are relative ("/confirm"); anything else must be http(s).
            case .actionHref:
                button.action.hasPrefix("/") && !button.action.hasPrefix("//")
                    ? .text(button.action) : (SafeURL.href(button.action).map { .text($0) } ?? .absent)
            case .token: .text(button.token)
            case .button: .text(button.label)
            default: .missing
            }
        }
    }
}
