/// The Mustache templates of the public pages. They hold markup only: every word comes from the
/// translation tables (`t.*`) or from the directory's content, and `{{…}}` escapes all of it.
/// They are compiled into the program so that a node stays one binary.
enum Templates {
    static let all: [String: String] = [
        "header": header, "footer": footer, "home": home, "results": results, "service": service,
        "organization": organization, "list": list, "suggest": suggest, "suggested": suggested, "hub": hub, "follow": follow, "message": message, "corrections": corrections, "sync": sync,
        "resultItem": resultItem, "help": help, "freshness": freshness, "helpLine": helpLine, "emergencyNumbers": emergencyNumbers,
    ].merging(StaffTemplates.all) { a, _ in a }.merging(ClientTemplates.all) { a, _ in a }

    static let header = """
        <!doctype html>
        <html lang="{{lang}}" class="no-js">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{pageTitle}} – {{siteTitle}}{{^siteTitle}}{{t.site_title}}{{/siteTitle}}</title>
        <link rel="stylesheet" href="/static/site.css">
        {{#map}}<link rel="stylesheet" href="/static/leaflet/leaflet.css">{{/map}}
        </head>
        <body>
        <a class="skip" href="#main">{{t.site_skip}}</a>
        {{#urgent}}<a href="{{exitURL}}" class="quick-exit" id="quick-exit" rel="noreferrer">{{t.urgent_exit}}</a>
        <div class="urgent" id="urgent"><div class="wrap">
        <p class="urgent-call"><span class="wide-only">{{t.urgent_danger}} </span>{{t.urgent_call}} {{> emergencyNumbers}}</p>
        <a href="/help?lang={{lang}}" id="urgent-help">{{t.urgent_lines}}</a>
        </div></div>{{/urgent}}
        <header class="site"><div class="wrap">
        <a class="brand" href="/?lang={{lang}}">{{siteTitle}}{{^siteTitle}}{{t.site_title}}{{/siteTitle}}</a>
        <nav aria-label="{{t.nav_main}}"><ul>
        <li><a href="/?lang={{lang}}">{{t.site_home}}</a></li>
        <li><a href="/list?lang={{lang}}" id="mylist-link">{{t.site_mylist}} (<span id="mylist-count">{{listCount}}</span>)</a></li>
        <li><a href="{{switchURL}}" lang="{{otherLang}}" hreflang="{{otherLang}}" id="language-switch">{{otherLangName}}</a></li>
        </ul></nav>
        </div></header>
        {{#sample}}<div class="banner" role="note" id="sample-banner"><div class="wrap">{{t.site_sample}}</div></div>{{/sample}}
        <main id="main" tabindex="-1"><div class="wrap">
        """

    static let footer = """
        </div></main>
        <footer class="site"><div class="wrap">
        <p>{{t.site_footer}}</p>
        <p><a href="/api">{{t.site_api}}</a> · <a href="/freshness?lang={{lang}}" id="freshness-link">{{t.freshness_link}}</a> · <a href="/suggestions?lang={{lang}}" id="follow-suggestion-link">{{t.follow_link}}</a> · <a href="/me?lang={{lang}}" id="client-record-link">{{t.client_footer}}</a></p>
        </div></footer>
        {{#map}}<script src="/static/leaflet/leaflet.min.js"></script>{{/map}}
        <script src="/static/site.js" defer></script>
        </body>
        </html>
        """

    static let emergencyNumbers = """
        {{#numbers}}{{#or}} {{t.urgent_or}} {{/or}}<a href="{{href}}" class="call">{{number}}</a>{{/numbers}}
        """

    static let helpLine = """
        <li class="helpline" id="helpline-{{id}}"><h3>{{name}}</h3>
        {{#about}}<p>{{about}}</p>{{/about}}
        {{#phone}}<p><a class="call" href="{{href}}">{{t.help_call}} {{label}}</a></p>{{/phone}}
        {{#text}}<p class="text-line">{{text}}</p>{{/text}}
        {{#web}}<p><a href="{{web}}" rel="noopener noreferrer">{{t.help_web}}<span class="visually-hidden">: {{name}}</span></a></p>{{/web}}
        {{#hours}}<p class="hint">{{hours}}</p>{{/hours}}</li>
        """

    static let help = """
        {{> header}}
        <h1>{{t.help_title}}</h1>
        <div class="crisis"><p class="crisis-call">{{t.help_danger}} {{#urgent}}{{> emergencyNumbers}}{{/urgent}}</p></div>
        {{#hasLines}}<h2>{{t.help_lines}}</h2>
        <ul class="helplines">{{#lines}}{{> helpLine}}{{/lines}}</ul>{{/hasLines}}
        <h2>{{t.help_safety}}</h2>
        <p>{{t.help_safety_text}}</p>
        <p>{{t.help_exit_text}}</p>
        <p><a href="/search?lang={{lang}}">{{t.help_directory}}</a></p>
        {{> footer}}
        """

