/// Porter's suffix-stripping stemmer (M. F. Porter, 1980) for English words.
///
/// Used so that a goal saying "instructional", "assessments" or "collaborating" matches a
/// standard saying "instruction", "assess" or "collaborate". Stems are not words
/// ("collaborate" becomes "collabor"); they are only compared with other stems.
public enum EnglishStemmer {
    /// The stem of a lower-case word. Words that are short or not plain ASCII letters
    /// (numbers, codes, other scripts) come back unchanged, since the rules only know English.
    public static func stem(_ word: String) -> String {
        guard word.utf8.count > 2, word.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else {
            return word
        }
        var stemmer = PorterWord(letters: Array(word.utf8))
        stemmer.step1a()
        stemmer.step1b()
        stemmer.step1c()
        stemmer.replaceLongest(step2Rules, minimumMeasure: 1)
        stemmer.replaceLongest(step3Rules, minimumMeasure: 1)
        stemmer.step4()
        stemmer.step5()
        return String(decoding: stemmer.letters, as: UTF8.self)
    }

    fileprivate static let step2Rules: [(String, String)] = [
        ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"),
        ("abli", "able"), ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"),
        ("ization", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
        ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"), ("iviti", "ive"), ("biliti", "ble"),
    ]

    fileprivate static let step3Rules: [(String, String)] = [
        ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
    ]

    fileprivate static let step4Suffixes = [
        "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
        "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
    ]
}

/// The word being stemmed, with Porter's measures over its letters.
private struct PorterWord {
    var letters: [UInt8]

    private func isConsonant(_ index: Int) -> Bool {
        switch letters[index] {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"):
            return false
        case UInt8(ascii: "y"):
            // "y" after a consonant sounds as a vowel ("family"), otherwise as a consonant ("yes").
            return index == 0 || !isConsonant(index - 1)
        default:
            return true
        }
    }

    /// Porter's m: the number of vowel-consonant sequences in the first `length` letters.
    private func measure(_ length: Int) -> Int {
        var count = 0
        var index = 0
        while index < length && isConsonant(index) { index += 1 }
        while index < length {
            while index < length && !isConsonant(index) { index += 1 }
            guard index < length else { break }
            while index < length && isConsonant(index) { index += 1 }
            count += 1
        }
        return count
    }

    private func containsVowel(_ length: Int) -> Bool {
        (0..<length).contains { !isConsonant($0) }
    }

    private func endsWithDoubleConsonant(_ length: Int) -> Bool {
        length >= 2 && letters[length - 1] == letters[length - 2] && isConsonant(length - 1)
    }

    /// Consonant-vowel-consonant where the last is not w, x or y ("hop", not "snow").
    private func endsWithShortSyllable(_ length: Int) -> Bool {
        guard length >= 3, isConsonant(length - 3), !isConsonant(length - 2), isConsonant(length - 1) else {
            return false
        }
        let last = letters[length - 1]
        return last != UInt8(ascii: "w") && last != UInt8(ascii: "x") && last != UInt8(ascii: "y")
    }

    private func endsWith(_ suffix: String) -> Bool {
        let bytes = Array(suffix.utf8)
        return letters.count >= bytes.count && Array(letters.suffix(bytes.count)) == bytes
    }

    private mutating func replaceSuffix(_ suffix: String, with replacement: String) {
        letters.removeLast(suffix.utf8.count)
        letters.append(contentsOf: replacement.utf8)
    }

    mutating func step1a() {
        if endsWith("sses") {
            replaceSuffix("sses", with: "ss")
        } else if endsWith("ies") {
            replaceSuffix("ies", with: "i")
        } else if !endsWith("ss") && endsWith("s") {
            letters.removeLast()
        }
    }

    mutating func step1b() {
        if endsWith("eed") {
            if measure(letters.count - 3) > 0 { letters.removeLast() }
            return
        }
        let removed: String
        if endsWith("ed"), containsVowel(letters.count - 2) {
            removed = "ed"
        } else if endsWith("ing"), containsVowel(letters.count - 3) {
            removed = "ing"
        } else {
            return
        }
        replaceSuffix(removed, with: "")
        if endsWith("at") || endsWith("bl") || endsWith("iz") {
            letters.append(UInt8(ascii: "e"))
        } else if endsWithDoubleConsonant(letters.count),
                  ![UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "z")].contains(letters[letters.count - 1]) {
            letters.removeLast()
        } else if measure(letters.count) == 1 && endsWithShortSyllable(letters.count) {
            letters.append(UInt8(ascii: "e"))
        }
    }

    mutating func step1c() {
        if endsWith("y"), containsVowel(letters.count - 1) {
            letters[letters.count - 1] = UInt8(ascii: "i")
        }
    }

    /// Only the longest matching suffix counts; if its condition fails, nothing changes.
    mutating func replaceLongest(_ rules: [(String, String)], minimumMeasure: Int) {
        guard let rule = rules.filter({ endsWith($0.0) }).max(by: { $0.0.utf8.count < $1.0.utf8.count }) else {
            return
        }
        if measure(letters.count - rule.0.utf8.count) >= minimumMeasure {
            replaceSuffix(rule.0, with: rule.1)
        }
    }

    mutating func step4() {
        guard let suffix = EnglishStemmer.step4Suffixes.filter({ endsWith($0) }).max(by: { $0.utf8.count < $1.utf8.count }) else {
            return
        }
        let stemLength = letters.count - suffix.utf8.count
        guard measure(stemLength) > 1 else { return }
        if suffix == "ion" {
            guard stemLength > 0, [UInt8(ascii: "s"), UInt8(ascii: "t")].contains(letters[stemLength - 1]) else { return }
        }
        replaceSuffix(suffix, with: "")
    }

    mutating func step5() {
        if endsWith("e") {
            let stemMeasure = measure(letters.count - 1)
            if stemMeasure > 1 || (stemMeasure == 1 && !endsWithShortSyllable(letters.count - 1)) {
                letters.removeLast()
            }
        }
        if measure(letters.count) > 1, endsWithDoubleConsonant(letters.count), letters.last == UInt8(ascii: "l") {
            letters.removeLast()
        }
    }
}
