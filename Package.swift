// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "SeatPlan",
    platforms: [.macOS(.v13)],
    // MARK: Products
    products: [
        .executable(name: "seatplan", targets: ["seatplan"]),
        .library(name: "SeatPlanKit", targets: ["SeatPlanKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: C wrapper
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // MARK: Core library
        .target(
            name: "SeatPlanKit",
            dependencies: [
                "CGSL",
                "CGLPK",
                "CXlsxWriter",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // MARK: Command line
        .executableTarget(
            name: "seatplan",
            dependencies: [
                "SeatPlanKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // MARK: Tests
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "SeatPlanKitTests",
            dependencies: ["SeatPlanKit", "TestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "SeatPlanCLITests",
            dependencies: ["SeatPlanKit", "TestSupport"],
            exclude: ["Malformed"]
        ),
        .testTarget(
            name: "SeatPlanBrowserTests",
            dependencies: ["TestSupport"]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// MARK: Fuzzing — only when SEATPLAN_FUZZ is set (`make fuzz`), so that `swift build` and `swift test`
// never build it: libFuzzer over the loader and the validator (Sources/SeatPlanFuzz).
if Context.environment["SEATPLAN_FUZZ"] != nil {
    package.targets.append(.executableTarget(name: "SeatPlanFuzz", dependencies: ["SeatPlanKit"]))
}