    static let freshness = """
        {{> header}}
        <h1>{{t.freshness_title}}</h1>
        <p>{{t.freshness_intro}}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label="{{t.freshness_title}}"><table class="freshness audit"><thead><tr>
        <th scope="col">{{t.freshness_category}}</th><th scope="col">{{t.freshness_checked}}</th></tr></thead><tbody>
        {{#rows}}<tr><th scope="row">{{name}}</th><td data-checked="{{checked}}" data-total="{{total}}">{{share}}</td></tr>{{/rows}}
        {{#overall}}<tr class="overall"><th scope="row">{{name}}</th><td data-checked="{{checked}}" data-total="{{total}}">{{share}}</td></tr>{{/overall}}
        </tbody></table></div>
        <p>{{t.freshness_how}}</p>
        <h2 id="said-did">{{t.said_title}}</h2>
        <p>{{t.said_intro}}</p>
        {{#saidEmpty}}<p id="said-none">{{t.said_none}}</p>{{/saidEmpty}}
        {{^saidEmpty}}<div class="table-scroll" tabindex="0" role="region" aria-label="{{t.said_title}}"><table class="said audit"><thead><tr>
        <th scope="col">{{t.said_organisation}}</th><th scope="col">{{t.said_answered}}</th><th scope="col">{{t.said_changed}}</th></tr></thead><tbody>
        {{#said}}<tr><th scope="row">{{name}}</th><td>{{answered}}</td><td>{{changed}}</td></tr>{{/said}}
        </tbody></table></div>{{/saidEmpty}}
        {{> footer}}
        """

    static let searchBox = """
        <form class="search" action="/search" method="get" role="search">
        <input type="hidden" name="lang" value="{{lang}}">
        <div class="field"><label for="q">{{t.search_label}}</label>
        <div class="row"><input id="q" name="q" type="search" value="{{query}}" placeholder="{{t.search_placeholder}}" autocomplete="off">
        <button type="submit">{{t.search_button}}</button></div></div>
        <div class="field"><label for="near">{{t.search_near}}</label>
        <div class="row"><input id="near" name="near" value="{{near}}" placeholder="{{placePlaceholder}}">
        <button type="button" class="secondary js-only" id="near-me">{{t.search_nearme}}</button></div>
        <input type="hidden" name="lat" id="lat" value="{{lat}}"><input type="hidden" name="lon" id="lon" value="{{lon}}"></div>
        """

    static let home =
        """
        {{> header}}
        <h1>{{t.site_tagline}}</h1>
        """ + searchBox
        + """
        </form>
        <p class="opennow"><a class="button" href="/search?open=now&amp;lang={{lang}}" id="open-now">{{t.home_opennow_link}}</a> <span class="count">({{openNowCount}})</span></p>
        <h2>{{t.home_categories}}</h2>
        <ul class="tiles">
        {{#categories}}<li><a href="/search?category={{id}}&amp;lang={{lang}}"><span class="tile-name">{{name}}</span> <span class="count">{{count}} {{t.home_services_count}}</span></a></li>
        {{/categories}}
        </ul>
        {{> footer}}
        """

    static let resultItem = """
        <li class="result" data-id="{{id}}" id="result-{{id}}">
        <h3><a href="/services/{{id}}?lang={{lang}}">{{name}}</a></h3>
        {{#organization}}<p class="org">{{organization}}</p>{{/organization}}
        <p class="badges">{{#open}}<span class="badge open">{{openText}}</span>{{/open}}{{^open}}<span class="badge closed">{{openText}}</span>{{/open}}
        {{#free}}<span class="badge free">{{t.badge_free}}</span>{{/free}}{{#distance}}<span class="distance">{{distance}}</span>{{/distance}}</p>
        {{#nextChange}}<p class="next">{{nextChange}}</p>{{/nextChange}}
        {{#phone}}<p class="phone">{{t.service_phone}}: <a href="{{href}}">{{label}}</a></p>{{/phone}}
        {{#summary}}<p class="summary">{{summary}}</p>{{/summary}}
        {{#address}}<p class="address">{{address}}</p>{{/address}}
        <form method="post" action="/list/{{listAction}}" class="list-form"><input type="hidden" name="id" value="{{id}}"><input type="hidden" name="back" value="{{back}}">
        <button type="submit" class="secondary list-button" aria-label="{{listLabel}}: {{name}}">{{listLabel}}</button></form>
        </li>
        """

