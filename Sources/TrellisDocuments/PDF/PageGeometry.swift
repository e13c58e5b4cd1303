/// The paper a document is laid out on, in PDF points (1/72 inch).
///
/// US Letter, because the documents go to Washington districts and OSPI, whose forms and
/// printers are Letter; an A4 page would print shrunk or clipped there.
public struct PageGeometry: Sendable, Hashable {
    public var width: Double
    public var height: Double
    public var marginTop: Double
    public var marginBottom: Double
    public var marginLeft: Double
    public var marginRight: Double
    /// Space kept under the body for the running footer.
    public var footerHeight: Double

    public init(width: Double, height: Double, margin: Double, footerHeight: Double = 24) {
        self.width = width
        self.height = height
        self.marginTop = margin
        self.marginBottom = margin
        self.marginLeft = margin
        self.marginRight = margin
        self.footerHeight = footerHeight
    }

    /// 8.5 × 11 inches with ¾-inch margins.
    public static let usLetter = PageGeometry(width: 612, height: 792, margin: 54)

    /// Width of the text column.
    public var contentWidth: Double { width - marginLeft - marginRight }
    /// Lowest y the body may reach; the footer sits below it.
    public var contentBottom: Double { height - marginBottom - footerHeight }
    /// Height of the body on one page.
    public var contentHeight: Double { contentBottom - marginTop }
}
