public import SentraCore

extension CensusForm {
    /// The census form's languages; Indonesian is the default.
    public static let indonesian = "Indonesian (id)"
    public static let english = "English (en)"

    /// A text in Indonesian and English.
    static func text(_ indonesian: String, _ english: String) -> LocalizedText {
        LocalizedText([Self.indonesian: indonesian, Self.english: english])
    }

    /// A choice labelled in Indonesian and English; a proper name is labelled by itself in both.
    static func choice(_ name: String, _ indonesian: String? = nil, _ english: String? = nil, columns: [String: String] = [:]) -> Choice {
        Choice(name, label: text(indonesian ?? name, english ?? indonesian ?? name), columns: columns)
    }

    public static let legalFormChoices = [
        choice("perorangan", "Perorangan", "Sole proprietor"), choice("CV", "CV", "Limited partnership (CV)"),
        choice("PT", "PT", "Limited company (PT)"), choice("koperasi", "Koperasi", "Cooperative"),
        choice("UD", "UD", "Trading business (UD)"),
    ]
    /// The sectors: the census is of garment makers, but some also make food or crafts.
    public static let sectorChoices = [
        choice("sandang", "Sandang/konveksi", "Clothing/garments"), choice("pangan", "Pangan (makanan dan minuman)", "Food and beverages"),
        choice("kerajinan", "Kerajinan", "Handicrafts"), choice("lainnya", "Lainnya", "Other"),
    ]
    public static let desaChoices = desa.map { choice($0) }
    /// The hamlets (dusun, kampung) of each village; the `desa` column is what the `dusun`
    /// field's `choice_filter` compares with the record's `desa`.
    public static let dusunChoices = [
        ("kp-pasar", "Kp. Pasar", "Cibarusah Kota"), ("kp-kaum", "Kp. Kaum", "Cibarusah Kota"), ("kp-babakan", "Kp. Babakan", "Cibarusah Kota"),
        ("kp-pangkalan", "Kp. Pangkalan", "Cibarusah Jaya"), ("kp-cijambu", "Kp. Cijambu", "Cibarusah Jaya"),
        ("kp-cikadu", "Kp. Cikadu", "Sindangmulya"), ("kp-sindangsari", "Kp. Sindangsari", "Sindangmulya"), ("kp-cipicung", "Kp. Cipicung", "Sindangmulya"),
        ("kp-ridogalih", "Kp. Ridogalih", "Ridogalih"), ("kp-cibeureum", "Kp. Cibeureum", "Ridogalih"),
        ("kp-ridomanah", "Kp. Ridomanah", "Ridomanah"), ("kp-pasir-gombong", "Kp. Pasir Gombong", "Ridomanah"), ("kp-cipendeuy", "Kp. Cipendeuy", "Ridomanah"),
        ("kp-sirnajati", "Kp. Sirnajati", "Sirnajati"), ("kp-pasir-randu", "Kp. Pasir Randu", "Sirnajati"),
        ("kp-wibawa", "Kp. Wibawa", "Wibawamulya"), ("kp-cikarang-hilir", "Kp. Cikarang Hilir", "Wibawamulya"),
    ].map { choice($0.0, $0.1, columns: ["desa": $0.2]) }
    public static let productChoices = [
        choice("kaos", "Kaos", "T-shirts"), choice("kemeja", "Kemeja", "Shirts"), choice("seragam sekolah", "Seragam sekolah", "School uniforms"),
        choice("celana", "Celana", "Trousers"), choice("jaket", "Jaket", "Jackets"), choice("hijab/busana muslim", "Hijab/busana muslim", "Hijab/Muslim wear"),
        choice("gamis", "Gamis", "Gamis (long dresses)"), choice("pakaian anak", "Pakaian anak", "Children's clothing"),
        choice("mukena", "Mukena", "Prayer robes (mukena)"),
    ]
    public static let materialSourceChoices = [
        choice("Tanah Abang", "Pasar Tanah Abang", "Tanah Abang market"), choice("Cigondewah Bandung", "Cigondewah, Bandung"),
        choice("pemasok lokal", "Pemasok lokal", "Local supplier"), choice("pesan online", "Pesan online", "Ordered online"),
        choice("dari pemesan", "Dari pemesan", "Supplied by the customer"),
    ]
    public static let marketChoices = [
        choice("Tanah Abang", "Pasar Tanah Abang", "Tanah Abang market"), choice("Tasikmalaya"), choice("pasar lokal", "Pasar lokal", "Local market"),
        choice("online", "Online"), choice("pesanan sekolah/instansi", "Pesanan sekolah/instansi", "Orders from schools or agencies"),
    ]
    public static let revenueBandChoices = [
        choice("< 5 juta", "Kurang dari Rp5 juta", "Under Rp5 million"), choice("5-15 juta", "Rp5-15 juta", "Rp5-15 million"),
        choice("15-50 juta", "Rp15-50 juta", "Rp15-50 million"), choice("50-100 juta", "Rp50-100 juta", "Rp50-100 million"),
        choice("> 100 juta", "Lebih dari Rp100 juta", "Over Rp100 million"),
    ]
    public static let permitChoices = [
        choice("NIB", "NIB", "Business ID (NIB)"), choice("halal", "Sertifikat halal", "Halal certificate"),
        choice("PIRT", "PIRT", "Home food licence (PIRT)"), choice("SNI", "SNI", "National standard (SNI)"),
    ]
    public static let halalChoices = [
        choice("ya", "Ya, sudah bersertifikat", "Yes, certified"), choice("tidak", "Tidak", "No"), choice("dalam_proses", "Dalam proses", "In progress"),
    ]
    public static let assistanceChoices = [
        choice("modal", "Modal", "Capital"), choice("peralatan", "Peralatan", "Equipment"), choice("pelatihan", "Pelatihan", "Training"),
        choice("pemasaran", "Pemasaran", "Marketing"), choice("perizinan", "Perizinan", "Permits"),
    ]
}