    static let results =
        """
        {{> header}}
        <a class="skip" href="#count-heading" id="skip-results">{{t.results_skip}}</a>
        <h1>{{heading}}</h1>
        {{#crisis}}<section class="crisis" id="crisis" aria-labelledby="crisis-heading"><h2 id="crisis-heading">{{t.help_title}}</h2>
        <p class="crisis-call">{{t.help_danger}} {{#urgent}}{{> emergencyNumbers}}{{/urgent}}</p>
        {{#hasLines}}<ul class="helplines">{{#lines}}{{> helpLine}}{{/lines}}</ul>{{/hasLines}}
        <p><a href="/help?lang={{lang}}">{{t.help_all}}</a></p></section>{{/crisis}}
        <div class="layout">
        <div class="side">
        """ + searchBox
        + """
        <aside class="filters" aria-labelledby="filters-heading">
        <details id="filters" open>
        <summary><h2 id="filters-heading">{{t.results_filters}}</h2></summary>
        <fieldset><legend>{{t.facet_when}}</legend>
        {{#when}}<div class="option"><input type="radio" name="open" id="open-{{value}}" value="{{value}}"{{#checked}} checked{{/checked}}><label for="open-{{value}}">{{label}}</label>{{#count}} <span class="count">({{count}})</span>{{/count}}</div>{{/when}}
        <div class="row"><label for="day">{{t.facet_day}}</label><select id="day" name="day">{{#days}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/days}}</select>
        <label for="time">{{t.facet_time}}</label><input id="time" name="time" type="time" value="{{time}}"></div>
        </fieldset>
        {{#facetGroups}}<fieldset><legend>{{legend}}</legend>
        {{#options}}<div class="option"><input type="checkbox" name="{{param}}" id="{{domID}}" value="{{value}}"{{#checked}} checked{{/checked}}><label for="{{domID}}">{{label}} <span class="count">({{count}})</span></label></div>{{/options}}
        </fieldset>{{/facetGroups}}
        <fieldset><legend>{{t.facet_radius}}</legend>
        <select id="radius" name="radius" aria-label="{{t.facet_radius}}">{{#radii}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/radii}}</select>
        </fieldset>
        <div class="field"><label for="sort">{{t.results_sort}}</label>
        <select id="sort" name="sort">{{#sorts}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sorts}}</select></div>
        <button type="submit" id="apply-filters">{{t.results_apply}}</button>
        <p><a href="/search?lang={{lang}}">{{t.results_clear}}</a></p>
        </details>
        </aside>
        </form>
        </div>
        <section class="results" aria-labelledby="count-heading">
        {{#notice}}<p class="error" role="alert" id="search-notice">{{notice}}</p>{{/notice}}
        <h2 id="count-heading" aria-live="polite" tabindex="-1">{{countText}}</h2>
        {{#empty}}<p id="empty-text">{{emptyText}}</p>
        {{#hasEmptyCategories}}<h3 id="empty-browse-heading">{{t.home_categories}}</h3>
        <ul class="empty-browse" id="empty-browse" aria-labelledby="empty-browse-heading">{{#emptyCategories}}<li><a href="/search?category={{id}}&amp;lang={{lang}}">{{name}}</a> <span class="count">({{count}})</span></li>{{/emptyCategories}}</ul>{{/hasEmptyCategories}}
        <p><a href="/help?lang={{lang}}" id="empty-help">{{t.help_all}}</a></p>{{/empty}}
        <ol class="result-list" id="results">
        {{#hits}}{{> resultItem}}{{/hits}}
        </ol>
        {{#paging}}<nav class="pagination" aria-label="{{t.results_pagination}}"><p>{{pageText}}</p>
        {{#previous}}<a href="{{previous}}" rel="prev">{{t.results_previous}}</a>{{/previous}}
        {{#next}}<a href="{{next}}" rel="next">{{t.results_next}}</a>{{/next}}</nav>{{/paging}}
        {{^empty}}<div id="map" class="map" role="region" aria-label="{{t.results_map}}" data-points="{{pointsJSON}}" data-tiles="{{tiles}}" data-centre="{{mapCentre}}" data-pick="{{t.results_map_pick}}" data-here="{{t.results_map_here}}" data-lang="{{lang}}"></div>
        <noscript><p class="note">{{t.results_map_nojs}}</p></noscript>{{/empty}}
        </section>
        </div>
        {{> footer}}
        """

