/// Names of languages by code (ISO 639-1, and ISO 639-3 where there is no two-letter code), in
/// English and in Irish, for the interface: the languages residents of Irish towns speak most (the
/// census's languages spoken at home) and those services list. Names are the ISO 639 English names
/// and the Irish terms of the national terminology database (téarma.ie); a code not listed shows
/// as the code itself, and a language without an Irish term here shows its English name.
public enum LanguageNames {
    static let table: [String: (english: String, irish: String?)] = [
        "en": ("English", "Béarla"), "ga": ("Irish", "Gaeilge"), "isg": ("Irish Sign Language", "Teanga Chomharthaíochta na hÉireann"),
        "pl": ("Polish", "Polainnis"), "ro": ("Romanian", "Rómáinis"), "lt": ("Lithuanian", "Liotuáinis"), "lv": ("Latvian", "Laitvis"),
        "pt": ("Portuguese", "Portaingéilis"), "es": ("Spanish", "Spáinnis"), "fr": ("French", "Fraincis"), "de": ("German", "Gearmáinis"),
        "it": ("Italian", "Iodáilis"), "ru": ("Russian", "Rúisis"), "uk": ("Ukrainian", "Úcráinis"), "ar": ("Arabic", "Araibis"),
        "zh": ("Chinese", "Sínis"), "hi": ("Hindi", "Hiondúis"), "ur": ("Urdu", "Urdúis"), "bn": ("Bengali", "Beangáilis"),
        "tr": ("Turkish", "Tuircis"), "fa": ("Persian", "Peirsis"), "hu": ("Hungarian", "Ungáiris"), "cs": ("Czech", "Seicis"),
        "sk": ("Slovak", "Slóvaicis"), "bg": ("Bulgarian", "Bulgáiris"), "hr": ("Croatian", "Cróitis"), "nl": ("Dutch", "Ollainnis"),
        "sq": ("Albanian", "Albáinis"), "ka": ("Georgian", "Seoirsis"), "so": ("Somali", "Somáilis"), "sw": ("Swahili", "Svahaílis"),
        "yo": ("Yoruba", nil), "ig": ("Igbo", nil), "ps": ("Pashto", nil), "ku": ("Kurdish", "Coirdis"), "ti": ("Tigrinya", nil),
        "am": ("Amharic", nil), "tl": ("Tagalog", nil), "ml": ("Malayalam", nil), "pa": ("Punjabi", "Puinseáibis"),
    ]

    /// Every code listed, for pickers.
    public static var codes: [String] { Array(table.keys) }

    /// The language's name in English, or in Irish when `irish` (its English name if there is no
    /// Irish term here); the code itself for a code not listed.
    public static func name(_ code: String, irish: Bool = false) -> String {
        guard let entry = table[code.lowercased()] else { return code }
        return irish ? entry.irish ?? entry.english : entry.english
    }
}

/// Irish names for the accessibility features services most often list (HSDS `accessibility`
/// descriptions are the publisher's own words, usually English): the interface shows these in Irish,
/// and any other description as it was published.
public enum AccessibilityNames {
    static let irish: [String: String] = [
        "step-free access": "Rochtain gan chéimeanna", "wheelchair accessible entrance": "Bealach isteach inrochtana do chathaoireacha rothaí",
        "wheelchair accessible": "Inrochtana do chathaoireacha rothaí", "accessible toilet": "Leithreas inrochtana",
        "accessible parking": "Páirceáil inrochtana", "lift to all floors": "Ardaitheoir chuig gach urlár", "lift": "Ardaitheoir",
        "hearing loop": "Lúb éisteachta", "quiet room available": "Seomra ciúin ar fáil", "quiet room": "Seomra ciúin",
        "baby changing facilities": "Áiseanna athraithe leanaí", "ramp": "Rampa", "braille signage": "Comharthaíocht Braille",
        "guide dogs welcome": "Fáilte roimh mhadraí treorach", "large print materials": "Ábhair i gcló mór",
        "irish sign language interpreter": "Ateangaire Teanga Chomharthaíochta na hÉireann",
    ]

    /// The description in the interface's language where it is a common one, else as published.
    public static func name(_ description: String, irish: Bool) -> String {
        guard irish else { return description }
        return Self.irish[description.trimmingWhitespace().lowercased()] ?? description
    }
}
