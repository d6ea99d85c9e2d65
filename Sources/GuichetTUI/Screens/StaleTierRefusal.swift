import SIMSModel

/// What a form shows when the store refused its submission because a colleague changed the same
/// tier meanwhile (``StaleTierError``): the first line of the explanation on the status line, the
/// others (which field, by whom, when) in a banner above the help line, until the next key. The
/// dossier's form (``IntakeScreen``) and the tier's (``TierFormScreen``) show it alike.
///
/// ```swift
/// } catch let stale as StaleTierError {
///     banner = StaleTierRefusal.shown(stale, on: session)
/// }
/// ```
enum StaleTierRefusal {
    /// Puts the refusal's first line on the status line of `session`; returns the banner's lines.
    static func shown(_ stale: StaleTierError, on session: AppSession) -> [String] {
        let lines = stale.description.split(separator: "\n").map(String.init)
        session.message = .error(lines.first ?? "\(stale)")
        return Array(lines.dropFirst())
    }
}
