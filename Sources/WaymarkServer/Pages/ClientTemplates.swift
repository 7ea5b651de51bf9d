/// The client's own pages (`/me`) and the receipt staff print for a client. Markup only: every word
/// comes from the translation tables.
enum ClientTemplates {
    static let all: [String: String] = ["clientSignIn": signIn, "clientRecord": record, "clientConfirm": confirm, "staffClientCode": staffCode, "staffCheckins": staffCheckins]

    static let signIn = """
        {{> header}}
        <h1>{{t.client_signin_title}}</h1>
        {{#signedOut}}<p class="notice" role="status" id="signed-out">{{t.client_signedout}}</p>{{/signedOut}}
        <p>{{t.client_signin_intro}}</p>
        {{#error}}<p class="error" role="alert" id="client-error">{{error}}</p>{{/error}}
        <form method="post" action="/me?lang={{lang}}" class="staff-form" id="client-signin">
        <input type="hidden" name="lang" value="{{lang}}">
        <div class="field"><label for="client-code">{{t.client_signin_code}}</label>
        <p class="hint" id="client-code-hint">{{t.client_signin_code_hint}}</p>
        <input id="client-code" name="code" value="{{code}}" maxlength="24" autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="client-code-hint" required></div>
        <fieldset class="dob"><legend>{{t.client_signin_dob}}</legend>
        <p class="hint">{{t.client_signin_dob_hint}}</p>
        <label for="dob-day">{{t.client_signin_day}}</label> <input id="dob-day" name="day" value="{{day}}" inputmode="numeric" maxlength="2" size="2" autocomplete="off" required>
        <label for="dob-month">{{t.client_signin_month}}</label> <input id="dob-month" name="month" value="{{month}}" inputmode="numeric" maxlength="2" size="2" autocomplete="off" required>
        <label for="dob-year">{{t.client_signin_year}}</label> <input id="dob-year" name="year" value="{{year}}" inputmode="numeric" maxlength="4" size="4" autocomplete="off" required>
        </fieldset>
        <p><button type="submit" id="client-open">{{t.client_signin_open}}</button></p>
        </form>
        <p>{{t.client_signin_lost}}</p>
        <p class="meta">{{t.client_signin_private}}</p>
        {{> footer}}
        """