    static let service = """
        {{> header}}
        <p><a href="{{backURL}}">{{t.back_results}}</a></p>
        <article class="service">
        <h1>{{name}}</h1>
        {{#organization}}<p class="org">{{t.service_organization}} <a href="/organizations/{{organizationID}}?lang={{lang}}">{{organization}}</a></p>{{/organization}}
        <p class="badges">{{#open}}<span class="badge open">{{t.badge_open}}</span>{{/open}}{{^open}}<span class="badge closed">{{t.badge_closed}}</span>{{/open}}
        {{#free}}<span class="badge free">{{t.badge_free}}</span>{{/free}}</p>
        {{#nextOpening}}<p class="next">{{nextOpening}}</p>{{/nextOpening}}
        {{#closesAt}}<p class="next">{{closesAt}}</p>{{/closesAt}}
        {{#alert}}<div class="alert" role="note"><strong>{{t.service_alert}}:</strong> {{alert}}</div>{{/alert}}
        <form method="post" action="/list/{{listAction}}" class="list-form"><input type="hidden" name="id" value="{{id}}"><input type="hidden" name="back" value="{{selfURL}}">
        <button type="submit" class="secondary list-button">{{listLabel}}</button></form>
        <section><h2>{{t.service_about}}</h2>{{#description}}<p>{{.}}</p>{{/description}}</section>
        {{#eligibility}}<section><h2>{{t.service_eligibility}}</h2><p>{{eligibility}}</p>{{#ages}}<p>{{t.service_ages}}: {{ages}}</p>{{/ages}}</section>{{/eligibility}}
        {{#apply}}<section><h2>{{t.service_apply}}</h2><p>{{apply}}</p></section>{{/apply}}
        <section><h2>{{t.service_hours}}</h2>
        {{#hasHours}}<table class="hours"><caption class="visually-hidden">{{t.service_hours}}</caption><tbody>
        {{#hours}}<tr{{#today}} class="today"{{/today}}><th scope="row">{{day}}</th><td>{{times}}</td></tr>{{/hours}}
        </tbody></table>{{/hasHours}}
        {{^hasHours}}<p>{{t.service_hours_none}}</p>{{/hasHours}}
        </section>
        {{#hasLocations}}<section><h2>{{t.service_where}}</h2>
        {{#locations}}<p class="address">{{address}}{{#directions}} · <a href="{{directions}}" rel="noopener noreferrer">{{t.service_directions}}</a>{{/directions}}</p>{{/locations}}
        <div id="map" class="map small" role="region" aria-label="{{t.service_where}}" data-points="{{pointsJSON}}" data-tiles="{{tiles}}" data-centre="{{mapCentre}}" data-lang="{{lang}}"></div>
        </section>{{/hasLocations}}
        {{#hasContact}}<section><h2>{{t.service_contact}}</h2><ul class="contact">
        {{#phones}}<li>{{t.service_phone}}{{#whose}} ({{whose}}){{/whose}}: <a href="{{href}}">{{label}}</a></li>{{/phones}}
        {{#emails}}<li>{{t.service_email}}{{#whose}} ({{whose}}){{/whose}}: <a href="{{href}}">{{label}}</a></li>{{/emails}}
        {{#websites}}<li>{{t.service_website}}{{#whose}} ({{whose}}){{/whose}}: <a href="{{href}}" rel="noopener noreferrer">{{label}}</a></li>{{/websites}}
        </ul></section>{{/hasContact}}
        {{#languages}}<section><h2>{{t.service_languages}}</h2><p>{{languages}}</p></section>{{/languages}}
        {{#hasAccessibility}}<section><h2>{{t.service_accessibility}}</h2><ul>{{#accessibility}}<li>{{.}}</li>{{/accessibility}}</ul></section>{{/hasAccessibility}}
        {{#cost}}<section><h2>{{t.service_cost}}</h2><p>{{cost}}</p></section>{{/cost}}
        <footer class="meta">{{#verified}}<p>{{verified}}</p>{{/verified}}{{#champion}}<p id="champion-check">{{champion}}{{#championNote}} {{t.service_champion_note}} “{{championNote}}”{{/championNote}}</p>{{/champion}}{{#updated}}<p>{{updated}}</p>{{/updated}}
        <p><a href="/services/{{id}}/suggest?lang={{lang}}" id="suggest-link">{{t.service_suggest}}</a></p></footer>
        </article>
        {{> footer}}
        """

    static let organization = """
        {{> header}}
        <article class="organization">
        <h1>{{name}}</h1>
        {{#description}}<p>{{description}}</p>{{/description}}
        <ul class="contact">
        {{#phones}}<li>{{t.service_phone}}: <a href="{{href}}">{{label}}</a></li>{{/phones}}
        {{#emails}}<li>{{t.service_email}}: <a href="{{href}}">{{label}}</a></li>{{/emails}}
        {{#websites}}<li>{{t.service_website}}: <a href="{{href}}" rel="noopener noreferrer">{{label}}</a></li>{{/websites}}
        </ul>
        <h2>{{t.org_services}}</h2>
        <ol class="result-list">{{#hits}}{{> resultItem}}{{/hits}}</ol>
        <h2 id="said-did">{{t.said_title}}</h2>
        <p id="said-did-count">{{saidDid}}</p>
        </article>
        {{> footer}}
        """

    static let list = """
        {{> header}}
        <h1>{{t.list_title}}</h1>
        {{#empty}}<p>{{t.list_empty}}</p>{{/empty}}
        {{^empty}}
        <p class="print-only" id="printed-on">{{printedOn}}</p>
        <p class="actions no-print"><button type="button" class="js-only" id="print-list">{{t.list_print}}</button></p>
        <div class="share no-print"><label for="share-link">{{t.list_share}}</label><input id="share-link" readonly value="{{shareURL}}">
        <p class="hint">{{t.list_share_hint}}</p></div>
        <ol class="result-list">{{#hits}}{{> resultItem}}{{/hits}}</ol>
        <form method="post" action="/list/clear" class="no-print"><input type="hidden" name="back" value="/list?lang={{lang}}"><button type="submit" class="secondary">{{t.list_clear}}</button></form>
        {{/empty}}
        {{> footer}}
        """

    static let suggest = """
        {{> header}}
        <h1>{{t.suggest_title}}</h1>
        <p>{{t.suggest_intro}}</p>
        <p><a href="/services/{{id}}?lang={{lang}}">{{name}}</a></p>
        {{#error}}<p class="error" role="alert" id="suggest-error">{{error}}</p>{{/error}}
        <form method="post" action="/services/{{id}}/suggest">
        <input type="hidden" name="lang" value="{{lang}}">
        <div class="field"><label for="field">{{t.suggest_field}}</label><select id="field" name="field">{{#fields}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/fields}}</select></div>
        <div class="field"><label for="message">{{t.suggest_message}}</label><textarea id="message" name="message" rows="6" maxlength="2000" required>{{message}}</textarea></div>
        <div class="field"><label for="contact">{{t.suggest_contact}}</label><input id="contact" name="contact" type="email" value="{{contact}}" autocomplete="email"></div>
        <button type="submit">{{t.suggest_send}}</button>
        </form>
        {{> footer}}
        """

