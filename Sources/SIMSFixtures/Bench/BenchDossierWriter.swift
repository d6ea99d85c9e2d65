import SIMSModel
import Foundation
import GRDB
import GRDBSQLite

/// Writes the rows of one bench generation on the writer connection: each dossier with its
/// final state, its deposit event at once, its claim and decision events once the deposits reach
/// their instants, every event chained as ``EventLog`` chains them.
struct BenchDossierWriter {
    let db: Database
    var random: DemoRandomGenerator
    let nowMs: Int64
    let todayDay: Int64
    let instructors: [Int64]
    let supervisors: [Int64]
    let receptionists: [Int64]
    let pools: BenchApplicantPools
    let onlySubmitted: Bool
    let insertDossier: Statement
    let insertEvent: Statement
    var nextDossierID: Int64
    var nextEventID: Int64
    var previousHash: String
    var numbers: [String: Int] = [:]
    var dayISO: [Int64: String] = [:]
    var utcDays: [Int64: [UInt8]] = [:]
    var decidedPayloads: [String: String] = [:]
    let claimPayload = FlatJSON.encode(["etat_avant": "depose", "etat_apres": "en_instruction", "suivant": "oui"])
    var pending = BenchEventHeap()
    var sequence: Int64 = 0
    var summary = BenchDossierGenerator.Summary()
    let shares: [Int]

