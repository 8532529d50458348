import Foundation
import Testing

/// The field app's tab closed in the middle of a pull, in a real Chromium against a real node:
/// on reopening, the sync carries on from the last page stored, and nothing is lost or doubled.
@Suite(.serialized) struct FieldAppResumeTests {
    @Test func aTabClosedInTheMiddleOfAPullResumesWithNothingLostOrDoubled() async throws {
        let office = try await FieldScenario.start(tabletRecords: 5000)
        let held = try await office.centralCounts()
        #expect(held.records == 5000)
        try await Browser.with(width: 360, height: 740) { browser in
            let page = FieldPage(browser: browser, node: office.server.url)
            let spare = try await browser.currentTab()
            let appTab = try await browser.openTab()
            try await page.usePhone()
            try await browser.go(to: office.enrolURL)
            try await page.type("Siti", into: "#enrol-name")
            // A weak signal: each page of 2,000 changes takes seconds to arrive.
            try await browser.setDownloadThrottle(bytesPerSecond: 40_000)
            try await page.tap("#enrol-button")
            try await browser.waitUntil(timeout: .seconds(120), "the first page of the pull to be stored") {
                let text = (try? await page.syncBar().text) ?? ""
                guard let moved = Int(text.filter(\.isNumber)) else { return false }
                return text.contains("Menyinkronkan") && moved >= 2000
            }
            try await browser.closeTab()
            try await browser.switchToTab(spare)
            #expect(try await browser.currentTab() != appTab)

            // What the closed tab left in IndexedDB: whole pages, and the cursor after the last.
            try await browser.go(to: office.server.url + "/field/manifest.webmanifest")
            let cut = try await page.stored()
            #expect(cut.changes >= 2000 && cut.changes < 5000, "the pull was cut off part-way: \(cut)")
            #expect(cut.changes % 2000 == 0, "only whole pages are stored: \(cut)")
            #expect(cut.pullCursor > 0)
            #expect(cut.dots == cut.changes)

            // Reopened, the app syncs by itself from where it stopped.
            try await page.usePhone()
            try await browser.go(to: office.server.url + "/field/")
            try await page.waitUntilAllSent(timeout: .seconds(120))
            let after = try await page.stored()
            #expect(after.changes == held.changes, "every change once: \(after) against the node's \(held)")
            #expect(after.dots == after.changes)
            #expect(after.records == held.records)
            try await page.open("#/records")
            try await page.waitForText("5000 data")
        }
    }
}
