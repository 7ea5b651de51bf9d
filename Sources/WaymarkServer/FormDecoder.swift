import Foundation

/// Decodes a posted HTML form (`application/x-www-form-urlencoded`, read into `QueryParameters`)
/// into a `Decodable` struct whose properties are the form's field names:
/// - `String`: the field's last value, trimmed; a field that is missing or blank is missing (so an
///   optional property is `nil`, a required one is a decoding error naming the field);
/// - `[String]`: every value of a repeated field (checkboxes, multiple selects), blank ones left out;
/// - `Int`, `Double`: the field's value as a number (a value that is not one is an error);
/// - `Bool`: a checkbox: present (any value but `0`, `false`, `off`) is `true`, missing is `false`;
/// - a `String`-backed enum (`RawRepresentable & Decodable`): its raw value.
/// Nested objects are not supported: forms are flat.
struct FormDecoder {
    func decode<T: Decodable>(_ type: T.Type, from form: QueryParameters) throws -> T {
        try T(from: FormFields(form: form))
    }
}

/// The decoder over the form's fields (only a keyed container: a form is one flat object).
private struct FormFields: Decoder {
    let form: QueryParameters
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(FormContainer<Key>(form: form))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([String].self, .init(codingPath: codingPath, debugDescription: "a form is a set of named fields"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(String.self, .init(codingPath: codingPath, debugDescription: "a form is a set of named fields"))
    }
}

private struct FormContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let form: QueryParameters
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { form.pairs.compactMap { Key(stringValue: $0.0) } }

    func contains(_ key: Key) -> Bool { form.string(key.stringValue) != nil || !form.values(key.stringValue).isEmpty }
    func decodeNil(forKey key: Key) throws -> Bool { !contains(key) }

    private func text(_ key: Key) throws -> String {
        guard let v = form.string(key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [key], debugDescription: "the form has no field \(key.stringValue)"))
        }
        return v
    }

    private func number<N: LosslessStringConvertible>(_ key: Key) throws -> N {
        let s = try text(key)
        guard let n = N(s) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\(key.stringValue) must be a number, got '\(s)'")
        }
        return n
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String { try text(key) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        guard let s = form.string(key.stringValue) else { return false }
        return !["0", "false", "off"].contains(s.lowercased())
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try number(key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try number(key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try number(key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try number(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try number(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try number(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try number(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try number(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try number(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try number(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try number(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try number(key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        if T.self == [String].self { return form.values(key.stringValue) as! T }
        // A String-backed enum decodes its raw value from a single value.
        return try T(from: FieldValue(key: key, value: try text(key)))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw DecodingError.typeMismatch(type, .init(codingPath: [key], debugDescription: "forms are flat"))
    }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([String].self, .init(codingPath: [key], debugDescription: "forms are flat"))
    }
    func superDecoder() throws -> any Decoder { FormFields(form: form) }
    func superDecoder(forKey key: Key) throws -> any Decoder { FormFields(form: form) }
}

/// One field's value, for a type that decodes itself from a single value (a `String`-backed enum).
private struct FieldValue: Decoder, SingleValueDecodingContainer {
    let key: any CodingKey
    let value: String
    var codingPath: [any CodingKey] { [key] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<K: CodingKey>(keyedBy type: K.Type) throws -> KeyedDecodingContainer<K> {
        throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "forms are flat"))
    }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([String].self, .init(codingPath: codingPath, debugDescription: "forms are flat"))
    }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { false }
    func decode(_ type: String.Type) throws -> String { value }
    func decode(_ type: Bool.Type) throws -> Bool { try parsed() }
    func decode(_ type: Double.Type) throws -> Double { try parsed() }
    func decode(_ type: Float.Type) throws -> Float { try parsed() }
    func decode(_ type: Int.Type) throws -> Int { try parsed() }
    func decode(_ type: Int8.Type) throws -> Int8 { try parsed() }
    func decode(_ type: Int16.Type) throws -> Int16 { try parsed() }
    func decode(_ type: Int32.Type) throws -> Int32 { try parsed() }
    func decode(_ type: Int64.Type) throws -> Int64 { try parsed() }
    func decode(_ type: UInt.Type) throws -> UInt { try parsed() }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try parsed() }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try parsed() }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try parsed() }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try parsed() }
    private func parsed<N: LosslessStringConvertible>() throws -> N {
        guard let n = N(value) else {
            throw DecodingError.typeMismatch(N.self, .init(codingPath: codingPath, debugDescription: "cannot read '\(value)' as \(N.self)"))
        }
        return n
    }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let n = (T.self as? any LosslessStringConvertible.Type)?.init(value) as? T { return n }
        throw DecodingError.typeMismatch(type, .init(codingPath: codingPath, debugDescription: "cannot read '\(value)' as \(type)"))
    }
}
