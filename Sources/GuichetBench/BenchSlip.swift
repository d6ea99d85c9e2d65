import SIMSModel

/// The slips counter agents make when they key a name, for `bench search`'s perturbed queries:
/// one edit (a letter left out, added, replaced, or two neighbours swapped), a second edit in a
/// name of 8 letters or more, or a phonetic spelling of New Caledonia (w for ou, o for eau or au,
/// f for ph, k for c or qu, ni for gn, a silent h dropped, a doubled letter made single), with
/// accents left out. Deterministic for a seed.
///
/// ```swift
/// var slip = BenchSlip(seed: 1)
/// slip.apply(to: "Wamytan")   // "wamtyan", or "ouamytan"…
/// ```
struct BenchSlip {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x2545_F491_4F6C_DD1D }

    private mutating func next(_ bound: Int) -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((state >> 33) % UInt64(max(bound, 1)))
    }

    /// Spellings that sound alike: each pair is tried both ways.
    static let sounds: [(String, String)] = [
        ("ou", "w"), ("eau", "o"), ("au", "o"), ("ph", "f"), ("qu", "k"), ("c", "k"), ("gn", "ni"),
        ("h", ""), ("ll", "l"), ("nn", "n"), ("tt", "t"), ("ss", "s"), ("rr", "r"), ("pp", "p"),
    ]

    /// `name` folded (accents left out, as agents often type) with one slip in its longest word.
    mutating func apply(to name: String) -> String {
        var words = SearchText.words(name)
        guard let longest = words.indices.max(by: { words[$0].count < words[$1].count }), words[longest].count >= 3 else {
            return words.joined(separator: " ")
        }
        let word = words[longest]
        if next(3) == 0, let respelled = phonetic(word) {
            words[longest] = respelled
        } else {
            var slipped = edit(Array(word))
            if word.count >= 8, next(2) == 0 { slipped = edit(slipped) }
            words[longest] = String(slipped)
        }
        return words.joined(separator: " ")
    }

    private mutating func phonetic(_ word: String) -> String? {
        var options: [String] = []
        for (a, b) in Self.sounds {
            for (from, to) in [(a, b), (b, a)] where !from.isEmpty {
                if let range = firstRange(of: from, in: word) {
                    let replaced = String(word[..<range.lowerBound]) + to + String(word[range.upperBound...])
                    if replaced != word, replaced.count >= 2 { options.append(replaced) }
                }
            }
        }
        return options.isEmpty ? nil : options[next(options.count)]
    }

    private func firstRange(of needle: String, in word: String) -> Range<String.Index>? {
        var index = word.startIndex
        while index < word.endIndex {
            if word[index...].hasPrefix(needle) { return index..<word.index(index, offsetBy: needle.count) }
            index = word.index(after: index)
        }
        return nil
    }

    private mutating func edit(_ letters: [Character]) -> [Character] {
        var letters = letters
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        let i = next(letters.count)
        switch next(4) {
        case 0 where letters.count > 3: letters.remove(at: i)
        case 1: letters.insert(alphabet[next(26)], at: i)
        case 2: letters[i] = alphabet[next(26)]
        default:
            let j = min(i, letters.count - 2)
            letters.swapAt(j, j + 1)
        }
        return letters
    }
}
