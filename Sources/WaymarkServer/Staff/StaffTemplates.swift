/// Templates of the staff pages (behind sign-in). Like the public ones, markup only: every word comes
/// from the translation tables, and `{{…}}` escapes everything.
enum StaffTemplates {
    static let all: [String: String] = [
        "staffHeader": staffHeader, "staffLogin": login, "staffHome": home, "staffAudit": audit, "staffUsers": users,
        "staffClients": clients, "staffClientForm": clientForm, "staffClient": client, "staffReceipt": receipt, "staffWithdraw": withdraw,
        "staffReferrals": referrals, "staffReferral": referral, "referralTable": referralTable, "journeySections": journeySections,
        "staffAccess": access, "staffErasures": erasures, "pager": pager, "taskList": taskList, "taskForm": taskForm, "staffTasks": tasks, "staffAccount": account, "staffListingEditor": listingEditor, "staffMessage": staffMessage, "staffClientSummary": clientSummary, "staffListings": listings, "staffChecks": checks, "staffHub": hub,
    ]

    /// The way through a long list (`StaffPages.pager`).
    static let pager = """
        {{#hasPager}}{{#pager}}<nav class="pager" aria-label="{{t.staff_list_pages}}"><p id="list-range">{{range}}</p>
        <p>{{#newer}}<a href="{{newer}}" rel="prev" id="newer">{{t.staff_list_newer}}</a>{{/newer}} {{#older}}<a href="{{older}}" rel="next" id="older">{{t.staff_list_older}}</a>{{/older}}</p></nav>{{/pager}}{{/hasPager}}
        """

    /// A list of tasks, each with its button (done, or not done yet).
    static let taskList = """
        <ul class="tasks">{{#tasks}}<li class="task{{#overdue}} overdue{{/overdue}}{{#dueToday}} due-today{{/dueToday}}{{#isDone}} done{{/isDone}}" data-task="{{id}}"><p class="task-text">{{text}}</p>
        <p class="meta">{{#overdue}}<strong class="overdue">{{overdueText}}</strong> ({{due}}){{/overdue}}{{#dueToday}}<strong>{{t.staff_task_today}}</strong>{{/dueToday}}{{#later}}{{t.staff_task_due}} {{due}}{{/later}} · {{t.staff_task_for}}: {{who}}{{#about}} · <a href="{{aboutLink}}">{{about}}</a>{{/about}}{{#doneLine}} · {{doneLine}}{{/doneLine}}</p>
        <form method="post" action="/staff/tasks/{{id}}/done" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="back" value="{{back}}">{{^isDone}}<input type="hidden" name="done" value="1"><button type="submit" class="task-done">{{t.staff_task_done}}<span class="visually-hidden">: {{text}}</span></button>{{/isDone}}{{#isDone}}<input type="hidden" name="done" value="0"><button type="submit" class="task-reopen">{{t.staff_task_reopen}}<span class="visually-hidden">: {{text}}</span></button>{{/isDone}}</form></li>{{/tasks}}</ul>
        """

    /// Adding a task about a client or a referral.
    static let taskForm = """
        {{#taskError}}<p class="error" role="alert" id="task-error">{{taskError}}</p>{{/taskError}}
        <form method="post" action="/staff/tasks#tasks-heading" class="staff-form" id="task-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}"><input type="hidden" name="back" value="{{taskBack}}">
        {{#taskClient}}<input type="hidden" name="client" value="{{taskClient}}">{{/taskClient}}{{#taskReferral}}<input type="hidden" name="referral" value="{{taskReferral}}">{{/taskReferral}}
        <p><label for="task-text">{{t.staff_task_what}}</label><br><input id="task-text" name="task" maxlength="2000" required value="{{taskText}}"{{#taskInvalid.task}} aria-invalid="true" aria-describedby="task-error" autofocus{{/taskInvalid.task}}></p>
        <p><label for="task-due">{{t.staff_task_due}}</label><br><input id="task-due" name="due" type="date" value="{{taskDue}}" required{{#taskInvalid.due}} aria-invalid="true" aria-describedby="task-error" autofocus{{/taskInvalid.due}}></p>
        <p><label for="task-assignee">{{t.staff_task_for}}</label><br><select id="task-assignee" name="assignee"{{#taskInvalid.assignee}} aria-invalid="true" aria-describedby="task-error" autofocus{{/taskInvalid.assignee}}>{{#taskAssignees}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/taskAssignees}}</select></p>
        <p><button type="submit" id="add-task">{{t.staff_task_add}}</button></p>
        </form>
        """

    static let tasks = """
        {{> staffHeader}}
        <h1>{{t.staff_tasks}}</h1>
        <form method="get" action="/staff/tasks" class="filters" id="tasks-filter"><input type="hidden" name="lang" value="{{lang}}">
        <p><label for="tasks-who">{{t.staff_tasks_whose}}</label> <select id="tasks-who" name="who">{{#whoChoices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/whoChoices}}</select>
        <label for="tasks-show">{{t.staff_tasks_which}}</label> <select id="tasks-show" name="show"><option value="open">{{t.staff_tasks_open}}</option><option value="done"{{#showDone}} selected{{/showDone}}>{{t.staff_tasks_done}}</option></select>
        <button type="submit" id="tasks-apply">{{t.staff_audit_apply}}</button></p></form>
        <p id="tasks-count">{{tasksCount}}</p>
        {{#hasTasks}}{{> taskList}}{{/hasTasks}}
        <p class="meta">{{t.staff_tasks_howto}}</p>
        {{> footer}}
        """

    /// A client's summary on paper: no forms, no suggestions; what a case conference needs.
    static let clientSummary = """
        {{> staffHeader}}
        <article class="summary-sheet">
        <h1>{{name}}</h1>
        <p class="meta" id="summary-printed">{{printed}}</p>
        <p class="no-print"><a href="/staff/clients/{{id}}?lang={{lang}}">{{t.staff_summary_back}}</a></p>
        <p class="no-print js-only" hidden><button type="button" data-print id="print-summary">{{t.staff_print_button}}</button></p>
        <dl class="client-details">
        <dt>{{t.staff_client_dob}}</dt><dd>{{dob}}</dd><dt>{{t.staff_client_contact}}</dt><dd>{{contact}}</dd>
        <dt>{{t.staff_client_needs}}</dt><dd>{{needs}}</dd><dt>{{t.staff_client_language}}</dt><dd>{{clientLanguage}}</dd>
        <dt>{{t.staff_client_worker}}</dt><dd>{{keyWorker}}</dd>
        </dl>
        <h2>{{t.staff_consents}}</h2>
        {{^hasConsents}}<p>{{t.staff_consents_none}}</p>{{/hasConsents}}
        {{#hasConsents}}<table class="staff-users cards"><thead><tr><th scope="col">{{t.staff_consent_org}}</th><th scope="col">{{t.staff_consent_purposes}}</th><th scope="col">{{t.staff_consent_term}}</th><th scope="col">{{t.staff_consent_state}}</th></tr></thead><tbody>
        {{#consents}}<tr><td>{{orgName}}</td><td data-label="{{t.staff_consent_purposes}}">{{purposes}}</td><td data-label="{{t.staff_consent_term}}">{{term}}</td><td data-label="{{t.staff_consent_state}}">{{state}}</td></tr>{{/consents}}</tbody></table>{{/hasConsents}}
        <h2>{{t.staff_referrals}}</h2>
        {{^hasReferrals}}<p>{{t.staff_summary_noreferrals}}</p>{{/hasReferrals}}
        {{#hasReferrals}}<table class="staff-users cards"><thead><tr><th scope="col">{{t.staff_referral_to}}</th><th scope="col">{{t.staff_referral_service}}</th><th scope="col">{{t.staff_referral_sent}}</th><th scope="col">{{t.staff_referral_status}}</th></tr></thead><tbody>
        {{#referrals}}<tr><td>{{to}}</td>{{^onClient}}<td data-label="{{t.staff_referral_service}}">{{service}}</td>{{/onClient}}<td data-label="{{t.staff_referral_sent}}">{{sent}}</td><td data-label="{{t.staff_referral_status}}">{{status}}</td></tr>{{/referrals}}</tbody></table>{{/hasReferrals}}
        <h2>{{t.staff_progress}}</h2>
        {{^hasGoals}}<p>{{t.staff_progress_none}}</p>{{/hasGoals}}
        {{#journeyGoals}}<h3>{{title}}</h3><p class="meta">{{by}}</p>{{#hasReadings}}<ul>{{#readings}}<li>{{area}}: {{stage}} / {{stages}} ({{date}})</li>{{/readings}}</ul>{{/hasReadings}}{{#hasMilestones}}<ul>{{#milestones}}<li>{{date}} — {{label}}</li>{{/milestones}}</ul>{{/hasMilestones}}{{/journeyGoals}}
        <h2>{{t.staff_tasks}}</h2>
        {{^hasSummaryTasks}}<p>{{t.staff_tasks_none}}</p>{{/hasSummaryTasks}}
        {{#hasSummaryTasks}}<ul>{{#summaryTasks}}<li>{{due}} — {{text}} ({{who}})</li>{{/summaryTasks}}</ul>{{/hasSummaryTasks}}
        <p class="meta summary-care">{{t.staff_summary_care}}</p>
        </article>
        {{> footer}}
        """

    /// A sentence in the staff area's own layout (something not found, something refused), with the way back.
    static let staffMessage = """
        {{> staffHeader}}
        <h1 id="message">{{heading}}</h1>
        {{#text}}<p id="message-text-body">{{text}}</p>{{/text}}
        <p><a href="{{link}}" id="message-back">{{linkText}}</a></p>
        {{> footer}}
        """

