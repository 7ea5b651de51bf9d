extension HelpLines {
    /// The built-in help lines: Ireland's emergency numbers and national crisis lines, with the words
    /// (English and Irish) that bring them to the top of a search. A deployment checks them and
    /// replaces them with its own (`waymark help-lines --file`); `waymark help-lines --show` prints
    /// these as a starting point.
    public static let irelandJSON = """
        {
          "emergency_numbers": ["112", "999"],
          "quick_exit_url": "https://www.met.ie/",
          "general_topics": ["listening"],
          "lines": [
            {
              "id": "samaritans",
              "name": {"en": "Samaritans", "ga": "Samaritans"},
              "about": {"en": "Someone to talk to if you are struggling to cope, whatever it is.",
                        "ga": "Duine le labhairt leis má tá sé ag dul díot déileáil le rudaí, cibé rud atá ann."},
              "hours": {"en": "Any time, day or night. Free.", "ga": "Aon am, de ló nó d’oíche. Saor in aisce."},
              "phone": "116 123",
              "topics": ["suicide", "listening"]
            },
            {
              "id": "pieta",
              "name": {"en": "Pieta", "ga": "Pieta"},
              "about": {"en": "Help if you are thinking of suicide or harming yourself, and for people bereaved by suicide.",
                        "ga": "Cabhair má tá tú ag smaoineamh ar fhéinmharú nó ar dhochar a dhéanamh duit féin, agus do dhaoine a cailleadh duine leo trí fhéinmharú."},
              "hours": {"en": "Any time, day or night. Free.", "ga": "Aon am, de ló nó d’oíche. Saor in aisce."},
              "phone": "1800 247 247",
              "text": {"en": "Text HELP to 51444", "ga": "Seol HELP i dteachtaireacht téacs chuig 51444"},
              "topics": ["selfharm", "suicide"]
            },
            {
              "id": "text50808",
              "name": {"en": "50808 text service", "ga": "Seirbhís téacs 50808"},
              "about": {"en": "A trained volunteer to text with when you are in crisis or overwhelmed.",
                        "ga": "Oibrí deonach oilte le téacsáil leis nuair atá tú i ngéarchéim nó thar d’acmhainn."},
              "hours": {"en": "Any time, day or night. Free.", "ga": "Aon am, de ló nó d’oíche. Saor in aisce."},
              "text": {"en": "Text HELLO to 50808", "ga": "Seol HELLO i dteachtaireacht téacs chuig 50808"},
              "topics": ["suicide", "listening"]
            },
            {
              "id": "womensaid",
              "name": {"en": "Women’s Aid", "ga": "Women’s Aid"},
              "about": {"en": "For women afraid of, or hurt by, a partner or ex-partner.",
                        "ga": "Do mhná a bhfuil eagla orthu roimh pháirtí nó iarpháirtí, nó a gortaíodh."},
              "hours": {"en": "Any time, day or night. Free.", "ga": "Aon am, de ló nó d’oíche. Saor in aisce."},
              "phone": "1800 341 900",
              "topics": ["domestic"]
            },
            {
              "id": "drcc",
              "name": {"en": "Dublin Rape Crisis Centre", "ga": "Ionad Géarchéime Éignithe Bhaile Átha Cliath"},
              "about": {"en": "For anyone affected by rape, sexual assault or sexual abuse, now or in the past.",
                        "ga": "D’aon duine a ndeachaigh éigniú, ionsaí gnéasach nó mí-úsáid ghnéasach i bhfeidhm air, anois nó san am atá caite."},
              "hours": {"en": "Any time, day or night. Free.", "ga": "Aon am, de ló nó d’oíche. Saor in aisce."},
              "phone": "1800 77 8888",
              "topics": ["sexual"]
            },
            {
              "id": "childline",
              "name": {"en": "Childline", "ga": "Childline"},
              "about": {"en": "For children and young people under 18, about anything.",
                        "ga": "Do leanaí agus do dhaoine óga faoi 18, faoi rud ar bith."},
              "hours": {"en": "Any time, day or night. Free.", "ga": "Aon am, de ló nó d’oíche. Saor in aisce."},
              "phone": "1800 66 66 66",
              "text": {"en": "Text 50101", "ga": "Seol téacs chuig 50101"},
              "topics": ["child"]
            },
            {
              "id": "homeless",
              "name": {"en": "Homeless freephone (Dublin)", "ga": "Líne shaor do dhaoine gan dídean (Baile Átha Cliath)"},
              "about": {"en": "If you have nowhere to stay tonight in Dublin: emergency accommodation.",
                        "ga": "Mura bhfuil áit agat le fanacht anocht i mBaile Átha Cliath: lóistín éigeandála."},
              "hours": {"en": "Free to call.", "ga": "Saor in aisce."},
              "phone": "1800 707 707",
              "topics": ["homeless"]
            }
          ],
          "topics": {
            "emergency": ["emergency", "crisis", "in danger", "help now", "112", "999",
                          "eigeandail", "gearcheim", "prainn", "i mbaol", "contuirt"],
            "suicide": ["suicide", "suicid", "kill myself", "end my life", "want to die", "overdose", "dont want to live",
                        "do not want to live", "feinmharu"],
            "selfharm": ["self harm", "selfharm", "harm myself", "hurt myself", "hurting myself", "cutting myself",
                         "feinghortu", "feindochar", "dochar a dheanamh dom fein"],
            "listening": ["cant cope", "cannot cope", "can not cope", "nervous breakdown", "panic attack", "helpline", "help line",
                          "someone to talk to", "talk to someone", "despair", "hopeless",
                          "line chabhrach", "duine le labhairt"],
            "domestic": ["domestic violence", "domestic abuse", "abusive partner", "abusive relationship", "violent partner",
                         "coercive", "partner hits", "afraid of my partner", "afraid of my husband", "afraid of my boyfriend",
                         "foreigean baile", "mi usaid bhaile", "mi-usaid bhaile"],
            "sexual": ["rape", "raped", "sexual assault", "sexually assaulted", "sexual abuse", "sexual violence",
                       "eigniu", "eignigh", "ionsai gneasach", "mi usaid ghneasach"],
            "child": ["childline", "child abuse", "child at risk", "child in danger", "being bullied",
                      "mi usaid leanai", "leanbh i mbaol"],
            "homeless": ["homeless", "homelessness", "emergency accommodation", "nowhere to sleep", "nowhere to stay", "sleeping rough", "rough sleeping",
                         "evicted", "eviction", "kicked out", "gan didean", "easpa didine"]
          }
        }
        """

    public static let ireland: HelpLines = {
        // Part of the program: a built-in list that does not parse is a programming error, and a test reads it.
        try! HelpLines(json: irelandJSON)
    }()
}
