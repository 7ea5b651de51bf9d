/// The interface languages of the public pages. Content (service names, descriptions) stays in the
/// language its publisher wrote it in; only the interface around it is translated.
public enum InterfaceLanguage: String, Sendable, CaseIterable {
    case english = "en"
    case irish = "ga"

    /// Every interface string, by key, in this language.
    var table: [String: String] {
        switch self {
        case .english: return Localization.english
        case .irish: return Localization.irish
        }
    }

    /// The other language, offered by the language switch.
    var other: InterfaceLanguage { self == .english ? .irish : .english }

    /// The language's own name, as the switch shows it.
    var ownName: String { self == .english ? "English" : "Gaeilge" }
}

/// The translation tables. Templates hold no interface text of their own: every word comes from here.
enum Localization {
    /// Looks up `key`, falling back to English, then to the key itself (which a test forbids).
    static func text(_ key: String, _ language: InterfaceLanguage) -> String {
        language.table[key] ?? english[key] ?? key
    }

    static let english: [String: String] = [
        "site.title": "Ballymun community services",
        "site.tagline": "Find services, groups and support near you",
        "site.skip": "Skip to main content",
        "site.sample": "Sample data: every organisation and service in this directory is fictional, for demonstration only.",
        "site.footer": "Each organisation publishes its own entries. Data follows the Open Referral HSDS 3.0 standard.",
        "site.api": "Open data (HSDS API)",
        "site.language": "Language",
        "site.mylist": "My list",
        "site.home": "Home",
        "nav.main": "Main",
        "search.label": "What are you looking for?",
        "search.placeholder": "e.g. youth club, counselling, English classes",
        "search.button": "Search",
        "search.near": "Near (Eircode area or place)",
        "search.near.placeholder": "e.g. D11 or Ballymun Library",
        "search.nearme": "Use my location",
        "search.opennow": "Open now",
        "search.opennow.hint": "Services open at this moment",
        "home.categories": "Browse by category",
        "home.services.count": "services",
        "home.opennow.link": "See what is open now",
        "results.title": "Search results",
        "results.count.one": "1 service found",
        "results.count.many": "{n} services found",
        "results.none": "No services match. Try fewer words or remove a filter.",
        "results.filters": "Filter results",
        "results.apply": "Apply filters",
        "results.clear": "Clear all filters",
        "results.sort": "Sort by",
        "sort.relevance": "Best match",
        "sort.distance": "Distance",
        "sort.name": "Name",
        "sort.updated": "Recently updated",
        "results.page": "Page {page} of {pages}",
        "results.previous": "Previous page",
        "results.next": "Next page",
        "results.pagination": "Pages",
        "results.map": "Map of results",
        "results.map.nojs": "The map needs JavaScript. Every result is listed with its address.",
        "results.map.pick": "Click the map to search near that point.",
        "results.km": "{km} km away",
        "facet.category": "Category",
        "facet.age": "Age group",
        "facet.language": "Language",
        "facet.accessibility": "Accessibility",
        "facet.cost": "Cost",
        "facet.free": "Free",
        "facet.when": "When",
        "facet.when.any": "Any time",
        "facet.when.now": "Open now",
        "facet.when.at": "Open on a day and time",
        "facet.day": "Day",
        "facet.time": "Time",
        "facet.radius": "Within",
        "facet.radius.any": "Any distance",
        "age.children": "Children (0–12)",
        "age.young-people": "Young people (13–17)",
        "age.adults": "Adults (18–64)",
        "age.older-people": "Older people (65+)",
        "day.MO": "Monday", "day.TU": "Tuesday", "day.WE": "Wednesday", "day.TH": "Thursday", "day.FR": "Friday",
        "day.SA": "Saturday", "day.SU": "Sunday",
        "badge.open": "Open now",
        "badge.closed": "Closed now",
        "badge.free": "Free",
        "service.about": "About this service",
        "service.eligibility": "Who it is for",
        "service.ages": "Ages",
        "service.ages.range": "{min} to {max} years",
        "service.ages.from": "{min} years and over",
        "service.ages.to": "Up to {max} years",
        "service.apply": "How to apply",
        "service.hours": "Opening hours",
        "service.hours.none": "No regular opening hours are listed. Contact the service.",
        "service.next": "Next open: {day} at {time}",
        "service.closes": "Closes at {time}",
        "service.where": "Where",
        "service.directions": "Directions",
        "service.contact": "Contact",
        "service.phone": "Phone",
        "service.email": "Email",
        "service.website": "Website",
        "service.languages": "Languages",
        "service.accessibility": "Accessibility",
        "service.cost": "Cost",
        "service.organization": "Provided by",
        "service.verified": "Last checked: {date}",
        "service.updated": "Last updated: {date}",
        "service.alert": "Notice",
        "service.suggest": "Suggest a correction",
        "service.notfound": "This service could not be found. It may have been removed.",
        "org.services": "Services from this organisation",
        "org.notfound": "This organisation could not be found.",
        "list.add": "Add to my list",
        "list.remove": "Remove from my list",
        "list.added": "On your list",
        "list.title": "My list",
        "list.empty": "Your list is empty. Add services while you browse.",
        "list.print": "Print this list",
        "list.share": "Link to this list",
        "list.share.hint": "Anyone with this link sees the same services. Nothing about you is stored.",
        "list.clear": "Empty the list",
        "suggest.title": "Suggest a correction",
        "suggest.intro": "Tell the organisation that publishes this service what is wrong or out of date.",
        "suggest.field": "What needs correcting?",
        "suggest.message": "Your suggestion",
        "suggest.contact": "Your email (optional, only if you want a reply)",
        "suggest.send": "Send suggestion",
        "suggest.thanks": "Thank you. Your suggestion was passed to the organisation that publishes this service.",
        "suggest.error.empty": "Please write your suggestion before sending it.",
        "suggest.error.long": "Please keep your suggestion under 2,000 characters.",
        "field.any": "Something else",
        "field.hours": "Opening hours",
        "field.contact": "Phone, email or website",
        "field.address": "Address",
        "field.description": "Description",
        "admin.corrections": "Suggested corrections",
        "admin.corrections.none": "No suggestions yet.",
        "admin.received": "Received",
        "error.title": "Something went wrong",
        "error.notfound": "Page not found",
        "error.badrequest": "That request could not be understood: {detail}",
        "back.results": "Back to results",
    ]

    /// Irish. Where a key is missing, English is shown.
    static let irish: [String: String] = Localization.irishTable
}