    static let listingEditor = """
        {{> staffHeader}}
        <h1>{{heading}}</h1>
        <p><a href="/services/{{id}}?lang={{lang}}" id="public-page">{{t.staff_listing_public}}</a> · <a href="/staff/listings?lang={{lang}}">{{t.staff_listings}}</a></p>
        {{#listingError}}<p class="error" role="alert" id="listing-error">{{listingError}}</p>{{/listingError}}
        <form method="post" action="/staff/listings/{{id}}/edit" class="staff-form" id="listing-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}">
        <p><label for="listing-name">{{t.staff_listing_name}}</label><br><input id="listing-name" name="name" value="{{fName}}" required maxlength="200"></p>
        <p><label for="listing-description">{{t.staff_listing_description}}</label><br><textarea id="listing-description" name="description" rows="5" maxlength="4000">{{fDescription}}</textarea></p>
        <p><label for="listing-phone">{{t.staff_listing_phone}}</label><br><input id="listing-phone" name="phone" type="tel" value="{{fPhone}}" maxlength="40"></p>
        <p><label for="listing-email">{{t.staff_listing_email}}</label><br><input id="listing-email" name="email" type="email" value="{{fEmail}}"></p>
        <p><label for="listing-url">{{t.staff_listing_url}}</label><br><input id="listing-url" name="url" type="url" value="{{fUrl}}"></p>
        <fieldset><legend>{{t.staff_listing_address}}</legend>
        <p><label for="listing-address1">{{t.staff_listing_address1}}</label><br><input id="listing-address1" name="address_1" value="{{fAddress1}}" autocomplete="address-line1"></p>
        <p><label for="listing-address2">{{t.staff_listing_address2}}</label><br><input id="listing-address2" name="address_2" value="{{fAddress2}}" autocomplete="address-line2"></p>
        <p><label for="listing-city">{{t.staff_listing_city}}</label><br><input id="listing-city" name="city" value="{{fCity}}" autocomplete="address-level2"></p>
        <p><label for="listing-postal">{{t.staff_listing_postal}}</label><br><input id="listing-postal" name="postal_code" value="{{fPostal}}" autocomplete="postal-code"></p>
        </fieldset>
        <fieldset><legend>{{t.staff_listing_hours}}</legend>
        <p class="hint" id="hours-hint">{{t.staff_listing_hours_hint}}</p>
        {{#split}}<p class="alert" id="split-hours">{{t.staff_listing_split}}</p>{{/split}}
        {{#days}}<p class="hours-day"><span class="day-name" id="day-{{code}}">{{name}}</span> <span class="hours-pair"><label for="{{code}}-opens" class="visually-hidden">{{name}} {{t.staff_listing_opens}}</label><input id="{{code}}-opens" name="{{code}}_opens" type="time" value="{{opens}}" aria-describedby="hours-hint"{{#invalid}} aria-invalid="true"{{/invalid}}{{#firstInvalid}} autofocus{{/firstInvalid}}> – <label for="{{code}}-closes" class="visually-hidden">{{name}} {{t.staff_listing_closes}}</label><input id="{{code}}-closes" name="{{code}}_closes" type="time" value="{{closes}}"{{#invalid}} aria-invalid="true"{{/invalid}}></span></p>{{/days}}
        </fieldset>
        <p><button type="submit" id="save-listing">{{t.staff_listing_save}}</button></p>
        </form>
        {{> footer}}
        """

    static let account = """
        {{> staffHeader}}
        <h1>{{t.staff_account}}</h1>
        <p>{{accountName}}</p>
        {{#saved}}<p class="notice" role="status" id="notice">{{t.staff_account_saved}}</p>{{/saved}}
        <h2 id="notify-heading">{{t.staff_account_notify}}</h2>
        {{^mailConfigured}}<p class="banner-note" id="no-mail">{{t.staff_account_nomail}}</p>{{/mailConfigured}}
        <p>{{t.staff_account_notify_intro}}</p>
        {{#accountError}}<p class="error" role="alert" id="account-error">{{accountError}}</p>{{/accountError}}
        <form method="post" action="/staff/account" class="staff-form" id="account-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}">
        <p><label for="account-email">{{t.staff_account_email}}</label><br><input id="account-email" name="email" type="email" value="{{email}}" autocomplete="email"{{#accountError}} aria-invalid="true" aria-describedby="account-error"{{/accountError}}></p>
        <fieldset><legend>{{t.staff_account_tellme}}</legend>
        {{#kinds}}<p class="check"><input type="checkbox" id="notify-{{value}}" name="notify" value="{{value}}"{{#checked}} checked{{/checked}}> <label for="notify-{{value}}">{{label}}</label></p>{{/kinds}}
        </fieldset>
        <p><button type="submit" id="save-account">{{t.staff_account_save}}</button></p>
        </form>
        <h2 id="password-heading">{{t.staff_account_password}}</h2>
        {{#passwordSaved}}<p class="notice" role="status" id="password-saved">{{t.staff_account_password_saved}}</p>{{/passwordSaved}}
        {{#passwordError}}<p class="error" role="alert" id="password-error">{{passwordError}}</p>{{/passwordError}}
        <form method="post" action="/staff/account/password#password-heading" class="staff-form" id="password-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}">
        <p><label for="current-password">{{t.staff_account_password_current}}</label><br><input id="current-password" name="current_password" type="password" autocomplete="current-password" required></p>
        <p><label for="new-password">{{t.staff_account_password_new}}</label><br><input id="new-password" name="new_password" type="password" autocomplete="new-password" minlength="10" required aria-describedby="new-password-hint"><br><span id="new-password-hint" class="hint">{{t.staff_account_password_hint}}</span></p>
        <p><label for="repeat-password">{{t.staff_account_password_repeat}}</label><br><input id="repeat-password" name="repeat_password" type="password" autocomplete="new-password" minlength="10" required></p>
        <p><button type="submit" id="change-password">{{t.staff_account_password_change}}</button></p>
        </form>
        {{#mailStatus}}<h2>{{t.staff_account_mail}}</h2><p id="mail-status">{{mailStatus}}</p>{{#mailError}}<p class="error" id="mail-error">{{t.staff_account_mailerror}} {{mailError}}</p>{{/mailError}}{{/mailStatus}}
        {{> footer}}
        """

    static let staffHeader = """
        <!doctype html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{pageTitle}} – {{t.staff_title}} – {{organization}}</title>
        <link rel="stylesheet" href="/static/site.css">
        </head>
        <body>
        <a class="skip" href="#main">{{t.site_skip}}</a>
        <header class="site staff"><div class="wrap">
        <a class="brand" href="/staff?lang={{lang}}">{{organization}} – {{t.staff_title}}</a>
        <nav aria-label="{{t.staff_nav}}"><ul>
        {{#user}}{{#isChampion}}<li><a href="/staff/checks?lang={{lang}}"{{#current.checks}} aria-current="page"{{/current.checks}}>{{t.staff_checks}}</a></li>{{/isChampion}}{{#isPlanner}}<li><a href="/staff/hub?lang={{lang}}" id="hub-link"{{#current.hub}} aria-current="page"{{/current.hub}}>{{t.staff_hub}}</a></li>{{/isPlanner}}{{^isLimited}}<li><a href="/staff?lang={{lang}}"{{#current.home}} aria-current="page"{{/current.home}}>{{t.staff_home}}</a></li><li><a href="/staff/clients?lang={{lang}}"{{#current.clients}} aria-current="page"{{/current.clients}}>{{t.staff_clients}}</a></li><li><a href="/staff/referrals?lang={{lang}}"{{#current.referrals}} aria-current="page"{{/current.referrals}}>{{t.staff_referrals}}</a></li><li><a href="/staff/tasks?lang={{lang}}"{{#current.tasks}} aria-current="page"{{/current.tasks}}>{{t.staff_tasks}}</a></li><li><a href="/staff/checkins?lang={{lang}}" id="checkins-link"{{#current.checkins}} aria-current="page"{{/current.checkins}}>{{t.staff_nav_checkins}}</a></li>{{/isLimited}}
        {{#isAdmin}}<li><a href="/staff/users?lang={{lang}}"{{#current.users}} aria-current="page"{{/current.users}}>{{t.staff_users}}</a></li><li><a href="/staff/audit?lang={{lang}}"{{#current.audit}} aria-current="page"{{/current.audit}}>{{t.staff_audit}}</a></li><li><a href="/staff/erasures?lang={{lang}}"{{#current.erasures}} aria-current="page"{{/current.erasures}}>{{t.staff_erasures}}</a></li><li><a href="/staff/corrections?lang={{lang}}"{{#current.corrections}} aria-current="page"{{/current.corrections}}>{{t.staff_corrections}}</a></li><li><a href="/staff/sync?lang={{lang}}"{{#current.sync}} aria-current="page"{{/current.sync}}>{{t.staff_sync}}</a></li><li><a href="/staff/listings?lang={{lang}}"{{#current.listings}} aria-current="page"{{/current.listings}}>{{t.staff_listings}}</a></li>{{/isAdmin}}{{/user}}
        <li><a href="{{switchURL}}" lang="{{otherLang}}" hreflang="{{otherLang}}" id="language-switch">{{otherLangName}}</a></li>
        {{#user}}<li><a href="/staff/account?lang={{lang}}" id="account-link"{{#current.account}} aria-current="page"{{/current.account}}>{{t.staff_account}}</a></li><li><form method="post" action="/staff/logout" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" id="signout">{{t.staff_signout}}</button></form></li>{{/user}}
        </ul></nav>
        </div></header>
        <main id="main" tabindex="-1"><div class="wrap">
        """

    static let login = """
        {{> staffHeader}}
        <h1>{{t.staff_signin}}</h1>
        <p>{{t.staff_signin_intro}}</p>
        {{#error}}<p class="error" role="alert" id="login-error">{{error}}</p>{{/error}}
        <form method="post" action="/staff/login" class="staff-form">
        <input type="hidden" name="csrf" value="{{loginToken}}"><input type="hidden" name="lang" value="{{lang}}">{{#next}}<input type="hidden" name="next" value="{{next}}">{{/next}}
        <p><label for="username">{{t.staff_username}}</label><br><input id="username" name="username" autocomplete="username" required autofocus value="{{username}}"></p>
        <p><label for="password">{{t.staff_password}}</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
        <p><button type="submit" id="signin">{{t.staff_signin}}</button></p>
        </form>
        {{> footer}}
        """

