import Mustache

/// A view the fast renderer reads without reflection or casts (`value(_:)`); swift-mustache, which renders what the
/// fast renderer cannot, reads the same answers through `child(named:)`.
///
/// Views are objects of one class: the renderer keeps the views it is inside of as unretained references (their
/// owners outlive the section), so looking a name up costs no reference counting; a protocol existential was copied,
/// with a retain and a release, at every frame of every lookup.
class TemplateObject: MustacheParent {
    /// The answer for `key`: `.missing` for a name this view does not have, so enclosing views are asked.
    func value(_ key: TemplateKey) -> TemplateValue { .missing }

    /// The answer for a name given as text: `.missing` for a name no view has.
    final func value(named name: String) -> TemplateValue {
        TemplateKey(rawValue: name).map { value($0) } ?? .missing
    }

    final func child(named name: String) -> Any? { value(named: name).any }
}
