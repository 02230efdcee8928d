import ClaimDeskDomain
import LibPQ

extension Store {
    /// Every plan tier (of one tool, or of all), in page order: what an authoring file is checked against.
    public func tiers(of tool: ToolSlug? = nil) throws(StoreError) -> [PlanTier] {
        struct Row: Decodable {
            var tool: String
            var slug: String
            var name: String
        }
        return try call(
            """
            SELECT coalesce(jsonb_agg(jsonb_build_object('tool', tool_slug, 'slug', slug, 'name', name)
                ORDER BY tool_slug, position, slug), '[]')
            FROM claimdesk.tiers WHERE \(tool?.rawValue)::text IS NULL OR tool_slug = \(tool?.rawValue)
            """, as: [Row].self
        ).map { PlanTier(tool: ToolSlug($0.tool), slug: TierSlug($0.slug), name: $0.name) }
    }
}
