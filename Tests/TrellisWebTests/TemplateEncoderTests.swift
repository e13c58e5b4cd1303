import Mustache
import Testing
@testable import TrellisWeb

/// A view model of every shape Trellis's have: nested structs, optionals with and without a value, arrays of structs
/// and of strings, an optional struct, numbers and Booleans, and a dictionary.
private struct Sample: TemplateEncodable {
    struct Item: Encodable {
        let title: String
        let description: String?
        let count: Int
        let isDone: Bool
        let tags: [String]
    }

    struct Link: Encodable {
        let href: String
        let label: String
    }

    let title: String
    let description: String
    let items: [Item]
    let next: Link?
    let previous: Link?
    let share: Double
    let note: String?
    let maybeTags: [String?]
    let labels: [String: String]
    let empty: [Item]
}

@Suite struct TemplateEncoderTests {
    fileprivate let sample = Sample(
        title: "Plan & <goals>", description: "The plan's own description",
        items: [
            .init(title: "Read aloud", description: nil, count: 3, isDone: true, tags: ["RL.3.1", "SL.3.1"]),
            .init(title: "Exit tickets", description: "Weekly", count: 0, isDone: false, tags: []),
        ],
        next: .init(href: "/next", label: "Next: evidence"), previous: nil, share: 0.25, note: nil,
        maybeTags: ["a", nil, "b"], labels: ["active": "Active"], empty: [])

    /// Every name the sample has, each inside sections, so that a difference in what is missing, null or present shows.
    let template = """
    {{title}}|{{description}}|{{#items}}[{{title}}: {{description}} {{count}} {{#isDone}}done{{/isDone}}{{^isDone}}open{{/isDone}} \
    {{#tags}}<{{.}}>{{/tags}}{{^tags}}none{{/tags}}]{{/items}}|{{#next}}{{href}} {{label}}{{/next}}|\
    {{#previous}}{{href}}{{/previous}}{{^previous}}first{{/previous}}|{{share}}|{{#note}}{{note}}{{/note}}{{^note}}no note{{/note}}|\
    {{#maybeTags}}({{.}}){{/maybeTags}}|{{labels.active}}|{{#empty}}x{{/empty}}{{^empty}}nothing{{/empty}}
    """

    @Test func aTemplateSeesTheSameDataAsReflectionMakes() throws {
        // setup
        let template = try MustacheTemplate(string: template)
        let reflected = try #require(TemplateData.reflected(sample))
        // run
        let encoded = TemplateEncoder.encode(sample)
        // check: rendered the same, and the nil description did not show the sample's own
        let html = template.render(encoded)
        #expect(html == template.render(reflected))
        #expect(html.contains("[Read aloud:  3 done <RL.3.1><SL.3.1>]"))
        #expect(html.contains("first") && html.contains("no note") && html.contains("(a)(b)") && html.contains("nothing"))
        #expect(TemplateData.convert(sample) is [String: Any])
    }

    @Test func aNilPropertyIsNullNotMissing() throws {
        // setup + run
        let encoded = try #require(TemplateEncoder.encode(sample) as? [String: Any])
        let item = try #require((encoded["items"] as? [Any])?.first as? [String: Any])
        // check
        #expect(encoded["previous"] is TemplateNull)
        #expect(item["description"] is TemplateNull)
        #expect(encoded["title"] as? String == "Plan & <goals>")
        #expect(encoded["share"] as? Double == 0.25)
    }

    @Test func theThreePlanPagesAreEncodedNotReflected() {
        // The pages people open all day: reflection over them was a tenth of the server's time.
        #expect((CheckInView.self as Any.Type) is any TemplateEncodable.Type)
        #expect((ActionPlanController.ActionsView.self as Any.Type) is any TemplateEncodable.Type)
        #expect((PlanOverviewView.self as Any.Type) is any TemplateEncodable.Type)
    }
}
