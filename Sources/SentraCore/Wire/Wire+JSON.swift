extension NodeInfo {
    func write(to writer: inout CanonicalJSONWriter) {
        writer.append(raw: #"{"id":"#.utf8)
        writer.write(id.rawValue)
        writer.append(raw: #","name":"#.utf8)
        writer.write(name)
        writer.append(raw: "}".utf8)
    }

    init(json: FieldValue) throws(CoreError) {
        let members = try JSONMembers(json, document: "a node")
        guard let id = NodeID(rawValue: try members.string("id")) else { throw members.missing("id") }
        self.init(id: id, name: try members.string("name"))
    }
}

extension CanonicalJSONWriter {
    /// Writes `[a,b,…]`, each item written by `item`.
    mutating func writeArray<Item>(_ items: [Item], item: (inout CanonicalJSONWriter, Item) -> Void) {
        append(raw: "[".utf8)
        for (index, element) in items.enumerated() {
            if index > 0 { append(raw: ",".utf8) }
            item(&self, element)
        }
        append(raw: "]".utf8)
    }
}

extension PushRequest: JSONWritable, JSONReadable {
    public func write(to writer: inout CanonicalJSONWriter) {
        writer.append(raw: #"{"changes":"#.utf8)
        writer.writeArray(changes) { writer, change in change.write(to: &writer) }
        writer.append(raw: #","nodes":"#.utf8)
        writer.writeArray(nodes) { writer, node in node.write(to: &writer) }
        writer.append(raw: #","protocol":"#.utf8)
        writer.write(self.protocol)
        writer.append(raw: #","sender":"#.utf8)
        sender.write(to: &writer)
        writer.append(raw: #","versionVector":"#.utf8)
        versionVector.write(to: &writer)
        writer.append(raw: "}".utf8)
    }

    public init(json: FieldValue) throws {
        let members = try JSONMembers(json, document: "a push")
        self.init(sender: try NodeInfo(json: members.members["sender"] ?? .null), versionVector: try members.versionVector("versionVector"),
                  nodes: try members.array("nodes").map { node throws(CoreError) in try NodeInfo(json: node) },
                  changes: try Change.list(json: members.array("changes")))
        self.protocol = Int(try members.integer("protocol"))
    }
}

extension PullResponse: JSONWritable, JSONReadable {
    public func write(to writer: inout CanonicalJSONWriter) {
        Self.write(to: &writer, changes: changes.map { change in { writer in change.write(to: &writer) } },
                   logId: logId, next: next, more: more, nodes: nodes, protocol: self.protocol)
    }

    /// Writes a pull response whose changes are already JSON, such as a node's log holds them:
    /// `changes` are canonical JSON texts of changes, in order.
    public static func write(to writer: inout CanonicalJSONWriter, changes: [String], logId: String, next: Int64, more: Bool, nodes: [NodeInfo]) {
        write(to: &writer, changes: changes.map { text in { writer in writer.append(raw: text.utf8) } },
              logId: logId, next: next, more: more, nodes: nodes, protocol: SyncProtocol.version)
    }

    private static func write(to writer: inout CanonicalJSONWriter, changes: [(inout CanonicalJSONWriter) -> Void], logId: String,
                              next: Int64, more: Bool, nodes: [NodeInfo], protocol version: Int) {
        writer.append(raw: #"{"changes":"#.utf8)
        writer.writeArray(changes) { writer, change in change(&writer) }
        writer.append(raw: #","logId":"#.utf8)
        writer.write(logId)
        writer.append(raw: (more ? #","more":true"# : #","more":false"#).utf8)
        writer.append(raw: #","next":"#.utf8)
        writer.write(next)
        writer.append(raw: #","nodes":"#.utf8)
        writer.writeArray(nodes) { writer, node in node.write(to: &writer) }
        writer.append(raw: #","protocol":"#.utf8)
        writer.write(version)
        writer.append(raw: "}".utf8)
    }

    public init(json: FieldValue) throws {
        let members = try JSONMembers(json, document: "a pull response")
        self.init(logId: try members.string("logId"),
                  changes: try Change.list(json: members.array("changes")),
                  next: try members.integer("next"), more: try members.bool("more"),
                  nodes: try members.array("nodes").map { node throws(CoreError) in try NodeInfo(json: node) })
        self.protocol = Int(try members.integer("protocol"))
    }
}
