import Foundation
import Hummingbird
import HummingbirdAuth
import Logging
import Prometheus
import ServiceLifecycle
import TrellisCore
import TrellisServices
import TrellisStore

/// Builds the whole Trellis web application. `trellis serve` runs it, with `services` of its own beside; tests call it
/// too, with `app.test(.router)`.
public func buildApplication(
    _ config: AppConfig, environment: ServiceEnvironment, registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
    services: [any Service] = []
) async throws -> some ApplicationProtocol {
    let router = try await buildRouter(config, environment: environment, registry: registry)
    let sessions = DatabasePersistDriver(store: SessionStore(environment.database), clock: environment.clock)
    return Application(
        router: router,
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: nil),
        // The job runner works beside the server: the daily stall scans and reminders, and whatever else is queued.
        services: [sessions, JobRunnerService(runner: JobRunner(environment))] + services,
        logger: environment.logger)
}

/// The router with every route and middleware, in the order a request meets them.
func buildRouter(_ config: AppConfig, environment: ServiceEnvironment, registry: PrometheusCollectorRegistry) async throws -> Router<TrellisRequestContext> {
    let renderer = try await PageRenderer.bundled(registry: registry, cacheBudget: config.pageCacheBytes)
    let secure = config.isSecure
    let accounts = AccountService(environment)
    let schools = SchoolService(environment)

    let router = Router(context: TrellisRequestContext.self)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(secure: secure))
    // The outer safety net: errors before a page's own context exists, e.g. an unknown address.
    router.add(middleware: ErrorPageMiddleware(renderer: renderer, maximumUploadBytes: config.maximumUploadBytes))
    if let staticFiles = Bundle.module.url(forResource: "Static", withExtension: nil) {
        router.add(middleware: FileMiddleware(staticFiles.path, urlBasePath: "/static", cacheControl: .init([(MediaType(type: .text, subType: "css"), [.maxAge(3600)])])))
    }
    HealthController(database: environment.database, registry: registry).register(on: router)
    // Reached from outside a browser session: a calendar application fetching its feed, a mail client's one-click
    // unsubscribe (RFC 8058), which posts without a form token. Each is keyed by its own secret token.
    let calendarFeeds = CalendarFeedService(environment), notificationPreferences = NotificationPreferenceService(environment)
    let calendarPages = CalendarFeedController(renderer: renderer, feeds: calendarFeeds, baseURL: config.baseURL, secure: secure)
    calendarPages.registerFeed(on: router)
    EmailUnsubscribeController(renderer: renderer, preferences: notificationPreferences).register(on: router)

    let sessionCookie = SessionCookieParameters(name: secure ? "__Host-trellis_session" : "trellis_session", path: "/", secure: secure, sameSite: .lax)
    let pages = router.group()
        .add(middleware: ClientAddressMiddleware(trustedProxies: config.trustedProxies))
        .add(middleware: FlashMiddleware(secure: secure))
        .add(middleware: SessionMiddleware(
            storage: DatabasePersistDriver(store: SessionStore(environment.database), clock: environment.clock),
            configuration: .init(sessionCookieParameters: sessionCookie, keyPrefix: "", defaultSessionExpiration: config.sessionLifetime)))
        .add(middleware: SessionAuthenticator(context: TrellisRequestContext.self) { (session: TrellisSession, _) in
            try await accounts.resume(personID: session.personID, organizationID: session.organizationID,
                                      credentialVersion: session.credentialVersion)
        })
        // Before the token is compared: which bodies may be read at all, and how much of them.
        .add(middleware: RequestBodyLimitMiddleware(maximumUploadBytes: config.maximumUploadBytes))
        .add(middleware: CSRFMiddleware(secure: secure))
        .add(middleware: ErrorPageMiddleware(renderer: renderer, maximumUploadBytes: config.maximumUploadBytes))
    AuthController(renderer: renderer, accounts: accounts, secure: secure).register(on: pages)
    APIDocsController(renderer: renderer, baseURL: config.baseURL, ratePerMinute: config.apiRatePerMinute).register(on: pages)

    let notifications = NotificationService(environment)
    // Forms worth keeping through an expired sign-in; controllers register theirs below.
    let heldForms = HeldForms()
    let signedIn = pages.group()
        .add(middleware: HeldFormMiddleware(forms: heldForms, service: HeldFormService(environment), secure: secure))
        .add(middleware: RequireSignInMiddleware())
        .add(middleware: NavigationFactsMiddleware(notifications: notifications, cohorts: CohortService(environment)))
    HomeController(renderer: renderer, home: HomeService(environment)).register(on: signedIn)
    AccountController(renderer: renderer, accounts: accounts, secure: secure).register(on: signedIn)
    NotificationPreferencesController(renderer: renderer, preferences: notificationPreferences, secure: secure).register(on: signedIn)
    TokensController(renderer: renderer, tokens: APITokenService(environment), secure: secure).register(on: signedIn)
    calendarPages.register(on: signedIn)
    SchoolsController(renderer: renderer, schools: schools, secure: secure).register(on: signedIn)
    PeopleController(renderer: renderer, people: PeopleService(environment), schools: schools, baseURL: config.baseURL, secure: secure)
        .register(on: signedIn)
    RosterController(renderer: renderer, roster: RosterImportService(environment), secure: secure).register(on: signedIn)
    AuditController(renderer: renderer, audit: AuditService(environment)).register(on: signedIn)
    let settings = DistrictSettingsService(environment)
    DistrictController(renderer: renderer).register(on: signedIn)
    SettingsController(renderer: renderer, settings: settings, secure: secure).register(on: signedIn)
    GuidingQuestionsController(renderer: renderer, settings: settings, secure: secure).register(on: signedIn)
    let standards = StandardsService(environment)
    FrameworksController(renderer: renderer, standards: standards, baseURL: config.baseURL, secure: secure).register(on: signedIn)
    let plans = PlanService(environment, vault: EvidenceVault(dataDirectory: config.dataDirectory), maximumUploadBytes: config.maximumUploadBytes)
    PlansController(renderer: renderer, plans: plans, standards: standards, coaching: PlanCoachingTimeline(environment), secure: secure)
        .register(on: signedIn)
    GoalsController(renderer: renderer, plans: plans, secure: secure).register(on: signedIn)
    AlignmentController(renderer: renderer, plans: plans, standards: standards, secure: secure).register(on: signedIn)
    ActionPlanController(renderer: renderer, plans: plans, secure: secure).register(on: signedIn)
    RecordsController(renderer: renderer, plans: plans, standards: standards, secure: secure).register(on: signedIn)
    let reviews = ReviewService(environment, vault: EvidenceVault(dataDirectory: config.dataDirectory))
    PlanReviewController(renderer: renderer, plans: plans, reviews: reviews, baseURL: config.baseURL, secure: secure).register(on: signedIn)
    let reviewer = ReviewerController(renderer: renderer, reviews: reviews, names: plans, secure: secure)
    reviewer.registerForMembers(on: signedIn)
    // An outside reviewer has no account: their link is the key, and the form token still guards every action.
    reviewer.registerForLinks(on: pages)
    NotificationsController(renderer: renderer, notifications: notifications, secure: secure).register(on: signedIn)
    VerificationController(renderer: renderer, verification: VerificationService(environment), secure: secure).register(on: signedIn)
    let clockHours = ClockHourService(environment)
    ClockHoursController(renderer: renderer, clockHours: clockHours, secure: secure).register(on: signedIn)
    RenewalRulesController(renderer: renderer, clockHours: clockHours, secure: secure).register(on: signedIn)
    DocumentsController(renderer: renderer, documents: DocumentService(environment)).register(on: signedIn)
    let coachingSessions = CoachingSessionService(environment)
    RelationshipPageController(renderer: renderer, sessions: coachingSessions).register(on: signedIn)
    CycleController(renderer: renderer, cycles: CoachingCycleService(environment), secure: secure).register(on: signedIn)
    let sessionPages = SessionController(renderer: renderer, sessions: coachingSessions, secure: secure)
    sessionPages.register(on: signedIn)
    sessionPages.keepThroughExpiredSignIn(heldForms)
    let observationPages = ObservationController(renderer: renderer, sessions: coachingSessions, secure: secure)
    observationPages.register(on: signedIn)
    observationPages.keepThroughExpiredSignIn(heldForms)
    FeedbackController(renderer: renderer, sessions: coachingSessions, secure: secure).register(on: signedIn)
    AllianceController(renderer: renderer, sessions: coachingSessions, secure: secure).register(on: signedIn)
    QuickContactController(renderer: renderer, sessions: coachingSessions, secure: secure).register(on: signedIn)
    CoachingQuestionsController(renderer: renderer, settings: settings, secure: secure).register(on: signedIn)
    let coaching = CoachingService(environment)
    CaseloadController(renderer: renderer, caseloads: CaseloadService(environment), coaching: coaching).register(on: signedIn)
    RelationshipProposalController(renderer: renderer, coaching: coaching, secure: secure).register(on: signedIn)
    RelationshipAnswerController(renderer: renderer, coaching: coaching, secure: secure).register(on: signedIn)
    CountsController(renderer: renderer, counts: CoachingCountsService(environment)).register(on: signedIn)
    DashboardController(renderer: renderer, dashboards: DashboardService(environment)).register(on: signedIn)
    let cohorts = CohortService(environment), plcs = PLCService(environment)
    CohortsController(renderer: renderer, cohorts: cohorts, secure: secure).register(on: signedIn)
    CohortMembersController(renderer: renderer, cohorts: cohorts, plcs: plcs, secure: secure).register(on: signedIn)
    VisioningController(renderer: renderer, cohorts: cohorts, secure: secure).register(on: signedIn)
    ThemesController(renderer: renderer, cohorts: cohorts, secure: secure).register(on: signedIn)
    PLCController(renderer: renderer, cohorts: cohorts, plcs: plcs, secure: secure).register(on: signedIn)
    MeetingNotesController(renderer: renderer, plcs: plcs, secure: secure).register(on: signedIn)
    StakeholderRolesController(renderer: renderer, cohorts: cohorts, secure: secure).register(on: signedIn)
    let toolCatalogue = ToolCatalogueService(environment), trials = EfficacyTrialService(environment)
    // The fixed addresses under /tools before /tools/:id, so "new" or "adoption" is never read as a tool's id.
    ToolFormController(renderer: renderer, catalogue: toolCatalogue, secure: secure).register(on: signedIn)
    AdoptionController(renderer: renderer, adoption: AdoptionService(environment), catalogue: toolCatalogue).register(on: signedIn)
    ToolCatalogueController(renderer: renderer, catalogue: toolCatalogue, trials: trials).register(on: signedIn)
    TrialController(renderer: renderer, trials: trials, catalogue: toolCatalogue, secure: secure).register(on: signedIn)
    ShortlistController(renderer: renderer, shortlists: ToolShortlistService(environment), secure: secure).register(on: signedIn)
    CalendarController(renderer: renderer, calendars: DistrictCalendarService(environment), secure: secure).register(on: signedIn)
    JobsController(renderer: renderer, jobs: JobStatusService(environment), secure: secure).register(on: signedIn)
    // The JSON API last: no session, no CSRF, a bearer token instead; its errors are problem objects.
    let api = APIGateway.group(on: router, environment: environment, config: config)
    try APIRoutes.register(on: router, api: api, handler: APIHandler(environment: environment, plans: plans))
    return router
}
