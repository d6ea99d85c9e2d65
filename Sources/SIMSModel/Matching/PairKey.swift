/// Two tier ids, the smaller first.
struct PairKey: Hashable {
    let a: Int64
    let b: Int64
    init(_ x: Int64, _ y: Int64) { (a, b) = x < y ? (x, y) : (y, x) }
}