    static let hub = """
        {{> header}}
        <h1>{{t.hub_title}}</h1>
        <p>{{t.hub_intro}}</p>
        {{^hasRelease}}<p id="hub-none">{{t.hub_none}}</p>{{/hasRelease}}
        {{#hasRelease}}<form method="get" action="/hub" class="inline"><input type="hidden" name="lang" value="{{lang}}"><label for="period">{{t.hub_period}}</label> <select id="period" name="period">{{#periods}}<option value="{{period}}"{{#selected}} selected{{/selected}}>{{period}}</option>{{/periods}}</select> <button type="submit">{{t.hub_show}}</button></form>
        {{#unknownPeriod}}<p class="notice" id="hub-unknown-period" role="status">{{unknownPeriod}}</p>{{/unknownPeriod}}
        <p id="hub-summary">{{summary}}</p><p id="hub-person-bound">{{personBound}}</p><p id="hub-shared-people">{{sharedPeople}}</p>
        <nav aria-labelledby="hub-contents-heading" id="hub-contents"><h2 id="hub-contents-heading">{{t.hub_contents}}</h2><ul>{{#needsChart}}<li><a href="#sec-needs">{{t.hub_chart_needs}}</a></li>{{/needsChart}}{{#flowsChart}}<li><a href="#sec-flows">{{t.hub_chart_flows}}</a></li>{{/flowsChart}}{{#hasGaps}}<li><a href="#sec-gaps">{{t.hub_gaps}}</a></li>{{/hasGaps}}{{#hasAreas}}<li><a href="#sec-areas">{{t.hub_areas}}</a></li>{{/hasAreas}}{{#progressChart}}<li><a href="#progress-heading">{{t.hub_progress}}</a></li>{{/progressChart}}<li><a href="#sec-trend">{{t.hub_trend}}</a></li>{{#respondChart}}<li><a href="#sec-respond">{{t.hub_times_respond}}</a></li>{{/respondChart}}{{#closeChart}}<li><a href="#sec-close">{{t.hub_times_close}}</a></li>{{/closeChart}}{{#hasClosedLoop}}<li><a href="#sec-loop">{{t.hub_loop}}</a></li>{{/hasClosedLoop}}<li><a href="#sec-figures">{{t.hub_tables}}</a></li>{{#anyWithheld}}<li><a href="#sec-withheld">{{t.hub_withheld}}</a></li>{{/anyWithheld}}<li><a href="/hub.csv?period={{period}}">{{t.hub_csv}}</a></li></ul></nav>
        {{#needsChart}}<h2 id="sec-needs">{{t.hub_chart_needs}}</h2><figure id="needs-chart" class="chart-scroll" tabindex="0">{{{needsChart}}}</figure>{{/needsChart}}
        {{#flowsChart}}<h2 id="sec-flows">{{t.hub_chart_flows}}</h2><figure id="flows-chart" class="chart-scroll" tabindex="0">{{{flowsChart}}}</figure>{{/flowsChart}}
        {{#hasGaps}}<h2 id="sec-gaps">{{t.hub_gaps}}</h2><p>{{t.hub_gaps_intro}}</p><div class="table-scroll" tabindex="0" role="region" aria-label="{{t.hub_gaps}}"><table class="hub audit" id="gaps"><thead><tr><th scope="col">{{t.hub_gaps_category}}</th><th scope="col">{{t.hub_gaps_people}}</th><th scope="col">{{t.hub_gaps_services}}</th><th scope="col">{{t.hub_gaps_hours}}</th><th scope="col">{{t.hub_gaps_ratio}}</th></tr></thead><tbody>
        {{#gaps}}<tr><th scope="row">{{name}}</th><td data-label="{{t.hub_gaps_people}}">{{people}} <span class="margin">({{margin}})</span></td><td data-label="{{t.hub_gaps_services}}">{{services}}</td><td data-label="{{t.hub_gaps_hours}}">{{hours}}</td><td data-label="{{t.hub_gaps_ratio}}">{{ratio}}</td></tr>{{/gaps}}</tbody></table></div>{{/hasGaps}}
        {{#hasAreas}}<h2 id="sec-areas">{{t.hub_areas}}</h2><p>{{t.hub_areas_intro}}</p><div class="table-scroll" tabindex="0" role="region" aria-label="{{t.hub_areas}}"><table class="hub audit" id="areas"><thead><tr><th scope="col">{{t.hub_areas_area}}</th><th scope="col">{{t.hub_gaps_people}}</th><th scope="col">{{t.hub_areas_services}}</th><th scope="col">{{t.hub_gaps_ratio}}</th><th scope="col">{{t.hub_areas_top}}</th></tr></thead><tbody>
        {{#areas}}<tr><th scope="row">{{name}}</th><td data-label="{{t.hub_gaps_people}}">{{people}}</td><td data-label="{{t.hub_areas_services}}">{{services}}</td><td data-label="{{t.hub_gaps_ratio}}">{{ratio}}</td><td data-label="{{t.hub_areas_top}}">{{top}}</td></tr>{{/areas}}</tbody></table></div>{{/hasAreas}}
        {{#progressChart}}<h2 id="progress-heading">{{t.hub_progress}}</h2><p>{{t.hub_progress_intro}}</p><figure id="progress-chart" class="chart-scroll" tabindex="0">{{{progressChart}}}</figure><div class="table-scroll" tabindex="0" role="region" aria-labelledby="progress-heading"><table class="hub audit" id="progress"><thead><tr><th scope="col">{{t.hub_progress_area}}</th>{{#progressHead}}<th scope="col">{{.}}</th>{{/progressHead}}<th scope="col">{{t.hub_progress_people}}</th></tr></thead><tbody>
        {{#progressRows}}<tr><th scope="row">{{name}}</th>{{#parts}}<td data-label="{{label}}">{{v}}</td>{{/parts}}<td data-label="{{t.hub_progress_people}}">{{people}}</td></tr>{{/progressRows}}</tbody></table></div>{{/progressChart}}
        {{^trendChart}}<h2 id="sec-trend">{{t.hub_trend}}</h2><p id="hub-trend-later">{{t.hub_trend_later}}</p>{{/trendChart}}{{#trendChart}}<h2 id="sec-trend">{{t.hub_trend}}</h2><figure id="trend-chart" class="chart-scroll" tabindex="0">{{{trendChart}}}</figure><div class="table-scroll" tabindex="0" role="region" aria-label="{{t.hub_trend}}"><table class="hub audit"><thead><tr><th scope="col">{{t.hub_gaps_category}}</th>{{#trendHead}}<th scope="col">{{.}}</th>{{/trendHead}}</tr></thead><tbody>
        {{#trendRows}}<tr><th scope="row">{{name}}</th>{{#values}}<td>{{v}}</td>{{/values}}</tr>{{/trendRows}}</tbody></table></div>{{/trendChart}}
        {{#respondChart}}<h2 id="sec-respond">{{t.hub_times_respond}}</h2><p>{{t.hub_times_intro}}</p><figure id="respond-chart" class="chart-scroll" tabindex="0">{{{respondChart}}}</figure><div class="table-scroll" tabindex="0" role="region" aria-label="{{t.hub_times_respond}}"><table class="hub audit" id="respond"><thead><tr><th scope="col">{{t.hub_times_category}}</th>{{#respondHead}}<th scope="col">{{.}}</th>{{/respondHead}}<th scope="col">{{t.hub_times_referrals}}</th></tr></thead><tbody>
        {{#respondRows}}<tr><th scope="row">{{name}}</th>{{#parts}}<td data-label="{{label}}">{{v}}</td>{{/parts}}<td data-label="{{t.hub_times_referrals}}">{{people}}</td></tr>{{/respondRows}}</tbody></table></div>{{/respondChart}}
        {{#closeChart}}<h2 id="sec-close">{{t.hub_times_close}}</h2><figure id="close-chart" class="chart-scroll" tabindex="0">{{{closeChart}}}</figure><div class="table-scroll" tabindex="0" role="region" aria-label="{{t.hub_times_close}}"><table class="hub audit" id="close"><thead><tr><th scope="col">{{t.hub_times_category}}</th>{{#closeHead}}<th scope="col">{{.}}</th>{{/closeHead}}<th scope="col">{{t.hub_times_referrals}}</th></tr></thead><tbody>
        {{#closeRows}}<tr><th scope="row">{{name}}</th>{{#parts}}<td data-label="{{label}}">{{v}}</td>{{/parts}}<td data-label="{{t.hub_times_referrals}}">{{people}}</td></tr>{{/closeRows}}</tbody></table></div>{{/closeChart}}
        {{#hasClosedLoop}}<h2 id="sec-loop">{{t.hub_loop}}</h2><p>{{t.hub_loop_intro}}</p><ul id="closed-loop">{{#closedLoop}}<li>{{name}}: {{rate}}</li>{{/closedLoop}}</ul>{{/hasClosedLoop}}
        <h2 id="sec-figures">{{t.hub_tables}}</h2>
        <p id="hub-margin-intro">{{t.hub_margin_intro}}</p>
        {{#families}}<h3>{{name}}</h3><div class="table-scroll" tabindex="0" role="region" aria-label="{{name}}"><table class="hub audit"><thead><tr><th scope="col">{{t.hub_cell}}</th><th scope="col">{{t.hub_value}}</th><th scope="col">{{t.hub_margin}}</th><th scope="col">{{t.hub_organisations}}</th><th scope="col">{{t.hub_epsilon}}</th></tr></thead><tbody>
        {{#rows}}<tr><th scope="row">{{labels}}</th><td data-label="{{t.hub_value}}">{{value}}</td><td data-label="{{t.hub_margin}}">{{margin}}</td><td data-label="{{t.hub_organisations}}">{{organisations}}</td><td data-label="{{t.hub_epsilon}}">{{epsilon}}</td></tr>{{/rows}}
        </tbody></table></div>{{/families}}
        {{#anyWithheld}}<h2 id="sec-withheld">{{t.hub_withheld}}</h2><ul id="hub-withheld">{{#withheld}}<li>{{reason}}: {{count}}</li>{{/withheld}}</ul>{{/anyWithheld}}
        <p><a href="/hub.csv?period={{period}}" id="hub-csv">{{t.hub_csv}}</a></p>{{/hasRelease}}
        {{> footer}}
        """

