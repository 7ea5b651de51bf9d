import Foundation
import HTTPTypes
import WaymarkCore

extension JourneyError {
    /// The refusal in the interface's words (`staff.error.<code>`), in either language, with the
    /// statuses it names as the pages name them.
    public func text(_ language: InterfaceLanguage) -> String {
        var shown = values
        for k in ["from", "to", "status"] {
            if let v = values[k], ReferralStatus(rawValue: v) != nil { shown[k] = Localization.text("staff.status.\(v)", language) }
        }
        return Localization.text("staff.error.\(code.rawValue)", language, shown)
    }

    /// The HTTP status a page answers a refusal with: a client or referral that is not there, or
    /// not this organisation's to see, is not found; anything else is a form to put right.
    var httpStatus: HTTPResponse.Status {
        [.noSuchClient, .noSuchReferral, .notASide, .otherSideUnknown].contains(code) ? .notFound : .badRequest
    }
}
