// swift-tools-version:6.0
// The package script/generate-api builds apple/swift-openapi-generator from; it has no code of its own.
import PackageDescription
let package = Package(
    name: "openapi-gen",
    dependencies: [.package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3")],
    targets: []
)