    static let home = """
        {{> staffHeader}}
        <h1>{{t.staff_home}}</h1>
        <p id="signed-in">{{signedIn}}</p>
        <p><a href="/staff/clients?lang={{lang}}">{{t.staff_clients}}</a> — {{t.staff_menu_clients}}</p>
        <h2 id="tasks-heading">{{t.staff_tasks_due}}</h2>
        {{^hasDueTasks}}<p id="no-due-tasks">{{t.staff_tasks_due_none}}</p>{{/hasDueTasks}}
        {{#hasDueTasks}}<p id="due-tasks-count">{{dueTasksCount}}</p><div id="due-tasks">{{> taskList}}</div>{{/hasDueTasks}}
        <p><a href="/staff/tasks?lang={{lang}}" id="all-tasks">{{t.staff_tasks_all}}</a></p>
        {{#hasUnread}}<h2 id="unread-heading">{{t.staff_messages_new}}</h2>
        <ul id="unread-messages">{{#unread}}<li><a href="/staff/referrals/{{referral}}?lang={{lang}}#messages-heading">{{text}}</a></li>{{/unread}}</ul>{{/hasUnread}}
        {{#caseload}}
        <h2 id="awaiting-heading">{{t.staff_caseload_awaiting}}</h2>
        {{^hasAwaiting}}<p id="no-awaiting">{{t.staff_caseload_awaiting_none}}</p>{{/hasAwaiting}}
        {{#hasAwaiting}}<div id="awaiting">{{#awaiting}}{{> referralTable}}{{#more}}<p class="more">{{more}}{{#inbox}} <a href="/staff/referrals?lang={{lang}}">{{t.staff_caseload_seeall}}</a>{{/inbox}}</p>{{/more}}{{/awaiting}}</div>{{/hasAwaiting}}
        <h2 id="overdue-heading">{{t.staff_caseload_overdue}}</h2>
        {{^hasOverdue}}<p>{{t.staff_caseload_overdue_none}}</p>{{/hasOverdue}}
        {{#hasOverdue}}<div id="overdue">{{#overdueList}}{{> referralTable}}{{#more}}<p class="more">{{more}}{{#inbox}} <a href="/staff/referrals?lang={{lang}}">{{t.staff_caseload_seeall}}</a>{{/inbox}}</p>{{/more}}{{/overdueList}}</div>{{/hasOverdue}}
        <h2 id="active-heading">{{t.staff_caseload_active}}</h2>
        {{^hasActive}}<p>{{t.staff_caseload_active_none}}</p>{{/hasActive}}
        {{#hasActive}}<div id="active">{{#active}}{{> referralTable}}{{#more}}<p class="more">{{more}}{{#inbox}} <a href="/staff/referrals?lang={{lang}}">{{t.staff_caseload_seeall}}</a>{{/inbox}}</p>{{/more}}{{/active}}</div>{{/hasActive}}
        <h2 id="sent-heading">{{t.staff_caseload_sent}}</h2>
        {{^hasSent}}<p>{{t.staff_caseload_sent_none}}</p>{{/hasSent}}
        {{#hasSent}}<div id="sent">{{#sent}}{{> referralTable}}{{#more}}<p class="more">{{more}} <a href="/staff/referrals?box=sent&amp;lang={{lang}}" id="sent-see-all">{{t.staff_caseload_seeall}}</a></p>{{/more}}{{/sent}}</div>{{/hasSent}}
        <h2 id="expiring-heading">{{t.staff_caseload_expiring}}</h2>
        {{^hasExpiring}}<p>{{t.staff_caseload_expiring_none}}</p>{{/hasExpiring}}
        {{#hasExpiring}}<div class="table-scroll" tabindex="0" role="region" aria-label="{{t.staff_table}}"><table class="staff-users" id="expiring" aria-labelledby="expiring-heading"><thead><tr><th scope="col">{{t.staff_referral_client}}</th><th scope="col">{{t.staff_consent_org}}</th><th scope="col">{{t.staff_consent_until}}</th></tr></thead><tbody>
        {{#expiring}}<tr><td><a href="/staff/clients/{{id}}?lang={{lang}}">{{client}}</a></td><td>{{org}}</td><td>{{end}}</td></tr>{{/expiring}}
        </tbody></table></div>{{#expiringMore}}{{#more}}<p class="more">{{more}}</p>{{/more}}{{/expiringMore}}{{/hasExpiring}}
        {{/caseload}}
        {{#isAdmin}}<ul><li><a href="/staff/users?lang={{lang}}">{{t.staff_menu_users}}</a></li><li><a href="/staff/audit?lang={{lang}}">{{t.staff_menu_audit}}</a></li><li><a href="/staff/corrections?lang={{lang}}">{{t.staff_menu_corrections}}</a>{{#openCorrections}} — <strong>{{openCorrections}}</strong>{{/openCorrections}}</li><li><a href="/staff/sync?lang={{lang}}">{{t.staff_menu_sync}}</a></li><li><a href="/staff/listings?lang={{lang}}" id="listings-link">{{t.staff_listings}}</a>{{#dueListings}} — <strong id="due-listings">{{dueListings}}</strong>{{/dueListings}}</li></ul>{{/isAdmin}}
        {{> footer}}
        """

    static let listings = """
        {{> staffHeader}}
        <h1>{{t.staff_listings}}</h1>
        {{#notice}}<p class="notice" role="status" id="notice">{{notice}}</p>{{/notice}}
        <p>{{t.staff_listings_intro}}</p>
        {{^hasListings}}<p>{{t.staff_listings_none}}</p>{{/hasListings}}
        {{#hasListings}}<p id="due-count">{{dueCount}}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label="{{t.staff_listings}}"><table class="staff-users" id="listings"><thead><tr><th scope="col">{{t.staff_listings_service}}</th><th scope="col">{{t.staff_listings_last}}</th><th scope="col"><span class="visually-hidden">{{t.staff_listings_action}}</span></th></tr></thead><tbody>
        {{#listings}}<tr{{#due}} class="due"{{/due}} data-id="{{id}}"><td><a href="/services/{{id}}?lang={{lang}}">{{name}}</a>{{#due}} <strong>{{t.staff_listings_due}}</strong>{{/due}} · <a href="/staff/listings/{{id}}/edit?lang={{lang}}" class="edit-listing">{{t.staff_listing_editlink}}<span class="visually-hidden"> {{name}}</span></a></td><td>{{checked}}</td>
        <td><form method="post" action="/staff/listings/{{id}}/checked" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit">{{t.staff_listings_mark}}<span class="visually-hidden"> {{name}}</span></button></form></td></tr>{{/listings}}
        </tbody></table></div>{{/hasListings}}
        {{> footer}}
        """

    static let hub = """
        {{> staffHeader}}
        <h1>{{t.staff_hub}}</h1>
        <p>{{t.staff_hub_intro}}</p>
        {{#round}}<h2 id="round-heading">{{t.staff_hub_round}} {{period}}</h2>
        <dl class="client-details" id="round"><dt>{{t.staff_hub_senders}}</dt><dd id="round-senders">{{count}}: {{senders}}</dd>
        <dt>{{t.staff_hub_check}}</dt><dd id="round-check">{{check}}</dd><dt>{{t.staff_hub_helper}}</dt><dd id="round-helper">{{helper}}</dd><dt>{{t.staff_hub_opened}}</dt><dd id="round-opened">{{opened}}</dd><dt>{{t.staff_hub_released}}</dt><dd id="round-released">{{released}}</dd></dl>{{/round}}
        <h2 id="releases-heading">{{t.staff_hub_releases}}</h2>
        {{^hasReleases}}<p id="no-releases">{{t.staff_hub_noreleases}}</p>{{/hasReleases}}
        {{#hasReleases}}<div class="table-scroll" tabindex="0" role="region" aria-labelledby="releases-heading"><table class="staff-users cards" id="releases"><thead><tr><th scope="col">{{t.staff_hub_week}}</th><th scope="col">{{t.staff_hub_orgs}}</th><th scope="col">{{t.staff_hub_published}}</th><th scope="col">{{t.staff_hub_withheld}}</th><th scope="col">{{t.staff_hub_epsilon}}</th></tr></thead><tbody>
        {{#releases}}<tr><td><a href="/hub?period={{period}}&amp;lang={{lang}}">{{period}}</a></td><td data-label="{{t.staff_hub_orgs}}">{{organisations}}{{#refused}} <span class="refused">({{t.staff_hub_refused}} {{refused}})</span>{{/refused}}</td><td data-label="{{t.staff_hub_published}}">{{published}} / {{cells}}</td><td data-label="{{t.staff_hub_withheld}}">{{withheld}}</td><td data-label="{{t.staff_hub_epsilon}}">{{epsilon}}</td></tr>{{/releases}}
        </tbody></table></div>
        <h2 id="quarters-heading">{{t.staff_hub_quarters}}</h2>
        <ul id="quarters">{{#quarters}}<li>{{text}}</li>{{/quarters}}</ul>
        <p><a href="/staff/hub.csv" id="hub-csv" download>{{t.staff_hub_csv}}</a></p>{{/hasReleases}}
        {{> footer}}
        """

    static let checks = """
        {{> staffHeader}}
        <h1>{{t.staff_checks}}</h1>
        {{#notice}}<p class="notice" role="status" id="notice">{{notice}}</p>{{/notice}}
        {{#error}}<p class="error" role="alert" id="check-error">{{error}}</p>{{/error}}
        <p>{{t.staff_checks_intro}}</p>
        <form method="get" action="/staff/checks" role="search"><input type="hidden" name="lang" value="{{lang}}">
        <div class="field"><label for="q">{{t.staff_checks_find}}</label><div class="row"><input id="q" name="q" type="search" value="{{query}}"> <button type="submit">{{t.staff_checks_search}}</button></div></div></form>
        {{#none}}<p id="checks-none">{{t.staff_checks_none}}</p>{{/none}}
        {{#searched}}<ol class="checks" id="checks">{{#hits}}<li data-id="{{id}}"><h2><a href="/services/{{id}}?lang={{lang}}">{{name}}</a></h2><p>{{organization}}{{#address}} · {{address}}{{/address}}</p><p class="hint">{{last}}</p>
        <details class="answer"><summary>{{t.staff_checks_seen}}<span class="visually-hidden"> {{name}}</span></summary>
        <form method="post" action="/staff/checks"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}"><input type="hidden" name="service" value="{{id}}"><input type="hidden" name="q" value="{{query}}">
        <div class="field"><label for="date-{{id}}">{{t.staff_checks_date}}</label><input id="date-{{id}}" name="date" type="date" value="{{today}}" min="{{earliest}}" max="{{today}}" required></div>
        <div class="field"><label for="note-{{id}}">{{t.staff_checks_note}}</label><textarea id="note-{{id}}" name="note" rows="2" maxlength="500" aria-describedby="public-{{id}}"></textarea><p class="hint" id="public-{{id}}">{{t.staff_checks_public}}</p></div>
        <button type="submit">{{t.staff_checks_submit}}</button></form></details></li>{{/hits}}</ol>{{/searched}}
        {{> footer}}
        """

    static let audit = """
        {{> staffHeader}}
        <h1>{{t.staff_audit}}</h1>
        <p>{{t.staff_audit_intro}}</p>
        <form method="get" action="/staff/audit" class="filters" id="audit-filter"><fieldset><legend>{{t.staff_audit_filter}}</legend>
        <input type="hidden" name="lang" value="{{lang}}">
        <p><label for="audit-user">{{t.staff_audit_who}}</label> <select id="audit-user" name="user"><option value="">{{t.staff_audit_anyone}}</option>{{#auditUsers}}<option{{#selected}} selected{{/selected}}>{{value}}</option>{{/auditUsers}}</select></p>
        <p><label for="audit-action">{{t.staff_audit_action}}</label> <select id="audit-action" name="action"><option value="">{{t.staff_audit_anyaction}}</option>{{#auditActions}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/auditActions}}</select></p>
        <p><label for="audit-subject">{{t.staff_audit_subject}}</label> <input id="audit-subject" name="subject" value="{{filterSubject}}"></p>
        <p><label for="audit-from">{{t.staff_audit_from}}</label> <input id="audit-from" name="from" type="date" value="{{filterFrom}}">
        <label for="audit-to">{{t.staff_audit_to}}</label> <input id="audit-to" name="to" type="date" value="{{filterTo}}"></p>
        {{#auditError}}<p class="error" role="alert" id="audit-error">{{auditError}}</p>{{/auditError}}
        <p><button type="submit" id="audit-apply">{{t.staff_audit_apply}}</button>{{#isFiltered}} <a href="/staff/audit?lang={{lang}}" id="audit-clear">{{t.staff_audit_clear}}</a>{{/isFiltered}}</p>
        </fieldset></form>
        <p><a href="{{csvLink}}" id="audit-csv" download>{{t.staff_audit_csv}}</a></p>
        {{^entries}}<p id="audit-empty">{{#isFiltered}}{{t.staff_audit_nomatch}}{{/isFiltered}}{{^isFiltered}}{{t.staff_audit_none}}{{/isFiltered}}</p>{{/entries}}
        {{#hasEntries}}<div class="table-scroll" tabindex="0" role="region" aria-label="{{t.staff_table}}"><table class="audit" id="audit-lines"><thead><tr><th scope="col">{{t.staff_audit_when}}</th><th scope="col">{{t.staff_audit_who}}</th><th scope="col">{{t.staff_audit_action}}</th><th scope="col">{{t.staff_audit_subject}}</th></tr></thead><tbody>
        {{#entries}}<tr><td class="date">{{at}}</td><td data-label="{{t.staff_audit_who}}"><a href="{{whoLink}}">{{username}}</a></td><td data-label="{{t.staff_audit_action}}">{{action}}</td><td data-label="{{t.staff_audit_subject}}">{{#link}}<a href="{{link}}" class="audit-subject">{{subject}}</a>{{/link}}{{^link}}{{subject}}{{/link}}{{#detail}} — {{detail}}{{/detail}}{{#subjectFilter}} <a href="{{subjectFilter}}" class="audit-about">{{t.staff_audit_about}}</a>{{/subjectFilter}}</td></tr>{{/entries}}
        </tbody></table></div>{{/hasEntries}}
        {{#older}}<p><a href="{{older}}" id="older">{{t.staff_audit_older}}</a></p>{{/older}}
        {{> footer}}
        """

