import Foundation

/// The paths of the office pages. Everything lives under `/office/`, beside the API's `/v1/`,
/// but the sign-in page, which is the node's front page.
enum OfficePaths {
    static let signIn = "/"
    static let signInPost = "/office/signin"
    static let signOut = "/office/signout"
    static let language = "/office/language"
    static let home = "/office/"

    /// The dashboard of `survey`; the survey's other pages are below it.
    static func survey(_ survey: String) -> String {
        "/office/s/\(escape(survey))/"
    }

    static func records(_ survey: String) -> String { OfficePaths.survey(survey) + "records" }
    static func record(_ survey: String, _ id: String) -> String { records(survey) + "/" + escape(id) }
    static func conflicts(_ survey: String) -> String { OfficePaths.survey(survey) + "conflicts" }
    static func forms(_ survey: String) -> String { OfficePaths.survey(survey) + "forms" }
    static func devices(_ survey: String) -> String { OfficePaths.survey(survey) + "devices" }
    static func export(_ survey: String) -> String { OfficePaths.survey(survey) + "export" }
    static func events(_ survey: String) -> String { OfficePaths.survey(survey) + "events" }
    static func bulkReview(_ survey: String) -> String { OfficePaths.survey(survey) + "review" }

    /// `text` percent-encoded as one path segment.
    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: segment) ?? text
    }

    private static let segment = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
