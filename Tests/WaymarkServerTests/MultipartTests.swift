import Testing

@testable import WaymarkServer

/// A file upload's body, read as browsers send it, and bodies that are not what they say.
@Suite struct MultipartTests {
    @Test func aFormWithAFileIsReadPartByPart() throws {
        #expect(Multipart.boundary(contentType: "multipart/form-data; boundary=----abc123") == "----abc123")
        #expect(Multipart.boundary(contentType: #"multipart/form-data; boundary="quoted b""#) == "quoted b")
        #expect(Multipart.boundary(contentType: "application/x-www-form-urlencoded") == nil)
        let body = Array(
            "------abc123\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntoken\r\n------abc123\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scan \\\"1\\\".pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-\r\n--not the end\r\n------abc123--\r\n"
                .utf8)
        let parts = try Multipart.parse(body, boundary: "----abc123")
        #expect(parts.count == 2)
        #expect(parts[0] == .init(name: "csrf", filename: nil, contentType: nil, data: Array("token".utf8)))
        #expect(parts[1].name == "file" && parts[1].filename == "scan \"1\".pdf" && parts[1].contentType == "application/pdf")
        #expect(parts[1].data == Array("%PDF-\r\n--not the end".utf8), "a line that only looks like a delimiter stays in the file")
    }

    @Test func aBodyThatIsNotClosedIsRefused() {
        #expect(throws: Multipart.Problem.self) { try Multipart.parse(Array("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx".utf8), boundary: "b") }
        #expect(throws: Multipart.Problem.self) { try Multipart.parse(Array("nothing here".utf8), boundary: "b") }
        #expect(throws: Multipart.Problem.self) { try Multipart.parse(Array("--bX".utf8), boundary: "b") }
    }
}
