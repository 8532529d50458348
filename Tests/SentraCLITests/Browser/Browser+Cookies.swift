import Foundation

/// A cookie as WebDriver describes it (WebDriver §14, "Cookies").
struct Cookie: Sendable, Equatable {
    var name: String
    var value: String
    var path: String? = nil
    var domain: String? = nil
    var secure = false
    var httpOnly = false
    /// `Strict`, `Lax` or `None`; nil when the browser does not say.
    var sameSite: String? = nil
    /// Seconds since 1970; nil for a session cookie.
    var expiry: Int? = nil

    init(name: String, value: String, path: String? = nil, domain: String? = nil, secure: Bool = false,
         httpOnly: Bool = false, sameSite: String? = nil, expiry: Int? = nil) {
        self.name = name
        self.value = value
        self.path = path
        self.domain = domain
        self.secure = secure
        self.httpOnly = httpOnly
        self.sameSite = sameSite
        self.expiry = expiry
    }

    /// A cookie from WebDriver's JSON.
    init?(json: Any) {
        guard let object = json as? [String: Any], let name = object["name"] as? String else { return nil }
        self.init(name: name, value: object["value"] as? String ?? "", path: object["path"] as? String,
                  domain: object["domain"] as? String, secure: object["secure"] as? Bool ?? false,
                  httpOnly: object["httpOnly"] as? Bool ?? false, sameSite: object["sameSite"] as? String,
                  expiry: (object["expiry"] as? NSNumber)?.intValue)
    }

    /// The cookie as WebDriver's JSON, leaving out what is unset.
    var json: [String: Any] {
        var object: [String: Any] = ["name": name, "value": value, "secure": secure, "httpOnly": httpOnly]
        if let path { object["path"] = path }
        if let domain { object["domain"] = domain }
        if let sameSite { object["sameSite"] = sameSite }
        if let expiry { object["expiry"] = expiry }
        return object
    }
}

extension Browser {
    /// The cookies the current page can see, HttpOnly ones included.
    func cookies() async throws -> [Cookie] {
        (try await session.send("GET", "cookie") as? [Any] ?? []).compactMap(Cookie.init(json:))
    }

    /// The named cookie, or nil.
    func cookie(named name: String) async throws -> Cookie? {
        try await cookies().first { $0.name == name }
    }

    /// Sets a cookie for the current page's domain (a page must be loaded).
    func addCookie(_ cookie: Cookie) async throws {
        try await session.send("POST", "cookie", ["cookie": cookie.json])
    }

    /// Deletes every cookie the current page can see.
    func deleteAllCookies() async throws {
        try await session.send("DELETE", "cookie")
    }
}
