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
        .executable(name: "sentra", targets: ["sentra"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        .target(name: "SentraCore", swiftSettings: strictSettings),
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "SentraStore",
            dependencies: [
                "SentraCore",
                "CZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "sentra",
            dependencies: [
                "SentraCore",
                "SentraStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "SentraCoreTests", dependencies: ["SentraCore"]),
        .testTarget(name: "SentraStoreTests", dependencies: ["SentraCore", "SentraStore"]),
        .testTarget(name: "SentraCLITests", dependencies: ["sentra", "SentraCore", "SentraStore"]),
    ],
    swiftLanguageModes: [.v6]
)
