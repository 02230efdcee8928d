import Foundation

/// Failures of mail delivery and of the notifier's settings, in words that say what to do.
public enum NotifyError: Error, LocalizedError, CustomStringConvertible, Sendable {
    case invalidSetting(setting: String, value: String, fix: String)
    case sendmailFailed(command: String, reason: String)

    public var description: String {
        switch self {
        case .invalidSetting(let setting, let value, let fix):
            "\(setting) \"\(value.prefix(200))\" is not usable: \(fix)."
        case .sendmailFailed(let command, let reason):
            "The mail program \(command.prefix(200)) failed: \(reason). Check it by hand (echo test | \(command.prefix(80))) "
                + "or point --sendmail / CLAIMDESK_SENDMAIL at a working one; the message stays queued."
        }
    }

    public var errorDescription: String? { description }
}
