import Foundation
import HTTPTypes
import Hummingbird
import SentraCore
import SentraQR
import SentraServer
import SentraStore

/// The devices page: the survey's devices, and adding an enumerator's device, whose token,
/// enrolment link and QR code are shown once.
extension OfficeHandlers {
    /// `GET /office/s/{survey}/devices`
    func devices(_ page: PageContext, request: Request) async throws -> Response {
        try await devicesPage(page, request: request, name: "", failure: nil)
    }

    /// `POST /office/s/{survey}/devices` with `name`: issues an enumerator token for the survey, with
    /// the checks and errors of `POST /v1/tokens`, and shows it once with its QR code. Only an
    /// admin not scoped to a survey may, as for the API.
    func addDevice(_ page: PageContext, form: FormBody, request: Request) async throws -> Response {
        let t = page.language
        guard OfficeHandlers.mayIssueTokens(page.visitor) else {
            throw ServerError(status: 403, code: .forbidden, message: OfficeHandlers.adminOnly(t))
        }
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        // The API's own check (AccessToken.record), asked first only to say it in the page's language.
        guard FormDefinition.isValidName(name) else {
            let message = name.isEmpty
                ? t("Tulis nama perangkat, misalnya hp-ani.", "Write the device's name, such as hp-ani.")
                : t("Nama \"\(name)\" tidak bisa dipakai: pakai 1–64 huruf, angka, _ atau -, tanpa spasi, misalnya hp-ani.",
                    "The name \"\(name)\" cannot be used: use 1 to 64 letters, digits, _ or -, no spaces, such as hp-ani.")
            return try await devicesPage(page, request: request, name: name, failure: (.unprocessableContent, message))
        }
        // The link and its code are made before the token is stored: a failure here creates nothing.
        let node = try nodeAddress(request, language: t)
        let token = AccessToken.generate()
        let link = EnrolmentLink(node: node, token: token, survey: page.survey)
        let code = try QRCode(text: link.url)
        let issued: IssuedToken
        do {
            issued = try await storage.issueToken(name: name, role: .enumerator, survey: page.survey, token: token)
        } catch let error as ServerError where error.code == .tokenExists {
            let message = t("Sudah ada perangkat atau kode akses bernama \(name). Pilih nama lain, misalnya \(name)-2.",
                            "A device or access code named \(name) exists already. Choose another name, such as \(name)-2.")
            return try await devicesPage(page, request: request, name: name, failure: (.conflict, message))
        }
        site.logger.info("device token issued", metadata: ["office.survey": "\(page.survey)", "token.name": "\(issued.name)",
                                                          "office.by": "\(page.author)"])
        return OfficeHandlers.html(page.layout(t("Perangkat baru: \(name)", "New device: \(name)"), section: .devices)
            .render(enrolment(issued, link: link, code: code, page: page)), status: .created)
    }

    /// Whether the visitor may issue tokens: `POST /v1/tokens` needs an admin scoped to no survey.
    static func mayIssueTokens(_ visitor: OfficeVisitor) -> Bool {
        visitor.role >= .admin && visitor.survey == nil
    }

    static func adminOnly(_ t: Language) -> String {
        t("Hanya admin yang bisa menambah perangkat, sama seperti `sentra token create`. Minta admin kantor menambahkannya, atau masuk dengan akun admin.",
          "Only an admin may add devices, as with `sentra token create`. Ask the office's admin to add it, or sign in with an admin account.")
    }

    /// The node's address as phones reach it: the configured public URL, else the scheme and the
    /// `Host` the clerk's browser used.
    func nodeAddress(_ request: Request, language t: Language) throws -> String {
        let text = site.settings.publicURL ?? "\(gate.secure ? "https" : "http")://\(request.head.authority ?? "")"
        do {
            return try EnrolmentLink.nodeURL(text)
        } catch let error as QRError {
            throw ServerError(status: 400, code: .invalidInput, message: t(
                "Alamat node tidak bisa dipakai untuk tautan pendaftaran: \(error.message).",
                "The node's address cannot go into an enrolment link: \(error.message)."))
        }
    }

    /// Whether phones cannot reach `address`: it names this computer only.
    static func isLoopback(_ address: String) -> Bool {
        guard let host = URLComponents(string: address)?.host?.lowercased() else { return false }
        return host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
    }

