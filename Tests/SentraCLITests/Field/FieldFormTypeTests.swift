import Foundation
import Testing

/// Every field type of a form in the field app, in a real Chromium against a real node: typed
/// numbers with the Indonesian decimal comma, a refused constraint, yes/no, a date, choices with a
/// filter, several choices, a location from the browser with its accuracy, a calculation, and a
/// section that appears when an answer makes it relevant. The node then holds each value as typed.
@Suite(.serialized) struct FieldFormTypeTests {
    static let form = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/every-type-form.json").path

    @Test func everyFieldTypeIsAnsweredCheckedAndSynced() async throws {
        let office = try await FieldScenario.start()
        try await office.office(["form", "publish", Self.form])
        try await Browser.with(width: 360, height: 740) { browser in
            let page = FieldPage(browser: browser, node: office.server.url)
            try await page.usePhone()
            try await browser.cdp("Browser.grantPermissions", ["origin": office.server.url, "permissions": ["geolocation"]])
            try await browser.cdp("Emulation.setGeolocationOverride", ["latitude": -6.42, "longitude": 107.1, "accuracy": 12])
            try await browser.go(to: office.enrolURL)
            try await page.type("Siti", into: "#enrol-name")
            try await page.tap("#enrol-button")
            try await page.waitUntilAllSent()
            try await page.tap("a[href='#/new/tipe']")
            try await page.next(to: "Dasar")
            #expect(try await page.mainText().contains("Nama lengkap"), "the hint shows")

            try await page.type("Ani Rahma", into: "#q-nama")
            try await page.type("12", into: "#q-umur")
            try await page.type("1,5", into: "#q-tinggi")
            try await page.tap("#q-aktif-true")
            try await page.type("12032026", into: "#q-tanggal")
            try await page.tap("#q-sektor-pangan")
            try await page.tap("#q-kota-bekasi")
            // The filter keeps Bekasi's hamlets only.
            _ = try await browser.waitFor(css: "#q-kampung-cikadu", timeout: .seconds(10))
            #expect(try await browser.execute("return document.querySelector('#q-kampung-ciawi') === null") as? Bool == true)
            try await page.tap("#q-kampung-cikadu")
            try await page.tap("#q-produk-kaos")
            try await browser.waitUntil(timeout: .seconds(10), "kaos to be saved") { (try? await browser.find(css: "#q-produk-kaos").isSelected()) ?? false }
            try await page.tap("#q-produk-celana")
            try await browser.waitUntil(timeout: .seconds(10), "celana to be saved") { (try? await browser.find(css: "#q-produk-celana").isSelected()) ?? false }
            try await page.tap("#q-lokasi-block button")
            let panel = try await browser.waitFor(css: ".location-panel button.primary", timeout: .seconds(30))
            #expect(try await browser.find(css: ".location-panel").text().contains("±12 m"))
            _ = try await browser.execute("arguments[0].scrollIntoView({block: 'center'})", args: [panel])
            try await panel.click()
            try await browser.waitUntil(timeout: .seconds(10), "the location to be saved") {
                (try? await browser.find(css: "#q-lokasi").text().contains("-6")) ?? false
            }
            // The age of 12 breaks the form's constraint: Next lists it, with the form's words.
            try await page.tap(".button-bar button[type=submit]")
            let summary = try await browser.waitFor(css: ".error-summary", timeout: .seconds(30))
            #expect(try await summary.text().contains("Minimal 15 tahun"))
            try await page.type("20", into: "#q-umur", clearing: true)
            try await page.tap("#q-nama")
            try await browser.waitUntil(timeout: .seconds(10), "the calculation to follow the age") {
                (try? await browser.find(css: "#q-dua_kali").text()) == "40"
            }
            try await page.photograph("form-types")
            #expect(try await page.unlabelledControls().isEmpty)
            // Sektor = pangan makes the Pangan section relevant.
            try await page.next(to: "Pangan")
            try await page.type("Keripik", into: "#q-catatan_pangan")
            try await page.tap(".button-bar button[type=submit]")
            try await page.waitForText("Tandai selesai")
            try await page.syncNow()

            let central = try await office.centralRecords()
            let fields = try #require(central["Ani Rahma"]?.fields)
            #expect(fields["umur"] as? Int == 20)
            #expect(fields["tinggi"] as? Double == 1.5)
            #expect(fields["aktif"] as? Bool == true)
            #expect(fields["tanggal"] as? String == "2026-12-03")
            #expect(fields["sektor"] as? String == "pangan")
            #expect(fields["kampung"] as? String == "cikadu")
            #expect(fields["produk"] as? [String] == ["kaos", "celana"])
            let point = fields["lokasi"] as? [String: Any]
            #expect(point?["lat"] as? Double == -6.42 && point?["lon"] as? Double == 107.1, "\(String(describing: point))")
            #expect(fields["dua_kali"] as? Int == 40)
            #expect(fields["catatan_pangan"] as? String == "Keripik")

            // A smaller phone, 320×640: every control still takes a thumb, and nothing is wider than the screen.
            try await page.usePhone(width: 320, height: 640)
            for route in ["#/", "#/records", "#/edit/\(central["Ani Rahma"]!.id)/1", "#/r/\(central["Ani Rahma"]!.id)", "#/sync"] {
                try await page.open(route)
                try await page.settle()
                let small = try await page.smallTargets()
                #expect(small.isEmpty, "\(route) at 320×640: \(small)")
            }

            // The same screen in English.
            try await page.open("#/sync")
            try await page.tap("button[lang=en]")
            try await page.open("#/edit/\(central["Ani Rahma"]!.id)/1")
            try await page.waitForText("Full name")
            #expect(try await page.mainText().contains("Still active"))
        }
    }
}
