import Hummingbird
import Mustache
import Testing
@testable import TrellisWeb

@Suite struct PageShellTests {
    init() { _ = TrellisHTMLContentType.registered }

    func render(_ template: String, _ data: Any) throws -> String {
        try #require(try MustacheTemplate(string: template).render(data))
    }

    @Test func escapingIsTheLibrarysHTMLEscapingByteForByte() throws {
        // setup: the texts people write, and every character HTML escaping is about
        let texts = ["", "Plain words", "Zoë Ångström · Nguyễn Thị Hồng", "<script>alert('x')</script>", "Tom & Jerry \"quoted\"",
                     "&amp; already", "a<b>c&d\"e'f", "emoji 🌱 and <tags>", "\u{1}title\u{1}", String(repeating: "<&>", count: 300)]
        for text in texts {
            // run
            let library = try render("{{x}}", ["x": text])
            let ours = try render("{{% CONTENT_TYPE: TRELLIS_HTML}}{{x}}", ["x": text])
            // check
            #expect(ours == library, "\(text)")
            #expect(ours == TrellisHTMLContentType.escape(text))
        }
    }

    @Test func aLessThanSignIsEscapedEvenWhenACombiningMarkFollowsIt() {
        // The library sees one Character "<\u{338}", which is not "<", and leaves it; a browser still reads a tag's start.
        #expect(TrellisHTMLContentType.escape("<\u{338}script>") == "&lt;\u{338}script&gt;")
    }

    /// A layout like Trellis's: the title first, a person's name and a message in the middle, the content near the end.
    let layout = """
    {{% CONTENT_TYPE: TRELLIS_HTML}}
    <title>{{title}} · Trellis</title>
    <header>{{layout.personName}} <input name="csrf_token" value="{{layout.csrfToken}}"></header>
    {{#layout.flash}}<p>{{message}}</p>{{/layout.flash}}
    <main>{{{main}}}</main>
    <footer>Trellis</footer>
    """

    @Test func aPageIsItsContentSetInTheKeptLayoutAsIfTheLayoutWereRenderedWhole() throws {
        // setup: a name that holds both markers, so that only the real places may be taken for them
        let people: [[String: Any]] = [
            ["personName": "Zoë Ångström", "csrfToken": "token-1"],
            ["personName": "Eve \(PageShell.mainMarker) <b> \(PageShell.titleMarker)", "csrfToken": "token-2", "flash": ["message": "Saved & done"]],
        ]
        for person in people {
            let marked = try render(layout, ["title": PageShell.titleMarker, "layout": person, "main": PageShell.mainMarker])
            let shell = try #require(PageShell(rendered: marked))
            for (title, main) in [("Growth plans", "<h1>Plans</h1>"), ("Goal 1: \"Read\" <aloud> & more", "<p>\u{1}main\u{1}</p>")] {
                // run
                let page = String(buffer: shell.page(title: title, main: main))
                // check
                #expect(page == (try render(layout, ["title": title, "layout": person, "main": main])))
            }
        }
        #expect(PageShell(rendered: "<title>no markers</title>") == nil)
    }

    @Test func eachPersonSeesTheirOwnLayoutAndAMessageShowsOnlyOnce() async throws {
        try await withTrellis { districts, teacher in
            // setup: a teacher and a coach, each signed in, each on the same page
            _ = try await teacher.signIn(districts.north.educator.email.value)
            let coach = TestBrowser(client: teacher.client)
            _ = try await coach.signIn(districts.north.coach.email.value)
            for _ in 1...2 {
                // run
                let teachers = try await teacher.get("/plans"), coaches = try await coach.get("/plans")
                // check: the name, the form token and the navigation are each person's own
                #expect(teachers.body.contains(districts.north.educator.displayName))
                #expect(!teachers.body.contains(districts.north.coach.displayName))
                #expect(teachers.body.contains(teacher.csrfToken) && !teachers.body.contains(coach.csrfToken))
                #expect(coaches.body.contains(districts.north.coach.displayName) && coaches.body.contains(coach.csrfToken))
                #expect(teachers.body.contains("<title>Growth plans · Trellis</title>"))
            }
            // a message shows on the page after the save, then never again
            let saved = try await teacher.post("/plans")
            let plan = try #require(saved.location)
            #expect(try await teacher.get(plan).body.contains("class=\"flash\""))
            #expect(try await !teacher.get(plan).body.contains("class=\"flash\""))
            #expect(try await !teacher.get("/plans").body.contains("class=\"flash\""))
        }
    }
}
