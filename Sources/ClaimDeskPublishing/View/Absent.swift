import Mustache

/// What a view returns for a field it has but that is empty or missing on this item.
///
/// Returning nil would make Mustache look the name up in the enclosing objects instead (a citation without a title
/// would show the page's title); this value stops that lookup, renders as nothing and is false in sections.
struct Absent: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}