    static let suggested = """
        {{> header}}
        <h1>{{t.suggest_title}}</h1>
        <p id="message" role="status">{{text}}</p>
        <div class="code-box"><p>{{t.follow_your_code}}</p><p class="code" id="code">{{code}}</p><p>{{t.follow_keep}}</p></div>
        <p><a id="follow-link" href="/suggestions?code={{code}}&amp;lang={{lang}}">{{t.follow_check}}</a></p>
        <p><a href="/services/{{id}}?lang={{lang}}">{{name}}</a></p>
        {{> footer}}
        """

    static let follow = """
        {{> header}}
        <h1>{{t.follow_title}}</h1>
        <p>{{t.follow_intro}}</p>
        <form method="get" action="/suggestions" class="follow">
        <input type="hidden" name="lang" value="{{lang}}">
        <div class="field"><label for="code">{{t.follow_code}}</label><input id="code" name="code" value="{{code}}" maxlength="20" autocomplete="off" autocapitalize="characters" spellcheck="false" required{{#error}} aria-invalid="true" aria-describedby="follow-error"{{/error}}></div>
        <button type="submit">{{t.follow_check}}</button>
        </form>
        {{#error}}<p class="error" role="alert" id="follow-error">{{error}}</p>{{/error}}
        {{#found}}<section id="suggestion-status" aria-labelledby="status-heading">
        <h2 id="status-heading">{{t.follow_about}} <a href="/services/{{serviceID}}?lang={{lang}}">{{serviceName}}</a></h2>
        <p class="status-{{stateClass}}" id="status"><strong>{{state}}</strong></p>
        {{#reason}}<p>{{t.follow_reason}}</p><blockquote id="reason">{{reason}}</blockquote>{{/reason}}
        <dl class="facts"><dt>{{t.follow_sent}}</dt><dd>{{sent}}</dd><dt>{{t.follow_to}}</dt><dd>{{publisher}}</dd><dt>{{t.follow_field}}</dt><dd>{{field}}</dd></dl>
        </section>{{/found}}
        {{> footer}}
        """

