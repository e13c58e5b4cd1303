import CPangoCairo

/// The Pango font descriptions of one document, parsed once and freed with it.
final class FontCache {
    private var descriptions: [TextStyle: OpaquePointer] = [:]

    init() {
        for style in TextStyle.allCases {
            descriptions[style] = pango_font_description_from_string(style.fontDescription)
        }
    }

    deinit {
        for description in descriptions.values {
            pango_font_description_free(description)
        }
    }

    func description(for style: TextStyle) -> OpaquePointer {
        descriptions[style]!
    }
}
