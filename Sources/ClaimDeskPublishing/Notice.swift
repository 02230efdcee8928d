/// One page of the notification service: a title, a few paragraphs, at most one button (a POST form carrying a
/// token) and one link. Rendered through the site's templates so it looks like the site.
public struct Notice: Sendable, Hashable {
    public struct Button: Sendable, Hashable {
        public var action: String
        public var token: String
        public var label: String

        public init(action: String, token: String, label: String) {
            self.action = action
            self.token = token
            self.label = label
        }
    }

    public var title: String
    public var paragraphs: [String]
    public var button: Button?
    public var link: (url: String, text: String)?

    public init(title: String, paragraphs: [String], button: Button? = nil, link: (url: String, text: String)? = nil) {
        self.title = title
        self.paragraphs = paragraphs
        self.button = button
        self.link = link
    }

    public static func == (a: Notice, b: Notice) -> Bool {
        a.title == b.title && a.paragraphs == b.paragraphs && a.button == b.button && a.link?.url == b.link?.url
            && a.link?.text == b.link?.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(paragraphs)
    }
}
