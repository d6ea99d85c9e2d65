/// How « Prendre le suivant » keeps two agents from claiming the same dossier: the clause that
/// ends its SELECT of the next free dossier. The claim's UPDATE checks again that the dossier is
/// still free (`changesCount == 1`), whatever the engine: no dossier is ever claimed twice. The
/// clause lets an engine where writers run side by side hand a colleague claiming at the same
/// moment the next dossier instead of this one (PostgreSQL: ` FOR UPDATE SKIP LOCKED`). Each
/// engine's session adopts it (`try db.capability(ClaimLocking.self)`).
package protocol ClaimLocking {
    /// Appended to `SELECT … ORDER BY … LIMIT 1`; "" or starting with a space.
    var claimLockClause: String { get }
}
