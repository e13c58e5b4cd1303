import Foundation
import Hummingbird
import Mustache
import Prometheus
import TrellisCore
import TrellisServices

/// Renders Mustache templates into HTML responses. Every page shares one layout (`layout.mustache`), whose
/// data is a `Layout`, rendered once per layout and kept (`PageShell`); a page's template renders its content, which
/// it finds under `content`, with the page's `title` and the layout's form token (`layout.csrfToken`) beside it.
/// Output is escaped unless a template says otherwise.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let cache: RenderedPageCache
    /// Layouts already rendered. A person's is the same on every page of one part of the site, so a few hundred people
    /// at work fit in an eighth of the page cache's budget.
    let shells: BoundedStore<Layout, PageShell>
    /// Pages answered from `cache`, shown at /metrics: how much the cache saves, and proof that it is used.
    let reused: Prometheus.Counter

    /// How much rendered HTML is kept unless the operator says otherwise (`TRELLIS_PAGE_CACHE_MB`): the three plan
    /// pages of about 500 people at once.
    public static let defaultCacheBudget = 16 * 1024 * 1024

    public init(library: MustacheLibrary, registry: PrometheusCollectorRegistry, cacheBudget: Int = defaultCacheBudget) {
        self.library = library
        self.cache = RenderedPageCache(budget: cacheBudget)
        self.shells = BoundedStore(budget: cacheBudget / 8) { $0.byteCount }
        self.reused = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "trellis", metricName: "rendered_pages_reused", unitName: "total",
            helpText: "Pages answered from the rendered-page cache instead of rendered again."))
    }

    /// Loads the templates shipped with Trellis.
    public static func bundled(registry: PrometheusCollectorRegistry, cacheBudget: Int = defaultCacheBudget) async throws -> PageRenderer {
        _ = TrellisHTMLContentType.registered
        guard let directory = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw HTTPError(.internalServerError, message: "templates missing from the build")
        }
        return PageRenderer(library: try await MustacheLibrary(directory: directory.path), registry: registry, cacheBudget: cacheBudget)
    }

    /// A page: the template's output inside the layout, as `text/html`.
    func render<Content>(_ template: String, title: String, content: Content, context: TrellisRequestContext,
                         status: HTTPResponse.Status = .ok, flash: Flash? = nil, section: NavSection? = nil) -> Response {
        let page = Page(title: title, layout: Layout(context: context, flash: flash ?? context.flash, section: section), content: content)
        return respond(status, html(template, page, context: context))
    }

    /// A page whose content is a pure function of `source` (e.g. a plan's id and version, today's date and who
    /// is looking): rendered once per distinct source and layout, then answered from memory. `build` is called
    /// only when the page is not kept, and must read nothing but `source`.
    func render<Source: Hashable, Content>(_ template: String, source: Source, context: TrellisRequestContext,
                                           section: NavSection? = nil, build: (Source) -> (title: String, content: Content)) -> Response {
        let layout = Layout(context: context, flash: context.flash, section: section)
        let key = RenderedPageCache.Key(template: template, layout: layout, source: Self.kept(source))
        if let cached = cache.page(key) {
            reused.increment()
            return respond(.ok, cached)
        }
        let (title, content) = build(source)
        let rendered = html(template, Page(title: title, layout: layout, content: content), context: context)
        // A page with a message shows once; keeping it would only take room.
        if let rendered, layout.flash == nil { cache.keep(rendered, for: key) }
        return respond(.ok, rendered)
    }

    /// What the cache keeps of a source: its identity when it has one, else the source itself.
    private static func kept<Source: Hashable>(_ source: Source) -> AnyHashable {
        (source as? any IdentifiedPageSource)?.anyIdentity ?? AnyHashable(source)
    }

    private func html<Content>(_ template: String, _ page: Page<Content>, context: TrellisRequestContext) -> ByteBuffer? {
        let data: [String: Any] = [
            "title": page.title, "layout": ["csrfToken": page.layout.csrfToken],
            "content": TemplateData.convert(page.content) ?? TemplateNull(),
        ]
        guard let shell = shell(page.layout), let main = library.render(data, withTemplate: template) else {
            context.logger.error("template \(template) or the layout is missing")
            return nil
        }
        return shell.page(title: page.title, main: main)
    }

    /// The layout rendered around markers, kept unless it shows a message (which shows once).
    private func shell(_ layout: Layout) -> PageShell? {
        if let kept = shells.value(layout) { return kept }
        let data: [String: Any] = [
            "title": PageShell.titleMarker, "layout": TemplateData.convert(layout) ?? TemplateNull(), "main": PageShell.mainMarker,
        ]
        guard let rendered = library.render(data, withTemplate: "layout"), let shell = PageShell(rendered: rendered) else { return nil }
        if layout.flash == nil { shells.keep(shell, for: layout) }
        return shell
    }

    private func respond(_ status: HTTPResponse.Status, _ html: ByteBuffer?) -> Response {
        guard let html else {
            return Response(status: .internalServerError, body: .init(byteBuffer: ByteBuffer(string: "Template missing")))
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: html))
    }
}

