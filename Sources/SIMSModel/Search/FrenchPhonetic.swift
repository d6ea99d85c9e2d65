/// A French phonetic key for names, so that spellings that sound alike meet:
/// Ouamytan and Wamytan, Lefèvre and Lefebvre, Tjibaou and Tjibao.
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
        let bytes = Array(word.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let n = bytes.count
        func at(_ i: Int) -> UInt8 { i >= 0 && i < n ? bytes[i] : 0 }
        func isVowel(_ c: UInt8) -> Bool { c == a || c == e || c == i_ || c == o || c == u || c == y }
        var i = 0
        while i < n {
            let ch = bytes[i]
            let next = at(i + 1)
            switch ch {
            case o where next == u:
                // "ou" before a vowel sounds like w (Ouamytan, Ouégoa); else u.
                out.append(isVowel(at(i + 2)) ? w : u)
                i += 2; continue
            case e where next == a && at(i + 2) == u:
                out.append(o); i += 3; continue
            case a where next == u:
                out.append(o); i += 2; continue
            case a where next == i_ || next == y:
                out.append(e); i += 2; continue
            case e where next == i_ || next == y:
                out.append(e); i += 2; continue
            case y:
                out.append(i_)
            case p where next == h:
                out.append(f); i += 2; continue
            case b where next == v:
                out.append(v); i += 2; continue
            case t where next == h:
                out.append(t); i += 2; continue
            case s where next == c && at(i + 2) == h:
                out.append(x); i += 3; continue
            case c where next == h, s where next == h:
                out.append(x); i += 2; continue
            case c where next == k:
                out.append(k); i += 2; continue
            case q where next == u:
                out.append(k); i += 2; continue
            case q:
                out.append(k)
            case c:
                out.append(next == e || next == i_ || next == y ? s_ : k)
            case g where next == u && (at(i + 2) == e || at(i + 2) == i_):
                out.append(g); i += 2; continue
            case g where next == n:
                out.append(n_); i += 2; continue
            case g where next == e || next == i_ || next == y:
                out.append(j)
            case z:
                out.append(s_)
            case h:
                break // silent
            case w where next == h:
                out.append(w); i += 2; continue
            default:
                out.append(ch)
            }
            i += 1
        }
        // Collapse doubled letters.
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(out.count)
        for letter in out where collapsed.last != letter { collapsed.append(letter) }
        // Silent endings: a final e, s, t, x, d or z after at least three sounds.
        while collapsed.count > 3, let last = collapsed.last,
              last == e || last == s_ || last == t || last == x || last == d {
            collapsed.removeLast()
        }
        return String(decoding: collapsed, as: UTF8.self)
    }

    private static let a = UInt8(ascii: "a"), b = UInt8(ascii: "b"), c = UInt8(ascii: "c")
    private static let d = UInt8(ascii: "d"), e = UInt8(ascii: "e"), f = UInt8(ascii: "f")
    private static let g = UInt8(ascii: "g"), h = UInt8(ascii: "h"), i_ = UInt8(ascii: "i")
    private static let j = UInt8(ascii: "j"), k = UInt8(ascii: "k"), n_ = UInt8(ascii: "n")
    private static let o = UInt8(ascii: "o"), p = UInt8(ascii: "p"), q = UInt8(ascii: "q")
    private static let s_ = UInt8(ascii: "s"), s = UInt8(ascii: "s"), t = UInt8(ascii: "t")
    private static let u = UInt8(ascii: "u"), v = UInt8(ascii: "v"), w = UInt8(ascii: "w")
    private static let x = UInt8(ascii: "x"), y = UInt8(ascii: "y"), z = UInt8(ascii: "z")
}
