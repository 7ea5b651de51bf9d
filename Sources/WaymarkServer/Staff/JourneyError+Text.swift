import Foundation
import HTTPTypes
import WaymarkCore

extension JourneyError {
    /// The refusal in the interface's words (`staff.error.<code>`), in either language, with the
    /// statuses it names as the pages name them.
    public func text(_ language: InterfaceLanguage) -> String {
        var s = Localization.text("staff.error.\(code.rawValue)", language)
        for (k, v) in values {
            let shown = ["from", "to", "status"].contains(k) && ReferralStatus(rawValue: v) != nil ? Localization.text("staff.status.\(v)", language) : v
            s = s.replacingOccurrences(of: "{\(k)}", with: shown)
        }
        return s
    }

    /// The HTTP status a page answers a refusal with: a client or referral that is not there, or
    /// not this organisation's to see, is not found; anything else is a form to put right.
    var httpStatus: HTTPResponse.Status {
        [.noSuchClient, .noSuchReferral, .notASide, .otherSideUnknown].contains(code) ? .notFound : .badRequest
    }
}
