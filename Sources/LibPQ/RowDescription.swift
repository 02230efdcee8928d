/// Column names and type OIDs shared by every row of one result, so rows stay small.
public final class RowDescription: Sendable {
    @usableFromInline let names: [String]
    @usableFromInline let typeOIDs: [UInt32]
    @usableFromInline let indexByName: [String: Int]

    init(names: [String], typeOIDs: [UInt32]) {
        self.names = names
        self.typeOIDs = typeOIDs
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name] == nil {
            index[name] = position  // the first of duplicate names wins, as in SQL's own lookup order
        }
        self.indexByName = index
    }
}
