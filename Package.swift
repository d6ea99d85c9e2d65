// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Guichet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "guichet", targets: ["guichet"]),
        .library(name: "SIMSModel", targets: ["SIMSModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // PostgreSQL's wire protocol (the shared register, see Store/PostgreSQL); brings SwiftNIO.
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCurses",
            path: "Sources/CNCurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(
            name: "SIMSModel",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // The demo and benchmark generators: fictional populations, dossiers and reviews, written
        // through the model's own writers. Not part of the product's model.
        .target(
            name: "SIMSFixtures",
            dependencies: [
                "SIMSModel",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // The terminal application: terminal, keymap, widgets, screens, the application loop. It
        // talks to the model's services only (no GRDB, no SQL).
        .target(
            name: "GuichetTUI",
            dependencies: [
                "SIMSModel",
                "CNCurses",
            ],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")],
            plugins: ["KeymapEmbedding"]
        ),
        // What the `guichet` commands and the benchmarks' commands share: the store and
        // procedure options, failures and progress lines, and what the shared host's process
        // set-up found (acting for an agent, the arguments and keymap it handed over).
        .target(
            name: "GuichetCommandLine",
            dependencies: [
                "SIMSModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // `guichet bench …`: the project's figures beside their baselines.
        .target(
            name: "GuichetBench",
            dependencies: [
                "SIMSModel",
                "SIMSFixtures",
                "GuichetTUI",
                "GuichetCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // The `guichet` executable: the application without arguments, the administration
        // commands with one.
        .executableTarget(
            name: "guichet",
            dependencies: [
                "SIMSModel",
                "SIMSFixtures",
                "GuichetTUI",
                "GuichetCommandLine",
                "GuichetBench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        // keymap.conf embedded into the binary at build time.
        .executableTarget(name: "KeymapEmbedder", path: "Sources/KeymapEmbedder"),
        .plugin(name: "KeymapEmbedding", capability: .buildTool(), dependencies: ["KeymapEmbedder"]),
        // What the test targets share: a temporary store with its agents, test procedures, a test's attested fixture write.
        .target(name: "SIMSTestSupport", dependencies: ["SIMSModel", .product(name: "GRDB", package: "GRDB.swift")],
                path: "Tests/SIMSTestSupport"),
        .testTarget(name: "SIMSModelTests",
                    dependencies: ["SIMSModel", "SIMSFixtures", "SIMSTestSupport", .product(name: "Crypto", package: "swift-crypto")]),
        .testTarget(name: "SIMSFixturesTests", dependencies: ["SIMSFixtures", "SIMSModel", "SIMSTestSupport"]),
        .testTarget(name: "GuichetTUITests", dependencies: [
            "GuichetTUI", "GuichetCommandLine", "GuichetBench", "guichet", "SIMSModel", "SIMSFixtures", "SIMSTestSupport",
        ]),
    ]
)
