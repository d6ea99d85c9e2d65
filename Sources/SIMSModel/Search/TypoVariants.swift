/// The words at one edit (deletion, insertion, substitution or transposition of neighbours) from a word.
///
/// ```swift
/// TypoVariants.of("wamitan").contains("wamytan")   // true
/// ```
public enum TypoVariants {
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz")

    /// Every word at edit distance one from `word` (over a–z).
    public static func of(_ word: String) -> Set<String> {
        let chars = Array(word)
        var result = Set<String>()
        for i in 0..<chars.count {
            var deleted = chars
            deleted.remove(at: i)
            result.insert(String(deleted))
            for letter in alphabet where letter != chars[i] {
                var substituted = chars
                substituted[i] = letter
                result.insert(String(substituted))
            }
            if i + 1 < chars.count, chars[i] != chars[i + 1] {
                var swapped = chars
                swapped.swapAt(i, i + 1)
                result.insert(String(swapped))
            }
        }
        for i in 0...chars.count {
            for letter in alphabet {
                var inserted = chars
                inserted.insert(letter, at: i)
                result.insert(String(inserted))
            }
        }
        result.remove(word)
        return result
    }
}
