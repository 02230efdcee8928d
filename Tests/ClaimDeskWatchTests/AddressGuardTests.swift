import Foundation
import Testing

@testable import ClaimDeskWatch

/// The watcher does not fetch the machine's own network unless told to: a cited URL is someone else's input.
@Suite("Addresses the watcher will not fetch")
struct AddressGuardTests {
    @Test(
        "loopback, private, link-local, metadata and mapped addresses are refused",
        arguments: [
            "127.0.0.1", "localhost", "10.0.0.8", "172.20.1.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "::1", "[::1]", "fd00::1", "fe80::1", "::ffff:127.0.0.1", "224.0.0.1",
        ])
    func refused(host: String) {
        #expect(AddressGuard.nonPublicAddress(of: host) != nil, "\(host) should be refused")
    }

    @Test("public addresses pass", arguments: ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111", "172.32.0.1"])
    func allowed(host: String) {
        #expect(AddressGuard.nonPublicAddress(of: host) == nil, "\(host) should be allowed")
    }

    @Test("the fetcher refuses a loopback URL before connecting, and fetches it when allowed")
    func fetcherRefusesLoopback() throws {
        let policy = FetchPolicy(userAgent: "test", timeout: 2, hostDelay: 0)
        let refused = Fetcher(policy: policy).fetch(
            try #require(URL(string: "http://127.0.0.1:9/")), etag: nil, lastModified: nil)
        #expect(refused.kind == .networkError)
        #expect(refused.detail?.contains("non-public address") == true)
    }
}
