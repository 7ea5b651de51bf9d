import Foundation
import HTTPTypes
import Hummingbird
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

/// Tasks: what a member of staff is to do by a date, about a client or a referral. Added from the
/// client's or the referral's page, listed on the staff home (due today or overdue), on those pages
/// and at `/staff/tasks` (anyone's, open or done). Every change is audited by the store; what a task
/// says is sealed at rest and never leaves this node.
extension StaffPages {
    func registerTasks(_ routes: StaffRoutes) {
        routes.signedIn.get("tasks") { request, context in try tasksPage(request, context.staff(), context.language) }
        routes.signedIn.post("tasks") { request, context in try addTask(request, context.staff(), context.form(TaskForm.self), context.language) }
        routes.signedIn.post("tasks/:id/done") { request, context in
            try setTaskDone(context.staff(), context.form(TaskDoneForm.self), context.language, id: context.parameters.get("id") ?? "")
        }
    }

    /// Rows for a task list: what, when due (and whether overdue or due today), for whom, about what
    /// (a link), and the button that marks it done or open again.
    func taskRows(_ tasks: [StaffTask], _ language: InterfaceLanguage, back: String) throws -> [[String: Any]] {
        let back = back.contains("#") ? back : back + "#tasks-heading"
        guard let identity else { return [] }
        let names = try database.caseload.clientNames(ids: Set(tasks.compactMap(\.clientID)), identity: identity)
        let sides = try database.caseload.referralOtherSides(keys: Set(tasks.compactMap(\.referral)), me: hexString(identity.signingPublicKey))
        let people = Dictionary(try database.staff.all().map { ($0.username, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        let day = today()
        return tasks.map { task -> [String: Any] in
            var row: [String: Any] = [
                "id": task.id, "text": task.text, "due": task.dueOn, "who": people[task.assignee] ?? task.assignee, "back": back,
                "overdue": task.doneAt == nil && task.dueOn < day, "dueToday": task.doneAt == nil && task.dueOn == day, "isDone": task.doneAt != nil,
                "later": task.doneAt != nil || task.dueOn > day,
                "overdueText": { (n: Int) in t(n == 1 ? "staff.task.overdueby.one" : "staff.task.overdueby", language, ["n": String(n)]) }(
                    max(1, (BusinessDays.dayNumber(day) ?? 0) - (BusinessDays.dayNumber(task.dueOn) ?? 0))),
                "doneLine": task.doneAt.map { t("staff.task.doneby", language, ["name": people[task.doneBy ?? ""] ?? task.doneBy ?? "", "date": when($0)]) } ?? false,
            ]
            if let c = task.clientID {
                row["aboutLink"] = "/staff/clients/\(c)?lang=\(language.rawValue)#tasks-heading"
                row["about"] = names[c] ?? c
            } else if let r = task.referral {
                row["aboutLink"] = "/staff/referrals/\(r)?lang=\(language.rawValue)#tasks-heading"
                row["about"] = sides[r].map { t($0.sent ? "staff.task.referral.to" : "staff.task.referral.from", language, ["org": $0.other]) }
                    ?? t("staff.task.referral", language)
            }
            return row
        }
    }

    /// The task form's choices: who it may be for (this organisation's staff who hold caseloads),
    /// the signed-in member first chosen, and a due date a week away.
    func taskFormContext(
        _ s: StaffSession, clientID: String?, referral: String?, back: String, tasks: [StaffTask], _ language: InterfaceLanguage, posted: TaskForm? = nil,
        invalid: String? = nil
    ) throws -> [String: Any] {
        let staff = try database.staff.all().filter { !$0.disabled && $0.role.worksWithClients }
        let inAWeek = BusinessDays.isoDate(dayNumber: pages.clock.now().day + 7)
        return [
            "taskAssignees": staff.map { ["value": $0.username, "name": $0.displayName, "selected": $0.username == (posted?.assignee ?? s.user.username)] },
            "taskClient": clientID ?? false, "taskReferral": referral ?? false, "taskBack": back, "taskDue": posted?.due ?? inAWeek,
            "taskText": posted?.task ?? "", "taskInvalid": invalid.map { [$0: true] } ?? [:],
            "tasks": try taskRows(tasks, language, back: back), "hasTasks": !tasks.isEmpty,
        ]
    }

    func addTask(_ request: Request, _ s: StaffSession, _ form: TaskForm, _ language: InterfaceLanguage) throws -> Response {
        guard let identity else { return notFound(request, s, language) }
        let clientID = form.client.flatMap { $0.isEmpty ? nil : $0 }
        var referral: (key: String, circle: String)?
        if clientID == nil, let key = form.referral, let v = try database.journeys.referral(key: key, identity: identity, today: today()) {
            referral = (v.key, v.circle)
        }
        do {
            try database.caseload.addTask(
                text: form.task ?? "", dueOn: form.due ?? "", assignee: form.assignee ?? "", clientID: clientID, referral: referral,
                identity: identity, by: s.user.username, nowMilliseconds: now())
        } catch let e as JourneyError {
            if e.code == .noSuchClient { return notFound(request, s, language) }
            if let clientID { return try clientPage(request, s, language, id: clientID, taskError: e.text(language), taskForm: form, taskField: e.field, status: .badRequest) }
            if let referral {
                return try referralPage(request, s, language, key: referral.key, taskError: e.text(language), taskForm: form, taskField: e.field, status: .badRequest)
            }
            return notFound(request, s, language)
        }
        let back = Self.staffPage(form.back) ?? "/staff?lang=\(language.rawValue)"
        return Self.redirect(back + (back.contains("#") ? "" : "#tasks-heading"))
    }

    func setTaskDone(_ s: StaffSession, _ form: TaskDoneForm, _ language: InterfaceLanguage, id: String) throws -> Response {
        guard let n = Int64(id) else { throw HTTPError(.notFound) }
        do {
            try database.caseload.setTaskDone(id: n, done: form.done != "0", by: s.user.username, nowMilliseconds: now())
        } catch is JourneyError {
            throw HTTPError(.notFound)
        }
        return Self.redirect(Self.staffPage(form.back) ?? "/staff/tasks?lang=\(language.rawValue)")
    }

    /// Everyone's tasks or one person's, open or done.
    func tasksPage(_ request: Request, _ s: StaffSession, _ language: InterfaceLanguage) throws -> Response {
        guard let identity else { return notFound(request, s, language) }
        let p = QueryParameters(rawQuery: request.uri.query)
        // `who=all`: everyone's; no choice: the signed-in member's own.
        let asked = p.string("who") ?? s.user.username
        let whose = asked == "all" ? "" : asked
        let done = p.string("show") == "done"
        let tasks = try database.caseload.tasks(.init(assignee: whose.isEmpty ? nil : whose, done: done), identity: identity)
        let staff = try database.staff.all().filter { $0.role.worksWithClients }
        var query = [("who", whose.isEmpty ? "all" : whose)]
        if done { query.append(("show", "done")) }
        let back = "/staff/tasks?" + Self.queryString(query + [("lang", language.rawValue)]) + "#tasks-count"
        return page("staffTasks", base(request, language, title: t("staff.tasks", language), session: s)) {
            $0["tasks"] = (try? taskRows(tasks, language, back: back)) ?? []
            $0["hasTasks"] = !tasks.isEmpty
            $0["whoChoices"] = [["value": s.user.username, "name": t("staff.tasks.mine", language), "selected": whose == s.user.username],
                ["value": "all", "name": t("staff.tasks.everyone", language), "selected": whose.isEmpty]]
                + staff.filter { $0.username != s.user.username }.map { ["value": $0.username, "name": $0.displayName, "selected": $0.username == whose] }
            $0["showDone"] = done
            $0["tasksCount"] = t(done ? "staff.tasks.count.done" : "staff.tasks.count", language, ["n": String(tasks.count)])
        }
    }

    /// The signed-in member's open tasks due today or before, for the staff home.
    func dueTasksContext(_ s: StaffSession, _ language: InterfaceLanguage) throws -> [String: Any] {
        guard let identity else { return [:] }
        let due = try database.caseload.tasks(.init(assignee: s.user.username, dueBy: today()), identity: identity)
        return [
            "tasks": try taskRows(due, language, back: "/staff?lang=\(language.rawValue)#tasks-heading"), "hasDueTasks": !due.isEmpty,
            "dueTasksCount": t(due.count == 1 ? "staff.tasks.due.one" : "staff.tasks.due.count", language, ["n": String(due.count)]),
        ]
    }
}

/// A new task (`/staff/tasks`): about a client of this node or a referral it is a side of.
struct TaskForm: Decodable {
    var task: String?
    /// YYYY-MM-DD.
    var due: String?
    var assignee: String?
    var client: String?
    var referral: String?
    /// The staff page to go back to.
    var back: String?
}

/// Marking a task done (`done` = 1) or open again (0).
struct TaskDoneForm: Decodable {
    var done: String?
    var back: String?
}
