import Hummingbird
import NIOCore
import TrellisServices

/// Turns every error into a page a person can act on, with no internals shown: 404 and 403 say what may have
/// happened, a missing sign-in leads to the sign-in page, and anything unexpected is logged with the request id
/// and shown as a 500 that quotes only that id.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = TrellisRequestContext
    let renderer: PageRenderer
    /// The largest evidence file accepted, named when an upload was too large.
    var maximumUploadBytes = 20 * 1024 * 1024

    struct ErrorView {
        let heading: String
        let message: String
        let requestID: String?
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return respond(to: error, request: request, context: context)
        }
    }

    func respond(to error: any Error, request: Request, context: Context) -> Response {
        switch error {
        case is CSRFRefusal:
            return page(.forbidden, "This form has expired",
                        "For your safety, Trellis accepts a form only from the page it sent. Go back, reload the page and try again.", context)
        case ServiceError.notFound:
            return notFound(context)
        case ServiceError.forbidden:
            return forbidden(context)
        case ServiceError.conflict(let message):
            return page(.conflict, "That can't be done right now", message, context)
        case is NIOTooManyBytesError:
            // A body without a declared length that went past its limit while being read.
            return tooLarge(request, context)
        case let error as HTTPError:
            switch error.status {
            case .unauthorized:
                let next = request.uri.path == "/" ? "" : "?next=\(request.uri.path.addingPercentEncodingForQuery())"
                return .redirect(to: SiteRoute.signIn.path + next, type: .normal)
            case .notFound: return notFound(context)
            case .forbidden: return forbidden(context)
            case .contentTooLarge:
                return tooLarge(request, context)
            case .methodNotAllowed:
                return page(.methodNotAllowed, "That page does not work that way", "Use the links and buttons on Trellis's pages.", context)
            default:
                if (400..<500).contains(error.status.code) {
                    return page(error.status, "Trellis could not use that request", "Go back and try again.", context)
                }
                return unexpected(error, context)
            }
        default:
            return unexpected(error, context)
        }
    }

    private func tooLarge(_ request: Request, _ context: Context) -> Response {
        if RequestBodyLimitMiddleware.isMultipart(request) {
            let megabytes = maximumUploadBytes / (1024 * 1024)
            return page(.contentTooLarge, "That file is too large",
                        "Trellis accepts files up to \(megabytes) MB. Go back and choose a smaller file; for evidence, a link to where the file is kept works too.", context)
        }
        return page(.contentTooLarge, "That was too much to send", "The form was larger than Trellis accepts. Shorten it and try again.", context)
    }

    private func notFound(_ context: Context) -> Response {
        page(.notFound, "Page not found", "The page does not exist, or you don't have access to it. Check the address, or go back to your home page.", context)
    }

    private func forbidden(_ context: Context) -> Response {
        page(.forbidden, "You don't have access to this page", "Your role does not include this. If you think it should, ask your district administrator.", context)
    }

    private func unexpected(_ error: any Error, _ context: Context) -> Response {
        context.logger.error("unexpected error: \(String(reflecting: error))")
        return renderer.render("error", title: "Something went wrong",
                               content: ErrorView(heading: "Something went wrong",
                                                  message: "Trellis could not finish this. Nothing you typed was saved from this request. Try again in a moment; if it keeps happening, tell your district administrator and quote this reference:",
                                                  requestID: context.id),
                               context: context, status: .internalServerError)
    }

    private func page(_ status: HTTPResponse.Status, _ heading: String, _ message: String, _ context: Context) -> Response {
        renderer.render("error", title: heading, content: ErrorView(heading: heading, message: message, requestID: nil),
                        context: context, status: status)
    }
}

import Foundation

extension String {
    func addingPercentEncodingForQuery() -> String {
        addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-._~"))) ?? ""
    }
}
