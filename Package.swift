// swift-tools-version:6.1
import PackageDescription

/// Settings shared by the library targets: Swift 6 mode, explicit existentials and imports.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Sentra",
    products: [
        .library(name: "SentraCore", targets: ["SentraCore"]),
        .library(name: "SentraStore", targets: ["SentraStore"]),
        .library(name: "SentraSync", targets: ["SentraSync"]),
        .library(name: "SentraServer", targets: ["SentraServer"]),
        .library(name: "SentraXLSForm", targets: ["SentraXLSForm"]),
        .library(name: "SentraQR", targets: ["SentraQR"]),
        .library(name: "SentraWeb", targets: ["SentraWeb"]),
        .library(name: "SentraPostgres", targets: ["SentraPostgres"]),
        .executable(name: "sentra", targets: ["sentra"]),
        .executable(name: "sentra-bench", targets: ["sentra-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        // Bcrypt for office users' passwords.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", exact: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", exact: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        // Test only: the TLS tests make their certificates at run time.
        .package(url: "https://github.com/apple/swift-certificates", exact: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/apple/swift-asn1", exact: "1.7.4"),
        // XLSForm: an .xlsx is a ZIP of XML parts.
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/drmohundro/SWXMLHash", exact: "8.1.1"),
        // The central node's optional PostgreSQL store.
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        .target(name: "SentraCore", swiftSettings: strictSettings),
        // Not "CZlib": ZIPFoundation's own zlib module has that name, and two modules cannot share one.
        .systemLibrary(name: "CSentraZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "SentraStore",
            dependencies: [
                "SentraCore",
                "CSentraZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SentraSync",
            dependencies: [
                "SentraCore",
                "SentraStore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SentraServer",
            dependencies: [
                "SentraCore",
                "SentraStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "SentraXLSForm",
            dependencies: [
                "SentraCore",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "SWXMLHash", package: "SWXMLHash"),
            ],
            swiftSettings: strictSettings
        ),
        // The enrolment link and its QR code, for `sentra token create --qr` and the office's
        // device page. Depends on nothing of Sentra's.
        .target(name: "SentraQR", dependencies: ["CQRencode"], swiftSettings: strictSettings),
        .target(
            name: "SentraWeb",
            dependencies: [
                "SentraCore",
                "SentraStore",
                "SentraServer",
                "SentraXLSForm",
                "SentraQR",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // The field app: static files and their node tests, not Swift sources. The
            // EmbedFieldApp plugin puts the served files into the module.
            exclude: ["FieldApp"],
            swiftSettings: strictSettings,
            plugins: ["EmbedFieldApp"]
        ),
        // The central node's store on PostgreSQL, beside the embedded SQLite replica (issue 15).
        .target(
            name: "SentraPostgres",
            dependencies: [
                "SentraCore",
                "SentraStore",
                "SentraServer",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        // Writes the field app's files into a Swift source for SentraWeb (EmbedFieldApp).
        .executableTarget(name: "sentra-embed"),
        .plugin(name: "EmbedFieldApp", capability: .buildTool(), dependencies: ["sentra-embed"]),
        .target(name: "IKMKonveksi", dependencies: ["SentraCore"], path: "Examples/ikm-konveksi/Sources/IKMKonveksi",
                swiftSettings: strictSettings),
        .executableTarget(
            name: "sentra",
            dependencies: [
                "SentraCore",
                "SentraStore",
                "SentraSync",
                "SentraServer",
                "SentraWeb",
                "SentraXLSForm",
                "IKMKonveksi",
                "SentraPostgres",
                "SentraQR",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .systemLibrary(name: "CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        // The enrolment QR codes of `sentra token create --qr` and the office's device page.
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .executableTarget(
            name: "sentra-bench",
            dependencies: [
                "SentraCore",
                "SentraStore",
                "SentraSync",
                "SentraServer",
                "SentraWeb",
                "IKMKonveksi",
                "CSQLite",
                // The Postgres rows (issue 15): a central node kept in PostgreSQL, on a throwaway
                // server started as the tests start theirs.
                "SentraPostgres",
                "SentraTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["loro_bench.py"],
            swiftSettings: strictSettings
        ),
        // Fixtures that several test targets share: a real PostgreSQL server, a free loopback port.
        .target(name: "SentraTestSupport", path: "Tests/SentraTestSupport", swiftSettings: strictSettings),
        .testTarget(name: "SentraCoreTests", dependencies: ["SentraCore"]),
        .testTarget(name: "SentraStoreTests", dependencies: ["SentraCore", "SentraStore"]),
        .testTarget(
            name: "SentraSyncTests",
            dependencies: [
                "SentraCore", "SentraStore", "SentraSync", "SentraServer", "SentraPostgres", "SentraTestSupport",
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .testTarget(
            name: "SentraServerTests",
            dependencies: [
                "SentraCore", "SentraStore", "SentraServer", "SentraPostgres", "SentraTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "SentraWebTests",
            dependencies: [
                "SentraCore", "SentraStore", "SentraServer", "SentraWeb", "SentraQR", "IKMKonveksi",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "SentraXLSFormTests",
            dependencies: ["SentraCore", "SentraXLSForm", "IKMKonveksi"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "SentraCLITests",
            dependencies: [
                "sentra", "sentra-bench", "SentraCore", "SentraStore", "SentraXLSForm", "SentraQR", "IKMKonveksi", "SentraTestSupport",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                // Test only: the browser tests speak WebDriver to chromedriver, whose replies
                // (`Content-Length:252`, no space) Foundation's URLSession on Linux rejects.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            // Golden replicas made by an earlier release (GoldenReplicaTests), read from the source tree.
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
