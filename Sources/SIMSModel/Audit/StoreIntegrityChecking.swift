/// What `guichet check` asks of the engine itself, beyond the rows (``ChainVerifier``): its own
/// check of the file or database, the migrations applied, the attestation triggers as they stand,
/// the rows whose foreign key names nothing.
///
/// ```swift
/// let checking = try db.capability(StoreIntegrityChecking.self)
/// let messages = try checking.integrityMessages()   // [] when sound
/// ```
protocol StoreIntegrityChecking {
    /// What the engine's own integrity check finds wrong; empty when sound.
    func integrityMessages() throws -> [String]

    /// The identifiers of the migrations applied to the register.
    func appliedMigrations() throws -> Set<String>

    /// The attestation triggers that are not as the store must hold them: their name, and
    /// whether it is missing (else modified).
    func attestationTriggerProblems() throws -> [(name: String, missing: Bool)]

    /// One entry per row whose foreign key names no row: its table and the table it names.
    func foreignKeyViolations() throws -> [(table: String, parent: String)]
}
