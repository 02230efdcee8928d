import Mustache

/// A footnote link from a claim to its entry in the page's Sources list: `{{number}}`, `{{anchor}}`.
struct SourceRefView: MustacheParent {
    let number: Int

    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "anchor": "source-\(number)"
        default: nil
        }
    }
}
