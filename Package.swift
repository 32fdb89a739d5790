// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Readout",
    products: [
        .executable(name: "readout", targets: ["readout"]),
        .library(name: "ReadoutEngine", targets: ["ReadoutEngine"]),
        .library(name: "ReadoutWorkbench", targets: ["ReadoutWorkbench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        /// libedit, the BSD line editor (Debian: libedit-dev).
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        /// Text model and analysis: no terminal, no file system.
        .target(
            name: "ReadoutEngine",
            dependencies: [],
            resources: [.copy("Data")]
        ),
        /// Workspace, command language, registry, renderers, loaders.
        .target(
            name: "ReadoutWorkbench",
            dependencies: [
                "ReadoutEngine",
                .product(name: "OrderedCollections", package: "swift-collections"),
            ]
        ),
        /// The thin `readout` executable: REPL and flags.
        .executableTarget(
            name: "readout",
            dependencies: [
                "ReadoutEngine",
                "ReadoutWorkbench",
                "CLibEdit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// Release-mode benchmarks against the reference pipeline (`make bench`).
        .executableTarget(
            name: "readout-bench",
            dependencies: [
                "ReadoutWorkbench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// Compiles the engine's text word lists into `Data/lists.bin` (`make lists`).
        .executableTarget(
            name: "readout-lists",
            dependencies: [
                "ReadoutWorkbench",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// Replays fuzz inputs from files when the fuzz targets are built without FUZZING.
        .target(name: "FuzzReplay"),
        /// libFuzzer target for the analysis engine (`make fuzz`); without FUZZING it replays inputs.
        .executableTarget(
            name: "readout-fuzz-engine",
            dependencies: ["ReadoutEngine", "FuzzReplay"]
        ),
        /// libFuzzer target for the command language (`make fuzz`); without FUZZING it replays inputs.
        .executableTarget(
            name: "readout-fuzz-commands",
            dependencies: ["ReadoutWorkbench", "FuzzReplay"]
        ),
        /// Helpers shared by the test targets (a seeded random generator).
        .target(
            name: "ReadoutTestSupport",
            path: "Tests/ReadoutTestSupport"
        ),
        .testTarget(
            name: "ReadoutEngineTests",
            dependencies: ["ReadoutEngine", "ReadoutTestSupport"]
        ),
        .testTarget(
            name: "ReadoutWorkbenchTests",
            dependencies: ["ReadoutWorkbench", "ReadoutTestSupport"],
            exclude: ["Transcripts", "Fixtures"]
        ),
        /// Black-box tests of the `readout` binary (scripted runs and a pseudo-terminal).
        .testTarget(
            name: "ReadoutCLITests",
            dependencies: ["readout"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
