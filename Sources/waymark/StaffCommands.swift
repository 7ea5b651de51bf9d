import ArgumentParser
import Foundation
import WaymarkCrypto
import WaymarkStore

/// `waymark user …`: the staff accounts that sign in to the node's staff pages.
struct User: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage staff accounts (they sign in at /staff).", subcommands: [UserAdd.self, UserList.self, UserDisable.self, UserEnable.self])
}

struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a staff account.",
        discussion: """
            The password is read from standard input (one line), or from --password-file; without
            either, a random password is made and printed once. Passwords are stored as Argon2id hashes.
            """)
    @OptionGroup var data: DataOption
    @Option(help: "The sign-in name: 2 to 32 lower-case letters, digits, dots, hyphens or underscores.") var username: String
    @Option(help: "The person's name, as shown to colleagues.") var name: String
    @Option(help: "admin (also manages accounts and reads the audit log), caseworker, or champion (a local champion: checks listings in person, nothing else).") var role: String = "caseworker"
    @Option(help: "A file whose first line is the password.") var passwordFile: String?
    @Flag(help: "Read the password from standard input.") var passwordStdin = false

    func run() throws {
        guard let role = StaffRole(rawValue: role) else { throw fail("--role must be admin, caseworker, champion or planner") }
        let db = try data.database()
        var password: String
        var made = false
        if let passwordFile {
            guard let text = try? String(contentsOfFile: passwordFile, encoding: .utf8) else { throw fail("cannot read \(passwordFile)") }
            password = String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
        } else if passwordStdin {
            password = readLine(strippingNewline: true) ?? ""
        } else {
            password = Tokens.random(bytes: 9)
            made = true
        }
        do {
            let user = try db.staff.add(username: username, displayName: name, role: role, password: password, nowMilliseconds: LocalClock.nowMilliseconds())
            try db.audit.record("cli", "add staff account", subject: user.username, detail: "role \(role.rawValue)", nowMilliseconds: LocalClock.nowMilliseconds())
            print("Added \(user.username) (\(user.displayName), \(role.rawValue)).")
            if made { print("Password (shown once): \(password)") }
        } catch let e as StaffError {
            throw fail(e.description)
        }
        password = ""
    }
}

struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List staff accounts.")
    @OptionGroup var data: DataOption

    func run() throws {
        let users = try data.database().staff.all()
        if users.isEmpty { print("No staff accounts. Add one with: waymark user add --data \(data.data) --username NAME --name \"Full Name\" --role admin") }
        let now = LocalClock.nowMilliseconds()
        for u in users {
            let state = u.disabled ? "disabled" : u.lockedUntil > now ? "locked" : "active"
            print("\(u.username)  \(u.role.rawValue)  \(state)  \(u.displayName)")
        }
    }
}

struct UserDisable: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disable", abstract: "Disable an account and end its sessions.")
    @OptionGroup var data: DataOption
    @Argument(help: "The username.") var username: String

    func run() throws { try setDisabled(data, username, true) }
}

struct UserEnable: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enable", abstract: "Enable an account again (and unlock it).")
    @OptionGroup var data: DataOption
    @Argument(help: "The username.") var username: String

    func run() throws { try setDisabled(data, username, false) }
}

/// Disables or enables an account, and logs it.
func setDisabled(_ data: DataOption, _ username: String, _ disabled: Bool) throws {
    let db = try data.database()
    do { try db.staff.setDisabled(username: username, disabled) } catch let e as StaffError { throw fail(e.description) }
    try db.audit.record("cli", disabled ? "disable staff account" : "enable staff account", subject: username, nowMilliseconds: LocalClock.nowMilliseconds())
    print("\(disabled ? "Disabled" : "Enabled") \(username).")
}
