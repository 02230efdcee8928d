// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "ClaimDesk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "claimdesk", targets: ["claimdesk"]),
        .library(name: "LibPQ", targets: ["LibPQ"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(
            name: "LibPQ",
            dependencies: ["CLibPQ", .product(name: "Logging", package: "swift-log")]
        ),
        .target(name: "ClaimDeskDomain"),
        .executableTarget(name: "embed-migrations"),
        .plugin(
            name: "EmbedMigrations",
            capability: .buildTool(),
            dependencies: ["embed-migrations"]
        ),
        .target(
            name: "ClaimDeskStore",
            dependencies: [
                "LibPQ", "ClaimDeskDomain",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedMigrations"]
        ),
        .target(
            name: "ClaimDeskPublishing",
            dependencies: [
                "ClaimDeskDomain", "CMalloc",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Templates")]
        ),
        .target(
            name: "ClaimDeskAuthoring",
            dependencies: ["ClaimDeskDomain", .product(name: "Yams", package: "Yams")]
        ),
        // The source watch: fetching cited pages and extracting their text. Only the CLI depends on it.
        .target(
            name: "ClaimDeskWatch",
            dependencies: [
                "CLibXML2", "ClaimDeskDomain", "ClaimDeskStore", .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "ClaimDeskNotify",
            dependencies: ["ClaimDeskDomain", "ClaimDeskStore", "ClaimDeskPublishing"]
        ),
        .target(
            name: "ClaimDeskServer",
            dependencies: [
                "ClaimDeskDomain", "ClaimDeskStore", "ClaimDeskPublishing", "ClaimDeskNotify",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ClaimDeskCLI",
            dependencies: [
                "ClaimDeskDomain", "ClaimDeskStore", "ClaimDeskPublishing", "ClaimDeskAuthoring", "ClaimDeskWatch",
                "ClaimDeskNotify", "ClaimDeskServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(name: "claimdesk", dependencies: ["ClaimDeskCLI"]),
        .target(
            name: "ClaimDeskTestSupport",
            dependencies: ["LibPQ", "ClaimDeskStore", "ClaimDeskDomain"],
            path: "Tests/ClaimDeskTestSupport"
        ),
        .testTarget(name: "LibPQTests", dependencies: ["LibPQ", "CMalloc"]),
        .testTarget(name: "ClaimDeskDomainTests", dependencies: ["ClaimDeskDomain"]),
        .testTarget(
            name: "ClaimDeskStoreTests",
            dependencies: ["ClaimDeskStore", "LibPQ", "ClaimDeskDomain", "ClaimDeskTestSupport"]
        ),
        .testTarget(
            name: "ClaimDeskPublishingTests",
            dependencies: [
                "ClaimDeskPublishing", "ClaimDeskDomain", .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ClaimDeskAuthoringTests",
            dependencies: ["ClaimDeskAuthoring", "ClaimDeskStore", "ClaimDeskTestSupport", "LibPQ", "ClaimDeskDomain"]
        ),
        .testTarget(
            name: "ClaimDeskWatchTests",
            dependencies: ["ClaimDeskWatch", "ClaimDeskStore", "ClaimDeskDomain", "ClaimDeskTestSupport", "LibPQ"],
            // Read through #filePath: the loopback server script and the noise corpus.
            exclude: ["Corpus", "Server"]
        ),
        .testTarget(
            name: "ClaimDeskNotifyTests",
            dependencies: [
                "ClaimDeskNotify", "ClaimDeskServer", "ClaimDeskStore", "ClaimDeskDomain", "ClaimDeskPublishing",
                "ClaimDeskTestSupport",
                "LibPQ", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ClaimDeskCLITests",
            dependencies: ["ClaimDeskCLI", "ClaimDeskStore", "LibPQ", "ClaimDeskDomain", "ClaimDeskTestSupport"]
        ),
        .testTarget(
            name: "ClaimDeskSecurityTests",
            dependencies: [
                "ClaimDeskStore", "LibPQ", "ClaimDeskDomain", "ClaimDeskTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
