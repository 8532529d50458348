import Foundation
import Testing

/// The field app as a person uses it, in a real Chromium at a phone's size: taps, typed answers,
/// the sync bar, and what the app keeps in IndexedDB.
struct FieldPage {
    let browser: Browser
    /// The node's base URL, such as `http://127.0.0.1:49152`.
    let node: String

    /// Makes the page a phone's: a 360×740 screen, mobile layout and touch. (Headless Chromium's
    /// window cannot be narrower than 500 px; the emulated screen can.)
    func usePhone(width: Int = 360, height: Int = 740) async throws {
        try await browser.cdp("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": true])
        try await browser.cdp("Emulation.setTouchEmulationEnabled", ["enabled": true, "maxTouchPoints": 5])
    }

    /// Scrolls the element to the middle of the screen, as a thumb would, and taps it, once the
    /// app has finished saving the last answer (a save redraws the screen).
    func tap(_ css: String) async throws {
        try await onFreshElement(css) { element in
            _ = try await browser.execute("arguments[0].scrollIntoView({block: 'center'})", args: [element])
            try await element.click()
        }
    }

    /// Taps a field and types into it; the answer is saved when the focus leaves it.
    func type(_ text: String, into css: String, clearing: Bool = false) async throws {
        try await tap(css)
        if clearing { try await onFreshElement(css) { try await $0.clear() } }
        try await onFreshElement(css) { try await $0.type(text) }
    }

    /// Runs `action` on the element `css` names once the app is idle, finding it again if a
    /// redraw replaced it first (WebDriver acts faster than a thumb).
    private func onFreshElement(_ css: String, _ action: (Element) async throws -> Void) async throws {
        for attempt in 1...3 {
            try await settle()
            do {
                try await action(try await browser.find(css: css))
                return
            } catch let error as WebDriverError where error.code == .staleElementReference && attempt < 3 {
                continue
            }
        }
    }

    /// Waits while the app saves an answer and redraws (`<html data-saving>`).
    func settle() async throws {
        try await browser.waitUntil(timeout: .seconds(30), "the app to finish saving") {
            try await browser.execute("return document.documentElement.dataset.saving === undefined") as? Bool == true
        }
    }

    /// The text of `main`.
    func mainText() async throws -> String {
        try await browser.find(css: "#main").text()
    }

    /// Waits until `main` shows `text`.
    func waitForText(_ text: String, timeout: Duration = .seconds(30)) async throws {
        try await browser.waitUntil(timeout: timeout, "the page to show \"\(text)\"") {
            (try? await mainText().contains(text)) ?? false
        }
    }

    /// The screen's title, such as "Lokasi (3/8)".
    func screenTitle() async throws -> String {
        try await browser.find(css: ".screen-title").text()
    }

    /// Presses Next and waits for the screen titled `next`.
    func next(to title: String) async throws {
        try await tap(".button-bar button[type=submit]")
        try await browser.waitUntil(timeout: .seconds(30), "the screen \"\(title)\"") {
            (try? await screenTitle().hasPrefix(title)) ?? false
        }
    }

    /// Goes to a route of the app (`#/records`) as its links do.
    func open(_ route: String) async throws {
        _ = try await browser.execute("location.hash = arguments[0]", args: [route])
        try await Task.sleep(for: .milliseconds(200))
    }

    /// The sync bar's class (`sync-done`, `sync-offline`, …) and text.
    func syncBar() async throws -> (tone: String, text: String) {
        let bar = try await browser.find(css: "#sync-bar")
        return (try await bar.attribute("class") ?? "", try await bar.text())
    }

    /// Waits until the bar says everything is sent.
    func waitUntilAllSent(timeout: Duration = .seconds(60)) async throws {
        try await browser.waitUntil(timeout: timeout, "the sync bar to say everything is sent") {
            (try? await syncBar().tone.contains("sync-done")) ?? false
        }
    }

    /// Presses "Sinkronkan sekarang" on the sync page and waits until everything is sent.
    func syncNow() async throws {
        try await open("#/sync")
        try await tap("#sync-now")
        try await waitUntilAllSent()
    }

    /// Fills in a new census record through its screens: the business and owner, the desa, and
    /// the male workers. Returns the message the form showed when `male` was refused, else nil;
    /// a refused value is then corrected to `corrected`.
    @discardableResult
    func enterRecord(name: String, owner: String, desa: String, male: String, corrected: String? = nil) async throws -> String? {
        try await open("#/")
        try await tap("a.button.primary.big")
        try await next(to: "Identitas usaha")
        try await type(name, into: "#q-nama_usaha")
        try await type(owner, into: "#q-pemilik")
        try await next(to: "Lokasi")
        try await tap("#q-desa-\(desa)")
        try await browser.waitUntil(timeout: .seconds(10), "the desa to be saved") {
            (try? await browser.find(css: "#q-desa-\(desa)").isSelected()) ?? false
        }
        try await next(to: "Kegiatan usaha")
        try await next(to: "Tenaga kerja")
        try await type(male, into: "#q-pekerja_laki")
        guard let corrected else {
            try await next(to: "Produksi")
            return nil
        }
        try await tap(".button-bar button[type=submit]")
        let summary = try await browser.waitFor(css: ".error-summary", timeout: .seconds(30))
        let message = try await summary.text()
        #expect(try await browser.find(css: "#q-pekerja_laki").attribute("aria-invalid") == "true")
        #expect(try await browser.activeElement().attribute("class") == "error-summary", "the summary takes the focus")
        try await type(corrected, into: "#q-pekerja_laki", clearing: true)
        try await next(to: "Produksi")
        return message
    }

    /// What the app holds in IndexedDB, read from any page of the node's origin: the log's
    /// length, its distinct dots, the records, and the saved pull cursor.
    func stored() async throws -> (changes: Int, dots: Int, records: Int, pullCursor: Int) {
        let result = try await browser.executeAsync("""
            const done = arguments[arguments.length - 1];
            const open = indexedDB.open("sentra-field");
            open.onerror = () => done({error: String(open.error)});
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains("log")) { db.close(); done({changes: 0, dots: 0, records: 0, pullCursor: 0}); return; }
              const tx = db.transaction(["log", "meta"]);
              const rows = tx.objectStore("log").getAll();
              const cursor = tx.objectStore("meta").get("cursor");
              tx.oncomplete = () => {
                const dots = new Set(rows.result.map((r) => r.dot));
                const records = new Set(rows.result.map((r) => r.change.record));
                db.close();
                done({changes: rows.result.length, dots: dots.size, records: records.size,
                      pullCursor: cursor.result?.cursor?.pullCursor ?? 0});
              };
            };
            """) as? [String: Any] ?? [:]
        if let error = result["error"] { throw BrowserError(.badResponse, "IndexedDB: \(error)") }
        return (result["changes"] as? Int ?? -1, result["dots"] as? Int ?? -1, result["records"] as? Int ?? -1, result["pullCursor"] as? Int ?? -1)
    }

    /// Saves a screenshot as `field-NAME-360x740.png` and prints its path.
    func photograph(_ name: String) async throws {
        let file = try await browser.screenshot(named: "field-\(name)-360x740")
        print("field app: \(file.path)")
    }

    /// Buttons, links and inputs smaller than a thumb (48×48 px), and whether the page is wider
    /// than the screen: UX.md's checklist.
    func smallTargets() async throws -> [String] {
        try await browser.execute("""
            const small = [];
            for (const el of document.querySelectorAll("button, a[href], input, select, textarea, summary")) {
              const box = el.getBoundingClientRect();
              if (box.width === 0 || el.closest("[hidden]")) continue;
              const target = el.type === "checkbox" || el.type === "radio" ? el.closest(".choice") ?? el : el;
              const r = target.getBoundingClientRect();
              if (r.height < 47.5 || r.width < 47.5) small.push(`${el.tagName.toLowerCase()} ${el.id || el.textContent.trim().slice(0, 30)} ${Math.round(r.width)}×${Math.round(r.height)}`);
            }
            if (document.documentElement.scrollWidth > window.innerWidth) small.push(`the page is ${document.documentElement.scrollWidth} px wide`);
            return small;
            """) as? [String] ?? ["the check did not run"]
    }

    /// Controls without a label, buttons and links without a name, and `type=number` inputs.
    func unlabelledControls() async throws -> [String] {
        try await browser.execute("""
            const bad = [];
            for (const el of document.querySelectorAll("input, select, textarea")) {
              if (el.type === "hidden") continue;
              if (el.type === "number") bad.push("type=number " + el.id);
              const label = el.id && document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
              if (!(label && label.textContent.trim()) && !el.getAttribute("aria-label")) bad.push(el.outerHTML.slice(0, 80));
            }
            for (const el of document.querySelectorAll("button, a[href]")) {
              if (!el.textContent.trim() && !el.getAttribute("aria-label")) bad.push(el.outerHTML.slice(0, 80));
            }
            return bad;
            """) as? [String] ?? ["the check did not run"]
    }
}
