/// Names for generated demo educators: varied, and including letters outside ASCII as real rosters do.
enum DemoNames {
    static let given = [
        "Amara", "Bao", "Camila", "Dmitri", "Émilie", "Farah", "Gabriel", "Hana", "Iñaki", "Jamal", "Keiko", "Léa",
        "Mateo", "Nadia", "Oluwaseun", "Paulo", "Quinn", "Rosa", "Søren", "Tariq", "Uma", "Valentina", "Wen", "Ximena",
        "Yusuf", "Zainab", "Ana", "Björn", "Chloé", "Dao",
    ]
    static let family = [
        "Abernathy", "Bui", "Castillo", "Delacroix", "Eriksson", "Fernández", "García", "Hoang", "Ito", "Jovanović",
        "Kowalski", "Lê", "Martínez", "Nakamura", "Okafor", "Petrov", "Quispe", "Rodríguez", "Schäfer", "Tran",
        "Umarov", "Vásquez", "Williams", "Xu", "Yamamoto", "Zielinski", "Adeyemi", "Brennan", "Chávez", "Dubois",
    ]

    static func person(number: Int) -> (name: String, email: String) {
        let first = given[number % given.count]
        let last = family[(number / given.count) % family.count]
        let suffix = number / (given.count * family.count)
        let local = "\(ascii(first)).\(ascii(last))\(suffix == 0 ? "" : String(suffix + 1))"
        return ("\(first) \(last)", "\(local)@cascade.example")
    }

    /// An email-friendly form of a name: accents removed, lower case, letters only.
    static func ascii(_ text: String) -> String {
        let folded = text.applyingTransformIfAvailable()
        return String(folded.lowercased().filter { $0.isASCII && $0.isLetter })
    }
}

import Foundation

extension String {
    fileprivate func applyingTransformIfAvailable() -> String {
        folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }
}