    private func devicesPage(_ page: PageContext, request: Request, name: String,
                             failure: (status: HTTPResponse.Status, message: String)?) async throws -> Response {
        let t = page.language
        let state = try await storage.state(survey: page.survey)
        let registry = try await storage.devices().filter { $0.survey == nil || $0.survey == page.survey }
        var content: HTML = """
            <p>\(t("HP dan tablet yang sinkron dengan node ini untuk survei \(page.survey).", "The phones and tablets that sync with this node for survey \(page.survey)."))</p>
            \(devicesTable(registry, held: state.versionVector, survey: page.survey, language: t))
            <h2 id="add">\(t("Tambah perangkat", "Add a device"))</h2>
            """
        guard OfficeHandlers.mayIssueTokens(page.visitor) else {
            content = content + "<p class=\"notice\">\(OfficeHandlers.adminOnly(t))</p>"
            return OfficeHandlers.html(page.layout(t("Perangkat", "Devices"), section: .devices).render(content))
        }
        let waiting = try await storage.tokens().filter {
            $0.isActive && $0.node == nil && $0.role == Role.enumerator.rawValue && $0.survey == page.survey
        }
        if !waiting.isEmpty {
            let names = waiting.map { "<li>\($0.name) · \(t("dibuat", "made")) \(t.time($0.createdAt))</li>" as HTML }
            content = content + """
                <p>\(t("Belum pernah sinkron (menunggu HP-nya mendaftar):", "Not synced yet (waiting for the phone to enrol):"))</p>
                <ul id="waiting">\(names)</ul>
                """
        }
        let address = try? nodeAddress(request, language: t)
        if let address, OfficeHandlers.isLoopback(address) {
            content = content + loopbackWarning(address, language: t)
        }
        let error: HTML = failure.map { "<p class=\"error\" role=\"alert\" id=\"device-name-error\">\($0.message)</p>" } ?? .empty
        let invalid: HTML = failure == nil ? .empty : " aria-invalid=\"true\" aria-describedby=\"device-name-hint device-name-error\""
        content = content + """
            <p>\(t("Perangkat baru mendapat kode akses pencacah untuk survei ini dan kode QR untuk dipindai dengan kamera HP.",
                   "A new device gets an enumerator's access code for this survey and a QR code to scan with the phone's camera."))</p>
            \(error)
            <form method="post" action="\(OfficePaths.devices(page.survey))">\(page.csrfField)
            <div class="field"><label for="device-name">\(t("Nama perangkat", "Device name"))</label>
            <input type="text" id="device-name" name="name" value="\(name)" autocomplete="off" spellcheck="false" required\(invalid)>
            <p class="muted" id="device-name-hint">\(t("1–64 huruf, angka, _ atau -, misalnya hp-ani. Nama ini muncul di Ringkasan.",
                                                       "1 to 64 letters, digits, _ or -, such as hp-ani. The dashboard shows this name."))</p></div>
            <button type="submit">\(t("Buat kode QR", "Make the QR code"))</button>
            </form>
            """
        return OfficeHandlers.html(page.layout(t("Perangkat", "Devices"), section: .devices).render(content), status: failure?.status ?? .ok)
    }

    /// What the office sees once after adding a device: the QR code, how to use it, the link and
    /// the token, and that none of it can be shown again.
    private func enrolment(_ issued: IssuedToken, link: EnrolmentLink, code: QRCode, page: PageContext) -> HTML {
        let t = page.language
        let label = t("Kode QR pendaftaran untuk \(issued.name)", "Enrolment QR code for \(issued.name)")
        // Made by SentraQR from numbers, with the label escaped there.
        let svg = HTML(trusted: code.svgElement(width: "288", height: "288", label: label))
        let warning: HTML = OfficeHandlers.isLoopback(link.node) ? loopbackWarning(link.node, language: t) : .empty
        return """
            <p class="notice" role="status">✓ \(t("Kode akses pencacah \(issued.name) untuk survei \(page.survey) sudah dibuat.",
                                                   "The enumerator's access code \(issued.name) for survey \(page.survey) is made."))</p>
            <p class="error"><strong>\(t("Hanya ditampilkan sekali.", "Shown only once."))</strong> \
            \(t("Sentra hanya menyimpan sidik kodenya, jadi kode QR ini tidak bisa dibuka lagi. Daftarkan HP sekarang; kalau halaman ini tertutup, tambahkan perangkat lagi dengan nama lain.",
                "Sentra keeps only a fingerprint of the code, so this QR code cannot be shown again. Enrol the phone now; if this page is closed, add the device again under another name."))</p>
            \(warning)
            <div class="qr">\(svg)</div>
            <h2>\(t("Cara mendaftarkan HP", "How to enrol the phone"))</h2>
            <ol class="steps">
            <li>\(t("Buka kamera HP, arahkan ke kode QR.", "Open the phone's camera and point it at the QR code."))</li>
            <li>\(t("Ketuk tautan yang muncul. Sentra terbuka di peramban HP.", "Tap the link that appears. Sentra opens in the phone's browser."))</li>
            <li>\(t("HP terdaftar sebagai \(issued.name) dan sinkron pertama dimulai. HP perlu menjangkau \(link.node), misalnya lewat Wi-Fi kantor.",
                    "The phone is enrolled as \(issued.name) and its first sync starts. The phone must reach \(link.node), on the office Wi-Fi for example."))</li>
            </ol>
            <div class="field"><label for="enrol-link">\(t("Tautan pendaftaran (kalau kamera tidak bisa membaca kode)", "Enrolment link (if the camera cannot read the code)"))</label>
            <input type="text" id="enrol-link" readonly value="\(link.url)"></div>
            <div class="field"><label for="enrol-token">\(t("Kode akses (untuk laptop atau tablet dengan sentra sync --token)", "Access code (for a laptop or tablet with sentra sync --token)"))</label>
            <input type="text" id="enrol-token" readonly value="\(issued.token)"></div>
            <p><a href="\(OfficePaths.devices(page.survey))#add">\(t("Tambah perangkat lain", "Add another device"))</a></p>
            """
    }

    private func loopbackWarning(_ address: String, language t: Language) -> HTML {
        """
        <p class="error" id="loopback">\(t("Alamat \(address) hanya terbuka di komputer ini; HP tidak bisa menjangkaunya. Buka halaman ini lewat alamat jaringan node (misalnya http://192.168.1.10:8080), atau jalankan sentra serve dengan --public-url.",
                                          "The address \(address) opens on this computer only; a phone cannot reach it. Open this page at the node's network address (such as http://192.168.1.10:8080), or run sentra serve with --public-url."))</p>
        """
    }
}