    static let users = """
        {{> staffHeader}}
        <h1>{{t.staff_users}}</h1>
        {{#notice}}<p class="notice" role="status" id="notice">{{notice}}</p>{{/notice}}
        {{#error}}<p class="error" role="alert" id="form-error">{{error}}</p>{{/error}}
        <div class="table-scroll" tabindex="0" role="region" aria-label="{{t.staff_table}}"><table class="staff-users clients accounts"><thead><tr><th scope="col">{{t.staff_username}}</th><th scope="col">{{t.staff_users_name}}</th><th scope="col">{{t.staff_users_role}}</th><th scope="col">{{t.staff_users_state}}</th><th scope="col"><span class="visually-hidden">{{t.staff_users_state}}</span></th></tr></thead><tbody>
        {{#accounts}}<tr><td>{{username}}</td><td data-label="{{t.staff_users_name}}">{{displayName}}</td><td data-label="{{t.staff_users_role}}">{{role}}</td><td data-label="{{t.staff_users_state}}">{{state}}</td><td>{{^self}}<form method="post" action="/staff/users/{{action}}" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="username" value="{{username}}"><button type="submit">{{actionLabel}}<span class="visually-hidden"> {{username}}</span></button></form>
        <details class="account-change"><summary>{{t.staff_users_change}}<span class="visually-hidden"> {{username}}</span></summary>
        <form method="post" action="/staff/users/change" class="staff-form" id="change-{{username}}"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="username" value="{{username}}">
        <p><label for="role-{{username}}">{{t.staff_users_role}}</label><br><select id="role-{{username}}" name="role">{{#roles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/roles}}</select></p>
        <p><label for="password-{{username}}">{{t.staff_users_newpassword}}</label><br><input id="password-{{username}}" name="password" type="password" autocomplete="new-password" minlength="10" aria-describedby="newpassword-hint-{{username}}"><br><span id="newpassword-hint-{{username}}" class="hint">{{t.staff_users_newpassword_hint}}</span></p>
        <p><button type="submit">{{t.staff_users_change_save}}</button></p></form></details>{{/self}}</td></tr>{{/accounts}}
        </tbody></table></div>
        <h2>{{t.staff_users_add}}</h2>
        <form method="post" action="/staff/users" class="staff-form">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p><label for="new-username">{{t.staff_username}}</label><br><input id="new-username" name="username" required></p>
        <p><label for="new-name">{{t.staff_users_fullname}}</label><br><input id="new-name" name="name" required></p>
        <p><label for="new-role">{{t.staff_users_role}}</label><br><select id="new-role" name="role"><option value="caseworker">{{t.staff_role_caseworker}}</option><option value="admin">{{t.staff_role_admin}}</option><option value="champion">{{t.staff_role_champion}}</option><option value="planner">{{t.staff_role_planner}}</option></select></p>
        <p><label for="new-password">{{t.staff_password}}</label><br><input id="new-password" name="password" type="password" autocomplete="new-password" required minlength="10" aria-describedby="password-hint"><br><span id="password-hint">{{t.staff_users_password_hint}}</span></p>
        <p><button type="submit" id="add-user">{{t.staff_users_add}}</button></p>
        </form>
        {{> footer}}
        """

    static let clients = """
        {{> staffHeader}}
        <h1>{{t.staff_clients}}</h1>
        {{#unavailable}}<p class="error" role="alert">{{t.staff_client_unavailable}}</p>{{/unavailable}}
        {{^unavailable}}
        <form method="get" action="/staff/clients" role="search" class="staff-form">
        <input type="hidden" name="lang" value="{{lang}}">
        <p><label for="client-q">{{t.staff_clients_search}}</label><br><input id="client-q" name="q" type="search" value="{{q}}"> <button type="submit">{{t.staff_clients_search_button}}</button></p>
        <details{{#isFiltered}} open{{/isFiltered}} id="caseload-filter"><summary>{{t.staff_clients_filter}}</summary>
        <p><label for="filter-worker">{{t.staff_client_worker}}</label><br><select id="filter-worker" name="worker">{{#workerChoices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/workerChoices}}</select></p>
        <p><label for="filter-need">{{t.staff_client_needs}}</label><br><select id="filter-need" name="need"><option value="">{{t.staff_clients_need_any}}</option>{{#needFilter}}<option value="{{name}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/needFilter}}</select></p>
        <p><label for="filter-status">{{t.staff_clients_status}}</label><br><select id="filter-status" name="status"><option value="">{{t.staff_clients_status_any}}</option>{{#statusChoices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/statusChoices}}</select></p>
        <p class="check"><input type="checkbox" id="filter-due" name="due" value="1"{{#dueChecked}} checked{{/dueChecked}}> <label for="filter-due">{{t.staff_clients_due}}</label></p>
        <p><button type="submit" id="apply-filter">{{t.staff_audit_apply}}</button>{{#isFiltered}} <a href="/staff/clients?lang={{lang}}" id="clear-filter">{{t.staff_clients_clear}}</a>{{/isFiltered}}</p>
        </details>
        </form>
        <p><a href="{{myCaseload}}" id="my-caseload">{{t.staff_clients_mine}}</a></p>
        <p><a href="/staff/clients/new?lang={{lang}}" id="new-client">{{t.staff_clients_new}}</a></p>
        <p id="client-count">{{count}}</p>
        {{#empty}}<p>{{emptyText}}</p>{{/empty}}
        {{#hasClients}}<div class="table-scroll" tabindex="0" role="region" aria-label="{{t.staff_table}}"><table class="staff-users clients"><thead><tr><th scope="col">{{t.staff_client_name}}</th><th scope="col">{{t.staff_client_dob}}</th><th scope="col">{{t.staff_client_needs}}</th><th scope="col">{{t.staff_client_worker}}</th></tr></thead><tbody>
        {{#clients}}<tr><td><a href="/staff/clients/{{id}}?lang={{lang}}">{{name}}</a></td><td data-label="{{t.staff_client_dob}}">{{dob}}</td><td data-label="{{t.staff_client_needs}}">{{needs}}</td><td data-label="{{t.staff_client_worker}}">{{worker}}</td></tr>{{/clients}}
        </tbody></table></div>{{/hasClients}}
        {{> pager}}
        {{/unavailable}}
        {{> footer}}
        """

    static let clientForm = """
        {{> staffHeader}}
        <h1>{{heading}}</h1>
        {{#error}}<p class="error" role="alert" id="form-error">{{error}}</p>{{/error}}
        {{#hasDuplicates}}<div class="alert" role="alert" id="duplicates"><p>{{t.staff_client_duplicates}}</p>
        <ul>{{#duplicates}}<li><a href="/staff/clients/{{id}}?lang={{lang}}">{{name}}</a> ({{dob}})</li>{{/duplicates}}</ul></div>{{/hasDuplicates}}
        <form method="post" action="{{action}}" class="staff-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}">
        {{#hasDuplicates}}<input type="hidden" name="confirm" value="1">{{/hasDuplicates}}
        <p><label for="client-name">{{t.staff_client_name}}</label><br><input id="client-name" name="name" required value="{{name}}" autocomplete="off"></p>
        <p><label for="client-dob">{{t.staff_client_dob}}</label><br><input id="client-dob" name="date_of_birth" value="{{dob}}" placeholder="1990-04-02" aria-describedby="dob-hint" autocomplete="off"><br><span id="dob-hint" class="hint">{{t.staff_client_dob_hint}}</span></p>
        <p><label for="client-contact">{{t.staff_client_contact}}</label><br><input id="client-contact" name="contact" value="{{contact}}" autocomplete="off"></p>
        {{#hasNeedChoices}}<fieldset class="needs"><legend>{{t.staff_client_needs_list}}</legend>
        {{#needChoices}}<label class="{{#child}}need-child{{/child}}"><input type="checkbox" name="need" value="{{name}}"{{#checked}} checked{{/checked}}> {{label}}</label><br>{{/needChoices}}
        </fieldset>{{/hasNeedChoices}}
        <p><label for="client-needs">{{t.staff_client_needs_other}}</label><br><textarea id="client-needs" name="needs" rows="3" aria-describedby="needs-hint">{{needs}}</textarea><br><span id="needs-hint" class="hint">{{t.staff_client_needs_hint}}</span></p>
        <p><label for="client-language">{{t.staff_client_language}}</label><br><select id="client-language" name="language" aria-describedby="language-hint"><option value="">{{t.staff_client_language_none}}</option>{{#languageChoices}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/languageChoices}}</select><br><span id="language-hint" class="hint">{{t.staff_client_language_hint}}</span></p>
        <p><label for="client-area">{{t.staff_client_area}}</label><br><select id="client-area" name="area" aria-describedby="area-hint"><option value="">{{t.staff_client_area_none}}</option>{{#areaChoices}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/areaChoices}}</select><br><span id="area-hint" class="hint">{{t.staff_client_area_hint}}</span></p>
        <p><label for="client-goals">{{t.staff_client_goals}}</label><br><textarea id="client-goals" name="goals" rows="3" aria-describedby="goals-hint">{{goals}}</textarea><br><span id="goals-hint" class="hint">{{t.staff_client_goals_hint}}</span></p>
        <p><label for="client-notes">{{t.staff_client_notes}}</label><br><textarea id="client-notes" name="notes" rows="5">{{notes}}</textarea></p>
        <p><button type="submit" id="save-client">{{#hasDuplicates}}{{t.staff_client_create_anyway}}{{/hasDuplicates}}{{^hasDuplicates}}{{t.staff_client_save}}{{/hasDuplicates}}</button></p>
        </form>
        {{> footer}}
        """