    static let record = """
        {{> header}}
        <h1 id="client-record-title">{{t.client_record_title}}</h1>
        <p>{{t.client_record_home}} <strong id="client-home">{{homeName}}</strong>.</p>
        {{#acting}}<p class="banner-note" id="client-acting"><strong>{{acting}}</strong></p>{{/acting}}
        {{#notice}}<p class="notice" role="status" id="client-notice">{{notice}}</p>{{/notice}}
        {{#error}}<p class="error" role="alert" id="client-error">{{error}}</p>{{/error}}
        {{#hasRequests}}<h2 id="requests-heading">{{t.client_requests}}</h2>
        <ul class="client-requests" id="client-requests">{{#requests}}<li class="request"><p><strong>{{text}}</strong></p>
        <p>{{t.client_request_why}} {{reason}}</p>
        <form method="post" action="/me/grant?lang={{lang}}" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="organization" value="{{org}}">{{#purposes}}<input type="hidden" name="purpose" value="{{.}}">{{/purposes}}<button type="submit" class="agree">{{t.client_request_agree}}<span class="visually-hidden"> {{name}}</span></button></form>
        <form method="post" action="/me/decline?lang={{lang}}" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="request" value="{{id}}"><button type="submit" class="decline">{{t.client_request_decline}}<span class="visually-hidden"> {{name}}</span></button></form></li>{{/requests}}</ul>{{/hasRequests}}
        <h2 id="holders-heading">{{t.client_holders}}</h2>
        <p>{{t.client_holders_intro}}</p>
        <ul id="client-holders">{{#holders}}<li><strong>{{name}}</strong>{{#isHome}} ({{t.client_holders_home}}){{/isHome}}: {{what}}</li>{{/holders}}</ul>
        <h2 id="consents-heading">{{t.client_consents}}</h2>
        {{^hasConsents}}<p>{{t.client_consents_none}}</p>{{/hasConsents}}
        <ul class="client-consents" id="client-consents">{{#consents}}<li class="consent"><strong>{{name}}</strong>: {{state}}
        {{#granted}}<form method="post" action="/me/withdraw?lang={{lang}}" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="organization" value="{{org}}"><button type="submit" class="withdraw">{{t.client_withdraw}}<span class="visually-hidden"> {{name}}</span></button></form>{{/granted}}</li>{{/consents}}</ul>
        {{#hasGrantable}}<h3 id="grant-heading">{{t.client_grant}}</h3>
        <p>{{t.client_grant_intro}}</p>
        <form method="post" action="/me/grant?lang={{lang}}" class="staff-form" id="client-grant">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <p><label for="grant-org">{{t.client_grant_org}}</label><br><select id="grant-org" name="organization">{{#grantable}}<option value="{{org}}">{{name}}</option>{{/grantable}}</select></p>
        <fieldset><legend>{{t.client_grant_what}}</legend>
        <label><input type="checkbox" name="purpose" value="referral" checked> {{t.client_purpose_referral}}</label><br>
        <label><input type="checkbox" name="purpose" value="progress"> {{t.client_purpose_progress}}</label></fieldset>
        <p><button type="submit" id="grant-button">{{t.client_grant_button}}</button></p>
        </form>{{/hasGrantable}}
        {{#hasGoals}}<h2 id="progress-heading">{{t.client_progress}}</h2>
        <p>{{t.client_progress_intro}}</p>
        {{#goals}}<form method="post" action="/me/rate?lang={{lang}}" class="client-goal" id="rate-{{id}}">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="goal" value="{{id}}">
        <h3>{{title}}</h3><p class="meta">{{t.client_progress_with}} {{by}}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label="{{title}}"><table class="staff-users client-readings"><thead><tr><th scope="col">{{t.client_progress_area}}</th><th scope="col">{{t.client_progress_worker}}</th><th scope="col">{{t.client_progress_mine}}</th><th scope="col">{{t.client_progress_now}}</th></tr></thead><tbody>
        {{#areas}}<tr><td>{{areaName}}<input type="hidden" name="area-{{i}}" value="{{area}}"></td><td>{{worker}}</td><td class="mine">{{mine}}</td><td><label class="visually-hidden" for="stage-{{id}}-{{i}}">{{t.client_progress_now}} {{areaName}}</label><select id="stage-{{id}}-{{i}}" name="stage-{{i}}"><option value="">–</option>{{#choices}}<option>{{n}}</option>{{/choices}}</select></td></tr>{{/areas}}
        </tbody></table></div>
        <p><label><input type="checkbox" name="statistics" value="yes"> {{t.client_progress_count}}</label></p>
        <p><button type="submit" class="rate">{{t.client_progress_save}}</button></p>
        </form>{{/goals}}{{/hasGoals}}
        {{#hasClosed}}<h2 id="checkin-heading">{{t.client_checkin}}</h2>
        {{#closed}}<section class="checkin"><h3>{{service}}</h3>
        {{#answered}}<p class="answered">{{answered}}</p>{{#comment}}<blockquote>{{comment}}</blockquote>{{/comment}}{{/answered}}
        {{^answered}}<form method="post" action="/me/checkin?lang={{lang}}" class="client-checkin">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="referral" value="{{id}}">
        <fieldset class="scores"><legend>{{t.client_checkin_question}}</legend>
        <p class="hint">{{t.client_checkin_scale}}</p>
        {{#scores}}<label class="score"><input type="radio" name="score" value="{{n}}" required> {{n}}</label> {{/scores}}
        </fieldset>
        <p><label for="comment-{{id}}">{{t.client_checkin_comment}}</label><br><textarea id="comment-{{id}}" name="comment" rows="3"></textarea></p>
        <p><button type="submit" class="checkin-send">{{t.client_checkin_send}}</button></p>
        </form>{{/answered}}</section>{{/closed}}{{/hasClosed}}
        {{#hasProxies}}<h2 id="proxies-heading">{{t.client_proxies}}</h2><ul id="client-proxies">{{#proxies}}<li>{{.}}</li>{{/proxies}}</ul>{{/hasProxies}}
        <h2 id="changes">{{t.client_changes}}</h2>
        {{^hasChanges}}<p>{{t.client_changes_none}}</p>{{/hasChanges}}
        <ol class="client-changes" id="client-changes">{{#changes}}<li class="change"><strong>{{what}}</strong>{{#by}} {{by}}{{/by}} · {{when}} · {{via}}
        {{#waiting}}<br><span class="waiting">{{t.client_change_waiting}}</span>{{/waiting}}
        <ul class="acks">{{#acks}}<li class="ack">{{t.client_change_confirmed}} {{name}} · {{when}}</li>{{/acks}}</ul></li>{{/changes}}</ol>
        <h2 id="accesses-heading">{{t.client_accesses}}</h2>
        <ul id="client-accesses">{{#accesses}}<li>{{.}}</li>{{/accesses}}</ul>
        <h2 id="timeline-heading">{{t.client_timeline}}</h2>
        {{^hasTimeline}}<p>{{t.client_timeline_none}}</p>{{/hasTimeline}}
        <ol class="timeline" id="client-timeline">{{#timeline}}<li><span class="meta">{{when}}</span> {{what}}</li>{{/timeline}}</ol>
        <p class="no-print"><a href="/me/receipt.json" id="receipt-json">{{t.client_receipt_json}}</a> · {{t.client_print}}</p>
        <form method="post" action="/me/signout?lang={{lang}}" class="no-print"><button type="submit" id="client-signout">{{t.client_signout}}</button></form>
        {{> footer}}
        """

