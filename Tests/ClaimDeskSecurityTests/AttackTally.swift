/// The outcome of every attack one role tried: counts for the report, and the findings that fail the suite.
struct AttackTally {
    var role: String
    var tried = 0
    var refused = 0
    /// Attacks that were let through but are part of what the role may do (run inside a rolled-back transaction).
    var permitted = 0
    /// Attacks that succeeded without changing the record (reads of what the role may read, harmless calls).
    var harmless = 0
    /// Attacks after which the records snapshot differed, or whose effect a session setting altered.
    var changed: [String] = []
    /// Reads that returned (through NOTICEs of a leaky function) values the role cannot read plainly.
    var leaked: [String] = []
    /// Attacks that must be refused for every role (DDL, trigger switches, large objects, the migrator's lock).
    var gotThrough: [String] = []

    init(role: String) {
        self.role = role
    }

    static func + (lhs: AttackTally, rhs: AttackTally) -> AttackTally {
        var sum = lhs
        sum.tried += rhs.tried
        sum.refused += rhs.refused
        sum.permitted += rhs.permitted
        sum.harmless += rhs.harmless
        sum.changed += rhs.changed
        sum.leaked += rhs.leaked
        sum.gotThrough += rhs.gotThrough
        return sum
    }

    /// One line for the report: `editor: tried 512, refused 470, permitted 12, harmless 30, changed 0, leaked 0, got through 0`.
    var line: String {
        "\(role): tried \(tried), refused \(refused), permitted \(permitted), harmless \(harmless), "
            + "changed anything \(changed.count), leaked \(leaked.count), got through \(gotThrough.count)"
    }
}