    static let client = """
        {{> staffHeader}}
        <h1 id="client-name">{{name}}</h1>
        <p class="meta">{{registered}}</p>
        <dl class="client-details">
        <dt>{{t.staff_client_dob}}</dt><dd id="client-dob">{{dob}}{{^dob}}<span class="meta">{{t.staff_client_notgiven}}</span>{{/dob}}</dd>
        <dt>{{t.staff_client_contact}}</dt><dd>{{contact}}{{^contact}}<span class="meta">{{t.staff_client_notgiven}}</span>{{/contact}}</dd>
        <dt>{{t.staff_client_needs}}</dt><dd>{{#hasNeeds}}<ul>{{#needs}}<li>{{.}}</li>{{/needs}}</ul>{{/hasNeeds}}{{^hasNeeds}}<span class="meta">{{t.staff_client_notgiven}}</span>{{/hasNeeds}}</dd>
        <dt>{{t.staff_client_language}}</dt><dd>{{clientLanguage}}{{^clientLanguage}}<span class="meta">{{t.staff_client_notgiven}}</span>{{/clientLanguage}}</dd>
        <dt>{{t.staff_client_area}}</dt><dd id="client-area">{{clientArea}}{{^clientArea}}<span class="meta">{{t.staff_client_notgiven}}</span>{{/clientArea}}</dd>
        <dt>{{t.staff_client_goals}}</dt><dd>{{^hasOwnGoals}}<span class="meta">{{t.staff_client_notgiven}}</span>{{/hasOwnGoals}}<ul>{{#ownGoals}}<li>{{text}} <a href="/staff/clients/{{id}}?goal={{query}}&amp;lang={{lang}}#progress-heading" class="track-goal">{{t.staff_client_goals_track}}<span class="visually-hidden">: {{text}}</span></a></li>{{/ownGoals}}</ul></dd>
        <dt>{{t.staff_client_notes}}</dt><dd class="notes">{{notes}}{{^notes}}<span class="meta">{{t.staff_client_notgiven}}</span>{{/notes}}</dd>
        <dt id="key-worker-term">{{t.staff_client_worker}}</dt><dd id="key-worker"><span class="visually-hidden print-name">{{keyWorker}}</span>
        {{#workerSaved}}<span class="notice" role="status" id="worker-saved">{{t.staff_client_worker_saved}}</span>{{/workerSaved}}{{#workerError}}<span class="error" role="alert" id="worker-error">{{workerError}}</span>{{/workerError}}
        <form method="post" action="/staff/clients/{{id}}/worker" class="inline" id="worker-form"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}">
        <label for="client-worker" class="visually-hidden">{{t.staff_client_worker}}</label><select id="client-worker" name="worker"{{#workerError}} aria-invalid="true" aria-describedby="worker-error"{{/workerError}}>{{#workerChoices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/workerChoices}}</select> <button type="submit" id="save-worker">{{t.staff_client_worker_change}}</button></form></dd>
        </dl>
        <p><a href="/staff/clients/{{id}}/edit?lang={{lang}}" id="edit-client">{{t.staff_client_edit}}</a> · <a href="/staff/clients/{{id}}/access?lang={{lang}}" id="subject-access">{{t.staff_access_title}}</a> · <a href="/staff/clients/{{id}}/summary?lang={{lang}}" id="client-summary">{{t.staff_summary_link}}</a></p>
        <h2 id="notes-heading">{{t.staff_notes}}</h2>
        <p class="meta">{{t.staff_notes_intro}}</p>
        {{^hasNotes}}<p id="no-notes">{{t.staff_notes_none}}</p>{{/hasNotes}}
        {{#hasNotes}}<ol class="case-notes" id="case-notes" reversed>{{#caseNotes}}<li class="case-note"><p class="meta">{{when}} · {{by}}</p><p class="note-text">{{text}}</p>
        {{#hasEarlier}}<details><summary>{{t.staff_notes_earlier}}</summary><ul>{{#earlier}}<li><span class="meta">{{when}} · {{by}}</span><br><del>{{text}}</del></li>{{/earlier}}</ul></details>{{/hasEarlier}}</li>{{/caseNotes}}</ol>{{/hasNotes}}
        {{#noteError}}<p class="error" role="alert" id="note-error">{{noteError}}</p>{{/noteError}}
        <form method="post" action="/staff/clients/{{id}}/notes#notes-heading" class="staff-form" id="note-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}">
        <p><label for="note-text">{{t.staff_notes_new}}</label><br><textarea id="note-text" name="note" rows="3" maxlength="20000"></textarea></p>
        {{#hasNotes}}<p><label for="note-supersedes">{{t.staff_notes_corrects}}</label><br><select id="note-supersedes" name="supersedes"><option value="">{{t.staff_notes_corrects_none}}</option>{{#noteChoices}}<option value="{{id}}">{{label}}</option>{{/noteChoices}}</select></p>{{/hasNotes}}
        <p><button type="submit" id="save-note">{{t.staff_notes_save}}</button></p>
        </form>
        <h2 id="tasks-heading">{{t.staff_tasks}}</h2>
        {{^hasTasks}}<p id="no-tasks">{{t.staff_tasks_none}}</p>{{/hasTasks}}
        {{#hasTasks}}{{> taskList}}{{/hasTasks}}
        <details{{#taskError}} open{{/taskError}}><summary>{{t.staff_task_new}}</summary>{{> taskForm}}</details>
        <h2 id="files-heading">{{t.staff_attachments}}</h2>
        {{#fileError}}<p class="error" role="alert" id="file-error">{{fileError}}</p>{{/fileError}}
        <p class="meta">{{t.staff_attachments_intro}}</p>
        {{#fileSaved}}<p class="notice" role="status" id="file-saved">{{t.staff_attachment_saved}}</p>{{/fileSaved}}{{#fileRemoved}}<p class="notice" role="status" id="file-removed">{{t.staff_attachment_removed}}</p>{{/fileRemoved}}
        {{^hasFiles}}<p id="no-files">{{t.staff_attachments_none}}</p>{{/hasFiles}}
        {{#hasFiles}}<ul class="files" id="files">{{#files}}<li class="file"><a href="/staff/clients/{{id}}/attachments/{{n}}" download>{{name}}</a> <span class="meta">({{kind}}, {{size}}) · {{when}} · {{by}}</span>
        <form method="post" action="/staff/clients/{{id}}/attachments/{{n}}/remove" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}"><button type="submit" class="remove-file">{{t.staff_attachment_remove}}<span class="visually-hidden"> {{name}}</span></button></form></li>{{/files}}</ul>{{/hasFiles}}
        <form method="post" action="/staff/clients/{{id}}/attachments#files-heading" enctype="multipart/form-data" class="staff-form" id="file-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}">
        <p><label for="file-input">{{t.staff_attachment_choose}}</label><br><input id="file-input" name="file" type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" aria-describedby="file-hint"{{#fileError}} aria-invalid="true"{{/fileError}}><br><span id="file-hint" class="hint">{{t.staff_attachment_hint}}</span></p>
        <p><button type="submit" id="add-file">{{t.staff_attachment_add}}</button></p>
        </form>
        <h2 id="consents-heading">{{t.staff_consents}}</h2>
        {{#notice}}<p class="notice" role="status" id="notice">{{notice}}</p>{{/notice}}
        {{#consentError}}<p class="error" role="alert" id="consent-error">{{consentError}}</p>{{/consentError}}
        {{^hasConsents}}<p id="no-consents">{{t.staff_consents_none}}</p>{{/hasConsents}}
        {{#hasConsents}}<div class="table-scroll" tabindex="0" role="region" aria-labelledby="consents-heading"><table class="staff-users consents cards" aria-labelledby="consents-heading"><thead><tr><th scope="col">{{t.staff_consent_org}}</th><th scope="col">{{t.staff_consent_purposes}}</th><th scope="col">{{t.staff_consent_classes}}</th><th scope="col">{{t.staff_consent_term}}</th><th scope="col">{{t.staff_consent_method}}</th><th scope="col">{{t.staff_consent_state}}</th><th scope="col"><span class="visually-hidden">{{t.staff_consent_revoke}}</span></th></tr></thead><tbody>
        {{#consents}}<tr class="consent"><td>{{orgName}}</td><td data-label="{{t.staff_consent_purposes}}">{{purposes}}</td><td data-label="{{t.staff_consent_classes}}">{{classes}}</td><td data-label="{{t.staff_consent_term}}">{{term}}</td><td data-label="{{t.staff_consent_method}}">{{method}}</td><td class="consent-state" data-label="{{t.staff_consent_state}}">{{state}}</td><td>{{#granted}}<a href="/staff/clients/{{id}}/consents/{{org}}/receipt?lang={{lang}}">{{t.staff_consent_receipt}}<span class="visually-hidden"> {{orgName}}</span></a>
        <form method="post" action="/staff/clients/{{id}}/consents/revoke" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}"><input type="hidden" name="organization" value="{{org}}">
        <button type="submit" class="revoke">{{t.staff_consent_revoke}}<span class="visually-hidden"> {{orgName}}</span></button></form>{{/granted}}</td></tr>{{/consents}}
        </tbody></table></div>{{/hasConsents}}
        <h3>{{t.staff_consent_record}}</h3>
        {{^hasPartners}}<p>{{t.staff_consent_nopartners}}</p>{{/hasPartners}}
        {{#hasPartners}}<p>{{t.staff_consent_record_intro}}</p>
        <form method="post" action="/staff/clients/{{id}}/consents" class="staff-form" id="consent-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}">
        <p><label for="consent-org">{{t.staff_consent_org}}</label><br><select id="consent-org" name="organization">{{#partners}}<option value="{{key}}">{{name}} · {{fingerprint}}</option>{{/partners}}</select></p>
        <fieldset><legend>{{t.staff_consent_purposes}}</legend>
        <label><input type="checkbox" name="purpose" value="referral" checked> {{t.staff_consent_purpose_referral}}</label><br>
        <label><input type="checkbox" name="purpose" value="progress"> {{t.staff_consent_purpose_progress}}</label></fieldset>
        <fieldset><legend>{{t.staff_consent_classes}}</legend>
        <label><input type="checkbox" name="class" value="contact" checked> {{t.staff_consent_class_contact}}</label><br>
        <label><input type="checkbox" name="class" value="needs" checked> {{t.staff_consent_class_needs}}</label></fieldset>
        <p><label for="consent-start">{{t.staff_consent_from}}</label><br><input id="consent-start" name="start" value="{{today}}"></p>
        <p><label for="consent-end">{{t.staff_consent_until}}</label><br><input id="consent-end" name="end" value="{{defaultEnd}}"></p>
        <p><label for="consent-method">{{t.staff_consent_method}}</label><br><select id="consent-method" name="method"><option value="written">{{t.staff_consent_method_written}}</option><option value="verbal">{{t.staff_consent_method_verbal}}</option><option value="digital">{{t.staff_consent_method_digital}}</option></select></p>
        <p><button type="submit" id="record-consent">{{t.staff_consent_record}}</button></p>
        </form>{{/hasPartners}}
        <h2 id="client-code-heading">{{t.staff_clientcode_issue}}</h2>
        <p>{{t.staff_clientcode_intro}}</p>
        <form method="post" action="/staff/clients/{{id}}/client-code" class="staff-form" id="client-code-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}">
        <p><label for="client-code-dob">{{t.staff_clientcode_dob}}</label><br><input id="client-code-dob" name="dob" value="{{dob}}"></p>
        <p><button type="submit" id="issue-client-code">{{t.staff_clientcode_button}}</button></p>
        </form>
        {{#hasAccesses}}<h3 id="accesses-heading">{{t.staff_accesses}}</h3><ul id="client-accesses">{{#accesses}}<li>{{.}}</li>{{/accesses}}</ul>{{/hasAccesses}}
        <h3 id="proxies-heading">{{t.staff_proxy}}</h3>
        <p>{{t.staff_proxy_intro}}</p>
        {{#hasProxies}}<ul id="proxies">{{#proxies}}<li class="proxy"><strong>{{name}}</strong> ({{relationship}}): {{authority}}
        <form method="post" action="/staff/clients/{{id}}/proxy/end" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}"><input type="hidden" name="slot" value="{{slot}}"><button type="submit" class="end-proxy">{{t.staff_proxy_end}}<span class="visually-hidden"> {{name}}</span></button></form></li>{{/proxies}}</ul>{{/hasProxies}}
        <details class="progress-forms"><summary>{{t.staff_proxy_add}}</summary>
        <form method="post" action="/staff/clients/{{id}}/proxy" class="staff-form" id="proxy-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}">
        <p><label for="proxy-name">{{t.staff_proxy_name}}</label><br><input id="proxy-name" name="name" required></p>
        <p><label for="proxy-relationship">{{t.staff_proxy_relationship}}</label><br><select id="proxy-relationship" name="relationship">{{#relationships}}<option value="{{value}}">{{label}}</option>{{/relationships}}</select></p>
        <p><label for="proxy-authority">{{t.staff_proxy_authority}}</label><br><input id="proxy-authority" name="authority" required></p>
        <p><label for="proxy-dob">{{t.staff_proxy_dob}}</label><br><input id="proxy-dob" name="dob" required></p>
        <p><button type="submit" id="issue-proxy-code">{{t.staff_proxy_button}}</button></p>
        </form></details>
        <h2 id="referrals-heading">{{t.staff_referrals_client}}</h2>
        {{#referralError}}<p class="error" role="alert" id="referral-error">{{referralError}}</p>{{/referralError}}
        {{^hasReferrals}}<p>{{t.staff_referrals_client_none}}</p>{{/hasReferrals}}
        {{#hasReferrals}}{{> referralTable}}{{/hasReferrals}}
        <h3>{{t.staff_referral_send}}</h3>
        {{^referable}}<p id="no-referral-consent">{{t.staff_referral_noconsent}} {{#hasPartners}}<a href="#consent-form">{{t.staff_referral_noconsent_link}}</a>{{/hasPartners}}</p>{{/referable}}
        {{#hasReferable}}<p>{{t.staff_referral_send_intro}}</p>
        <form method="post" action="/staff/clients/{{id}}/referrals" class="staff-form" id="referral-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}">
        <p><label for="referral-org">{{t.staff_referral_to}}</label><br><select id="referral-org" name="organization">{{#referable}}<option value="{{key}}"{{#selected}} selected{{/selected}}>{{name}} · {{fingerprint}}</option>{{/referable}}</select></p>
        <p><label for="referral-service">{{t.staff_referral_service}}</label><br><input id="referral-service" name="service_name" value="{{pickedServiceName}}" list="referral-service-list" autocomplete="off"><datalist id="referral-service-list">{{#serviceChoices}}<option value="{{name}}">{{organization}}</option>{{/serviceChoices}}</datalist><input type="hidden" name="service_id" value="{{pickedServiceID}}"></p>
        {{#hasReroutable}}<p><label for="referral-reroutes">{{t.staff_referral_reroutes}}</label><br><select id="referral-reroutes" name="reroutes"><option value="">{{t.staff_referral_reroutes_none}}</option>{{#reroutable}}<option value="{{key}}">{{label}}</option>{{/reroutable}}</select></p>{{/hasReroutable}}
        <p><label for="referral-note">{{t.staff_referral_note}}</label><br><textarea id="referral-note" name="note" rows="3"></textarea></p>
        <p><button type="submit" id="send-referral">{{t.staff_referral_send}}</button></p>
        </form>{{/hasReferable}}
        <h2 id="suggestions-heading">{{t.staff_suggest}}</h2>
        {{^hasNeeds}}<p>{{t.staff_suggest_noneeds}}</p>{{/hasNeeds}}
        {{#hasNeeds}}{{^hasSuggestions}}<p>{{t.staff_suggest_none}}</p>{{/hasSuggestions}}{{/hasNeeds}}
        {{#hasSuggestions}}<p>{{t.staff_suggest_intro}}</p><ol class="suggestions" id="suggestions">{{#suggestions}}<li><a href="/services/{{id}}?lang={{lang}}">{{name}}</a>{{#organization}} — {{organization}}{{/organization}}{{#open}} · <strong>{{t.staff_suggest_open}}</strong>{{/open}}{{#speaks}} · {{t.staff_suggest_speaks}} {{clientLanguage}}{{/speaks}}{{#referURL}} · <a href="{{referURL}}" class="refer-link">{{t.staff_suggest_refer}}<span class="visually-hidden"> {{name}}</span></a>{{/referURL}}</li>{{/suggestions}}</ol>{{/hasSuggestions}}
        {{> journeySections}}
        {{#isAdmin}}<h2 id="erase-heading">{{t.staff_erase}}</h2>
        {{#eraseError}}<p class="error" role="alert" id="erase-error">{{eraseError}}</p>{{/eraseError}}
        <p>{{t.staff_erase_intro}}</p>
        <form method="post" action="/staff/clients/{{id}}/erase#erase-error" class="staff-form" id="erase-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}">
        <p><label><input type="checkbox" name="confirm" value="1" id="erase-confirm"> {{t.staff_erase_confirm}}</label></p>
        <p><button type="submit" id="erase-client">{{t.staff_erase}}</button></p>
        </form>{{/isAdmin}}
        {{> footer}}
        """

