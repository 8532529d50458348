import SWXMLHash

extension XMLElement {
    /// The element's name without a namespace prefix: `row` for both `row` and `x:row`.
    var localName: String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    /// The child elements named `name` (namespace prefixes aside), in document order.
    func elements(_ name: String) -> [XMLElement] {
        children.compactMap { child in
            guard let element = child as? XMLElement, element.localName == name else { return nil }
            return element
        }
    }

    /// The first child element named `name`.
    func element(_ name: String) -> XMLElement? {
        for child in children {
            if let element = child as? XMLElement, element.localName == name { return element }
        }
        return nil
    }

    /// The value of the attribute `name`, matched with or without a namespace prefix (`r:id`
    /// is found as `id`).
    func value(of name: String) -> String? {
        if let attribute = allAttributes[name] { return attribute.text }
        return allAttributes.first { key, _ in key.hasSuffix(":" + name) }?.value.text
    }

    /// The text of a rich-text container (a shared string `si` or an inline string `is`): its
    /// `t` and the `t` of each run `r`, leaving out phonetic runs (`rPh`).
    var richText: String {
        var text = ""
        for child in children {
            guard let element = child as? XMLElement else { continue }
            switch element.localName {
            case "t": text += element.text
            case "r": text += element.element("t")?.text ?? ""
            default: break
            }
        }
        return text
    }
}