    init(_ db: Database, seed: UInt64, now: Date, staff: [Role: [Int64]], pools: BenchApplicantPools, onlySubmitted: Bool) throws {
        self.db = db
        random = DemoRandomGenerator(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 7)
        nowMs = Int64(now.timeIntervalSince1970 * 1000)
        todayDay = BenchCivilDay.ncDay(nowMs / 1000)
        instructors = staff[.instructor] ?? []
        supervisors = staff[.supervisor] ?? []
        receptionists = staff[.reception] ?? []
        self.pools = pools
        self.onlySubmitted = onlySubmitted
        insertDossier = try db.makeStatement(sql: """
            INSERT INTO dossier (id, number, tracking_code, procedure_code, procedure_title, applicant_id, applicant_version,
                beneficiary_id, beneficiary_version, state, answers, created_by, assignee_id, created_at, updated_at,
                submitted_at, due_on, version, proposed_decision, proposed_by, decision_motif, decided_by, decided_at,
                pieces_requested, pieces_due_on)
            VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertEvent = try db.makeStatement(sql: """
            INSERT INTO event (id, at, agent_id, kind, tier_id, dossier_id, payload, prev_hash, hash, content_digest, content_salt)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        nextDossierID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM dossier") ?? 0) + 1
        nextEventID = try EventLog.nextID(SQLiteSession(db))
        previousHash = try String.fetchOne(db, sql: "SELECT last_hash FROM chain_head WHERE id = 1") ?? EventLog.genesisHash
        var total = 0
        shares = BenchProcedure.all.map { total += $0.share; return total }
    }

    mutating func day(_ day: Int64) -> String {
        if let known = dayISO[day] { return known }
        let iso = CalendarDate(dayNumber: Int(day)).iso
        dayISO[day] = iso
        return iso
    }

    /// `2026-11-29T07:12:33.123Z` as ``Timestamp/string(from:)`` writes it, without `gmtime`
    /// and with the date part remembered per day: a few million of them are written.
    mutating func timestamp(_ ms: Int64) -> String {
        let seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
        let millis = Int(ms - seconds * 1000)
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let time = Int(seconds - day * 86_400)
        let date: [UInt8]
        if let known = utcDays[day] {
            date = known
        } else {
            date = Array((CalendarDate(dayNumber: Int(day)).iso + "T").utf8)
            utcDays[day] = date
        }
        return String(unsafeUninitializedCapacity: 24) { buffer in
            for (index, byte) in date.enumerated() { buffer[index] = byte }
            func put(_ value: Int, _ at: Int, _ width: Int) {
                var rest = value
                for index in stride(from: at + width - 1, through: at, by: -1) {
                    buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(time / 3600, 11, 2)
            buffer[13] = UInt8(ascii: ":")
            put(time / 60 % 60, 14, 2)
            buffer[16] = UInt8(ascii: ":")
            put(time % 60, 17, 2)
            buffer[19] = UInt8(ascii: ".")
            put(millis, 20, 3)
            buffer[23] = UInt8(ascii: "Z")
            return 24
        }
    }

    /// A tracking code of its own for each dossier: the dossier's id through a bijection of
    /// the 25⁶ codes (the multiplier is prime to 5), so that no two dossiers share one.
    static func trackingCode(_ id: Int64) -> String {
        let alphabet = TrackingCode.alphabet
        var value = (UInt64(id) &* 48_271_003 &+ 1_234_567) % 244_140_625
        var characters: [Character] = []
        for index in 0..<6 {
            if index == 3 { characters.append("-") }
            characters.append(alphabet[Int(value % 25)])
            value /= 25
        }
        return String(characters)
    }

    /// Writes one dossier deposited at `submittedMs`, its deposit event, and queues its
    /// claim and decision events.
    mutating func deposit(at submittedMs: Int64) throws {
        while let next = pending.first, next.at <= submittedMs {
            try append(pending.pop()!)
        }
        let pick = random.below(100)
        let kind = BenchProcedure.all[shares.firstIndex { pick < $0 } ?? 0]
        let id = nextDossierID
        nextDossierID += 1
        let applicant: Int64, beneficiary: Int64?
        switch kind.applicant {
        case .family:
            let family = random.element(of: pools.families)
            (applicant, beneficiary) = (family.parent, family.child == family.parent ? nil : family.child)
        case .adult: (applicant, beneficiary) = (random.element(of: pools.adults), nil)
        case .organisation: (applicant, beneficiary) = (random.element(of: pools.organisations), nil)
        }
        let submittedDay = BenchCivilDay.ncDay(submittedMs / 1000)
        let year = CalendarDate(dayNumber: Int(submittedDay)).year
        let prefix = "\(kind.code)-\(year)"
        let sequenceNumber = (numbers[prefix] ?? 0) + 1
        numbers[prefix] = sequenceNumber
        let number = prefix + "-" + String(repeating: "0", count: max(0, 6 - String(sequenceNumber).count)) + String(sequenceNumber)
        let dueOn = day(submittedDay + Int64(kind.deadlineDays))
        let receptionist = random.element(of: receptionists)
        let submittedAt = timestamp(submittedMs)
        let createdAt = timestamp(submittedMs - Int64(random.between(120, 1500)) * 1000)

        // Its fate: a processing time (8 % beyond the deadline), reached or not by now.
        var state = DossierState.submitted
        var assignee: Int64?, claimMs: Int64?, decidedMs: Int64?, decision: DossierDecision?, decider: Int64?
        var piecesRequested: String?, piecesDueOn: String?, version = 2
        if !onlySubmitted {
            let factor = random.chance(0.92) ? 0.1 + 0.9 * random.unit() : 1.0 + random.unit()
            let processingMs = Int64(Double(kind.deadlineDays) * factor * 86_400_000)
            let ageMs = nowMs - submittedMs
            let stuck = random.chance(0.003)
            let progress = Double(ageMs) / Double(processingMs)
            if progress >= 0.2 {
                assignee = random.chance(0.9) ? random.element(of: instructors) : random.element(of: supervisors)
                claimMs = submittedMs + processingMs / 5
                version += 1
            }
            if progress >= 1, !stuck {
                let draw = random.below(100)
                decision = draw < 75 ? .accepted : draw < 93 ? .refused : .closedWithoutAction
                state = decision!.state
                decidedMs = submittedMs + processingMs
                decider = kind.reviewLevels == 1 ? assignee : random.element(of: supervisors.filter { $0 != assignee })
                version += 2
            } else if progress >= 1 {
                state = random.chance(0.6) ? .awaitingPieces : .underReview
            } else if progress >= 0.75 {
                state = .awaitingValidation
                let draw = random.below(100)
                decision = draw < 75 ? .accepted : draw < 93 ? .refused : .closedWithoutAction
                version += 1
            } else if progress >= 0.2 {
                state = random.chance(0.3) ? .awaitingPieces : .underReview
            }
            if state == .awaitingPieces {
                piecesRequested = "Avis d'imposition\nJustificatif de domicile de moins de 3 mois"
                piecesDueOn = day(todayDay + Int64(random.between(-5, 20)))
                version += 1
            }
        }
        let motif = decision.map { random.element(of: BenchStaff.motifs[$0]!) }
        let proposed = state == .awaitingValidation || (decidedMs != nil && kind.reviewLevels == 2)
        let updatedMs = decidedMs ?? claimMs.map { max($0, submittedMs) } ?? submittedMs
        let answers = kind.answersJSON(year: year, using: &random)
        let updatedAt = timestamp(updatedMs)
        var decidedAt: String?
        if let decidedMs { decidedAt = timestamp(decidedMs) }
        let statement = insertDossier.sqliteStatement
        sqlite3_reset(statement)
        sqlite3_bind_int64(statement, 1, id)
        bind(number, statement, 2)
        bind(Self.trackingCode(id), statement, 3)
        bind(kind.code, statement, 4)
        bind(kind.title, statement, 5)
        sqlite3_bind_int64(statement, 6, applicant)
        bind(beneficiary, statement, 7)
        bind(beneficiary.map { _ in 1 }, statement, 8)
        bind(state.rawValue, statement, 9)
        bind(answers, statement, 10)
        sqlite3_bind_int64(statement, 11, receptionist)
        bind(assignee, statement, 12)
        bind(createdAt, statement, 13)
        bind(updatedAt, statement, 14)
        bind(submittedAt, statement, 15)
        bind(dueOn, statement, 16)
        sqlite3_bind_int64(statement, 17, Int64(version))
        bind(proposed ? decision?.rawValue : nil, statement, 18)
        bind(proposed ? assignee : nil, statement, 19)
        bind(motif, statement, 20)
        bind(decider, statement, 21)
        bind(decidedAt, statement, 22)
        bind(piecesRequested, statement, 23)
        bind(piecesDueOn, statement, 24)
        try step(statement)
        summary.dossiers += 1
        summary.states[state, default: 0] += 1
        if QueueStateScope.openStates.contains(state), submittedDay + Int64(kind.deadlineDays) < todayDay { summary.overdue += 1 }

        try append(BenchPendingEvent(at: submittedMs, sequence: 0, kind: .dossierSubmitted, dossierID: id, tierID: applicant,
                                     agentID: receptionist, payload: Self.submittedPayload(number: number, procedure: kind.code)))
        if let claimMs, let assignee {
            sequence += 1
            pending.push(BenchPendingEvent(at: claimMs, sequence: sequence, kind: .dossierClaimed, dossierID: id,
                                           tierID: applicant, agentID: assignee,
                                           payload: claimPayload))
        }
        if let decidedMs, let decision, let decider, let motif {
            sequence += 1
            let payload = decidedPayload(decision: decision, motif: motif, reviewLevels: kind.reviewLevels)
            pending.push(BenchPendingEvent(at: decidedMs, sequence: sequence, kind: .dossierDecided, dossierID: id,
                                           tierID: applicant, agentID: decider, payload: payload))
        }
    }

    /// Appends one event to the chain.
    mutating func append(_ event: BenchPendingEvent) throws {
        let at = timestamp(event.at)
        let payload = event.payload
        let salt = EventContent.newSalt()
        let content = EventContent.digest(salt: salt, tierID: event.tierID, payload: payload)
        let hash = EventLog.chainDigest(id: nextEventID, at: at, agentID: event.agentID, kind: event.kind.rawValue,
                                        dossierID: event.dossierID, content: content, prevHash: previousHash)
        let statement = insertEvent.sqliteStatement
        sqlite3_reset(statement)
        sqlite3_bind_int64(statement, 1, nextEventID)
        bind(at, statement, 2)
        sqlite3_bind_int64(statement, 3, event.agentID)
        bind(event.kind.rawValue, statement, 4)
        sqlite3_bind_int64(statement, 5, event.tierID)
        sqlite3_bind_int64(statement, 6, event.dossierID)
        bind(payload, statement, 7)
        bind(previousHash, statement, 8)
        bind(hash, statement, 9)
        bind(content, statement, 10)
        bind(salt, statement, 11)
        try step(statement)
        previousHash = hash
        nextEventID += 1
        summary.events += 1
    }

    /// The payload of a deposit, as ``FlatJSON`` encodes it (numbers and codes need no escaping).
    static func submittedPayload(number: String, procedure: String) -> String {
        "{\"champs_ecrits\":\"\",\"demarche\":\"\(procedure)\",\"numero\":\"\(number)\",\"pieces_manquantes\":\"0\"}"
    }

    /// The payload of a decision (a few dozen different ones, encoded once each).
    mutating func decidedPayload(decision: DossierDecision, motif: String, reviewLevels: Int) -> String {
        let key = "\(reviewLevels)|\(decision.rawValue)|\(motif)"
        if let known = decidedPayloads[key] { return known }
        let payload = FlatJSON.encode(["etat_avant": reviewLevels == 2 ? "a_valider" : "en_instruction",
                                       "etat_apres": decision.state.rawValue, "decision": decision.rawValue, "motif": motif])
        decidedPayloads[key] = payload
        return payload
    }

    private func bind(_ text: String?, _ statement: OpaquePointer, _ index: Int32) { SQLiteBinding.bind(text, statement, index) }

    private func bind(_ value: Int64?, _ statement: OpaquePointer, _ index: Int32) { SQLiteBinding.bind(value, statement, index) }

    private func bind(_ value: Int?, _ statement: OpaquePointer, _ index: Int32) {
        bind(value.map(Int64.init), statement, index)
    }

    private func step(_ statement: OpaquePointer) throws { try SQLiteBinding.step(statement, in: db) }

    /// Appends the events still waiting (none is later than now), moves the chain's head and
    /// the dossier numbers' counters past what was written.
    mutating func finish() throws {
        while let event = pending.pop() { try append(event) }
        try db.execute(sql: """
            INSERT INTO chain_head (id, last_event_id, last_hash) VALUES (1, ?, ?)
            ON CONFLICT(id) DO UPDATE SET last_event_id = excluded.last_event_id, last_hash = excluded.last_hash
            """, arguments: [nextEventID - 1, previousHash])
        for (prefix, last) in numbers {
            let parts = prefix.split(separator: "-")
            try db.execute(sql: """
                INSERT INTO dossier_number (prefix, year, last) VALUES (?, ?, ?)
                ON CONFLICT(prefix, year) DO UPDATE SET last = max(last, excluded.last)
                """, arguments: [String(parts[0]), Int(parts[1])!, last])
        }
    }
}