    static let receipt = """
        {{> staffHeader}}
        <div id="consent-receipt" lang="{{sheetLang}}">
        <h1>{{w.title}}</h1>
        <p id="receipt-intro">{{intro}}</p>
        <dl class="client-details receipt">
        <dt>{{w.org}}</dt><dd id="receipt-org">{{orgName}}</dd>
        <dt>{{w.purposes}}</dt><dd id="receipt-purposes">{{purposes}}</dd>
        <dt>{{w.classes}}</dt><dd>{{classes}}</dd>
        <dt>{{w.from}}</dt><dd>{{start}}</dd>
        <dt>{{w.until}}</dt><dd id="receipt-until">{{end}}</dd>
        <dt>{{w.method}}</dt><dd>{{method}}</dd>
        <dt>{{w.recordedby}}</dt><dd>{{recordedBy}}</dd>
        </dl>
        <p id="receipt-withdraw"><strong>{{withdraw}}</strong></p>
        </div>
        <p class="no-print js-only" hidden><button type="button" data-print id="print-receipt">{{t.staff_print_button}}</button></p>
        <p class="no-print">{{t.staff_receipt_print}}</p>
        {{> footer}}
        """

    static let referralTable = """
        <div class="table-scroll" tabindex="0" role="region" aria-label="{{t.staff_referrals}}"><table class="staff-users referrals"><thead><tr><th scope="col">{{^onClient}}{{t.staff_referral_client}}{{/onClient}}{{#onClient}}{{t.staff_referral_service}}{{/onClient}}</th>{{#showFrom}}<th scope="col">{{t.staff_referral_from}}</th>{{/showFrom}}{{#showTo}}<th scope="col">{{t.staff_referral_to}}</th>{{/showTo}}{{^onClient}}<th scope="col">{{t.staff_referral_service}}</th>{{/onClient}}<th scope="col">{{t.staff_referral_sent}}</th><th scope="col">{{t.staff_referral_status}}</th></tr></thead><tbody>
        {{#referrals}}<tr class="referral"><td><a href="/staff/referrals/{{key}}?lang={{lang}}">{{^onClient}}{{client}}{{/onClient}}{{#onClient}}{{named}}{{/onClient}}</a></td>{{#showFrom}}<td data-label="{{t.staff_referral_from}}">{{from}}</td>{{/showFrom}}{{#showTo}}<td data-label="{{t.staff_referral_to}}">{{to}}</td>{{/showTo}}{{^onClient}}<td data-label="{{t.staff_referral_service}}">{{service}}</td>{{/onClient}}<td data-label="{{t.staff_referral_sent}}">{{sent}}</td><td class="referral-status" data-label="{{t.staff_referral_status}}">{{status}}{{#overdue}} — <strong class="overdue">{{t.staff_referral_overdue}}</strong>{{/overdue}}</td></tr>{{/referrals}}
        </tbody></table></div>
        """

    static let referrals = """
        {{> staffHeader}}
        <h1>{{heading}}</h1>
        <nav aria-label="{{t.staff_referrals}}" class="boxes"><ul class="inline-list">
        <li><a href="/staff/referrals?lang={{lang}}" id="box-received"{{^sentBox}} aria-current="page"{{/sentBox}}>{{t.staff_referrals_box_received}}</a></li>
        <li><a href="/staff/referrals?box=sent&amp;lang={{lang}}" id="box-sent"{{#sentBox}} aria-current="page"{{/sentBox}}>{{t.staff_referrals_box_sent}}</a></li></ul></nav>
        <form method="get" action="/staff/referrals" class="staff-form inline-form" id="referral-filter">{{#sentBox}}<input type="hidden" name="box" value="sent">{{/sentBox}}<input type="hidden" name="lang" value="{{lang}}">
        <label for="referral-show">{{t.staff_referrals_show}}</label> <select id="referral-show" name="show">{{#showChoices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/showChoices}}</select>
        <button type="submit" class="secondary" id="referral-show-apply">{{t.staff_referrals_show_apply}}</button></form>
        {{^hasReferrals}}<p id="no-referrals">{{#filtered}}{{t.staff_referrals_show_none}}{{/filtered}}{{^filtered}}{{none}}{{/filtered}}</p>{{/hasReferrals}}
        {{#hasReferrals}}{{> referralTable}}{{/hasReferrals}}
        {{> pager}}
        {{> footer}}
        """

    /// Withdrawing a consent: what it does, how the client said so, then yes or cancel.
    static let withdraw = """
        {{> staffHeader}}
        <h1 id="withdraw-heading">{{heading}}</h1>
        <ul id="withdraw-effects">{{#effects}}<li>{{.}}</li>{{/effects}}</ul>
        <form method="post" action="/staff/clients/{{id}}/consents/revoke" class="staff-form" id="withdraw-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}"><input type="hidden" name="organization" value="{{org}}"><input type="hidden" name="confirm" value="yes">
        <fieldset><legend>{{t.staff_withdraw_how}}</legend>
        <label><input type="radio" name="method" value="verbal" checked> {{t.staff_consent_method_verbal}}</label><br>
        <label><input type="radio" name="method" value="written"> {{t.staff_consent_method_written}}</label><br>
        <label><input type="radio" name="method" value="digital"> {{t.staff_consent_method_digital}}</label></fieldset>
        <p><label for="withdraw-reason">{{t.staff_withdraw_reason}}</label><br><input id="withdraw-reason" name="reason" maxlength="500" aria-describedby="withdraw-reason-hint"></p>
        <p class="hint" id="withdraw-reason-hint">{{reasonHint}}</p>
        <p><button type="submit" id="withdraw-yes">{{yes}}</button> <a href="/staff/clients/{{id}}?lang={{lang}}#consents-heading" id="withdraw-no">{{t.staff_withdraw_no}}</a></p>
        </form>
        {{> footer}}
        """

