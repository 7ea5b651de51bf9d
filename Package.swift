// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Waymark",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "waymark", targets: ["waymark"]),
        .executable(name: "waymark-bench", targets: ["WaymarkBench"]),
        .library(name: "WaymarkCore", targets: ["WaymarkCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        // Already there for AsyncHTTPClient; named for the trust roots of `SSL_CERT_FILE`.
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        .target(name: "WaymarkCore", swiftSettings: swiftSettings),
        // The fictional Ballymun sample directory, for the demo, the benchmarks and the tests: not
        // part of what a node needs (the server does not depend on it).
        .target(name: "WaymarkSample", dependencies: ["WaymarkCore"], swiftSettings: swiftSettings),
        .target(name: "WaymarkCrypto", dependencies: ["WaymarkCore", "CSodium"], swiftSettings: swiftSettings),
        .target(
            name: "WaymarkStore",
            dependencies: ["WaymarkCore", "WaymarkCrypto", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "WaymarkSync",
            dependencies: [
                "WaymarkCore", "WaymarkCrypto", "WaymarkStore", .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "WaymarkServer",
            dependencies: [
                "WaymarkCore", "WaymarkCrypto", "WaymarkStore", "WaymarkSync",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "waymark",
            dependencies: [
                "WaymarkServer", "WaymarkStore", "WaymarkCrypto", "WaymarkCore", "WaymarkSync", "WaymarkSample",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "WaymarkBench",
            dependencies: [
                "WaymarkCore", "WaymarkCrypto", "WaymarkStore", "WaymarkTestKit", "WaymarkServer", "WaymarkSync", "WaymarkSample",
                .product(name: "HummingbirdTesting", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "WaymarkTestKit", dependencies: ["WaymarkCore", "WaymarkCrypto"], swiftSettings: swiftSettings),
        .testTarget(name: "WaymarkCoreTests", dependencies: ["WaymarkCore", "WaymarkSample", "WaymarkTestKit"], swiftSettings: swiftSettings),
        .testTarget(name: "WaymarkCryptoTests", dependencies: ["WaymarkCrypto"], swiftSettings: swiftSettings),
        .testTarget(name: "WaymarkStoreTests", dependencies: ["WaymarkStore", "WaymarkSample", "WaymarkTestKit"], swiftSettings: swiftSettings),
        .testTarget(
            name: "WaymarkSyncTests",
            dependencies: [
                "WaymarkSync", "WaymarkStore", "WaymarkCore", "WaymarkCrypto", "WaymarkTestKit", .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WaymarkServerTests",
            dependencies: [
                "WaymarkServer", "WaymarkStore", "WaymarkSync", "WaymarkSample", "WaymarkTestKit",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
