import Foundation
import Testing

/// The field app in a real headless Chromium at 360×740, against a real `sentra serve` and a real
/// `sentra` tablet (``FieldScenario``): a phone enrols from the office's link, works with no
/// network, syncs, meets a conflict and the office's review, saves a bundle file, and survives
/// its tab being closed in the middle of a pull. The screenshots go to `.build/screenshots`, and
/// Docs/field-app.md shows them.
@Suite(.serialized) struct FieldAppBrowserTests {
    static let survey = FieldScenario.survey

    @Test func aPhoneEnrolsWorksOfflineSyncsResolvesAndSavesABundle() async throws {
        let office = try await FieldScenario.start()
        try await Browser.with(width: 360, height: 740) { browser in
            let page = FieldPage(browser: browser, node: office.server.url)
            func check(_ name: String) async throws {
                try await page.photograph(name)
                let bad = try await page.unlabelledControls()
                #expect(bad.isEmpty, "\(name): \(bad)")
                let wide = try await browser.execute("return document.documentElement.scrollWidth <= window.innerWidth") as? Bool
                #expect(wide == true, "\(name) is wider than the phone")
            }

            // Enrol from the link in the office's QR code: the token leaves the address at once.
            try await page.usePhone()
            try await browser.go(to: office.enrolURL)
            #expect(try await browser.execute("return window.innerWidth") as? Int == 360)
            _ = try await browser.waitFor(css: "#enrol-name", timeout: .seconds(30))
            #expect(try await !browser.currentURL().contains("sentra_"), "the token stays out of the address bar")
            #expect(try await page.mainText().contains(Self.survey))
            try await check("enrol")
            try await page.type("Siti", into: "#enrol-name")
            try await page.tap("#enrol-button")
            try await page.waitForText("Isi data baru")
            try await page.waitUntilAllSent()
            // The token is now bound to the browser's own node ID.
            let devices = try await office.office(["devices"])
            #expect(devices.contains("Siti"), "\(devices)")
            try await check("home")
            // The service worker holds the app before the network goes.
            try await browser.waitUntil(timeout: .seconds(30), "the service worker to control the page") {
                try await browser.execute("return !!navigator.serviceWorker.controller") as? Bool == true
            }

            // No signal: three records, one refused by the form's constraint and corrected.
            try await browser.setOffline(true)
            try await browser.waitUntil(timeout: .seconds(10), "the bar to say there is no signal") {
                (try? await page.syncBar().tone.contains("sync-offline")) ?? false
            }
            try await page.enterRecord(name: "Konveksi Mawar Lapangan", owner: "Siti Aminah", desa: "Sindangmulya", male: "3")
            try await page.enterRecord(name: "Konveksi Kenanga Lapangan", owner: "Euis", desa: "Ridogalih", male: "4")
            let refusal = try await page.enterRecord(name: "Konveksi Melati Lapangan", owner: "Dedi", desa: "Sirnajati", male: "900", corrected: "12")
            #expect(refusal?.contains("Jumlah pekerja 0 sampai 500") == true, "\(refusal ?? "no message")")
            try await page.open("#/")
            try await page.waitForText("Belum terkirim")
            #expect(try await browser.find(css: "a.count-unsent .count-n").text() == "3")
            #expect(try await page.syncBar().text.contains("3 belum terkirim"))
            try await check("offline-home")

            // Reload with no network: the app and the three records are there.
            try await browser.refresh()
            try await page.waitForText("Isi data baru")
            try await page.open("#/records")
            for name in ["Mawar", "Kenanga", "Melati"] { try await page.waitForText("Konveksi \(name) Lapangan") }
            #expect(try await browser.findAll(css: ".chip-unsent").count == 3)
            try await check("records-offline")

            // The network returns: the app syncs by itself, and the node holds the values typed.
            try await browser.setOffline(false)
            try await page.waitUntilAllSent()
            var central = try await office.centralRecords()
            let mawar = try #require(central["Konveksi Mawar Lapangan"])
            #expect(mawar.fields["pemilik"] as? String == "Siti Aminah")
            #expect(mawar.fields["desa"] as? String == "Sindangmulya")
            #expect(mawar.fields["pekerja_laki"] as? Int == 3)
            #expect(central["Konveksi Kenanga Lapangan"]?.fields["desa"] as? String == "Ridogalih")
            let melati = try #require(central["Konveksi Melati Lapangan"])
            #expect(melati.fields["pekerja_laki"] as? Int == 12, "the refused 900 was never written")

            // A tablet and the phone change the same field at once.
            try await office.syncTablet()
            try await browser.setOffline(true)
            try await page.open("#/r/\(mawar.id)")
            try await page.waitForText("Riwayat")
            try await check("record")
            try await page.open("#/edit/\(mawar.id)/4")
            try await page.type("5", into: "#q-pekerja_laki", clearing: true)
            try await page.next(to: "Produksi")
            try await office.tablet(["record", "set", mawar.id, "pekerja_laki=7"])
            try await office.syncTablet()
            try await browser.setOffline(false)
            try await page.waitUntilAllSent()
            try await page.open("#/conflicts")
            let card = try await browser.waitFor(css: "article.conflict", timeout: .seconds(30))
            let shown = try await card.text()
            for part in ["5", "7", "Anda", "tablet-budi", "Pakai ini"] { #expect(shown.contains(part), "\(shown)") }
            try await check("conflict")
            // Keep the phone's 5.
            _ = try await browser.execute("""
                const candidate = [...document.querySelectorAll("article.conflict .candidate")]
                  .find((c) => c.querySelector(".candidate-value").textContent.trim() === "5");
                candidate.querySelector("button").click();
                """)
            try await page.waitForText("Tidak ada beda isian")
            try await page.syncNow()
            try await office.syncTablet()
            let onTablet = try JSONSerialization.jsonObject(with: Data(try await office.tablet(["record", "show", mawar.id, "--json"]).utf8)) as? [String: Any] ?? [:]
            #expect((onTablet["fields"] as? [String: Any])?["pekerja_laki"] as? Int == 5, "\(onTablet)")
            #expect((onTablet["conflicts"] as? [Any])?.isEmpty == true, "\(onTablet)")
            // The record's history names both writers.
            try await page.open("#/r/\(mawar.id)/history")
            try await page.waitForText("tablet-budi")
            #expect(try await page.mainText().contains("Anda"))

            // The office marks a record "has issues": the note reaches "Perlu dikunjungi ulang".
            let kenanga = try #require(central["Konveksi Kenanga Lapangan"])
            try await office.office(["review", "set", kenanga.id, "--state", "hasIssues", "--note", "Nama pemilik belum lengkap", "--by", "Dewi"])
            try await page.syncNow()
            try await page.open("#/revisit")
            try await page.waitForText("Nama pemilik belum lengkap")
            #expect(try await page.mainText().contains("Dewi"))
            try await check("revisit")
            try await page.tap(".revisit-item a.button.primary")
            try await page.next(to: "Identitas usaha")
            try await page.type(" Suryani", into: "#q-pemilik")
            try await page.next(to: "Lokasi")
            try await page.syncNow()
            let edited = try await office.office(["review", "list", "--state", "edited", "--json"])
            #expect(edited.contains(kenanga.id), "\(edited)")
            central = try await office.centralRecords()
            #expect(central["Konveksi Kenanga Lapangan"]?.fields["pemilik"] as? String == "Euis Suryani")

            // No network at all: a bundle file carries a new record to `sentra bundle import`.
            try await browser.setOffline(true)
            try await page.enterRecord(name: "Konveksi Dahlia Berkas", owner: "Nur", desa: "Ridomanah", male: "2")
            try await page.open("#/sync")
            try await page.tap("#save-bundle")
            try await page.waitForText(".sentra")
            try await check("sync")
            let bundle = try await Self.downloaded(in: browser.downloadDirectory)
            let imported = try await office.office(["bundle", "import", bundle.path])
            #expect(imported.contains("applied"), "\(imported)")
            central = try await office.centralRecords()
            #expect(central["Konveksi Dahlia Berkas"]?.fields["pemilik"] as? String == "Nur")
            try await page.open("#/records")
            try await page.waitForText("ada di berkas")
            // Online again, the same changes are sent once: nothing is doubled.
            let before = try await office.centralCounts()
            try await browser.setOffline(false)
            try await page.syncNow()
            let after = try await office.centralCounts()
            #expect(after.records == before.records && after.changes == before.changes)

            // A second tab of the app does not open the replica the first one is writing.
            let first = try await browser.currentTab()
            try await browser.openTab()
            try await page.usePhone()
            try await browser.go(to: office.server.url + "/field/")
            try await page.waitForText("sudah terbuka di tab lain")
            try await browser.closeTab()
            try await browser.switchToTab(first)

            // The office revokes the phone's token: the app says so in plain words, and what to do.
            try await office.office(["token", "revoke", "hp-siti"])
            try await page.open("#/sync")
            try await page.tap("#sync-now")
            try await browser.waitUntil(timeout: .seconds(30), "the bar to say the access code was refused") {
                (try? await page.syncBar().text.contains("Kode akses ditolak. Minta QR baru ke kantor.")) ?? false
            }
            #expect(try await page.syncBar().tone.contains("sync-failed"))

            // Every form screen reads in English too.
            try await page.open("#/sync")
            try await page.tap("button[lang=en]")
            try await page.waitForText("Sync now")
            try await page.open("#/edit/\(mawar.id)/1")
            try await page.waitForText("Business name")
        }
    }

    /// The bundle file the page saved, once Chromium has finished writing it.
    static func downloaded(in folder: URL) async throws -> URL {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            if let name = names.first(where: { $0.hasSuffix(".sentra") }) { return folder.appendingPathComponent(name) }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw BrowserError(.timedOut, "no .sentra file appeared in \(folder.path)")
    }
}