    static let referral = """
        {{> staffHeader}}
        <h1>{{t.staff_referral_heading}}: {{client}}</h1>
        <p class="no-print js-only" hidden><button type="button" data-print id="print-referral">{{t.staff_summary_print_referral}}</button></p>
        {{#withdrawn}}<p class="banner-note" id="referral-withdrawn"><strong>{{t.staff_referral_withdrawn}}</strong></p>{{/withdrawn}}
        <dl class="client-details">
        <dt>{{t.staff_referral_status}}</dt><dd id="referral-status">{{status}}{{#overdue}} — <strong class="overdue">{{t.staff_referral_overdue}}</strong>{{/overdue}}</dd>
        <dt>{{t.staff_referral_from}}</dt><dd>{{from}}</dd><dt>{{t.staff_referral_to}}</dt><dd>{{to}}</dd>
        <dt>{{t.staff_referral_service}}</dt><dd>{{service}}</dd>{{#runBy}}<dt>{{t.staff_referral_runby}}</dt><dd id="run-by">{{runBy}}</dd>{{/runBy}}{{#providerContact}}<dt>{{t.staff_referral_contact}}</dt><dd id="provider-contact">{{providerContact}}{{#providerPhone}} · <a href="tel:{{providerPhoneDial}}">{{t.staff_referral_call}}</a>{{/providerPhone}}</dd>{{/providerContact}}<dt>{{t.staff_referral_sent}}</dt><dd>{{sent}}</dd>
        <dt>{{t.staff_referral_client}}</dt><dd>{{#clientLink}}<a href="{{clientLink}}" id="referral-client-link">{{client}}</a>{{/clientLink}}{{^clientLink}}{{client}}{{/clientLink}}{{#dob}} ({{dob}}){{/dob}}{{#contact}}<br>{{contact}}{{/contact}}</dd>
        {{^withdrawn}}<dt>{{t.staff_client_needs}}</dt><dd>{{needs}}</dd><dt>{{t.staff_referral_note}}</dt><dd>{{note}}</dd>{{/withdrawn}}
        {{#reroutes}}<dt>{{t.staff_referral_reroutes}}</dt><dd>{{reroutes}}</dd>{{/reroutes}}
        </dl>
        <h2>{{t.staff_referral_history}}</h2>
        <ol class="history">{{#history}}<li>{{when}} — {{who}}: <strong>{{status}}</strong>{{#detail}} — {{detail}}{{/detail}}{{#refused}} <em>({{t.staff_referral_refused}})</em>{{/refused}}</li>{{/history}}</ol>
        {{^hasChoices}}{{#error}}<p class="error" role="alert" id="referral-error">{{error}}</p>{{/error}}<p>{{t.staff_referral_closed}}</p>{{/hasChoices}}
        {{#hasChoices}}<h2>{{t.staff_referral_change}}</h2>
        <form method="post" action="/staff/referrals/{{key}}" class="staff-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}">
        {{#error}}<p class="error" role="alert" id="referral-error">{{error}}</p>{{/error}}
        <p><label for="referral-newstatus">{{t.staff_referral_newstatus}}</label><br><select id="referral-newstatus" name="status"{{#invalid.status}} aria-invalid="true" aria-describedby="referral-error" autofocus{{/invalid.status}}>{{#choices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/choices}}</select></p>
        {{#canDecline}}<p><label for="referral-decline">{{t.staff_referral_decline}}</label><br><select id="referral-decline" name="decline_reason"{{#invalid.reason}} aria-invalid="true" aria-describedby="referral-error"{{/invalid.reason}}><option value="">{{t.staff_referral_decline_none}}</option>{{#declineChoices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/declineChoices}}</select></p>{{/canDecline}}
        <p><label for="referral-reason">{{#canDecline}}{{t.staff_referral_reason}}{{/canDecline}}{{^canDecline}}{{t.staff_referral_reason_nodecline}}{{/canDecline}}</label><br><input id="referral-reason" name="reason" value="{{reason}}"{{#invalid.reason}} aria-invalid="true" aria-describedby="referral-error" autofocus{{/invalid.reason}}></p>
        <p><label for="referral-outcome">{{t.staff_referral_outcome}}</label><br><input id="referral-outcome" name="outcome" value="{{outcome}}"{{#invalid.outcome}} aria-invalid="true" aria-describedby="referral-error" autofocus{{/invalid.outcome}}></p>
        <p><button type="submit" id="update-referral">{{t.staff_referral_save}}</button></p>
        </form>{{/hasChoices}}
        <h2 id="messages-heading">{{t.staff_messages}}</h2>
        {{^hasMessages}}<p id="no-messages">{{t.staff_messages_none}}</p>{{/hasMessages}}
        {{#hasMessages}}<ol class="messages" id="messages">{{#messages}}<li class="message{{#mine}} mine{{/mine}}"><p class="meta">{{when}} · {{who}}</p><p class="message-text">{{text}}</p></li>{{/messages}}</ol>{{/hasMessages}}
        {{#canMessage}}{{#messageError}}<p class="error" role="alert" id="message-error">{{messageError}}</p>{{/messageError}}
        <form method="post" action="/staff/referrals/{{key}}/messages" class="staff-form" id="message-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}">
        <p><label for="message-text">{{messageTo}}</label><br><textarea id="message-text" name="message" rows="3" maxlength="4000" aria-describedby="message-hint"{{#messageError}} aria-invalid="true" autofocus{{/messageError}}>{{messageDraft}}</textarea><br><span id="message-hint" class="hint">{{t.staff_message_hint}}</span></p>
        <p><button type="submit" id="send-message">{{t.staff_message_send}}</button></p>
        </form>{{/canMessage}}
        <h2 id="tasks-heading">{{t.staff_tasks}}</h2>
        {{^hasTasks}}<p id="no-tasks">{{t.staff_tasks_none}}</p>{{/hasTasks}}
        {{#hasTasks}}{{> taskList}}{{/hasTasks}}
        <details{{#taskError}} open{{/taskError}}><summary>{{t.staff_task_new}}</summary>{{> taskForm}}</details>
        {{> journeySections}}
        {{> footer}}
        """

    /// Goals and progress, with the forms to record them, and the timeline: on a client's page at
    /// home and on a referral's page at a partner.
    static let journeySections = """
        <h2 id="progress-heading">{{t.staff_progress}}</h2>
        {{#progressError}}<p class="error" role="alert" id="progress-error">{{progressError}}</p>{{/progressError}}
        {{^hasGoals}}<p id="no-goals">{{t.staff_progress_none}}</p>{{/hasGoals}}
        {{#journeyGoals}}<section class="goal" aria-labelledby="goal-{{id}}"><h3 id="goal-{{id}}">{{title}}</h3><p class="meta">{{by}}</p>
        {{#hasReadings}}<table class="staff-users readings"><thead><tr><th scope="col">{{t.staff_progress_area}}</th><th scope="col">{{t.staff_progress_stage}}</th><th scope="col">{{t.staff_progress_date}}</th><th scope="col">{{t.staff_progress_client}}</th></tr></thead><tbody>
        {{#readings}}<tr class="reading"><td>{{area}}</td><td><span class="stage-bar" aria-hidden="true"><span style="width: {{width}}%"></span></span> {{stage}} / {{stages}}</td><td>{{date}}</td><td class="client-view">{{client}}{{#gap}} ({{gap}}){{/gap}}</td></tr>{{/readings}}
        </tbody></table>{{/hasReadings}}
        {{#hasMilestones}}<ul class="milestones">{{#milestones}}<li class="milestone">{{date}} — {{label}}{{#corrected}} <em>({{t.staff_progress_corrected}})</em>{{/corrected}}</li>{{/milestones}}</ul>{{/hasMilestones}}
        </section>{{/journeyGoals}}
        {{#hasCheckins}}<h3 id="checkins-heading">{{t.staff_checkins_client}}</h3>
        <ul class="checkins" id="checkins">{{#checkins}}<li class="checkin"><strong>{{service}}</strong>: {{score}} / 10 · {{date}} · {{how}}{{#comment}}<blockquote>{{comment}}</blockquote>{{/comment}}</li>{{/checkins}}</ul>{{/hasCheckins}}
        {{#hasPaperCheckins}}<details class="progress-forms"><summary>{{t.staff_checkin_paper_title}}</summary>
        <form method="post" action="/staff/clients/{{progressClient}}/checkin" class="staff-form" id="paper-checkin-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}">
        <p><label for="checkin-referral">{{t.staff_checkin_referral}}</label><br><select id="checkin-referral" name="referral">{{#paperCheckins}}<option value="{{id}}">{{service}}</option>{{/paperCheckins}}</select></p>
        <p><label for="checkin-score">{{t.client_checkin_question}}</label><br><select id="checkin-score" name="score">{{#scores}}<option>{{n}}</option>{{/scores}}</select></p>
        <p><label for="checkin-comment">{{t.client_checkin_comment}}</label><br><textarea id="checkin-comment" name="comment" rows="2"></textarea></p>
        <p><button type="submit" id="record-checkin">{{t.staff_checkin_record}}</button></p>
        </form></details>{{/hasPaperCheckins}}
        {{^canRecord}}<p id="progress-noconsent">{{#progressWithdrawn}}{{t.staff_progress_withdrawn}}{{/progressWithdrawn}}{{^progressWithdrawn}}{{t.staff_progress_noconsent}}{{/progressWithdrawn}}</p>{{/canRecord}}
        {{#hasConsentRequests}}<h3 id="requests-heading">{{t.staff_requests}}</h3>
        <ul class="requests" id="consent-requests">{{#consentRequests}}<li class="request">{{text}}<br><span class="meta">{{reason}}</span></li>{{/consentRequests}}</ul>{{/hasConsentRequests}}
        {{#canRequest}}<details class="progress-forms" id="request-details"><summary>{{t.staff_request_ask}}</summary>
        <form method="post" action="/staff/consent-requests" class="staff-form" id="request-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}"><input type="hidden" name="referral" value="{{progressReferral}}">
        <p>{{t.staff_request_intro}}</p>
        <p><label for="request-reason">{{t.staff_request_reason}}</label><br><textarea id="request-reason" name="reason" rows="2" maxlength="1000" required></textarea></p>
        <p><button type="submit" id="request-send">{{t.staff_request_send}}</button></p>
        </form></details>{{/canRequest}}
        {{#canRecord}}
        {{#progressSaved}}<p class="notice" role="status" id="progress-saved">{{t.staff_progress_saved}}</p>{{/progressSaved}}
        <details class="progress-forms"{{#progressError}} open{{/progressError}}{{^progressError}}{{#progressSaved}} open{{/progressSaved}}{{#goalDraft}} open{{/goalDraft}}{{/progressError}}><summary>{{t.staff_progress_record}}</summary>
        <form method="post" action="/staff/progress#progress-heading" class="staff-form" id="goal-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}"><input type="hidden" name="client" value="{{progressClient}}"><input type="hidden" name="referral" value="{{progressReferral}}"><input type="hidden" name="type" value="goal">
        <h3>{{t.staff_progress_goal_new}}</h3>
        <p><label for="goal-title">{{t.staff_progress_goal_title}}</label><br><input id="goal-title" name="title" value="{{goalDraft}}"{{#goalDraft}} autofocus{{/goalDraft}}></p>
        <p><label for="goal-instrument">{{t.staff_progress_instrument}}</label><br><select id="goal-instrument" name="instrument">{{#instruments}}<option value="{{id}}">{{name}}</option>{{/instruments}}<option value="none">{{t.staff_progress_milestones_only}}</option></select></p>
        <p><button type="submit" id="add-goal">{{t.staff_progress_goal_add}}</button></p>
        </form>
        {{#hasMeasured}}<form method="post" action="/staff/progress#progress-heading" class="staff-form" id="reading-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}"><input type="hidden" name="client" value="{{progressClient}}"><input type="hidden" name="referral" value="{{progressReferral}}"><input type="hidden" name="type" value="reading">
        <h3>{{t.staff_progress_reading_new}}</h3>
        <p><label for="reading-goal">{{t.staff_progress_goal}}</label><br><select id="reading-goal" name="goal">{{#measuredGoals}}<option value="{{id}}">{{title}}</option>{{/measuredGoals}}</select></p>
        <p><label for="reading-area">{{t.staff_progress_area}}</label><br><select id="reading-area" name="area">{{#areas}}<option>{{.}}</option>{{/areas}}</select></p>
        <p><label for="reading-stage">{{t.staff_progress_stage}}</label><br><select id="reading-stage" name="stage">{{#stageChoices}}<option>{{n}}</option>{{/stageChoices}}</select></p>
        <p><label for="reading-date">{{t.staff_progress_date}}</label><br><input id="reading-date" name="date" value="{{today}}"></p>
        <p><button type="submit" id="add-reading">{{t.staff_progress_reading_add}}</button></p>
        </form>{{/hasMeasured}}
        {{#hasGoals}}<form method="post" action="/staff/progress#progress-heading" class="staff-form" id="milestone-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}"><input type="hidden" name="client" value="{{progressClient}}"><input type="hidden" name="referral" value="{{progressReferral}}"><input type="hidden" name="type" value="milestone">
        <h3>{{t.staff_progress_milestone_new}}</h3>
        <p><label for="milestone-goal">{{t.staff_progress_goal}}</label><br><select id="milestone-goal" name="goal">{{#goalChoices}}<option value="{{id}}">{{title}}</option>{{/goalChoices}}</select></p>
        <p><label for="milestone-label">{{t.staff_progress_milestone_label}}</label><br><input id="milestone-label" name="label"></p>
        <p><label for="milestone-date">{{t.staff_progress_date}}</label><br><input id="milestone-date" name="date" value="{{today}}"></p>
        <p><button type="submit" id="add-milestone">{{t.staff_progress_milestone_add}}</button></p>
        </form>{{/hasGoals}}
        {{#hasOwnEvents}}<form method="post" action="/staff/progress#progress-heading" class="staff-form" id="correction-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}"><input type="hidden" name="client" value="{{progressClient}}"><input type="hidden" name="referral" value="{{progressReferral}}"><input type="hidden" name="type" value="correction">
        <h3>{{t.staff_progress_correct}}</h3>
        <p>{{t.staff_progress_correct_intro}}</p>
        <p><label for="correction-target">{{t.staff_progress_correct_which}}</label><br><select id="correction-target" name="supersedes">{{#ownEvents}}<option value="{{id}}">{{label}}</option>{{/ownEvents}}</select></p>
        <p><label for="correction-stage">{{t.staff_progress_stage}}</label><br><select id="correction-stage" name="stage">{{#stageChoices}}<option>{{n}}</option>{{/stageChoices}}</select></p>
        <p><label for="correction-label">{{t.staff_progress_milestone_label}}</label><br><input id="correction-label" name="label"></p>
        <p><label for="correction-date">{{t.staff_progress_date}}</label><br><input id="correction-date" name="date" value="{{today}}"></p>
        <p><button type="submit" id="add-correction">{{t.staff_progress_correct}}</button></p>
        </form>{{/hasOwnEvents}}
        </details>
        {{/canRecord}}
        <h2 id="timeline-heading">{{t.staff_timeline}}</h2>
        {{^hasTimeline}}<p>{{t.staff_timeline_none}}</p>{{/hasTimeline}}
        {{#hasTimeline}}<ol class="timeline" id="timeline">{{#timeline}}<li class="timeline-entry">{{when}} — {{#verb}}{{verb}} {{/verb}}<strong>{{org}}</strong> {{text}}{{#detail}} — {{detail}}{{/detail}}{{#refused}} <em>({{t.staff_referral_refused}})</em>{{/refused}}{{#corrected}} <em>({{t.staff_progress_corrected}})</em>{{/corrected}}</li>{{/timeline}}</ol>{{/hasTimeline}}
        {{#hasHiddenNote}}<p class="meta" id="hidden-note">{{hiddenNote}}</p>{{/hasHiddenNote}}
        """

