import ClaimDeskDomain

/// Decides which texts may become an `href`: exactly the URLs the database accepts (`URLRule`, the one rule that
/// `claimdesk.is_http_url` applies), so every accepted URL is linked and nothing else is. Anything else
/// (`javascript:`, `data:`, relative paths, text with spaces or `<`) is shown as text, never linked: the page must be
/// safe on its own even if a database held something the rule refuses.
enum SafeURL {
    static func href(_ text: String) -> String? {
        URLRule.isValid(text) ? text : nil
    }
}
