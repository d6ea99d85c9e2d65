package import GRDB

extension SQLiteSession: TierIDReserving {
    func reserveTierIDs(count: Int64) throws -> Int64 {
        let used = try Int64.fetchOne(database, sql: "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'tier'), 0), coalesce((SELECT max(id) FROM tier), 0))") ?? 0
        try database.execute(sql: "UPDATE sqlite_sequence SET seq = ? WHERE name = 'tier'", arguments: [used + count])
        if database.changesCount == 0 {
            try database.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES ('tier', ?)", arguments: [used + count])
        }
        return used + 1
    }

    func releaseTierIDs(reservedUpTo reserved: Int64, usedUpTo used: Int64) throws {
        guard used < reserved else { return }
        try database.execute(sql: "UPDATE sqlite_sequence SET seq = ? WHERE name = 'tier' AND seq = ?", arguments: [used, reserved])
    }
}