    static let confirm = """
        {{> header}}
        <h1 id="confirm-heading">{{heading}}</h1>
        <p id="confirm-explain">{{explain}}</p>
        <form method="post" action="{{action}}?lang={{lang}}" id="client-confirm">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="organization" value="{{org}}"><input type="hidden" name="confirm" value="yes">
        {{#purposes}}<input type="hidden" name="purpose" value="{{.}}">{{/purposes}}
        <p><button type="submit" id="confirm-yes">{{yes}}</button> <a href="/me/record?lang={{lang}}" id="confirm-no">{{t.client_confirm_no}}</a></p>
        </form>
        {{> footer}}
        """

    static let staffCode = """
        {{> staffHeader}}
        <div class="client-code-sheet" id="client-code-sheet" lang="{{sheetLang}}">
        <h1>{{sheet.title}}</h1>
        <p>{{sheet.intro}}</p>
        <p class="code" id="client-code">{{code}}</p>
        {{#qr}}<div class="qr" id="client-qr">{{{qr}}}<p>{{sheet.qr}}</p></div>{{/qr}}
        <p>{{sheet.dob}}</p>
        <p><strong>{{sheet.where}}</strong> <span id="client-url">{{url}}</span></p>
        <h2>{{sheet.shared}}</h2>
        {{^consents}}<p>{{sheet.none}}</p>{{/consents}}
        <ul id="client-code-consents">{{#consents}}<li>{{.}}</li>{{/consents}}</ul>
        <p>{{sheet.withdraw}}</p>
        <p class="meta">{{sheet.issued}}</p>
        </div>
        <p class="no-print js-only" hidden><button type="button" data-print id="print-receipt">{{t.staff_print_button}}</button></p>
        <p class="no-print" id="code-once">{{t.staff_clientcode_once}}</p>
        <p class="no-print"><a href="/staff/clients/{{id}}?lang={{lang}}">{{t.staff_clientcode_back}}</a></p>
        {{> footer}}
        """

    static let staffCheckins = """
        {{> staffHeader}}
        <h1>{{t.staff_checkins_title}}</h1>
        <p>{{t.staff_checkins_intro}}</p>
        <p id="checkins-summary"><strong>{{summary}}</strong></p>
        {{#hasRows}}<div class="table-scroll" tabindex="0" role="region" aria-labelledby="checkins-table-caption"><table class="staff-users checkins-table"><caption id="checkins-table-caption">{{t.staff_checkins_title}}</caption><thead><tr><th scope="col">{{t.staff_checkin_referral}}</th><th scope="col">{{t.staff_checkins_score}}</th><th scope="col">{{t.staff_progress_date}}</th><th scope="col">{{t.staff_checkins_comment}}</th></tr></thead><tbody>
        {{#rows}}<tr class="checkin"><td>{{service}}</td><td>{{score}} / 10</td><td>{{date}} · {{how}}</td><td>{{comment}}</td></tr>{{/rows}}
        </tbody></table></div>{{/hasRows}}
        <h2 id="changes-heading">{{t.staff_changes}}</h2>
        <p>{{t.staff_changes_intro}}</p>
        {{^hasChanges}}<p id="no-changes">{{t.staff_changes_none}}</p>{{/hasChanges}}
        {{#hasChanges}}<ul id="feedback-changes">{{#changes}}<li class="change"><strong>{{date}}</strong>: {{text}} <span class="meta">({{by}})</span></li>{{/changes}}</ul>{{/hasChanges}}
        {{#changeError}}<p class="error" role="alert" id="change-error">{{changeError}}</p>{{/changeError}}
        <form method="post" action="/staff/checkins/changes" class="staff-form" id="change-form">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}">
        <p><label for="change-text">{{t.staff_changes_what}}</label><br><textarea id="change-text" name="text" rows="3" maxlength="2000" aria-describedby="change-hint"></textarea></p>
        <p class="hint" id="change-hint">{{t.staff_changes_hint}}</p>
        <p><button type="submit" id="change-save">{{t.staff_changes_save}}</button></p>
        </form>
        {{> footer}}
        """
}