    static let message = """
        {{> header}}
        <h1>{{heading}}</h1>
        <p id="message">{{text}}</p>
        {{#link}}<p><a href="{{link}}">{{linkText}}</a></p>{{/link}}
        {{> footer}}
        """

    static let corrections = """
        {{> staffHeader}}
        <h1>{{t.admin_corrections}}</h1>
        {{#notice}}<p class="notice" role="status" id="notice">{{notice}}</p>{{/notice}}
        <p>{{t.admin_corrections_intro}}</p>
        <nav aria-label="{{t.admin_corrections}}"><ul class="tabs"><li><a href="/staff/corrections?lang={{lang}}"{{#showingOpen}} aria-current="page"{{/showingOpen}}>{{t.admin_corrections_open}}</a></li><li><a href="/staff/corrections?show=closed&amp;lang={{lang}}"{{^showingOpen}} aria-current="page"{{/showingOpen}}>{{t.admin_corrections_closed}}</a></li></ul></nav>
        {{#empty}}<p id="corrections-none">{{#showingOpen}}{{t.admin_corrections_none}}{{/showingOpen}}{{^showingOpen}}{{t.admin_corrections_none_closed}}{{/showingOpen}}</p>{{/empty}}
        {{^empty}}<div class="table-scroll" tabindex="0" role="region" aria-label="{{t.admin_corrections}}"><table class="corrections"><thead><tr><th scope="col">{{t.admin_received}}</th><th scope="col">{{t.suggest_field}}</th><th scope="col">{{t.admin_suggestion}}</th><th scope="col">{{t.service_contact}}</th></tr></thead><tbody>
        {{#items}}<tr><td>{{created}}<br><a href="/services/{{serviceID}}?lang={{lang}}">{{serviceName}}</a><br><span class="publisher">{{t.admin_corrections_publisher}}: {{publisher}}</span>{{#from}}<br><span class="publisher">{{t.admin_corrections_from}}: {{from}}</span>{{/from}}<br>
        {{t.admin_corrections_state}}: {{state}}{{^open}}{{#handled}} <span class="publisher">({{handled}})</span>{{/handled}}{{/open}}{{#reason}}<br><span class="reason">{{t.admin_corrections_reason}}: {{reason}}</span>{{/reason}}{{#open}}{{#theirs}}<br><span class="hint">{{theirsHint}}</span>{{/theirs}}{{/open}}
        {{#answerable}}{{#open}}<details class="answer"><summary>{{t.admin_corrections_answer}}<span class="visually-hidden"> {{serviceName}}</span></summary>
        <form method="post" action="/staff/corrections/{{id}}"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}">
        {{#editable}}<fieldset><legend>{{t.admin_corrections_change}}</legend>
        <div class="field"><label for="description-{{id}}">{{t.field_description}}</label><textarea id="description-{{id}}" name="description" rows="3" maxlength="4000">{{listing.description}}</textarea></div>
        <div class="field"><label for="phone-{{id}}">{{t.admin_corrections_phone}}</label><input id="phone-{{id}}" name="phone" type="tel" value="{{listing.phone}}" maxlength="40"></div>
        <div class="field"><label for="email-{{id}}">{{t.admin_corrections_email}}</label><input id="email-{{id}}" name="email" type="email" value="{{listing.email}}"></div>
        <div class="field"><label for="url-{{id}}">{{t.admin_corrections_url}}</label><input id="url-{{id}}" name="url" type="url" value="{{listing.url}}"></div>
        <p class="hint">{{t.admin_corrections_change_hint}}</p></fieldset>{{/editable}}
        <div class="field"><label for="reason-{{id}}">{{t.admin_corrections_reason_label}}</label><textarea id="reason-{{id}}" name="reason" rows="2" maxlength="1000" aria-describedby="reason-hint-{{id}}"></textarea><p class="hint" id="reason-hint-{{id}}">{{t.admin_corrections_reason_hint}}</p></div>
        <button type="submit" name="status" value="done">{{t.admin_corrections_done}}</button> <button type="submit" name="status" value="dismissed">{{t.admin_corrections_dismiss}}</button>
        </form></details>{{/open}}
        {{^open}}{{^signed}}<form method="post" action="/staff/corrections/{{id}}" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="lang" value="{{lang}}"><input type="hidden" name="show" value="closed"><input type="hidden" name="status" value="new"><button type="submit">{{t.admin_corrections_reopen}}<span class="visually-hidden"> {{serviceName}}</span></button></form>{{/signed}}{{/open}}{{/answerable}}</td>
        <td>{{field}}</td><td>{{message}}</td><td>{{#email}}<a href="mailto:{{email}}">{{contact}}</a>{{/email}}{{^email}}{{contact}}{{/email}}</td></tr>{{/items}}
        </tbody></table></div>{{/empty}}
        {{> footer}}
        """

