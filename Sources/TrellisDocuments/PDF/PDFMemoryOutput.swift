import CPangoCairo
import Foundation

/// Collects the bytes cairo writes for a PDF surface made with
/// `cairo_pdf_surface_create_for_stream`, so a document never touches the disk.
final class PDFMemoryOutput {
    var data = Data()

    /// Makes a Letter-sized (or other) PDF surface writing into this output. The output must
    /// outlive the surface: cairo holds only an unretained pointer to it.
    func makeSurface(width: Double, height: Double) -> OpaquePointer? {
        cairo_pdf_surface_create_for_stream(appendToOutput, Unmanaged.passUnretained(self).toOpaque(), width, height)
    }
}

/// cairo's write callback: a C function, so it captures nothing and finds its output
/// through the closure pointer.
private func appendToOutput(_ closure: UnsafeMutableRawPointer?, _ bytes: UnsafePointer<UInt8>?, _ length: UInt32) -> cairo_status_t {
    guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
    let output = Unmanaged<PDFMemoryOutput>.fromOpaque(closure).takeUnretainedValue()
    output.data.append(bytes, count: Int(length))
    return CAIRO_STATUS_SUCCESS
}

/// cairo's message for a failed status, e.g. "out of memory".
func cairoMessage(_ status: cairo_status_t) -> String {
    String(cString: cairo_status_to_string(status))
}
