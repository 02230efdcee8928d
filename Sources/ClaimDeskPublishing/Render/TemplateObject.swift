import Mustache

/// A view the fast renderer reads without reflection or casts (`value(_:)`); swift-mustache, which renders what the
/// fast renderer cannot, reads the same answers through `child(named:)`.
protocol TemplateObject: MustacheParent {
    func value(_ name: String) -> TemplateValue
}

extension TemplateObject {
    func child(named name: String) -> Any? { value(name).any }
}
