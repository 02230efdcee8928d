import ClaimDeskDomain

extension ToolPageBuilder {
    /// The page's "What changed" entries, newest first, each claim named by its topic's heading (and tier).
    func changeLog(_ published: PublishedTool, tiers: [TierSlug: PlanTier]) -> [PageChange] {
        published.changes.sorted { $0.seq > $1.seq }.map { change in
            PageChange(
                seq: change.seq, day: change.day, material: change.isMaterial,
                items: change.items.map { item in
                    var heading =
                        topic(item.ref.topic).map {
                            PlaceholderText.fill($0.heading, ["tool": published.tool.name])
                        } ?? item.ref.topic.rawValue
                    if let tier = item.ref.tier {
                        heading += " (\(tiers[tier]?.name ?? tier.rawValue))"
                    }
                    return PageChange.Item(
                        ref: item.ref, heading: heading, kind: item.kind, oldLabel: item.oldLabel,
                        newLabel: item.newLabel, oldHeadline: item.oldHeadline, newHeadline: item.newHeadline,
                        note: item.note)
                })
        }
    }
}