    static let access = """
        {{> staffHeader}}
        <h1>{{t.staff_access_title}}: {{name}}</h1>
        <p>{{intro}}</p>
        <p><a href="/staff/clients/{{id}}/access.json" id="access-json" download>{{t.staff_access_json}}</a> · {{t.staff_receipt_print}}</p>
        <h2>{{t.staff_access_details}}</h2>
        <dl class="client-details">
        <dt>{{t.staff_client_name}}</dt><dd>{{name}}</dd><dt>{{t.staff_client_dob}}</dt><dd>{{dob}}</dd><dt>{{t.staff_client_contact}}</dt><dd>{{contact}}</dd>
        <dt>{{t.staff_client_language}}</dt><dd>{{clientLanguage}}</dd><dt>{{t.staff_client_needs}}</dt><dd>{{needs}}</dd><dt>{{t.staff_client_goals}}</dt><dd>{{goalsText}}</dd>
        <dt>{{t.staff_client_notes}}</dt><dd class="notes">{{notes}}{{^notes}}<span class="meta">{{t.staff_client_notgiven}}</span>{{/notes}}</dd>
        <dt id="key-worker-term">{{t.staff_client_worker}}</dt><dd id="key-worker"><span class="visually-hidden print-name">{{keyWorker}}</span>
        {{#workerSaved}}<span class="notice" role="status" id="worker-saved">{{t.staff_client_worker_saved}}</span>{{/workerSaved}}{{#workerError}}<span class="error" role="alert" id="worker-error">{{workerError}}</span>{{/workerError}}
        <form method="post" action="/staff/clients/{{id}}/worker" class="inline" id="worker-form"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}">
        <label for="client-worker" class="visually-hidden">{{t.staff_client_worker}}</label><select id="client-worker" name="worker"{{#workerError}} aria-invalid="true" aria-describedby="worker-error"{{/workerError}}>{{#workerChoices}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/workerChoices}}</select> <button type="submit" id="save-worker">{{t.staff_client_worker_change}}</button></form></dd>
        </dl>
        <h2>{{t.staff_timeline}}</h2>
        {{^hasTimeline}}<p>{{t.staff_timeline_none}}</p>{{/hasTimeline}}
        {{#hasTimeline}}<ol class="timeline">{{#timeline}}<li>{{when}} — {{#verb}}{{verb}} {{/verb}}<strong>{{org}}</strong> {{text}}{{#detail}} — {{detail}}{{/detail}}</li>{{/timeline}}</ol>{{/hasTimeline}}
        <h2 id="disclosures-heading">{{t.staff_access_disclosures}}</h2>
        <p>{{t.staff_access_disclosures_intro}}</p>
        {{#hasDisclosures}}<div class="table-scroll" tabindex="0" role="region" aria-label="{{t.staff_table}}"><table class="staff-users" id="disclosures" aria-labelledby="disclosures-heading"><thead><tr><th scope="col">{{t.staff_audit_when}}</th><th scope="col">{{t.staff_access_record}}</th><th scope="col">{{t.staff_access_recipients}}</th></tr></thead><tbody>
        {{#disclosures}}<tr><td>{{when}}</td><td>{{kind}}</td><td>{{recipients}}</td></tr>{{/disclosures}}
        </tbody></table></div>{{/hasDisclosures}}
        <h2 id="access-own-heading">{{t.staff_access_own}}</h2>
        {{^hasOwnRecords}}<p>{{t.staff_access_own_none}}</p>{{/hasOwnRecords}}
        {{#hasOwnRecords}}<ul id="access-own">{{#accessNotes}}<li>{{t.staff_notes}} · {{when}} · {{by}}: {{text}}</li>{{/accessNotes}}{{#accessMessages}}<li>{{t.staff_messages}} · {{when}} · {{by}} ({{referral}}): {{text}}</li>{{/accessMessages}}{{#accessTasks}}<li>{{t.staff_tasks}} · {{due}}: {{text}}</li>{{/accessTasks}}{{#accessFiles}}<li>{{t.staff_attachments}} · {{when}}: {{name}}</li>{{/accessFiles}}</ul>{{/hasOwnRecords}}
        <h2 id="access-audit-heading">{{t.staff_audit}}</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-label="{{t.staff_table}}"><table class="audit" aria-labelledby="access-audit-heading"><thead><tr><th scope="col">{{t.staff_audit_when}}</th><th scope="col">{{t.staff_audit_who}}</th><th scope="col">{{t.staff_audit_action}}</th></tr></thead><tbody>
        {{#audit}}<tr><td>{{when}}</td><td>{{user}}</td><td>{{action}}{{#detail}} — {{detail}}{{/detail}}</td></tr>{{/audit}}
        </tbody></table></div>
        {{> footer}}
        """

    static let erasures = """
        {{> staffHeader}}
        <h1>{{t.staff_erasures}}</h1>
        {{#erasedNotice}}<p class="notice" role="status" id="notice">{{t.staff_erasures_done}}</p>{{/erasedNotice}}
        <p>{{t.staff_erasures_intro}}</p>
        {{^hasErasures}}<p>{{t.staff_erasures_none}}</p>{{/hasErasures}}
        {{#hasErasures}}<div class="table-scroll" tabindex="0" role="region" aria-label="{{t.staff_table}}"><table class="staff-users clients" id="erasures"><thead><tr><th scope="col">{{t.staff_erasures_circle}}</th><th scope="col">{{t.staff_erasures_requested}}</th><th scope="col">{{t.staff_erasures_by}}</th><th scope="col">{{t.staff_erasures_done}}</th><th scope="col">{{t.staff_erasures_acks}}</th><th scope="col">{{t.staff_erasures_waiting}}</th></tr></thead><tbody>
        {{#erasures}}<tr class="erasure"><td>{{number}}</td><td data-label="{{t.staff_erasures_requested}}">{{requested}}</td><td data-label="{{t.staff_erasures_by}}">{{by}}</td><td data-label="{{t.staff_erasures_done}}">{{erased}}</td><td class="acks" data-label="{{t.staff_erasures_acks}}">{{acks}}</td><td class="waiting" data-label="{{t.staff_erasures_waiting}}">{{#complete}}<strong>{{waiting}}</strong>{{/complete}}{{^complete}}{{waiting}}{{/complete}}</td></tr>{{/erasures}}
        </tbody></table></div>{{/hasErasures}}
        {{> footer}}
        """
}
