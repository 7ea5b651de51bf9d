import Foundation
import Logging
import ServiceLifecycle
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

/// How a node sends email notifications to its staff.
public struct MailSettings: Sendable {
    public var smtp: SMTPClient
    /// The staff site's address, for the links in emails (the node's public URL).
    public var siteURL: String
    /// How often to look for something to tell.
    public var interval: Duration

    public init(smtp: SMTPClient, siteURL: String, interval: Duration = .seconds(60)) {
        self.smtp = smtp
        self.siteURL = siteURL
        self.interval = interval
    }
}

/// Emails staff who asked to be told (their own address, kind by kind): a new referral, a message
/// on a referral, an overdue referral, their tasks due. Each round turns what happened into queued
/// emails (`NodeDatabase.queueNotices`, each event once per person) and sends what is due; an email
/// the server refuses is tried again later. The email names the other organisation and links to
/// the staff site: never a client, a need or a note (they are read after signing in).
struct Notifier: Service {
    let database: NodeDatabase
    let identity: NodeIdentity
    let settings: MailSettings
    let clock: LocalClock
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown { await self.loop() }
    }

    func loop() async {
        while !Task.isCancelled {
            await round()
            try? await Task.sleep(for: settings.interval)
        }
    }

    func round() async {
        let now = clock.milliseconds()
        let today = BusinessDays.isoDate(dayNumber: clock.now().day)
        do {
            try database.notices.queueNotices(identity: identity, today: today, nowMilliseconds: now) { facts, lang in
                Self.compose(facts, language: InterfaceLanguage(rawValue: lang) ?? .english, siteURL: settings.siteURL)
            }
            for mail in try database.notices.mailToSend(nowMilliseconds: now) {
                do {
                    try await settings.smtp.send(to: mail.to, subject: mail.subject, body: mail.body)
                    try database.notices.mailSent(id: mail.id, nowMilliseconds: clock.milliseconds())
                } catch {
                    logger.warning("email to a member of staff not sent (try \(mail.attempts + 1)): \(error)")
                    try database.notices.mailFailed(id: mail.id, error: "\(error)", nowMilliseconds: clock.milliseconds())
                }
            }
        } catch {
            logger.error("email notifications: \(error)")
        }
    }

    /// An email's subject and body in a language.
    static func compose(_ facts: NoticeFacts, language: InterfaceLanguage, siteURL: String) -> (subject: String, body: String) {
        let base = siteURL.hasSuffix("/") ? String(siteURL.dropLast()) : siteURL
        let values = ["org": facts.organization, "n": String(facts.count), "link": base + facts.path + "?lang=\(language.rawValue)"]
        let subject = Localization.text("notice.\(facts.kind.rawValue).subject", language, values)
        let body = [
            Localization.text("notice.\(facts.kind.rawValue).body", language, values), "", values["link"]!, "",
            Localization.text("notice.footer", language, ["account": base + "/staff/account?lang=\(language.rawValue)"]),
        ].joined(separator: "\n")
        return (subject, body)
    }
}
