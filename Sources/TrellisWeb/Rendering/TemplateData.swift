import Mustache

/// Turns a view model into dictionaries and arrays once, before rendering.
///
/// Mustache looks every name up by reflection, and reflection copies all of an object's properties on each
/// lookup; a page with lists does thousands of lookups. Walking the view model once and handing the template
/// dictionaries makes each lookup a hash lookup.
///
/// A nil property becomes `TemplateNull` rather than a missing key: Mustache looks a missing name up in the
/// enclosing objects, so a nested item's empty `description` would otherwise show its parent's.
enum TemplateData {
    static func convert(_ value: Any) -> Any? {
        switch value {
        case is String, is Bool, is Int, is Double:
            return value
        case let encodable as any TemplateEncodable:
            return TemplateEncoder.encode(encodable)
        default:
            return reflected(value)
        }
    }

    /// `value` walked by reflection, whatever it conforms to; what `TemplateEncoder` must match.
    static func reflected(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { convert($0.value) }
        case .collection, .set:
            return mirror.children.compactMap { convert($0.value) }
        case .dictionary:
            var result: [String: Any] = [:]
            for child in mirror.children {
                let pair = Mirror(reflecting: child.value).children.map(\.value)
                if pair.count == 2, let key = pair[0] as? String, let converted = convert(pair[1]) { result[key] = converted }
            }
            return result
        case .struct, .class:
            var result: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label { result[label] = convert(child.value) ?? TemplateNull() }
            }
            return result
        default:
            return String(describing: value)
        }
    }
}

/// A property with no value: renders as nothing, and a section over it is skipped, without Mustache looking
/// for the same name further out.
struct TemplateNull: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}
