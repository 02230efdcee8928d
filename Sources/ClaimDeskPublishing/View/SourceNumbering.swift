import ClaimDeskDomain

/// A page's source numbers by URL, with one footnote view per number that every claim citing the source shares
/// (views are objects: one each per citation would be an allocation each).
struct SourceNumbering {
    private let numbers: [String: Int]
    /// `refs[n - 1]` is the footnote of source `n`.
    private let refs: [SourceRefView]

    /// Numbers from 1 in the order of `sources`; a URL listed twice keeps its first number.
    init(_ sources: [PageSource]) {
        var numbers: [String: Int] = [:]
        numbers.reserveCapacity(sources.count)
        for index in sources.indices where numbers[sources[index].url] == nil {
            numbers[sources[index].url] = index + 1
        }
        self.numbers = numbers
        self.refs = (0..<sources.count).map { SourceRefView(number: $0 + 1) }
    }

    func number(of url: String) -> Int? { numbers[url] }

    /// The shared footnote view of `number`, which must be one of this page's.
    func ref(_ number: Int) -> SourceRefView {
        refs.indices.contains(number - 1) ? refs[number - 1] : SourceRefView(number: number)
    }
}
