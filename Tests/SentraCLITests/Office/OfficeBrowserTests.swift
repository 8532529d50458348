import Foundation
import IKMKonveksi
import SentraTestSupport
import Testing

/// The office pages in a real headless Chromium, against a real `sentra serve` filled by the
/// census generator and real `sentra sync` tablets (``OfficeScenario``): what a clerk does, and
/// what reaches the tablets. Each page is photographed at 1366×768 and at 360×740; the paths are
/// printed, and Docs/web.md shows them.
@Suite(.serialized) struct OfficeBrowserTests {
    static let survey = OfficeScenario.survey

    @Test(arguments: CentralStore.allCases) func aClerkSignsInFindsResolvesReviewsAndExports(_ kind: CentralStore) async throws {
        let office = try await OfficeScenario.start(kind)
        let base = office.server.url
        let dashboard = "\(base)/office/s/\(Self.survey)/"
        try await Browser.with { browser in
            // The SQLite node's photographs are the ones Docs/web.md shows.
            let pages = PageCamera(browser: browser, prefix: kind == .sqlite ? "office" : "office-postgres")
            /// Photographs the page, and checks that every control on it has a label.
            func visit(_ name: String) async throws {
                try await pages.photograph(name)
                let unlabelled = try await Self.unlabelledControls(browser)
                #expect(unlabelled.isEmpty, "\(name): \(unlabelled)")
            }

            // Sign in with the office's access code: a session cookie the page's scripts cannot read.
            try await browser.go(to: base + "/")
            try await visit("signin")
            try await browser.find(css: "#token").type(office.officeToken)
            try await browser.find(css: "form:has(#token) button[type=submit]").click()
            _ = try await browser.waitFor(css: "#count-records", timeout: .seconds(30))
            let session = try #require(try await browser.cookie(named: "sentra_session"))
            #expect(session.httpOnly && session.sameSite == "Strict")

            // The dashboard's counts are `sentra status`'s.
            let status = try await office.status()
            #expect(try await Self.number("#count-records", browser) == status.records)
            #expect(try await Self.number("#count-conflicts", browser) == status.conflicts)
            #expect(status.conflicts == 1)
            for state in ["received", "hasIssues", "approved", "rejected", "edited"] {
                #expect(try await Self.number("#count-\(state)", browser) == status.reviews[state] ?? 0, "\(state)")
            }
            let text = try await browser.find(css: "main").text()
            #expect(text.contains("tablet-ani") && text.contains("tablet-budi"), "\(text)")
            try await visit("dashboard")
            // The keyboard starts at the skip link, which is visible when focused.
            try await browser.press(Keys.tab)
            #expect(try await browser.activeElement().attribute("class") == "skip")

            // A push reaches the open dashboard without a reload.
            let latency = try await Self.liveUpdate(office, browser: browser, before: status.records)
            print("office pages: the dashboard showed a push \(latency)")

            // Find a record by its name.
            try await browser.go(to: dashboard + "records")
            try await browser.find(css: "#q").type("anggrek")
            try await browser.find(css: "form.filters button[type=submit]").click()
            try await browser.waitUntil(timeout: .seconds(30), "one record found") { try await browser.findAll(css: "#records tbody tr").count == 1 }
            try await visit("records")
            try await browser.find(css: "#records tbody a").click()
            _ = try await browser.waitFor(css: "#review", timeout: .seconds(30))
            #expect(try await browser.find(css: "h1").text().contains(OfficeScenario.conflictedName))
            try await visit("record")

            // Resolve the conflict by picking Ani's value, 4, which is not the one shown meanwhile.
            try await browser.go(to: dashboard + "conflicts")
            try await visit("conflicts")
            try await browser.find(css: "#conflict-pekerja_laki input[name=pick][value='4']").click()
            try await browser.find(css: "#conflict-pekerja_laki button[type=submit]").click()
            try await browser.waitUntil(timeout: .seconds(30), "the conflict resolved") {
                let url = try await browser.currentURL()
                return url.contains("done=resolved")
            }
            for tablet in [(office.ani, office.aniToken), (office.budi, office.budiToken)] {
                let shown = try await OfficeScenario.blocking {
                    try tablet.0.sync(office.server.url, token: tablet.1)
                    return try tablet.0.ok(["record", "show", office.conflicted, "--json"])
                }
                let record = try JSONSerialization.jsonObject(with: Data(shown.utf8)) as? [String: Any] ?? [:]
                #expect((record["fields"] as? [String: Any])?["pekerja_laki"] as? Int == 4, "\(shown)")
                #expect((record["conflicts"] as? [Any])?.isEmpty == true, "\(shown)")
            }

            // Mark Ani's other record "has issues" with a note: it is on her list to revisit.
            try await browser.go(to: dashboard + "records/\(office.revisit)")
            try await browser.find(css: "#review-state option[value=hasIssues]").click()
            try await browser.find(css: "#review-note").type("NIB belum ada, tanyakan pemilik")
            try await browser.find(css: "form[action$='/review'] button[type=submit]").click()
            try await browser.waitUntil(timeout: .seconds(30), "the review saved") { (try await browser.pageSource()).contains("NIB belum ada, tanyakan pemilik") }
            let todo = try await OfficeScenario.blocking {
                try office.ani.sync(office.server.url, token: office.aniToken)
                return try office.ani.ok(["review", "todo"])
            }
            #expect(todo.contains(office.revisit) && todo.contains("hasIssues") && todo.contains("NIB belum ada, tanyakan pemilik"), "\(todo)")

            // Approve two ticked records, then download the approved ones as CSV: the bytes of
            // `sentra export --state approved`.
            try await browser.go(to: dashboard + "records?sort=name")
            let boxes = try await browser.findAll(css: "#records tbody input[type=checkbox]")
            try #require(boxes.count >= 3)
            try await boxes[0].click()
            try await boxes[2].click()
            try await browser.find(css: "button[name=scope][value=ticked]").click()
            try await browser.waitUntil(timeout: .seconds(30), "two approved") { try await office.status().reviews["approved"] == 2 }
            try await browser.go(to: dashboard + "records?state=approved")
            try await visit("records-approved")
            let link = try #require(try await browser.find(css: "a[href*='format=csv']").attribute("href"))
            let downloaded = try await browser.executeAsync("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed: ' + e));
                """, args: [link]) as? String
            let exported = try await OfficeScenario.blocking { try office.central.ok(["export", "--format", "csv", "--state", "approved"]) }
            #expect(downloaded == exported)
            #expect(exported.split(whereSeparator: \.isNewline).count == 3, "a header and two records: \(exported)")

            try await browser.go(to: dashboard + "forms")
            try await visit("forms")

            // A page on another site posts a review without the session's CSRF token: refused,
            // and the record's review stays as it was.
            let before = try await office.status().reviews
            let attacker = try PageServer(pages: ["/": PageServer.Page(body: """
                <!doctype html><form id="f" method="post" action="\(dashboard)records/\(office.conflicted)/review">
                <input name="state" value="rejected"><input name="note" value="dari situs lain"></form>
                <script>document.getElementById('f').submit()</script>
                """)])
            try await browser.go(to: attacker.url + "/")
            try await browser.waitUntil(timeout: .seconds(30), "the post answered") { (try await browser.currentURL()).hasPrefix(base) }
            let refusal = try await browser.find(css: "main").text()
            #expect(refusal.contains("ditolak") || refusal.contains("belum masuk"), "\(refusal)")
            #expect(try await office.status().reviews == before)

            // Signed out, an enumerator's token opens no office page.
            try await browser.find(css: "form[action='/office/signout'] button").click()
            _ = try await browser.waitFor(css: "#token", timeout: .seconds(30))
            try await browser.find(css: "#token").type(office.aniToken)
            try await browser.find(css: "form:has(#token) button[type=submit]").click()
            let refused = try await browser.waitFor(css: "#signin-error", timeout: .seconds(30)).text()
            #expect(refused.contains("pencacah"), "\(refused)")
            #expect(try await browser.cookie(named: "sentra_session") == nil)
            for page in ["", "records", "records/\(office.conflicted)", "conflicts", "forms", "export?format=csv"] {
                try await browser.go(to: dashboard + page)
                #expect(try await browser.currentURL().hasPrefix(base + "/?next="), "\(page)")
                #expect(try await browser.findAll(css: "#token").count == 1, "\(page)")
            }
            print("office pages: screenshots in \(pages.folder.path)")
        }
    }

    /// The controls of the page that a screen reader could not name: no label, no `aria-label`.
    static func unlabelledControls(_ browser: Browser) async throws -> [String] {
        try await browser.execute("""
            return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea, button')).filter(e =>
                e.tagName === 'BUTTON' ? !e.textContent.trim() && !e.getAttribute('aria-label')
                    : e.labels.length === 0 && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')
            ).map(e => e.outerHTML.slice(0, 160));
            """) as? [String] ?? ["the check did not run"]
    }

    /// The integer an element shows.
    static func number(_ css: String, _ browser: Browser) async throws -> Int? {
        Int(try await browser.find(css: css).text().trimmingCharacters(in: .whitespaces))
    }

    /// Budi adds a record and syncs while the dashboard is open; returns how long after the sync
    /// the page showed one record more, in words.
    static func liveUpdate(_ office: OfficeScenario, browser: Browser, before: Int) async throws -> String {
        _ = try await browser.execute("""
            window.sentraSeen = null;
            const before = arguments[0];
            new MutationObserver(() => {
                const count = document.getElementById('count-records');
                if (window.sentraSeen === null && count && Number(count.textContent) !== before) window.sentraSeen = Date.now();
            }).observe(document.querySelector('[data-live]').parentNode, {subtree: true, childList: true, characterData: true});
            """, args: [before])
        // Let the page's event stream connect before the push.
        try await browser.waitUntil(timeout: .seconds(30), "the event stream open") {
            (try await browser.execute("return document.querySelector('[data-live]').dataset.stream") as? String) == "open"
        }
        let times = try await OfficeScenario.blocking {
            var generator = CensusGenerator(seed: 99)
            _ = try OfficeScenario.write(1, into: office.budi, using: &generator, names: [0: "Konveksi Baru Langsung"])
            let started = Date().timeIntervalSince1970 * 1000
            try office.budi.sync(office.server.url, token: office.budiToken)
            return (started: started, ended: Date().timeIntervalSince1970 * 1000)
        }
        try await browser.waitUntil(timeout: .seconds(30), "the dashboard updated") {
            (try await browser.execute("return window.sentraSeen") as? Double) != nil
        }
        #expect(try await number("#count-records", browser) == before + 1)
        let seen = try #require(try await browser.execute("return window.sentraSeen") as? Double)
        return String(format: "%.0f ms after `sentra sync` returned (%.0f ms after it started)", seen - times.ended, seen - times.started)
    }
}
