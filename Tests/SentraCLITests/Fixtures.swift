import Foundation

/// Shared inputs for CLI tests.
enum Fixtures {
    /// A small census form: a required name, typed counts, a choice of village, products.
    static let form = """
        {"name": "usaha", "title": "IKM konveksi", "fields": [
          {"name": "nama_usaha", "type": "text", "required": true},
          {"name": "telepon", "type": "text"},
          {"name": "pekerja", "type": "integer"},
          {"name": "desa", "type": "choice", "choices": ["Cibarusah Kota", "Sindangmulya", "Ridogalih"]},
          {"name": "produk", "type": "multichoice", "choices": ["kaos", "kemeja", "jaket"]},
          {"name": "lokasi", "type": "geopoint"},
          {"name": "catatan", "type": "text", "policy": "lww"}
        ]}
        """

    /// A replica with the form and two records, `usaha-1` and `usaha-2`.
    static func seededReplica(in workspace: Workspace, name: String = "ani") throws -> SentraProcess {
        let sentra = try workspace.replica(name)
        try sentra.ok(["form", "import", workspace.write("form.json", form)])
        try sentra.ok(["record", "add", "--form", "usaha", "--id", "usaha-1", "nama_usaha=Konveksi Maju", "pekerja=4", "desa=Sindangmulya"])
        try sentra.ok(["record", "add", "--form", "usaha", "--id", "usaha-2", "nama_usaha=Sri Rejeki", "telepon=0812555"])
        return sentra
    }

    /// Everything a user can see of a replica, to compare before and after a refused command.
    static func snapshot(_ sentra: SentraProcess) throws -> String {
        try sentra.ok(["status", "--json"]) + sentra.ok(["log", "--json"]) + sentra.ok(["export", "--format", "json"])
            + sentra.ok(["conflicts", "--json"])
    }
}