/// A page's source that is named by a smaller value than itself: the rendered-page cache keeps that value in the key
/// of the page, rather than the source and all it holds. Equal sources must have equal identities, and the other way.
protocol IdentifiedPageSource {
    associatedtype Identity: Hashable
    var identity: Identity { get }
}

extension IdentifiedPageSource {
    var anyIdentity: AnyHashable { AnyHashable(identity) }
}

/// A page: its title, the layout around it and its own content.
struct Page<Content> {
    let title: String
    let layout: Layout
    let content: Content
}


/// Which part of the navigation a page belongs to, so the link can say `aria-current="page"`.
enum NavSection: String, Sendable {
    case home, cohorts, account, schools, people, audit, standards, plans, settings, notifications, reviews, verification, clockHours, exports, district
    case coaching
    case tools
    case dashboard
}

/// The layout's data: who is signed in, the navigation they may use, the form token and any flash message.
struct Layout: Hashable {
    struct NavItem: Hashable {
        let label: String
        let href: String
        let current: Bool
        /// How many unread notifications, shown beside "Notifications"; nil for none and for every other link.
        var unread: String? = nil
    }

    let csrfToken: String
    let personName: String?
    let nav: [NavItem]
    let flash: Flash?
    /// The unread count again, for the phone's folded menu; nil for none.
    let unread: String?
    let signOutPath = SiteRoute.signOut.path
    /// The person's own account (password, and what else is theirs alone), linked from their name.
    let accountPath = SiteRoute.changePassword.path
    let isAccountCurrent: Bool
    let stylesheet = SiteRoute.stylesheet.path

    init(context: TrellisRequestContext, flash: Flash?, section: NavSection?) {
        csrfToken = context.csrfToken
        personName = context.identity?.displayName
        isAccountCurrent = section == .account
        self.flash = flash
        let unread = context.unreadNotifications.flatMap { $0 > 0 ? String($0) : nil }
        self.unread = unread
        guard let actor = context.actor else {
            nav = []
            return
        }
        var items: [(String, SiteRoute, NavSection)] = [("Home", .home, .home), ("Growth plans", .plans, .plans)]
        // A leader's school dashboard; an admin's dashboards sit behind "District".
        let dashboard = actor.has(.leader) && !actor.has(.districtAdmin) ? actor.schoolID.flatMap { school in
            DashboardService.maySee(actor, school: school) ? SiteRoute.schoolDashboard(school) : nil
        } : nil
        if let dashboard { items.append(("Dashboard", dashboard, .dashboard)) }
        // Coaching: the caseload or "My coaching" for coaches and educators; counts only for leaders and admins.
        if actor.has(.coach) || actor.has(.educator) {
            items.append(("Coaching", .coaching, .coaching))
        } else if CoachingCountsService.maySee(actor), dashboard == nil {
            // A leader's dashboard shows the school's coaching counts and links to them, so the header stays one line.
            items.append(("Coaching", .coachingCounts, .coaching))
        }
        // Cohorts: for the people in one, and for coaches, who may start one.
        if context.isInCohort || Policy.can(actor, .create, .cohorts(actor.organizationID)) { items.append(("Cohorts", .cohorts, .cohorts)) }
        // Tools: the district's catalogue, which everyone reads and may propose to.
        if Policy.can(actor, .read, .tools(actor.organizationID)) { items.append(("Tools", .tools, .tools)) }
        items += [("Notifications", .notifications, .notifications), ("Clock hours", .clockHours(nil), .clockHours)]
        // A district admin's own pages sit behind one "District" link, so the header stays one line on a laptop.
        let districtSections: Set<NavSection> = [.district, .people, .schools, .standards, .audit, .settings, .exports, .dashboard]
        if Policy.can(actor, .read, .verifications(actor.organizationID)) {
            items.append(("Verification", .verification, .verification))
        }
        if Policy.can(actor, .read, .auditLog(actor.organizationID)) {
            items.append(("District", .district, .district))
        } else if Policy.can(actor, .read, .frameworks(actor.organizationID)), dashboard == nil {
            // A leader reaches the standards from the dashboard's heat-map instead, so the header stays one line.
            items.append(("Standards", .frameworks, .standards))
        }
        let isAdmin = items.contains { $0.2 == .district }
        nav = items.map { item in
            let current = item.2 == section || (isAdmin && item.2 == .district && section.map(districtSections.contains) == true)
            return NavItem(label: item.0, href: item.1.path, current: current, unread: item.2 == .notifications ? unread : nil)
        }
    }
}
