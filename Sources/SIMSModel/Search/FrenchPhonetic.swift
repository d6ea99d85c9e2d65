/// A French phonetic key for names, so that spellings that sound alike meet:
/// Ouamytan and Wamytan, Lefèvre and Lefebvre, Caoua and Cawa, Philippe and Filipe; see also
/// ``soundAlikes(_:)`` for the spellings the stored key does not bring together.
///
/// The key works on a folded word (see ``SearchText``) and keeps its first sounds in order, so
/// that the key of a prefix is, in most cases, a prefix of the key of the word: a name typed
/// half-way still finds its phonetic variants.
///
/// ```swift
/// FrenchPhonetic.key("ouamytan") == FrenchPhonetic.key("wamytan")   // true: "wamitan"
/// FrenchPhonetic.key("lefebvre") == FrenchPhonetic.key("lefevre")   // true
/// ```
public enum FrenchPhonetic {
    /// The phonetic key of one folded word (lower-case ASCII letters; others pass through).
    public static func key(_ word: String) -> String {
        var word = word
        return word.withUTF8(key(of:))
    }

    /// The keys a typed word may sound like: its own key first, then the keys of the spellings
    /// that the key does not bring together but that sound alike in New Caledonia: « gn » and
    /// « ni » before a vowel (Magnan, Manian), « eo » for « eau » (Moreo, Moreau), « ao » and
    /// « aou » (Tjibao, Tjibaou). The stored keys stay those of ``key(_:)``: the respellings are
    /// worked out on the typed word only, so that no index needs rebuilding.
    ///
    /// ```swift
    /// FrenchPhonetic.soundAlikes("moreo")   // ["moreo", "moro"]
    /// ```
    public static func soundAlikes(_ word: String) -> [String] {
        var keys = [key(word)]
        for respelled in respellings(of: word) {
            let other = key(respelled)
            if !keys.contains(other) { keys.append(other) }
        }
        return keys
    }

    /// The word with each of the alike spellings replaced, one rule at a time.
    static func respellings(of word: String) -> [String] {
        let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y"]
        let letters = Array(word)
        var result: [String] = []
        func add(_ text: [Character]) { let s = String(text); if s != word, !result.contains(s) { result.append(s) } }
        func replacing(_ old: String, _ new: String, where ok: (Int) -> Bool = { _ in true }) -> [Character] {
            let old = Array(old), new = Array(new)
            var out: [Character] = []
            var i = 0
            while i < letters.count {
                if i + old.count <= letters.count, Array(letters[i..<(i + old.count)]) == old, ok(i) {
                    out += new
                    i += old.count
                } else {
                    out.append(letters[i])
                    i += 1
                }
            }
            return out
        }
        add(replacing("gn", "ni"))
        add(replacing("ni", "gn") { i in i > 0 && i + 2 < letters.count && vowels.contains(letters[i + 2]) })
        add(replacing("eo", "eau") { i in !(i + 2 < letters.count && letters[i + 2] == "u") })
        add(replacing("aou", "ao"))
        add(replacing("ao", "aou") { i in !(i + 2 < letters.count && letters[i + 2] == "u") })
        return result
    }

    /// The key of a word's bytes, worked out in a buffer on the stack: the import computes a few
    /// for each of a million tiers.
    private static func key(of bytes: UnsafeBufferPointer<UInt8>) -> String {
        let n = bytes.count
        // Each sound consumes one byte or more and writes one at most.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(n, 1)) { out in
            var count = 0
            // Doubled letters collapse as they are written.
            func emit(_ letter: UInt8) {
                if count == 0 || out[count - 1] != letter {
                    out[count] = letter
                    count += 1
                }
            }
            func at(_ i: Int) -> UInt8 { i >= 0 && i < n ? bytes[i] : 0 }
            func isVowel(_ c: UInt8) -> Bool { c == a || c == e || c == i_ || c == o || c == u || c == y }
            var i = 0
            while i < n {
                let ch = bytes[i]
                let next = at(i + 1)
                switch ch {
                case o where next == u:
                    // "ou" before a vowel sounds like w (Ouamytan, Ouégoa); else u.
                    emit(isVowel(at(i + 2)) ? w : u)
                    i += 2; continue
                case e where next == a && at(i + 2) == u:
                    emit(o); i += 3; continue
                case a where next == u:
                    emit(o); i += 2; continue
                case a where next == i_ || next == y:
                    emit(e); i += 2; continue
                case e where next == i_ || next == y:
                    emit(e); i += 2; continue
                case y:
                    emit(i_)
                case p where next == h:
                    emit(f); i += 2; continue
                case b where next == v:
                    emit(v); i += 2; continue
                case t where next == h:
                    emit(t); i += 2; continue
                case s where next == c && at(i + 2) == h:
                    emit(x); i += 3; continue
                case c where next == h, s where next == h:
                    emit(x); i += 2; continue
                case c where next == k:
                    emit(k); i += 2; continue
                case q where next == u:
                    emit(k); i += 2; continue
                case q:
                    emit(k)
                case c:
                    emit(next == e || next == i_ || next == y ? s_ : k)
                case g where next == u && (at(i + 2) == e || at(i + 2) == i_):
                    emit(g); i += 2; continue
                // « gn » stays as written: an earlier version meant to make it « n » but compared
                // the next byte with the word's length, so the keys stored in the index keep the g.
                // Changing it means rebuilding every tier's search tokens (see the notes).
                case g where next == e || next == i_ || next == y:
                    emit(j)
                case z:
                    emit(s_)
                case h:
                    break // silent
                case w where next == h:
                    emit(w); i += 2; continue
                default:
                    emit(ch)
                }
                i += 1
            }
            // Silent endings: a final e, s, t, x or d after at least three sounds.
            while count > 3 {
                let last = out[count - 1]
                guard last == e || last == s_ || last == t || last == x || last == d else { break }
                count -= 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: out[..<count]), as: UTF8.self)
        }
    }

    private static let a = UInt8(ascii: "a"), b = UInt8(ascii: "b"), c = UInt8(ascii: "c")
    private static let d = UInt8(ascii: "d"), e = UInt8(ascii: "e"), f = UInt8(ascii: "f")
    private static let g = UInt8(ascii: "g"), h = UInt8(ascii: "h"), i_ = UInt8(ascii: "i")
    private static let j = UInt8(ascii: "j"), k = UInt8(ascii: "k")
    private static let o = UInt8(ascii: "o"), p = UInt8(ascii: "p"), q = UInt8(ascii: "q")
    private static let s_ = UInt8(ascii: "s"), s = UInt8(ascii: "s"), t = UInt8(ascii: "t")
    private static let u = UInt8(ascii: "u"), v = UInt8(ascii: "v"), w = UInt8(ascii: "w")
    private static let x = UInt8(ascii: "x"), y = UInt8(ascii: "y"), z = UInt8(ascii: "z")
}
