import Mustache

/// A view the fast renderer reads without reflection or casts (`value(_:)`); swift-mustache, which renders what the
/// fast renderer cannot, reads the same answers through `child(named:)`.
///
/// Views are objects: a class-bound existential is one reference, copied with one retain, where a struct's was copied
/// through its type's value witnesses at every lookup and section.
protocol TemplateObject: AnyObject, MustacheParent {
    func value(_ key: TemplateKey) -> TemplateValue
}

extension TemplateObject {
    /// The answer for a name given as text: `.missing` for a name no view has.
    func value(named name: String) -> TemplateValue {
        TemplateKey(rawValue: name).map { value($0) } ?? .missing
    }

    func child(named name: String) -> Any? { value(named: name).any }
}