    static let sync = """
        {{> staffHeader}}
        <h1>{{t.admin_sync}}</h1>
        <h2>{{t.admin_sync_this}}</h2>
        <dl class="sync-summary"><dt>{{t.admin_sync_fingerprint}}</dt><dd><code>{{fingerprint}}</code></dd>
        <dt>{{t.admin_sync_envelopes}}</dt><dd>{{envelopes}}</dd><dt>{{t.admin_sync_pending}}</dt><dd>{{pending}}</dd></dl>
        <h2>{{t.admin_sync_peers}}</h2>
        {{^peers}}<p>{{t.admin_sync_peers_none}}</p>{{/peers}}
        {{#hasPeers}}<div class="table-scroll" tabindex="0" role="region" aria-label="{{t.admin_sync_peers}}"><table class="sync-peers"><thead><tr><th scope="col">{{t.admin_sync_peer}}</th><th scope="col">{{t.admin_sync_source}}</th><th scope="col">{{t.admin_sync_lastsuccess}}</th><th scope="col">{{t.admin_sync_inout}}</th><th scope="col">{{t.admin_sync_bytes}}</th><th scope="col">{{t.admin_sync_rejected}}</th><th scope="col">{{t.admin_sync_status}}</th></tr></thead><tbody>
        {{#peers}}<tr><td>{{url}}<br><code>{{fingerprint}}</code></td><td>{{source}}</td><td>{{lastSuccess}}</td><td>{{envelopesIn}} / {{envelopesOut}}</td><td>{{bytesIn}} / {{bytesOut}}</td><td>{{rejections}}</td><td>{{status}}</td></tr>{{/peers}}
        </tbody></table></div>{{/hasPeers}}
        <h2>{{t.admin_sync_nodes}}</h2>
        <ul class="sync-nodes">{{#nodes}}<li>{{name}} — {{url}} <code>{{fingerprint}}</code></li>{{/nodes}}</ul>
        <h2>{{t.admin_sync_forks}}</h2>
        {{^forks}}<p>{{t.admin_sync_forks_none}}</p>{{/forks}}
        <ul class="sync-forks">{{#forks}}<li><code>{{fingerprint}}</code>: {{sequences}}</li>{{/forks}}</ul>
        <h2>{{t.admin_sync_rejections}}</h2>
        {{^rejections}}<p>{{t.admin_sync_rejections_none}}</p>{{/rejections}}
        {{#hasRejections}}<div class="table-scroll" tabindex="0" role="region" aria-label="{{t.admin_sync_rejections}}"><table class="sync-rejections"><thead><tr><th scope="col">{{t.admin_received}}</th><th scope="col">{{t.admin_sync_from}}</th><th scope="col">{{t.admin_sync_reason}}</th></tr></thead><tbody>
        {{#rejections}}<tr><td>{{at}}</td><td>{{peer}}<br><code>{{author}}</code></td><td><strong>{{reason}}</strong>: {{detail}}</td></tr>{{/rejections}}
        </tbody></table></div>{{/hasRejections}}
        {{> footer}}
        """
}
