import Testing
import TrellisCore

/// One cell of a policy table: whether one person may do one action to one resource. The tables of the policy tests
/// read as a resource per line with one "rcu" string per person (read, create, update), and `rows` spreads them out
/// so each cell is its own test case, named for what it checks.
struct PolicyTableRow: CustomTestStringConvertible, Sendable {
    let person: String
    let actor: Actor
    let part: String
    let resource: Resource
    let action: Action
    let expected: Bool
    var testDescription: String { "\(person) \(action) \(part) → \(expected)" }

    static func rows(people: [(name: String, actor: Actor)],
                     table: [(part: String, resource: Resource, allowed: [String])]) -> [PolicyTableRow] {
        table.flatMap { entry in
            people.indices.flatMap { index in
                [(Action.read, "r"), (.create, "c"), (.update, "u")].map { action, letter in
                    PolicyTableRow(person: people[index].name, actor: people[index].actor, part: entry.part,
                                   resource: entry.resource, action: action, expected: entry.allowed[index].contains(letter))
                }
            }
        }
    }
}
